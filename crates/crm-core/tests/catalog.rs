//! The catalog through its commands: products, price books, entries and the price a line takes.

mod common;

use crm_core::commands::dispatch;
use crm_core::{ErrorCode, Store};
use serde_json::{json, Value};

fn call(store: &Store, name: &str, args: Value) -> crm_core::Result<Value> {
    dispatch(store, name, args)
}

fn ok(store: &Store, name: &str, args: Value) -> Value {
    call(store, name, args).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

/// The code and field of a refused call.
fn refused(store: &Store, name: &str, args: Value) -> (ErrorCode, String) {
    let e = call(store, name, args).expect_err(name);
    (e.code, e.field.unwrap_or_default())
}

fn invalid(field: &str) -> (ErrorCode, String) {
    (ErrorCode::Validation, field.into())
}

fn product(store: &Store, code: &str, name: &str, extra: Value) -> String {
    let mut args = json!({"code": code, "name": name});
    args.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
    ok(store, "product_create", args)["id"].as_str().unwrap().to_owned()
}

fn book(store: &Store, args: Value) -> String {
    ok(store, "price_book_create", args)["id"].as_str().unwrap().to_owned()
}

#[test]
fn product_is_stored_with_exact_prices_and_defaults() {
    let t = common::store();
    let p = ok(
        &t,
        "product_create",
        json!({"code": " SKU-1001 ", "name": "Schraube M8", "unit": "pcs", "tax_rate": "0.190",
               "default_price": "0.125", "currency": "eur", "tags": ["hardware"]}),
    );
    assert_eq!(p["code"], "SKU-1001");
    assert_eq!(p["kind"], "product");
    assert_eq!(p["active"], true);
    assert_eq!(p["tax_rate"], "0.19");
    assert_eq!(p["default_price"], "0.125");
    assert_eq!(p["currency"], "EUR");
    let got = ok(&t, "product_get", json!({"id": p["id"]}));
    assert_eq!(got, p);
    // no currency: the company's default; a service without a default price
    let s = ok(&t, "product_create", json!({"code": "SVC-1", "name": "Installation", "kind": "service", "unit": "h"}));
    assert_eq!((s["currency"].as_str(), s["default_price"].is_null()), (Some("EUR"), true));
}

#[test]
fn product_validation_names_the_field() {
    let t = common::store();
    let create = |args: Value| refused(&t, "product_create", args);
    assert_eq!(create(json!({"name": "No code"})), invalid("code"));
    assert_eq!(create(json!({"code": "A", "name": " "})), invalid("name"));
    assert_eq!(create(json!({"code": "x".repeat(51), "name": "Long"})), invalid("code"));
    assert_eq!(create(json!({"code": "A", "name": "A", "unit": "u".repeat(21)})), invalid("unit"));
    assert_eq!(create(json!({"code": "A", "name": "A", "tax_rate": "1.01"})), invalid("tax_rate"));
    assert_eq!(create(json!({"code": "A", "name": "A", "tax_rate": "-0.07"})), invalid("tax_rate"));
    assert_eq!(create(json!({"code": "A", "name": "A", "default_price": "-1"})), invalid("default_price"));
    assert_eq!(create(json!({"code": "A", "name": "A", "default_price": "1.1234567"})), invalid("default_price"));
    assert_eq!(create(json!({"code": "A", "name": "A", "currency": "EURO"})), invalid("currency"));
    assert_eq!(create(json!({"code": "A", "name": "A", "kind": "gadget"})).0, ErrorCode::BadArguments);
    assert_eq!(create(json!({"code": "A", "name": "A", "colour": "red"})).0, ErrorCode::BadArguments);
}

#[test]
fn codes_are_unique_among_live_products_ignoring_case() {
    let t = common::store();
    let first = product(&t, "SKU-1", "First", json!({}));
    assert_eq!(refused(&t, "product_create", json!({"code": "sku-1", "name": "Again"})), invalid("code"));
    let second = product(&t, "SKU-2", "Second", json!({}));
    assert_eq!(refused(&t, "product_update", json!({"id": second, "changes": {"code": "Sku-1"}})), invalid("code"));
    // keeping its own code is fine
    ok(&t, "product_update", json!({"id": first, "changes": {"code": "SKU-1", "name": "First!"}}));
    // a deleted product frees its code; restoring it then is refused until the code is free again
    ok(&t, "product_delete", json!({"id": first}));
    let third = product(&t, "sku-1", "Third", json!({}));
    assert_eq!(refused(&t, "product_restore", json!({"id": first})).0, ErrorCode::Conflict);
    ok(&t, "product_update", json!({"id": third, "changes": {"code": "SKU-3"}}));
    let restored = ok(&t, "product_restore", json!({"id": first}));
    assert!(restored["deleted_at"].is_null());
}

#[test]
fn product_update_delete_restore() {
    let t = common::store();
    let id = product(&t, "P-1", "Widget", json!({"default_price": "10"}));
    let p = ok(&t, "product_update", json!({"id": id, "changes": {"default_price": "12.50", "active": false}}));
    assert_eq!((p["default_price"].as_str(), p["active"].as_bool()), (Some("12.50"), Some(false)));
    assert_eq!(refused(&t, "product_update", json!({"id": id, "changes": {"tax_rate": "3"}})), invalid("tax_rate"));
    assert_eq!(refused(&t, "product_update", json!({"id": id, "changes": {"size": 3}})), invalid("size"));
    let deleted = ok(&t, "product_delete", json!({"id": id}));
    assert!(deleted["deleted_at"].is_string());
    assert_eq!(refused(&t, "product_update", json!({"id": id, "changes": {"name": "X"}})).0, ErrorCode::Conflict);
    assert_eq!(refused(&t, "product_delete", json!({"id": id})).0, ErrorCode::NotFound);
    ok(&t, "product_restore", json!({"id": id}));
    assert_eq!(refused(&t, "product_restore", json!({"id": id})).0, ErrorCode::Conflict);
    assert_eq!(refused(&t, "product_get", json!({"id": "nope"})).0, ErrorCode::NotFound);
    let history = common::history(&t, &id);
    let ops: Vec<&str> = history.iter().map(|(op, _, _)| op.as_str()).collect();
    assert_eq!(ops, ["create", "update", "delete", "restore"]);
}

#[test]
fn product_list_sorts_by_name_or_code_pages_and_filters() {
    let t = common::store();
    for (code, name, active) in
        [("C-3", "Äpfel", true), ("A-1", "Zucker", true), ("B-2", "Mehl", false), ("D-4", "Butter", true)]
    {
        product(&t, code, name, json!({"active": active, "unit": "kg"}));
    }
    let names = |args: Value, key: &str| -> Vec<String> {
        let page = ok(&t, "product_list", args);
        page["rows"].as_array().unwrap().iter().map(|r| r[key].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(names(json!({}), "name"), ["Äpfel", "Butter", "Mehl", "Zucker"]);
    assert_eq!(names(json!({"sort": "code"}), "code"), ["A-1", "B-2", "C-3", "D-4"]);
    assert_eq!(names(json!({"sort": "code", "desc": true}), "code"), ["D-4", "C-3", "B-2", "A-1"]);
    assert_eq!(names(json!({"active": false}), "name"), ["Mehl"]);
    assert_eq!(names(json!({"active": true, "sort": "code"}), "code"), ["A-1", "C-3", "D-4"]);
    assert_eq!(names(json!({"q": "zuck"}), "name"), ["Zucker"]);
    assert_eq!(names(json!({"q": "d-4"}), "name"), ["Butter"]);
    assert_eq!(names(json!({"conditions": [{"field": "code", "op": "starts_with", "value": "B"}]}), "name"), ["Mehl"]);
    assert_eq!(
        refused(&t, "product_list", json!({"conditions": [{"field": "secret", "op": "equals", "value": "x"}]})),
        invalid("conditions[0].field")
    );
    // keyset pages
    let first = ok(&t, "product_list", json!({"sort": "code", "limit": 3}));
    assert_eq!(first["total"], 4);
    let rest = ok(&t, "product_list", json!({"sort": "code", "limit": 3, "after": first["next"]}));
    assert_eq!(rest["rows"][0]["code"], "D-4");
    assert!(rest["next"].is_null());
}

#[test]
fn global_search_finds_products_by_code_and_name() {
    let t = common::store();
    let id = product(&t, "SKU-1001-7", "Kabeltrommel", json!({"unit": "pcs", "default_price": "49.90"}));
    for q in ["kabel", "SKU-1001", "1001-7"] {
        let found = ok(&t, "search", json!({"q": q}));
        let group = found["groups"].as_array().unwrap().iter().find(|g| g["record_type"] == "product");
        let hit = &group.unwrap_or_else(|| panic!("{q} found no product"))["hits"][0];
        assert_eq!(hit["id"], id.as_str());
        assert_eq!(hit["title"], "Kabeltrommel");
        assert_eq!(hit["subtitle"], "SKU-1001-7 · pcs · 49.90 EUR");
    }
    ok(&t, "product_delete", json!({"id": id}));
    assert!(ok(&t, "search", json!({"q": "kabel"}))["groups"].as_array().unwrap().is_empty());
}

#[test]
fn price_books_validate_and_keep_one_default_per_currency() {
    let t = common::store();
    assert_eq!(refused(&t, "price_book_create", json!({"name": ""})), invalid("name"));
    assert_eq!(refused(&t, "price_book_create", json!({"name": "X", "currency": "ABC"})), invalid("currency"));
    assert_eq!(
        refused(&t, "price_book_create", json!({"name": "X", "active": false, "is_default": true})),
        invalid("is_default")
    );
    let retail = book(&t, json!({"name": "Retail", "is_default": true}));
    assert_eq!(ok(&t, "price_book_get", json!({"id": retail}))["currency"], "EUR");
    let usd = book(&t, json!({"name": "US list", "currency": "USD", "is_default": true}));
    let dealer = book(&t, json!({"name": "Dealer", "currency": "EUR", "is_default": true}));
    // the new EUR default took over from Retail; the USD default stays
    let default_of = |id: &str| ok(&t, "price_book_get", json!({"id": id}))["is_default"].as_bool().unwrap();
    assert_eq!((default_of(&retail), default_of(&usd), default_of(&dealer)), (false, true, true));
    ok(&t, "price_book_update", json!({"id": retail, "changes": {"is_default": true}}));
    assert_eq!((default_of(&retail), default_of(&dealer)), (true, false));

    let names = |args: Value| -> Vec<String> {
        let page = ok(&t, "price_book_list", args);
        page["rows"].as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(names(json!({})), ["Dealer", "Retail", "US list"]);
    ok(&t, "price_book_update", json!({"id": dealer, "changes": {"active": false}}));
    assert_eq!(names(json!({"active": true})), ["Retail", "US list"]);
    assert_eq!(names(json!({"conditions": [{"field": "currency", "op": "equals", "value": "USD"}]})), ["US list"]);
    ok(&t, "price_book_delete", json!({"id": usd}));
    assert_eq!(names(json!({})), ["Dealer", "Retail"]);
    assert_eq!(refused(&t, "price_book_update", json!({"id": usd, "changes": {"name": "X"}})).0, ErrorCode::Conflict);
}

#[test]
fn entries_set_replace_remove_and_list_with_product_names() {
    let t = common::store();
    let retail = book(&t, json!({"name": "Retail"}));
    let bolt = product(&t, "B-1", "Bolt", json!({"unit": "pcs"}));
    let anchor = product(&t, "A-1", "Anchor", json!({}));
    let set = |product: &str, price: &str| {
        call(&t, "price_book_entry_set", json!({"price_book_id": retail, "product_id": product, "unit_price": price}))
    };
    let e = set(&bolt, "0.35").unwrap();
    assert_eq!((e["product_name"].as_str(), e["unit_price"].as_str()), (Some("Bolt"), Some("0.35")));
    let again = set(&bolt, "0.40").unwrap();
    assert_eq!(again["id"], e["id"], "setting a price again replaces it");
    set(&anchor, "2").unwrap();
    let list = ok(&t, "price_book_entries", json!({"price_book_id": retail}));
    let rows: Vec<(String, String, bool)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["product_name"].as_str().unwrap().into(),
                r["unit_price"].as_str().unwrap().into(),
                r["available"] == true,
            )
        })
        .collect();
    assert_eq!(rows, [("Anchor".into(), "2".into(), true), ("Bolt".into(), "0.40".into(), true)]);

    assert_eq!(
        refused(&t, "price_book_entry_set", json!({"price_book_id": retail, "product_id": bolt, "unit_price": "-1"})),
        invalid("unit_price")
    );
    assert_eq!(
        refused(&t, "price_book_entry_set", json!({"price_book_id": "nope", "product_id": bolt, "unit_price": "1"})),
        invalid("price_book_id")
    );
    assert_eq!(
        refused(&t, "price_book_entry_set", json!({"price_book_id": retail, "product_id": "nope", "unit_price": "1"})),
        invalid("product_id")
    );

    ok(&t, "price_book_entry_remove", json!({"price_book_id": retail, "product_id": anchor}));
    assert_eq!(ok(&t, "price_book_entries", json!({"price_book_id": retail})).as_array().unwrap().len(), 1);
    assert_eq!(
        refused(&t, "price_book_entry_remove", json!({"price_book_id": retail, "product_id": anchor})).0,
        ErrorCode::NotFound
    );
    // a removed price can be set again
    set(&anchor, "2.10").unwrap();
    assert_eq!(ok(&t, "price_book_entries", json!({"price_book_id": retail})).as_array().unwrap().len(), 2);
    assert_eq!(refused(&t, "price_book_entries", json!({"price_book_id": "nope"})).0, ErrorCode::NotFound);
    // the book's currency is fixed once it has prices
    assert_eq!(
        refused(&t, "price_book_update", json!({"id": retail, "changes": {"currency": "USD"}})),
        invalid("currency")
    );
}

#[test]
fn deleting_or_deactivating_a_product_keeps_its_entries_as_unavailable() {
    let t = common::store();
    let retail = book(&t, json!({"name": "Retail"}));
    let bolt = product(&t, "B-1", "Bolt", json!({}));
    ok(&t, "price_book_entry_set", json!({"price_book_id": retail, "product_id": bolt, "unit_price": "0.35"}));
    let available = || ok(&t, "price_book_entries", json!({"price_book_id": retail}))[0]["available"].clone();
    ok(&t, "product_delete", json!({"id": bolt}));
    assert_eq!(available(), false);
    assert_eq!(refused(&t, "price_for", json!({"product_id": bolt, "price_book_id": retail})), invalid("product_id"));
    assert_eq!(
        refused(&t, "price_book_entry_set", json!({"price_book_id": retail, "product_id": bolt, "unit_price": "1"})),
        invalid("product_id")
    );
    ok(&t, "product_restore", json!({"id": bolt}));
    assert_eq!(available(), true);
    assert_eq!(ok(&t, "price_for", json!({"product_id": bolt, "price_book_id": retail}))["unit_price"], "0.35");
    ok(&t, "product_update", json!({"id": bolt, "changes": {"active": false}}));
    assert_eq!(available(), false);
    assert_eq!(refused(&t, "price_for", json!({"product_id": bolt, "price_book_id": retail})), invalid("product_id"));
}

#[test]
fn price_for_takes_the_entry_then_the_default_price_in_the_same_currency() {
    let t = common::store();
    let eur = book(&t, json!({"name": "Retail", "currency": "EUR"}));
    let usd = book(&t, json!({"name": "US list", "currency": "USD"}));
    let widget = product(&t, "W-1", "Widget", json!({"default_price": "10.00", "currency": "EUR", "tax_rate": "0.19"}));
    let bare = product(&t, "N-1", "No price", json!({}));
    ok(&t, "price_book_entry_set", json!({"price_book_id": usd, "product_id": widget, "unit_price": "11.50"}));

    let price = |args: Value| {
        let p = ok(&t, "price_for", args);
        (
            p["unit_price"].as_str().unwrap().to_owned(),
            p["currency"].as_str().unwrap().to_owned(),
            p["source"].as_str().unwrap().to_owned(),
        )
    };
    let triple = |a: &str, b: &str, c: &str| (a.to_owned(), b.to_owned(), c.to_owned());
    assert_eq!(price(json!({"product_id": widget, "price_book_id": usd})), triple("11.50", "USD", "price_book"));
    assert_eq!(price(json!({"product_id": widget, "price_book_id": eur})), triple("10.00", "EUR", "default_price"));
    assert_eq!(price(json!({"product_id": widget})), triple("10.00", "EUR", "default_price"));
    assert_eq!(ok(&t, "price_for", json!({"product_id": widget}))["tax_rate"], "0.19");

    // no entry and a default price in another currency: a clear error, not a converted price
    ok(&t, "price_book_entry_remove", json!({"price_book_id": usd, "product_id": widget}));
    let e = call(&t, "price_for", json!({"product_id": widget, "price_book_id": usd})).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("product_id"));
    assert!(e.message.contains("EUR") && e.message.contains("USD"), "{}", e.message);
    assert_eq!(refused(&t, "price_for", json!({"product_id": bare})), invalid("product_id"));
    assert_eq!(refused(&t, "price_for", json!({"product_id": bare, "price_book_id": eur})), invalid("product_id"));
    assert_eq!(refused(&t, "price_for", json!({"product_id": "nope"})), invalid("product_id"));
    assert_eq!(
        refused(&t, "price_for", json!({"product_id": widget, "price_book_id": "nope"})),
        invalid("price_book_id")
    );
    ok(&t, "price_book_update", json!({"id": eur, "changes": {"active": false}}));
    assert_eq!(refused(&t, "price_for", json!({"product_id": widget, "price_book_id": eur})), invalid("price_book_id"));
    ok(&t, "price_book_delete", json!({"id": usd}));
    assert_eq!(refused(&t, "price_for", json!({"product_id": widget, "price_book_id": usd})), invalid("price_book_id"));
}

