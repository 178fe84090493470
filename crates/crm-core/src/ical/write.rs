//! Writing events and tasks as one iCalendar text: VEVENT with its zone (one
//! VTIMEZONE per zone used), rule, exceptions, moved occurrences (RECURRENCE-ID)
//! and reminder (VALARM); VTODO for tasks.

use super::lines::{escape, push};
use super::people::{self, Address};
use super::vtimezone;
use crate::error::Result;
use crate::events::{self, Event, EventStatus};
use crate::tasks::{self, Priority, Task, TaskStatus};
use crate::IdArgs;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;
use std::collections::BTreeMap;

pub const PRODID: &str = "-//Outpost//Outpost CRM//EN";

/// An event row with the calendar addresses of its attendees.
pub struct Dated {
    pub event: Event,
    pub attendees: Vec<Address>,
}

/// A series and its moved occurrences, with the UID they share.
pub struct EventEntry {
    pub uid: String,
    pub main: Dated,
    pub moved: Vec<Dated>,
}

pub struct TaskEntry {
    pub uid: String,
    pub task: Task,
}

/// `20260305T090000`, or `20260305` for a date.
fn basic(local: &str) -> String {
    local.replace(['-', ':'], "")
}

fn utc_basic(instant: &str) -> String {
    DateTime::parse_from_rfc3339(instant)
        .map(|t| t.with_timezone(&Utc).format("%Y%m%dT%H%M%SZ").to_string())
        .unwrap_or_default()
}

fn is_utc(tz: &str) -> bool {
    matches!(tz, "UTC" | "Etc/UTC" | "Etc/GMT" | "GMT")
}

/// `DTSTART;TZID=Europe/Berlin:20260305T090000`, `DTSTART:20260305T090000Z` (UTC) or
/// `DTSTART;VALUE=DATE:20260305`; `locals` may be a comma list (EXDATE).
fn time_prop(name: &str, locals: &[&str], all_day: bool, tz: &str) -> String {
    let values: Vec<String> = locals.iter().map(|l| basic(l)).collect();
    if all_day {
        format!("{name};VALUE=DATE:{}", values.join(","))
    } else if is_utc(tz) {
        format!("{name}:{}", values.iter().map(|v| format!("{v}Z")).collect::<Vec<_>>().join(","))
    } else {
        format!("{name};TZID={tz}:{}", values.join(","))
    }
}

fn alarm(out: &mut String, subject: &str, trigger: &str) {
    push(out, "BEGIN:VALARM");
    push(out, "ACTION:DISPLAY");
    push(out, &format!("DESCRIPTION:{}", escape(subject)));
    push(out, trigger);
    push(out, "END:VALARM");
}

fn text_prop(out: &mut String, name: &str, value: &str) {
    if !value.is_empty() {
        push(out, &format!("{name}:{}", escape(value)));
    }
}

fn vevent(out: &mut String, uid: &str, dated: &Dated, series: Option<&Event>) {
    let e = &dated.event;
    let f = &e.fields;
    push(out, "BEGIN:VEVENT");
    push(out, &format!("UID:{}", escape(uid)));
    push(out, &format!("DTSTAMP:{}", utc_basic(&e.updated_at)));
    push(out, &format!("CREATED:{}", utc_basic(&e.created_at)));
    push(out, &format!("LAST-MODIFIED:{}", utc_basic(&e.updated_at)));
    if let (Some(s), Some(key)) = (series, &e.recurrence_id) {
        push(out, &time_prop("RECURRENCE-ID", &[key], s.fields.all_day, &s.fields.tz));
    }
    push(out, &time_prop("DTSTART", &[&f.start], f.all_day, &f.tz));
    if let Some(end) = &f.end {
        push(out, &time_prop("DTEND", &[end], f.all_day, &f.tz));
    }
    text_prop(out, "SUMMARY", &f.subject);
    text_prop(out, "LOCATION", &f.location);
    text_prop(out, "DESCRIPTION", &f.notes);
    push(out, if f.status == EventStatus::NotHeld { "STATUS:CANCELLED" } else { "STATUS:CONFIRMED" });
    if f.status == EventStatus::Held {
        push(out, "X-OUTPOST-STATUS:held");
    }
    for a in &dated.attendees {
        let name = a.name.replace('"', "'");
        push(out, &format!("ATTENDEE;CN=\"{name}\";CUTYPE=INDIVIDUAL;PARTSTAT=ACCEPTED:{}", a.uri));
    }
    if let Some(rule) = &f.rrule {
        push(out, &format!("RRULE:{rule}"));
    }
    if !e.exdates.is_empty() {
        let keys: Vec<&str> = e.exdates.iter().map(String::as_str).collect();
        push(out, &time_prop("EXDATE", &keys, f.all_day, &f.tz));
    }
    if let Some(m) = f.reminder_minutes {
        alarm(out, &f.subject, &format!("TRIGGER:-PT{m}M"));
    }
    push(out, "END:VEVENT");
}

