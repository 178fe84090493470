//! Reminders due in a window of time: every occurrence of a planned event with a
//! reminder (series expanded; reminder = occurrence start − `reminder_minutes`) and
//! every open task with `reminder_at`. The instant up to which this device has shown
//! them is kept in `meta`, so the app shows the ones it missed while it was closed.

use crate::activities::{instant_text, parse_instant};
use crate::calendar::ItemType;
use crate::error::{Error, Result};
use crate::events::{self, local_text, EventInput};
use crate::occurrences;
use crate::recurrence;
use crate::store::Store;
use crate::write::Writer;
use chrono::{DateTime, Duration, NaiveTime, Utc};
use chrono_tz::Tz;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

const MARKER: &str = "reminders_acknowledged_until";
/// Missed reminders older than this are not brought back (nobody wants last quarter's).
const MISSED_DAYS: i64 = 31;
/// The longest window asked for explicitly (as the calendar range).
const MAX_WINDOW_DAYS: i64 = 400;
/// The longest reminder an event may have (events::MAX_REMINDER_MINUTES).
const LONGEST: Duration = Duration::weeks(4);

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct ReminderQuery {
    /// The end of the window (RFC 3339), usually now.
    pub until: String,
    /// The start of the window (exclusive); by default the instant acknowledged last, else a day before `until`.
    #[ts(optional = nullable)]
    pub from: Option<String>,
    /// The IANA zone whose midnight starts an all-day event (UTC when null).
    #[ts(optional = nullable)]
    pub tz: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Reminder {
    #[serde(rename = "type")]
    pub item_type: ItemType,
    /// The event row (series, single event or moved occurrence) or the task.
    pub id: String,
    /// For an occurrence of a series: the series and the occurrence's original start (local).
    pub series_id: Option<String>,
    pub occurrence: Option<String>,
    pub subject: String,
    /// When the reminder is due (UTC, RFC 3339).
    pub remind_at: String,
    /// The occurrence's start (UTC), or the all-day event's date, or the task's due date (and time).
    pub start: Option<String>,
    pub all_day: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RemindersDue {
    /// The window read: (from, until].
    pub from: String,
    pub until: String,
    /// By the time they are due.
    pub reminders: Vec<Reminder>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ReminderAck {
    /// Every reminder due up to this instant has been shown.
    pub until: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ReminderAcked {
    /// The instant acknowledged (it never moves back).
    pub acknowledged_until: String,
}

fn marker(conn: &Connection) -> Result<Option<DateTime<Utc>>> {
    let text: Option<String> =
        conn.query_row("SELECT value FROM meta WHERE key = ?1", [MARKER], |r| r.get(0)).optional()?;
    Ok(text.and_then(|t| parse_instant(MARKER, &t).ok()))
}

struct Window {
    from: DateTime<Utc>,
    until: DateTime<Utc>,
    tz: Tz,
}

impl Window {
    fn contains(&self, t: DateTime<Utc>) -> bool {
        t > self.from && t <= self.until
    }
}

fn event_reminders(conn: &Connection, window: &Window, out: &mut Vec<(DateTime<Utc>, Reminder)>) -> Result<()> {
    let moved = occurrences::Moved::read(conn)?;
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, e.series_id, e.recurrence_id, e.exdates, e.subject, e.all_day, e.start_local, e.end_local, e.tz,
                e.rrule, e.reminder_minutes
         FROM (SELECT rowid AS r FROM events
                WHERE deleted_at IS NULL AND reminder_minutes IS NOT NULL AND span_long = 0
                  AND span_start >= ?3 AND span_start < ?2
               UNION ALL
               SELECT rowid FROM events
                WHERE deleted_at IS NULL AND reminder_minutes IS NOT NULL AND span_long = 1
                  AND span_end > ?1 AND span_start < ?2) AS hit
         JOIN events e ON e.rowid = hit.r
         WHERE e.status = 'planned'",
    )?;
    // A reminder in the window belongs to a start after it began (an all-day one's day may begin
    // up to 14 hours before its UTC midnight) and at most four weeks after it ends.
    let latest_start = window.until + LONGEST + Duration::hours(14);
    let earliest_short = window.from - Duration::days(1);
    let args = (instant_text(window.from), instant_text(latest_start), instant_text(earliest_short));
    let rows = stmt.query_map(args, |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, String>(3)?,
            EventInput {
                subject: r.get(4)?,
                all_day: r.get(5)?,
                start: r.get(6)?,
                end: r.get(7)?,
                tz: r.get(8)?,
                rrule: r.get(9)?,
                reminder_minutes: r.get(10)?,
                ..Default::default()
            },
        ))
    })?;
    for row in rows {
        let (id, series_id, recurrence_id, exdates, e) = row?;
        // A moved occurrence of a deleted series is not shown.
        if series_id.as_deref().is_some_and(|s| !moved.is_live(s)) {
            continue;
        }
        let t = events::times(&e)?;
        let before = Duration::minutes(i64::from(e.reminder_minutes.unwrap_or(0)));
        let start_of = |local: chrono::NaiveDateTime| -> Option<DateTime<Utc>> {
            if t.all_day {
                let midnight = local.date().and_time(NaiveTime::MIN);
                recurrence::to_utc(window.tz, midnight)
                    .or_else(|| recurrence::to_utc(window.tz, midnight + Duration::hours(1)))
            } else {
                t.instant(local)
            }
        };
        let reminder = |local: chrono::NaiveDateTime, series: Option<String>, occurrence: Option<String>| {
            let start = start_of(local)?;
            let at = start - before;
            window.contains(at).then(|| {
                let shown = if t.all_day { local_text(local, true) } else { instant_text(start) };
                (
                    at,
                    Reminder {
                        item_type: ItemType::Event,
                        id: id.clone(),
                        series_id: series,
                        occurrence,
                        subject: e.subject.clone(),
                        remind_at: instant_text(at),
                        start: Some(shown),
                        all_day: t.all_day,
                    },
                )
            })
        };
        let Some(rule) = e.rrule.as_deref() else {
            out.extend(reminder(t.start, series_id.clone(), recurrence_id.clone()));
            continue;
        };
        let exdates: Vec<String> =
            if exdates == "[]" { Vec::new() } else { serde_json::from_str(&exdates).unwrap_or_default() };
        let skip = moved.skipped(&id, &exdates, t.all_day);
        // Occurrences whose reminder falls in the window start up to `before` later (a day more for all-day ones).
        let margin = if t.all_day { Duration::days(1) } else { Duration::zero() };
        let starts = (window.from + before - margin, window.until + before + margin);
        for start in occurrences::between(rule, t.start, t.tz, t.all_day, starts, Duration::seconds(1))? {
            if skip.binary_search(&start).is_ok() {
                continue;
            }
            out.extend(reminder(start, Some(id.clone()), Some(local_text(start, t.all_day))));
        }
    }
    Ok(())
}

