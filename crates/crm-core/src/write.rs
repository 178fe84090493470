//! The one write path (DESIGN §4). Every record write goes through a [`Writer`]:
//! in the caller's transaction it writes the row, appends one change-log entry
//! (the sync outbox and the record's history at once) and keeps the search
//! index current. Capability modules validate and build the fields; this module
//! is the only one that issues INSERT/UPDATE against record tables.

use crate::clock::{Clock, Hlc};
use crate::error::{Error, ErrorCode, Result};
use rusqlite::types::{ToSqlOutput, Value as SqlValue, ValueRef};
use rusqlite::{params_from_iter, OptionalExtension, Transaction};
use serde_json::Value;

/// Field name → value, as written to the row and to the change log.
pub type Fields = serde_json::Map<String, Value>;

/// How one record type is stored.
pub struct RecordKind {
    /// The record type in the change log and the API, e.g. `contact`.
    pub name: &'static str,
    pub table: &'static str,
    /// Columns that hold JSON documents (stored as TEXT).
    pub json_columns: &'static [&'static str],
    /// Columns the core derives from others (sort keys, list copies); the timeline leaves them out.
    pub derived: &'static [&'static str],
    /// Whether the record has a `tags` list, indexed in `record_tags` for filtering.
    pub tagged: bool,
    pub search: Option<SearchSpec>,
}

/// How a record type is indexed for full-text search (rowid = the record's rowid).
pub struct SearchSpec {
    pub table: &'static str,
    pub columns: &'static [&'static str],
    /// Record columns the document is built from.
    pub source: &'static [&'static str],
    /// One text per search column, from the source fields.
    pub document: fn(&Fields) -> Vec<String>,
}

/// What kind of write a change-log entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Create,
    Update,
    Delete,
    Restore,
}

impl Op {
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Create => "create",
            Op::Update => "update",
            Op::Delete => "delete",
            Op::Restore => "restore",
        }
    }
}

pub struct Writer<'a> {
    tx: Transaction<'a>,
    clock: &'a Clock,
    device_id: &'a str,
    actor_id: &'a str,
    batch_id: Option<String>,
    last: Option<Hlc>,
    /// Change in live rows per table, written to `record_counts` at commit.
    counts: Vec<(&'static str, i64)>,
}

/// A JSON value bound as an SQL parameter without copying its text.
struct Param<'a>(&'a Value);

impl rusqlite::ToSql for Param<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self.0 {
            Value::String(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            other => ToSqlOutput::Owned(to_sql(other)),
        })
    }
}

fn to_sql(value: &Value) -> SqlValue {
    match value {
        Value::Null => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(*b as i64),
        Value::Number(n) => match n.as_i64() {
            Some(i) => SqlValue::Integer(i),
            None => SqlValue::Real(n.as_f64().unwrap_or_default()),
        },
        Value::String(s) => SqlValue::Text(s.clone()),
        Value::Array(_) | Value::Object(_) => SqlValue::Text(value.to_string()),
    }
}

fn from_sql(kind: &RecordKind, column: &str, value: SqlValue) -> Value {
    match value {
        SqlValue::Null => Value::Null,
        SqlValue::Integer(i) => Value::from(i),
        SqlValue::Real(f) => Value::from(f),
        SqlValue::Text(s) if kind.json_columns.contains(&column) => {
            serde_json::from_str(&s).unwrap_or(Value::String(s))
        }
        SqlValue::Text(s) => Value::String(s),
        SqlValue::Blob(b) => Value::from(b),
    }
}

/// Column names come from code, never from input; this guards the SQL we build.
fn check_column(name: &str) -> Result<&str> {
    if !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
        Ok(name)
    } else {
        Err(Error::internal(format!("invalid column name {name:?}")))
    }
}

impl<'a> Writer<'a> {
    pub(crate) fn new(tx: Transaction<'a>, clock: &'a Clock, device_id: &'a str, actor_id: &'a str) -> Self {
        Writer { tx, clock, device_id, actor_id, batch_id: None, last: None, counts: Vec::new() }
    }

