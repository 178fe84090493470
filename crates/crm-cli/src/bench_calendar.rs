//! The calendar benchmark: month views over a calendar of many events, a share
//! of them recurring series that run for years (expanded on every query).

use crate::bench::percentiles;
use crm_core::calendar::{self, CalendarQuery};
use crm_core::demo::Rng;
use crm_core::events::{self, EventInput};
use crm_core::{Error, Store};
use std::time::Instant;

const ZONES: &[&str] = &["Europe/Berlin", "Europe/Berlin", "Europe/London", "America/New_York", "Europe/Kyiv"];
const DAYS: &[&str] = &["MO", "TU", "WE", "TH", "FR"];

/// A date `offset` days after 1 July 2024.
fn day(offset: usize) -> String {
    let start = chrono::NaiveDate::from_ymd_opt(2024, 7, 1).unwrap_or_default();
    (start + chrono::Duration::days(offset as i64)).to_string()
}

/// A rule for a series, started on `date` (its weekday and day of month fit the rule).
fn rule(rng: &mut Rng, date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let weekday = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][date.weekday().num_days_from_monday() as usize];
    let workday = DAYS.contains(&weekday);
    let nth = (date.day() - 1) / 7 + 1;
    // Mostly weekly meetings, some fortnightly and monthly, a few daily stand-ups and yearly reviews.
    let base = match rng.below(20) {
        0..=9 => format!("FREQ=WEEKLY;BYDAY={weekday}"),
        10..=12 => format!("FREQ=WEEKLY;INTERVAL=2;BYDAY={weekday}"),
        13 if workday => "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR".to_owned(),
        13 => "FREQ=DAILY".to_owned(),
        14 | 15 if nth <= 4 => format!("FREQ=MONTHLY;BYDAY={nth}{weekday}"),
        14..=17 => "FREQ=MONTHLY".to_owned(),
        _ => "FREQ=YEARLY".to_owned(),
    };
    match rng.below(4) {
        0 => format!("{base};COUNT={}", 10 + rng.below(40)),
        1 => format!("{base};UNTIL={}", (date + chrono::Duration::days(60 + rng.below(700) as i64)).format("%Y%m%d")),
        _ => base,
    }
}

fn event(rng: &mut Rng, i: usize, date: &str) -> EventInput {
    let hour = 7 + rng.below(11);
    let minutes = [30, 60, 60, 90][rng.below(4)];
    let start =
        chrono::NaiveDateTime::parse_from_str(&format!("{date}T{hour:02}:00"), "%Y-%m-%dT%H:%M").unwrap_or_default();
    EventInput {
        subject: format!("Meeting {i}"),
        location: ["", "Room 1", "Customer site", "Video call"][rng.below(4)].to_owned(),
        start: start.format("%Y-%m-%dT%H:%M").to_string(),
        end: Some((start + chrono::Duration::minutes(minutes)).format("%Y-%m-%dT%H:%M").to_string()),
        tz: rng.pick(ZONES).to_owned(),
        // Half the meetings remind a quarter of an hour before (the reminder query reads those).
        reminder_minutes: i.is_multiple_of(2).then_some(15),
        ..Default::default()
    }
}

/// A team of ten: the local user and nine more, who own the events in turn.
const TEAM: usize = 10;

fn team(store: &Store) -> Result<Vec<String>, Error> {
    store.write(|w| {
        let mut ids = vec![w.actor_id().to_owned()];
        for i in 1..TEAM {
            let id = crm_core::new_id();
            let mut f = crm_core::write::Fields::new();
            f.insert("name".into(), format!("Rep {i}").into());
            w.insert(&crm_core::users::USER, &id, f)?;
            ids.push(id);
        }
        Ok(ids)
    })
}

