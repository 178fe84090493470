//! Document totals: the one place money on quotes, orders, invoices and
//! opportunity lines is computed. Pure functions, exact decimals, no database.
//!
//! The rules (README "Money and tax" points here):
//!
//! 1. **Rounding** is half away from zero to the currency's minor unit
//!    (0 decimals for JPY, 2 for EUR/USD/RUB/UAH, 3 for KWD, …; see `currency`).
//! 2. **Line net** = quantity × unit price − line discount, rounded once. A percent
//!    discount is that share of quantity × unit price; an amount discount is at most
//!    the line's amount. On a credit line (negative quantity or price) the discount
//!    reduces the credit, so the line's `discount` is negative there.
//! 3. **Subtotal** = the sum of the line nets. The **overall discount** (a percent of
//!    the subtotal, rounded, or an amount) reduces the subtotal's size the same way
//!    and is spread over the lines in proportion to their net by the largest
//!    remainder method: each line gets its share rounded down to the minor unit, then
//!    the units left over go one each to the lines with the largest remainders, ties
//!    to the earlier line. The shares add up exactly to the discount.
//!    A line's **discounted net** = its net − its share.
//! 4. **Shipping and handling** is never discounted and is taxed at its own rate the
//!    same way as a line (it joins the group of its rate).
//! 5. **Tax**, by the document's tax mode:
//!    - `per_line`: each line's tax = discounted net × rate, rounded per line;
//!      shipping likewise; the tax is their sum.
//!    - `on_total`: per rate, tax = (sum of discounted nets at that rate) × rate,
//!      rounded once per rate.
//!    - `tax_included`: prices, the overall discount and shipping are gross; per
//!      rate, tax = gross × rate / (1 + rate), rounded once per rate, net = gross − tax.
//!
//!    In the last two modes a line's (and shipping's) `tax` is its rate's tax spread
//!    over the rate's lines in proportion to their discounted net, by the same largest
//!    remainder method, so line taxes always add up to the document's tax.
//! 6. **Grand total** = discounted subtotal + shipping + tax, except in `tax_included`
//!    where the tax is inside: grand total = discounted subtotal + shipping and
//!    net = grand total − tax.

use crate::error::{Error, Result};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How tax is computed on a document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TaxMode {
    /// Tax per line, rounded per line.
    #[default]
    PerLine,
    /// Tax per rate on the sum of the lines, rounded once per rate.
    OnTotal,
    /// Prices are gross; the tax is taken out per rate.
    TaxIncluded,
}

/// A discount: `{"percent": "10"}` or `{"amount": "5.00"}`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Discount {
    /// 0 to 100 percent of the amount.
    Percent(#[ts(type = "string")] Decimal),
    /// An amount in the document's currency, at most the amount it is taken from.
    Amount(#[ts(type = "string")] Decimal),
}

/// One line as the totals see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct LineInput {
    /// Negative for a credit line.
    #[ts(type = "string")]
    pub quantity: Decimal,
    #[ts(type = "string")]
    pub unit_price: Decimal,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub discount: Option<Discount>,
    /// A fraction, 0 to 1 ("0.19" is 19 %).
    #[serde(default)]
    #[ts(type = "string")]
    pub tax_rate: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct TotalsInput {
    /// ISO 4217; gives the minor unit everything is rounded to.
    pub currency: String,
    #[serde(default)]
    pub tax_mode: TaxMode,
    pub lines: Vec<LineInput>,
    /// The overall discount, spread over the lines.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub discount: Option<Discount>,
    /// Shipping and handling (never discounted).
    #[serde(default)]
    #[ts(type = "string")]
    pub shipping: Decimal,
    #[serde(default)]
    #[ts(type = "string")]
    pub shipping_tax_rate: Decimal,
}

/// One line's figures; in `tax_included` mode the amounts are gross.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LineTotals {
    /// Quantity × unit price, rounded.
    #[ts(type = "string")]
    pub amount: Decimal,
    /// The line's own discount: amount − net.
    #[ts(type = "string")]
    pub discount: Decimal,
    #[ts(type = "string")]
    pub net: Decimal,
    /// The line's share of the overall discount.
    #[ts(type = "string")]
    pub discount_share: Decimal,
    /// Net − discount share.
    #[ts(type = "string")]
    pub discounted_net: Decimal,
    #[ts(type = "string")]
    pub tax: Decimal,
}

/// The lines (and shipping) taxed at one rate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RateTotals {
    #[ts(type = "string")]
    pub rate: Decimal,
    /// Without tax.
    #[ts(type = "string")]
    pub net: Decimal,
    #[ts(type = "string")]
    pub tax: Decimal,
    /// Net + tax.
    #[ts(type = "string")]
    pub gross: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Totals {
    pub currency: String,
    pub tax_mode: TaxMode,
    pub lines: Vec<LineTotals>,
    /// One entry per rate, highest rate first.
    pub rates: Vec<RateTotals>,
    /// Sum of the line nets, before the overall discount.
    #[ts(type = "string")]
    pub subtotal: Decimal,
    /// The overall discount (negative on a credit document).
    #[ts(type = "string")]
    pub discount: Decimal,
    #[ts(type = "string")]
    pub shipping: Decimal,
    #[ts(type = "string")]
    pub shipping_tax: Decimal,
    /// Everything without tax, shipping included.
    #[ts(type = "string")]
    pub net: Decimal,
    #[ts(type = "string")]
    pub tax: Decimal,
    /// What the customer pays.
    #[ts(type = "string")]
    pub total: Decimal,
}

