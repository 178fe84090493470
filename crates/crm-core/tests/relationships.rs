//! Relationships: both sides see them in their own words; bad links are refused.

mod common;

use crm_core::relationships::{self, RelationshipInput, RelationshipListQuery};
use crm_core::{accounts, ErrorCode, IdArgs, Store};
use serde_json::json;

fn relate(store: &Store, v: serde_json::Value) -> crm_core::Result<relationships::RelationshipView> {
    let input: RelationshipInput = serde_json::from_value(v).unwrap();
    store.write(|w| relationships::create(w, input))
}

fn seen_by(store: &Store, id: &str) -> Vec<(String, String)> {
    store
        .read(|c| relationships::list(c, RelationshipListQuery { id: id.into() }))
        .unwrap()
        .into_iter()
        .map(|v| (v.label, v.other_name))
        .collect()
}

#[test]
fn both_sides_show_the_relationship_in_their_words() {
    let t = common::store();
    let holding =
        t.write(|w| accounts::create(w, serde_json::from_value(json!({"name": "Holding AG"})).unwrap())).unwrap();
    let sub =
        t.write(|w| accounts::create(w, serde_json::from_value(json!({"name": "Tochter GmbH"})).unwrap())).unwrap();
    let anna = common::create(&t, json!({"first_name": "Anna", "last_name": "Weber"}));
    let paul = common::create(&t, json!({"first_name": "Paul", "last_name": "Weber"}));
    relate(&t, json!({"from": {"type": "account", "id": holding.id}, "to": {"type": "account", "id": sub.id}, "kind": "parent_company"})).unwrap();
    relate(&t, json!({"from": {"type": "contact", "id": anna.id}, "to": {"type": "account", "id": sub.id}, "kind": "employee_of"})).unwrap();
    relate(&t, json!({"from": {"type": "contact", "id": anna.id}, "to": {"type": "contact", "id": paul.id}, "kind": "family", "label": "married"})).unwrap();
    relate(&t, json!({"from": {"type": "contact", "id": paul.id}, "to": {"type": "account", "id": holding.id}, "kind": "custom", "label": "Golf partner of the CEO"})).unwrap();

    assert_eq!(
        seen_by(&t, &sub.id),
        [("Subsidiary of".into(), "Holding AG".into()), ("Employer of".into(), "Anna Weber".into())]
    );
    assert_eq!(
        seen_by(&t, &anna.id),
        [("Employee of".into(), "Tochter GmbH".into()), ("Family (married)".into(), "Paul Weber".into())]
    );
    assert_eq!(
        seen_by(&t, &paul.id),
        [("Family (married)".into(), "Anna Weber".into()), ("Golf partner of the CEO".into(), "Holding AG".into())]
    );
    assert_eq!(seen_by(&t, &holding.id)[0], ("Parent company of".into(), "Tochter GmbH".into()));
}

#[test]
fn bad_relationships_are_refused() {
    let t = common::store();
    let anna = common::create(&t, json!({"last_name": "Weber"}));
    let paul = common::create(&t, json!({"last_name": "Krause"}));
    let me = json!({"type": "contact", "id": anna.id});
    let err = |v| relate(&t, v).unwrap_err();
    assert_eq!(err(json!({"from": me, "to": me, "kind": "family"})).field.as_deref(), Some("to"));
    assert_eq!(
        err(json!({"from": me, "to": {"type": "account", "id": "nope"}, "kind": "employee_of"})).field.as_deref(),
        Some("to")
    );
    assert_eq!(
        err(json!({"from": me, "to": {"type": "contact", "id": paul.id}, "kind": "custom"})).field.as_deref(),
        Some("label")
    );
    relate(&t, json!({"from": me, "to": {"type": "contact", "id": paul.id}, "kind": "family"})).unwrap();
    let twice = err(json!({"from": {"type": "contact", "id": paul.id}, "to": me, "kind": "family"}));
    assert_eq!(twice.code, ErrorCode::Conflict);
    let listed = t.read(|c| relationships::list(c, RelationshipListQuery { id: anna.id.clone() })).unwrap();
    t.write(|w| relationships::delete(w, IdArgs { id: listed[0].id.clone() })).unwrap();
    assert!(seen_by(&t, &paul.id).is_empty());
}
