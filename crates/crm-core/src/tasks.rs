//! Tasks: things to do by a date, linked to a record and a person. A completed
//! task keeps when it was completed; every write shows on the linked record's timeline.

use crate::activities::{self, PersonLink, RecordLink};
use crate::error::{Error, Result};
use crate::list::{keyset_page, Condition, ConditionOp, KeysetQuery, ListFilters, Page, SortColumn};
use crate::patch::apply_patch;
use crate::write::{Fields, RecordKind, SearchSpec, Writer};
use crate::{IdArgs, Store};
use chrono::{NaiveTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

pub static TASK: RecordKind = RecordKind {
    name: "task",
    table: "tasks",
    json_columns: &[],
    derived: &["due_key", "activity_date"],
    tagged: false,
    search: Some(SearchSpec {
        table: "tasks_fts",
        columns: &["subject", "other"],
        source: &["subject", "description"],
        document: |f| {
            let text = |k: &str| f.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
            vec![text("subject"), text("description")]
        },
    }),
};

const MAX_DESCRIPTION: usize = 20_000;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Low,
    #[default]
    Normal,
    High,
}

/// A task's status; only a task can be deferred (an event is planned, held or not held).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    #[default]
    NotStarted,
    InProgress,
    /// Waiting on someone else.
    Waiting,
    Deferred,
    Completed,
}

