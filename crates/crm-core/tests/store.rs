//! Opening, migrating and refusing database files.

mod common;

use crm_core::migrations::{APPLICATION_ID, LATEST};
use crm_core::{ErrorCode, Store};
use std::path::Path;

fn pragma(path: &Path, name: &str) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0)).unwrap()
}

#[test]
fn a_new_database_gets_the_latest_schema_and_our_mark() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/dir/outpost.db");
    let store = Store::open(&path).unwrap();
    drop(store);
    assert_eq!(pragma(&path, "user_version"), LATEST);
    assert_eq!(pragma(&path, "application_id"), APPLICATION_ID);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn reopening_keeps_the_device_and_the_local_user() {
    let t = common::store();
    let (device, user) = (t.device_id().to_owned(), t.user_id().to_owned());
    let path = t.path().to_owned();
    drop(t.store);
    let again = Store::open(&path).unwrap();
    assert_eq!(again.device_id(), device);
    assert_eq!(again.user_id(), user);
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
    let t = common::store();
    let path = t.path().to_owned();
    drop(t.store);
    rusqlite::Connection::open(&path).unwrap().pragma_update(None, "user_version", LATEST + 1).unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).err().expect("refused");
    assert_eq!(err.code, ErrorCode::SchemaTooNew);
    assert!(err.message.contains("newer version"), "{}", err.message);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    let junk = b"These are my notes, not a database.\n".repeat(200);
    std::fs::write(&path, &junk).unwrap();
    let err = Store::open(&path).err().expect("refused");
    assert_eq!(err.code, ErrorCode::NotADatabase, "{err:?}");
    assert_eq!(std::fs::read(&path).unwrap(), junk);
}

#[test]
fn another_programs_sqlite_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');")
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).err().expect("refused");
    assert_eq!(err.code, ErrorCode::NotADatabase);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn open_existing_does_not_create_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing.db");
    assert_eq!(Store::open_existing(&path).err().unwrap().code, ErrorCode::NotFound);
    assert!(!path.exists());
}

/// Every saved schema version (tests/fixtures/schema-vN.db, with data) migrates to
/// the latest and keeps its records. Save a fixture of each version the schema leaves behind.
#[test]
fn every_earlier_schema_version_migrates_with_its_data() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut seen = Vec::new();
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let Some(version) = name.strip_prefix("schema-v").and_then(|v| v.strip_suffix(".db")) else {
            continue;
        };
        let version: i64 = version.parse().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("copy.db");
        std::fs::copy(&path, &copy).unwrap();
        assert_eq!(pragma(&copy, "user_version"), version);
        let store = Store::open(&copy).unwrap();
        let report = crm_core::maintenance::check(&store).unwrap();
        assert!(report.ok, "{name}: {report:?}");
        assert_eq!(report.schema_version, LATEST);
        let list = store.read(|c| crm_core::contacts::list(c, Default::default())).unwrap();
        assert!(list.total.unwrap() >= 3, "{name} lost its contacts");
        let found = store
            .read(|c| crm_core::search::search(c, crm_core::search::SearchArgs { q: "gro".into(), limit: 5 }))
            .unwrap();
        assert_eq!(found.groups[0].hits[0].title, "Jürgen Groß", "{name}: search index");
        let by_phone = store
            .read(|c| crm_core::search::search(c, crm_core::search::SearchArgs { q: "+49 30".into(), limit: 5 }))
            .unwrap();
        assert_eq!(by_phone.groups[0].hits[0].title, "Jürgen Groß", "{name}: the rebuilt search index");
        let phone_key: String = store
            .read(|c| Ok(c.query_row("SELECT phone_key FROM contacts WHERE last_name = 'Groß'", [], |r| r.get(0))?))
            .unwrap();
        assert_eq!(phone_key, "301234567", "{name}: derived columns of later schemas are filled in");
        if version >= 3 {
            // Sort keys added later are derived for the records already there, as the write path would.
            let keys: (String, String, String, String) = store
                .read(|c| {
                    Ok(c.query_row(
                        "SELECT a.sort_city, a.sort_industry, a.sort_website, l.sort_company FROM accounts a, leads l
                         WHERE a.name = 'Ärzte Verbund AG'",
                        [],
                        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                    )?)
                })
                .unwrap();
            assert_eq!(
                keys,
                ("munchen".into(), "health".into(), "aerzte.example.de".into(), "oko bau".into()),
                "{name}"
            );
            let by_city = store
                .read(|c| {
                    crm_core::accounts::list(
                        c,
                        serde_json::from_value(serde_json::json!({"sort": "city", "starts_with": "MÜN"})).unwrap(),
                    )
                })
                .unwrap();
            assert_eq!(by_city.rows[0].name, "Ärzte Verbund AG", "{name}");
        }
        seen.push(version);
    }
    assert!(seen.contains(&(LATEST - 1)), "no fixture of schema {} in {}", LATEST - 1, fixtures.display());
}
