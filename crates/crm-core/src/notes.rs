//! Notes on any record. They show on the record's timeline.

use crate::error::{Error, Result};
use crate::write::{check_live, Fields, RecordKind, Writer};
use crate::IdArgs;
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

pub static NOTE: RecordKind =
    RecordKind { name: "note", table: "notes", json_columns: &[], derived: &[], tagged: false, search: None };

const MAX_BODY: usize = 50_000;

/// The record kinds notes and attachments can be attached to.
pub(crate) fn parent_kind(record_type: &str) -> Result<&'static RecordKind> {
    crate::record_kinds()
        .into_iter()
        .find(|k| k.name == record_type && k.tagged)
        .ok_or_else(|| Error::invalid("record_type", format!("Notes and files cannot be attached to {record_type:?}")))
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct NoteInput {
    pub record_type: String,
    pub record_id: String,
    pub body: String,
    #[serde(default)]
    pub pinned: bool,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct NoteUpdate {
    pub id: String,
    #[ts(optional)]
    pub body: Option<String>,
    #[ts(optional)]
    pub pinned: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Note {
    pub id: String,
    pub created_at: String,
    pub updated_at: String,
    pub record_type: String,
    pub record_id: String,
    pub body: String,
    pub pinned: bool,
    pub author: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct NoteListQuery {
    pub record_id: String,
}

fn clean_body(body: &str) -> Result<String> {
    let body = body.trim();
    if body.is_empty() {
        return Err(Error::invalid("body", "A note needs some text"));
    }
    if body.chars().count() > MAX_BODY {
        return Err(Error::invalid("body", format!("A note is at most {MAX_BODY} characters")));
    }
    Ok(body.to_owned())
}

const SELECT: &str = "SELECT n.id, n.created_at, n.updated_at, n.record_type, n.record_id, n.body, n.pinned,
    coalesce(u.name, '') FROM notes n LEFT JOIN users u ON u.id = n.owner_id";

fn from_row(r: &Row) -> rusqlite::Result<Note> {
    Ok(Note {
        id: r.get(0)?,
        created_at: r.get(1)?,
        updated_at: r.get(2)?,
        record_type: r.get(3)?,
        record_id: r.get(4)?,
        body: r.get(5)?,
        pinned: r.get(6)?,
        author: r.get(7)?,
    })
}

fn get(conn: &Connection, id: &str) -> Result<Note> {
    conn.prepare_cached(&format!("{SELECT} WHERE n.id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("note", id))
}

pub fn create(w: &mut Writer, input: NoteInput) -> Result<Note> {
    check_live(w.conn(), parent_kind(&input.record_type)?, &input.record_id, "record_id")?;
    let id = crate::new_id();
    let mut fields = Fields::new();
    fields.insert("owner_id".into(), Value::String(w.actor_id().to_owned()));
    fields.insert("record_type".into(), Value::String(input.record_type));
    fields.insert("record_id".into(), Value::String(input.record_id));
    fields.insert("body".into(), Value::String(clean_body(&input.body)?));
    fields.insert("pinned".into(), Value::Bool(input.pinned));
    w.insert(&NOTE, &id, fields)?;
    get(w.conn(), &id)
}

pub fn update(w: &mut Writer, args: NoteUpdate) -> Result<Note> {
    let mut fields = Fields::new();
    if let Some(body) = &args.body {
        fields.insert("body".into(), Value::String(clean_body(body)?));
    }
    if let Some(pinned) = args.pinned {
        fields.insert("pinned".into(), Value::Bool(pinned));
    }
    w.update(&NOTE, &args.id, fields)?;
    get(w.conn(), &args.id)
}

pub fn delete(w: &mut Writer, args: IdArgs) -> Result<()> {
    w.delete(&NOTE, &args.id)
}

/// A record's notes, pinned first, then newest first.
pub fn list(conn: &Connection, query: NoteListQuery) -> Result<Vec<Note>> {
    let notes = conn
        .prepare_cached(&format!(
            "{SELECT} WHERE n.record_id = ?1 AND n.deleted_at IS NULL ORDER BY n.pinned DESC, n.created_at DESC, n.id DESC"
        ))?
        .query_map([&query.record_id], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(notes)
}
