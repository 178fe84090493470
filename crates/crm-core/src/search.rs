//! Global search: FTS5 prefix matching across record types, grouped by type, whole-word hits first.

use crate::error::Result;
use crate::text::{fts_prefix_query, fts_whole_word_query};
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

/// A record type global search looks in: its FTS table (first column = the title)
/// and how its hit's subtitle is made.
struct Searchable {
    record_type: &'static str,
    table: &'static str,
    fts: &'static str,
    subtitle_sql: &'static str,
}

/// In the order the groups are shown.
const SEARCHABLE: &[Searchable] = &[
    Searchable {
        record_type: "account",
        table: "accounts",
        fts: "accounts_fts",
        subtitle_sql:
            "concat_ws(' · ', t.account_type, nullif(t.industry, ''), nullif(t.city, ''), nullif(t.website, ''))",
    },
    Searchable {
        record_type: "lead",
        table: "leads",
        fts: "leads_fts",
        subtitle_sql: "concat_ws(' · ', nullif(t.company, ''), t.status, nullif(t.email, ''))",
    },
    Searchable {
        record_type: "opportunity",
        table: "opportunities",
        fts: "opportunities_fts",
        subtitle_sql: "concat_ws(' · ', t.stage, nullif(t.amount || ' ' || t.currency, ''), t.close_date)",
    },
    Searchable {
        record_type: "quote",
        table: "quotes",
        fts: "quotes_fts",
        subtitle_sql: "concat_ws(' · ', t.subject, t.status, t.total || ' ' || t.currency)",
    },
    Searchable {
        record_type: "sales_order",
        table: "sales_orders",
        fts: "sales_orders_fts",
        subtitle_sql: "concat_ws(' · ', t.subject, t.status, t.total || ' ' || t.currency)",
    },
    Searchable {
        record_type: "invoice",
        table: "invoices",
        fts: "invoices_fts",
        subtitle_sql:
            "concat_ws(' · ', t.subject, t.status, t.total || ' ' || t.currency, nullif('due ' || t.due_date, ''))",
    },
    Searchable {
        record_type: "credit_note",
        table: "credit_notes",
        fts: "credit_notes_fts",
        subtitle_sql: "concat_ws(' · ', nullif(t.reason, ''), t.status, t.total || ' ' || t.currency)",
    },
    Searchable {
        record_type: "payment",
        table: "payments",
        fts: "payments_fts",
        subtitle_sql: "concat_ws(' · ', t.date, t.direction, t.amount || ' ' || t.currency, nullif(t.reference, ''))",
    },
    Searchable {
        record_type: "waybill",
        table: "waybills",
        fts: "waybills_fts",
        subtitle_sql: "concat_ws(' · ', t.date, nullif(t.note, ''))",
    },
    Searchable {
        record_type: "service_act",
        table: "service_acts",
        fts: "service_acts_fts",
        subtitle_sql: "concat_ws(' · ', t.date, t.total || ' ' || t.currency)",
    },
    Searchable {
        record_type: "contract",
        table: "contracts",
        fts: "contracts_fts",
        subtitle_sql: "concat_ws(' · ', t.subject, t.status, 'until ' || t.end_date)",
    },
    Searchable {
        record_type: "product",
        table: "products",
        fts: "products_fts",
        subtitle_sql: "concat_ws(' · ', t.code, nullif(t.unit, ''), nullif(t.default_price || ' ' || t.currency, ''))",
    },
    Searchable {
        record_type: "contact",
        table: "contacts",
        fts: "contacts_fts",
        subtitle_sql: "concat_ws(' · ', nullif(t.title, ''), nullif(t.email, ''), nullif(t.city, ''))",
    },
    Searchable {
        record_type: "task",
        table: "tasks",
        fts: "tasks_fts",
        subtitle_sql: "concat_ws(' · ', t.status, t.due_date)",
    },
    Searchable {
        record_type: "event",
        table: "events",
        fts: "events_fts",
        subtitle_sql: "concat_ws(' · ', t.start_local, nullif(t.location, ''))",
    },
];

fn hits(conn: &Connection, s: &Searchable, fts: &str, limit: u32) -> Result<Vec<SearchHit>> {
    let sql = format!(
        "SELECT t.id, highlight({fts_table}, 0, ?3, ?4), {subtitle} FROM {fts_table} JOIN {table} t ON t.rowid = {fts_table}.rowid
         WHERE {fts_table} MATCH ?1 AND t.deleted_at IS NULL LIMIT ?2",
        fts_table = s.fts,
        table = s.table,
        subtitle = s.subtitle_sql
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let hits = stmt
        .query_map((fts, limit, MARK_START.to_string(), MARK_END.to_string()), |r| {
            let marked: String = r.get(1)?;
            Ok(SearchHit {
                record_type: s.record_type.into(),
                id: r.get(0)?,
                title: marked.replace([MARK_START, MARK_END], ""),
                subtitle: r.get(2)?,
                marked,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(hits)
}

/// Hits whose last word matches whole come first: when they fill the limit, the prefix query (the
/// slow one for a common word such as `example` or `deutschland`) is not run at all.
fn whole_words_first(
    conn: &Connection,
    s: &Searchable,
    prefix: &str,
    whole: Option<&str>,
    limit: u32,
) -> Result<Vec<SearchHit>> {
    let mut found = match whole {
        Some(whole) => hits(conn, s, whole, limit)?,
        None => Vec::new(),
    };
    if found.len() < limit as usize {
        for hit in hits(conn, s, prefix, limit)? {
            if found.len() < limit as usize && !found.iter().any(|f| f.id == hit.id) {
                found.push(hit);
            }
        }
    }
    Ok(found)
}

pub fn search(conn: &Connection, args: SearchArgs) -> Result<SearchResults> {
    let mut groups = Vec::new();
    if let Some(fts) = fts_prefix_query(&args.q) {
        let whole = fts_whole_word_query(&args.q);
        let limit = args.limit.clamp(1, 50);
        for searchable in SEARCHABLE {
            let hits = whole_words_first(conn, searchable, &fts, whole.as_deref(), limit)?;
            if !hits.is_empty() {
                groups.push(SearchGroup { record_type: searchable.record_type.into(), hits });
            }
        }
    }
    Ok(SearchResults { query: args.q, groups })
}
