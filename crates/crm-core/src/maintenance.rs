//! Health and safety of the database file: integrity check, online backup, restore.

use crate::error::{Error, ErrorCode, Result};
use crate::migrations;
use crate::store::Store;
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use std::path::Path;
use std::time::Duration;

#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    pub ok: bool,
    pub path: String,
    pub schema_version: i64,
    pub latest_schema_version: i64,
    /// `PRAGMA integrity_check` findings; `["ok"]` when the file is sound.
    pub integrity: Vec<String>,
    /// Rows whose references point nowhere (`PRAGMA foreign_key_check`).
    pub foreign_key_violations: u64,
}

fn check_connection(conn: &Connection, path: &Path) -> Result<CheckReport> {
    let state = migrations::inspect(conn)?;
    let integrity: Vec<String> =
        conn.prepare("PRAGMA integrity_check")?.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    let foreign_key_violations = conn.prepare("PRAGMA foreign_key_check")?.query_map([], |_| Ok(()))?.count() as u64;
    let compatible = migrations::check_compatible(&state).is_ok() && state.application_id == migrations::APPLICATION_ID;
    Ok(CheckReport {
        ok: compatible && integrity == ["ok"] && foreign_key_violations == 0,
        path: path.display().to_string(),
        schema_version: state.version,
        latest_schema_version: migrations::LATEST,
        integrity,
        foreign_key_violations,
    })
}

/// Checks the open store's database.
pub fn check(store: &Store) -> Result<CheckReport> {
    store.read(|conn| check_connection(conn, store.path()))
}

/// Copies every page of `src` into `dst` in one step: one read transaction on
/// the source, so the copy is a consistent snapshot; retried while locked.
fn copy_database(src: &Connection, dst: &mut Connection) -> Result<()> {
    let backup = Backup::new(src, dst)?;
    for _ in 0..200 {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More | StepResult::Busy | StepResult::Locked => std::thread::sleep(Duration::from_millis(50)),
            _ => std::thread::sleep(Duration::from_millis(50)),
        }
    }
    Err(Error::new(ErrorCode::Database, "The database stayed locked; the copy was not made"))
}

fn open_read_only(path: &Path) -> Result<Connection> {
    if !path.is_file() {
        return Err(Error::new(ErrorCode::NotFound, format!("No file at {}", path.display())));
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|e| Error::new(ErrorCode::Io, format!("Cannot open {}: {e}", path.display())))?;
    conn.busy_timeout(Duration::from_secs(5))?;
    Ok(conn)
}

/// Copies the database to `dest` through SQLite's online backup: a consistent
/// snapshot even while the app writes. The file appears only when complete.
pub fn backup(store: &Store, dest: &Path) -> Result<()> {
    let partial = dest.with_extension("partial");
    let result = store.read(|src| {
        let mut out = Connection::open(&partial)
            .map_err(|e| Error::new(ErrorCode::Io, format!("Cannot write {}: {e}", partial.display())))?;
        copy_database(src, &mut out)?;
        out.pragma_update(None, "journal_mode", "DELETE")?;
        Ok(())
    });
    if let Err(e) = result {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    std::fs::rename(&partial, dest).map_err(|e| Error::io(&format!("Cannot write {}", dest.display()), &e))
}

/// Replaces the database at `db` with the backup `source`, after checking that the
/// backup is a sound Outpost database this version can read. The copy is one
/// transaction: readers see the old or the new database, never a mix.
pub fn restore(db: &Path, source: &Path) -> Result<CheckReport> {
    let src = open_read_only(source)?;
    let report = check_connection(&src, source).map_err(|e| match e.code {
        ErrorCode::NotADatabase => {
            Error::new(ErrorCode::NotADatabase, format!("{} is not an Outpost backup", source.display()))
        }
        _ => e,
    })?;
    if report.schema_version > migrations::LATEST {
        return Err(Error::new(
            ErrorCode::SchemaTooNew,
            format!("{} was written by a newer version of Outpost", source.display()),
        ));
    }
    if !report.ok {
        return Err(Error::new(
            ErrorCode::NotADatabase,
            format!("{} is not a sound Outpost database: {}", source.display(), report.integrity.join("; ")),
        ));
    }
    if let Some(dir) = db.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(&format!("Cannot create {}", dir.display()), &e))?;
    }
    let mut dst =
        Connection::open(db).map_err(|e| Error::new(ErrorCode::Io, format!("Cannot open {}: {e}", db.display())))?;
    dst.busy_timeout(Duration::from_secs(10))?;
    copy_database(&src, &mut dst)?;
    drop(dst);
    // Bring an older backup up to this version's schema.
    let store = Store::open(db)?;
    check(&store)
}
