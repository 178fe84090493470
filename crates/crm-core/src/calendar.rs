//! The calendar range: every occurrence of events (recurring series expanded,
//! moved occurrences in their new place) and every dated task between two
//! instants, as seen in one time zone, sorted by start.

use crate::activities::{self, RecordLink};
use crate::compact_text::Text;
use crate::error::{Error, Result};
use crate::events::{self, local_text, EventStatus, Times};
use crate::occurrences;
use crate::recurrence;
use crate::store::Store;
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Offset, SecondsFormat, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
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

/// What the items of one event row or task show; every occurrence of a series shares its
/// series' one (a team's month has tens of thousands of items, from a few thousand rows).
/// Its texts are `Text` (held in place or shared); they serialize as plain strings.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ItemSource {
    #[serde(rename = "type")]
    pub item_type: ItemType,
    /// The event row (a single event, a series or a moved occurrence) or the task.
    #[ts(as = "String")]
    pub id: Text,
    /// The series this occurrence belongs to (the series' own id for an expanded occurrence).
    #[ts(as = "Option<String>")]
    pub series_id: Option<Text>,
    #[ts(as = "String")]
    pub subject: Text,
    pub all_day: bool,
    /// The event's or task's status.
    #[ts(as = "String")]
    pub status: Text,
    #[ts(as = "String")]
    pub location: Text,
    #[ts(as = "String")]
    pub owner_id: Text,
    pub record: Option<RecordLink>,
}

/// One item of the calendar: its event's or task's fields, and when it is.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CalendarItem {
    #[serde(flatten)]
    #[ts(flatten)]
    pub of: Arc<ItemSource>,
    /// The occurrence's original start (local in the series' zone): pass as `occurrence` to edit "this one".
    #[ts(as = "Option<String>")]
    pub occurrence: Option<Text>,
    /// RFC 3339 with the calendar zone's offset; a date for all-day items.
    #[ts(as = "String")]
    pub start: Text,
    /// Exclusive end, like `start`; null for a task.
    #[ts(as = "Option<String>")]
    pub end: Option<Text>,
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

/// What items are made of: an event row (a single event, a moved occurrence or a series)
/// or a dated task. A series is one source for all its occurrences.
struct Source {
    shown: Arc<ItemSource>,
    /// A moved occurrence's original start.
    recurrence_id: Option<Text>,
}

/// How an item's start and end are shown.
#[derive(Clone, Copy)]
enum Shown {
    /// From the item's instant to this one, in the calendar's zone.
    Until(DateTime<Utc>),
    /// All-day, from the first date to the (exclusive) last, as local dates.
    Dates(NaiveDateTime, NaiveDateTime),
    /// A task due at the item's instant.
    At,
    /// A task due on a date.
    Day(NaiveDate),
}

/// One item found in the range, small enough to sort: the instant it starts at, its source
/// and how it is shown; for an occurrence of a series, its original (local) start.
struct Hit {
    at: DateTime<Utc>,
    source: u32,
    shown: Shown,
    occurrence: Option<NaiveDateTime>,
}

/// The sources and items found so far. Items are built once, in their order, at the end:
/// sorting and growing a list of tens of thousands of whole items was most of a team view.
#[derive(Default)]
struct Found {
    sources: Vec<Source>,
    hits: Vec<Hit>,
}

impl Found {
    /// Adds a source; its items follow with the index returned.
    fn source(&mut self, source: Source) -> u32 {
        self.sources.push(source);
        (self.sources.len() - 1) as u32
    }

    fn hit(&mut self, source: u32, at: DateTime<Utc>, shown: Shown, occurrence: Option<NaiveDateTime>) {
        self.hits.push(Hit { at, source, shown, occurrence });
    }

    /// Takes `other`'s sources and items after this one's.
    fn append(&mut self, other: Found) {
        let offset = self.sources.len() as u32;
        self.sources.extend(other.sources);
        self.hits.extend(other.hits.into_iter().map(|hit| Hit { source: hit.source + offset, ..hit }));
    }

    /// The items by start (those starting together in the order they were found).
    fn items(mut self, range: &Range) -> Vec<CalendarItem> {
        // A source's hits are found together and at distinct instants: (start, source) orders
        // them as they were found, without a stable sort's buffer.
        self.hits.sort_unstable_by_key(|h| (h.at, h.source));
        let mut written = Written::default();
        self.hits.iter().map(|hit| self.item(hit, range, &mut written)).collect()
    }

    fn item(&self, hit: &Hit, range: &Range, written: &mut Written) -> CalendarItem {
        let s = &self.sources[hit.source as usize];
        let mut shown = |t: DateTime<Utc>| written.text(t.timestamp() * 4, || range.show(t));
        let (start, end) = match hit.shown {
            Shown::Until(end) => (shown(hit.at), Some(shown(end))),
            Shown::Dates(first, after) => (written.local(first, true), Some(written.local(after, true))),
            Shown::At => (shown(hit.at), None),
            Shown::Day(date) => (written.local(date.and_time(NaiveTime::MIN), true), None),
        };
        let occurrence = match hit.occurrence {
            Some(original) => Some(written.local(original, s.shown.all_day)),
            None => s.recurrence_id.clone(),
        };
        CalendarItem { of: s.shown.clone(), occurrence, start, end }
    }
}

