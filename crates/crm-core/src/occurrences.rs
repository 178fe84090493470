//! Expanded starts of recurring series, kept by local month for every calendar read of the
//! process: building and running an RRULE is the slow part of a calendar view, and a view
//! asks again for the months around it. A series is keyed by what its starts depend on (rule,
//! first start, zone, all-day), so an edited series is simply a new key; EXDATEs and moved
//! occurrences are read again on every read (`Moved`) and taken out by the caller.

use crate::error::Result;
use crate::events::{self, local_text};
use crate::recurrence::Series;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use hashbrown::Equivalent;
use rusqlite::Connection;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex, OnceLock};

/// Series kept at most; past it the cache starts over (a calendar has a few thousand).
const MAX_SERIES: usize = 20_000;
/// Months kept per series at most.
const MAX_MONTHS: usize = 48;
/// Months expanded together when one is missing, for a rule `rrule` expands (one pass of it
/// instead of three: a view asks next for the months after it). Plain rules cost little per
/// pass and are expanded a month at a time, so that no view pays for the next ones.
const BLOCK: i32 = 3;
/// A series with COUNT up to this many is expanded whole once: with COUNT the rule cannot start
/// near a month, so each month would walk it from its first start again.
const MAX_COUNTED: u32 = 1_000;

#[derive(PartialEq, Eq)]
struct Key {
    rule: String,
    start: NaiveDateTime,
    tz: chrono_tz::Tz,
    all_day: bool,
}

/// A `Key` as a calendar read has it, found without copying the rule (a view looks up
/// thousands of series).
#[derive(Clone, Copy)]
struct Lookup<'a> {
    rule: &'a str,
    start: NaiveDateTime,
    tz: chrono_tz::Tz,
    all_day: bool,
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        Lookup { rule: &self.rule, start: self.start, tz: self.tz, all_day: self.all_day }.hash(state)
    }
}

impl Hash for Lookup<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (self.rule, self.start, self.tz, self.all_day).hash(state)
    }
}

impl Equivalent<Key> for Lookup<'_> {
    fn equivalent(&self, key: &Key) -> bool {
        self.rule == key.rule && self.start == key.start && self.tz == key.tz && self.all_day == key.all_day
    }
}

struct Entry {
    series: Series,
    /// Every start of a counted series, sorted.
    all: Option<Arc<[NaiveDateTime]>>,
    /// Starts by the month they fall in (year * 12 + month0), sorted.
    months: BTreeMap<i32, Arc<[NaiveDateTime]>>,
}

impl Entry {
    /// The starts of `month`, expanding it (and the rest of its block) when missing.
    fn month(&mut self, month: i32) -> Result<Arc<[NaiveDateTime]>> {
        if let Some(starts) = self.months.get(&month) {
            return Ok(starts.clone());
        }
        let block = if self.series.is_plain() { 1 } else { BLOCK };
        if self.months.len() + block as usize > MAX_MONTHS {
            self.months.clear();
        }
        let starts = self.series.starts_in(month_start(month), month_start(month + block))?;
        for m in month..month + block {
            let (first, next) = (month_start(m), month_start(m + 1));
            let of_month: Arc<[NaiveDateTime]> = starts.iter().copied().filter(|s| *s >= first && *s < next).collect();
            self.months.entry(m).or_insert(of_month);
        }
        Ok(self.months.get(&month).cloned().unwrap_or_else(|| Arc::from([])))
    }
}

fn cache() -> &'static Mutex<hashbrown::HashMap<Key, Entry>> {
    static CACHE: OnceLock<Mutex<hashbrown::HashMap<Key, Entry>>> = OnceLock::new();
    CACHE.get_or_init(Mutex::default)
}

fn month_of(t: NaiveDateTime) -> i32 {
    t.year() * 12 + t.month0() as i32
}

fn month_start(month: i32) -> NaiveDateTime {
    let first = NaiveDate::from_ymd_opt(month.div_euclid(12), month.rem_euclid(12) as u32 + 1, 1).unwrap_or_default();
    first.and_time(NaiveTime::MIN)
}

/// Local starts of a stored series' occurrences that overlap `[from, to)` for events lasting
/// `duration`: the same as `Series::between`, from the months already expanded.
pub fn between(
    rule: &str,
    start: NaiveDateTime,
    tz: chrono_tz::Tz,
    all_day: bool,
    (from, to): (DateTime<Utc>, DateTime<Utc>),
    duration: Duration,
) -> Result<Vec<NaiveDateTime>> {
    let key = Lookup { rule, start, tz, all_day };
    let mut cache = cache().lock().unwrap_or_else(|e| e.into_inner());
    if !cache.contains_key(&key) {
        if cache.len() >= MAX_SERIES {
            cache.clear();
        }
        let series = Series::read(rule, start, tz, all_day)?;
        let all = match series.count() {
            Some(n) if n <= MAX_COUNTED => Some(series.starts_in(start, NaiveDateTime::MAX)?.into()),
            _ => None,
        };
        cache.insert(Key { rule: rule.to_owned(), start, tz, all_day }, Entry { series, all, months: BTreeMap::new() });
    }
    let Some(entry) = cache.get_mut(&key) else { return Ok(Vec::new()) };
    let (from_local, to_local) = entry.series.local_window(from, to);
    let overlaps = |s: &&NaiveDateTime| **s < to_local && **s + duration > from_local;
    if let Some(all) = &entry.all {
        return Ok(all.iter().filter(overlaps).copied().collect());
    }
    let mut out = Vec::new();
    for month in month_of(from_local - duration)..=month_of(to_local) {
        out.extend(entry.month(month)?.iter().filter(overlaps));
    }
    Ok(out)
}

