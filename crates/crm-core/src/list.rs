//! Keyset pagination: a page of rows and the cursor that continues after it.

use crate::error::{Error, Result};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Page<T> {
    pub rows: Vec<T>,
    /// Pass as `after` to get the next page; null on the last page.
    pub next: Option<String>,
    /// Rows matching the filter; given with the first page only (null on later pages).
    pub total: Option<u64>,
}

impl<T> Page<T> {
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page { rows: self.rows.into_iter().map(f).collect(), next: self.next, total: self.total }
    }
}

/// A row's value in the sort column: text (a folded or normalised copy) or an integer (a score).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum Key {
    Text(String),
    Integer(i64),
}

impl rusqlite::types::FromSql for Key {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        match value {
            rusqlite::types::ValueRef::Integer(i) => Ok(Key::Integer(i)),
            other => String::column_result(other).map(Key::Text),
        }
    }
}

/// The position after the last row of a page: its sort key and id.
/// Encoded as `[key, id]`; cursors of text sorts from before integer keys existed still decode.
#[derive(Debug, Clone, PartialEq)]
pub struct Cursor {
    pub key: Key,
    pub id: String,
}

impl Cursor {
    pub fn encode(&self) -> String {
        serde_json::json!([self.key, self.id]).to_string()
    }

    pub fn decode(text: &str) -> Result<Cursor> {
        let (key, id): (Key, String) = serde_json::from_str(text).map_err(|_| bad_cursor())?;
        Ok(Cursor { key, id })
    }
}

fn bad_cursor() -> Error {
    Error::invalid("after", "The list cursor is not one this list gave out")
}

/// The column a list is sorted by and the kind of value it holds (a cursor must carry the same kind:
/// SQLite orders every integer before every text, so a mismatched cursor would page wrongly).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SortColumn {
    pub column: &'static str,
    pub integer: bool,
}

impl SortColumn {
    pub const fn text(column: &'static str) -> SortColumn {
        SortColumn { column, integer: false }
    }

    pub const fn integer(column: &'static str) -> SortColumn {
        SortColumn { column, integer: true }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_round_trips_and_rejects_garbage() {
        let c = Cursor { key: Key::Text("groß\u{1}jürgen".into()), id: "0193".into() };
        assert_eq!(Cursor::decode(&c.encode()).unwrap(), c);
        let score = Cursor { key: Key::Integer(42), id: "0194".into() };
        assert_eq!(score.encode(), r#"[42,"0194"]"#);
        assert_eq!(Cursor::decode(&score.encode()).unwrap(), score);
        assert_eq!(Cursor::decode(r#"["muller","0195"]"#).unwrap().key, Key::Text("muller".into()));
        assert_eq!(Cursor::decode("[1,2]").unwrap_err().field.as_deref(), Some("after"));
        assert!(Cursor::decode("[1.5,\"x\"]").is_err());
        assert!(Cursor::decode("nope").is_err());
    }
}

/// How a condition compares a field with its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ConditionOp {
    Equals,
    NotEquals,
    /// Case-insensitive for Latin letters.
    Contains,
    StartsWith,
    IsEmpty,
    IsNotEmpty,
    /// Sorts before the value (ISO dates: earlier than). Used by the core's own filters (overdue
    /// tasks), not offered to the UI's condition editor.
    #[serde(skip)]
    #[ts(skip)]
    Before,
}

/// A field condition of a list filter, e.g. `{"field": "city", "op": "equals", "value": "Berlin"}`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub field: String,
    pub op: ConditionOp,
    #[serde(default)]
    pub value: String,
}

/// Filters every list has besides its own: the owner and field conditions (all must hold).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct ListFilters {
    #[ts(optional = nullable)]
    pub owner_id: Option<String>,
    #[ts(optional)]
    pub conditions: Option<Vec<Condition>>,
}

/// One keyset page of live rows of `kind`, for any record type's list.
pub struct KeysetQuery<'a> {
    pub kind: &'a crate::write::RecordKind,
    /// Columns the row mapper reads, in order (the sort key is appended after them).
    pub columns: &'a str,
    /// A column indexed as `(column, id) WHERE deleted_at IS NULL`; ties are broken by id.
    pub sort: SortColumn,
    pub desc: bool,
    pub after: Option<&'a str>,
    pub limit: u32,
    /// Quick filter typed by the user (FTS prefix match); empty for none.
    pub q: &'a str,
    /// Jump to the rows whose sort key starts with this (already normalised) text: the first of
    /// them ascending, the last of them descending. Text sorts only.
    pub start_at: Option<String>,
    /// Only rows whose column equals the value (an indexed link column).
    pub equals: Option<(&'a str, &'a str)>,
    /// The list's filters: owner and field conditions.
    pub filters: &'a ListFilters,
    /// Columns conditions may name.
    pub filterable: &'a [&'a str],
    /// Only rows with this tag.
    pub tag: Option<&'a str>,
}

