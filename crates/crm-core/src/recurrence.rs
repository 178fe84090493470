//! Recurrence (RFC 5545 RRULE) of events: parsing and checking a rule against its
//! first start, and expanding a series over a range of instants with the `rrule`
//! crate. Occurrences are local date-times in the series' zone, so a 09:00
//! Europe/Berlin meeting stays at 09:00 across daylight-saving changes.

use crate::error::{Error, Result};
use crate::plain_rule::PlainRule;
use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, NaiveDateTime, TimeZone, Utc};
use rrule::{Frequency, RRule, Unvalidated};
use std::sync::OnceLock;

/// An IANA time zone by name; `field` is named in the error.
pub fn zone(field: &str, name: &str) -> Result<chrono_tz::Tz> {
    name.trim()
        .parse()
        .map_err(|_| Error::invalid(field, format!("{name:?} is not an IANA time zone (e.g. Europe/Berlin)")))
}

/// The instant of a local date-time in `tz`: the earlier one when the clock goes back, `None` when
/// the clock skips it (the gap when daylight saving starts).
pub fn to_utc(tz: chrono_tz::Tz, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    tz.from_local_datetime(&local).earliest().map(|t| t.with_timezone(&Utc))
}

/// A recurring series: its rule and first start (local; all-day series run on UTC midnights).
#[derive(Clone)]
pub struct Series {
    tz: chrono_tz::Tz,
    all_day: bool,
    start: NaiveDateTime,
    /// The rule as the `rrule` crate reads it, read when first needed: a plain rule is expanded
    /// without it, and reading every series' rule was a quarter of a calendar's first view.
    rule: OnceLock<RRule<Unvalidated>>,
    /// The rule's parts without UNTIL, as written (upper case).
    parts: Vec<String>,
    until: Option<DateTime<Utc>>,
    count: Option<u32>,
    freq: Frequency,
    interval: u32,
    /// The rule as date arithmetic, when it has a plain shape.
    plain: Option<PlainRule>,
}

const RRULE: &str = "rrule";

fn bad(message: impl Into<String>) -> Error {
    Error::invalid(RRULE, message)
}

/// Reads an UNTIL value: a UTC date-time (`…Z`), a local date-time, or a date (its whole day counts).
fn parse_until(value: &str, tz: chrono_tz::Tz, all_day: bool) -> Result<DateTime<Utc>> {
    let wrong = || bad(format!("UNTIL={value} is not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSSZ)"));
    if let Some(utc) = value.strip_suffix('Z') {
        let t = NaiveDateTime::parse_from_str(utc, "%Y%m%dT%H%M%S").map_err(|_| wrong())?;
        return Ok(t.and_utc());
    }
    let local = match NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S") {
        Ok(t) => t,
        Err(_) => {
            let date = NaiveDate::parse_from_str(value, "%Y%m%d").map_err(|_| wrong())?;
            if all_day {
                date.and_hms_opt(0, 0, 0).unwrap_or_default()
            } else {
                date.and_hms_opt(23, 59, 59).unwrap_or_default()
            }
        }
    };
    if all_day {
        return Ok(local.and_utc());
    }
    to_utc(tz, local).or_else(|| to_utc(tz, local + Duration::hours(1))).ok_or_else(wrong)
}

fn parse_rule(parts: &[String]) -> Result<RRule<Unvalidated>> {
    parts.join(";").parse().map_err(|e| bad(format!("The rule does not read: {e}")))
}

/// COUNT of a rule's parts, if it has one.
fn count_of(parts: &[String]) -> Result<Option<u32>> {
    let count = parts.iter().find_map(|p| p.strip_prefix("COUNT="));
    count.map(|n| n.parse().map_err(|_| bad(format!("COUNT={n} is not a number of occurrences")))).transpose()
}

impl Series {
    /// Parses and checks `text` (e.g. `FREQ=WEEKLY;BYDAY=TU,TH;COUNT=10`) for a series starting at `start`.
    pub fn parse(text: &str, start: NaiveDateTime, tz: chrono_tz::Tz, all_day: bool) -> Result<Series> {
        let series = Series::read(text, start, tz, all_day)?;
        if let Some(until) = series.until {
            if until < series.start_utc()? {
                return Err(bad("UNTIL is before the first start"));
            }
        }
        series.build(series.start)?;
        Ok(series)
    }

