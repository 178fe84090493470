//! Events (meetings): a start and end in an IANA time zone, or all-day dates;
//! attendees, a linked record, a status and a reminder. An event may recur
//! (an RRULE with EXDATEs); a moved or changed occurrence is a row of its own
//! keyed by its original start (RFC 5545 RECURRENCE-ID). Edits and deletes of a
//! series apply to this occurrence, this and the following ones, or all.

use crate::activities::{self, RecordLink};
use crate::error::{Error, Result};
use crate::patch::apply_patch;
use crate::recurrence::{self, Series};
use crate::write::{check_live, Fields, RecordKind, SearchSpec, Writer};
use crate::IdArgs;
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

pub static EVENT: RecordKind = RecordKind {
    name: "event",
    table: "events",
    json_columns: &["exdates"],
    derived: &["span_start", "span_end", "span_long", "activity_date"],
    tagged: false,
    search: Some(SearchSpec {
        table: "events_fts",
        columns: &["subject", "other"],
        source: &["subject", "location", "notes"],
        document: |f| {
            let text = |k: &str| f.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
            vec![text("subject"), [text("location"), text("notes")].join(" ")]
        },
    }),
};

pub static EVENT_ATTENDEE: RecordKind = RecordKind {
    name: "event_attendee",
    table: "event_attendees",
    json_columns: &[],
    derived: &[],
    tagged: false,
    search: None,
};

/// Events up to this long are found by their start alone (the calendar range looks back this far).
pub const SHORT_SPAN_DAYS: i64 = 7;
/// `span_end` of a series without end.
pub const OPEN_END: &str = "9999-12-31T23:59:59.000Z";
const MAX_REMINDER_MINUTES: u32 = 40_320; // four weeks
const MAX_NOTES: usize = 20_000;
const LOCAL_FORMAT: &str = "%Y-%m-%dT%H:%M:%S";
const DATE_FORMAT: &str = "%Y-%m-%d";

/// An event's status. Unlike a task, an event cannot be deferred.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    #[default]
    Planned,
    Held,
    NotHeld,
}

impl EventStatus {
    pub const ALL: [EventStatus; 3] = [EventStatus::Planned, EventStatus::Held, EventStatus::NotHeld];

    /// The stored and serialized name.
    pub fn as_str(self) -> &'static str {
        match self {
            EventStatus::Planned => "planned",
            EventStatus::Held => "held",
            EventStatus::NotHeld => "not_held",
        }
    }
}