pub const MAX_PAGE: u32 = 500;

pub fn keyset_page<T>(
    conn: &rusqlite::Connection,
    query: KeysetQuery,
    map: impl Fn(&rusqlite::Row) -> rusqlite::Result<T>,
) -> Result<Page<T>> {
    keyset_page_where(conn, query, &[], true, map)
}

/// A list's own conditions besides the common ones: SQL with `?` placeholders and their values.
pub type Clause = (String, Vec<rusqlite::types::Value>);

/// [`keyset_page`] with the list's own conditions added to the filter; `count` false leaves the
/// total to the caller (a list that counts its rows with other sums).
pub fn keyset_page_where<T>(
    conn: &rusqlite::Connection,
    query: KeysetQuery,
    extra: &[Clause],
    count: bool,
    map: impl Fn(&rusqlite::Row) -> rusqlite::Result<T>,
) -> Result<Page<T>> {
    let (table, column) = (query.kind.table, query.sort.column);
    let limit = query.limit.clamp(1, MAX_PAGE);
    let (cmp, dir) = if query.desc { ("<", "DESC") } else { (">", "ASC") };
    let (filter, mut params) = filter_sql(&query, extra)?;
    let total = match (query.after, filter == "deleted_at IS NULL") {
        (Some(_), _) => None,
        (None, _) if !count => None,
        (None, true) => Some(crate::write::live_count(conn, query.kind)?),
        (None, false) => {
            let sql = format!("SELECT count(*) FROM {table} WHERE {filter}");
            Some(conn.prepare_cached(&sql)?.query_row(rusqlite::params_from_iter(&params), |r| r.get::<_, i64>(0))?
                as u64)
        }
    };
    let mut seek = String::new();
    if let Some(after) = query.after {
        let cursor = Cursor::decode(after)?;
        if matches!(cursor.key, Key::Integer(_)) != query.sort.integer {
            return Err(bad_cursor());
        }
        params.push(match cursor.key {
            Key::Text(text) => text.into(),
            Key::Integer(i) => i.into(),
        });
        params.push(cursor.id.into());
        seek = format!(" AND ({column}, id) {cmp} (?{}, ?{})", params.len() - 1, params.len());
    } else if let Some(start) = query.start_at.filter(|s| !s.is_empty() && !query.sort.integer) {
        // Descending, the rows that start with `start` come before `start` followed by the last character.
        let (op, bound) = if query.desc { ("<=", format!("{start}\u{10FFFF}")) } else { (">=", start) };
        params.push(bound.into());
        seek = format!(" AND {column} {op} ?{}", params.len());
    }
    params.push((limit as i64 + 1).into());
    let sql = format!(
        "SELECT {}, {column}, id FROM {table} WHERE {filter}{seek} ORDER BY {column} {dir}, id {dir} LIMIT ?{}",
        query.columns,
        params.len()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let key_at = stmt.column_count() - 2;
    let mut rows = Vec::with_capacity(limit as usize + 1);
    let mut last = None;
    let mut result = stmt.query(rusqlite::params_from_iter(&params))?;
    while let Some(r) = result.next()? {
        if rows.len() == limit as usize {
            let next = last.map(|(key, id)| Cursor { key, id }.encode());
            return Ok(Page { rows, next, total });
        }
        rows.push(map(r)?);
        last = Some((r.get::<_, Key>(key_at)?, r.get::<_, String>(key_at + 1)?));
    }
    Ok(Page { rows, next: None, total })
}

/// The WHERE clause of a list (live rows, quick filter, link, owner, conditions, tag and the list's
/// own clauses) with its parameters, numbered `?1…`.
pub fn filter_sql(query: &KeysetQuery, extra: &[Clause]) -> Result<(String, Vec<rusqlite::types::Value>)> {
    use rusqlite::types::Value as SqlValue;
    let mut filter = String::from("deleted_at IS NULL");
    let mut params: Vec<SqlValue> = Vec::new();
    if let (Some(fts), Some(search)) = (crate::text::fts_prefix_query(query.q), &query.kind.search) {
        params.push(fts.into());
        filter.push_str(&format!(
            " AND rowid IN (SELECT rowid FROM {0} WHERE {0} MATCH ?{1})",
            search.table,
            params.len()
        ));
    }
    if let Some((column, value)) = query.equals {
        params.push(value.to_owned().into());
        filter.push_str(&format!(" AND {column} = ?{}", params.len()));
    }
    if let Some(owner) = &query.filters.owner_id {
        params.push(owner.clone().into());
        filter.push_str(&format!(" AND owner_id = ?{}", params.len()));
    }
    for (i, c) in query.filters.conditions.iter().flatten().enumerate() {
        let Some(column) = query.filterable.iter().find(|f| **f == c.field) else {
            return Err(Error::invalid(
                &format!("conditions[{i}].field"),
                format!("The list cannot be filtered by {:?}", c.field),
            ));
        };
        let like = |pattern: String| pattern.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        let (sql, value) = match c.op {
            ConditionOp::Equals => (format!("{column} = ?"), Some(c.value.trim().to_owned())),
            ConditionOp::NotEquals => (format!("{column} != ?"), Some(c.value.trim().to_owned())),
            ConditionOp::Contains => {
                (format!("{column} LIKE ? ESCAPE '\\'"), Some(format!("%{}%", like(c.value.trim().to_owned()))))
            }
            ConditionOp::StartsWith => {
                (format!("{column} LIKE ? ESCAPE '\\'"), Some(format!("{}%", like(c.value.trim().to_owned()))))
            }
            ConditionOp::Before => (format!("{column} < ?"), Some(c.value.trim().to_owned())),
            ConditionOp::IsEmpty => (format!("coalesce({column}, '') IN ('', '[]')"), None),
            ConditionOp::IsNotEmpty => (format!("coalesce({column}, '') NOT IN ('', '[]')"), None),
        };
        match value {
            Some(v) => {
                params.push(v.into());
                filter.push_str(&format!(" AND {}", sql.replace('?', &format!("?{}", params.len()))));
            }
            None => filter.push_str(&format!(" AND {sql}")),
        }
    }
    if let Some(tag) = query.tag.filter(|t| !t.trim().is_empty()) {
        params.push(crate::text::fold(tag).into());
        filter.push_str(&format!(" AND id IN (SELECT record_id FROM record_tags WHERE tag = ?{})", params.len()));
    }
    append_clauses(&mut filter, &mut params, extra)?;
    Ok((filter, params))
}

/// Appends ` AND (clause)` for each clause, numbering its `?` placeholders after `params`.
pub fn append_clauses(filter: &mut String, params: &mut Vec<rusqlite::types::Value>, extra: &[Clause]) -> Result<()> {
    for (sql, values) in extra {
        let mut numbered = String::with_capacity(sql.len() + 8);
        let mut values = values.iter();
        for ch in sql.chars() {
            if ch == '?' {
                let value = values.next().ok_or_else(|| Error::internal("a list clause lacks a value"))?;
                params.push(value.clone());
                numbered.push_str(&format!("?{}", params.len()));
            } else {
                numbered.push(ch);
            }
        }
        filter.push_str(&format!(" AND ({numbered})"));
    }
    Ok(())
}