/// The texts of the times a view has written: it has tens of thousands of items but a few hundred
/// distinct starts and ends (meetings begin on the hour), so each is written once. Kept by the
/// minute they are in; a time that finds its place taken is written again.
struct Written {
    slots: Vec<Option<(i64, Text)>>,
}

impl Default for Written {
    fn default() -> Self {
        Written { slots: vec![None; 1024] }
    }
}

impl Written {
    /// The text of the time `key` (its seconds times four, plus 1 for a local time or 3 for a
    /// local date), written once.
    fn text(&mut self, key: i64, write: impl FnOnce() -> Text) -> Text {
        let slot = &mut self.slots[(key / 240).rem_euclid(1024) as usize];
        match slot {
            Some((k, text)) if *k == key => text.clone(),
            _ => slot.insert((key, write())).1.clone(),
        }
    }

    /// A local time as stored (`local_text`).
    fn local(&mut self, t: NaiveDateTime, all_day: bool) -> Text {
        let key = t.and_utc().timestamp() * 4 + if all_day { 3 } else { 1 };
        self.text(key, || local_stamp(t, all_day))
    }
}

/// Where an event occurrence starting at local `start` is shown, if it overlaps the range.
fn place(range: &Range, t: &Times, start: NaiveDateTime) -> Option<(DateTime<Utc>, Shown)> {
    let end = start + t.duration();
    if t.all_day {
        let at = range.day_start(start.date());
        return range.overlaps(at, range.day_start(end.date())).then_some((at, Shown::Dates(start, end)));
    }
    let at = t.instant(start)?;
    let until = t.instant(end).or_else(|| t.instant(end + Duration::hours(1)))?;
    range.overlaps(at, until).then_some((at, Shown::Until(until)))
}

/// An event row's items in the range: a single event or moved occurrence, or the series'
/// occurrences less its EXDATEs and moved ones.
fn place_row(range: &Range, moved: &occurrences::Moved, row: EventRow, out: &mut Found) -> Result<()> {
    let EventRow { source, times: t, rrule, exdates } = row;
    let Some(rule) = rrule.as_deref() else {
        let placed = if t.all_day {
            place(range, &t, t.start)
        } else {
            range.overlaps(t.start_at, t.end_at).then_some((t.start_at, Shown::Until(t.end_at)))
        };
        if let Some((at, shown)) = placed {
            let source = out.source(source);
            out.hit(source, at, shown, None);
        }
        return Ok(());
    };
    let skip = moved.skipped(&source.shown.id, &exdates, t.all_day);
    let starts = occurrences::between(rule, t.start, t.tz, t.all_day, (range.from, range.to), t.duration())?;
    // The series becomes a source at its first occurrence in the range.
    let (mut source, mut index) = (Some(source), 0);
    for start in starts {
        if skip.binary_search(&start).is_ok() {
            continue;
        }
        if let Some((at, shown)) = place(range, &t, start) {
            if let Some(source) = source.take() {
                index = out.source(source);
            }
            out.hit(index, at, shown, Some(start));
        }
    }
    Ok(())
}

/// The two halves of a calendar's events, read apart (on the two cores).
#[derive(Clone, Copy)]
enum Span {
    /// Single events and moved occurrences shorter than a week, by their start.
    Short,
    /// Series and long events, by their end.
    Long,
}

