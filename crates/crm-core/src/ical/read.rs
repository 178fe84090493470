//! Reading a calendar file into the events and tasks it describes: dates and times
//! (UTC, floating, with a TZID, or VALUE=DATE), DTEND or DURATION, RRULE, EXDATE,
//! RECURRENCE-ID, STATUS, VALARM; VEVENT → event, VTODO → task. What cannot be read
//! at all (a bad date, a rule that does not parse, an unknown zone) is an error naming
//! its line; what Outpost cannot hold is reported and left out.

use super::lines::{at, Component, Line};
use super::zones::Zones;
use super::Issue;
use crate::error::Result;
use crate::events::{local_text, EventInput, EventStatus};
use crate::recurrence;
use crate::tasks::{Priority, TaskInput, TaskStatus};
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;

/// A date or date-time value as the file gives it.
#[derive(Debug, Clone, Copy)]
pub enum When {
    Date(NaiveDate),
    /// A local time in a zone (a TZID, or the calendar's zone for floating times).
    Local(NaiveDateTime, Tz),
    Utc(DateTime<Utc>),
}

impl When {
    pub fn instant(self) -> Option<DateTime<Utc>> {
        match self {
            When::Date(d) => Some(d.and_hms_opt(0, 0, 0)?.and_utc()),
            When::Local(t, tz) => recurrence::to_utc(tz, t).or_else(|| recurrence::to_utc(tz, t + Duration::hours(1))),
            When::Utc(u) => Some(u),
        }
    }

    /// The wall time of this value in `tz`.
    pub fn local_in(self, tz: Tz) -> NaiveDateTime {
        match self {
            When::Date(d) => d.and_hms_opt(0, 0, 0).unwrap_or_default(),
            When::Local(t, z) if z == tz => t,
            other => other.instant().map(|u| u.with_timezone(&tz).naive_local()).unwrap_or_default(),
        }
    }
}

pub struct EventItem {
    pub uid: String,
    pub line: u64,
    pub input: EventInput,
    pub exdates: Vec<String>,
    pub recurrence_id: Option<When>,
    pub cancelled: bool,
    /// The ATTENDEE addresses (`mailto:…`); those Outpost knows become attendees.
    pub attendees: Vec<String>,
    /// Property lines, to point a validation error at (`rrule` → the RRULE line).
    pub lines: Vec<(&'static str, u64)>,
}

pub struct TaskItem {
    pub uid: String,
    pub line: u64,
    pub input: TaskInput,
    pub completed_at: Option<String>,
    pub lines: Vec<(&'static str, u64)>,
}

#[derive(Default)]
pub struct Read {
    pub events: Vec<EventItem>,
    pub tasks: Vec<TaskItem>,
    /// Parts left out (a component without a start, RDATE, …).
    pub issues: Vec<Issue>,
    /// Components Outpost does not keep (journals, free/busy, a VEVENT without a start).
    pub skipped: u64,
}

struct Ctx<'a> {
    zones: &'a Zones,
    /// The zone of floating times and of single events given in UTC.
    tz: Tz,
}

fn date(line: &Line, value: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y%m%d")
        .map_err(|_| at(line.number, format!("{}: {value:?} is not a date (YYYYMMDD)", line.name)))
}

impl Ctx<'_> {
    /// One value (of a possibly comma-separated list) of a date or date-time property.
    fn when(&self, line: &Line, value: &str) -> Result<When> {
        let value = value.trim();
        if line.param("VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE")) || value.len() == 8 {
            return Ok(When::Date(date(line, value)?));
        }
        let bad = || at(line.number, format!("{}: {value:?} is not a date-time (YYYYMMDDTHHMMSS[Z])", line.name));
        if let Some(utc) = value.strip_suffix(['Z', 'z']) {
            let t = NaiveDateTime::parse_from_str(utc, "%Y%m%dT%H%M%S").map_err(|_| bad())?;
            return Ok(When::Utc(t.and_utc()));
        }
        let t = NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S").map_err(|_| bad())?;
        let tz = match line.param("TZID") {
            Some(id) => self.zones.get(id, line.number)?,
            None => self.tz,
        };
        Ok(When::Local(t, tz))
    }

    fn prop(&self, c: &Component, name: &str) -> Result<Option<(When, u64)>> {
        match c.prop(name) {
            Some(l) => Ok(Some((self.when(l, &l.value)?, l.number))),
            None => Ok(None),
        }
    }
}

/// Longer durations are refused (no event or alarm is ten years away).
const MAX_DURATION: Duration = Duration::days(3_660);

