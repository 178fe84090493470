//! The calendar range: every occurrence of events (recurring series expanded,
//! moved occurrences in their new place) and every dated task between two
//! instants, as seen in one time zone, sorted by start.

use crate::activities::{self, RecordLink};
use crate::compact_text::Text;
use crate::error::{Error, Result};
use crate::events::{self, local_text, EventStatus, Times};
use crate::occurrences;
use crate::recurrence;
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Offset, SecondsFormat, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
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

/// One item of the calendar. Its texts are `Text` (held in place or shared by a series' occurrences:
/// a team's month has tens of thousands of items); they serialize as plain strings.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CalendarItem {
    #[serde(rename = "type")]
    pub item_type: ItemType,
    /// The event row (a single event, a series or a moved occurrence) or the task.
    #[ts(as = "String")]
    pub id: Text,
    /// The series this occurrence belongs to (the series' own id for an expanded occurrence).
    #[ts(as = "Option<String>")]
    pub series_id: Option<Text>,
    /// The occurrence's original start (local in the series' zone): pass as `occurrence` to edit "this one".
    #[ts(as = "Option<String>")]
    pub occurrence: Option<Text>,
    #[ts(as = "String")]
    pub subject: Text,
    pub all_day: bool,
    /// RFC 3339 with the calendar zone's offset; a date for all-day items.
    #[ts(as = "String")]
    pub start: Text,
    /// Exclusive end, like `start`; null for a task.
    #[ts(as = "Option<String>")]
    pub end: Option<Text>,
    /// The event's or task's status.
    #[ts(as = "String")]
    pub status: Text,
    #[ts(as = "String")]
    pub location: Text,
    #[ts(as = "String")]
    pub owner_id: Text,
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

    fn show(&self, t: DateTime<Utc>) -> Text {
        rfc3339(self.tz, t)
    }
}

/// `t` with `tz`'s offset, to the second: what chrono's `to_rfc3339_opts(Secs, false)` writes,
/// without its general formatter (a team's month view writes tens of thousands).
fn rfc3339(tz: Tz, t: DateTime<Utc>) -> Text {
    let offset = tz.offset_from_utc_datetime(&t.naive_utc()).fix().local_minus_utc();
    let local = t.naive_utc() + Duration::seconds(i64::from(offset));
    let exact = offset % 60 == 0 && t.nanosecond() < 1_000_000_000;
    let text = Text::write(|b| {
        let Some(len) = events::write_local(b, local, false).filter(|_| exact) else { return 0 };
        let minutes = offset.unsigned_abs() / 60;
        b[len] = if offset < 0 { b'-' } else { b'+' };
        events::put_digits(&mut b[len + 1..len + 3], minutes / 60);
        b[len + 3] = b':';
        events::put_digits(&mut b[len + 4..len + 6], minutes % 60);
        len + 6
    });
    if text.is_empty() {
        return t.with_timezone(&tz).to_rfc3339_opts(SecondsFormat::Secs, false).into();
    }
    text
}

/// A local time as stored (`local_text`), written in place.
fn local_stamp(t: NaiveDateTime, all_day: bool) -> Text {
    match Text::write(|b| events::write_local(b, t, all_day).unwrap_or(0)) {
        text if text.is_empty() => local_text(t, all_day).into(),
        text => text,
    }
}

/// An event occurrence placed in the range: its instant, start and end as shown.
type Placed = (DateTime<Utc>, Text, Text);

/// One event occurrence placed in the range, or `None` when it falls outside.
fn place(range: &Range, t: &Times, start: NaiveDateTime) -> Option<Placed> {
    let end = start + t.duration();
    if t.all_day {
        let (s, e) = (range.day_start(start.date()), range.day_start(end.date()));
        return range.overlaps(s, e).then(|| (s, local_stamp(start, true), local_stamp(end, true)));
    }
    let s = t.instant(start)?;
    let e = t.instant(end).or_else(|| t.instant(end + Duration::hours(1)))?;
    shown(range, s, e)
}

