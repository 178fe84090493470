//! Quotes: numbering, lines and stored totals, copying an opportunity, every status transition.

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
    account: String,
    book: String,
    drill: String,
}

fn setup(store: &Store) -> Setup {
    let s = |v: Value| v.as_str().unwrap().to_owned();
    let account = s(ok(store, "account_create", json!({"name": "Müller Bau GmbH"}))["id"].clone());
    let book = s(ok(store, "price_book_create", json!({"name": "Retail", "currency": "EUR"}))["id"].clone());
    let drill =
        s(ok(store, "product_create", json!({"code": "D-1", "name": "Drill", "unit": "pcs", "tax_rate": "0.19"}))
            ["id"]
            .clone());
    ok(store, "price_book_entry_set", json!({"price_book_id": book, "product_id": drill, "unit_price": "99.00"}));
    Setup { account, book, drill }
}

fn quote(store: &Store, s: &Setup) -> Value {
    ok(
        store,
        "quote_create",
        json!({"subject": "Tools", "account_id": s.account, "price_book_id": s.book, "lines": [
            {"product_id": s.drill, "quantity": "2"},
            {"description": "Training", "quantity": "3", "unit": "h", "unit_price": "80.00", "tax_rate": "0.07"},
        ], "discount": {"percent": "5"}, "shipping": "15.00", "shipping_tax_rate": "0.19", "valid_until": "2026-12-31"}),
    )
}

#[test]
fn a_quote_is_numbered_and_stores_its_lines_and_totals() {
    let t = common::store();
    let s = setup(&t);
    let q = quote(&t, &s);
    assert_eq!((q["number"].as_str(), q["status"].as_str()), (Some("Q-00001"), Some("draft")));
    assert_eq!(q["currency"], "EUR");
    assert_eq!(q["lines"][0]["unit_price"], "99.00");
    assert_eq!(q["lines"][0]["description"], "Drill");
    assert_eq!(q["lines"][1]["unit"], "h");
    // 198.00 at 19 % and 240.00 at 7 %; 5 % of 438.00 = 21.90 spread 19800 : 24000 (43800):
    // 2190·19800 = 43362000 = 990·43800 exactly; 2190·24000 = 52560000 = 1200·43800 → 9.90 and 12.00
    // per line: 188.10 × 0.19 = 35.739 → 35.74; 228.00 × 0.07 = 15.96; shipping 15.00 × 0.19 = 2.85
    // total 416.10 + 15.00 + 54.55 = 485.65
    let totals = &q["totals"];
    assert_eq!(totals["discount"], "21.90");
    assert_eq!(totals["tax"], "54.55");
    assert_eq!(totals["total"], "485.65");
    assert_eq!(ok(&t, "quote_get", json!({"id": q["id"]})), q);

    // the stored lines and totals stay when the catalog price changes later
    ok(&t, "price_book_entry_set", json!({"price_book_id": s.book, "product_id": s.drill, "unit_price": "120.00"}));
    assert_eq!(ok(&t, "quote_get", json!({"id": q["id"]}))["totals"]["total"], "485.65");

    // numbers count on; a deleted draft keeps its number
    let second = quote(&t, &s);
    assert_eq!(second["number"], "Q-00002");
    ok(&t, "quote_delete", json!({"id": second["id"]}));
    assert_eq!(quote(&t, &s)["number"], "Q-00003");
    ok(&t, "quote_restore", json!({"id": second["id"]}));
}

