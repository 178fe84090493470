//! Tags, bulk actions with undo, notes and attachments on records.

mod common;

use crm_core::attachments::{self, AttachmentAdd, AttachmentListQuery};
use crm_core::batches::{self, BatchArgs};
use crm_core::bulk::{self, BulkDelete, BulkOwner, BulkTag, ListType};
use crm_core::contacts::{self, ContactListQuery};
use crm_core::notes::{self, NoteInput, NoteListQuery, NoteUpdate};
use crm_core::tags::{self, TagQuery};
use crm_core::timeline::{self, TimelineQuery};
use crm_core::{ErrorCode, IdArgs, Store};
use serde_json::json;

fn tagged(store: &Store, tag: &str) -> Vec<String> {
    let q = ContactListQuery { tag: Some(tag.into()), ..Default::default() };
    store.read(|c| contacts::list(c, q)).unwrap().rows.into_iter().map(|r| r.last_name).collect()
}

#[test]
fn tags_are_cleaned_filtered_counted_and_bulk_edited_with_undo() {
    let t = common::store();
    let a = common::create(&t, json!({"last_name": "A", "tags": [" VIP ", "vip", "Messe 2026", ""]}));
    let b = common::create(&t, json!({"last_name": "B", "tags": ["Messe 2026"]}));
    common::create(&t, json!({"last_name": "C"}));
    assert_eq!(a.fields.tags, ["VIP", "Messe 2026"], "trimmed, no duplicates");
    assert_eq!(tagged(&t, "vip"), ["A"]);
    assert_eq!(tagged(&t, "messe 2026"), ["A", "B"]);
    let counts: Vec<(String, u64)> =
        t.read(|c| tags::list(c, TagQuery::default())).unwrap().into_iter().map(|c| (c.tag, c.count)).collect();
    assert_eq!(counts, [("Messe 2026".to_string(), 2), ("VIP".to_string(), 1)]);

    let result = t
        .write(|w| {
            bulk::tag(
                w,
                BulkTag {
                    record_type: ListType::Contact,
                    ids: vec![a.id.clone(), b.id.clone()],
                    add: vec!["Newsletter".into()],
                    remove: vec!["MESSE 2026".into()],
                },
            )
        })
        .unwrap();
    assert_eq!(result.changed, 2);
    assert_eq!(tagged(&t, "newsletter"), ["A", "B"]);
    assert!(tagged(&t, "messe 2026").is_empty());
    t.write(|w| batches::undo(w, BatchArgs { batch_id: result.batch_id.clone() })).unwrap();
    assert_eq!(tagged(&t, "messe 2026"), ["A", "B"]);
    assert!(tagged(&t, "newsletter").is_empty());
    let too_long = common::input(json!({"last_name": "X", "tags": ["x".repeat(51)]}));
    assert_eq!(t.write(|w| contacts::create(w, too_long)).unwrap_err().field.as_deref(), Some("tags"));
}

#[test]
fn bulk_delete_and_owner_are_one_undoable_batch_and_name_the_failing_row() {
    let t = common::store();
    let ids: Vec<String> = (0..3).map(|i| common::create(&t, json!({"last_name": format!("N{i}")})).id).collect();
    let missing = t.write(|w| {
        bulk::delete(w, BulkDelete { record_type: ListType::Contact, ids: vec![ids[0].clone(), "nope".into()] })
    });
    let err = missing.unwrap_err();
    assert_eq!((err.code, err.row), (ErrorCode::NotFound, Some(2)));
    assert_eq!(t.read(|c| contacts::list(c, Default::default())).unwrap().total, Some(3), "nothing deleted");
    let deleted =
        t.write(|w| bulk::delete(w, BulkDelete { record_type: ListType::Contact, ids: ids.clone() })).unwrap();
    assert_eq!(t.read(|c| contacts::list(c, Default::default())).unwrap().total, Some(0));
    t.write(|w| batches::undo(w, BatchArgs { batch_id: deleted.batch_id })).unwrap();
    assert_eq!(t.read(|c| contacts::list(c, Default::default())).unwrap().total, Some(3));
    let nobody = t.write(|w| {
        bulk::owner(w, BulkOwner { record_type: ListType::Contact, ids: ids.clone(), owner_id: "ghost".into() })
    });
    assert_eq!(nobody.unwrap_err().field.as_deref(), Some("owner_id"));
    let same = t
        .write(|w| bulk::owner(w, BulkOwner { record_type: ListType::Contact, ids, owner_id: t.user_id().into() }))
        .unwrap();
    assert_eq!(same.changed, 0, "already theirs");
}

