//! Hand-computed totals: the arithmetic of each expected value is in the comments.

use super::*;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn line(quantity: &str, unit_price: &str, tax_rate: &str) -> LineInput {
    LineInput { quantity: d(quantity), unit_price: d(unit_price), discount: None, tax_rate: d(tax_rate) }
}

fn with_discount(mut l: LineInput, discount: Discount) -> LineInput {
    l.discount = Some(discount);
    l
}

fn doc(currency: &str, tax_mode: TaxMode, lines: Vec<LineInput>) -> TotalsInput {
    TotalsInput {
        currency: currency.into(),
        tax_mode,
        lines,
        discount: None,
        shipping: Decimal::ZERO,
        shipping_tax_rate: Decimal::ZERO,
    }
}

/// Money values as text, exactly as serialised ("11.40", not "11.4").
fn texts(values: impl IntoIterator<Item = Decimal>) -> Vec<String> {
    values.into_iter().map(|v| v.to_string()).collect()
}

fn line_taxes(t: &Totals) -> Vec<String> {
    texts(t.lines.iter().map(|l| l.tax))
}

fn rates(t: &Totals) -> Vec<(String, String, String)> {
    t.rates.iter().map(|r| (r.rate.to_string(), r.net.to_string(), r.tax.to_string())).collect()
}

fn err_field(input: &TotalsInput) -> String {
    compute(input).unwrap_err().field.unwrap()
}

fn triple(a: &str, b: &str, c: &str) -> (String, String, String) {
    (a.into(), b.into(), c.into())
}

/// Three EUR rates (19 %, 7 %, 0 %), line discounts of both kinds, shipping at 19 %.
fn eur_three_rates(mode: TaxMode) -> TotalsInput {
    let mut input = doc(
        "EUR",
        mode,
        vec![
            line("3", "19.99", "0.19"),                                           // 59.97
            with_discount(line("2", "5.50", "0.07"), Discount::Percent(d("10"))), // 11.00 − 1.10 = 9.90
            with_discount(line("1", "12.00", "0"), Discount::Amount(d("2.00"))),  // 12.00 − 2.00 = 10.00
        ],
    );
    input.shipping = d("4.90");
    input.shipping_tax_rate = d("0.19");
    input
}

#[test]
fn per_line_rounds_each_line_and_shipping() {
    let t = compute(&eur_three_rates(TaxMode::PerLine)).unwrap();
    assert_eq!(texts(t.lines.iter().map(|l| l.net)), ["59.97", "9.90", "10.00"]);
    assert_eq!(texts(t.lines.iter().map(|l| l.discount)), ["0.00", "1.10", "2.00"]);
    // 59.97 × 0.19 = 11.3943 → 11.39; 9.90 × 0.07 = 0.693 → 0.69; 0; shipping 4.90 × 0.19 = 0.931 → 0.93
    assert_eq!(line_taxes(&t), ["11.39", "0.69", "0.00"]);
    assert_eq!(t.shipping_tax.to_string(), "0.93");
    // 19 %: net 59.97 + 4.90 = 64.87, tax 11.39 + 0.93 = 12.32
    assert_eq!(
        rates(&t),
        [triple("0.19", "64.87", "12.32"), triple("0.07", "9.90", "0.69"), triple("0", "10.00", "0.00")]
    );
    // subtotal 59.97 + 9.90 + 10.00 = 79.87; net 79.87 + 4.90 = 84.77; tax 13.01; total 97.78
    assert_eq!(
        texts([t.subtotal, t.discount, t.shipping, t.net, t.tax, t.total]),
        ["79.87", "0.00", "4.90", "84.77", "13.01", "97.78"]
    );
}

#[test]
fn on_total_rounds_once_per_rate_and_spreads_the_tax_over_the_lines() {
    let t = compute(&eur_three_rates(TaxMode::OnTotal)).unwrap();
    // 19 %: (59.97 + 4.90) × 0.19 = 12.3253 → 12.33 (one cent more than per line); 7 %: 0.693 → 0.69
    assert_eq!(
        rates(&t),
        [triple("0.19", "64.87", "12.33"), triple("0.07", "9.90", "0.69"), triple("0", "10.00", "0.00")]
    );
    // 12.33 spread over 5997 and 490 cents (sum 6487): 1233·5997 = 7394301 = 1139·6487 + 5608,
    // 1233·490 = 604170 = 93·6487 + 879; one cent left goes to the larger remainder (the line).
    assert_eq!(line_taxes(&t), ["11.40", "0.69", "0.00"]);
    assert_eq!(t.shipping_tax.to_string(), "0.93");
    // total 84.77 + 13.02 = 97.79
    assert_eq!(texts([t.net, t.tax, t.total]), ["84.77", "13.02", "97.79"]);
}