/// An RFC 5545 duration (`-P1DT2H`, `PT15M`, `P1W`).
pub fn duration(line: &Line, text: &str) -> Result<Duration> {
    let bad = || at(line.number, format!("{}: {text:?} is not a duration (e.g. -PT15M)", line.name));
    let t = text.trim();
    let (sign, rest) = match t.strip_prefix('-') {
        Some(r) => (-1, r),
        None => (1, t.strip_prefix('+').unwrap_or(t)),
    };
    let rest = rest.strip_prefix('P').ok_or_else(bad)?;
    let mut total = Duration::zero();
    let mut number = String::new();
    let mut seen = false;
    for c in rest.chars() {
        match c {
            '0'..='9' => number.push(c),
            'T' if number.is_empty() => {}
            'W' | 'D' | 'H' | 'M' | 'S' => {
                let n: i64 = number.parse().map_err(|_| bad())?;
                number.clear();
                seen = true;
                let part = match c {
                    'W' => Duration::try_weeks(n),
                    'D' => Duration::try_days(n),
                    'H' => Duration::try_hours(n),
                    'M' => Duration::try_minutes(n),
                    _ => Duration::try_seconds(n),
                };
                total = part.and_then(|p| total.checked_add(&p)).filter(|t| *t <= MAX_DURATION).ok_or_else(bad)?;
            }
            _ => return Err(bad()),
        }
    }
    if !seen || !number.is_empty() {
        return Err(bad());
    }
    Ok(total * sign)
}

/// When an alarm goes off relative to the event's start (negative: before).
fn alarm_offset(alarm: &Component, start: Option<DateTime<Utc>>, length: Duration) -> Result<Option<Duration>> {
    let Some(trigger) = alarm.prop("TRIGGER") else { return Ok(None) };
    if trigger.param("VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE-TIME")) {
        let t = NaiveDateTime::parse_from_str(trigger.value.trim().trim_end_matches('Z'), "%Y%m%dT%H%M%S")
            .map_err(|_| at(trigger.number, format!("TRIGGER: {:?} is not a UTC date-time", trigger.value)))?;
        return Ok(start.map(|s| t.and_utc() - s));
    }
    let offset = duration(trigger, &trigger.value)?;
    Ok(Some(if trigger.param("RELATED").is_some_and(|r| r.eq_ignore_ascii_case("END")) {
        length + offset
    } else {
        offset
    }))
}

/// The alarms that alert (Apple writes a silent `ACTION:NONE` placeholder).
fn alarms(c: &Component) -> impl Iterator<Item = &Component> {
    c.children.iter().filter(|a| a.name == "VALARM" && !a.text("ACTION").trim().eq_ignore_ascii_case("NONE"))
}

/// Minutes before the start of the earliest alarm (an alarm after the start rings at it).
fn reminder_minutes(c: &Component, start: Option<DateTime<Utc>>, length: Duration) -> Result<Option<u32>> {
    let mut best: Option<u32> = None;
    for alarm in alarms(c) {
        if let Some(offset) = alarm_offset(alarm, start, length)? {
            let before = (-offset.num_minutes()).clamp(0, 40_320) as u32;
            best = Some(best.map_or(before, |b| b.max(before)));
        }
    }
    Ok(best)
}

fn uid(c: &Component) -> String {
    let given = c.text("UID").trim().to_owned();
    if !given.is_empty() {
        return given;
    }
    // No UID: one made from what the component says, so importing the file again finds it.
    use sha2::Digest;
    let seed = format!("{}|{}|{}", c.text("SUMMARY"), c.text("DTSTART"), c.text("DUE"));
    let hash = sha2::Sha256::digest(seed.as_bytes());
    format!("outpost-{}", hash.iter().take(12).map(|b| format!("{b:02x}")).collect::<String>())
}

fn status_override(c: &Component) -> Option<String> {
    c.prop("X-OUTPOST-STATUS").map(|s| s.value.trim().to_lowercase())
}