#[test]
fn catalog_writes_are_one_change_log_entry_each() {
    let t = common::store();
    let id = product(&t, "P-1", "Widget", json!({}));
    let retail = book(&t, json!({"name": "Retail"}));
    ok(&t, "price_book_entry_set", json!({"price_book_id": retail, "product_id": id, "unit_price": "3"}));
    let logged: i64 = t
        .read(|c| {
            Ok(c.query_row(
                "SELECT count(*) FROM change_log WHERE record_type IN ('product', 'price_book', 'price_book_entry')",
                [],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert_eq!(logged, 3);
}

#[test]
fn products_take_bulk_tags_and_deletes_with_undo_and_saved_views() {
    let store = common::store();
    let a = product(&store, "A-1", "Anchor", json!({}));
    let b = product(&store, "B-1", "Bolt", json!({}));
    let tagged = ok(&store, "bulk_tag", json!({"record_type": "product", "ids": [a, b], "add": ["hardware"]}));
    assert_eq!(tagged["changed"], 2);
    let page = ok(&store, "product_list", json!({"tag": "hardware"}));
    assert_eq!(page["total"], 2);

    let view = ok(
        &store,
        "view_save",
        json!({"record_type": "product", "name": "Hardware", "query": {"tag": "hardware", "sort": "code"}}),
    );
    assert_eq!(view["query"]["sort"], "code");
    let (code, _) =
        refused(&store, "view_save", json!({"record_type": "product", "name": "Bad", "query": {"sort": "price"}}));
    assert_eq!(code, ErrorCode::Validation);

    let deleted = ok(&store, "bulk_delete", json!({"record_type": "product", "ids": [a]}));
    assert_eq!(ok(&store, "product_list", json!({}))["total"], 1);
    ok(&store, "batch_undo", json!({"batch_id": deleted["batch_id"]}));
    assert_eq!(ok(&store, "product_list", json!({}))["total"], 2);
}