/// Read straight from the column (the calendar reads thousands); an unknown name reads as planned.
impl rusqlite::types::FromSql for EventStatus {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        let text = value.as_str()?;
        Ok(EventStatus::ALL.into_iter().find(|s| s.as_str() == text).unwrap_or_default())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AttendeeType {
    Contact,
    Lead,
    User,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Attendee {
    #[serde(rename = "type")]
    pub attendee_type: AttendeeType,
    pub id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct EventInput {
    pub subject: String,
    pub location: String,
    pub notes: String,
    pub status: EventStatus,
    pub all_day: bool,
    /// Local start in `tz`: `2026-03-05T09:00`; all-day: the date `2026-03-05`.
    pub start: String,
    /// Local end (exclusive; all-day: the day after the last day). Empty: one hour, or one day.
    pub end: Option<String>,
    /// IANA time zone of start and end (empty for all-day events).
    pub tz: String,
    /// RFC 5545 RRULE value, e.g. `FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=10`.
    pub rrule: Option<String>,
    pub record: Option<RecordLink>,
    pub attendees: Vec<Attendee>,
    /// Empty: the current user.
    pub owner_id: Option<String>,
    /// Minutes before each start.
    pub reminder_minutes: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Event {
    pub id: String,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
    /// Original starts (local) taken out of the series (EXDATE).
    pub exdates: Vec<String>,
    /// For a moved or changed occurrence: its series and original start (RECURRENCE-ID).
    pub series_id: Option<String>,
    pub recurrence_id: Option<String>,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: EventInput,
}

/// Which occurrences of a series an edit or delete applies to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EditScope {
    /// The one occurrence (`occurrence`): an override, or an EXDATE when deleting.
    This,
    /// That occurrence and the later ones: the series is split there.
    ThisAndFollowing,
    #[default]
    All,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct EventUpdate {
    pub id: String,
    #[serde(default)]
    #[ts(optional)]
    pub scope: Option<EditScope>,
    /// The occurrence's original start (local, as `calendar_range` gives it) for `this` and `this_and_following`.
    #[serde(default)]
    #[ts(optional)]
    pub occurrence: Option<String>,
    #[ts(type = "Partial<EventInput>")]
    pub changes: serde_json::Map<String, Value>,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct EventDelete {
    pub id: String,
    #[serde(default)]
    #[ts(optional)]
    pub scope: Option<EditScope>,
    #[serde(default)]
    #[ts(optional)]
    pub occurrence: Option<String>,
}

/// Reads a local start or end: a date-time (`2026-03-05T09:00[:00]`) or, all-day, a date.
pub fn parse_local(field: &str, text: &str, all_day: bool) -> Result<NaiveDateTime> {
    let text = text.trim();
    if let Some(t) = parse_stored(text, all_day) {
        return Ok(t); // the stored form, read without a format parser (the calendar reads thousands)
    }
    if all_day {
        let date = NaiveDate::parse_from_str(text, DATE_FORMAT)
            .map_err(|_| Error::invalid(field, format!("{text:?} is not a date (YYYY-MM-DD)")))?;
        return Ok(date.and_hms_opt(0, 0, 0).unwrap_or_default());
    }
    NaiveDateTime::parse_from_str(text, LOCAL_FORMAT)
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M"))
        .map_err(|_| Error::invalid(field, format!("{text:?} is not a local date and time (YYYY-MM-DDTHH:MM)")))
}

/// Reads exactly `YYYY-MM-DD` (all-day) or `YYYY-MM-DDTHH:MM:SS`.
fn parse_stored(text: &str, all_day: bool) -> Option<NaiveDateTime> {
    let b = text.as_bytes();
    let num = |from: usize, to: usize| -> Option<u32> {
        b.get(from..to)?.iter().try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
    };
    let date = NaiveDate::from_ymd_opt(num(0, 4)? as i32, num(5, 7)?, num(8, 10)?)?;
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    if all_day {
        return (b.len() == 10).then(|| date.and_hms_opt(0, 0, 0)).flatten();
    }
    if b.len() != 19 || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    date.and_hms_opt(num(11, 13)?, num(14, 16)?, num(17, 19)?)
}

/// The stored form of a local time: `YYYY-MM-DDTHH:MM:SS`, or the date of an all-day one.
pub fn local_text(t: NaiveDateTime, all_day: bool) -> String {
    use chrono::{Datelike, Timelike};
    let mut bytes = [0; 19];
    match write_local(&mut bytes, t, all_day) {
        Some(len) => std::str::from_utf8(&bytes[..len]).unwrap_or_default().to_owned(),
        None => {
            let date = format!("{:04}-{:02}-{:02}", t.year(), t.month(), t.day());
            if all_day {
                date
            } else {
                format!("{date}T{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second())
            }
        }
    }
}

/// Writes `local_text` into the start of `out` (at least 19 bytes) and gives its length, or `None`
/// for a year outside 0–9999. By hand: the calendar writes one for every occurrence it shows.
pub(crate) fn write_local(out: &mut [u8], t: NaiveDateTime, all_day: bool) -> Option<usize> {
    use chrono::{Datelike, Timelike};
    if !(0..=9999).contains(&t.year()) || out.len() < 19 {
        return None;
    }
    put_digits(&mut out[0..4], t.year() as u32);
    out[4] = b'-';
    put_digits(&mut out[5..7], t.month());
    out[7] = b'-';
    put_digits(&mut out[8..10], t.day());
    if all_day {
        return Some(10);
    }
    out[10] = b'T';
    put_digits(&mut out[11..13], t.hour());
    out[13] = b':';
    put_digits(&mut out[14..16], t.minute());
    out[16] = b':';
    put_digits(&mut out[17..19], t.second());
    Some(19)
}

/// The last `out.len()` decimal digits of `n`, zero-padded.
pub(crate) fn put_digits(out: &mut [u8], mut n: u32) {
    for digit in out.iter_mut().rev() {
        *digit = b'0' + (n % 10) as u8;
        n /= 10;
    }
}

/// An event's times, resolved.
pub(crate) struct Times {
    pub tz: chrono_tz::Tz,
    pub all_day: bool,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    /// The instants of `start` and `end` (`instant` of each).
    pub start_at: DateTime<Utc>,
    pub end_at: DateTime<Utc>,
}

impl Times {
    pub fn duration(&self) -> Duration {
        self.end - self.start
    }

    /// The instant of a local time of this event; all-day times are floating, read here as UTC.
    pub fn instant(&self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        instant_in(self.tz, self.all_day, local)
    }
}

fn instant_in(tz: chrono_tz::Tz, all_day: bool, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    if all_day {
        Some(local.and_utc())
    } else {
        recurrence::to_utc(tz, local)
    }
}

pub(crate) fn times(e: &EventInput) -> Result<Times> {
    times_of(e.all_day, &e.start, e.end.as_deref(), &e.tz)
}

/// `times` of the stored texts (the calendar reads them without building an `EventInput`).
pub(crate) fn times_of(all_day: bool, start_text: &str, end: Option<&str>, tz_name: &str) -> Result<Times> {
    let tz = if all_day { chrono_tz::UTC } else { recurrence::zone("tz", tz_name)? };
    let start = parse_local("start", start_text, all_day)?;
    let end = match end.map(str::trim).filter(|s| !s.is_empty()) {
        Some(end) => parse_local("end", end, all_day)?,
        None if all_day => start + Duration::days(1),
        None => start + Duration::hours(1),
    };
    let Some(start_at) = instant_in(tz, all_day, start) else {
        return Err(Error::invalid("start", format!("{start_text} does not exist in {tz_name} (the clock skips it)")));
    };
    let Some(end_at) = instant_in(tz, all_day, end) else {
        return Err(Error::invalid("end", "That time does not exist in this time zone (the clock skips it)"));
    };
    if end_at <= start_at {
        return Err(Error::invalid("end", "The end must be after the start"));
    }
    Ok(Times { tz, all_day, start, end, start_at, end_at })
}

/// Checks an event and completes it (end, normalised times and rule). `override_of`: the series
/// this row is an occurrence of (it cannot recur itself).
fn validate(w: &Writer, input: &EventInput, override_of: bool) -> Result<(EventInput, Times, Option<Series>)> {
    let mut e = input.clone();
    e.subject = activities::subject("subject", &input.subject)?;
    e.location = input.location.trim().to_owned();
    crate::fields::check_len("location", &e.location, crate::fields::MAX_TEXT)?;
    e.notes = input.notes.trim_end().to_owned();
    crate::fields::check_len("notes", &e.notes, MAX_NOTES)?;
    let t = times(&e)?;
    e.tz = if e.all_day { String::new() } else { t.tz.name().to_owned() };
    e.start = local_text(t.start, t.all_day);
    e.end = Some(local_text(t.end, t.all_day));
    if e.status == EventStatus::Held {
        // An all-day event has begun once its day has begun anywhere (UTC+14).
        let begins =
            if t.all_day { t.start.and_utc() - Duration::hours(14) } else { t.instant(t.start).unwrap_or_default() };
        if begins > w.now() {
            return Err(Error::invalid("status", "An event cannot be held before it starts"));
        }
    }
    if let Some(m) = e.reminder_minutes {
        if m > MAX_REMINDER_MINUTES {
            return Err(Error::invalid("reminder_minutes", "A reminder is at most four weeks before the start"));
        }
    }
    let series = match e.rrule.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        Some(_) if override_of => {
            return Err(Error::invalid("rrule", "One occurrence of a series cannot recur itself"))
        }
        Some(text) => {
            let s = Series::parse(text, t.start, t.tz, t.all_day)?;
            if !s.is_occurrence(t.start)? {
                return Err(Error::invalid("rrule", "The start is not one of the rule's occurrences"));
            }
            e.rrule = Some(s.text());
            Some(s)
        }
        None => {
            e.rrule = None;
            None
        }
    };
    let mut seen = Vec::new();
    for (i, a) in e.attendees.iter().enumerate() {
        let field = format!("attendees[{i}]");
        let kind = match a.attendee_type {
            AttendeeType::Contact => &crate::contacts::CONTACT,
            AttendeeType::Lead => &crate::leads::LEAD,
            AttendeeType::User => &crate::users::USER,
        };
        check_live(w.conn(), kind, &a.id, &field)?;
        if seen.contains(&&a.id) {
            return Err(Error::invalid(&field, "This attendee is already on the event"));
        }
        seen.push(&a.id);
    }
    Ok((e, t, series))
}

fn span(t: &Times, series: Option<&Series>) -> Result<(String, String)> {
    let widen = if t.all_day { Duration::hours(14) } else { Duration::zero() };
    let start = t.instant(t.start).unwrap_or_default() - widen;
    let end = match series {
        None => Some(t.end),
        Some(s) => s.last_start()?.map(|last| last + t.duration()),
    };
    let end = match end {
        Some(end) => {
            activities::instant_text(t.instant(end).or(t.instant(end + Duration::hours(1))).unwrap_or_default() + widen)
        }
        None => OPEN_END.to_owned(),
    };
    Ok((activities::instant_text(start), end))
}

fn to_fields(w: &Writer, e: &EventInput, t: &Times, series: Option<&Series>, exdates: &[String]) -> Result<Fields> {
    let mut f = Fields::new();
    f.insert("owner_id".into(), activities::owner(w.conn(), e.owner_id.as_deref(), w.actor_id())?);
    f.insert("subject".into(), e.subject.clone().into());
    f.insert("location".into(), e.location.clone().into());
    f.insert("notes".into(), e.notes.clone().into());
    f.insert("status".into(), serde_json::to_value(e.status)?);
    f.insert("all_day".into(), e.all_day.into());
    f.insert("tz".into(), e.tz.clone().into());
    f.insert("start_local".into(), e.start.clone().into());
    f.insert("end_local".into(), e.end.clone().into());
    f.insert("rrule".into(), e.rrule.clone().into());
    f.insert("exdates".into(), serde_json::to_value(exdates)?);
    activities::link_fields(w.conn(), e.record.as_ref(), None, &mut f)?;
    f.remove("person_type");
    f.remove("person_id");
    f.insert("reminder_minutes".into(), e.reminder_minutes.into());
    let (span_start, span_end) = span(t, series)?;
    let long = series.is_some() || t.duration() > Duration::days(SHORT_SPAN_DAYS - 1);
    f.insert("span_long".into(), long.into());
    f.insert("span_start".into(), span_start.into());
    f.insert("span_end".into(), span_end.into());
    f.insert("activity_date".into(), t.start.date().to_string().into());
    Ok(f)
}

const SELECT: &str = "SELECT id, created_at, updated_at, deleted_at, exdates, series_id, recurrence_id, subject, location,
    notes, status, all_day, start_local, end_local, tz, rrule, record_type, record_id, owner_id, reminder_minutes FROM events";

fn from_row(r: &Row) -> rusqlite::Result<Event> {
    fn json<T: serde::de::DeserializeOwned>(i: usize, text: String) -> rusqlite::Result<T> {
        serde_json::from_str(&text)
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
    }
    Ok(Event {
        id: r.get(0)?,
        created_at: r.get(1)?,
        updated_at: r.get(2)?,
        deleted_at: r.get(3)?,
        exdates: json(4, r.get(4)?)?,
        series_id: r.get(5)?,
        recurrence_id: r.get(6)?,
        fields: EventInput {
            subject: r.get(7)?,
            location: r.get(8)?,
            notes: r.get(9)?,
            status: json(10, format!("\"{}\"", r.get::<_, String>(10)?))?,
            all_day: r.get(11)?,
            start: r.get(12)?,
            end: r.get(13)?,
            tz: r.get(14)?,
            rrule: r.get(15)?,
            record: activities::record_from(r.get(16)?, r.get(17)?),
            attendees: Vec::new(),
            owner_id: r.get(18)?,
            reminder_minutes: r.get(19)?,
        },
    })
}

pub fn get(conn: &Connection, args: IdArgs) -> Result<Event> {
    let mut event = conn
        .prepare_cached(&format!("{SELECT} WHERE id = ?1"))?
        .query_row([&args.id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("event", &args.id))?;
    event.fields.attendees = conn
        .prepare_cached(
            "SELECT attendee_type, attendee_id FROM event_attendees WHERE event_id = ?1 AND deleted_at IS NULL ORDER BY rowid",
        )?
        .query_map([&args.id], |r| {
            let kind: String = r.get(0)?;
            Ok(Attendee {
                attendee_type: match kind.as_str() {
                    "contact" => AttendeeType::Contact,
                    "lead" => AttendeeType::Lead,
                    _ => AttendeeType::User,
                },
                id: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(event)
}

/// Makes the event's live attendee rows the given list.
fn sync_attendees(w: &mut Writer, event_id: &str, attendees: &[Attendee]) -> Result<()> {
    let current: Vec<(String, String)> = w
        .conn()
        .prepare_cached("SELECT id, attendee_id FROM event_attendees WHERE event_id = ?1 AND deleted_at IS NULL")?
        .query_map([event_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (row_id, attendee_id) in &current {
        if !attendees.iter().any(|a| &a.id == attendee_id) {
            w.delete(&EVENT_ATTENDEE, row_id)?;
        }
    }
    for a in attendees {
        if !current.iter().any(|(_, id)| id == &a.id) {
            let mut f = Fields::new();
            f.insert("event_id".into(), event_id.into());
            f.insert("attendee_type".into(), serde_json::to_value(a.attendee_type)?);
            f.insert("attendee_id".into(), a.id.clone().into());
            w.insert(&EVENT_ATTENDEE, &crate::new_id(), f)?;
        }
    }
    Ok(())
}

fn insert(w: &mut Writer, input: &EventInput, parent: Option<(&str, &str)>, exdates: &[String]) -> Result<Event> {
    insert_with_uid(w, input, parent, exdates, None)
}

/// Inserts an event; `uid` is the iCalendar UID it was imported with (a re-import updates it).
pub(crate) fn insert_with_uid(
    w: &mut Writer,
    input: &EventInput,
    parent: Option<(&str, &str)>,
    exdates: &[String],
    uid: Option<&str>,
) -> Result<Event> {
    let (e, t, series) = validate(w, input, parent.is_some())?;
    let mut fields = to_fields(w, &e, &t, series.as_ref(), exdates)?;
    if let Some(uid) = uid {
        fields.insert("ical_uid".into(), uid.into());
    }
    if let Some((series_id, recurrence_id)) = parent {
        fields.insert("series_id".into(), series_id.into());
        fields.insert("recurrence_id".into(), recurrence_id.into());
    }
    let id = crate::new_id();
    w.insert(&EVENT, &id, fields)?;
    sync_attendees(w, &id, &e.attendees)?;
    get(w.conn(), IdArgs { id })
}

pub fn create(w: &mut Writer, input: EventInput) -> Result<Event> {
    insert(w, &input, None, &[])
}

/// Writes a new state of a stored event (its exdates given).
pub(crate) fn rewrite(
    w: &mut Writer,
    id: &str,
    next: &EventInput,
    exdates: &[String],
    is_override: bool,
) -> Result<Event> {
    let (e, t, series) = validate(w, next, is_override)?;
    let fields = to_fields(w, &e, &t, series.as_ref(), exdates)?;
    w.update(&EVENT, id, fields)?;
    sync_attendees(w, id, &e.attendees)?;
    get(w.conn(), IdArgs { id: id.into() })
}

fn live(conn: &Connection, id: &str) -> Result<Event> {
    let e = get(conn, IdArgs { id: id.into() })?;
    if e.deleted_at.is_some() {
        return Err(Error::conflict("This event was deleted; restore it before changing it"));
    }
    Ok(e)
}

/// A series' rule, read back from a stored series.
fn series_of(e: &Event) -> Result<(Series, Times)> {
    let t = times(&e.fields)?;
    let rule = e.fields.rrule.as_deref().ok_or_else(|| Error::internal("not a series"))?;
    Ok((Series::parse(rule, t.start, t.tz, t.all_day)?, t))
}

/// The occurrence an edit names: one of the series' starts that was not taken out.
fn occurrence(series: &Event, rule: &Series, text: Option<&str>) -> Result<NaiveDateTime> {
    let text = text.ok_or_else(|| Error::invalid("occurrence", "Say which occurrence (its original start)"))?;
    let at = parse_local("occurrence", text, series.fields.all_day)?;
    let key = local_text(at, series.fields.all_day);
    if series.exdates.contains(&key) || !rule.is_occurrence(at)? {
        return Err(Error::invalid("occurrence", format!("{text} is not an occurrence of this series")));
    }
    Ok(at)
}

/// The overrides (moved occurrences) of a series: (id, original start).
pub(crate) fn overrides(conn: &Connection, series_id: &str) -> Result<Vec<(String, String)>> {
    Ok(conn
        .prepare_cached("SELECT id, recurrence_id FROM events WHERE series_id = ?1 AND deleted_at IS NULL")?
        .query_map([series_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Shifts original starts by `delta` (the series moved); moves those at or after `from` to `to_series`.
fn carry_exceptions(
    w: &mut Writer,
    from_series: &str,
    to_series: &str,
    from: Option<&str>,
    delta: Duration,
    all_day: bool,
) -> Result<()> {
    let shift = |key: &str| -> String {
        match parse_local("occurrence", key, all_day) {
            Ok(t) => local_text(t + delta, all_day),
            Err(_) => key.to_owned(),
        }
    };
    for (id, key) in overrides(w.conn(), from_series)? {
        if from.is_none_or(|f| key.as_str() >= f) {
            let mut f = Fields::new();
            f.insert("series_id".into(), to_series.into());
            f.insert("recurrence_id".into(), shift(&key).into());
            w.update(&EVENT, &id, f)?;
        }
    }
    Ok(())
}

pub fn update(w: &mut Writer, args: EventUpdate) -> Result<Event> {
    let current = live(w.conn(), &args.id)?;
    if current.series_id.is_some() || current.fields.rrule.is_none() {
        let next = apply_patch(&current.fields, args.changes)?;
        return rewrite(w, &current.id, &next, &current.exdates, current.series_id.is_some());
    }
    let (rule, t) = series_of(&current)?;
    let all_day = current.fields.all_day;
    match args.scope.unwrap_or_default() {
        EditScope::All => update_all(w, &current, &t, args.changes),
        EditScope::This => {
            let at = occurrence(&current, &rule, args.occurrence.as_deref())?;
            let key = local_text(at, all_day);
            if let Some((id, _)) = overrides(w.conn(), &current.id)?.into_iter().find(|(_, k)| *k == key) {
                let existing = get(w.conn(), IdArgs { id: id.clone() })?;
                let next = apply_patch(&existing.fields, args.changes)?;
                return rewrite(w, &id, &next, &[], true);
            }
            let base = EventInput {
                start: key.clone(),
                end: Some(local_text(at + t.duration(), all_day)),
                rrule: None,
                ..current.fields.clone()
            };
            let next = apply_patch(&base, args.changes)?;
            insert(w, &next, Some((&current.id, &key)), &[])
        }
        EditScope::ThisAndFollowing => {
            let at = occurrence(&current, &rule, args.occurrence.as_deref())?;
            if at == t.start {
                return update_all(w, &current, &t, args.changes);
            }
            let key = local_text(at, all_day);
            let remaining = rule.count().map(|n| n.saturating_sub(rule.count_before(at).unwrap_or(0)));
            let following = rule.starting(at)?.with_count(remaining)?;
            let base = EventInput {
                start: key.clone(),
                end: Some(local_text(at + t.duration(), all_day)),
                rrule: Some(following.text()),
                ..current.fields.clone()
            };
            let next = apply_patch(&base, args.changes)?;
            let (earlier, later): (Vec<String>, Vec<String>) =
                current.exdates.iter().cloned().partition(|k| k.as_str() < key.as_str());
            end_series_before(w, &current, &rule, &t, at, &earlier)?;
            let created = insert(w, &next, None, &[])?;
            let delta = parse_local("start", &created.fields.start, all_day)? - at;
            let shifted: Vec<String> = later
                .iter()
                .filter_map(|k| parse_local("exdates", k, all_day).ok())
                .map(|k| local_text(k + delta, all_day))
                .collect();
            carry_exceptions(w, &current.id, &created.id, Some(&key), delta, all_day)?;
            if !shifted.is_empty() {
                let mut f = Fields::new();
                f.insert("exdates".into(), serde_json::to_value(&shifted)?);
                w.update(&EVENT, &created.id, f)?;
            }
            get(w.conn(), IdArgs { id: created.id })
        }
    }
}

/// Edits every occurrence; if the start moves, the exceptions move with it.
fn update_all(w: &mut Writer, current: &Event, t: &Times, changes: serde_json::Map<String, Value>) -> Result<Event> {
    let next = apply_patch(&current.fields, changes)?;
    let all_day = next.all_day;
    let new_start = parse_local("start", &next.start, all_day)?;
    let delta = if all_day == current.fields.all_day { new_start - t.start } else { Duration::zero() };
    let exdates: Vec<String> = current
        .exdates
        .iter()
        .filter_map(|k| parse_local("exdates", k, all_day).ok())
        .map(|k| local_text(k + delta, all_day))
        .collect();
    let updated = rewrite(w, &current.id, &next, &exdates, false)?;
    if !delta.is_zero() {
        carry_exceptions(w, &current.id, &current.id, None, delta, all_day)?;
    }
    Ok(updated)
}

/// Ends a series just before the occurrence `at` (UNTIL), keeping `exdates`.
fn end_series_before(
    w: &mut Writer,
    current: &Event,
    rule: &Series,
    t: &Times,
    at: NaiveDateTime,
    exdates: &[String],
) -> Result<()> {
    let until = t.instant(at).unwrap_or_default() - Duration::seconds(1);
    let ended = rule.with_until(until);
    let next = EventInput { rrule: Some(ended.text()), ..current.fields.clone() };
    rewrite(w, &current.id, &next, exdates, false)?;
    Ok(())
}

pub fn delete(w: &mut Writer, args: EventDelete) -> Result<Event> {
    let current = live(w.conn(), &args.id)?;
    // One occurrence that was moved: delete it from its series.
    if let (Some(series_id), Some(key)) = (&current.series_id, &current.recurrence_id) {
        let scope = args.scope.unwrap_or(EditScope::This);
        let occurrence = args.occurrence.clone().or(Some(key.clone()));
        return delete(w, EventDelete { id: series_id.clone(), scope: Some(scope), occurrence });
    }
    if current.fields.rrule.is_none() {
        w.delete(&EVENT, &current.id)?;
        return get(w.conn(), IdArgs { id: current.id });
    }
    let (rule, t) = series_of(&current)?;
    let all_day = current.fields.all_day;
    let scope = args.scope.unwrap_or_default();
    if scope == EditScope::All {
        w.delete(&EVENT, &current.id)?;
        return get(w.conn(), IdArgs { id: current.id });
    }
    let at = occurrence(&current, &rule, args.occurrence.as_deref())?;
    let key = local_text(at, all_day);
    let moved = overrides(w.conn(), &current.id)?;
    if scope == EditScope::ThisAndFollowing {
        if at == t.start {
            w.delete(&EVENT, &current.id)?;
            return get(w.conn(), IdArgs { id: current.id });
        }
        for (id, k) in moved.iter().filter(|(_, k)| k.as_str() >= key.as_str()) {
            let _ = k;
            w.delete(&EVENT, id)?;
        }
        let earlier: Vec<String> = current.exdates.iter().filter(|k| k.as_str() < key.as_str()).cloned().collect();
        end_series_before(w, &current, &rule, &t, at, &earlier)?;
        return get(w.conn(), IdArgs { id: current.id });
    }
    for (id, _) in moved.iter().filter(|(_, k)| *k == key) {
        w.delete(&EVENT, id)?;
    }
    let mut exdates = current.exdates.clone();
    exdates.push(key);
    exdates.sort();
    let mut f = Fields::new();
    f.insert("exdates".into(), serde_json::to_value(&exdates)?);
    w.update(&EVENT, &current.id, f)?;
    get(w.conn(), IdArgs { id: current.id })
}

pub fn restore(w: &mut Writer, args: IdArgs) -> Result<Event> {
    w.restore(&EVENT, &args.id)?;
    get(w.conn(), args)
}