#[test]
fn tax_included_takes_the_tax_out_per_rate() {
    let mut input = doc("EUR", TaxMode::TaxIncluded, vec![line("2", "59.50", "0.19"), line("1", "10.70", "0.07")]);
    input.shipping = d("5.95");
    input.shipping_tax_rate = d("0.19");
    let t = compute(&input).unwrap();
    // 19 %: gross 119.00 + 5.95 = 124.95; 124.95 × 0.19 / 1.19 = 19.95; net 105.00
    // 7 %: 10.70 × 0.07 / 1.07 = 0.70; net 10.00
    assert_eq!(rates(&t), [triple("0.19", "105.00", "19.95"), triple("0.07", "10.00", "0.70")]);
    assert_eq!(texts(t.rates.iter().map(|r| r.gross)), ["124.95", "10.70"]);
    // 19.95 over 11900 and 595 cents: exactly 19.00 and 0.95
    assert_eq!(line_taxes(&t), ["19.00", "0.70"]);
    assert_eq!(t.shipping_tax.to_string(), "0.95");
    // total = gross 119.00 + 10.70 + 5.95 = 135.65; net = 135.65 − 20.65 = 115.00
    assert_eq!(texts([t.subtotal, t.net, t.tax, t.total]), ["129.70", "115.00", "20.65", "135.65"]);
}

#[test]
fn tax_included_with_an_overall_discount_discounts_the_gross() {
    let mut input = doc("EUR", TaxMode::TaxIncluded, vec![line("1", "100.00", "0.19"), line("1", "100.00", "0.07")]);
    input.discount = Some(Discount::Percent(d("10")));
    let t = compute(&input).unwrap();
    // 10 % of gross 200.00 = 20.00, 10.00 per line → 90.00 gross each
    assert_eq!(texts(t.lines.iter().map(|l| l.discounted_net)), ["90.00", "90.00"]);
    // 90 × 0.19 / 1.19 = 14.3697… → 14.37; 90 × 0.07 / 1.07 = 5.8878… → 5.89
    assert_eq!(rates(&t), [triple("0.19", "75.63", "14.37"), triple("0.07", "84.11", "5.89")]);
    // total 180.00, tax 20.26, net 159.74
    assert_eq!(texts([t.discount, t.net, t.tax, t.total]), ["20.00", "159.74", "20.26", "180.00"]);
}

#[test]
fn overall_discount_is_spread_in_proportion_and_lines_taxed_after_it() {
    let mut input = doc(
        "EUR",
        TaxMode::PerLine,
        vec![line("1", "100.00", "0.19"), line("1", "50.00", "0.07"), line("1", "50.00", "0")],
    );
    input.discount = Some(Discount::Amount(d("10.00")));
    let t = compute(&input).unwrap();
    // 10.00 over 100 : 50 : 50 → 5.00, 2.50, 2.50
    assert_eq!(texts(t.lines.iter().map(|l| l.discount_share)), ["5.00", "2.50", "2.50"]);
    assert_eq!(texts(t.lines.iter().map(|l| l.discounted_net)), ["95.00", "47.50", "47.50"]);
    // 95 × 0.19 = 18.05; 47.50 × 0.07 = 3.325 → 3.33 (half away from zero); 0
    assert_eq!(line_taxes(&t), ["18.05", "3.33", "0.00"]);
    // net 200 − 10 = 190.00; tax 21.38; total 211.38
    assert_eq!(
        texts([t.subtotal, t.discount, t.net, t.tax, t.total]),
        ["200.00", "10.00", "190.00", "21.38", "211.38"]
    );
}

