//! iCalendar (RFC 5545) exchange of events and tasks: `ics_export` writes any
//! selection as one `.ics` text that Google Calendar, Outlook, Thunderbird and Apple
//! Calendar read; `ics_import` reads their files back in one transaction and one
//! batch (undo with `batch_undo`), updating by UID on a second import.

mod lines;
mod people;
mod read;
mod store;
mod vtimezone;
mod write;
pub mod zones;

use crate::error::{Error, Result};
use crate::store::Store;
use chrono::{DateTime, Datelike, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Something about one line of a file.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Issue {
    pub line: u64,
    pub message: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct IcsImportArgs {
    /// The `.ics` file to read (or give its `text`).
    #[ts(optional = nullable)]
    pub path: Option<String>,
    #[ts(optional = nullable)]
    pub text: Option<String>,
    /// IANA zone of times the file leaves floating (and of tasks due in UTC), when the file names
    /// none (X-WR-TIMEZONE); UTC when null.
    #[ts(optional = nullable)]
    pub tz: Option<String>,
    /// Check and count everything, write nothing.
    pub dry_run: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct IcsImportReport {
    /// Pass to `batch_undo` to take the import back; null for a dry run or when nothing was written.
    pub batch_id: Option<String>,
    pub dry_run: bool,
    /// Events (series, single events and moved occurrences) and tasks created.
    pub created: u64,
    /// Changed, or restored after being deleted.
    pub updated: u64,
    /// Already there as the file has them.
    pub unchanged: u64,
    /// Components Outpost does not keep (journals, free/busy, an event without a start).
    pub skipped: u64,
    /// Components not imported, with the reason.
    pub errors: Vec<Issue>,
    /// Parts of components left out (RDATE, a second RRULE, a component without a start).
    pub warnings: Vec<Issue>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct IcsExportArgs {
    /// These events (a moved occurrence brings its series) and tasks; else the range or everything.
    #[ts(optional = nullable)]
    pub ids: Option<Vec<String>>,
    /// With `to`: the events with an occurrence in [from, to) and the tasks due then (instants, RFC 3339).
    #[ts(optional = nullable)]
    pub from: Option<String>,
    #[ts(optional = nullable)]
    pub to: Option<String>,
    /// Leave tasks out.
    pub no_tasks: bool,
    /// Leave events out.
    pub no_events: bool,
    /// Write the calendar to this file instead of returning its text.
    #[ts(optional = nullable)]
    pub path: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct IcsExport {
    /// The calendar; empty when it was written to `path`.
    pub text: String,
    pub path: Option<String>,
    pub events: u64,
    pub tasks: u64,
}

/// The file's text: UTF-8 as RFC 5545 asks, else what its byte-order mark or its bytes say
/// (UTF-16 and Windows code pages from older Outlook versions), as the list import finds it.
fn decode(bytes: &[u8]) -> String {
    let encoding = crate::import::source::detect_encoding(bytes);
    encoding.decode(bytes).0.into_owned()
}

fn now(store: &Store) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(store.clock().wall_ms()).unwrap_or_default()
}

pub fn import(store: &Store, args: IcsImportArgs) -> Result<IcsImportReport> {
    let text = match (args.text, &args.path) {
        (Some(text), _) => text,
        (None, Some(path)) => {
            let bytes =
                std::fs::read(path).map_err(|e| Error::io(&format!("Cannot read {path}"), &e).with_field("path"))?;
            decode(&bytes)
        }
        (None, None) => return Err(Error::invalid("path", "Give the calendar file's path or its text")),
    };
    let tz = match args.tz.as_deref().filter(|t| !t.trim().is_empty()) {
        Some(name) => crate::recurrence::zone("tz", name)?,
        None => chrono_tz::UTC,
    };
    let items = read::read(&text, tz, now(store).year())?;
    let batch_id = crate::new_id();
    let run = |w: &mut crate::write::Writer| -> Result<IcsImportReport> {
        w.set_batch(Some(batch_id.clone()));
        let mut report = IcsImportReport { dry_run: args.dry_run, ..Default::default() };
        store::apply(w, items, &mut report)?;
        w.set_batch(None);
        Ok(report)
    };
    if args.dry_run {
        return store.rehearse(run);
    }
    let mut report = store.write(run)?;
    if report.created + report.updated > 0 {
        report.batch_id = Some(batch_id);
    }
    Ok(report)
}

/// The ids of the series, single events and tasks to export.
fn select(conn: &rusqlite::Connection, args: &IcsExportArgs) -> Result<(Vec<String>, Vec<String>)> {
    let ids_of = |sql: &str, params: &[&dyn rusqlite::ToSql]| -> Result<Vec<String>> {
        Ok(conn.prepare(sql)?.query_map(params, |r| r.get(0))?.collect::<rusqlite::Result<_>>()?)
    };
    if let Some(ids) = &args.ids {
        let (mut events, mut tasks) = (Vec::new(), Vec::new());
        for id in ids {
            let event =
                ids_of("SELECT coalesce(series_id, id) FROM events WHERE id = ?1 AND deleted_at IS NULL", &[id])?;
            let task = ids_of("SELECT id FROM tasks WHERE id = ?1 AND deleted_at IS NULL", &[id])?;
            match (event.into_iter().next(), task.into_iter().next()) {
                (Some(e), _) if !events.contains(&e) => events.push(e),
                (Some(_), _) => {}
                (None, Some(t)) => tasks.push(t),
                (None, None) => return Err(Error::invalid("ids", format!("No event or task with id {id}"))),
            }
        }
        return Ok((events, tasks));
    }
    match (&args.from, &args.to) {
        (Some(from), Some(to)) => {
            let from = crate::activities::parse_instant("from", from)?;
            let to = crate::activities::parse_instant("to", to)?;
            if to <= from {
                return Err(Error::invalid("to", "The end of the range must be after its start"));
            }
            let (f, t) = (crate::activities::instant_text(from), crate::activities::instant_text(to));
            let events = ids_of(
                "SELECT id FROM events WHERE deleted_at IS NULL AND series_id IS NULL AND span_start < ?2 AND span_end > ?1
                 ORDER BY span_start, id",
                &[&f, &t],
            )?;
            let (fd, td) = (from.date_naive().to_string(), to.date_naive().to_string());
            let tasks = ids_of(
                "SELECT id FROM tasks WHERE deleted_at IS NULL AND due_date >= ?1 AND due_date <= ?2 ORDER BY due_key, id",
                &[&fd, &td],
            )?;
            Ok((events, tasks))
        }
        (None, None) => Ok((
            ids_of(
                "SELECT id FROM events WHERE deleted_at IS NULL AND series_id IS NULL ORDER BY span_start, id",
                &[],
            )?,
            ids_of("SELECT id FROM tasks WHERE deleted_at IS NULL ORDER BY due_key, id", &[])?,
        )),
        (None, Some(_)) => Err(Error::invalid("from", "Give the start of the range too")),
        (Some(_), None) => Err(Error::invalid("to", "Give the end of the range too")),
    }
}

pub fn export(store: &Store, args: IcsExportArgs) -> Result<IcsExport> {
    let (events, tasks) = store.read(|conn| {
        let (event_ids, task_ids) = select(conn, &args)?;
        let events = if args.no_events { Vec::new() } else { event_ids };
        let tasks = if args.no_tasks { Vec::new() } else { task_ids };
        let events = events.iter().map(|id| write::event_entry(conn, id)).collect::<Result<Vec<_>>>()?;
        let tasks = tasks.iter().map(|id| write::task_entry(conn, id)).collect::<Result<Vec<_>>>()?;
        Ok((events, tasks))
    })?;
    let text = write::calendar(&events, &tasks, now(store).year());
    let counts = (events.len() as u64, tasks.len() as u64);
    match args.path {
        Some(path) => {
            let target = std::path::PathBuf::from(&path);
            let partial = target.with_extension("partial");
            let io = |e: std::io::Error| Error::io(&format!("Cannot write {path}"), &e).with_field("path");
            std::fs::write(&partial, text.as_bytes()).map_err(io)?;
            std::fs::rename(&partial, &target).map_err(io)?;
            Ok(IcsExport { text: String::new(), path: Some(path), events: counts.0, tasks: counts.1 })
        }
        None => Ok(IcsExport { text, path: None, events: counts.0, tasks: counts.1 }),
    }
}