fn events(conn: &Connection, range: &Range, owner: Option<&str>, span: Span, out: &mut Found) -> Result<()> {
    let moved = occurrences::Moved::read(conn)?;
    // Short events by their start (they cannot begin more than a week before the range and
    // reach into it), series and long events by their end; both indexes hold every column read
    // here and answer the owner too.
    let mut stmt = conn.prepare_cached(match span {
        Span::Short => {
            "SELECT id, series_id, recurrence_id, owner_id, NULL, subject, location, status, all_day,
                    start_local, end_local, tz, NULL, record_type, record_id
             FROM events INDEXED BY events_short_by_start
             WHERE deleted_at IS NULL AND span_long = 0 AND span_start >= ?4 AND span_start < ?2 AND span_end > ?1
               AND (?3 IS NULL OR owner_id = ?3)"
        }
        Span::Long => {
            "SELECT id, series_id, recurrence_id, owner_id, exdates, subject, location, status, all_day,
                    start_local, end_local, tz, rrule, record_type, record_id
             FROM events INDEXED BY events_long_by_end
             WHERE deleted_at IS NULL AND span_long = 1 AND span_end > ?1 AND span_start < ?2
               AND (?3 IS NULL OR owner_id = ?3)"
        }
    })?;
    let (from, to) = (activities::instant_text(range.from), activities::instant_text(range.to));
    let look_back = range.from - Duration::days(events::SHORT_SPAN_DAYS) - Duration::hours(14);
    let mut rows = match span {
        Span::Short => stmt.query((from, to, owner, activities::instant_text(look_back)))?,
        Span::Long => stmt.query((from, to, owner))?,
    };
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
        let status: EventStatus = r.get(7)?;
        let id: Text = r.get(0)?;
        // A series' occurrences belong to the series itself.
        let series_id = series_id.or_else(|| rrule.as_ref().map(|_| id.clone()));
        let shown = ItemSource {
            item_type: ItemType::Event,
            id,
            series_id,
            subject: r.get(5)?,
            status: status.as_str().into(),
            location: r.get(6)?,
            owner_id: r.get(3)?,
            record: activities::record_from(r.get(13)?, r.get(14)?),
            all_day: times.all_day,
        };
        let source = Source { shown: Arc::new(shown), recurrence_id: r.get(2)? };
        place_row(range, &moved, EventRow { source, times, rrule, exdates }, out)?;
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
    let mut rows = stmt.query((first.to_string(), after_last.to_string(), owner))?;
    while let Some(r) = rows.next()? {
        let text = |i: usize| r.get_ref(i).and_then(|v| Ok(v.as_str_or_null()?));
        let Ok(date) = NaiveDate::parse_from_str(text(2)?.unwrap_or_default(), "%Y-%m-%d") else { continue };
        let (at, shown) = match text(3)?.and_then(|t| NaiveTime::parse_from_str(t, "%H:%M").ok()) {
            Some(time) => {
                let Some(at) = recurrence::to_utc(range.tz, date.and_time(time)) else { continue };
                if at < range.from || at >= range.to {
                    continue;
                }
                (at, Shown::At)
            }
            None => {
                let at = range.day_start(date);
                if !range.overlaps(at, range.day_start(date + Duration::days(1))) {
                    continue;
                }
                (at, Shown::Day(date))
            }
        };
        let task = ItemSource {
            item_type: ItemType::Task,
            id: r.get(0)?,
            series_id: None,
            subject: r.get(1)?,
            status: r.get(4)?,
            location: Text::default(),
            owner_id: r.get(5)?,
            record: activities::record_from(r.get(6)?, r.get(7)?),
            all_day: matches!(shown, Shown::Day(_)),
        };
        let source = out.source(Source { shown: Arc::new(task), recurrence_id: None });
        out.hit(source, at, shown, None);
    }
    Ok(())
}

/// An event row as read: what its items show, its times, and for a series its rule and EXDATEs.
struct EventRow {
    source: Source,
    times: Times,
    rrule: Option<String>,
    /// EXDATEs, read only for a series that has any.
    exdates: Vec<String>,
}

/// What `look` finds on `conn` in one read transaction, with the last change that transaction
/// sees (every write through the write path adds one).
fn seen(conn: &Connection, look: impl FnOnce(&Connection, &mut Found) -> Result<()>) -> Result<(Found, i64)> {
    let tx = conn.unchecked_transaction()?;
    let last_change = tx.query_row("SELECT coalesce(max(seq), 0) FROM change_log", [], |r| r.get(0))?;
    let mut out = Found::default();
    look(&tx, &mut out)?;
    Ok((out, last_change))
}

pub fn range(store: &Store, query: CalendarQuery) -> Result<Vec<CalendarItem>> {
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
    let short = |c: &Connection, out: &mut Found| match wants(ItemType::Event) {
        true => events(c, &range, owner, Span::Short, out),
        false => Ok(()),
    };
    let long_and_tasks = |c: &Connection, out: &mut Found| {
        if wants(ItemType::Event) {
            events(c, &range, owner, Span::Long, out)?;
        }
        match wants(ItemType::Task) {
            true => tasks(c, &range, owner, out),
            false => Ok(()),
        }
    };
    // The series (most of the work) are read and expanded on a second core while this one reads
    // the short events; both halves must see the same data, else it is all read again on one.
    let (here, there) = std::thread::scope(|scope| {
        let there = scope.spawn(|| store.read(|c| seen(c, long_and_tasks)));
        let here = store.read(|c| seen(c, short));
        (here, there.join())
    });
    let there = there.map_err(|_| Error::internal("the calendar's second reader stopped"))?;
    let found = match (here?, there?) {
        ((mut found, seen_here), (rest, seen_there)) if seen_here == seen_there => {
            found.append(rest);
            found
        }
        _ => {
            let both = |c: &Connection, out: &mut Found| {
                short(c, out)?;
                long_and_tasks(c, out)
            };
            store.read(|c| seen(c, both))?.0
        }
    };
    Ok(found.items(&range))
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