/// Fills `store` with `n` events (one in twenty a recurring series) of a team and times month
/// views over them: the whole team's calendar and one person's.
pub fn measure(store: &Store, n: usize, add: &mut impl FnMut(String, f64, &'static str, f64)) -> Result<(), Error> {
    let series = n / 20;
    let mut rng = Rng::new(2026);
    let owners = team(store)?;
    let t = Instant::now();
    store.write(|w| {
        for i in 0..n {
            // Single events over two years (July 2025 – June 2027); series start from July 2024 on.
            let recurring = i % 20 == 0;
            let date = if recurring { day(rng.below(900)) } else { day(365 + rng.below(730)) };
            let mut input = event(&mut rng, i, &date);
            if recurring {
                let d = chrono::NaiveDate::parse_from_str(&date, "%Y-%m-%d").unwrap_or_default();
                input.rrule = Some(rule(&mut rng, d));
            }
            input.owner_id = Some(owners[rng.below(TEAM)].clone());
            events::create(w, input)?;
        }
        Ok(())
    })?;
    add(
        format!("create {n} events ({series} recurring series) through the write path"),
        t.elapsed().as_secs_f64(),
        "s",
        60.0,
    );

    // Month grids (six weeks) of each month of 2026, as the calendar's month view asks for them.
    let months: Vec<(String, String)> = (1..=12)
        .map(|m| {
            let first = chrono::NaiveDate::from_ymd_opt(2026, m, 1).unwrap_or_default();
            let from = first - chrono::Duration::days(7);
            let to = first + chrono::Duration::days(35);
            (format!("{from}T00:00:00Z"), format!("{to}T00:00:00Z"))
        })
        .collect();
    for (who, owner) in [("the whole team's", None), ("one person's", Some(owners[1].clone()))] {
        let mut items = 0;
        let (p50, p95) = percentiles(months.len() * 3, |i| {
            let (start, end) = months[i % months.len()].clone();
            let query = CalendarQuery { start, end, tz: "Europe/Berlin".into(), owner_id: owner.clone(), types: None };
            items = calendar::range(store, query)?.len();
            Ok(())
        })?;
        let what = format!("month view (6 weeks) of {who} calendar, {n} events with {series} series, ~{items} items");
        add(format!("{what}, p50"), p50, "ms", 30.0);
        add(format!("{what}, p95"), p95, "ms", 30.0);
    }
    Ok(())
}

/// The calendar of `measure` as an iCalendar file: written, then imported into an empty
/// database; and the reminders due in a week of it.
pub fn ics(
    store: &Store,
    dir: &std::path::Path,
    add: &mut impl FnMut(String, f64, &'static str, f64),
) -> Result<(), Error> {
    use crm_core::ical::{self, IcsExportArgs, IcsImportArgs};
    let file = dir.join("calendar.ics");
    let t = Instant::now();
    let args = IcsExportArgs { path: Some(file.display().to_string()), no_tasks: true, ..Default::default() };
    let written = ical::export(store, args)?;
    let megabytes = std::fs::metadata(&file).map(|m| m.len() as f64 / 1e6).unwrap_or_default();
    add(
        format!("export {} events (series with their exceptions) as iCalendar ({megabytes:.0} MB)", written.events),
        t.elapsed().as_secs_f64(),
        "s",
        10.0,
    );
    let empty = Store::open(dir.join("ics-import.db"))?;
    let t = Instant::now();
    let report = ical::import(&empty, IcsImportArgs { path: Some(file.display().to_string()), ..Default::default() })?;
    add(
        format!("import that file into an empty database ({} events created)", report.created),
        t.elapsed().as_secs_f64(),
        "s",
        60.0,
    );
    drop(empty);
    for name in ["ics-import.db", "ics-import.db-wal", "ics-import.db-shm", "calendar.ics"] {
        let _ = std::fs::remove_file(dir.join(name));
    }
    let weeks: Vec<String> = (0..20).map(|w| format!("{}T08:00:00Z", day(365 + 7 * w))).collect();
    let mut found = 0;
    let (p50, p95) = percentiles(weeks.len(), |i| {
        let until = weeks[i].clone();
        let from = Some(format!("{}T08:00:00Z", day(358 + 7 * i)));
        let query = crm_core::reminders::ReminderQuery { until, from, tz: Some("Europe/Berlin".into()) };
        found = crm_core::reminders::due(store, query)?.reminders.len();
        Ok(())
    })?;
    add(format!("reminders due in a week (~{found}), p50"), p50, "ms", 50.0);
    add(format!("reminders due in a week (~{found}), p95"), p95, "ms", 50.0);
    Ok(())
}