fn task_reminders(conn: &Connection, window: &Window, out: &mut Vec<(DateTime<Utc>, Reminder)>) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, subject, reminder_at, due_date, due_time FROM tasks
         WHERE deleted_at IS NULL AND reminder_at IS NOT NULL AND status <> 'completed'
           AND reminder_at > ?1 AND reminder_at <= ?2",
    )?;
    let rows = stmt.query_map((instant_text(window.from), instant_text(window.until)), |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, Option<String>>(4)?,
        ))
    })?;
    for row in rows {
        let (id, subject, remind_at, due_date, due_time) = row?;
        let at = parse_instant("reminder_at", &remind_at)?;
        let start = due_date.map(|d| match due_time {
            Some(time) => format!("{d}T{time}"),
            None => d,
        });
        out.push((
            at,
            Reminder {
                item_type: ItemType::Task,
                id,
                series_id: None,
                occurrence: None,
                subject,
                remind_at,
                start,
                all_day: false,
            },
        ));
    }
    Ok(())
}

/// The reminders due after `from` (by default the instant acknowledged last) up to `until`.
pub fn due(store: &Store, query: ReminderQuery) -> Result<RemindersDue> {
    let until = parse_instant("until", &query.until)?;
    let tz = match query.tz.as_deref().filter(|t| !t.trim().is_empty()) {
        Some(name) => recurrence::zone("tz", name)?,
        None => chrono_tz::UTC,
    };
    store.read(|conn| {
        let from = match query.from.as_deref() {
            Some(text) => parse_instant("from", text)?,
            None => marker(conn)?.unwrap_or(until - Duration::days(1)).max(until - Duration::days(MISSED_DAYS)),
        };
        if from > until {
            return Err(Error::invalid("from", "The window must start before it ends"));
        }
        if until - from > Duration::days(MAX_WINDOW_DAYS) {
            return Err(Error::invalid("from", format!("A window is at most {MAX_WINDOW_DAYS} days")));
        }
        let window = Window { from, until, tz };
        let mut out = Vec::new();
        event_reminders(conn, &window, &mut out)?;
        task_reminders(conn, &window, &mut out)?;
        out.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.subject.cmp(&b.1.subject)));
        Ok(RemindersDue {
            from: instant_text(window.from),
            until: instant_text(until),
            reminders: out.into_iter().map(|(_, r)| r).collect(),
        })
    })
}

/// Records that every reminder due up to `until` has been shown on this device.
pub fn ack(w: &mut Writer, args: ReminderAck) -> Result<ReminderAcked> {
    let until = parse_instant("until", &args.until)?;
    let kept = marker(w.conn())?.map_or(until, |m| m.max(until));
    w.conn().execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (MARKER, instant_text(kept)),
    )?;
    Ok(ReminderAcked { acknowledged_until: instant_text(kept) })
}