/// The moved occurrences (few in any calendar: read them all at once): their original starts by
/// series, and which series are still there (a deleted series hides its moved occurrences).
#[derive(Default)]
pub(crate) struct Moved {
    keys: HashMap<String, Vec<String>>,
    live: HashSet<String>,
}

impl Moved {
    pub(crate) fn read(conn: &Connection) -> Result<Moved> {
        let mut stmt = conn.prepare_cached(
            "SELECT o.series_id, o.recurrence_id, s.id IS NOT NULL AND s.deleted_at IS NULL
             FROM events o LEFT JOIN events s ON s.id = o.series_id
             WHERE o.series_id IS NOT NULL AND o.deleted_at IS NULL",
        )?;
        let mut out = Moved::default();
        let rows =
            stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, bool>(2)?)))?;
        for row in rows {
            let (series, key, live) = row?;
            if live {
                out.live.insert(series.clone());
            }
            out.keys.entry(series).or_default().push(key);
        }
        Ok(out)
    }

    /// Whether the series is still there (a moved occurrence is shown only then).
    pub(crate) fn is_live(&self, series: &str) -> bool {
        self.live.contains(series)
    }

    /// Original starts left out of a series (its EXDATEs and moved occurrences) as sorted local
    /// times. A key counts only in the exact form the occurrence's own key is written in.
    pub(crate) fn skipped(&self, series: &str, exdates: &[String], all_day: bool) -> Vec<NaiveDateTime> {
        let moved = self.keys.get(series).into_iter().flatten();
        let mut out: Vec<NaiveDateTime> = exdates
            .iter()
            .chain(moved)
            .filter_map(|k| {
                events::parse_local("occurrence", k, all_day).ok().filter(|t| local_text(*t, all_day) == *k)
            })
            .collect();
        out.sort_unstable();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::Rng;

    /// Random rules of every kind the calendar stores, in zones with daylight saving.
    fn rule(rng: &mut Rng, start: NaiveDateTime) -> String {
        let day = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][start.weekday().num_days_from_monday() as usize];
        let base = match rng.below(9) {
            0 => format!("FREQ=WEEKLY;BYDAY={day}"),
            1 => format!("FREQ=WEEKLY;INTERVAL={};BYDAY={day},FR", 1 + rng.below(3)),
            2 => "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR".to_owned(),
            3 => format!("FREQ=DAILY;INTERVAL={}", 1 + rng.below(4)),
            4 => format!("FREQ=MONTHLY;BYDAY={}{day}", (start.day() - 1) / 7 + 1),
            5 => "FREQ=MONTHLY;BYMONTHDAY=-1".to_owned(),
            6 => format!("FREQ=MONTHLY;INTERVAL={}", 1 + rng.below(3)),
            7 => "FREQ=MONTHLY;BYDAY=-1FR".to_owned(),
            _ => "FREQ=YEARLY".to_owned(),
        };
        match rng.below(3) {
            0 => format!("{base};COUNT={}", 1 + rng.below(60)),
            1 => {
                format!("{base};UNTIL={}", (start + Duration::days(1 + rng.below(900) as i64)).format("%Y%m%dT%H%M%SZ"))
            }
            _ => base,
        }
    }

    #[test]
    fn cached_starts_equal_the_expansion_of_the_rule() {
        let mut rng = Rng::new(11);
        let (mut series_checked, mut starts_seen) = (0, 0);
        let zones = [chrono_tz::Europe::Berlin, chrono_tz::America::New_York, chrono_tz::Australia::Sydney];
        for _ in 0..300 {
            let all_day = rng.below(5) == 0;
            let day = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default() + Duration::days(rng.below(700) as i64);
            // Some starts in the hour clocks skip or repeat (02:00–03:00 in Europe and America).
            let hour = if all_day { 0 } else { [1, 2, 9, 23][rng.below(4)] };
            let start = day.and_hms_opt(hour, [0, 30][rng.below(2)], 0).unwrap_or_default();
            let tz = zones[rng.below(zones.len())];
            let text = rule(&mut rng, start);
            let Ok(series) = Series::parse(&text, start, tz, all_day) else { continue };
            series_checked += 1;
            let duration = if all_day {
                Duration::days(1 + rng.below(3) as i64)
            } else {
                Duration::minutes(30 + 30 * rng.below(100) as i64)
            };
            for _ in 0..6 {
                let from = (day + Duration::days(rng.below(900) as i64 - 100)).and_hms_opt(rng.below(24) as u32, 0, 0);
                let from = from.unwrap_or_default().and_utc();
                let to = from + Duration::hours(1 + rng.below(24 * 60) as i64);
                let expected = series.between(from, to, duration).expect("expands");
                starts_seen += expected.len();
                let cached = between(&series.text(), start, tz, all_day, (from, to), duration).expect("expands");
                assert_eq!(cached, expected, "{text} from {start} in {tz}, range {from} – {to}");
                // Asked again, from the months now kept.
                let again = between(&series.text(), start, tz, all_day, (from, to), duration).expect("expands");
                assert_eq!(again, expected, "{text} again");
            }
        }
        assert!(series_checked > 200 && starts_seen > 1000, "{series_checked} series, {starts_seen} starts");
    }
}
