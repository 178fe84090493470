//! The one write path: every write leaves one change-log entry (the outbox and
//! the record's history), in the same transaction, with a clock that never goes back.

mod common;

use common::{create, history};
use crm_core::clock::Hlc;
use crm_core::contacts::{self, ContactUpdate};
use crm_core::{Error, ErrorCode, IdArgs, Store};
use serde_json::json;

fn changes(v: serde_json::Value) -> serde_json::Map<String, serde_json::Value> {
    v.as_object().unwrap().clone()
}

#[test]
fn create_logs_one_entry_with_every_field() {
    let t = common::store();
    let c = create(&t, json!({"first_name": "Jürgen", "last_name": "Groß", "emails": ["jg@example.de"]}));
    let h = history(&t, &c.id);
    assert_eq!(h.len(), 1);
    let (op, fields, previous) = &h[0];
    assert_eq!(op, "create");
    assert_eq!(fields["last_name"], "Groß");
    assert_eq!(fields["emails"][0]["value"], "jg@example.de");
    assert_eq!(fields["created_at"], c.created_at.as_str());
    assert!(previous.is_none());
    let (device, actor): (String, String) = t
        .read(|c2| {
            Ok(c2.query_row("SELECT device_id, actor_id FROM change_log WHERE record_id = ?1", [&c.id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?)
        })
        .unwrap();
    assert_eq!(device, t.device_id());
    assert_eq!(actor, t.user_id());
}

#[test]
fn update_logs_only_what_changed_with_old_and_new_values() {
    let t = common::store();
    let c = create(&t, json!({"first_name": "Anna", "last_name": "Müller", "title": "CFO"}));
    let updated = t
        .write(|w| {
            contacts::update(
                w,
                ContactUpdate { id: c.id.clone(), changes: changes(json!({"title": "CEO", "first_name": "Anna"})) },
            )
        })
        .unwrap();
    assert_eq!(updated.fields.title, "CEO");
    assert!(updated.updated_at >= c.updated_at);
    let h = history(&t, &c.id);
    assert_eq!(h.len(), 2);
    let (op, fields, previous) = &h[1];
    assert_eq!(op, "update");
    let mut names: Vec<&String> = fields.as_object().unwrap().keys().collect();
    names.sort();
    // The title and its sort key (derived), not the unchanged first name.
    assert_eq!(names, ["sort_title", "title"], "only the changed field: {fields}");
    assert_eq!(fields["title"], "CEO");
    assert_eq!(previous.as_ref().unwrap()["title"], "CFO");
}

#[test]
fn an_update_that_changes_nothing_writes_nothing() {
    let t = common::store();
    let c = create(&t, json!({"last_name": "Weber"}));
    let same = t
        .write(|w| {
            contacts::update(w, ContactUpdate { id: c.id.clone(), changes: changes(json!({"last_name": " Weber "})) })
        })
        .unwrap();
    assert_eq!(same.updated_at, c.updated_at);
    assert_eq!(history(&t, &c.id).len(), 1);
}

#[test]
fn delete_and_restore_are_logged_and_keep_the_row() {
    let t = common::store();
    let c = create(&t, json!({"last_name": "Schulz"}));
    let deleted = t.write(|w| contacts::delete(w, IdArgs { id: c.id.clone() })).unwrap();
    assert!(deleted.deleted_at.is_some());
    let again = t.write(|w| contacts::delete(w, IdArgs { id: c.id.clone() })).unwrap_err();
    assert_eq!(again.code, ErrorCode::NotFound);
    let restored = t.write(|w| contacts::restore(w, IdArgs { id: c.id.clone() })).unwrap();
    assert!(restored.deleted_at.is_none());
    let ops: Vec<String> = history(&t, &c.id).into_iter().map(|h| h.0).collect();
    assert_eq!(ops, ["create", "delete", "restore"]);
    let conflict = t.write(|w| contacts::restore(w, IdArgs { id: c.id.clone() })).unwrap_err();
    assert_eq!(conflict.code, ErrorCode::Conflict);
}

#[test]
fn a_failing_write_leaves_nothing_behind() {
    let t = common::store();
    let result: Result<(), Error> = t.write(|w| {
        contacts::create(w, common::input(json!({"last_name": "First"})))?;
        contacts::create(w, common::input(json!({"last_name": "Second"})))?;
        contacts::create(w, common::input(json!({"first_name": "no last name"})))?;
        Ok(())
    });
    assert_eq!(result.unwrap_err().field.as_deref(), Some("last_name"));
    let (contacts, log): (i64, i64) = t
        .read(|c| {
            Ok((
                c.query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))?,
                c.query_row("SELECT count(*) FROM change_log WHERE record_type = 'contact'", [], |r| r.get(0))?,
            ))
        })
        .unwrap();
    assert_eq!((contacts, log), (0, 0));
    let found =
        t.read(|c| crm_core::search::search(c, crm_core::search::SearchArgs { q: "first".into(), limit: 5 })).unwrap();
    assert!(found.groups.is_empty(), "the search index rolled back too");
}