#[test]
fn leftover_units_go_to_the_largest_remainder_then_the_earlier_line() {
    let mut input =
        doc("EUR", TaxMode::PerLine, vec![line("1", "1.00", "0"), line("1", "1.00", "0"), line("1", "1.00", "0")]);
    input.discount = Some(Discount::Amount(d("0.10")));
    // 10 cents over three equal lines: 3 each, remainders equal, the spare cent to the first line
    let t = compute(&input).unwrap();
    assert_eq!(texts(t.lines.iter().map(|l| l.discount_share)), ["0.04", "0.03", "0.03"]);

    // 10 % of 33.33 = 3.333 → 3.33; over 1000 : 2000 : 333 cents (3333):
    // 333·1000 = 333000 = 99·3333 + 3033; 333·2000 = 666000 = 199·3333 + 2733;
    // 333·333 = 110889 = 33·3333 + 900; 99+199+33 = 331, two cents left → lines 1 and 2
    let mut input =
        doc("EUR", TaxMode::PerLine, vec![line("1", "10.00", "0"), line("1", "20.00", "0"), line("1", "3.33", "0")]);
    input.discount = Some(Discount::Percent(d("10")));
    let t = compute(&input).unwrap();
    assert_eq!(t.discount.to_string(), "3.33");
    assert_eq!(texts(t.lines.iter().map(|l| l.discount_share)), ["1.00", "2.00", "0.33"]);
}

#[test]
fn yen_has_no_decimals() {
    let mut input =
        doc("JPY", TaxMode::PerLine, vec![with_discount(line("3", "333", "0.10"), Discount::Percent(d("5")))]);
    input.shipping = d("500");
    input.shipping_tax_rate = d("0.10");
    let t = compute(&input).unwrap();
    // 999 − 49.95 = 949.05 → 949, so the line discount shows as 50
    assert_eq!(texts([t.lines[0].amount, t.lines[0].discount, t.lines[0].net]), ["999", "50", "949"]);
    // 949 × 0.10 = 94.9 → 95; 500 × 0.10 = 50; total 949 + 500 + 145 = 1594
    assert_eq!(texts([t.lines[0].tax, t.shipping_tax, t.tax, t.total]), ["95", "50", "145", "1594"]);

    // on the total: (949 + 500) × 0.10 = 144.9 → 145 spread over 949 : 500
    // 145·949 = 137605 = 94·1449 + 1399; 145·500 = 72500 = 50·1449 + 50 → 95 and 50
    input.tax_mode = TaxMode::OnTotal;
    let t = compute(&input).unwrap();
    assert_eq!(texts([t.lines[0].tax, t.shipping_tax, t.tax, t.total]), ["95", "50", "145", "1594"]);

    input.shipping = d("500.5");
    assert_eq!(err_field(&input), "shipping");
}

#[test]
fn kuwaiti_dinar_has_three_decimals() {
    let input = doc("KWD", TaxMode::PerLine, vec![line("3", "0.3335", "0.15"), line("1", "0.017", "0.5")]);
    let t = compute(&input).unwrap();
    // 3 × 0.3335 = 1.0005 → 1.001 (half away from zero); 0.017
    assert_eq!(texts(t.lines.iter().map(|l| l.net)), ["1.001", "0.017"]);
    // 1.001 × 0.15 = 0.15015 → 0.150; 0.017 × 0.5 = 0.0085 → 0.009
    assert_eq!(line_taxes(&t), ["0.150", "0.009"]);
    assert_eq!(texts([t.subtotal, t.tax, t.total]), ["1.018", "0.159", "1.177"]);

    // tax included: 1.001 × 0.15 / 1.15 = 0.13056… → 0.131; 0.017 × 0.5 / 1.5 = 0.005666… → 0.006
    let t = compute(&TotalsInput { tax_mode: TaxMode::TaxIncluded, ..input }).unwrap();
    assert_eq!(rates(&t), [triple("0.5", "0.011", "0.006"), triple("0.15", "0.870", "0.131")]);
    assert_eq!(texts([t.net, t.tax, t.total]), ["0.881", "0.137", "1.018"]);
}

