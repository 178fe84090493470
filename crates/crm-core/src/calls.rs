//! Logged phone calls: direction, duration, outcome and notes on a record and a
//! person, with an optional follow-up task created in the same transaction.

use crate::activities::{self, PersonLink, PersonType, RecordLink};
use crate::error::{Error, Result};
use crate::tasks::{self, Priority, Task, TaskInput};
use crate::write::{Fields, RecordKind, Writer};
use crate::IdArgs;
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

pub static CALL: RecordKind = RecordKind {
    name: "call",
    table: "calls",
    json_columns: &[],
    derived: &["activity_date"],
    tagged: false,
    search: None,
};

const MAX_NOTES: usize = 20_000;
const MAX_DURATION: u32 = 24 * 3600;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CallDirection {
    Inbound,
    Outbound,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Connected,
    NoAnswer,
    Busy,
    LeftVoicemail,
    WrongNumber,
}

/// The follow-up task to create with the call.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    /// ISO date.
    pub due_date: String,
    #[serde(default)]
    #[ts(optional)]
    pub due_time: Option<String>,
    /// Empty: "Follow up: " and the call's subject or the person's name.
    #[serde(default)]
    #[ts(optional)]
    pub subject: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub priority: Option<Priority>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct CallInput {
    pub direction: CallDirection,
    pub outcome: Outcome,
    #[serde(default)]
    pub duration_seconds: u32,
    /// When the call started (RFC 3339); empty: now.
    #[serde(default)]
    #[ts(optional)]
    pub at: Option<String>,
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    #[ts(optional)]
    pub record: Option<RecordLink>,
    #[serde(default)]
    #[ts(optional)]
    pub person: Option<PersonLink>,
    #[serde(default)]
    #[ts(optional)]
    pub owner_id: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub follow_up: Option<FollowUp>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Call {
    pub id: String,
    pub created_at: String,
    pub deleted_at: Option<String>,
    pub owner_id: String,
    pub direction: CallDirection,
    pub outcome: Outcome,
    pub duration_seconds: u32,
    pub at: String,
    pub subject: String,
    pub notes: String,
    pub record: Option<RecordLink>,
    pub person: Option<PersonLink>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CallLogged {
    pub call: Call,
    pub follow_up: Option<Task>,
}

const SELECT: &str = "SELECT id, created_at, deleted_at, owner_id, direction, outcome, duration_seconds, at, subject,
    notes, record_type, record_id, person_type, person_id FROM calls";

fn from_row(r: &Row) -> rusqlite::Result<Call> {
    let text_enum = |i: usize| -> rusqlite::Result<Value> { Ok(Value::String(r.get(i)?)) };
    let bad = |i: usize, e: serde_json::Error| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    };
    Ok(Call {
        id: r.get(0)?,
        created_at: r.get(1)?,
        deleted_at: r.get(2)?,
        owner_id: r.get(3)?,
        direction: serde_json::from_value(text_enum(4)?).map_err(|e| bad(4, e))?,
        outcome: serde_json::from_value(text_enum(5)?).map_err(|e| bad(5, e))?,
        duration_seconds: r.get(6)?,
        at: r.get(7)?,
        subject: r.get(8)?,
        notes: r.get(9)?,
        record: activities::record_from(r.get(10)?, r.get(11)?),
        person: activities::person_from(r.get(12)?, r.get(13)?),
    })
}

pub fn get(conn: &Connection, args: IdArgs) -> Result<Call> {
    conn.prepare_cached(&format!("{SELECT} WHERE id = ?1"))?
        .query_row([&args.id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("call", &args.id))
}

/// The name of the person a call was with, for the follow-up's subject.
fn person_name(conn: &Connection, person: &PersonLink) -> Result<String> {
    let table = match person.person_type {
        PersonType::Contact => "contacts",
        PersonType::Lead => "leads",
    };
    let sql = format!("SELECT trim(first_name || ' ' || last_name) FROM {table} WHERE id = ?1");
    Ok(conn.prepare_cached(&sql)?.query_row([&person.id], |r| r.get(0)).optional()?.unwrap_or_default())
}

/// Logs a call; with `follow_up`, its task is created in the same transaction.
pub fn log(w: &mut Writer, input: CallInput) -> Result<CallLogged> {
    let subject = input.subject.trim().to_owned();
    crate::fields::check_len("subject", &subject, crate::fields::MAX_TEXT)?;
    let notes = input.notes.trim_end().to_owned();
    crate::fields::check_len("notes", &notes, MAX_NOTES)?;
    if input.duration_seconds > MAX_DURATION {
        return Err(Error::invalid("duration_seconds", "A call lasts at most 24 hours"));
    }
    let at = match input.at.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
        Some(text) => activities::parse_instant("at", text)?,
        None => w.now(),
    };
    if at > w.now() + chrono::Duration::minutes(5) {
        return Err(Error::invalid("at", "A call is logged after it took place"));
    }
    let mut f = Fields::new();
    f.insert("owner_id".into(), activities::owner(w.conn(), input.owner_id.as_deref(), w.actor_id())?);
    f.insert("direction".into(), serde_json::to_value(input.direction)?);
    f.insert("outcome".into(), serde_json::to_value(input.outcome)?);
    f.insert("duration_seconds".into(), input.duration_seconds.into());
    f.insert("at".into(), activities::instant_text(at).into());
    f.insert("subject".into(), subject.clone().into());
    f.insert("notes".into(), notes.into());
    activities::link_fields(w.conn(), input.record.as_ref(), input.person.as_ref(), &mut f)?;
    f.insert("activity_date".into(), at.date_naive().to_string().into());
    let id = crate::new_id();
    w.insert(&CALL, &id, f)?;
    let follow_up = match input.follow_up {
        None => None,
        Some(follow) => {
            let about = match (&subject, &input.person) {
                (s, _) if !s.is_empty() => s.clone(),
                (_, Some(p)) => person_name(w.conn(), p)?,
                _ => String::new(),
            };
            let prefilled = if about.is_empty() { "Follow up".to_owned() } else { format!("Follow up: {about}") };
            let task = TaskInput {
                subject: follow.subject.filter(|s| !s.trim().is_empty()).unwrap_or(prefilled),
                due_date: Some(follow.due_date),
                due_time: follow.due_time,
                priority: follow.priority.unwrap_or_default(),
                record: input.record.clone(),
                person: input.person.clone(),
                owner_id: input.owner_id.clone(),
                ..Default::default()
            };
            let task = tasks::create_for_call(w, task, Some(&id)).map_err(|e| match e.field.clone() {
                Some(field) => e.with_field(&format!("follow_up.{field}")),
                None => e,
            })?;
            Some(task)
        }
    };
    Ok(CallLogged { call: get(w.conn(), IdArgs { id })?, follow_up })
}