    /// The transaction's connection, for reads that must see this transaction's writes.
    pub fn conn(&self) -> &rusqlite::Connection {
        &self.tx
    }

    /// Today's date by the store's wall clock (a test can fix it).
    pub fn today(&self) -> chrono::NaiveDate {
        crate::documents::today_ms(self.clock.wall_ms())
    }

    /// The wall time now (the store's clock, which tests can fix).
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        chrono::DateTime::from_timestamp_millis(self.clock.wall_ms()).unwrap_or_default()
    }

    pub fn actor_id(&self) -> &str {
        self.actor_id
    }

    /// Tags the following change-log entries with a batch (an import, a merge) so it can be undone.
    pub fn set_batch(&mut self, batch_id: Option<String>) {
        self.batch_id = batch_id;
    }

    fn count(&mut self, kind: &RecordKind, delta: i64) {
        match self.counts.iter_mut().find(|(table, _)| *table == kind.table) {
            Some((_, n)) => *n += delta,
            None => self.counts.push((kind.table, delta)),
        }
    }

    fn stamp(&mut self) -> Hlc {
        let hlc = self.clock.tick();
        self.last = Some(hlc);
        hlc
    }

    /// Inserts a new record with `fields` (without id and timestamps).
    pub fn insert(&mut self, kind: &RecordKind, id: &str, mut fields: Fields) -> Result<()> {
        let hlc = self.stamp();
        let at = hlc.to_rfc3339();
        fields.insert("created_at".into(), Value::String(at.clone()));
        fields.insert("updated_at".into(), Value::String(at));
        let id_value = Value::String(id.to_owned());
        let mut columns = vec!["id"];
        let mut values = vec![Param(&id_value)];
        for (name, value) in &fields {
            columns.push(check_column(name)?);
            values.push(Param(value));
        }
        let placeholders = (1..=columns.len()).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
        let sql = format!("INSERT INTO {} ({}) VALUES ({placeholders})", kind.table, columns.join(", "));
        self.tx.prepare_cached(&sql)?.execute(params_from_iter(values)).map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation => {
                Error::conflict(format!("A {} with id {id} already exists or a linked record is missing", kind.name))
            }
            other => other.into(),
        })?;
        let rowid = self.tx.last_insert_rowid();
        self.count(kind, 1);
        if kind.tagged {
            self.index_tags(kind, id, &fields, true)?;
        }
        self.log(kind, id, Op::Create, hlc, &fields, None)?;
        if let Some(search) = &kind.search {
            self.index(search, rowid, &fields, false)?;
        }
        Ok(())
    }
}

/// Refuses a link to a record that is missing or deleted, naming the linking field.
pub fn check_live(conn: &rusqlite::Connection, kind: &RecordKind, id: &str, field: &str) -> Result<()> {
    let deleted: Option<Option<String>> = conn
        .prepare_cached(&format!("SELECT deleted_at FROM {} WHERE id = ?1", kind.table))?
        .query_row([id], |r| r.get(0))
        .optional()?;
    match deleted {
        None => Err(Error::invalid(field, format!("No {} with id {id}", kind.name))),
        Some(Some(_)) => Err(Error::invalid(field, format!("That {} was deleted", kind.name))),
        Some(None) => Ok(()),
    }
}

/// Live rows of a record table, kept by the write path (instant at any size).
pub fn live_count(conn: &rusqlite::Connection, kind: &RecordKind) -> Result<u64> {
    let n: Option<i64> = conn
        .prepare_cached("SELECT live FROM record_counts WHERE record_table = ?1")?
        .query_row([kind.table], |r| r.get(0))
        .optional()?;
    Ok(n.unwrap_or(0).max(0) as u64)
}

