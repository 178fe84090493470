//! The SQLite store: one writer connection, a small pool of readers (WAL lets
//! readers run beside the writer), schema migration on open, and the write
//! transaction that every mutation goes through.

use crate::clock::{Clock, Hlc};
use crate::error::{Error, ErrorCode, Result};
use crate::migrations;
use crate::write::Writer;
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

/// Where the database lives unless `--db` or `CRM_DB` says otherwise.
pub fn default_db_path() -> Result<PathBuf> {
    if let Some(path) = std::env::var_os("CRM_DB").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    let base =
        dirs::data_dir().ok_or_else(|| Error::new(ErrorCode::Io, "No data directory for this user (is HOME set?)"))?;
    Ok(base.join(crate::APP_IDENTIFIER).join("outpost.db"))
}

pub struct Store {
    path: PathBuf,
    writer: Mutex<Connection>,
    readers: Mutex<Vec<Connection>>,
    clock: Clock,
    device_id: String,
    user_id: String,
}

const READER_POOL: usize = 4;
/// Each connection's page cache, in KiB.
const CACHE_KIB: i64 = 256 * 1024;
/// The writer's page cache while a bulk write (an import) runs: a large import touches most
/// pages of every index of a large table, and pages spilled to the WAL before the commit are
/// written twice and looked up in the WAL again.
const BULK_CACHE_KIB: i64 = 1024 * 1024;

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.set_prepared_statement_cache_capacity(64);
    conn.execute_batch(
        "PRAGMA foreign_keys = ON;
         PRAGMA synchronous = NORMAL;
         PRAGMA temp_store = MEMORY;",
    )?;
    conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
    Ok(())
}

/// Opens without creating, failing with a clear error for anything that is not SQLite.
fn open_connection(path: &Path, flags: OpenFlags) -> Result<Connection> {
    let conn = Connection::open_with_flags(path, flags)
        .map_err(|e| Error::new(ErrorCode::Io, format!("Cannot open database {}: {e}", path.display())))?;
    // Reading the schema is what detects a file that is not a database.
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))?;
    configure(&conn)?;
    Ok(conn)
}

impl Store {
    /// Opens (creating if needed) and migrates the database at `path`.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        Self::open_with_wall(path, Box::new(crate::time::now_ms))
    }

    /// Opens the store on any wall-time source (tests fix "now" to check dates and number periods).
    pub fn open_with_wall(path: impl AsRef<Path>, wall: crate::clock::WallClock) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(&format!("Cannot create {}", dir.display()), &e))?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = open_connection(&path, flags)?;
        // Refuse foreign or newer files before switching the journal mode (a write).
        migrations::check_compatible(&migrations::inspect(&conn)?)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        migrations::migrate(&mut conn)?;
        let (device_id, user_id, clock) = bootstrap(&mut conn, wall)?;
        Ok(Store { path, writer: Mutex::new(conn), readers: Mutex::new(Vec::new()), clock, device_id, user_id })
    }

    /// Opens an existing database only: never creates a file.
    pub fn open_existing(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        if !path.is_file() {
            return Err(Error::new(ErrorCode::NotFound, format!("No database at {}", path.display())));
        }
        Self::open(path)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn device_id(&self) -> &str {
        &self.device_id
    }

    pub fn user_id(&self) -> &str {
        &self.user_id
    }

    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    /// Runs `f` on a reader connection; readers see the last committed state.
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let pooled = self.readers.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let conn = match pooled {
            Some(conn) => conn,
            None => {
                let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
                open_connection(&self.path, flags)?
            }
        };
        let result = f(&conn);
        let mut pool = self.readers.lock().unwrap_or_else(|p| p.into_inner());
        if pool.len() < READER_POOL {
            pool.push(conn);
        }
        result
    }

    /// Runs `f` in one write transaction: everything it writes commits together or not at all.
    pub fn write<T>(&self, f: impl FnOnce(&mut Writer) -> Result<T>) -> Result<T> {
        let mut conn = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        self.transaction(&mut conn, true, f)
    }

    /// Runs `f` in a write transaction that is always rolled back: a rehearsal
    /// that sees exactly what the real run would do.
    pub fn rehearse<T>(&self, f: impl FnOnce(&mut Writer) -> Result<T>) -> Result<T> {
        let mut conn = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        self.transaction(&mut conn, false, f)
    }

    /// [`Store::write`] for a write of many rows (an import): the page cache may grow while it runs.
    pub fn write_bulk<T>(&self, f: impl FnOnce(&mut Writer) -> Result<T>) -> Result<T> {
        self.bulk(true, f)
    }

    /// [`Store::rehearse`] of a write of many rows (an import's dry run), as fast as the write.
    pub fn rehearse_bulk<T>(&self, f: impl FnOnce(&mut Writer) -> Result<T>) -> Result<T> {
        self.bulk(false, f)
    }

    fn bulk<T>(&self, commit: bool, f: impl FnOnce(&mut Writer) -> Result<T>) -> Result<T> {
        let mut conn = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        conn.pragma_update(None, "cache_size", -BULK_CACHE_KIB)?;
        let result = self.transaction(&mut conn, commit, f);
        conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
        result
    }

    fn transaction<T>(
        &self,
        conn: &mut Connection,
        commit: bool,
        f: impl FnOnce(&mut Writer) -> Result<T>,
    ) -> Result<T> {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut writer = Writer::new(tx, &self.clock, &self.device_id, &self.user_id);
        let value = f(&mut writer)?;
        if commit {
            writer.commit()?;
        } // else dropping the writer rolls the transaction back
        Ok(value)
    }

    /// The writer connection, for maintenance that is not a record write (backup, checkpoint).
    pub fn with_writer_connection<T>(&self, f: impl FnOnce(&mut Connection) -> Result<T>) -> Result<T> {
        let mut conn = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut conn)
    }
}

/// Gives a new database its device id and local user (created through the
/// write path like any record); reads them back on later opens.
fn bootstrap(conn: &mut Connection, wall: crate::clock::WallClock) -> Result<(String, String, Clock)> {
    let get = |conn: &Connection, key: &str| -> Result<Option<String>> {
        Ok(conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0)).optional()?)
    };
    let device_id = match get(conn, "device_id")? {
        Some(id) => id,
        None => {
            let id = crate::new_id();
            conn.execute("INSERT INTO meta (key, value) VALUES ('device_id', ?1)", [&id])?;
            id
        }
    };
    let last = match get(conn, "hlc")? {
        Some(text) => text.parse().map_err(Error::internal)?,
        None => Hlc::default(),
    };
    let clock = Clock::with_wall(last, wall);
    let user_id = match get(conn, "local_user_id")? {
        Some(id) => id,
        None => {
            let id = crate::new_id();
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let mut writer = Writer::new(tx, &clock, &device_id, &id);
            crate::users::create_local(&mut writer, &id)?;
            writer.conn().execute("INSERT INTO meta (key, value) VALUES ('local_user_id', ?1)", [&id])?;
            writer.commit()?;
            id
        }
    };
    Ok((device_id, user_id, clock))
}
