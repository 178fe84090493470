//! VTIMEZONE of an IANA zone for the years an export uses: one STANDARD or DAYLIGHT
//! observance per transition found in chrono-tz, the last of each kind repeating
//! yearly (RRULE) when the zone's rule is "the n-th (or last) weekday of a month",
//! so clients that read the definition instead of the TZID (Outlook) place later
//! occurrences right too.

use super::lines::push;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc, Weekday};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

struct Transition {
    /// Local time (before the change) of the transition.
    local: NaiveDateTime,
    from: i32,
    to: i32,
    daylight: bool,
    name: Option<String>,
}

fn offset_at(tz: Tz, t: DateTime<Utc>) -> i32 {
    tz.offset_from_utc_datetime(&t.naive_utc()).fix().local_minus_utc()
}

/// Every change of offset in the years `from..=to`, found day by day and then to the second.
fn transitions(tz: Tz, from: i32, to: i32) -> Vec<Transition> {
    let mut out = Vec::new();
    let Some(start) = NaiveDate::from_ymd_opt(from, 1, 1) else { return out };
    let Some(end) = NaiveDate::from_ymd_opt(to + 1, 1, 1) else { return out };
    let mut day = start.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
    let end = end.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
    while day < end {
        let next = day + Duration::days(1);
        let (before, after) = (offset_at(tz, day), offset_at(tz, next));
        if before != after {
            let (mut lo, mut hi) = (day, next);
            while hi - lo > Duration::seconds(1) {
                let mid = lo + (hi - lo) / 2;
                if offset_at(tz, mid) == before {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let offset = tz.offset_from_utc_datetime(&hi.naive_utc());
            out.push(Transition {
                local: hi.naive_utc() + Duration::seconds(i64::from(before)),
                from: before,
                to: after,
                daylight: !offset.dst_offset().is_zero(),
                name: offset.abbreviation().map(str::to_owned),
            });
        }
        day = next;
    }
    out
}

fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

const DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// `BYMONTH=3;BYDAY=-1SU` for a date that is the last (or n-th) weekday of its month.
fn weekday_rule(date: NaiveDate) -> (String, NaiveDate) {
    let wd = DAYS[date.weekday().num_days_from_monday() as usize];
    let last = (date + Duration::days(7)).month() != date.month();
    let nth = if last { "-1".to_owned() } else { ((date.day() - 1) / 7 + 1).to_string() };
    (format!("FREQ=YEARLY;BYMONTH={};BYDAY={nth}{wd}", date.month()), date)
}

/// The date the rule of `date` gives in another year.
fn same_rule_in(date: NaiveDate, year: i32) -> Option<NaiveDate> {
    let wd: Weekday = date.weekday();
    let last = (date + Duration::days(7)).month() != date.month();
    if last {
        let next_month = NaiveDate::from_ymd_opt(year, date.month(), 1)?.checked_add_months(chrono::Months::new(1))?;
        let mut d = next_month - Duration::days(1);
        while d.weekday() != wd {
            d -= Duration::days(1);
        }
        Some(d)
    } else {
        NaiveDate::from_weekday_of_month_opt(year, date.month(), wd, ((date.day() - 1) / 7 + 1) as u8)
    }
}

/// Appends the VTIMEZONE of `tz` covering the years `from..=to`.
pub fn write(out: &mut String, tz: Tz, from: i32, to: i32) {
    push(out, "BEGIN:VTIMEZONE");
    push(out, &format!("TZID:{}", tz.name()));
    let list = transitions(tz, from - 1, to + 1);
    if list.is_empty() {
        let offset = offset_at(
            tz,
            NaiveDate::from_ymd_opt(from, 1, 1).unwrap_or_default().and_hms_opt(0, 0, 0).unwrap_or_default().and_utc(),
        );
        push(out, "BEGIN:STANDARD");
        push(out, "DTSTART:19700101T000000");
        push(out, &format!("TZOFFSETFROM:{}", offset_text(offset)));
        push(out, &format!("TZOFFSETTO:{}", offset_text(offset)));
        push(out, "END:STANDARD");
        push(out, "END:VTIMEZONE");
        return;
    }
    for (i, t) in list.iter().enumerate() {
        let kind = if t.daylight { "DAYLIGHT" } else { "STANDARD" };
        let later_of_kind = list[i + 1..].iter().any(|n| n.daylight == t.daylight);
        // The last of its kind repeats yearly when the one a year before followed the same rule.
        let rule = (!later_of_kind)
            .then(|| {
                let (rule, date) = weekday_rule(t.local.date());
                let year_before = same_rule_in(date, date.year() - 1)?;
                list[..i]
                    .iter()
                    .any(|p| {
                        p.daylight == t.daylight && p.local.date() == year_before && p.local.time() == t.local.time()
                    })
                    .then_some(rule)
            })
            .flatten();
        push(out, &format!("BEGIN:{kind}"));
        push(out, &format!("DTSTART:{}", t.local.format("%Y%m%dT%H%M%S")));
        push(out, &format!("TZOFFSETFROM:{}", offset_text(t.from)));
        push(out, &format!("TZOFFSETTO:{}", offset_text(t.to)));
        if let Some(name) = t.name.as_deref().filter(|n| !n.starts_with(['+', '-'])) {
            push(out, &format!("TZNAME:{name}"));
        }
        if let Some(rule) = rule {
            push(out, &format!("RRULE:{rule}"));
        }
        push(out, &format!("END:{kind}"));
    }
    push(out, "END:VTIMEZONE");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn berlin_changes_on_the_last_sundays_of_march_and_october() {
        let mut out = String::new();
        write(&mut out, chrono_tz::Europe::Berlin, 2026, 2026);
        assert!(
            out.contains(
                "BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST"
            ),
            "{out}"
        );
        assert!(out.contains("DTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100"), "{out}");
        assert!(out.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"), "{out}");
        assert!(out.contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"), "{out}");
    }

    #[test]
    fn new_york_uses_the_second_and_first_sundays() {
        let mut out = String::new();
        write(&mut out, chrono_tz::America::New_York, 2026, 2027);
        assert!(out.contains("DTSTART:20270314T020000"), "{out}");
        assert!(out.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU"), "{out}");
        assert!(out.contains("RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU"), "{out}");
    }

    #[test]
    fn a_zone_without_daylight_saving_has_one_observance() {
        let mut out = String::new();
        write(&mut out, chrono_tz::Asia::Tokyo, 2026, 2026);
        assert!(out.contains("TZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900"), "{out}");
        assert!(!out.contains("DAYLIGHT"));
    }
}
