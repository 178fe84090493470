#![allow(dead_code)]
//! Shared by the integration tests: a store in a fresh temporary directory.

pub mod importing;

use crm_core::contacts::{self, Contact, ContactInput};
use crm_core::Store;
use tempfile::TempDir;

pub struct TestStore {
    pub store: Store,
    pub dir: TempDir,
}

impl std::ops::Deref for TestStore {
    type Target = Store;
    fn deref(&self) -> &Store {
        &self.store
    }
}

pub fn store() -> TestStore {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path().join("test.db")).expect("open store");
    TestStore { store, dir }
}

pub fn input(json: serde_json::Value) -> ContactInput {
    serde_json::from_value(json).expect("contact input")
}

pub fn create(store: &Store, json: serde_json::Value) -> Contact {
    store.write(|w| contacts::create(w, input(json))).expect("create contact")
}

/// Change-log rows of a record: (op, fields, previous).
pub fn history(store: &Store, id: &str) -> Vec<(String, serde_json::Value, Option<serde_json::Value>)> {
    store
        .read(|c| {
            let mut stmt =
                c.prepare("SELECT op, fields, previous FROM change_log WHERE record_id = ?1 ORDER BY seq")?;
            let rows = stmt
                .query_map([id], |r| {
                    let fields: String = r.get(1)?;
                    let previous: Option<String> = r.get(2)?;
                    Ok((
                        r.get(0)?,
                        serde_json::from_str(&fields).unwrap(),
                        previous.map(|p| serde_json::from_str(&p).unwrap()),
                    ))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
        .expect("history")
}