#[test]
fn notes_show_on_the_record_and_its_timeline() {
    let t = common::store();
    let c = common::create(&t, json!({"last_name": "Weber"}));
    let note = |body: &str, pinned: bool| {
        t.write(|w| {
            notes::create(
                w,
                NoteInput { record_type: "contact".into(), record_id: c.id.clone(), body: body.into(), pinned },
            )
        })
    };
    let first = note("Called about the offer", false).unwrap();
    note("Prefers e-mail", true).unwrap();
    assert_eq!(note("  ", false).unwrap_err().field.as_deref(), Some("body"));
    let bad_parent = t.write(|w| {
        notes::create(
            w,
            NoteInput { record_type: "user".into(), record_id: c.id.clone(), body: "x".into(), pinned: false },
        )
    });
    assert_eq!(bad_parent.unwrap_err().field.as_deref(), Some("record_type"));
    t.write(|w| {
        notes::update(
            w,
            NoteUpdate { id: first.id.clone(), body: Some("Called about the offer: yes".into()), pinned: None },
        )
    })
    .unwrap();
    let listed: Vec<String> = t
        .read(|x| notes::list(x, NoteListQuery { record_id: c.id.clone() }))
        .unwrap()
        .into_iter()
        .map(|n| n.body)
        .collect();
    assert_eq!(listed, ["Prefers e-mail", "Called about the offer: yes"]);
    let history = t.read(|x| timeline::get(x, TimelineQuery { id: c.id.clone(), before: None, limit: None })).unwrap();
    assert_eq!(history[0].record_type, "note");
    assert!(history[0].changes.iter().any(|ch| ch.field == "body" && ch.new == "Called about the offer: yes"));
    t.write(|w| notes::delete(w, IdArgs { id: first.id.clone() })).unwrap();
    assert_eq!(t.read(|x| notes::list(x, NoteListQuery { record_id: c.id.clone() })).unwrap().len(), 1);
}

#[test]
fn attachments_are_copied_hashed_deduplicated_and_found_again() {
    let t = common::store();
    let c = common::create(&t, json!({"last_name": "Weber"}));
    let source = t.dir.path().join("Angebot Müller.pdf");
    std::fs::write(&source, b"%PDF-1.4 not really a pdf").unwrap();
    let add = |folder: &str| {
        attachments::add(
            &t,
            AttachmentAdd {
                record_type: "contact".into(),
                record_id: c.id.clone(),
                path: source.display().to_string(),
                folder: folder.into(),
            },
        )
    };
    let a = add("Angebote").unwrap();
    let b = add("").unwrap();
    assert_eq!(a.sha256, b.sha256);
    assert_eq!((a.file_name.as_str(), a.media_type.as_str(), a.size), ("Angebot Müller.pdf", "application/pdf", 25));
    assert_eq!(a.sha256.len(), 64);
    let stored = attachments::path(&t, IdArgs { id: a.id.clone() }).unwrap();
    assert_eq!(std::fs::read(&stored.path).unwrap(), b"%PDF-1.4 not really a pdf");
    std::fs::remove_file(&source).unwrap();
    assert_eq!(
        std::fs::read(attachments::path(&t, IdArgs { id: b.id.clone() }).unwrap().path).unwrap().len(),
        25,
        "a copy, not a link"
    );
    let files: Vec<String> = t
        .read(|x| attachments::list(x, AttachmentListQuery { record_id: c.id.clone() }))
        .unwrap()
        .into_iter()
        .map(|f| f.folder)
        .collect();
    assert_eq!(files, ["", "Angebote"]);
    let missing = attachments::add(
        &t,
        AttachmentAdd {
            record_type: "contact".into(),
            record_id: c.id.clone(),
            path: "/nonexistent/file.pdf".into(),
            folder: String::new(),
        },
    );
    assert_eq!(missing.unwrap_err().field.as_deref(), Some("path"));
    t.write(|w| attachments::delete(w, IdArgs { id: a.id.clone() })).unwrap();
    assert_eq!(t.read(|x| attachments::list(x, AttachmentListQuery { record_id: c.id.clone() })).unwrap().len(), 1);
}

