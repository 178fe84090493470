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

/// What a store holds after writes: rows, change log, search hits and live counts, leaving
/// out what differs between two stores anyway (the clock's stamps, the local user's id).
fn snapshot(store: &Store, queries: &[&str]) -> (Vec<String>, Vec<String>, Vec<Vec<String>>, u64) {
    store
        .read(|c| {
            let rows = c
                .prepare(
                    "SELECT id, first_name, last_name, title, emails, phones, addresses, birthday,
                     sort_name, email, phone, phone_key, city, sort_city, sort_title, deleted_at IS NULL
                     FROM contacts ORDER BY id",
                )?
                .query_map([], |r| {
                    let values: Vec<rusqlite::types::Value> = (0..16).map(|i| r.get(i)).collect::<Result<_, _>>()?;
                    Ok(format!("{values:?}"))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let log = c
                .prepare("SELECT record_type, record_id, op, fields, previous, batch_id FROM change_log WHERE record_type = 'contact' ORDER BY seq")?
                .query_map([], |r| {
                    let mut fields: serde_json::Value = serde_json::from_str(&r.get::<_, String>(3)?).unwrap();
                    let fields = fields.as_object_mut().unwrap();
                    for stamp in ["created_at", "updated_at", "owner_id"] {
                        fields.remove(stamp);
                    }
                    if let Some(deleted) = fields.get_mut("deleted_at") {
                        *deleted = json!(deleted.is_string());
                    }
                    let (kind, id, op): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
                    let (previous, batch): (Option<String>, Option<String>) = (r.get(4)?, r.get(5)?);
                    Ok(format!("{kind} {id} {op} {fields:?} {previous:?} {batch:?}"))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let mut hits = Vec::new();
            for q in queries {
                let found = crm_core::search::search(c, crm_core::search::SearchArgs { q: (*q).into(), limit: 500 })?;
                let mut ids: Vec<String> = found.groups.into_iter().flat_map(|g| g.hits).map(|h| h.id).collect();
                ids.sort();
                hits.push(ids);
            }
            let live = crm_core::write::live_count(c, &contacts::CONTACT)?;
            Ok((rows, log, hits, live))
        })
        .unwrap()
}

fn cache_kib(store: &Store) -> i64 {
    store.with_writer_connection(|c| Ok(c.pragma_query_value(None, "cache_size", |r| r.get(0))?)).unwrap()
}

#[test]
fn a_bulk_write_stores_logs_indexes_and_undoes_the_same_as_a_normal_one() {
    let people: Vec<_> = {
        let mut rng = crm_core::demo::Rng::new(5);
        (0..60).map(|_| crm_core::demo::contact(&mut rng)).collect()
    };
    let queries = ["mül", "sch", "ива", "example", "+49", "berlin", "sales", "a"];
    let run = |bulk: bool| {
        let t = common::store();
        let normal_cache = cache_kib(&t);
        t.write(|w| {
            w.set_batch(Some("batch-1".into()));
            if bulk {
                w.bulk()?;
            }
            for (i, person) in people.iter().enumerate() {
                contacts::create_with_id(w, &format!("contact-{i:03}"), person)?;
            }
            // Updates and deletes in the same bulk write reach the index and the log too.
            let changes = changes(json!({"last_name": "Schneider", "emails": ["new@example.org"]}));
            contacts::update(w, ContactUpdate { id: "contact-007".into(), changes })?;
            contacts::delete(w, IdArgs { id: "contact-011".into() })?;
            Ok(())
        })
        .unwrap();
        assert_eq!(cache_kib(&t), normal_cache, "the page cache is back to its size after the write");
        let written = snapshot(&t, &queries);
        let undone =
            t.write(|w| crm_core::batches::undo(w, crm_core::batches::BatchArgs { batch_id: "batch-1".into() }));
        assert_eq!(undone.unwrap().reverted, 62);
        (written, snapshot(&t, &queries))
    };
    let (normal, normal_undone) = run(false);
    let (bulk, bulk_undone) = run(true);
    assert_eq!(normal.0.len(), 60);
    assert_eq!(normal.3, 59);
    assert!(normal.2.iter().filter(|ids| !ids.is_empty()).count() >= 4, "the queries find contacts: {:?}", normal.2);
    assert!(normal.2.iter().any(|ids| ids.contains(&"contact-007".to_owned())), "the update is indexed");
    assert_eq!(bulk, normal);
    assert_eq!(normal_undone.3, 0);
    assert!(normal_undone.2.iter().all(Vec::is_empty), "undone contacts are not found");
    assert_eq!(bulk_undone, normal_undone);
}

#[test]
fn a_failed_bulk_write_leaves_nothing_and_the_usual_page_cache() {
    let t = common::store();
    let normal_cache = cache_kib(&t);
    let failed = t.write(|w| {
        w.bulk()?;
        contacts::create_with_id(w, "c1", &common::input(json!({"last_name": "Kept?"})))?;
        Err::<(), _>(Error::new(ErrorCode::Conflict, "cancelled"))
    });
    assert_eq!(failed.unwrap_err().code, ErrorCode::Conflict);
    assert_eq!(cache_kib(&t), normal_cache);
    let (rows, log, _, live) = snapshot(&t, &[]);
    assert!(rows.is_empty());
    assert_eq!(live, 0);
    assert!(log.is_empty(), "{log:?}");
}
