//! Versions of a quote: a new version of a sent quote keeps the number, copies lines and terms and
//! leaves the earlier one as it was; versions are listed and compared by the core.

mod common;

use crm_core::commands::dispatch;
use crm_core::{ErrorCode, Store};
use serde_json::{json, Value};

fn ok(store: &Store, name: &str, args: Value) -> Value {
    dispatch(store, name, args).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn refused(store: &Store, name: &str, args: Value) -> ErrorCode {
    dispatch(store, name, args).expect_err(name).code
}

/// A sent quote: two drills and three hours of training, 5 % off.
fn sent_quote(store: &Store) -> (Value, String) {
    let id = |v: Value| v["id"].as_str().unwrap().to_owned();
    let account = id(ok(store, "account_create", json!({"name": "Müller Bau GmbH"})));
    let drill = id(ok(
        store,
        "product_create",
        json!({"code": "D-1", "name": "Drill", "unit": "pcs", "tax_rate": "0.19", "default_price": "99.00", "currency": "EUR"}),
    ));
    let q = ok(
        store,
        "quote_create",
        json!({"subject": "Tools", "account_id": account, "currency": "EUR", "terms": "30 days net", "lines": [
            {"product_id": drill, "quantity": "2"},
            {"description": "Training", "quantity": "3", "unit": "h", "unit_price": "80.00", "tax_rate": "0.07"},
        ], "discount": {"percent": "5"}}),
    );
    ok(store, "quote_set_status", json!({"id": q["id"], "status": "sent"}));
    (ok(store, "quote_get", json!({"id": q["id"]})), drill)
}

#[test]
fn a_new_version_keeps_the_number_and_copies_the_quote() {
    let t = common::store();
    let (v1, _) = sent_quote(&t);
    assert_eq!((v1["version"].as_u64(), &v1["revision_of"]), (Some(1), &Value::Null));

    let v2 = ok(&t, "quote_revise", json!({"id": v1["id"]}));
    assert_ne!(v2["id"], v1["id"]);
    assert_eq!((v2["number"].as_str(), v2["version"].as_u64()), (Some("Q-00001"), Some(2)));
    assert_eq!((v2["status"].as_str(), &v2["revision_of"]), (Some("draft"), &v1["id"]));
    assert_eq!((&v2["lines"], &v2["terms"], &v2["totals"]), (&v1["lines"], &v1["terms"], &v1["totals"]));

    // The earlier version stays as it was: not editable, not movable, not revised twice.
    assert_eq!(refused(&t, "quote_update", json!({"id": v1["id"], "changes": {"terms": "x"}})), ErrorCode::Conflict);
    assert_eq!(refused(&t, "quote_set_status", json!({"id": v1["id"], "status": "accepted"})), ErrorCode::Conflict);
    assert_eq!(refused(&t, "quote_revise", json!({"id": v1["id"]})), ErrorCode::Conflict);
    // A draft is edited, not revised.
    assert_eq!(refused(&t, "quote_revise", json!({"id": v2["id"]})), ErrorCode::Conflict);

    // The next quote still takes the next number.
    let other = ok(&t, "quote_create", json!({"subject": "Other", "currency": "EUR"}));
    assert_eq!(other["number"], "Q-00002");

    // Sent again, the second version gets a third; all three are listed from any of them.
    ok(&t, "quote_set_status", json!({"id": v2["id"], "status": "sent"}));
    ok(&t, "quote_set_status", json!({"id": v2["id"], "status": "rejected"}));
    let v3 = ok(&t, "quote_revise", json!({"id": v2["id"]}));
    assert_eq!((v3["version"].as_u64(), &v3["revision_of"]), (Some(3), &v1["id"]));
    let versions = ok(&t, "quote_versions", json!({"id": v2["id"]}));
    let seen: Vec<(u64, bool)> = versions
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["version"].as_u64().unwrap(), v["superseded"].as_bool().unwrap()))
        .collect();
    assert_eq!(seen, [(1, true), (2, true), (3, false)]);

    // Deleting the newest draft makes the one before it current again.
    ok(&t, "quote_delete", json!({"id": v3["id"]}));
    assert_eq!(ok(&t, "quote_versions", json!({"id": v1["id"]})).as_array().unwrap().len(), 2);
    // Version 1 is still replaced by version 2.
    assert_eq!(refused(&t, "quote_set_status", json!({"id": v1["id"], "status": "expired"})), ErrorCode::Conflict);
}

#[test]
fn the_first_version_is_refused_a_move_while_a_later_one_lives() {
    let t = common::store();
    let (v1, _) = sent_quote(&t);
    let v2 = ok(&t, "quote_revise", json!({"id": v1["id"]}));
    ok(&t, "quote_delete", json!({"id": v2["id"]}));
    // With the new version deleted, the first one is current again and moves on.
    assert_eq!(ok(&t, "quote_set_status", json!({"id": v1["id"], "status": "accepted"}))["status"], "accepted");
}

#[test]
fn two_versions_are_compared_field_by_field_line_by_line_and_in_totals() {
    let t = common::store();
    let (v1, drill) = sent_quote(&t);
    let v2 = ok(&t, "quote_revise", json!({"id": v1["id"]}));
    ok(
        &t,
        "quote_update",
        json!({"id": v2["id"], "changes": {"terms": "14 days net", "discount": null, "lines": [
            {"product_id": drill, "quantity": "3", "unit_price": "95.00"},
            {"description": "Setup", "quantity": "1", "unit_price": "50", "tax_rate": "0.19"},
        ]}}),
    );

    let diff = ok(&t, "quote_compare", json!({"from": v1["id"], "to": v2["id"]}));
    assert_eq!((diff["from"]["version"].as_u64(), diff["to"]["version"].as_u64()), (Some(1), Some(2)));
    assert_eq!(diff["from"]["superseded"], true);
    let fields: Vec<&str> = diff["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["discount", "terms"]);
    assert_eq!(diff["fields"][1]["before"], "30 days net");
    assert_eq!(diff["fields"][1]["after"], "14 days net");

    let lines: Vec<(&str, &str)> = diff["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["kind"].as_str().unwrap(), l["description"].as_str().unwrap()))
        .collect();
    assert_eq!(lines, [("changed", "Drill"), ("added", "Setup"), ("removed", "Training")]);
    let drill_line = &diff["lines"][0];
    assert_eq!(drill_line["fields"], json!(["quantity", "unit_price"]));
    assert_eq!((&drill_line["before"]["quantity"], &drill_line["after"]["quantity"]), (&json!("2"), &json!("3")));
    assert_eq!(diff["lines"][1]["before"], Value::Null);
    assert_eq!(diff["lines"][2]["after"], Value::Null);

    // Totals as each version stored them: 2 × 99 + 3 × 80 = 438.00 less 5 %; then 3 × 95 + 50 = 335.00.
    assert_eq!(diff["totals_before"], v1["totals"]);
    assert_eq!(diff["totals_before"]["subtotal"], "438.00");
    assert_eq!(diff["totals_after"]["subtotal"], "335.00");

    // A version compared with itself has no differences.
    let same = ok(&t, "quote_compare", json!({"from": v2["id"], "to": v2["id"]}));
    assert_eq!((same["fields"].as_array().unwrap().len(), same["lines"].as_array().unwrap().len()), (0, 0));
}