impl Writer<'_> {
    /// Reads the given columns of a live record (not deleted), with its rowid.
    fn current(&self, kind: &RecordKind, id: &str, columns: &[&str]) -> Result<(i64, Fields)> {
        let mut sql = String::from("SELECT rowid, deleted_at");
        for c in columns {
            sql.push_str(", ");
            sql.push_str(check_column(c)?);
        }
        sql.push_str(&format!(" FROM {} WHERE id = ?1", kind.table));
        let mut stmt = self.tx.prepare_cached(&sql)?;
        let row = stmt
            .query_row([id], |r| {
                let rowid: i64 = r.get(0)?;
                let deleted: Option<String> = r.get(1)?;
                let mut fields = Fields::new();
                for (i, c) in columns.iter().enumerate() {
                    fields.insert((*c).to_owned(), from_sql(kind, c, r.get(i + 2)?));
                }
                Ok((rowid, deleted, fields))
            })
            .optional()?;
        match row {
            None => Err(Error::not_found(kind.name, id)),
            Some((_, Some(_), _)) => {
                Err(Error::new(ErrorCode::NotFound, format!("The {} {id} was deleted", kind.name)))
            }
            Some((rowid, None, fields)) => Ok((rowid, fields)),
        }
    }

    /// Writes the fields whose values differ from the stored ones. Returns whether anything changed.
    pub fn update(&mut self, kind: &RecordKind, id: &str, fields: Fields) -> Result<bool> {
        let names: Vec<&str> = fields.keys().map(String::as_str).collect();
        let (rowid, old) = self.current(kind, id, &names)?;
        let mut changed = Fields::new();
        let mut previous = Fields::new();
        for (name, value) in fields {
            let before = &old[&name];
            if to_sql(&value) != to_sql(before) {
                previous.insert(name.clone(), before.clone());
                changed.insert(name, value);
            }
        }
        if changed.is_empty() {
            return Ok(false);
        }
        let hlc = self.stamp();
        let mut sets = Vec::new();
        let mut values = Vec::new();
        for (name, value) in &changed {
            sets.push(format!("{} = ?{}", check_column(name)?, sets.len() + 1));
            values.push(to_sql(value));
        }
        values.push(SqlValue::Text(hlc.to_rfc3339()));
        values.push(SqlValue::Text(id.to_owned()));
        let n = values.len();
        let sql = format!("UPDATE {} SET {}, updated_at = ?{} WHERE id = ?{n}", kind.table, sets.join(", "), n - 1);
        self.tx.prepare_cached(&sql)?.execute(params_from_iter(values))?;
        self.log(kind, id, Op::Update, hlc, &changed, Some(&previous))?;
        if kind.tagged && changed.contains_key("tags") {
            self.index_tags(kind, id, &changed, false)?;
        }
        if let Some(search) = &kind.search {
            if search.source.iter().any(|c| changed.contains_key(*c)) {
                let (_, source) = self.current(kind, id, search.source)?;
                self.index(search, rowid, &source, true)?;
            }
        }
        Ok(true)
    }

    /// Soft-deletes a live record: a tombstone that sync carries and restore undoes.
    pub fn delete(&mut self, kind: &RecordKind, id: &str) -> Result<()> {
        let (rowid, _) = self.current(kind, id, &[])?;
        let hlc = self.stamp();
        let at = Value::String(hlc.to_rfc3339());
        let sql = format!("UPDATE {} SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2", kind.table);
        self.tx.prepare_cached(&sql)?.execute((to_sql(&at), id))?;
        self.count(kind, -1);
        let mut fields = Fields::new();
        fields.insert("deleted_at".into(), at);
        self.log(kind, id, Op::Delete, hlc, &fields, None)?;
        if let Some(search) = &kind.search {
            self.tx.prepare_cached(&format!("DELETE FROM {} WHERE rowid = ?1", search.table))?.execute([rowid])?;
        }
        Ok(())
    }

    /// Brings a soft-deleted record back.
    pub fn restore(&mut self, kind: &RecordKind, id: &str) -> Result<()> {
        let sql = format!("SELECT rowid, deleted_at FROM {} WHERE id = ?1", kind.table);
        let row: Option<(i64, Option<String>)> =
            self.tx.prepare_cached(&sql)?.query_row([id], |r| Ok((r.get(0)?, r.get(1)?))).optional()?;
        let rowid = match row {
            None => return Err(Error::not_found(kind.name, id)),
            Some((_, None)) => return Err(Error::conflict(format!("The {} {id} is not deleted", kind.name))),
            Some((rowid, Some(_))) => rowid,
        };
        let hlc = self.stamp();
        let sql = format!("UPDATE {} SET deleted_at = NULL, updated_at = ?1 WHERE id = ?2", kind.table);
        self.tx.prepare_cached(&sql)?.execute((hlc.to_rfc3339(), id))?;
        self.count(kind, 1);
        let mut fields = Fields::new();
        fields.insert("deleted_at".into(), Value::Null);
        self.log(kind, id, Op::Restore, hlc, &fields, None)?;
        if let Some(search) = &kind.search {
            let (_, source) = self.current(kind, id, search.source)?;
            self.index(search, rowid, &source, false)?;
        }
        Ok(())
    }

    fn log(
        &mut self,
        kind: &RecordKind,
        id: &str,
        op: Op,
        hlc: Hlc,
        fields: &Fields,
        previous: Option<&Fields>,
    ) -> Result<()> {
        let previous = previous.map(serde_json::to_string).transpose()?;
        self.tx
            .prepare_cached(
                "INSERT INTO change_log (hlc, device_id, record_type, record_id, op, fields, previous, actor_id, batch_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute((
                hlc.to_string(),
                self.device_id,
                kind.name,
                id,
                op.as_str(),
                serde_json::to_string(fields)?,
                previous,
                self.actor_id,
                self.batch_id.as_deref(),
            ))?;
        Ok(())
    }

    /// Replaces the record's rows in `record_tags` with its `tags` list (`fresh`: a new record has none).
    fn index_tags(&self, kind: &RecordKind, id: &str, fields: &Fields, fresh: bool) -> Result<()> {
        let Some(tags) = fields.get("tags").and_then(Value::as_array) else { return Ok(()) };
        if !fresh {
            self.tx.prepare_cached("DELETE FROM record_tags WHERE record_id = ?1")?.execute([id])?;
        }
        let mut insert = self.tx.prepare_cached(
            "INSERT OR IGNORE INTO record_tags (tag, record_id, record_type, label) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for label in tags.iter().filter_map(Value::as_str) {
            insert.execute((crate::text::fold(label), id, kind.name, label))?;
        }
        Ok(())
    }

    fn index(&self, search: &SearchSpec, rowid: i64, source: &Fields, replace: bool) -> Result<()> {
        let document = (search.document)(source);
        if replace {
            self.tx.prepare_cached(&format!("DELETE FROM {} WHERE rowid = ?1", search.table))?.execute([rowid])?;
        }
        let placeholders = (2..=search.columns.len() + 1).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
        let sql =
            format!("INSERT INTO {} (rowid, {}) VALUES (?1, {placeholders})", search.table, search.columns.join(", "));
        let mut values = vec![SqlValue::Integer(rowid)];
        values.extend(document.into_iter().map(SqlValue::Text));
        self.tx.prepare_cached(&sql)?.execute(params_from_iter(values))?;
        Ok(())
    }

    /// Commits the transaction and remembers the newest clock stamp so the clock
    /// continues after it on the next start.
    pub(crate) fn commit(self) -> Result<()> {
        for (table, delta) in &self.counts {
            self.tx.execute(
                "INSERT INTO record_counts (record_table, live) VALUES (?1, ?2)
                 ON CONFLICT (record_table) DO UPDATE SET live = live + excluded.live",
                (table, delta),
            )?;
        }
        if let Some(hlc) = self.last {
            self.tx.execute(
                "INSERT INTO meta (key, value) VALUES ('hlc', ?1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [hlc.to_string()],
            )?;
        }
        self.tx.commit()?;
        Ok(())
    }
}