#[test]
fn lists_filter_by_owner_and_field_conditions() {
    let t = common::store();
    common::create(&t, json!({"last_name": "Berliner", "addresses": [{"city": "Berlin"}], "title": "CEO"}));
    common::create(&t, json!({"last_name": "Kölner", "addresses": [{"city": "Köln"}], "title": "Head of 50% Sales"}));
    common::create(&t, json!({"last_name": "Nowhere"}));
    let names = |q: serde_json::Value| -> Vec<String> {
        let q: ContactListQuery = serde_json::from_value(q).unwrap();
        t.read(|c| contacts::list(c, q)).unwrap().rows.into_iter().map(|r| r.last_name).collect()
    };
    assert_eq!(names(json!({"conditions": [{"field": "city", "op": "equals", "value": "Berlin"}]})), ["Berliner"]);
    assert_eq!(names(json!({"conditions": [{"field": "title", "op": "contains", "value": "50%"}]})), ["Kölner"]);
    assert_eq!(
        names(json!({"conditions": [{"field": "title", "op": "contains", "value": "%"}]})),
        ["Kölner"],
        "% is literal"
    );
    assert_eq!(names(json!({"conditions": [{"field": "city", "op": "is_empty"}]})), ["Nowhere"]);
    assert_eq!(
        names(
            json!({"conditions": [{"field": "city", "op": "is_not_empty"}, {"field": "title", "op": "starts_with", "value": "ce"}]})
        ),
        ["Berliner"]
    );
    assert_eq!(names(json!({"owner_id": t.user_id()})).len(), 3);
    assert!(names(json!({"owner_id": "someone else"})).is_empty());
    let bad: ContactListQuery = serde_json::from_value(
        json!({"conditions": [{"field": "notes; DROP TABLE contacts", "op": "equals", "value": "x"}]}),
    )
    .unwrap();
    assert_eq!(t.read(|c| contacts::list(c, bad)).unwrap_err().field.as_deref(), Some("conditions[0].field"));
}

#[test]
fn views_save_checked_queries_by_name() {
    use crm_core::views::{self, ViewInput, ViewListQuery};
    let t = common::store();
    let save = |name: &str, query: serde_json::Value| {
        let input = ViewInput {
            record_type: ListType::Contact,
            name: name.into(),
            query: query.as_object().unwrap().clone(),
            columns: vec!["name".into(), "city".into()],
        };
        t.write(|w| views::save(w, input))
    };
    save(
        "Berlin",
        json!({"sort": "city", "conditions": [{"field": "city", "op": "equals", "value": "Berlin"}], "after": "x"}),
    )
    .unwrap();
    let replaced = save("Berlin", json!({"sort": "name", "tag": "VIP"})).unwrap();
    assert!(!replaced.query.contains_key("after"));
    assert_eq!(save("Bad", json!({"sort": "shoe_size"})).unwrap_err().field.as_deref(), Some("query"));
    assert_eq!(
        save("Bad", json!({"conditions": [{"field": "nope", "op": "equals"}]})).unwrap_err().code,
        ErrorCode::Validation
    );
    assert_eq!(save(" ", json!({})).unwrap_err().field.as_deref(), Some("name"));
    let listed = t.read(|c| views::list(c, ViewListQuery { record_type: ListType::Contact })).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].query["tag"], "VIP");
    assert!(t.read(|c| views::list(c, ViewListQuery { record_type: ListType::Lead })).unwrap().is_empty());
}