#[test]
fn a_quote_from_an_opportunity_copies_its_lines_customer_and_currency() {
    let t = common::store();
    let s = setup(&t);
    let contact = ok(&t, "contact_create", json!({"first_name": "Jörg", "last_name": "Müller"}))["id"].clone();
    let deal =
        ok(&t, "opportunity_create", json!({"name": "Workshop tools", "account_id": s.account, "contact_id": contact}));
    let deal = ok(
        &t,
        "opportunity_lines_set",
        json!({"id": deal["id"], "price_book_id": s.book, "tax_mode": "on_total", "lines": [{"product_id": s.drill, "quantity": "3"}]}),
    );
    let q = ok(&t, "quote_create", json!({"opportunity_id": deal["id"]}));
    assert_eq!(q["subject"], "Workshop tools");
    assert_eq!((q["account_id"].as_str(), q["contact_id"].clone()), (Some(s.account.as_str()), contact));
    assert_eq!((q["currency"].as_str(), q["tax_mode"].as_str()), (Some("EUR"), Some("on_total")));
    assert_eq!(q["lines"], deal["line_items"]["lines"]);
    assert_eq!(q["totals"], deal["line_items"]["totals"]);
    // 3 × 99.00 = 297.00 × 0.19 = 56.43
    assert_eq!(q["totals"]["total"], "353.43");
    let listed =
        ok(&t, "quote_list", json!({"conditions": [{"field": "opportunity_id", "op": "equals", "value": deal["id"]}]}));
    assert_eq!(listed["rows"][0]["total"], "353.43");
}

#[test]
fn quote_validation_names_the_field() {
    let t = common::store();
    let s = setup(&t);
    let usd = ok(&t, "price_book_create", json!({"name": "US", "currency": "USD"}))["id"].clone();
    let create = |args: Value| refused(&t, "quote_create", args);
    assert_eq!(create(json!({})), invalid("subject"));
    assert_eq!(create(json!({"subject": "Q", "account_id": "nope"})), invalid("account_id"));
    assert_eq!(create(json!({"subject": "Q", "contact_id": "nope"})), invalid("contact_id"));
    assert_eq!(create(json!({"opportunity_id": "nope"})), invalid("opportunity_id"));
    assert_eq!(create(json!({"subject": "Q", "valid_until": "31.12.2026"})), invalid("valid_until"));
    assert_eq!(create(json!({"subject": "Q", "currency": "EURO"})), invalid("currency"));
    assert_eq!(create(json!({"subject": "Q", "price_book_id": usd})), invalid("price_book_id"));
    assert_eq!(
        create(json!({"subject": "Q", "lines": [{"quantity": "1", "unit_price": "1"}]})),
        invalid("lines[0].description")
    );
    assert_eq!(
        create(json!({"subject": "Q", "lines": [{"product_id": s.drill, "quantity": "1"}]})),
        invalid("lines[0].product_id"),
        "no book and no default price"
    );
    assert_eq!(
        create(
            json!({"subject": "Q", "lines": [{"description": "X", "quantity": "1", "unit_price": "1", "discount": {"amount": "2"}}]})
        ),
        invalid("lines[0].discount")
    );
    assert_eq!(create(json!({"subject": "Q", "shipping": "-1"})), invalid("shipping"));
    assert_eq!(create(json!({"subject": "Q", "shipping_tax_rate": "1.19"})), invalid("shipping_tax_rate"));
    assert_eq!(
        create(json!({"subject": "Q", "billing_address": {"city": "x".repeat(201)}})),
        invalid("billing_address.city")
    );
    assert_eq!(create(json!({"subject": "Q", "status": "sent"})).0, ErrorCode::BadArguments);
    // nothing was numbered by the refused calls
    assert_eq!(ok(&t, "quote_create", json!({"subject": "Q"}))["number"], "Q-00001");
}

