//! The calendar range: every occurrence of events (recurring series expanded,
//! moved occurrences in their new place) and every dated task between two
//! instants, as seen in one time zone, sorted by start.

use crate::activities::{self, RecordLink};
use crate::error::{Error, Result};
use crate::events::{self, local_text, EventInput, Times};
use crate::occurrences;
use crate::recurrence;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, SecondsFormat, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use ts_rs::TS;

const MAX_RANGE_DAYS: i64 = 400;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItemType {
    Event,
    Task,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct CalendarQuery {
    /// First instant of the range (RFC 3339).
    pub start: String,
    /// The instant the range ends before.
    pub end: String,
    /// IANA zone the calendar is shown in (dates of all-day items and tasks are read in it).
    pub tz: String,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub owner_id: Option<String>,
    /// Only these kinds of item; all when empty.
    #[serde(default)]
    #[ts(optional)]
    pub types: Option<Vec<ItemType>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CalendarItem {
    #[serde(rename = "type")]
    pub item_type: ItemType,
    /// The event row (a single event, a series or a moved occurrence) or the task.
    pub id: String,
    /// The series this occurrence belongs to (the series' own id for an expanded occurrence).
    pub series_id: Option<String>,
    /// The occurrence's original start (local in the series' zone): pass as `occurrence` to edit "this one".
    pub occurrence: Option<String>,
    pub subject: String,
    pub all_day: bool,
    /// RFC 3339 with the calendar zone's offset; a date for all-day items.
    pub start: String,
    /// Exclusive end, like `start`; null for a task.
    pub end: Option<String>,
    /// The event's or task's status.
    pub status: String,
    pub location: String,
    pub owner_id: String,
    pub record: Option<RecordLink>,
}

struct Range {
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    tz: Tz,
}

impl Range {
    /// The instant a floating date begins in the calendar's zone.
    fn day_start(&self, date: NaiveDate) -> DateTime<Utc> {
        let midnight = date.and_time(NaiveTime::MIN);
        recurrence::to_utc(self.tz, midnight)
            .or_else(|| recurrence::to_utc(self.tz, midnight + Duration::hours(1)))
            .unwrap_or_else(|| midnight.and_utc())
    }

    fn overlaps(&self, start: DateTime<Utc>, end: DateTime<Utc>) -> bool {
        start < self.to && end > self.from
    }

    fn show(&self, t: DateTime<Utc>) -> String {
        t.with_timezone(&self.tz).to_rfc3339_opts(SecondsFormat::Secs, false)
    }
}

/// One event occurrence placed in the range, or `None` when it falls outside.
fn place(range: &Range, t: &Times, start: chrono::NaiveDateTime) -> Option<(DateTime<Utc>, String, String)> {
    let end = start + t.duration();
    if t.all_day {
        let (s, e) = (range.day_start(start.date()), range.day_start(end.date()));
        return range.overlaps(s, e).then(|| (s, local_text(start, true), local_text(end, true)));
    }
    let s = t.instant(start)?;
    let e = t.instant(end).or_else(|| t.instant(end + Duration::hours(1)))?;
    range.overlaps(s, e).then(|| (s, range.show(s), range.show(e)))
}

struct Row {
    id: String,
    series_id: Option<String>,
    recurrence_id: Option<String>,
    owner_id: String,
    exdates: Vec<String>,
    fields: EventInput,
}

fn event_rows(conn: &Connection, range: &Range, owner: Option<&str>) -> Result<Vec<Row>> {
    // Short events by their start (they cannot begin more than a week before the range and
    // reach into it), series and long events by their end; the indexes answer the owner too.
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, e.series_id, e.recurrence_id, e.owner_id, e.exdates, e.subject, e.location, e.status, e.all_day,
                e.start_local, e.end_local, e.tz, e.rrule, e.record_type, e.record_id
         FROM (SELECT rowid AS r FROM events
                WHERE deleted_at IS NULL AND span_long = 0 AND span_start >= ?4 AND span_start < ?2 AND span_end > ?1
                  AND (?3 IS NULL OR owner_id = ?3)
               UNION ALL
               SELECT rowid FROM events
                WHERE deleted_at IS NULL AND span_long = 1 AND span_end > ?1 AND span_start < ?2
                  AND (?3 IS NULL OR owner_id = ?3)) AS hit
         JOIN events e ON e.rowid = hit.r
         WHERE (e.series_id IS NULL OR EXISTS (SELECT 1 FROM events s WHERE s.id = e.series_id AND s.deleted_at IS NULL))",
    )?;
    let look_back = range.from - Duration::days(events::SHORT_SPAN_DAYS) - Duration::hours(14);
    let rows = stmt
        .query_map(
            (
                activities::instant_text(range.from),
                activities::instant_text(range.to),
                owner,
                activities::instant_text(look_back),
            ),
            |r| {
                let status: String = r.get(7)?;
                Ok(Row {
                    id: r.get(0)?,
                    series_id: r.get(1)?,
                    recurrence_id: r.get(2)?,
                    owner_id: r.get(3)?,
                    exdates: serde_json::from_str(&r.get::<_, String>(4)?).unwrap_or_default(),
                    fields: EventInput {
                        subject: r.get(5)?,
                        location: r.get(6)?,
                        status: serde_json::from_value(status.into()).unwrap_or_default(),
                        all_day: r.get(8)?,
                        start: r.get(9)?,
                        end: r.get(10)?,
                        tz: r.get(11)?,
                        rrule: r.get(12)?,
                        record: activities::record_from(r.get(13)?, r.get(14)?),
                        ..Default::default()
                    },
                })
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Original starts of the moved occurrences, by series (few in any calendar: read them all).
fn moved(conn: &Connection) -> Result<HashMap<String, HashSet<String>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT series_id, recurrence_id FROM events WHERE series_id IS NOT NULL AND deleted_at IS NULL",
    )?;
    let mut out: HashMap<String, HashSet<String>> = HashMap::new();
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (series, key) = row?;
        out.entry(series).or_default().insert(key);
    }
    Ok(out)
}

fn events(
    conn: &Connection,
    range: &Range,
    owner: Option<&str>,
    out: &mut Vec<(DateTime<Utc>, CalendarItem)>,
) -> Result<()> {
    let rows = event_rows(conn, range, owner)?;
    let moved = moved(conn)?;
    for row in rows {
        let t = events::times(&row.fields)?;
        let status = serde_json::to_value(row.fields.status)?.as_str().unwrap_or_default().to_owned();
        let item = |start: String, end: String, occurrence: Option<String>, series_id: Option<String>| CalendarItem {
            item_type: ItemType::Event,
            id: row.id.clone(),
            series_id,
            occurrence,
            subject: row.fields.subject.clone(),
            all_day: row.fields.all_day,
            start,
            end: Some(end),
            status: status.clone(),
            location: row.fields.location.clone(),
            owner_id: row.owner_id.clone(),
            record: row.fields.record.clone(),
        };
        let Some(rule) = row.fields.rrule.as_deref() else {
            if let Some((at, s, e)) = place(range, &t, t.start) {
                out.push((at, item(s, e, row.recurrence_id.clone(), row.series_id.clone())));
            }
            continue;
        };
        let moved_here = moved.get(&row.id);
        for start in occurrences::between(rule, t.start, t.tz, t.all_day, (range.from, range.to), t.duration())? {
            let key = local_text(start, t.all_day);
            if row.exdates.contains(&key) || moved_here.is_some_and(|m| m.contains(&key)) {
                continue;
            }
            if let Some((at, s, e)) = place(range, &t, start) {
                out.push((at, item(s, e, Some(key), Some(row.id.clone()))));
            }
        }
    }
    Ok(())
}

fn tasks(
    conn: &Connection,
    range: &Range,
    owner: Option<&str>,
    out: &mut Vec<(DateTime<Utc>, CalendarItem)>,
) -> Result<()> {
    let first = range.from.with_timezone(&range.tz).date_naive();
    let after_last = range.to.with_timezone(&range.tz).date_naive() + Duration::days(1);
    let mut stmt = conn.prepare_cached(
        "SELECT id, subject, due_date, due_time, status, owner_id, record_type, record_id FROM tasks
         WHERE deleted_at IS NULL AND due_key >= ?1 AND due_key < ?2 AND (?3 IS NULL OR owner_id = ?3)",
    )?;
    let rows = stmt.query_map((first.to_string(), after_last.to_string(), owner), |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            activities::record_from(r.get(6)?, r.get(7)?),
        ))
    })?;
    for row in rows {
        let (id, subject, due_date, due_time, status, owner_id, record) = row?;
        let Ok(date) = NaiveDate::parse_from_str(&due_date, "%Y-%m-%d") else { continue };
        let (at, start, all_day) = match due_time.as_deref().and_then(|t| NaiveTime::parse_from_str(t, "%H:%M").ok()) {
            Some(time) => {
                let Some(at) = recurrence::to_utc(range.tz, date.and_time(time)) else { continue };
                if at < range.from || at >= range.to {
                    continue;
                }
                (at, range.show(at), false)
            }
            None => {
                let at = range.day_start(date);
                if !range.overlaps(at, range.day_start(date + Duration::days(1))) {
                    continue;
                }
                (at, due_date.clone(), true)
            }
        };
        let item = CalendarItem {
            item_type: ItemType::Task,
            id,
            series_id: None,
            occurrence: None,
            subject,
            all_day,
            start,
            end: None,
            status,
            location: String::new(),
            owner_id,
            record,
        };
        out.push((at, item));
    }
    Ok(())
}