fn shown(range: &Range, s: DateTime<Utc>, e: DateTime<Utc>) -> Option<Placed> {
    range.overlaps(s, e).then(|| (s, range.show(s), range.show(e)))
}

struct Row {
    id: Text,
    series_id: Option<Text>,
    recurrence_id: Option<Text>,
    owner_id: Text,
    subject: Text,
    location: Text,
    status: EventStatus,
    record: Option<RecordLink>,
    times: Times,
    rrule: Option<String>,
    /// EXDATEs, read only for a series that has any.
    exdates: Vec<String>,
}

impl Row {
    /// An occurrence of this series.
    fn occurrence(&self, (start, end): (Text, Text), occurrence: Text) -> CalendarItem {
        CalendarItem {
            item_type: ItemType::Event,
            id: self.id.clone(),
            series_id: Some(self.id.clone()),
            occurrence: Some(occurrence),
            subject: self.subject.clone(),
            all_day: self.times.all_day,
            start,
            end: Some(end),
            status: self.status.as_str().into(),
            location: self.location.clone(),
            owner_id: self.owner_id.clone(),
            record: self.record.clone(),
        }
    }

    /// The row's items in the range: a single event or moved occurrence, or the series' occurrences
    /// less its EXDATEs and moved ones.
    fn place_all(self, range: &Range, moved: &occurrences::Moved, out: &mut Found) -> Result<()> {
        let t = &self.times;
        let Some(rule) = self.rrule.as_deref() else {
            let placed = if t.all_day { place(range, t, t.start) } else { shown(range, t.start_at, t.end_at) };
            if let Some((at, s, e)) = placed {
                out.push(at, self.into_item((s, e)));
            }
            return Ok(());
        };
        let skip = moved.skipped(&self.id, &self.exdates, t.all_day);
        for start in occurrences::between(rule, t.start, t.tz, t.all_day, (range.from, range.to), t.duration())? {
            if skip.binary_search(&start).is_ok() {
                continue;
            }
            if let Some((at, s, e)) = place(range, t, start) {
                out.push(at, self.occurrence((s, e), local_stamp(start, t.all_day)));
            }
        }
        Ok(())
    }

    /// A single event or moved occurrence: the row's strings move into its one item.
    fn into_item(self, (start, end): (Text, Text)) -> CalendarItem {
        CalendarItem {
            item_type: ItemType::Event,
            id: self.id,
            series_id: self.series_id,
            occurrence: self.recurrence_id,
            subject: self.subject,
            all_day: self.times.all_day,
            start,
            end: Some(end),
            status: self.status.as_str().into(),
            location: self.location,
            owner_id: self.owner_id,
            record: self.record,
        }
    }
}

/// The items found so far and the instants they start at, apart (sorting moves only the instants).
#[derive(Default)]
struct Found {
    items: Vec<CalendarItem>,
    starts: Vec<DateTime<Utc>>,
}

impl Found {
    fn push(&mut self, at: DateTime<Utc>, item: CalendarItem) {
        self.items.push(item);
        self.starts.push(at);
    }

    /// The items by start (those starting together in the order they were found).
    fn sorted(self) -> Vec<CalendarItem> {
        let Found { mut items, starts } = self;
        let mut order: Vec<(DateTime<Utc>, usize)> = starts.into_iter().zip(0..).collect();
        order.sort_unstable();
        // Follow each cycle of the permutation, swapping items into place where they are.
        let mut order: Vec<usize> = order.into_iter().map(|(_, i)| i).collect();
        for first in 0..items.len() {
            let mut at = first;
            while order[at] != first {
                let from = order[at];
                items.swap(at, from);
                order[at] = at;
                at = from;
            }
            order[at] = at;
        }
        items
    }
}