#[test]
fn clock_stamps_increase_and_continue_after_a_restart_even_if_the_wall_clock_is_behind() {
    let t = common::store();
    let path = t.path().to_owned();
    let a = create(&t, json!({"last_name": "A"}));
    let b = create(&t, json!({"last_name": "B"}));
    let stamps = |s: &Store| -> Vec<String> {
        s.read(|c| {
            Ok(c.prepare("SELECT hlc FROM change_log WHERE record_type = 'contact' ORDER BY seq")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()?)
        })
        .unwrap()
    };
    let before = stamps(&t);
    assert!(before.windows(2).all(|w| w[0] < w[1]), "{before:?}");
    assert!(a.created_at <= b.created_at);
    drop(t.store);
    // The last stamp lies an hour in the future, as if the wall clock was set back since.
    let future = Hlc { wall_ms: chrono::Utc::now().timestamp_millis() + 3_600_000, counter: 7 };
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute("UPDATE meta SET value = ?1 WHERE key = 'hlc'", [future.to_string()])
        .unwrap();
    let store = Store::open(&path).unwrap();
    create(&store, json!({"last_name": "C"}));
    let after = stamps(&store);
    let newest: Hlc = after.last().unwrap().parse().unwrap();
    assert_eq!(newest, Hlc { wall_ms: future.wall_ms, counter: 8 });
}

#[test]
fn search_index_follows_every_write() {
    let t = common::store();
    let find = |q: &str| -> Vec<String> {
        t.read(|c| crm_core::search::search(c, crm_core::search::SearchArgs { q: q.into(), limit: 10 }))
            .unwrap()
            .groups
            .into_iter()
            .flat_map(|g| g.hits.into_iter().map(|h| h.title))
            .collect()
    };
    let c = create(&t, json!({"first_name": "Käthe", "last_name": "Köhler"}));
    assert_eq!(find("kath"), ["Käthe Köhler"]);
    t.write(|w| {
        contacts::update(w, ContactUpdate { id: c.id.clone(), changes: changes(json!({"last_name": "Krüger"})) })
    })
    .unwrap();
    assert_eq!(find("kohl"), Vec::<String>::new());
    assert_eq!(find("krug"), ["Käthe Krüger"]);
    t.write(|w| contacts::delete(w, IdArgs { id: c.id.clone() })).unwrap();
    assert!(find("krug").is_empty());
    t.write(|w| contacts::restore(w, IdArgs { id: c.id.clone() })).unwrap();
    assert_eq!(find("krug"), ["Käthe Krüger"]);
}

#[test]
fn live_counts_follow_creates_deletes_restores_and_rollbacks() {
    let t = common::store();
    let live = |s: &Store| s.read(|c| crm_core::write::live_count(c, &contacts::CONTACT)).unwrap();
    let counted = |s: &Store| -> u64 {
        s.read(|c| {
            Ok(c.query_row("SELECT count(*) FROM contacts WHERE deleted_at IS NULL", [], |r| r.get::<_, i64>(0))?
                as u64)
        })
        .unwrap()
    };
    assert_eq!(live(&t), 0);
    let ids: Vec<String> = (0..5).map(|i| create(&t, json!({"last_name": format!("N{i}")})).id).collect();
    t.write(|w| contacts::delete(w, IdArgs { id: ids[0].clone() })).unwrap();
    t.write(|w| contacts::delete(w, IdArgs { id: ids[1].clone() })).unwrap();
    t.write(|w| contacts::restore(w, IdArgs { id: ids[1].clone() })).unwrap();
    let _ = t.write(|w| {
        contacts::create(w, common::input(json!({"last_name": "rolled back"})))?;
        contacts::delete(w, IdArgs { id: "missing".into() })
    });
    assert_eq!(live(&t), 4);
    assert_eq!(live(&t), counted(&t));
}

#[test]
fn the_timeline_shows_each_write_newest_first_with_old_and_new_values() {
    let t = common::store();
    let c = create(&t, json!({"first_name": "Anna", "last_name": "Müller", "title": "CFO"}));
    t.write(|w| contacts::update(w, ContactUpdate { id: c.id.clone(), changes: changes(json!({"title": "CEO"})) }))
        .unwrap();
    t.write(|w| contacts::delete(w, IdArgs { id: c.id.clone() })).unwrap();
    let query = |before| crm_core::timeline::TimelineQuery { id: c.id.clone(), before, limit: Some(2) };
    let page = t.read(|conn| crm_core::timeline::get(conn, query(None))).unwrap();
    let ops: Vec<&str> = page.iter().map(|e| e.op.as_str()).collect();
    assert_eq!(ops, ["delete", "update"]);
    let update = &page[1];
    assert_eq!(update.changes.len(), 1, "derived columns and timestamps are not shown: {:?}", update.changes);
    assert_eq!(
        (update.changes[0].field.as_str(), &update.changes[0].old, &update.changes[0].new),
        ("title", &json!("CFO"), &json!("CEO"))
    );
    assert!(!update.actor.is_empty());
    let older = t.read(|conn| crm_core::timeline::get(conn, query(Some(page[1].seq)))).unwrap();
    assert_eq!(older.len(), 1);
    assert_eq!(older[0].op, "create");
    assert!(older[0].changes.iter().any(|ch| ch.field == "last_name" && ch.new == "Müller"));
    assert!(older[0].changes.iter().all(|ch| ch.field != "sort_name"));
}