#[test]
fn only_drafts_are_edited_and_editing_recomputes_the_totals() {
    let t = common::store();
    let s = setup(&t);
    let q = quote(&t, &s);
    let id = q["id"].clone();
    let changed =
        ok(&t, "quote_update", json!({"id": id, "changes": {"tax_mode": "tax_included", "terms": "30 days net"}}));
    // gross: 188.10 + 15.00 at 19 % → 203.10 × 0.19 / 1.19 = 32.427 → 32.43; 228.00 × 0.07 / 1.07 = 14.916 → 14.92
    assert_eq!(changed["totals"]["tax"], "47.35");
    assert_eq!(changed["totals"]["total"], "431.10");
    assert_eq!(changed["terms"], "30 days net");
    assert_eq!(
        refused(&t, "quote_update", json!({"id": id, "changes": {"lines": [{"quantity": "1", "unit_price": "1"}]}})),
        invalid("lines[0].description")
    );
    assert_eq!(refused(&t, "quote_update", json!({"id": id, "changes": {"number": "Q-9"}})), invalid("number"));
    ok(&t, "quote_set_status", json!({"id": id, "status": "sent"}));
    assert_eq!(refused(&t, "quote_update", json!({"id": id, "changes": {"terms": "x"}})).0, ErrorCode::Conflict);
    assert_eq!(refused(&t, "quote_delete", json!({"id": id})).0, ErrorCode::Conflict);
    let history = common::history(&t, id.as_str().unwrap());
    let ops: Vec<&str> = history.iter().map(|(op, _, _)| op.as_str()).collect();
    assert_eq!(ops, ["create", "update", "update"]);
}

#[test]
fn every_status_transition_is_allowed_or_refused() {
    let t = common::store();
    let s = setup(&t);
    const ALL: [&str; 5] = ["draft", "sent", "accepted", "rejected", "expired"];
    // the path from a new draft to each status
    fn path(status: &'static str) -> Vec<&'static str> {
        match status {
            "draft" => vec![],
            "sent" => vec!["sent"],
            other => vec!["sent", other],
        }
    }
    let allowed = [("draft", "sent"), ("sent", "accepted"), ("sent", "rejected"), ("sent", "expired")];
    for from in ALL {
        for to in ALL {
            let id = quote(&t, &s)["id"].clone();
            for step in path(from) {
                ok(&t, "quote_set_status", json!({"id": id, "status": step}));
            }
            let result = dispatch(&t, "quote_set_status", json!({"id": id, "status": to}));
            if allowed.contains(&(from, to)) {
                assert_eq!(result.unwrap()["status"], to, "{from} → {to}");
            } else {
                let e = result.expect_err(&format!("{from} → {to} must be refused"));
                assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Validation, Some("status")), "{from} → {to}");
                assert_eq!(ok(&t, "quote_get", json!({"id": id}))["status"], from);
            }
        }
    }
    let empty = ok(&t, "quote_create", json!({"subject": "Nothing yet"}));
    assert_eq!(refused(&t, "quote_set_status", json!({"id": empty["id"], "status": "sent"})), invalid("lines"));
    assert_eq!(refused(&t, "quote_set_status", json!({"id": "nope", "status": "sent"})).0, ErrorCode::NotFound);
    assert_eq!(refused(&t, "quote_set_status", json!({"id": empty["id"], "status": "won"})).0, ErrorCode::BadArguments);
}

#[test]
fn quotes_are_listed_by_number_filtered_and_found() {
    let t = common::store();
    let s = setup(&t);
    let first = quote(&t, &s);
    let second = quote(&t, &s);
    ok(&t, "quote_set_status", json!({"id": second["id"], "status": "sent"}));
    let numbers = |args: Value| -> Vec<String> {
        let page = ok(&t, "quote_list", args);
        page["rows"].as_array().unwrap().iter().map(|r| r["number"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(numbers(json!({"desc": true})), ["Q-00002", "Q-00001"]);
    assert_eq!(numbers(json!({"status": "draft"})), ["Q-00001"]);
    assert_eq!(numbers(json!({"q": "Q-00002"})), ["Q-00002"]);
    let page = ok(&t, "quote_list", json!({"limit": 1}));
    assert_eq!((page["total"].as_u64(), page["rows"][0]["total"].as_str()), (Some(2), Some("485.65")));
    let found = ok(&t, "search", json!({"q": "Q-00001"}));
    let group = found["groups"].as_array().unwrap().iter().find(|g| g["record_type"] == "quote").expect("quote group");
    assert_eq!(group["hits"][0]["id"], first["id"]);
    assert_eq!(group["hits"][0]["subtitle"], "Tools · draft · 485.65 EUR");
}