    /// Reads a rule without building it (a stored rule, checked when it was saved; expanding builds it).
    pub fn read(text: &str, start: NaiveDateTime, tz: chrono_tz::Tz, all_day: bool) -> Result<Series> {
        let text = text.trim().trim_start_matches("RRULE:").to_uppercase();
        let mut parts = Vec::new();
        let mut until = None;
        for part in text.split(';').filter(|p| !p.is_empty()) {
            match part.split_once('=') {
                Some(("UNTIL", value)) => until = Some(parse_until(value, tz, all_day)?),
                Some(_) => parts.push(part.to_owned()),
                None => return Err(bad(format!("{part:?} is not NAME=VALUE"))),
            }
        }
        let plain = PlainRule::of(&parts);
        let rule = OnceLock::new();
        let (freq, interval, count) = match &plain {
            Some(plain) => (plain.frequency(), plain.interval(), count_of(&parts)?),
            None => {
                let read = parse_rule(&parts)?;
                let shape = (read.get_freq(), u32::from(read.get_interval().max(1)), read.get_count());
                let _ = rule.set(read);
                shape
            }
        };
        if !matches!(freq, Frequency::Daily | Frequency::Weekly | Frequency::Monthly | Frequency::Yearly) {
            return Err(bad("A series repeats daily, weekly, monthly or yearly"));
        }
        if until.is_some() && count.is_some() {
            return Err(bad("A rule has COUNT or UNTIL, not both"));
        }
        Ok(Series { plain, tz, all_day, start, count, interval, freq, rule, parts, until })
    }

    /// The rule for the `rrule` crate.
    fn rrule(&self) -> Result<&RRule<Unvalidated>> {
        if let Some(rule) = self.rule.get() {
            return Ok(rule);
        }
        let read = parse_rule(&self.parts)?;
        Ok(self.rule.get_or_init(|| read))
    }

    fn rrule_tz(&self) -> rrule::Tz {
        if self.all_day {
            rrule::Tz::UTC
        } else {
            self.tz.into()
        }
    }

    fn start_utc(&self) -> Result<DateTime<Utc>> {
        if self.all_day {
            return Ok(self.start.and_utc());
        }
        to_utc(self.tz, self.start).ok_or_else(|| Error::invalid("start", "That time does not exist in this time zone"))
    }

    fn build(&self, dt_start: NaiveDateTime) -> Result<rrule::RRuleSet> {
        let tz = self.rrule_tz();
        let start = tz.from_local_datetime(&dt_start).earliest().ok_or_else(|| bad("The start does not exist"))?;
        let mut rule = self.rrule()?.clone();
        if let Some(until) = self.until {
            rule = rule.until(until.with_timezone(&rrule::Tz::UTC));
        }
        rule.build(start).map_err(|e| bad(e.to_string()))
    }

    /// The rule as stored: its parts with UNTIL in RFC 5545 form (UTC, or a date for all-day series).
    pub fn text(&self) -> String {
        let mut parts = self.parts.clone();
        if let Some(until) = self.until {
            parts.push(if self.all_day {
                format!("UNTIL={}", until.format("%Y%m%d"))
            } else {
                format!("UNTIL={}", until.format("%Y%m%dT%H%M%SZ"))
            });
        }
        parts.join(";")
    }

    /// Whether the rule is expanded by date arithmetic (`PlainRule`) rather than by `rrule`.
    pub(crate) fn is_plain(&self) -> bool {
        self.plain.is_some()
    }

    pub fn count(&self) -> Option<u32> {
        self.count
    }

    /// The series ended before `end` (UTC): for "this and following" the old part stops before the split.
    pub fn with_until(&self, end: DateTime<Utc>) -> Series {
        let mut s = self.clone();
        s.until = Some(end);
        s.count = None;
        s.parts.retain(|p| !p.starts_with("COUNT="));
        s.rule = OnceLock::new();
        s
    }

    /// The same rule with COUNT replaced (the following part of a split series keeps the remaining ones).
    pub fn with_count(&self, count: Option<u32>) -> Result<Series> {
        let mut s = self.clone();
        s.parts.retain(|p| !p.starts_with("COUNT="));
        if let Some(n) = count {
            s.parts.push(format!("COUNT={n}"));
        }
        Series::parse(&s.text(), s.start, s.tz, s.all_day)
    }

    /// The same rule for a series starting at `start`.
    pub fn starting(&self, start: NaiveDateTime) -> Result<Series> {
        Series::parse(&self.text(), start, self.tz, self.all_day)
    }

    /// Local starts of the occurrences from the first up to (not including) `to` local time.
    fn iter_from(&self, dt_start: NaiveDateTime) -> Result<impl Iterator<Item = NaiveDateTime>> {
        Ok(self.build(dt_start)?.into_iter().map(|t| t.naive_local()))
    }

    /// Whether `local` is one of the series' starts.
    pub fn is_occurrence(&self, local: NaiveDateTime) -> Result<bool> {
        Ok(self.iter_from(self.start)?.take_while(|t| *t <= local).any(|t| t == local))
    }