fn event(ctx: &Ctx, calendar_tz: Tz, c: &Component, out: &mut Read) -> Result<()> {
    let Some((start, start_line)) = ctx.prop(c, "DTSTART")? else {
        out.issues.push(Issue { line: c.line, message: "A VEVENT without DTSTART is left out".into() });
        out.skipped += 1;
        return Ok(());
    };
    let rrule = c.prop("RRULE");
    if let Some(r) = rrule {
        // A rule that does not read makes the file unreadable; a frequency Outpost does not repeat
        // by (hourly and shorter) is reported with the event when it is written.
        let rule = r.value.trim();
        let frequent =
            ["FREQ=HOURLY", "FREQ=MINUTELY", "FREQ=SECONDLY"].iter().any(|f| rule.to_uppercase().contains(f));
        let (tz, all_day) = match start {
            When::Date(_) => (chrono_tz::UTC, true),
            When::Local(_, tz) => (tz, false),
            When::Utc(_) => (chrono_tz::UTC, false),
        };
        if !frequent {
            recurrence::Series::read(rule, start.local_in(tz), tz, all_day)
                .map_err(|e| at(r.number, format!("RRULE {rule:?}: {}", e.message)))?;
        }
    }
    for extra in c.all("RRULE").skip(1) {
        out.issues.push(Issue { line: extra.number, message: "Only the first RRULE of an event is imported".into() });
    }
    for r in c.all("RDATE") {
        out.issues.push(Issue {
            line: r.number,
            message: format!("RDATE {} is left out: Outpost series repeat by their rule only", r.value.trim()),
        });
    }
    let dtend = ctx.prop(c, "DTEND")?;
    let length = match c.prop("DURATION") {
        Some(d) if dtend.is_none() => Some(duration(d, &d.value)?),
        _ => None,
    };
    let (all_day, tz, start_local) = match start {
        When::Date(d) => (true, None, d.and_hms_opt(0, 0, 0).unwrap_or_default()),
        When::Local(t, tz) => (false, Some(tz), t),
        When::Utc(u) => {
            // A series in UTC repeats in UTC; a single event shows in its end's or the calendar's zone.
            let tz = match dtend {
                _ if rrule.is_some() => chrono_tz::UTC,
                Some((When::Local(_, z), _)) => z,
                _ => calendar_tz,
            };
            (false, Some(tz), u.with_timezone(&tz).naive_local())
        }
    };
    let end_local = match (dtend, length) {
        (Some((When::Date(d), _)), _) if all_day => Some(d.and_hms_opt(0, 0, 0).unwrap_or_default()),
        (Some((w, _)), _) if all_day => {
            Some(w.local_in(chrono_tz::UTC).date().and_hms_opt(0, 0, 0).unwrap_or_default())
        }
        (Some((w, _)), _) => tz.map(|tz| w.local_in(tz)),
        (None, Some(d)) if all_day => Some(start_local + Duration::days(d.num_days().max(1))),
        (None, Some(d)) => Some(start_local + d),
        (None, None) => None,
    }
    .filter(|e| *e > start_local);
    let start_instant = match tz {
        Some(tz) => recurrence::to_utc(tz, start_local),
        None => Some(start_local.and_utc()),
    };
    let span = end_local.map_or(if all_day { Duration::days(1) } else { Duration::hours(1) }, |e| e - start_local);
    let key = |w: When| -> String {
        match (w, tz) {
            (When::Date(d), Some(_)) => local_text(d.and_time(start_local.time()), false),
            (w, Some(tz)) => local_text(w.local_in(tz), false),
            (w, None) => local_text(w.local_in(chrono_tz::UTC), true),
        }
    };
    let mut exdates = Vec::new();
    for l in c.all("EXDATE") {
        for value in l.value.split(',').filter(|v| !v.trim().is_empty()) {
            exdates.push(key(ctx.when(l, value)?));
        }
    }
    exdates.sort();
    exdates.dedup();
    let status = c.text("STATUS").trim().to_uppercase();
    let outpost_status = match status_override(c).as_deref() {
        Some("held") => EventStatus::Held,
        Some("not_held") => EventStatus::NotHeld,
        _ if status == "CANCELLED" => EventStatus::NotHeld,
        _ => EventStatus::Planned,
    };
    let recurrence_id = match c.prop("RECURRENCE-ID") {
        Some(l) => Some(ctx.when(l, &l.value)?),
        None => None,
    };
    let summary = c.text("SUMMARY");
    let input = EventInput {
        subject: if summary.trim().is_empty() { "(no title)".into() } else { summary },
        location: c.text("LOCATION"),
        notes: c.text("DESCRIPTION"),
        status: outpost_status,
        all_day,
        start: local_text(start_local, all_day),
        end: end_local.map(|e| local_text(e, all_day)),
        tz: tz.map(|t| t.name().to_owned()).unwrap_or_default(),
        rrule: rrule.map(|r| r.value.trim().to_owned()),
        reminder_minutes: reminder_minutes(c, start_instant, span)?,
        ..Default::default()
    };
    let mut lines = vec![("start", start_line), ("subject", c.prop("SUMMARY").map_or(c.line, |l| l.number))];
    if let Some((_, l)) = dtend {
        lines.push(("end", l));
    }
    if let Some(r) = rrule {
        lines.push(("rrule", r.number));
    }
    out.events.push(EventItem {
        uid: uid(c),
        line: c.line,
        input,
        exdates,
        recurrence_id,
        cancelled: status == "CANCELLED",
        attendees: c.all("ATTENDEE").map(|a| a.value.trim().to_owned()).collect(),
        lines,
    });
    Ok(())
}

