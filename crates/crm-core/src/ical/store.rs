//! Writing what a calendar file holds into the store: each UID becomes one event
//! (a series with its moved occurrences) or task, created or, when the UID (or an
//! exported record's id) is already there, updated in place; a deleted one is restored,
//! since importing the file says the user wants it in the calendar.

use super::people;
use super::read::{EventItem, Read, TaskItem, When};
use super::{IcsImportReport, Issue};
use crate::error::{Error, Result};
use crate::events::{self, local_text, Attendee, EditScope, Event, EventDelete, EventInput};
use crate::tasks::{self, TaskInput};
use crate::write::Writer;
use crate::IdArgs;
use rusqlite::{Connection, OptionalExtension};
use std::collections::{HashMap, HashSet};

/// The stored row a UID names: (id, deleted).
fn find(conn: &Connection, table_sql: &str, uid: &str) -> Result<Option<(String, bool)>> {
    Ok(conn
        .prepare_cached(table_sql)?
        .query_row([uid], |r| Ok((r.get(0)?, r.get::<_, Option<String>>(1)?.is_some())))
        .optional()?)
}

const FIND_SERIES: &str = "SELECT id, deleted_at FROM events WHERE series_id IS NULL AND (ical_uid = ?1 OR id = ?1)
    ORDER BY deleted_at IS NOT NULL LIMIT 1";
const FIND_TASK: &str =
    "SELECT id, deleted_at FROM tasks WHERE ical_uid = ?1 OR id = ?1 ORDER BY deleted_at IS NOT NULL LIMIT 1";

/// The line a validation error points at: the property of its field, else the component.
fn issue(lines: &[(&str, u64)], line: u64, e: Error) -> Issue {
    let line = e.field.as_deref().and_then(|f| lines.iter().find(|(n, _)| *n == f)).map_or(line, |(_, l)| *l);
    Issue { line, message: e.message }
}

enum Done {
    Created,
    Updated,
    Unchanged,
}

fn count(report: &mut IcsImportReport, done: Done) {
    match done {
        Done::Created => report.created += 1,
        Done::Updated => report.updated += 1,
        Done::Unchanged => report.unchanged += 1,
    }
}

/// A moved occurrence's own attendees and those the series and the file bring.
fn merged(current: &Event, next: &EventInput) -> Vec<Attendee> {
    let mut all = current.fields.attendees.clone();
    all.extend(next.attendees.iter().filter(|a| !current.fields.attendees.iter().any(|k| k.id == a.id)).cloned());
    all
}

fn same_event(a: &Event, b: &Event) -> bool {
    a.fields == b.fields && a.exdates == b.exdates
}

/// An imported event keeps the owner, record and attendees it has in Outpost, and gains the
/// file's attendees that Outpost knows (by e-mail).
fn keep_links(w: &Writer, item: &EventItem, current: Option<&Event>) -> Result<EventInput> {
    let mut attendees: Vec<Attendee> = current.map(|c| c.fields.attendees.clone()).unwrap_or_default();
    for uri in &item.attendees {
        if let Some(a) = people::find(w.conn(), uri)? {
            if !attendees.iter().any(|known| known.id == a.id) {
                attendees.push(a);
            }
        }
    }
    Ok(match current {
        Some(c) => EventInput {
            owner_id: c.fields.owner_id.clone(),
            record: c.fields.record.clone(),
            attendees,
            ..item.input.clone()
        },
        None => EventInput { attendees, ..item.input.clone() },
    })
}

fn series(w: &mut Writer, item: &EventItem) -> Result<(String, Done)> {
    match find(w.conn(), FIND_SERIES, &item.uid)? {
        Some((id, deleted)) => {
            if deleted {
                w.restore(&events::EVENT, &id)?;
            }
            let current = events::get(w.conn(), IdArgs { id: id.clone() })?;
            let next = keep_links(w, item, Some(&current))?;
            let after = events::rewrite(w, &id, &next, &item.exdates, false)?;
            let done = if !deleted && same_event(&after, &current) { Done::Unchanged } else { Done::Updated };
            Ok((id, done))
        }
        None => {
            let input = keep_links(w, item, None)?;
            let created = events::insert_with_uid(w, &input, None, &item.exdates, Some(&item.uid))?;
            Ok((created.id, Done::Created))
        }
    }
}

/// The original start of a moved occurrence as its series keys it (local in the series' zone).
fn series_key(series: &EventInput, at: When) -> Result<String> {
    if series.all_day {
        return Ok(local_text(at.local_in(chrono_tz::UTC), true));
    }
    let tz = crate::recurrence::zone("tz", &series.tz)?;
    Ok(match at {
        When::Date(d) => {
            let start = events::parse_local("start", &series.start, false)?;
            local_text(d.and_time(start.time()), false)
        }
        other => local_text(other.local_in(tz), false),
    })
}

