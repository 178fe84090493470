//! Users: the people who own records. A single-seat database has one, the local
//! user, created with the database; sync adds the team's users.

use crate::error::Result;
use crate::write::{Fields, RecordKind, Writer};
use serde_json::Value;

pub static USER: RecordKind =
    RecordKind { name: "user", table: "users", json_columns: &[], derived: &[], tagged: false, search: None };

/// Creates the local user, named after the account that runs Outpost.
pub(crate) fn create_local(w: &mut Writer, id: &str) -> Result<()> {
    let name = std::env::var("USER").ok().filter(|n| !n.is_empty() && n != "root").unwrap_or_else(|| "Me".into());
    let mut fields = Fields::new();
    fields.insert("name".into(), Value::String(name));
    w.insert(&USER, id, fields)
}
