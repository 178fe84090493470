//! Duplicate detection, merge keeping every related record, and undo.

mod common;

use crm_core::batches::{self, BatchArgs};
use crm_core::duplicates::{self, DuplicateQuery};
use crm_core::merge::{self, MergeArgs, MergeType};
use crm_core::relationships::{self, RelationshipListQuery};
use crm_core::timeline::{self, TimelineQuery};
use crm_core::{accounts, contacts, opportunities, ErrorCode, IdArgs, Store};
use serde_json::json;

fn dupes(store: &Store, q: serde_json::Value) -> Vec<(String, Vec<String>)> {
    let q: DuplicateQuery = serde_json::from_value(q).unwrap();
    store.read(|c| duplicates::find(c, q)).unwrap().into_iter().map(|d| (d.name, d.reasons)).collect()
}

#[test]
fn finds_duplicates_by_email_phone_and_similar_name() {
    let t = common::store();
    let acme = t.write(|w| accounts::create(w, serde_json::from_value(json!({"name": "Acme GmbH"})).unwrap())).unwrap();
    common::create(&t, json!({"first_name": "Jürgen", "last_name": "Groß", "emails": ["JG@example.de"]}));
    common::create(
        &t,
        json!({"first_name": "Jurgen", "last_name": "Gross", "phones": ["+49 30 1234567"], "account_id": acme.id}),
    );
    common::create(&t, json!({"first_name": "Anna", "last_name": "Groß"}));
    common::create(&t, json!({"first_name": "Someone", "last_name": "Else", "emails": ["other@example.de"]}));

    let by_email = dupes(&t, json!({"contact": {"last_name": "X", "emails": ["jg@EXAMPLE.de"]}}));
    assert_eq!(by_email, [("Jürgen Groß".to_string(), vec!["same e-mail".to_string()])]);
    let by_phone = dupes(&t, json!({"contact": {"last_name": "X", "phones": ["030 1234567"]}}));
    assert_eq!(by_phone[0].1, ["same phone"]);
    let same_company =
        dupes(&t, json!({"contact": {"first_name": "Jürgen", "last_name": "Groß", "account_id": acme.id}}));
    assert_eq!(same_company, [("Jurgen Gross".to_string(), vec!["similar name at the same company".to_string()])]);
    let same_name = dupes(&t, json!({"contact": {"first_name": "Jürgem", "last_name": "Groß"}}));
    let reason = vec!["same last name, similar first name".to_string()];
    assert_eq!(
        same_name,
        [("Jurgen Gross".to_string(), reason.clone()), ("Jürgen Groß".to_string(), reason)],
        "Groß and Gross fold alike"
    );
    assert!(dupes(&t, json!({"contact": {"first_name": "Zacharias", "last_name": "Nobody"}})).is_empty());

    t.write(|w| accounts::create(w, serde_json::from_value(json!({"name": "ACME gmbh."})).unwrap())).unwrap();
    let accounts = dupes(&t, json!({"account_id": acme.id}));
    assert_eq!(accounts, [("ACME gmbh.".to_string(), vec!["same company name".to_string()])]);
}

#[test]
fn merge_keeps_every_related_record_and_can_be_undone() {
    let t = common::store();
    let acme = t.write(|w| accounts::create(w, serde_json::from_value(json!({"name": "Acme"})).unwrap())).unwrap();
    let winner = common::create(
        &t,
        json!({"first_name": "Jürgen", "last_name": "Groß", "emails": ["jg@example.de"], "title": ""}),
    );
    let loser = common::create(
        &t,
        json!({"first_name": "Jurgen", "last_name": "Gross", "emails": ["juergen@home.example"], "phones": ["+49 30 1234567"],
               "title": "Einkauf", "account_id": acme.id}),
    );
    let friend = common::create(&t, json!({"last_name": "Freund"}));
    let deal = t
        .write(|w| {
            opportunities::create(
                w,
                serde_json::from_value(json!({"name": "Deal", "account_id": acme.id, "contact_id": loser.id})).unwrap(),
            )
        })
        .unwrap();
    let rel = |from: &str, to: &str, kind: &str| {
        let input = serde_json::from_value(json!({"from": {"type": "contact", "id": from}, "to": {"type": "contact", "id": to}, "kind": kind, "label": "x"})).unwrap();
        t.write(|w| relationships::create(w, input)).unwrap()
    };
    rel(&friend.id, &loser.id, "partner");
    rel(&winner.id, &loser.id, "custom"); // becomes a self-relation: removed

    let result = t
        .write(|w| {
            merge::merge(
                w,
                MergeArgs {
                    record_type: MergeType::Contact,
                    winner_id: winner.id.clone(),
                    loser_id: loser.id.clone(),
                    take: vec!["first_name".into()],
                },
            )
        })
        .unwrap();
    assert_eq!(result.relinked, 2);
    let merged = t.read(|c| contacts::get(c, IdArgs { id: winner.id.clone() })).unwrap();
    assert_eq!(merged.fields.first_name, "Jurgen", "taken from the loser");
    assert_eq!(merged.fields.last_name, "Groß", "kept");
    assert_eq!(merged.fields.title, "Einkauf", "filled from the loser");
    assert_eq!(merged.fields.account_id.as_deref(), Some(acme.id.as_str()));
    let emails: Vec<&str> = merged.fields.emails.iter().map(|e| e.value.as_str()).collect();
    assert_eq!(emails, ["jg@example.de", "juergen@home.example"]);
    assert!(merged.fields.emails[0].primary && !merged.fields.emails[1].primary);
    assert_eq!(
        t.read(|c| opportunities::get(c, IdArgs { id: deal.id.clone() })).unwrap().fields.contact_id.as_deref(),
        Some(winner.id.as_str())
    );
    let friends = t.read(|c| relationships::list(c, RelationshipListQuery { id: winner.id.clone() })).unwrap();
    assert_eq!(friends.len(), 1);
    assert_eq!(friends[0].other_name, "Freund");
    let gone = t.read(|c| contacts::get(c, IdArgs { id: loser.id.clone() })).unwrap();
    assert!(gone.deleted_at.is_some());
    let history =
        t.read(|c| timeline::get(c, TimelineQuery { id: winner.id.clone(), before: None, limit: Some(100) })).unwrap();
    assert!(
        history
            .iter()
            .any(|e| e.op == "create" && e.changes.iter().any(|ch| ch.field == "title" && ch.new == "Einkauf")),
        "the loser's history shows on the winner"
    );

    let undo = t.write(|w| batches::undo(w, BatchArgs { batch_id: result.batch_id.clone() })).unwrap();
    assert!(undo.reverted >= 5);
    let back = t.read(|c| contacts::get(c, IdArgs { id: loser.id.clone() })).unwrap();
    assert!(back.deleted_at.is_none());
    assert_eq!(t.read(|c| contacts::get(c, IdArgs { id: winner.id.clone() })).unwrap().fields, winner.fields);
    assert_eq!(
        t.read(|c| opportunities::get(c, IdArgs { id: deal.id.clone() })).unwrap().fields.contact_id.as_deref(),
        Some(loser.id.as_str())
    );
    assert_eq!(t.read(|c| relationships::list(c, RelationshipListQuery { id: loser.id.clone() })).unwrap().len(), 2);
    let twice = t.write(|w| batches::undo(w, BatchArgs { batch_id: result.batch_id.clone() })).unwrap_err();
    assert_eq!(twice.code, ErrorCode::Conflict);
}