pub fn range(conn: &Connection, query: CalendarQuery) -> Result<Vec<CalendarItem>> {
    let range = Range {
        from: activities::parse_instant("start", &query.start)?,
        to: activities::parse_instant("end", &query.end)?,
        tz: recurrence::zone("tz", &query.tz)?,
    };
    if range.to <= range.from {
        return Err(Error::invalid("end", "The end of the range must be after its start"));
    }
    if range.to - range.from > Duration::days(MAX_RANGE_DAYS) {
        return Err(Error::invalid("end", format!("A calendar range is at most {MAX_RANGE_DAYS} days")));
    }
    let owner = query.owner_id.as_deref().filter(|o| !o.is_empty());
    let wants = |t: ItemType| query.types.as_ref().is_none_or(|ts| ts.is_empty() || ts.contains(&t));
    let mut out = Vec::new();
    if wants(ItemType::Event) {
        events(conn, &range, owner, &mut out)?;
    }
    if wants(ItemType::Task) {
        tasks(conn, &range, owner, &mut out)?;
    }
    // Sort small keys, then take the items in that order (moving large items while sorting is slow).
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&i| out[i].0);
    let mut slots: Vec<Option<CalendarItem>> = out.into_iter().map(|(_, item)| Some(item)).collect();
    Ok(order.into_iter().filter_map(|i| slots[i].take()).collect())
}