impl TaskStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TaskStatus::NotStarted => "not_started",
            TaskStatus::InProgress => "in_progress",
            TaskStatus::Waiting => "waiting",
            TaskStatus::Deferred => "deferred",
            TaskStatus::Completed => "completed",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct TaskInput {
    pub subject: String,
    pub description: String,
    /// ISO date.
    pub due_date: Option<String>,
    /// HH:MM on the due date.
    pub due_time: Option<String>,
    pub priority: Priority,
    pub status: TaskStatus,
    pub record: Option<RecordLink>,
    pub person: Option<PersonLink>,
    /// Empty: the current user.
    pub owner_id: Option<String>,
    /// When to remind, an instant (RFC 3339).
    pub reminder_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Task {
    pub id: String,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
    pub completed_at: Option<String>,
    /// The call this task follows up.
    pub call_id: Option<String>,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: TaskInput,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct TaskUpdate {
    pub id: String,
    #[ts(type = "Partial<TaskInput>")]
    pub changes: serde_json::Map<String, Value>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct TaskListQuery {
    pub desc: bool,
    pub after: Option<String>,
    pub limit: u32,
    pub q: String,
    #[ts(optional = nullable)]
    pub status: Option<TaskStatus>,
    /// Open tasks due before today.
    pub overdue: bool,
    /// Tasks due today.
    pub due_today: bool,
    /// Only the tasks linked to this record.
    #[ts(optional = nullable)]
    pub record_id: Option<String>,
    /// The IANA zone whose "today" counts (default UTC).
    #[ts(optional = nullable)]
    pub tz: Option<String>,
    #[serde(flatten)]
    #[ts(flatten)]
    pub filters: ListFilters,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TaskRow {
    pub id: String,
    pub subject: String,
    pub due_date: Option<String>,
    pub due_time: Option<String>,
    pub priority: Priority,
    pub status: TaskStatus,
    pub owner_id: String,
    pub record: Option<RecordLink>,
    pub person: Option<PersonLink>,
}

fn validate(input: &TaskInput) -> Result<TaskInput> {
    let mut t = input.clone();
    t.subject = activities::subject("subject", &input.subject)?;
    t.description = input.description.trim_end().to_owned();
    crate::fields::check_len("description", &t.description, MAX_DESCRIPTION)?;
    t.due_date = input.due_date.as_deref().map(str::trim).filter(|d| !d.is_empty()).map(str::to_owned);
    t.due_time = input.due_time.as_deref().map(str::trim).filter(|d| !d.is_empty()).map(str::to_owned);
    if let Some(date) = &t.due_date {
        activities::parse_date("due_date", date)?;
    }
    if let Some(time) = &t.due_time {
        if t.due_date.is_none() {
            return Err(Error::invalid("due_time", "A due time needs a due date"));
        }
        let parsed = NaiveTime::parse_from_str(time, "%H:%M")
            .map_err(|_| Error::invalid("due_time", format!("{time:?} is not a time of day (HH:MM)")))?;
        t.due_time = Some(parsed.format("%H:%M").to_string());
    }
    t.reminder_at = match input.reminder_at.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) => Some(activities::instant_text(activities::parse_instant("reminder_at", r)?)),
        None => None,
    };
    Ok(t)
}

/// The stored fields of a valid task; `created` is the day an undated task counts on.
fn to_fields(w: &Writer, t: &TaskInput, completed_at: Option<&str>, created: &str) -> Result<Fields> {
    let mut f = Fields::new();
    f.insert("owner_id".into(), activities::owner(w.conn(), t.owner_id.as_deref(), w.actor_id())?);
    f.insert("subject".into(), t.subject.clone().into());
    f.insert("description".into(), t.description.clone().into());
    f.insert("due_date".into(), t.due_date.clone().into());
    f.insert("due_time".into(), t.due_time.clone().into());
    f.insert("priority".into(), serde_json::to_value(t.priority)?);
    f.insert("status".into(), t.status.as_str().into());
    f.insert("completed_at".into(), completed_at.into());
    activities::link_fields(w.conn(), t.record.as_ref(), t.person.as_ref(), &mut f)?;
    f.insert("reminder_at".into(), t.reminder_at.clone().into());
    let due_key = match (&t.due_date, &t.due_time) {
        (Some(d), Some(time)) => format!("{d}T{time}"),
        (Some(d), None) => format!("{d}T~"), // a whole-day task sorts after the timed ones of its day
        _ => "~".into(),                     // undated tasks last
    };
    f.insert("due_key".into(), due_key.into());
    let date = completed_at.map(|c| &c[..10]).or(t.due_date.as_deref()).unwrap_or(&created[..10]);
    f.insert("activity_date".into(), date.into());
    Ok(f)
}

const SELECT: &str = "SELECT id, created_at, updated_at, deleted_at, completed_at, call_id, subject, description,
    due_date, due_time, priority, status, record_type, record_id, person_type, person_id, owner_id, reminder_at FROM tasks";

fn text_enum<T: serde::de::DeserializeOwned>(r: &Row, i: usize) -> rusqlite::Result<T> {
    serde_json::from_value(Value::String(r.get(i)?))
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
}

fn from_row(r: &Row) -> rusqlite::Result<Task> {
    Ok(Task {
        id: r.get(0)?,
        created_at: r.get(1)?,
        updated_at: r.get(2)?,
        deleted_at: r.get(3)?,
        completed_at: r.get(4)?,
        call_id: r.get(5)?,
        fields: TaskInput {
            subject: r.get(6)?,
            description: r.get(7)?,
            due_date: r.get(8)?,
            due_time: r.get(9)?,
            priority: text_enum(r, 10)?,
            status: text_enum(r, 11)?,
            record: activities::record_from(r.get(12)?, r.get(13)?),
            person: activities::person_from(r.get(14)?, r.get(15)?),
            owner_id: r.get(16)?,
            reminder_at: r.get(17)?,
        },
    })
}

pub fn get(conn: &Connection, args: IdArgs) -> Result<Task> {
    conn.prepare_cached(&format!("{SELECT} WHERE id = ?1"))?
        .query_row([&args.id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("task", &args.id))
}

pub fn create(w: &mut Writer, input: TaskInput) -> Result<Task> {
    create_for_call(w, input, None)
}

/// Creates a task, remembering the call it follows up.
pub(crate) fn create_for_call(w: &mut Writer, input: TaskInput, call_id: Option<&str>) -> Result<Task> {
    let t = validate(&input)?;
    let now = activities::instant_text(w.now());
    let completed = (t.status == TaskStatus::Completed).then_some(now.as_str());
    let mut fields = to_fields(w, &t, completed, &now)?;
    if let Some(call) = call_id {
        fields.insert("call_id".into(), call.into());
    }
    let id = crate::new_id();
    w.insert(&TASK, &id, fields)?;
    get(w.conn(), IdArgs { id })
}

pub fn update(w: &mut Writer, args: TaskUpdate) -> Result<Task> {
    let current = get(w.conn(), IdArgs { id: args.id.clone() })?;
    if current.deleted_at.is_some() {
        return Err(Error::conflict("This task was deleted; restore it before editing"));
    }
    let next = validate(&apply_patch(&current.fields, args.changes)?)?;
    write_state(w, &current, &next)
}

/// Writes the task's next state; completing stamps `completed_at`, reopening clears it.
fn write_state(w: &mut Writer, current: &Task, next: &TaskInput) -> Result<Task> {
    let completed_at = match (next.status, &current.completed_at) {
        (TaskStatus::Completed, Some(at)) => Some(at.clone()),
        (TaskStatus::Completed, None) => Some(activities::instant_text(w.now())),
        _ => None,
    };
    let fields = to_fields(w, next, completed_at.as_deref(), &current.created_at)?;
    w.update(&TASK, &current.id, fields)?;
    get(w.conn(), IdArgs { id: current.id.clone() })
}

/// Writes a task read from a calendar file: a new one remembering its iCalendar `uid`, or
/// `existing` updated. A completed task keeps the completion time the file gives.
pub(crate) fn write_imported(
    w: &mut Writer,
    existing: Option<&Task>,
    input: &TaskInput,
    completed_at: Option<String>,
    uid: &str,
) -> Result<Task> {
    let t = validate(input)?;
    let completed = (t.status == TaskStatus::Completed).then(|| {
        completed_at
            .or_else(|| existing.and_then(|e| e.completed_at.clone()))
            .unwrap_or_else(|| activities::instant_text(w.now()))
    });
    match existing {
        Some(current) => {
            let fields = to_fields(w, &t, completed.as_deref(), &current.created_at)?;
            w.update(&TASK, &current.id, fields)?;
            get(w.conn(), IdArgs { id: current.id.clone() })
        }
        None => {
            let now = activities::instant_text(w.now());
            let mut fields = to_fields(w, &t, completed.as_deref(), &now)?;
            fields.insert("ical_uid".into(), uid.into());
            let id = crate::new_id();
            w.insert(&TASK, &id, fields)?;
            get(w.conn(), IdArgs { id })
        }
    }
}

/// Completes a task in one call.
pub fn complete(w: &mut Writer, args: IdArgs) -> Result<Task> {
    let current = get(w.conn(), args)?;
    if current.deleted_at.is_some() {
        return Err(Error::conflict("This task was deleted; restore it before completing it"));
    }
    let next = TaskInput { status: TaskStatus::Completed, ..current.fields.clone() };
    write_state(w, &current, &next)
}

pub fn delete(w: &mut Writer, args: IdArgs) -> Result<Task> {
    w.delete(&TASK, &args.id)?;
    get(w.conn(), args)
}

pub fn restore(w: &mut Writer, args: IdArgs) -> Result<Task> {
    w.restore(&TASK, &args.id)?;
    get(w.conn(), args)
}

/// Today's date in `tz` (an IANA name; UTC when none), by the store's clock.
fn today(store: &Store, tz: Option<&str>) -> Result<String> {
    let now = chrono::DateTime::<Utc>::from_timestamp_millis(store.clock().wall_ms()).unwrap_or_default();
    Ok(match tz.filter(|t| !t.is_empty()) {
        Some(name) => now.with_timezone(&crate::recurrence::zone("tz", name)?).date_naive(),
        None => now.date_naive(),
    }
    .to_string())
}

/// A page of tasks by due date (undated last), filtered by status, owner, overdue, due today or linked record.
pub fn list(store: &Store, query: TaskListQuery) -> Result<Page<TaskRow>> {
    let mut filters = query.filters.clone();
    let mut extra = Vec::new();
    let cond = |field: &str, op, value: String| Condition { field: field.into(), op, value };
    if let Some(status) = query.status {
        extra.push(cond("status", ConditionOp::Equals, status.as_str().into()));
    }
    if query.overdue || query.due_today {
        let today = today(store, query.tz.as_deref())?;
        if query.overdue {
            extra.push(cond("due_date", ConditionOp::Before, today.clone()));
            extra.push(cond("status", ConditionOp::NotEquals, "completed".into()));
        }
        if query.due_today {
            extra.push(cond("due_date", ConditionOp::Equals, today));
        }
    }
    filters.conditions = Some(filters.conditions.unwrap_or_default().into_iter().chain(extra).collect());
    let page = store.read(|conn| {
        keyset_page(
            conn,
            KeysetQuery {
                kind: &TASK,
                columns: "id, subject, due_date, due_time, priority, status, owner_id, record_type, record_id, person_type, person_id",
                sort: SortColumn::text("due_key"),
                desc: query.desc,
                after: query.after.as_deref(),
                limit: if query.limit == 0 { 100 } else { query.limit },
                q: &query.q,
                start_at: None,
                equals: query.record_id.as_deref().map(|r| ("record_id", r)),
                tag: None,
                filters: &filters,
                filterable: &["subject", "status", "priority", "due_date", "record_type", "person_id", "owner_id"],
            },
            |r| {
                Ok(TaskRow {
                    id: r.get(0)?,
                    subject: r.get(1)?,
                    due_date: r.get(2)?,
                    due_time: r.get(3)?,
                    priority: text_enum(r, 4)?,
                    status: text_enum(r, 5)?,
                    owner_id: r.get(6)?,
                    record: activities::record_from(r.get(7)?, r.get(8)?),
                    person: activities::person_from(r.get(9)?, r.get(10)?),
                })
            },
        )
    })?;
    Ok(page)
}