fn vtodo(out: &mut String, uid: &str, t: &Task) {
    let f = &t.fields;
    push(out, "BEGIN:VTODO");
    push(out, &format!("UID:{}", escape(uid)));
    push(out, &format!("DTSTAMP:{}", utc_basic(&t.updated_at)));
    push(out, &format!("CREATED:{}", utc_basic(&t.created_at)));
    push(out, &format!("LAST-MODIFIED:{}", utc_basic(&t.updated_at)));
    text_prop(out, "SUMMARY", &f.subject);
    text_prop(out, "DESCRIPTION", &f.description);
    match (&f.due_date, &f.due_time) {
        // A due time is the owner's wall time: floating.
        (Some(d), Some(time)) => push(out, &format!("DUE:{}T{}00", basic(d), time.replace(':', ""))),
        (Some(d), None) => push(out, &format!("DUE;VALUE=DATE:{}", basic(d))),
        _ => {}
    }
    push(
        out,
        match f.priority {
            Priority::High => "PRIORITY:1",
            Priority::Normal => "PRIORITY:5",
            Priority::Low => "PRIORITY:9",
        },
    );
    push(
        out,
        match f.status {
            TaskStatus::Completed => "STATUS:COMPLETED",
            TaskStatus::InProgress => "STATUS:IN-PROCESS",
            _ => "STATUS:NEEDS-ACTION",
        },
    );
    if matches!(f.status, TaskStatus::Waiting | TaskStatus::Deferred) {
        push(out, &format!("X-OUTPOST-STATUS:{}", f.status.as_str()));
    }
    if let Some(done) = &t.completed_at {
        push(out, &format!("COMPLETED:{}", utc_basic(done)));
    }
    if let Some(at) = &f.reminder_at {
        alarm(out, &f.subject, &format!("TRIGGER;VALUE=DATE-TIME:{}", utc_basic(at)));
    }
    push(out, "END:VTODO");
}

/// The years each zone is used in: from the first start to the last (a series without end: until `now_year` + 1).
fn zone_years(events: &[EventEntry], now_year: i32) -> BTreeMap<String, (i32, i32)> {
    let mut years: BTreeMap<String, (i32, i32)> = BTreeMap::new();
    let year = |local: &str| local.get(..4).and_then(|y| y.parse::<i32>().ok());
    for entry in events {
        for dated in std::iter::once(&entry.main).chain(&entry.moved) {
            let f = &dated.event.fields;
            if f.all_day || f.tz.is_empty() || is_utc(&f.tz) {
                continue;
            }
            let Some(first) = year(&f.start) else { continue };
            let mut last = f.end.as_deref().and_then(year).unwrap_or(first);
            if f.rrule.is_some() {
                last = last.max(now_year + 1);
            }
            let span = years.entry(f.tz.clone()).or_insert((first, last));
            *span = (span.0.min(first), span.1.max(last));
        }
    }
    years
}

/// The calendar text of these events and tasks.
pub fn calendar(events: &[EventEntry], tasks: &[TaskEntry], now_year: i32) -> String {
    let mut out = String::new();
    push(&mut out, "BEGIN:VCALENDAR");
    push(&mut out, &format!("PRODID:{PRODID}"));
    push(&mut out, "VERSION:2.0");
    push(&mut out, "CALSCALE:GREGORIAN");
    for (name, (from, to)) in zone_years(events, now_year) {
        if let Ok(tz) = name.parse::<Tz>() {
            // Older transitions than a lifetime before the last are of no use to anyone.
            vtimezone::write(&mut out, tz, from.max(to - 120), to);
        }
    }
    for entry in events {
        vevent(&mut out, &entry.uid, &entry.main, None);
        for moved in &entry.moved {
            vevent(&mut out, &entry.uid, moved, Some(&entry.main.event));
        }
    }
    for entry in tasks {
        vtodo(&mut out, &entry.uid, &entry.task);
    }
    push(&mut out, "END:VCALENDAR");
    out
}

fn dated(conn: &Connection, id: &str) -> Result<Dated> {
    let event = events::get(conn, IdArgs { id: id.into() })?;
    let mut attendees = Vec::new();
    for a in &event.fields.attendees {
        attendees.extend(people::address(conn, a)?);
    }
    Ok(Dated { event, attendees })
}

/// A stored series (or single event) with its moved occurrences and UID.
pub fn event_entry(conn: &Connection, id: &str) -> Result<EventEntry> {
    let main = dated(conn, id)?;
    let uid: Option<String> = conn.query_row("SELECT ical_uid FROM events WHERE id = ?1", [id], |r| r.get(0))?;
    let mut moved = Vec::new();
    for (moved_id, _) in events::overrides(conn, id)? {
        moved.push(dated(conn, &moved_id)?);
    }
    moved.sort_by(|a, b| a.event.recurrence_id.cmp(&b.event.recurrence_id));
    Ok(EventEntry { uid: uid.unwrap_or_else(|| main.event.id.clone()), main, moved })
}

pub fn task_entry(conn: &Connection, id: &str) -> Result<TaskEntry> {
    let task = tasks::get(conn, IdArgs { id: id.into() })?;
    let uid: Option<String> = conn.query_row("SELECT ical_uid FROM tasks WHERE id = ?1", [id], |r| r.get(0))?;
    Ok(TaskEntry { uid: uid.unwrap_or_else(|| task.id.clone()), task })
}
