//! Numbered, forward-only schema migrations on `PRAGMA user_version`.
//!
//! Each migration runs in its own transaction. A database from a newer version
//! of Outpost, or a file that is not ours, is refused before anything is written.

use crate::error::{Error, ErrorCode, Result};
use rusqlite::Connection;

/// `PRAGMA application_id` of every Outpost database ('OPST').
pub const APPLICATION_ID: i64 = 0x4F50_5354;

/// Every migration, in order; migration `i` brings the schema to version `i + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_foundation.sql"),
    include_str!("../migrations/0002_accounts.sql"),
    include_str!("../migrations/0003_customers.sql"),
    include_str!("../migrations/0004_list_sorts.sql"),
    include_str!("../migrations/0005_catalog.sql"),
    include_str!("../migrations/0006_quotes.sql"),
    include_str!("../migrations/0007_activities.sql"),
    include_str!("../migrations/0008_billing.sql"),
    include_str!("../migrations/0009_pipeline.sql"),
    include_str!("../migrations/0010_ical.sql"),
    include_str!("../migrations/0011_external_ids.sql"),
    include_str!("../migrations/0012_quote_versions.sql"),
    include_str!("../migrations/0013_calendar_cover.sql"),
];

/// The schema version this build writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

/// What a file holds, read without changing it.
pub struct SchemaState {
    pub version: i64,
    pub application_id: i64,
    pub has_tables: bool,
}

pub fn inspect(conn: &Connection) -> Result<SchemaState> {
    let version = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let application_id = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let has_tables = conn.query_row("SELECT count(*) > 0 FROM sqlite_schema", [], |r| r.get(0))?;
    Ok(SchemaState { version, application_id, has_tables })
}

/// Refuses files that are not Outpost databases or are newer than this build.
pub fn check_compatible(state: &SchemaState) -> Result<()> {
    let empty = state.version == 0 && state.application_id == 0 && !state.has_tables;
    if !empty && state.application_id != APPLICATION_ID {
        return Err(Error::new(
            ErrorCode::NotADatabase,
            "The file is an SQLite database of another program, not an Outpost database",
        ));
    }
    if state.version > LATEST {
        return Err(Error::new(
            ErrorCode::SchemaTooNew,
            format!(
                "This database was written by a newer version of Outpost (schema {}, this version reads up to {LATEST}); \
                 update Outpost to open it",
                state.version
            ),
        ));
    }
    Ok(())
}

/// The core's text keys as SQL functions, so a migration fills a new derived column of existing
/// rows with exactly what the write path derives for new ones.
fn register_functions(conn: &Connection) -> Result<()> {
    use rusqlite::functions::FunctionFlags;
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    for (name, key) in
        [("outpost_fold", crate::text::fold as fn(&str) -> String), ("outpost_site_key", crate::text::site_key)]
    {
        conn.create_scalar_function(name, 1, flags, move |ctx| {
            Ok(key(&ctx.get::<Option<String>>(0)?.unwrap_or_default()))
        })?;
    }
    conn.create_scalar_function("outpost_amount_key", 1, flags, |ctx| {
        let amount = ctx.get::<Option<String>>(0)?.and_then(|a| a.parse().ok());
        Ok(amount.and_then(crate::currency::thousandths).unwrap_or(0))
    })?;
    Ok(())
}

/// Brings the schema to `LATEST`; returns the version it started from.
pub fn migrate(conn: &mut Connection) -> Result<i64> {
    let state = inspect(conn)?;
    check_compatible(&state)?;
    if state.version < LATEST {
        register_functions(conn)?;
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(state.version as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql).map_err(|e| Error::internal(format!("Migration {} failed: {e}", index + 1)))?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(state.version)
}