#[test]
fn credit_lines_carry_negative_amounts_and_round_away_from_zero() {
    let mut input = doc(
        "EUR",
        TaxMode::PerLine,
        vec![line("1", "100.00", "0.19"), with_discount(line("-1", "30.00", "0.19"), Discount::Amount(d("5.00")))],
    );
    input.discount = Some(Discount::Percent(d("10")));
    let t = compute(&input).unwrap();
    // the credit line: −30.00 with 5.00 off the credit → −25.00 (its discount shows as −5.00)
    assert_eq!(texts([t.lines[1].amount, t.lines[1].discount, t.lines[1].net]), ["-30.00", "-5.00", "-25.00"]);
    // subtotal 75.00, 10 % → 7.50 spread over 10000 : −2500 (sum 7500) → 10.00 and −2.50
    assert_eq!(texts(t.lines.iter().map(|l| l.discount_share)), ["10.00", "-2.50"]);
    assert_eq!(texts(t.lines.iter().map(|l| l.discounted_net)), ["90.00", "-22.50"]);
    // 90 × 0.19 = 17.10; −22.50 × 0.19 = −4.275 → −4.28 (away from zero)
    assert_eq!(line_taxes(&t), ["17.10", "-4.28"]);
    assert_eq!(texts([t.net, t.tax, t.total]), ["67.50", "12.82", "80.32"]);

    // on the total: 67.50 × 0.19 = 12.825 → 12.83
    let t = compute(&TotalsInput { tax_mode: TaxMode::OnTotal, ..input }).unwrap();
    assert_eq!(texts([t.net, t.tax, t.total]), ["67.50", "12.83", "80.33"]);
}

#[test]
fn a_credit_document_is_negative_throughout() {
    let mut input = doc("EUR", TaxMode::PerLine, vec![line("-2", "10.00", "0.19")]);
    input.discount = Some(Discount::Amount(d("2.00")));
    let t = compute(&input).unwrap();
    // −20.00, the discount reduces the credit by 2.00 → −18.00; tax −18 × 0.19 = −3.42
    assert_eq!(
        texts([t.subtotal, t.discount, t.net, t.tax, t.total]),
        ["-20.00", "-2.00", "-18.00", "-3.42", "-21.42"]
    );
    // tax included: −18.00 × 0.19 / 1.19 = −2.8739… → −2.87
    let t = compute(&TotalsInput { tax_mode: TaxMode::TaxIncluded, ..input }).unwrap();
    assert_eq!(texts([t.net, t.tax, t.total]), ["-15.13", "-2.87", "-18.00"]);
}

#[test]
fn half_cents_round_away_from_zero() {
    // 2.675 is 2.67 in binary floating point; exactly it is a half and rounds up to 2.68
    for (price, expected) in [("2.675", "2.68"), ("0.125", "0.13"), ("-0.125", "-0.13"), ("0.124999", "0.12")] {
        let t = compute(&doc("EUR", TaxMode::PerLine, vec![line("1", price, "0")])).unwrap();
        assert_eq!(t.lines[0].net.to_string(), expected, "{price}");
    }
    // a credit of less than half a cent is zero, never "-0.00"
    let t = compute(&doc("EUR", TaxMode::PerLine, vec![line("-1", "0.004", "0.19")])).unwrap();
    assert_eq!(texts([t.lines[0].net, t.tax, t.total]), ["0.00", "0.00", "0.00"]);
    // 0.5 yen → 1, −0.5 yen → −1
    let t = compute(&doc("JPY", TaxMode::PerLine, vec![line("1", "0.5", "0"), line("-1", "0.5", "0")])).unwrap();
    assert_eq!(texts(t.lines.iter().map(|l| l.net)), ["1", "-1"]);
}

#[test]
fn shipping_alone_at_its_own_rate() {
    let mut input = doc("USD", TaxMode::OnTotal, vec![line("1", "10.00", "0")]);
    input.shipping = d("7.00");
    input.shipping_tax_rate = d("0.07");
    let t = compute(&input).unwrap();
    // 7.00 × 0.07 = 0.49, never discounted
    assert_eq!(rates(&t), [triple("0.07", "7.00", "0.49"), triple("0", "10.00", "0.00")]);
    assert_eq!(texts([t.shipping_tax, t.total]), ["0.49", "17.49"]);
}

#[test]
fn no_lines_gives_zero_totals() {
    let t = compute(&doc("EUR", TaxMode::OnTotal, vec![])).unwrap();
    assert!(t.rates.is_empty());
    assert_eq!(texts([t.subtotal, t.tax, t.total]), ["0.00", "0.00", "0.00"]);
}

