//! Finding the record a row matches among those already there and the rows
//! written before it: an index of their keys (`e:` e-mail, `p:` phone, `n:` name,
//! `x:` external id), read from the table once, on the first lookup, and kept current
//! as rows are written; or one record by its external id, looked up in its table.

use crate::error::Result;
use crate::fields::LabeledValue;
use crate::text::phone_key;
use crate::write::Writer;
use rusqlite::{Connection, OptionalExtension};
use std::collections::HashMap;

/// The keys of a record: its e-mails, its phones and its name key.
pub(super) fn record_keys(emails: &[LabeledValue], phones: &[LabeledValue], name: &str) -> Vec<String> {
    let mut keys: Vec<String> = emails.iter().map(|e| format!("e:{}", e.value.trim().to_lowercase())).collect();
    keys.extend(phones.iter().map(|p| phone_key(&p.value)).filter(|k| !k.is_empty()).map(|k| format!("p:{k}")));
    if !name.is_empty() {
        keys.push(format!("n:{name}"));
    }
    keys
}

/// The key of an id from another system (`x:`), none for an empty one.
pub(super) fn external_key(id: &str) -> Option<String> {
    let id = id.trim();
    (!id.is_empty()).then(|| format!("x:{id}"))
}

/// The oldest live record of `table` with that id from another system (none for an empty id).
pub(super) fn by_external_id(conn: &Connection, table: &str, id: &str) -> Result<Option<String>> {
    if id.trim().is_empty() {
        return Ok(None);
    }
    // `table` is one of the kinds' own table names, never input.
    let sql = format!("SELECT id FROM {table} WHERE external_id = ?1 AND deleted_at IS NULL ORDER BY id LIMIT 1");
    Ok(conn.prepare_cached(&sql)?.query_row([id.trim()], |r| r.get(0)).optional()?)
}

/// Reads every live record of a kind as (id, its keys).
pub(super) type Load = fn(&Connection) -> Result<Vec<(String, Vec<String>)>>;

#[derive(Default)]
pub(super) struct KeyIndex {
    ids: Option<HashMap<String, String>>,
}

impl KeyIndex {
    /// The first record that has one of `keys` (the oldest, when several share it).
    pub fn find(&mut self, w: &Writer, load: Load, keys: &[String]) -> Result<Option<String>> {
        if keys.is_empty() {
            return Ok(None);
        }
        if self.ids.is_none() {
            let mut ids = HashMap::new();
            for (id, keys) in load(w.conn())? {
                for key in keys {
                    ids.entry(key).or_insert_with(|| id.clone());
                }
            }
            self.ids = Some(ids);
        }
        let ids = self.ids.as_ref().expect("loaded above");
        Ok(keys.iter().find_map(|k| ids.get(k)).cloned())
    }

    /// Remembers a record written by this import.
    pub fn add(&mut self, id: &str, keys: Vec<String>) {
        if let Some(ids) = &mut self.ids {
            for key in keys {
                ids.entry(key).or_insert_with(|| id.to_owned());
            }
        }
    }
}
