//! What tasks, events and calls share: the record an activity is about, the
//! person it is with, its owner, and the checks on instants and dates.

use crate::error::{Error, Result};
use crate::write::{check_live, Fields};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

/// Record types an activity can be linked to. Types whose module has not landed yet are refused
/// with a clear message until they exist.
const LINKABLE: &[&str] = &["account", "contact", "lead", "opportunity", "quote", "invoice", "case", "contract"];

/// Who an activity is with: a contact or a lead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PersonType {
    Contact,
    Lead,
}

impl PersonType {
    pub fn as_str(self) -> &'static str {
        match self {
            PersonType::Contact => "contact",
            PersonType::Lead => "lead",
        }
    }
}

/// The record an activity is about: `{"type": "account", "id": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RecordLink {
    #[serde(rename = "type")]
    pub record_type: String,
    pub id: String,
}

/// The person an activity is with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PersonLink {
    #[serde(rename = "type")]
    pub person_type: PersonType,
    pub id: String,
}

fn live_kind(record_type: &str, field: &str) -> Result<&'static crate::write::RecordKind> {
    if !LINKABLE.contains(&record_type) {
        return Err(Error::invalid(field, format!("Activities cannot be linked to {record_type:?}")));
    }
    crate::record_kinds()
        .into_iter()
        .find(|k| k.name == record_type)
        .ok_or_else(|| Error::invalid(field, format!("There are no {record_type} records in this version yet")))
}

/// Checks the links and adds them to `fields` (`record_type`/`record_id`, `person_type`/`person_id`).
pub fn link_fields(
    conn: &Connection,
    record: Option<&RecordLink>,
    person: Option<&PersonLink>,
    fields: &mut Fields,
) -> Result<()> {
    let text = |v: Option<&str>| v.map_or(Value::Null, |s| Value::String(s.to_owned()));
    if let Some(link) = record {
        check_live(conn, live_kind(&link.record_type, "record.type")?, &link.id, "record.id")?;
    }
    fields.insert("record_type".into(), text(record.map(|r| r.record_type.as_str())));
    fields.insert("record_id".into(), text(record.map(|r| r.id.as_str())));
    if let Some(p) = person {
        check_live(conn, live_kind(p.person_type.as_str(), "person.type")?, &p.id, "person.id")?;
    }
    fields.insert("person_type".into(), text(person.map(|p| p.person_type.as_str())));
    fields.insert("person_id".into(), text(person.map(|p| p.id.as_str())));
    Ok(())
}

/// The owner given, checked, or the acting user.
pub fn owner(conn: &Connection, owner_id: Option<&str>, actor: &str) -> Result<Value> {
    match owner_id.map(str::trim).filter(|o| !o.is_empty()) {
        Some(id) => {
            check_live(conn, &crate::users::USER, id, "owner_id")?;
            Ok(Value::String(id.to_owned()))
        }
        None => Ok(Value::String(actor.to_owned())),
    }
}

pub fn record_from(record_type: Option<String>, id: Option<String>) -> Option<RecordLink> {
    Some(RecordLink { record_type: record_type?, id: id? })
}

pub fn person_from(person_type: Option<String>, id: Option<String>) -> Option<PersonLink> {
    let person_type = match person_type?.as_str() {
        "contact" => PersonType::Contact,
        _ => PersonType::Lead,
    };
    Some(PersonLink { person_type, id: id? })
}

pub fn parse_date(field: &str, text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| Error::invalid(field, format!("{text:?} is not a date (YYYY-MM-DD)")))
}

/// An instant with its offset, kept as UTC RFC 3339 with milliseconds.
pub fn parse_instant(field: &str, text: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| Error::invalid(field, format!("{text:?} is not an instant (RFC 3339, e.g. 2026-03-05T09:00:00Z)")))
}

pub fn instant_text(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

pub fn subject(field: &str, text: &str) -> Result<String> {
    let s = text.trim();
    if s.is_empty() {
        return Err(Error::invalid(field, "A subject is required"));
    }
    crate::fields::check_len(field, s, crate::fields::MAX_TEXT)?;
    Ok(s.to_owned())
}