#[test]
fn bad_merges_are_refused_and_change_nothing() {
    let t = common::store();
    let a = common::create(&t, json!({"last_name": "A"}));
    let b = common::create(&t, json!({"last_name": "B"}));
    let try_merge = |winner: &str, loser: &str, take: Vec<String>| {
        t.write(|w| {
            merge::merge(
                w,
                MergeArgs { record_type: MergeType::Contact, winner_id: winner.into(), loser_id: loser.into(), take },
            )
        })
    };
    assert_eq!(try_merge(&a.id, &a.id, vec![]).unwrap_err().field.as_deref(), Some("loser_id"));
    assert_eq!(try_merge(&a.id, "nope", vec![]).unwrap_err().code, ErrorCode::NotFound);
    assert_eq!(try_merge(&a.id, &b.id, vec!["shoe_size".into()]).unwrap_err().field.as_deref(), Some("take"));
    assert!(t.read(|c| contacts::get(c, IdArgs { id: b.id.clone() })).unwrap().deleted_at.is_none());
    let undo_unknown = t.write(|w| batches::undo(w, BatchArgs { batch_id: "nope".into() })).unwrap_err();
    assert_eq!(undo_unknown.code, ErrorCode::NotFound);
}

#[test]
fn an_undo_that_would_overwrite_later_work_is_refused() {
    let t = common::store();
    let a = common::create(&t, json!({"last_name": "A"}));
    let b = common::create(&t, json!({"last_name": "B", "title": "Boss"}));
    let result = t
        .write(|w| {
            merge::merge(
                w,
                MergeArgs {
                    record_type: MergeType::Contact,
                    winner_id: a.id.clone(),
                    loser_id: b.id.clone(),
                    take: vec![],
                },
            )
        })
        .unwrap();
    let changes = json!({"title": "Chief"}).as_object().unwrap().clone();
    t.write(|w| contacts::update(w, contacts::ContactUpdate { id: a.id.clone(), changes })).unwrap();
    let err = t.write(|w| batches::undo(w, BatchArgs { batch_id: result.batch_id.clone() })).unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    assert_eq!(t.read(|c| contacts::get(c, IdArgs { id: a.id.clone() })).unwrap().fields.title, "Chief");
}

#[test]
fn merging_accounts_moves_contacts_deals_and_subsidiaries() {
    let t = common::store();
    let create = |v: serde_json::Value| t.write(|w| accounts::create(w, serde_json::from_value(v).unwrap())).unwrap();
    let winner = create(json!({"name": "Acme GmbH"}));
    let loser = create(json!({"name": "ACME", "website": "acme.example"}));
    let sub = create(json!({"name": "Acme Tochter", "parent_id": loser.id}));
    let person = common::create(&t, json!({"last_name": "Worker", "account_id": loser.id}));
    let r = t
        .write(|w| {
            merge::merge(
                w,
                MergeArgs {
                    record_type: MergeType::Account,
                    winner_id: winner.id.clone(),
                    loser_id: loser.id.clone(),
                    take: vec![],
                },
            )
        })
        .unwrap();
    assert_eq!(r.relinked, 2);
    assert_eq!(
        t.read(|c| contacts::get(c, IdArgs { id: person.id.clone() })).unwrap().fields.account_id.as_deref(),
        Some(winner.id.as_str())
    );
    assert_eq!(
        t.read(|c| accounts::get(c, IdArgs { id: sub.id.clone() })).unwrap().fields.parent_id.as_deref(),
        Some(winner.id.as_str())
    );
    let w = t.read(|c| accounts::get(c, IdArgs { id: winner.id.clone() })).unwrap();
    assert_eq!((w.fields.name.as_str(), w.fields.website.as_str()), ("Acme GmbH", "acme.example"));
}
