//! An opportunity's line items: products from a price book (or free text), their
//! totals computed by `totals` and stored with the opportunity, whose amount then
//! follows the lines' grand total.

use crate::error::{Error, Result};
use crate::fields::check_len;
use crate::opportunities::{self, Opportunity, OPPORTUNITY};
use crate::price_books::{self, PriceQuery, PRICE_BOOK};
use crate::products::{self, PRODUCT};
use crate::totals::{self, Discount, LineInput, TaxMode, Totals, TotalsInput};
use crate::write::{check_live, Fields, Writer};
use crate::IdArgs;
use rusqlite::Connection;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

/// A line as the user enters it.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct LineItemInput {
    /// A catalog product; null for a free-text line.
    #[ts(optional = nullable)]
    pub product_id: Option<String>,
    /// Empty takes the product's name; required on a free-text line.
    pub description: String,
    /// Negative for a credit line.
    #[ts(type = "string")]
    pub quantity: Decimal,
    /// Null takes the price from the price book (or the product's default price).
    #[ts(type = "string | null")]
    pub unit_price: Option<Decimal>,
    #[ts(optional = nullable)]
    pub discount: Option<Discount>,
    /// Null takes the product's tax rate (0 on a free-text line).
    #[ts(type = "string | null")]
    pub tax_rate: Option<Decimal>,
}

/// Replaces an opportunity's lines: `{"id": "…", "price_book_id": "…", "lines": [{"product_id": "…", "quantity": "2"}]}`.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct LinesSet {
    pub id: String,
    /// In the opportunity's currency.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub price_book_id: Option<String>,
    #[serde(default)]
    pub tax_mode: TaxMode,
    /// An empty list removes the lines (the amount is editable again).
    pub lines: Vec<LineItemInput>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub discount: Option<Discount>,
    #[serde(default)]
    #[ts(type = "string")]
    pub shipping: Decimal,
    #[serde(default)]
    #[ts(type = "string")]
    pub shipping_tax_rate: Decimal,
}

/// A stored line: what was chosen, with the product's code and unit copied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LineItem {
    pub product_id: Option<String>,
    pub product_code: String,
    pub description: String,
    pub unit: String,
    #[ts(type = "string")]
    pub quantity: Decimal,
    #[ts(type = "string")]
    pub unit_price: Decimal,
    pub discount: Option<Discount>,
    #[ts(type = "string")]
    pub tax_rate: Decimal,
}

/// An opportunity's lines and their totals, stored together with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LineItems {
    pub price_book_id: Option<String>,
    pub tax_mode: TaxMode,
    pub discount: Option<Discount>,
    #[ts(type = "string")]
    pub shipping: Decimal,
    #[ts(type = "string")]
    pub shipping_tax_rate: Decimal,
    pub lines: Vec<LineItem>,
    pub totals: Totals,
}

/// Completes one line from its product and the price book.
fn line_item(
    conn: &Connection,
    i: usize,
    input: &LineItemInput,
    book: Option<&str>,
    currency: &str,
) -> Result<LineItem> {
    let field = |name: &str| format!("lines[{i}].{name}");
    let product_id = input.product_id.as_deref().map(str::trim).filter(|p| !p.is_empty());
    let (product_code, name, unit, rate, unit_price) = match product_id {
        Some(id) => {
            check_live(conn, &PRODUCT, id, &field("product_id"))?;
            let p = products::get(conn, IdArgs { id: id.to_owned() })?.fields;
            let price = match input.unit_price {
                Some(price) => price,
                None => {
                    let query = PriceQuery { product_id: id.to_owned(), price_book_id: book.map(str::to_owned) };
                    let found = price_books::price_for(conn, query).map_err(|e| e.with_field(&field("product_id")))?;
                    if found.currency != currency {
                        return Err(Error::invalid(
                            &field("product_id"),
                            format!("{}'s price is in {}, the opportunity in {currency}", p.name, found.currency),
                        ));
                    }
                    found.unit_price
                }
            };
            (p.code, p.name, p.unit, p.tax_rate, price)
        }
        None => {
            let price = input
                .unit_price
                .ok_or_else(|| Error::invalid(&field("unit_price"), "A line without a product needs a unit price"))?;
            (String::new(), String::new(), String::new(), Decimal::ZERO, price)
        }
    };
    let description = match input.description.trim() {
        "" if name.is_empty() => {
            return Err(Error::invalid(&field("description"), "A line without a product needs a description"))
        }
        "" => name,
        text => text.to_owned(),
    };
    check_len(&field("description"), &description, 2000)?;
    Ok(LineItem {
        product_id: product_id.map(str::to_owned),
        product_code,
        description,
        unit,
        quantity: input.quantity,
        unit_price,
        discount: input.discount,
        tax_rate: input.tax_rate.unwrap_or(rate),
    })
}

/// Replaces the lines, computes their totals and sets the amount to the grand total.
pub fn set(w: &mut Writer, args: LinesSet) -> Result<Opportunity> {
    let opportunity = opportunities::get(w.conn(), IdArgs { id: args.id.clone() })?;
    if opportunity.deleted_at.is_some() {
        return Err(Error::conflict("This opportunity was deleted; restore it before editing"));
    }
    let currency = opportunity.fields.currency;
    let book = args.price_book_id.as_deref().map(str::trim).filter(|b| !b.is_empty());
    if let Some(id) = book {
        check_live(w.conn(), &PRICE_BOOK, id, "price_book_id")?;
        let b = price_books::get(w.conn(), IdArgs { id: id.to_owned() })?.fields;
        if !b.active {
            return Err(Error::invalid("price_book_id", format!("The price book {} is inactive", b.name)));
        }
        if b.currency != currency {
            return Err(Error::invalid(
                "price_book_id",
                format!("The price book {} is in {}, the opportunity in {currency}", b.name, b.currency),
            ));
        }
    }
    let mut fields = Fields::new();
    if args.lines.is_empty() {
        fields.insert("line_items".into(), Value::Null);
    } else {
        let lines = args
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| line_item(w.conn(), i, l, book, &currency))
            .collect::<Result<Vec<_>>>()?;
        let totals = totals::compute(&TotalsInput {
            currency: currency.clone(),
            tax_mode: args.tax_mode,
            lines: lines
                .iter()
                .map(|l| LineInput {
                    quantity: l.quantity,
                    unit_price: l.unit_price,
                    discount: l.discount,
                    tax_rate: l.tax_rate,
                })
                .collect(),
            discount: args.discount,
            shipping: args.shipping,
            shipping_tax_rate: args.shipping_tax_rate,
        })?;
        if totals.total.is_sign_negative() {
            return Err(Error::invalid("lines", "An opportunity's lines cannot add up to less than zero"));
        }
        fields.insert("amount".into(), Value::String(totals.total.to_string()));
        let items = LineItems {
            price_book_id: book.map(str::to_owned),
            tax_mode: args.tax_mode,
            discount: args.discount,
            shipping: totals.shipping,
            shipping_tax_rate: args.shipping_tax_rate.normalize(),
            lines,
            totals,
        };
        fields.insert("line_items".into(), serde_json::to_value(items)?);
    }
    w.update(&OPPORTUNITY, &args.id, fields)?;
    opportunities::get(w.conn(), IdArgs { id: args.id })
}
