//! A record's timeline: its history from the change log, newest first, with the
//! history of the records merged into it and of its notes and files.

use crate::error::Result;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct TimelineQuery {
    pub id: String,
    /// Entries older than this `seq` (the last entry of the previous page); null for the newest.
    #[serde(default)]
    pub before: Option<i64>,
    #[serde(default)]
    #[ts(optional)]
    pub limit: Option<u32>,
}

/// One field's change.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FieldChange {
    pub field: String,
    #[ts(type = "unknown")]
    pub old: Value,
    #[ts(type = "unknown")]
    pub new: Value,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TimelineEntry {
    pub seq: i64,
    pub record_type: String,
    /// The record the entry is about: this record, or its note, file, task, event or call.
    #[ts(optional)]
    pub record_id: Option<String>,
    /// When, UTC RFC 3339.
    pub at: String,
    /// `create`, `update`, `delete` or `restore`.
    pub op: String,
    /// Who made the change (the user's name), when known.
    pub actor: String,
    pub changes: Vec<FieldChange>,
}

/// Fields every record has, never shown as changes.
const BOOKKEEPING: &[&str] = &["created_at", "updated_at", "owner_id"];

fn derived_columns(record_type: &str) -> &'static [&'static str] {
    crate::record_kinds().iter().find(|k| k.name == record_type).map_or(&[], |k| k.derived)
}

pub fn get(conn: &Connection, query: TimelineQuery) -> Result<Vec<TimelineEntry>> {
    let limit = query.limit.unwrap_or(50).clamp(1, 500);
    let mut stmt = conn.prepare_cached(
        "SELECT l.seq, l.record_type, l.record_id, l.hlc, l.op, l.fields, l.previous, coalesce(u.name, '')
         FROM change_log l LEFT JOIN users u ON u.id = l.actor_id
         WHERE l.record_id IN (
             SELECT ?1 UNION ALL
             SELECT id FROM contacts WHERE merged_into = ?1 UNION ALL
             SELECT id FROM accounts WHERE merged_into = ?1 UNION ALL
             SELECT id FROM notes WHERE record_id = ?1 UNION ALL
             SELECT id FROM attachments WHERE record_id = ?1 UNION ALL
             SELECT id FROM tasks WHERE record_id = ?1 OR person_id = ?1 UNION ALL
             SELECT id FROM events WHERE record_id = ?1 UNION ALL
             SELECT event_id FROM event_attendees WHERE attendee_id = ?1 UNION ALL
             SELECT id FROM calls WHERE record_id = ?1 OR person_id = ?1
         ) AND l.seq < ?2 ORDER BY l.seq DESC LIMIT ?3",
    )?;
    let rows = stmt.query_map((&query.id, query.before.unwrap_or(i64::MAX), limit), |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, Option<String>>(6)?,
            r.get::<_, String>(7)?,
        ))
    })?;
    let mut entries = Vec::new();
    for row in rows {
        let (seq, record_type, record_id, hlc, op, fields, previous, actor) = row?;
        let fields: serde_json::Map<String, Value> = serde_json::from_str(&fields)?;
        let previous: serde_json::Map<String, Value> =
            previous.as_deref().map(serde_json::from_str).transpose()?.unwrap_or_default();
        let hidden = derived_columns(&record_type);
        let changes = fields
            .into_iter()
            .filter(|(field, _)| !BOOKKEEPING.contains(&field.as_str()) && !hidden.contains(&field.as_str()))
            .map(|(field, new)| FieldChange { old: previous.get(&field).cloned().unwrap_or(Value::Null), field, new })
            .collect();
        let at = hlc.parse::<crate::clock::Hlc>().map(|h| h.to_rfc3339()).unwrap_or(hlc);
        entries.push(TimelineEntry { seq, record_type, record_id: Some(record_id), at, op, actor, changes });
    }
    Ok(entries)
}