#[test]
fn refuses_bad_input_naming_the_field() {
    let base = || doc("EUR", TaxMode::PerLine, vec![line("1", "10.00", "0.19"), line("1", "100.00", "0.19")]);
    assert_eq!(err_field(&TotalsInput { currency: "XYZ".into(), ..base() }), "currency");
    let mut bad = base();
    bad.lines[1].tax_rate = d("1.5");
    assert_eq!(err_field(&bad), "lines[1].tax_rate");
    bad.lines[1].tax_rate = d("-0.1");
    assert_eq!(err_field(&bad), "lines[1].tax_rate");
    let mut bad = base();
    bad.lines[0].discount = Some(Discount::Amount(d("10.01")));
    assert_eq!(err_field(&bad), "lines[0].discount");
    bad.lines[0].discount = Some(Discount::Percent(d("100.5")));
    assert_eq!(err_field(&bad), "lines[0].discount");
    bad.lines[0].discount = Some(Discount::Amount(d("-1")));
    assert_eq!(err_field(&bad), "lines[0].discount");
    let mut bad = base();
    bad.lines[1].quantity = d("1.1234567");
    assert_eq!(err_field(&bad), "lines[1].quantity");
    bad.lines[1].quantity = d("1");
    bad.lines[1].unit_price = d("1000000000000");
    assert_eq!(err_field(&bad), "lines[1].unit_price");
    let mut bad = base();
    bad.discount = Some(Discount::Amount(d("110.01")));
    assert_eq!(err_field(&bad), "discount");
    let mut bad = base();
    bad.shipping = d("-1.00");
    assert_eq!(err_field(&bad), "shipping");
    let mut bad = base();
    bad.shipping_tax_rate = d("2");
    assert_eq!(err_field(&bad), "shipping_tax_rate");
    let mut zero = doc("EUR", TaxMode::PerLine, vec![line("1", "5.00", "0"), line("-1", "5.00", "0")]);
    zero.discount = Some(Discount::Amount(d("1.00")));
    assert_eq!(err_field(&zero), "discount");

    // a discount equal to the whole amount is fine, and so is a negative quantity
    let mut ok = base();
    ok.lines[0].discount = Some(Discount::Amount(d("10.00")));
    ok.lines[1].quantity = d("-1");
    assert!(compute(&ok).is_ok());
}

#[test]
fn discount_and_rates_come_from_json() {
    let input: TotalsInput = serde_json::from_value(serde_json::json!({
        "currency": "eur",
        "tax_mode": "on_total",
        "lines": [{"quantity": "2", "unit_price": "10.005", "discount": {"percent": "50"}, "tax_rate": "0.19"}],
        "discount": {"amount": "1.00"},
    }))
    .unwrap();
    let t = compute(&input).unwrap();
    // 20.01 − 10.005 = 10.005 → 10.01; −1.00 → 9.01; × 0.19 = 1.7119 → 1.71
    let json = serde_json::to_value(&t).unwrap();
    assert_eq!(json["currency"], "EUR");
    assert_eq!(json["lines"][0]["net"], "10.01");
    assert_eq!(json["tax"], "1.71");
    assert_eq!(json["total"], "10.72");
}

/// A small deterministic generator (xorshift) for the property test.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn between(&mut self, low: i64, high: i64) -> i64 {
        low + (self.next() % (high - low + 1) as u64) as i64
    }
}

#[test]
fn spread_shares_always_add_up_and_stay_within_one_unit_of_the_exact_share() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for case in 0..5000 {
        let minor = [0, 2, 3][case % 3];
        let n = rng.between(1, 12) as usize;
        let weights: Vec<Decimal> = (0..n)
            .map(|_| Decimal::new(rng.between(if case % 4 == 0 { -50_000 } else { 0 }, 1_000_000), minor))
            .collect();
        let sum: Decimal = weights.iter().sum();
        if sum.is_zero() {
            continue;
        }
        let total = Decimal::new(rng.between(-100_000, 100_000), minor);
        let shares = spread(total, &weights, minor).unwrap();
        assert_eq!(shares.iter().sum::<Decimal>(), total, "case {case}: {weights:?} {total}");
        let unit = Decimal::new(1, minor);
        for (w, s) in weights.iter().zip(&shares) {
            let exact = total * w / sum;
            assert!((exact - s).abs() < unit, "case {case}: share {s} of exact {exact}");
            assert_eq!(s.scale(), minor);
        }
    }
}

#[test]
fn spread_is_deterministic_for_ties() {
    let w = [d("1.00"), d("1.00"), d("1.00"), d("1.00")];
    assert_eq!(texts(spread(d("0.02"), &w, 2).unwrap()), ["0.01", "0.01", "0.00", "0.00"]);
    assert_eq!(texts(spread(d("-0.02"), &w, 2).unwrap()), ["-0.01", "-0.01", "0.00", "0.00"]);
}