/// Most lines a document may have.
pub const MAX_LINES: usize = 1000;
/// Largest quantity, price or amount accepted (keeps every product exact).
const MAX_VALUE: Decimal = Decimal::from_parts(0xD4A5_0FFF, 0xE8, 0, false, 0); // 999_999_999_999
/// Most decimals of a quantity or unit price.
pub(crate) const MAX_DECIMALS: u32 = 6;

/// Rounds half away from zero to `minor` decimals, shown with exactly that many.
pub fn round_money(value: Decimal, minor: u32) -> Decimal {
    let mut rounded = value.round_dp_with_strategy(minor, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(minor);
    if rounded.is_zero() {
        rounded.set_sign_positive(true); // never "-0.00"
    }
    rounded
}

pub(crate) fn check_value(field: &str, value: Decimal, max_decimals: u32) -> Result<()> {
    if value.abs() > MAX_VALUE {
        return Err(Error::invalid(field, format!("{value} is too large (at most {MAX_VALUE})")));
    }
    if value.normalize().scale() > max_decimals {
        return Err(Error::invalid(field, format!("{value} has more than {max_decimals} decimals")));
    }
    Ok(())
}

pub(crate) fn check_rate(field: &str, rate: Decimal) -> Result<()> {
    if rate.is_sign_negative() && !rate.is_zero() || rate > Decimal::ONE {
        return Err(Error::invalid(field, format!("A tax rate is a fraction from 0 to 1 (0.19 is 19 %), not {rate}")));
    }
    check_value(field, rate, MAX_DECIMALS)
}

/// The (unrounded, signed) discount taken from `base`; refuses one larger than `base`.
fn discount_of(field: &str, discount: Discount, base: Decimal, minor: u32) -> Result<Decimal> {
    match discount {
        Discount::Percent(p) => {
            if p < Decimal::ZERO || p > Decimal::ONE_HUNDRED {
                return Err(Error::invalid(field, format!("A discount is 0 to 100 percent, not {p}")));
            }
            Ok(base * p / Decimal::ONE_HUNDRED)
        }
        Discount::Amount(a) => {
            if a.is_sign_negative() && !a.is_zero() {
                return Err(Error::invalid(field, "A discount cannot be negative"));
            }
            check_value(field, a, minor)?;
            if a > base.abs() {
                return Err(Error::invalid(field, format!("The discount {a} is more than the amount {base}")));
            }
            Ok(if base.is_sign_negative() { -a } else { a })
        }
    }
}

/// `value` in minor units (an exact integer for a value rounded to `minor`).
fn units(value: Decimal, minor: u32) -> i128 {
    let mut v = value;
    v.rescale(minor);
    v.mantissa()
}

/// Spreads `total` over `weights` in proportion, exactly, by the largest remainder
/// method (remainders compared exactly in integers; ties go to the earlier item).
/// Every value must already be rounded to `minor`.
pub fn spread(total: Decimal, weights: &[Decimal], minor: u32) -> Result<Vec<Decimal>> {
    if total.is_sign_negative() && !total.is_zero() {
        // A negative amount spreads as the mirror of the positive one (a credit mirrors its invoice).
        return Ok(spread(-total, weights, minor)?.into_iter().map(|s| round_money(-s, minor)).collect());
    }
    let t = units(total, minor);
    let mut w: Vec<i128> = weights.iter().map(|x| units(*x, minor)).collect();
    let mut sum: i128 = w.iter().sum();
    if sum == 0 {
        return if t == 0 {
            Ok(vec![round_money(Decimal::ZERO, minor); weights.len()])
        } else {
            Err(Error::internal("cannot spread an amount over items that add up to nothing"))
        };
    }
    if sum < 0 {
        // t·w/sum = t·(−w)/(−sum): keep the divisor positive so floor and remainder behave.
        sum = -sum;
        w.iter_mut().for_each(|x| *x = -*x);
    }
    let too_large = || Error::invalid("lines", "The amounts are too large to compute exactly");
    let mut shares = Vec::with_capacity(w.len());
    let mut remainders = Vec::with_capacity(w.len());
    for (i, weight) in w.iter().enumerate() {
        let product = t.checked_mul(*weight).ok_or_else(too_large)?;
        shares.push(product.div_euclid(sum));
        remainders.push((product.rem_euclid(sum), i));
    }
    // Σ floor = t − Σ remainder / sum, so 0 <= left < number of items.
    let left = t - shares.iter().sum::<i128>();
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, i) in remainders.iter().take(left as usize) {
        shares[i] += 1;
    }
    Ok(shares.into_iter().map(|s| Decimal::from_i128_with_scale(s, minor)).collect())
}

