//! Integrity check, online backup and restore.

mod common;

use common::create;
use crm_core::maintenance::{backup, check, restore};
use crm_core::{contacts, ErrorCode, Store};
use serde_json::json;

fn total(store: &Store) -> u64 {
    store.read(|c| contacts::list(c, Default::default())).unwrap().total.unwrap()
}

#[test]
fn a_sound_database_checks_ok() {
    let t = common::store();
    create(&t, json!({"last_name": "Becker"}));
    let report = check(&t).unwrap();
    assert!(report.ok, "{report:?}");
    assert_eq!(report.integrity, ["ok"]);
    assert_eq!(report.foreign_key_violations, 0);
}

#[test]
fn a_broken_reference_fails_the_check() {
    let t = common::store();
    let c = create(&t, json!({"last_name": "Becker"}));
    let path = t.path().to_owned();
    drop(t.store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "foreign_keys", false).unwrap();
    conn.execute("UPDATE contacts SET owner_id = 'gone' WHERE id = ?1", [&c.id]).unwrap();
    drop(conn);
    let store = Store::open(&path).unwrap();
    let report = check(&store).unwrap();
    assert!(!report.ok);
    assert_eq!(report.foreign_key_violations, 1);
}

#[test]
fn backup_while_writing_then_restore_brings_back_that_state() {
    let t = common::store();
    for i in 0..50 {
        create(&t, json!({"last_name": format!("Before {i}")}));
    }
    let dest = t.dir.path().join("backup.db");
    std::thread::scope(|s| {
        // A writer keeps going while the backup runs; the copy is a consistent snapshot.
        let writer = s.spawn(|| {
            for i in 0..200 {
                create(&t, json!({"last_name": format!("During {i}")}));
            }
        });
        backup(&t, &dest).unwrap();
        writer.join().unwrap();
    });
    assert_eq!(total(&t), 250);
    let copy = Store::open(&dest).unwrap();
    let in_copy = total(&copy);
    assert!((50..=250).contains(&in_copy));
    assert!(check(&copy).unwrap().ok);
    drop(copy);

    let db = t.path().to_owned();
    let report = restore(&db, &dest).unwrap();
    assert!(report.ok);
    assert_eq!(total(&Store::open(&db).unwrap()), in_copy);
}

#[test]
fn restore_refuses_what_is_not_a_sound_outpost_database() {
    let t = common::store();
    create(&t, json!({"last_name": "Keep me"}));
    let db = t.path().to_owned();
    let junk = t.dir.path().join("junk.db");
    std::fs::write(&junk, b"not a database at all, just some text".repeat(100)).unwrap();
    assert_eq!(restore(&db, &junk).unwrap_err().code, ErrorCode::NotADatabase);
    let foreign = t.dir.path().join("foreign.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    assert_eq!(restore(&db, &foreign).unwrap_err().code, ErrorCode::NotADatabase);
    assert_eq!(restore(&db, &t.dir.path().join("missing.db")).unwrap_err().code, ErrorCode::NotFound);
    assert_eq!(total(&t), 1, "the database is untouched");
}