fn moved(w: &mut Writer, series_id: &str, item: &EventItem, at: When) -> Result<Done> {
    let series = events::get(w.conn(), IdArgs { id: series_id.into() })?;
    let key = series_key(&series.fields, at)?;
    if item.cancelled {
        // A cancelled occurrence is taken out of the series.
        if series.exdates.contains(&key) {
            return Ok(Done::Unchanged);
        }
        events::delete(w, EventDelete { id: series_id.into(), scope: Some(EditScope::This), occurrence: Some(key) })?;
        return Ok(Done::Updated);
    }
    let input = EventInput { rrule: None, ..keep_links(w, item, Some(&series))? };
    let existing: Option<(String, bool)> = w
        .conn()
        .prepare_cached(
            "SELECT id, deleted_at FROM events WHERE series_id = ?1 AND recurrence_id = ?2 ORDER BY deleted_at IS NOT NULL LIMIT 1",
        )?
        .query_row([series_id, key.as_str()], |r| Ok((r.get(0)?, r.get::<_, Option<String>>(1)?.is_some())))
        .optional()?;
    match existing {
        Some((id, deleted)) => {
            if deleted {
                w.restore(&events::EVENT, &id)?;
            }
            let current = events::get(w.conn(), IdArgs { id: id.clone() })?;
            let input = EventInput { attendees: merged(&current, &input), ..input };
            let after = events::rewrite(w, &id, &input, &[], true)?;
            Ok(if !deleted && same_event(&after, &current) { Done::Unchanged } else { Done::Updated })
        }
        None => {
            events::insert_with_uid(w, &input, Some((series_id, &key)), &[], Some(&item.uid))?;
            Ok(Done::Created)
        }
    }
}

fn task(w: &mut Writer, item: &TaskItem) -> Result<Done> {
    match find(w.conn(), FIND_TASK, &item.uid)? {
        Some((id, deleted)) => {
            if deleted {
                w.restore(&tasks::TASK, &id)?;
            }
            let current = tasks::get(w.conn(), IdArgs { id })?;
            let next = TaskInput {
                owner_id: current.fields.owner_id.clone(),
                record: current.fields.record.clone(),
                person: current.fields.person.clone(),
                ..item.input.clone()
            };
            let after = tasks::write_imported(w, Some(&current), &next, item.completed_at.clone(), &item.uid)?;
            let same = after.fields == current.fields && after.completed_at == current.completed_at;
            Ok(if !deleted && same { Done::Unchanged } else { Done::Updated })
        }
        None => {
            tasks::write_imported(w, None, &item.input, item.completed_at.clone(), &item.uid)?;
            Ok(Done::Created)
        }
    }
}

/// Whether an error is about the record (reported, the rest goes on) rather than the store.
fn is_about_record(e: &Error) -> bool {
    matches!(e.code, crate::ErrorCode::Validation)
}

/// Writes every event and task read, in the writer's transaction (one batch).
pub fn apply(w: &mut Writer, read: Read, report: &mut IcsImportReport) -> Result<()> {
    report.warnings.extend(read.issues);
    report.skipped = read.skipped;
    let (mut masters, exceptions): (Vec<EventItem>, Vec<EventItem>) =
        read.events.into_iter().partition(|e| e.recurrence_id.is_none());
    // Cancelled occurrences of a series in the file are its exceptions (EXDATE) from the start.
    let mut taken_out = HashSet::new();
    for (i, item) in exceptions.iter().enumerate().filter(|(_, e)| e.cancelled) {
        if let (Some(master), Some(at)) = (masters.iter_mut().find(|m| m.uid == item.uid), item.recurrence_id) {
            if let Ok(key) = series_key(&master.input, at) {
                master.exdates.push(key);
                master.exdates.sort();
                master.exdates.dedup();
                taken_out.insert(i);
            }
        }
    }
    let mut series_of: HashMap<String, String> = HashMap::new();
    let mut failed: HashSet<String> = HashSet::new();
    for item in &masters {
        if series_of.contains_key(&item.uid) {
            report.warnings.push(Issue {
                line: item.line,
                message: format!("UID {} appears twice; the first is imported", item.uid),
            });
            continue;
        }
        match series(w, item) {
            Ok((id, done)) => {
                count(report, done);
                series_of.insert(item.uid.clone(), id);
            }
            Err(e) if is_about_record(&e) => {
                report.errors.push(issue(&item.lines, item.line, e));
                failed.insert(item.uid.clone());
            }
            Err(e) => return Err(e),
        }
    }
    for (i, item) in exceptions.iter().enumerate() {
        let Some(at) = item.recurrence_id.filter(|_| !taken_out.contains(&i)) else { continue };
        if failed.contains(&item.uid) {
            report.errors.push(Issue { line: item.line, message: "Its series could not be imported".into() });
            continue;
        }
        let series_id = match series_of.get(&item.uid) {
            Some(id) => Some(id.clone()),
            None => find(w.conn(), FIND_SERIES, &item.uid)?.filter(|(_, deleted)| !deleted).map(|(id, _)| id),
        };
        let result = match series_id {
            Some(id) => moved(w, &id, item, at),
            // An occurrence without its series (one shared instance) is an event of its own.
            None => series(w, &EventItem { recurrence_id: None, ..clone_item(item) }).map(|(_, d)| d),
        };
        match result {
            Ok(done) => count(report, done),
            Err(e) if is_about_record(&e) => report.errors.push(issue(&item.lines, item.line, e)),
            Err(e) => return Err(e),
        }
    }
    for item in &read.tasks {
        match task(w, item) {
            Ok(done) => count(report, done),
            Err(e) if is_about_record(&e) => report.errors.push(issue(&item.lines, item.line, e)),
            Err(e) => return Err(e),
        }
    }
    report.errors.sort_by_key(|i| i.line);
    report.warnings.sort_by_key(|i| i.line);
    Ok(())
}

fn clone_item(item: &EventItem) -> EventItem {
    EventItem {
        uid: item.uid.clone(),
        line: item.line,
        input: EventInput { rrule: None, ..item.input.clone() },
        exdates: Vec::new(),
        recurrence_id: item.recurrence_id,
        cancelled: item.cancelled,
        attendees: item.attendees.clone(),
        lines: item.lines.clone(),
    }
}