/// Computes a document's totals by the rules in the module documentation.
pub fn compute(input: &TotalsInput) -> Result<Totals> {
    let currency = input.currency.trim().to_uppercase();
    let minor = crate::currency::minor_units(&currency)
        .ok_or_else(|| Error::invalid("currency", format!("{:?} is not an ISO 4217 currency code", input.currency)))?;
    let money = |d: Decimal| round_money(d, minor);
    if input.lines.len() > MAX_LINES {
        return Err(Error::invalid("lines", format!("A document has at most {MAX_LINES} lines")));
    }
    let mut lines = Vec::with_capacity(input.lines.len());
    for (i, line) in input.lines.iter().enumerate() {
        let field = |name: &str| format!("lines[{i}].{name}");
        check_value(&field("quantity"), line.quantity, MAX_DECIMALS)?;
        check_value(&field("unit_price"), line.unit_price, MAX_DECIMALS)?;
        check_rate(&field("tax_rate"), line.tax_rate)?;
        let gross = line.quantity * line.unit_price;
        let discount = match line.discount {
            Some(d) => discount_of(&field("discount"), d, gross, minor)?,
            None => Decimal::ZERO,
        };
        let (amount, net) = (money(gross), money(gross - discount));
        lines.push(LineTotals {
            amount,
            discount: amount - net,
            net,
            discount_share: money(Decimal::ZERO),
            discounted_net: net,
            tax: money(Decimal::ZERO),
        });
    }
    check_value("shipping", input.shipping, minor)?;
    if input.shipping.is_sign_negative() && !input.shipping.is_zero() {
        return Err(Error::invalid("shipping", "Shipping and handling cannot be negative"));
    }
    check_rate("shipping_tax_rate", input.shipping_tax_rate)?;
    let shipping = money(input.shipping);

    let subtotal = money(lines.iter().map(|l| l.net).sum());
    let discount = match input.discount {
        Some(d) => money(discount_of("discount", d, subtotal, minor)?),
        None => money(Decimal::ZERO),
    };
    let nets: Vec<Decimal> = lines.iter().map(|l| l.net).collect();
    for (line, share) in lines.iter_mut().zip(spread(discount, &nets, minor)?) {
        line.discount_share = share;
        line.discounted_net = line.net - share;
    }

    // Tax groups: the lines and shipping (the last item, when there is any) by rate.
    let mut items: Vec<(Decimal, Decimal)> =
        input.lines.iter().zip(&lines).map(|(l, t)| (l.tax_rate.normalize(), t.discounted_net)).collect();
    if !shipping.is_zero() {
        items.push((input.shipping_tax_rate.normalize(), shipping));
    }
    let mut rate_list: Vec<Decimal> = items.iter().map(|(r, _)| *r).collect();
    rate_list.sort_by(|a, b| b.cmp(a));
    rate_list.dedup();
    let mut item_tax = vec![money(Decimal::ZERO); items.len()];
    let mut rates = Vec::with_capacity(rate_list.len());
    for rate in rate_list {
        let members: Vec<usize> = (0..items.len()).filter(|&i| items[i].0 == rate).collect();
        let bases: Vec<Decimal> = members.iter().map(|&i| items[i].1).collect();
        let base: Decimal = bases.iter().sum();
        let (net, tax) = match input.tax_mode {
            TaxMode::PerLine => {
                for &i in &members {
                    item_tax[i] = money(items[i].1 * rate);
                }
                (money(base), members.iter().map(|&i| item_tax[i]).sum::<Decimal>())
            }
            TaxMode::OnTotal => (money(base), money(base * rate)),
            TaxMode::TaxIncluded => {
                let tax = money(base * rate / (Decimal::ONE + rate));
                (money(base - tax), tax)
            }
        };
        if input.tax_mode != TaxMode::PerLine {
            for (&i, share) in members.iter().zip(spread(tax, &bases, minor)?) {
                item_tax[i] = share;
            }
        }
        rates.push(RateTotals { rate, net, tax, gross: net + tax });
    }
    for (line, tax) in lines.iter_mut().zip(&item_tax) {
        line.tax = *tax;
    }
    let shipping_tax = if shipping.is_zero() { money(Decimal::ZERO) } else { item_tax[items.len() - 1] };
    let tax = money(rates.iter().map(|r| r.tax).sum());
    let discounted = subtotal - discount + shipping;
    let (net, total) = match input.tax_mode {
        TaxMode::TaxIncluded => (discounted - tax, discounted),
        _ => (discounted, discounted + tax),
    };
    Ok(Totals {
        currency,
        tax_mode: input.tax_mode,
        lines,
        rates,
        subtotal,
        discount,
        shipping,
        shipping_tax,
        net,
        tax,
        total,
    })
}

/// The `totals_compute` command: totals of a document being edited, before it is saved.
pub fn compute_command(_: &rusqlite::Connection, input: TotalsInput) -> Result<Totals> {
    compute(&input)
}

#[cfg(test)]
#[path = "totals_tests.rs"]
mod tests;