    /// How many occurrences start before `local`.
    pub fn count_before(&self, local: NaiveDateTime) -> Result<u32> {
        Ok(self.iter_from(self.start)?.take_while(|t| *t < local).count() as u32)
    }

    /// The last start, or `None` for a series without end.
    pub fn last_start(&self) -> Result<Option<NaiveDateTime>> {
        if self.count.is_none() && self.until.is_none() {
            return Ok(None);
        }
        Ok(self.iter_from(self.start)?.last())
    }

    /// A start at a whole number of the rule's periods after the first, at or before `target`:
    /// expanding from there gives the same occurrences after it (only a rule without COUNT).
    fn skip_to(&self, target: NaiveDateTime) -> NaiveDateTime {
        if self.count.is_some() || target <= self.start {
            return self.start;
        }
        let months = |step: u32| {
            let span = (target.year() - self.start.year()) * 12 + target.month() as i32 - self.start.month() as i32;
            let k = (span.max(0) as u32 / step).saturating_sub(1);
            self.start.checked_add_months(Months::new(k * step))
        };
        let days = |step: u32| {
            let k = ((target - self.start).num_days().max(0) as u32 / step).saturating_sub(1);
            self.start.checked_add_signed(Duration::days(i64::from(k * step)))
        };
        let shifted = match self.freq {
            Frequency::Daily => days(self.interval),
            Frequency::Weekly => days(7 * self.interval),
            // The 29th–31st do not exist in every month; whole years keep the month.
            Frequency::Monthly if self.start.day() <= 28 => months(self.interval),
            Frequency::Monthly => months(12 * self.interval),
            Frequency::Yearly if self.start.month() == 2 && self.start.day() == 29 => None,
            Frequency::Yearly => months(12 * self.interval),
            _ => None,
        };
        match shifted {
            Some(s) if self.all_day || to_utc(self.tz, s).is_some() => s,
            _ => self.start,
        }
    }

