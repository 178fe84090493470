//! Global search: FTS5 prefix matching across record types, grouped by type.

use crate::contacts::display_name;
use crate::error::Result;
use crate::text::fts_prefix_query;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Marks the start and end of a match inside `SearchHit::marked`.
pub const MARK_START: char = '\u{E000}';
pub const MARK_END: char = '\u{E001}';

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct SearchArgs {
    pub q: String,
    /// Hits per record type.
    pub limit: u32,
}

impl Default for SearchArgs {
    fn default() -> Self {
        SearchArgs { q: String::new(), limit: 8 }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SearchHit {
    pub record_type: String,
    pub id: String,
    pub title: String,
    pub subtitle: String,
    /// The title with each match between U+E000 and U+E001.
    pub marked: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SearchGroup {
    pub record_type: String,
    pub hits: Vec<SearchHit>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SearchResults {
    pub query: String,
    pub groups: Vec<SearchGroup>,
}

fn contacts(conn: &Connection, fts: &str, limit: u32) -> Result<Vec<SearchHit>> {
    let marks = (MARK_START.to_string(), MARK_END.to_string());
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.first_name, c.last_name, c.title, c.email, c.city, highlight(contacts_fts, 0, ?3, ?4)
         FROM contacts_fts JOIN contacts c ON c.rowid = contacts_fts.rowid
         WHERE contacts_fts MATCH ?1 AND c.deleted_at IS NULL
         LIMIT ?2",
    )?;
    let hits = stmt
        .query_map((fts, limit, &marks.0, &marks.1), |r| {
            let subtitle: Vec<String> =
                [r.get::<_, String>(3)?, r.get(4)?, r.get(5)?].into_iter().filter(|s| !s.is_empty()).collect();
            Ok(SearchHit {
                record_type: "contact".into(),
                id: r.get(0)?,
                title: display_name(&r.get::<_, String>(1)?, &r.get::<_, String>(2)?),
                subtitle: subtitle.join(" · "),
                marked: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(hits)
}

pub fn search(conn: &Connection, args: SearchArgs) -> Result<SearchResults> {
    let mut groups = Vec::new();
    if let Some(fts) = fts_prefix_query(&args.q) {
        let limit = args.limit.clamp(1, 50);
        let hits = contacts(conn, &fts, limit)?;
        if !hits.is_empty() {
            groups.push(SearchGroup { record_type: "contact".into(), hits });
        }
    }
    Ok(SearchResults { query: args.q, groups })
}
