//! Accounts: validation, the parent hierarchy without cycles, contact links, lists, search.

mod common;

use crm_core::accounts::{self, AccountInput, AccountListQuery, AccountUpdate};
use crm_core::contacts::{self, ContactListQuery, ContactUpdate};
use crm_core::search::{self, SearchArgs};
use crm_core::{ErrorCode, IdArgs, Store};
use serde_json::json;

fn account(store: &Store, json: serde_json::Value) -> accounts::Account {
    let input: AccountInput = serde_json::from_value(json).expect("account input");
    store.write(|w| accounts::create(w, input)).expect("create account")
}

fn invalid(store: &Store, json: serde_json::Value) -> (ErrorCode, String) {
    let input: AccountInput = serde_json::from_value(json).expect("account input");
    let err = store.write(|w| accounts::create(w, input)).unwrap_err();
    (err.code, err.field.unwrap_or_default())
}

fn set_parent(store: &Store, id: &str, parent: &str) -> crm_core::Result<accounts::Account> {
    let changes = json!({ "parent_id": parent }).as_object().unwrap().clone();
    store.write(|w| accounts::update(w, AccountUpdate { id: id.into(), changes }))
}

#[test]
fn validation_names_the_field() {
    let t = common::store();
    assert_eq!(invalid(&t, json!({"name": " "})), (ErrorCode::Validation, "name".into()));
    assert_eq!(invalid(&t, json!({"name": "A", "website": "not a site"})).1, "website");
    assert_eq!(invalid(&t, json!({"name": "A", "emails": ["x@"]})).1, "emails[0]");
    assert_eq!(invalid(&t, json!({"name": "A", "annual_revenue": "-5"})).1, "annual_revenue");
    assert_eq!(invalid(&t, json!({"name": "A", "parent_id": "missing"})).1, "parent_id");
    let bad_type: Result<AccountInput, _> = serde_json::from_value(json!({"name": "A", "account_type": "friend"}));
    assert!(bad_type.is_err());
}

#[test]
fn stores_every_field_with_exact_money() {
    let t = common::store();
    let a = account(
        &t,
        json!({
            "name": "Müller & Söhne GmbH", "account_type": "partner", "industry": "Maschinenbau",
            "website": "https://mueller-soehne.example.de/kontakt", "emails": ["info@mueller.example.de"],
            "phones": ["+49 89 123456"], "billing_address": {"street": "Leopoldstraße 1", "city": "München", "country": "DE"},
            "tax_id": "DE811111111", "annual_revenue": "12500000.50", "employees": 120, "rating": "hot"
        }),
    );
    let got = t.read(|c| accounts::get(c, IdArgs { id: a.id.clone() })).unwrap();
    assert_eq!(got, a);
    assert_eq!(got.fields.annual_revenue.unwrap().to_string(), "12500000.5");
    assert_eq!(got.fields.rating, Some(accounts::Rating::Hot));
    assert_eq!(got.fields.billing_address.unwrap().city, "München");
    assert_eq!(serde_json::to_value(&a).unwrap()["account_type"], "partner");
}

#[test]
fn the_hierarchy_never_loops() {
    let t = common::store();
    let holding = account(&t, json!({"name": "Holding AG"}));
    let sub = account(&t, json!({"name": "Tochter GmbH", "parent_id": holding.id}));
    let subsub = account(&t, json!({"name": "Enkel GmbH", "parent_id": sub.id}));
    let own = set_parent(&t, &holding.id, &holding.id).unwrap_err();
    assert_eq!((own.code, own.field.as_deref()), (ErrorCode::Validation, Some("parent_id")));
    let looped = set_parent(&t, &holding.id, &subsub.id).unwrap_err();
    assert_eq!(looped.field.as_deref(), Some("parent_id"));
    assert!(looped.message.contains("loop"), "{}", looped.message);
    assert_eq!(t.read(|c| accounts::get(c, IdArgs { id: holding.id.clone() })).unwrap().fields.parent_id, None);

    let tree = t.read(|c| accounts::tree(c, IdArgs { id: subsub.id.clone() })).unwrap();
    assert_eq!(tree.name, "Holding AG");
    assert_eq!(tree.children[0].name, "Tochter GmbH");
    assert_eq!(tree.children[0].children[0].name, "Enkel GmbH");

    let refused = t.write(|w| accounts::delete(w, IdArgs { id: sub.id.clone() })).unwrap_err();
    assert_eq!(refused.code, ErrorCode::Conflict);
    t.write(|w| accounts::delete(w, IdArgs { id: subsub.id.clone() })).unwrap();
    t.write(|w| accounts::delete(w, IdArgs { id: sub.id.clone() })).unwrap();
    let deleted_parent = set_parent(&t, &holding.id, &sub.id).unwrap_err();
    assert_eq!(deleted_parent.field.as_deref(), Some("parent_id"));
}

#[test]
fn contacts_link_to_live_accounts_and_list_by_account() {
    let t = common::store();
    let acme = account(&t, json!({"name": "Acme"}));
    let other = account(&t, json!({"name": "Other"}));
    let c1 = common::create(&t, json!({"last_name": "Roadrunner", "account_id": acme.id}));
    common::create(&t, json!({"last_name": "Coyote", "account_id": acme.id}));
    common::create(&t, json!({"last_name": "Elsewhere", "account_id": other.id}));
    let missing = t.write(|w| contacts::create(w, common::input(json!({"last_name": "X", "account_id": "nope"}))));
    assert_eq!(missing.unwrap_err().field.as_deref(), Some("account_id"));
    assert_eq!(c1.fields.account_id.as_deref(), Some(acme.id.as_str()));
    let page = t
        .read(|c| contacts::list(c, ContactListQuery { account_id: Some(acme.id.clone()), ..Default::default() }))
        .unwrap();
    let names: Vec<_> = page.rows.iter().map(|r| r.last_name.as_str()).collect();
    assert_eq!(names, ["Coyote", "Roadrunner"]);
    assert_eq!(page.total, Some(2));
    let moved = t.write(|w| {
        contacts::update(
            w,
            ContactUpdate { id: c1.id.clone(), changes: json!({"account_id": other.id}).as_object().unwrap().clone() },
        )
    });
    assert_eq!(moved.unwrap().fields.account_id.as_deref(), Some(other.id.as_str()));
}

#[test]
fn accounts_list_in_name_order_and_search_groups_by_type() {
    let t = common::store();
    for name in ["Zeta Ltd", "Älpler AG", "Бета ООО", "alpha inc"] {
        account(&t, json!({"name": name, "billing_address": {"city": "Wien"}}));
    }
    common::create(&t, json!({"first_name": "Alpha", "last_name": "Person"}));
    let page = t.read(|c| accounts::list(c, AccountListQuery { limit: 10, ..Default::default() })).unwrap();
    let names: Vec<_> = page.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["alpha inc", "Älpler AG", "Zeta Ltd", "Бета ООО"]);
    assert_eq!(page.total, Some(4));
    let found = t.read(|c| search::search(c, SearchArgs { q: "alp".into(), limit: 10 })).unwrap();
    let groups: Vec<(&str, usize)> = found.groups.iter().map(|g| (g.record_type.as_str(), g.hits.len())).collect();
    assert_eq!(groups, [("account", 2), ("contact", 1)]);
    assert!(found.groups[0].hits.iter().all(|h| h.subtitle.contains("Wien")));
}