    /// The local window `(from, to)` of the occurrences that can overlap `[from, to)` (instants):
    /// all-day series are floating, so it is a day wider each side and the caller checks the day.
    pub(crate) fn local_window(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> (NaiveDateTime, NaiveDateTime) {
        let local =
            |t: DateTime<Utc>| if self.all_day { t.naive_utc() } else { t.with_timezone(&self.tz).naive_local() };
        let margin = if self.all_day { Duration::days(1) } else { Duration::zero() };
        (local(from) - margin, local(to) + margin + Duration::hours(3))
    }

    /// Local starts from `from` up to (not including) `to`.
    pub(crate) fn starts_in(&self, from: NaiveDateTime, to: NaiveDateTime) -> Result<Vec<NaiveDateTime>> {
        match self.plain_starts(from, to) {
            Some(starts) => Ok(starts),
            None => self.rule_starts(from, to),
        }
    }

    /// `starts_in` by date arithmetic: for a plain rule, when no start in the window falls where
    /// the clock skips or repeats (how `rrule` places those is its own).
    fn plain_starts(&self, from: NaiveDateTime, to: NaiveDateTime) -> Option<Vec<NaiveDateTime>> {
        let plain = self.plain.as_ref()?;
        // A counted series is counted from its first start.
        let mut starts = match self.count {
            Some(count) => plain.starts(self.start, (self.start, to), count as usize),
            None => plain.starts(self.start, (from, to), usize::MAX),
        };
        let mut instants = Vec::with_capacity(starts.len());
        for start in &starts {
            instants.push(match self.all_day {
                true => start.and_utc(),
                false => self.tz.from_local_datetime(start).single()?.with_timezone(&Utc),
            });
        }
        if let Some(until) = self.until {
            starts.truncate(instants.partition_point(|t| *t <= until));
        }
        starts.retain(|start| *start >= from);
        Some(starts)
    }

    /// `starts_in` by the `rrule` crate, expanded from near `from`.
    fn rule_starts(&self, from: NaiveDateTime, to: NaiveDateTime) -> Result<Vec<NaiveDateTime>> {
        let begin = self.skip_to(from - Duration::days(1));
        let mut out = Vec::new();
        // The rule does not build from a start after its UNTIL: nothing is left there.
        let begin_utc = if self.all_day { Some(begin.and_utc()) } else { to_utc(self.tz, begin) };
        if self.until.zip(begin_utc).is_some_and(|(until, begin)| begin > until) {
            return Ok(out);
        }
        for start in self.iter_from(begin)? {
            if start >= to {
                break;
            }
            if start >= from && start >= begin {
                out.push(start);
            }
        }
        Ok(out)
    }

    /// Local starts of the occurrences that overlap `[from, to)` for events lasting `duration`.
    pub fn between(&self, from: DateTime<Utc>, to: DateTime<Utc>, duration: Duration) -> Result<Vec<NaiveDateTime>> {
        let (from_local, to_local) = self.local_window(from, to);
        let mut out = self.starts_in(from_local - duration, to_local)?;
        out.retain(|start| *start + duration > from_local);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::Rng;

    /// A random rule: mostly plain shapes (every weekday set, ordinal, interval, UNTIL), some not.
    fn rule(rng: &mut Rng, start: NaiveDateTime) -> String {
        const DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
        let own = DAYS[start.weekday().num_days_from_monday() as usize];
        let mut days: Vec<&str> = DAYS.iter().copied().filter(|_| rng.below(3) == 0).collect();
        if days.is_empty() {
            days.push(own);
        }
        let days = days.join(",");
        let interval = [1, 1, 2, 3][rng.below(4)];
        let nth = [1, 2, 3, 4, 5, -1, -2, -5][rng.below(8)];
        let mut text = match rng.below(10) {
            0 => "FREQ=DAILY".to_owned(),
            1 => format!("FREQ=DAILY;BYDAY={days}"),
            2 => format!("FREQ=WEEKLY;BYDAY={own}"),
            3 => format!("FREQ=WEEKLY;BYDAY={days}"),
            4 => "FREQ=WEEKLY".to_owned(),
            5 => "FREQ=MONTHLY".to_owned(),
            6 => format!("FREQ=MONTHLY;BYDAY={nth}{}", DAYS[rng.below(7)]),
            7 => "FREQ=YEARLY".to_owned(),
            8 => "FREQ=MONTHLY;BYMONTHDAY=-1".to_owned(),
            _ => format!("FREQ=WEEKLY;WKST=MO;BYDAY={days}"),
        };
        if interval > 1 {
            text.push_str(&format!(";INTERVAL={interval}"));
        }
        if rng.below(4) == 0 {
            text.push_str(&format!(";COUNT={}", 1 + rng.below(80)));
        } else if rng.below(3) == 0 {
            let until = start + Duration::days(rng.below(1500) as i64) + Duration::hours(rng.below(24) as i64);
            text.push_str(&format!(";UNTIL={}", until.format("%Y%m%dT%H%M%SZ")));
        }
        text
    }

    #[test]
    fn plain_rules_expand_as_rrule_does() {
        let zones = [chrono_tz::Europe::Berlin, chrono_tz::America::New_York, chrono_tz::Australia::Lord_Howe];
        let mut rng = Rng::new(29);
        let (mut plain, mut starts) = (0, 0);
        for _ in 0..3000 {
            let all_day = rng.below(4) == 0;
            // Days at the end of months and in leap years; hours around the clock changes.
            let day = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap() + Duration::days(rng.below(1500) as i64);
            let (hour, minute) =
                if all_day { (0, 0) } else { ([0, 1, 2, 3, 9, 23][rng.below(6)], [0, 30][rng.below(2)]) };
            let start = day.and_hms_opt(hour, minute, 0).unwrap();
            let tz = zones[rng.below(zones.len())];
            let text = rule(&mut rng, start);
            let Ok(series) = Series::parse(&text, start, tz, all_day) else { continue };
            for _ in 0..4 {
                let from = start + Duration::days(rng.below(1600) as i64 - 100) + Duration::hours(rng.below(24) as i64);
                let to = from + Duration::days(1 + rng.below(120) as i64);
                let expected = series.rule_starts(from, to).unwrap();
                if let Some(got) = series.plain_starts(from, to) {
                    plain += 1;
                    starts += got.len();
                    assert_eq!(got, expected, "{text} from {start} ({tz}, all-day {all_day}), window {from} – {to}");
                }
            }
        }
        assert!(plain > 6000 && starts > 50_000, "{plain} windows by date arithmetic, {starts} starts");
    }

    #[test]
    fn only_plain_shapes_are_expanded_by_date_arithmetic() {
        let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap().and_hms_opt(9, 0, 0).unwrap();
        let plain = |text: &str| Series::read(text, start, chrono_tz::Europe::Berlin, false).unwrap().plain.is_some();
        assert!(plain("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;UNTIL=20270101T000000Z"));
        assert!(plain("FREQ=MONTHLY;BYDAY=-1FR"));
        assert!(plain("FREQ=WEEKLY;COUNT=10"));
        assert!(!plain("FREQ=MONTHLY;BYDAY=MO,TU"), "every Monday and Tuesday of the month");
        assert!(!plain("FREQ=WEEKLY;WKST=SU;INTERVAL=2;BYDAY=MO,SU"), "weeks from Sunday");
        assert!(!plain("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"));
    }
}