fn events(conn: &Connection, range: &Range, owner: Option<&str>, out: &mut Found) -> Result<()> {
    let moved = occurrences::Moved::read(conn)?;
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
         JOIN events e ON e.rowid = hit.r",
    )?;
    let look_back = range.from - Duration::days(events::SHORT_SPAN_DAYS) - Duration::hours(14);
    let mut rows = stmt.query((
        activities::instant_text(range.from),
        activities::instant_text(range.to),
        owner,
        activities::instant_text(look_back),
    ))?;
    while let Some(r) = rows.next()? {
        // A moved occurrence of a deleted series is not shown.
        let series_id: Option<Text> = r.get(1)?;
        if series_id.as_ref().is_some_and(|s| !moved.is_live(s)) {
            continue;
        }
        // Times and EXDATEs are read from the row's own text, without copying it.
        let text = |i: usize| r.get_ref(i).and_then(|v| Ok(v.as_str_or_null()?));
        let times =
            events::times_of(r.get(8)?, text(9)?.unwrap_or_default(), text(10)?, text(11)?.unwrap_or_default())?;
        let rrule: Option<String> = r.get(12)?;
        let exdates = match text(4)? {
            Some(list) if rrule.is_some() && list != "[]" => serde_json::from_str(list).unwrap_or_default(),
            _ => Vec::new(),
        };
        let row = Row {
            id: r.get(0)?,
            series_id,
            recurrence_id: r.get(2)?,
            owner_id: r.get(3)?,
            subject: r.get(5)?,
            location: r.get(6)?,
            status: r.get(7)?,
            record: activities::record_from(r.get(13)?, r.get(14)?),
            times,
            rrule,
            exdates,
        };
        row.place_all(range, &moved, out)?;
    }
    Ok(())
}

fn tasks(conn: &Connection, range: &Range, owner: Option<&str>, out: &mut Found) -> Result<()> {
    let first = range.from.with_timezone(&range.tz).date_naive();
    let after_last = range.to.with_timezone(&range.tz).date_naive() + Duration::days(1);
    let mut stmt = conn.prepare_cached(
        "SELECT id, subject, due_date, due_time, status, owner_id, record_type, record_id FROM tasks
         WHERE deleted_at IS NULL AND due_key >= ?1 AND due_key < ?2 AND (?3 IS NULL OR owner_id = ?3)",
    )?;
    let rows = stmt.query_map((first.to_string(), after_last.to_string(), owner), |r| {
        Ok((
            r.get::<_, Text>(0)?,
            r.get::<_, Text>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, Text>(4)?,
            r.get::<_, Text>(5)?,
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
                (at, due_date.into(), true)
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
            location: Text::default(),
            owner_id,
            record,
        };
        out.push(at, item);
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
    let mut out = Found::default();
    if wants(ItemType::Event) {
        events(conn, &range, owner, &mut out)?;
    }
    if wants(ItemType::Task) {
        tasks(conn, &range, owner, &mut out)?;
    }
    Ok(out.sorted())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::Rng;

    #[test]
    fn instants_are_written_as_chrono_writes_them() {
        let zones = [
            chrono_tz::Europe::Berlin,
            chrono_tz::America::New_York,
            chrono_tz::Australia::Lord_Howe, // half-hour daylight saving
            chrono_tz::Asia::Kathmandu,      // +05:45
            chrono_tz::America::St_Johns,    // -03:30
            chrono_tz::Europe::Amsterdam,    // +00:19:32 before 1937: chrono's own writing
            chrono_tz::UTC,
        ];
        let mut rng = Rng::new(5);
        for _ in 0..20_000 {
            let seconds = rng.below(200 * 365 * 86_400) as i64 - 100 * 365 * 86_400;
            let t = DateTime::<Utc>::UNIX_EPOCH + Duration::seconds(seconds);
            let tz = zones[rng.below(zones.len())];
            let expected = t.with_timezone(&tz).to_rfc3339_opts(SecondsFormat::Secs, false);
            assert_eq!(rfc3339(tz, t).as_str(), expected, "{t} in {tz}");
        }
    }

    #[test]
    fn statuses_read_from_the_column_are_their_serialized_names() {
        for status in EventStatus::ALL {
            assert_eq!(serde_json::to_value(status).unwrap(), serde_json::json!(status.as_str()));
        }
    }
}
