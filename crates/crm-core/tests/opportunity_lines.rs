//! Opportunity line items: prices from a price book, totals stored with the deal, the amount following them.

mod common;

use crm_core::commands::dispatch;
use crm_core::{ErrorCode, Store};
use serde_json::{json, Value};

fn ok(store: &Store, name: &str, args: Value) -> Value {
    dispatch(store, name, args).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn refused(store: &Store, name: &str, args: Value) -> (ErrorCode, String) {
    let e = dispatch(store, name, args).expect_err(name);
    (e.code, e.field.unwrap_or_default())
}

fn invalid(field: &str) -> (ErrorCode, String) {
    (ErrorCode::Validation, field.into())
}

struct Setup {
    deal: String,
    book: String,
    drill: String,
    bits: String,
}

/// A EUR deal, a EUR price book with a drill at 99.00 and bits only at their default price.
fn setup(store: &Store) -> Setup {
    let account = ok(store, "account_create", json!({"name": "Bau GmbH"}))["id"].clone();
    let deal = ok(store, "opportunity_create", json!({"name": "Tools", "account_id": account, "amount": "1.00"}));
    let book = ok(store, "price_book_create", json!({"name": "Retail", "currency": "EUR"}))["id"].clone();
    let drill = ok(
        store,
        "product_create",
        json!({"code": "D-1", "name": "Drill", "unit": "pcs", "tax_rate": "0.19", "default_price": "120"}),
    )["id"]
        .clone();
    let bits = ok(
        store,
        "product_create",
        json!({"code": "B-1", "name": "Bits", "tax_rate": "0.07", "default_price": "5.50"}),
    )["id"]
        .clone();
    ok(store, "price_book_entry_set", json!({"price_book_id": book, "product_id": drill, "unit_price": "99.00"}));
    let s = |v: &Value| v.as_str().unwrap().to_owned();
    Setup { deal: s(&deal["id"]), book: s(&book), drill: s(&drill), bits: s(&bits) }
}

#[test]
fn lines_take_prices_from_the_book_and_the_amount_follows_the_total() {
    let t = common::store();
    let s = setup(&t);
    let deal = ok(
        &t,
        "opportunity_lines_set",
        json!({"id": s.deal, "price_book_id": s.book, "lines": [
            {"product_id": s.drill, "quantity": "2", "discount": {"percent": "10"}},
            {"product_id": s.bits, "quantity": "3"},
            {"description": "Delivery to site", "quantity": "1", "unit_price": "25.00"},
        ], "discount": {"amount": "10.00"}}),
    );
    let items = &deal["line_items"];
    // drill from the book: 2 × 99.00 − 10 % = 178.20 at 19 %; bits at their default 3 × 5.50 = 16.50 at 7 %;
    // free text 25.00 at 0 %. Subtotal 219.70; 10.00 off spread over 17820 : 1650 : 2500 (21970):
    // 1000·17820 = 17820000 = 811·21970 + 2330; 1000·1650 = 1650000 = 75·21970 + 2250;
    // 1000·2500 = 2500000 = 113·21970 + 17390; 999 cents, the spare one to the free-text line → 8.11, 0.75, 1.14
    assert_eq!(items["lines"][0]["description"], "Drill");
    assert_eq!(items["lines"][0]["unit_price"], "99.00");
    assert_eq!(items["lines"][0]["product_code"], "D-1");
    assert_eq!(items["lines"][0]["unit"], "pcs");
    assert_eq!(items["lines"][1]["unit_price"], "5.50");
    assert_eq!(items["lines"][1]["tax_rate"], "0.07");
    assert_eq!(
        (items["lines"][2]["tax_rate"].as_str(), items["lines"][2]["product_code"].as_str()),
        (Some("0"), Some(""))
    );
    let shares: Vec<&str> =
        items["totals"]["lines"].as_array().unwrap().iter().map(|l| l["discount_share"].as_str().unwrap()).collect();
    assert_eq!(shares, ["8.11", "0.75", "1.14"]);
    // tax per line: 170.09 × 0.19 = 32.3171 → 32.32; 15.75 × 0.07 = 1.1025 → 1.10; 0
    // total 209.70 + 33.42 = 243.12
    assert_eq!(items["totals"]["tax"], "33.42");
    assert_eq!(items["totals"]["total"], "243.12");
    assert_eq!(deal["amount"], "243.12");
    let listed = ok(&t, "opportunity_list", json!({"sort": "amount"}));
    assert_eq!(listed["totals"][0]["amount"], "243.12", "the list's totals follow the lines");
    assert_eq!(ok(&t, "opportunity_get", json!({"id": s.deal}))["line_items"], *items);

    // the amount cannot be edited apart from the lines, nor the currency under them
    assert_eq!(
        refused(&t, "opportunity_update", json!({"id": s.deal, "changes": {"amount": "5.00"}})),
        invalid("amount")
    );
    assert_eq!(
        refused(&t, "opportunity_update", json!({"id": s.deal, "changes": {"currency": "USD"}})),
        invalid("currency")
    );
    ok(&t, "opportunity_update", json!({"id": s.deal, "changes": {"stage": "proposal"}}));

    // removing the lines keeps the last amount and frees it again
    let cleared = ok(&t, "opportunity_lines_set", json!({"id": s.deal, "lines": []}));
    assert!(cleared["line_items"].is_null());
    assert_eq!(cleared["amount"], "243.12");
    ok(&t, "opportunity_update", json!({"id": s.deal, "changes": {"amount": "5.00"}}));
}

#[test]
fn tax_mode_shipping_and_given_prices_are_kept() {
    let t = common::store();
    let s = setup(&t);
    let deal = ok(
        &t,
        "opportunity_lines_set",
        json!({"id": s.deal, "tax_mode": "tax_included", "shipping": "11.90", "shipping_tax_rate": "0.19", "lines": [
            {"product_id": s.drill, "quantity": "1", "unit_price": "119.00", "description": "Drill, demo unit"},
        ]}),
    );
    let items = &deal["line_items"];
    assert_eq!(items["tax_mode"], "tax_included");
    assert_eq!(items["lines"][0]["description"], "Drill, demo unit");
    // gross 119.00 + 11.90 = 130.90 at 19 %: tax 130.90 × 0.19 / 1.19 = 20.90
    assert_eq!(items["totals"]["tax"], "20.90");
    assert_eq!(deal["amount"], "130.90");
}

#[test]
fn refused_lines_name_the_line_and_field() {
    let t = common::store();
    let s = setup(&t);
    let set = |extra: Value| refused(&t, "opportunity_lines_set", extra);
    let usd = ok(&t, "price_book_create", json!({"name": "US", "currency": "USD"}))["id"].clone();
    assert_eq!(set(json!({"id": s.deal, "price_book_id": usd, "lines": []})), invalid("price_book_id"));
    assert_eq!(set(json!({"id": s.deal, "price_book_id": "nope", "lines": []})), invalid("price_book_id"));
    let ok_line = json!({"product_id": s.drill, "quantity": "1"});
    assert_eq!(
        set(json!({"id": s.deal, "lines": [ok_line, {"product_id": "nope", "quantity": "1"}]})),
        invalid("lines[1].product_id")
    );
    assert_eq!(
        set(json!({"id": s.deal, "lines": [ok_line, {"description": "Free", "quantity": "1"}]})),
        invalid("lines[1].unit_price")
    );
    assert_eq!(
        set(json!({"id": s.deal, "lines": [{"quantity": "1", "unit_price": "3"}]})),
        invalid("lines[0].description")
    );
    assert_eq!(
        set(json!({"id": s.deal, "lines": [{"product_id": s.drill, "quantity": "1", "tax_rate": "19"}]})),
        invalid("lines[0].tax_rate")
    );
    assert_eq!(
        set(json!({"id": s.deal, "lines": [{"product_id": s.drill, "quantity": "1", "discount": {"amount": "500"}}]})),
        invalid("lines[0].discount")
    );
    // a product priced only in another currency
    let dollar =
        ok(&t, "product_create", json!({"code": "U-1", "name": "Import", "default_price": "3", "currency": "USD"}))
            ["id"]
            .clone();
    assert_eq!(
        set(json!({"id": s.deal, "lines": [{"product_id": dollar, "quantity": "1"}]})),
        invalid("lines[0].product_id")
    );
    // a credit bigger than the sale
    assert_eq!(set(json!({"id": s.deal, "lines": [{"product_id": s.drill, "quantity": "-1"}]})), invalid("lines"));
    // nothing was written by the refused calls
    assert!(ok(&t, "opportunity_get", json!({"id": s.deal}))["line_items"].is_null());
    ok(&t, "opportunity_delete", json!({"id": s.deal}));
    assert_eq!(set(json!({"id": s.deal, "lines": []})).0, ErrorCode::Conflict);
}

#[test]
fn deals_of_a_schema_3_database_keep_their_amount_and_can_take_lines() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("v3.db");
    std::fs::copy(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v3.db"), &copy).unwrap();
    let store = Store::open(&copy).unwrap();
    let deal = ok(&store, "opportunity_get", json!({"id": "opp-1"}));
    assert_eq!((deal["amount"].as_str(), deal["line_items"].is_null()), (Some("12500.00"), true));
    let deal = ok(
        &store,
        "opportunity_lines_set",
        json!({"id": "opp-1", "lines": [{"description": "Scaffolding, 4 weeks", "quantity": "4", "unit": "wk", "unit_price": "3000.00"}]}),
    );
    assert_eq!(deal["amount"], "12000.00");
}