fn task(ctx: &Ctx, c: &Component, out: &mut Read) -> Result<()> {
    let due = ctx.prop(c, "DUE")?;
    let (due_date, due_time, anchor) = match due {
        None => (None, None, None),
        Some((When::Date(d), _)) => {
            (Some(d.to_string()), None, recurrence::to_utc(ctx.tz, d.and_hms_opt(0, 0, 0).unwrap_or_default()))
        }
        Some((w, _)) => {
            // Outpost keeps a due time as the owner's wall time: the file's own, or in the calendar's zone for UTC.
            let local = match w {
                When::Local(t, _) => t,
                other => other.local_in(ctx.tz),
            };
            (Some(local.date().to_string()), Some(local.format("%H:%M").to_string()), w.instant())
        }
    };
    let status = c.text("STATUS").trim().to_uppercase();
    let status = match status_override(c).as_deref() {
        Some("waiting") => TaskStatus::Waiting,
        Some("deferred") => TaskStatus::Deferred,
        _ => match status.as_str() {
            "COMPLETED" => TaskStatus::Completed,
            "IN-PROCESS" => TaskStatus::InProgress,
            "CANCELLED" => TaskStatus::Deferred,
            _ if c.prop("COMPLETED").is_some() => TaskStatus::Completed,
            _ => TaskStatus::NotStarted,
        },
    };
    let priority = match c.text("PRIORITY").trim().parse::<u8>().unwrap_or(0) {
        1..=4 => Priority::High,
        6..=9 => Priority::Low,
        _ => Priority::Normal,
    };
    let completed_at = match ctx.prop(c, "COMPLETED")? {
        Some((w, _)) => w.instant().map(crate::activities::instant_text),
        None => None,
    };
    let mut reminder_at = None;
    for alarm in alarms(c) {
        if let Some(offset) = alarm_offset(alarm, anchor, Duration::zero())? {
            let when = anchor.map(|a| a + offset);
            reminder_at = reminder_at.min(when).or(when);
        }
    }
    let summary = c.text("SUMMARY");
    let input = TaskInput {
        subject: if summary.trim().is_empty() { "(no title)".into() } else { summary },
        description: c.text("DESCRIPTION"),
        due_date,
        due_time,
        priority,
        status,
        reminder_at: reminder_at.map(crate::activities::instant_text),
        ..Default::default()
    };
    let lines =
        vec![("due_date", due.map_or(c.line, |d| d.1)), ("subject", c.prop("SUMMARY").map_or(c.line, |l| l.number))];
    out.tasks.push(TaskItem { uid: uid(c), line: c.line, input, completed_at, lines });
    Ok(())
}

/// Reads the events and tasks of every calendar in `text`. `tz` is the zone of floating
/// times when the file names none (X-WR-TIMEZONE); `year` the year VTIMEZONE offsets are compared in.
pub fn read(text: &str, tz: Tz, year: i32) -> Result<Read> {
    let mut out = Read::default();
    for calendar in super::lines::parse(text)? {
        if calendar.name != "VCALENDAR" {
            return Err(at(calendar.line, format!("BEGIN:{} where BEGIN:VCALENDAR was expected", calendar.name)));
        }
        let zones = Zones::new(&calendar, year);
        let calendar_tz = calendar.prop("X-WR-TIMEZONE").and_then(|z| super::zones::by_name(&z.value)).unwrap_or(tz);
        let ctx = Ctx { zones: &zones, tz: calendar_tz };
        for c in &calendar.children {
            match c.name.as_str() {
                "VEVENT" => event(&ctx, calendar_tz, c, &mut out)?,
                "VTODO" => task(&ctx, c, &mut out)?,
                "VJOURNAL" | "VFREEBUSY" => out.skipped += 1,
                _ => {}
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line() -> Line {
        Line { number: 7, name: "TRIGGER".into(), params: vec![], value: String::new() }
    }

    #[test]
    fn durations() {
        assert_eq!(duration(&line(), "-PT15M").unwrap(), Duration::minutes(-15));
        assert_eq!(duration(&line(), "P1DT2H").unwrap(), Duration::hours(26));
        assert_eq!(duration(&line(), "P2W").unwrap(), Duration::days(14));
        assert_eq!(duration(&line(), "PT0S").unwrap(), Duration::zero());
        assert_eq!(duration(&line(), "15M").unwrap_err().row, Some(7));
        assert!(duration(&line(), "P").is_err());
        assert!(duration(&line(), "P99999999999999W").is_err(), "refused, not a panic");
        assert!(duration(&line(), "P9999999D").is_err());
    }
}
