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

/// A person records can belong to, as owner pickers and filters show them.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
pub struct UserRow {
    pub id: String,
    pub name: String,
    pub email: String,
}

/// The live users, by name.
pub fn list(conn: &rusqlite::Connection, _: crate::NoArgs) -> Result<Vec<UserRow>> {
    let users = conn
        .prepare_cached("SELECT id, name, email FROM users WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id")?
        .query_map([], |r| Ok(UserRow { id: r.get(0)?, name: r.get(1)?, email: r.get(2)? }))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(users)
}

#[cfg(test)]
mod tests {
    use crate::store::Store;

    #[test]
    fn a_new_database_lists_its_local_user() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("crm.db")).unwrap();
        let users = store.read(|c| super::list(c, crate::NoArgs {})).unwrap();
        assert_eq!(users.len(), 1);
        assert!(!users[0].name.is_empty());
        let info = crate::app_info(&store, crate::NoArgs {}).unwrap();
        assert_eq!(info.user_id, users[0].id, "the app writes as the local user");
    }
}
