//! The calendar range against a plain computation of the same stored calendar: every row read,
//! every series expanded over a wide window, each occurrence placed with chrono's own formatter.

mod common;

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat, TimeZone, Utc};
use chrono_tz::Tz;
use crm_core::commands::dispatch;
use crm_core::demo::Rng;
use crm_core::recurrence::Series;
use crm_core::Store;
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};

const ZONES: [&str; 4] = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Europe/Kyiv"];

fn call(s: &Store, name: &str, args: Value) -> Value {
    dispatch(s, name, args).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn text(t: NaiveDateTime, all_day: bool) -> String {
    t.format(if all_day { "%Y-%m-%d" } else { "%Y-%m-%dT%H:%M:%S" }).to_string()
}

fn read_local(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")
        .or_else(|_| NaiveDate::parse_from_str(s, "%Y-%m-%d").map(|d| d.and_time(NaiveTime::MIN)))
        .unwrap_or_else(|_| panic!("{s}"))
}

fn earliest(tz: Tz, t: NaiveDateTime) -> Option<DateTime<Utc>> {
    tz.from_local_datetime(&t).earliest().map(|t| t.with_timezone(&Utc))
}

/// Where a date begins in `tz` (an hour later when the clock skips midnight).
fn day_start(tz: Tz, date: NaiveDate) -> DateTime<Utc> {
    let midnight = date.and_time(NaiveTime::MIN);
    earliest(tz, midnight).or_else(|| earliest(tz, midnight + Duration::hours(1))).unwrap_or(midnight.and_utc())
}

struct View {
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    tz: Tz,
    owner: Option<String>,
}

fn column(r: &rusqlite::Row, i: usize) -> Value {
    r.get::<_, Option<String>>(i).unwrap().map_or(Value::Null, Value::String)
}

/// The calendar computed the plain way, by start.
fn expected(s: &Store, v: &View) -> Vec<(DateTime<Utc>, Value)> {
    let (events, tasks) = s
        .read(|c| {
            let mut stmt = c.prepare(
                "SELECT id, series_id, recurrence_id, owner_id, exdates, subject, location, status, all_day,
                        start_local, end_local, tz, rrule, record_type, record_id
                 FROM events WHERE deleted_at IS NULL",
            )?;
            let events: Vec<Vec<Value>> = stmt
                .query_map([], |r| {
                    let mut row: Vec<Value> = (0..15).filter(|i| *i != 8).map(|i| column(r, i)).collect();
                    row.insert(8, json!(r.get::<_, bool>(8)?));
                    Ok(row)
                })?
                .collect::<Result<_, _>>()?;
            let mut stmt = c.prepare(
                "SELECT id, subject, due_date, due_time, status, owner_id, record_type, record_id
                 FROM tasks WHERE deleted_at IS NULL AND due_date IS NOT NULL",
            )?;
            let tasks: Vec<Vec<Value>> =
                stmt.query_map([], |r| Ok((0..8).map(|i| column(r, i)).collect()))?.collect::<Result<_, _>>()?;
            Ok((events, tasks))
        })
        .unwrap();
    let str_of = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    let record = |t: &Value, id: &Value| if t.is_null() { Value::Null } else { json!({"type": t, "id": id}) };
    let series: HashSet<String> = events.iter().filter(|e| !e[12].is_null()).map(|e| str_of(&e[0])).collect();
    let mut moved: HashMap<String, Vec<String>> = HashMap::new();
    for e in events.iter().filter(|e| !e[1].is_null()) {
        moved.entry(str_of(&e[1])).or_default().push(str_of(&e[2]));
    }
    let mut out = Vec::new();
    for e in &events {
        if v.owner.as_ref().is_some_and(|o| *o != str_of(&e[3])) {
            continue;
        }
        if !e[1].is_null() && !series.contains(&str_of(&e[1])) {
            continue; // its series was deleted
        }
        let all_day = e[8].as_bool().unwrap();
        let zone: Tz = if all_day { chrono_tz::UTC } else { str_of(&e[11]).parse().unwrap() };
        let (start, end) = (read_local(&str_of(&e[9])), read_local(&str_of(&e[10])));
        let duration = end - start;
        let mut starts = vec![(start, e[1].clone(), e[2].clone())];
        if let Some(rule) = e[12].as_str() {
            let skip: Vec<String> = serde_json::from_str::<Vec<String>>(&str_of(&e[4]))
                .unwrap()
                .into_iter()
                .chain(moved.get(&str_of(&e[0])).into_iter().flatten().cloned())
                .collect();
            let wide = (v.from - Duration::days(3), v.to + Duration::days(3));
            starts = Series::read(rule, start, zone, all_day)
                .unwrap()
                .between(wide.0, wide.1, duration)
                .unwrap()
                .into_iter()
                .filter(|t| !skip.contains(&text(*t, all_day)))
                .map(|t| (t, e[0].clone(), json!(text(t, all_day))))
                .collect();
        }
        for (local, series_id, occurrence) in starts {
            let local_end = local + duration;
            let placed = if all_day {
                let (s, e) = (day_start(v.tz, local.date()), day_start(v.tz, local_end.date()));
                Some((s, e, text(local, true), text(local_end, true)))
            } else {
                earliest(zone, local)
                    .zip(earliest(zone, local_end).or(earliest(zone, local_end + Duration::hours(1))))
                    .map(|(s, e)| {
                        let show =
                            |t: DateTime<Utc>| t.with_timezone(&v.tz).to_rfc3339_opts(SecondsFormat::Secs, false);
                        (s, e, show(s), show(e))
                    })
            };
            let Some((s, end_at, start_text, end_text)) = placed else { continue };
            if s < v.to && end_at > v.from {
                let item = json!({
                    "type": "event", "id": e[0], "series_id": series_id, "occurrence": occurrence,
                    "subject": e[5], "all_day": all_day, "start": start_text, "end": end_text,
                    "status": e[7], "location": e[6], "owner_id": e[3], "record": record(&e[13], &e[14]),
                });
                out.push((s, item));
            }
        }
    }
    for t in &tasks {
        if v.owner.as_ref().is_some_and(|o| *o != str_of(&t[5])) {
            continue;
        }
        let date = NaiveDate::parse_from_str(&str_of(&t[2]), "%Y-%m-%d").unwrap();
        let (at, start, all_day) = match t[3].as_str() {
            Some(time) => {
                let Some(at) = earliest(v.tz, date.and_time(NaiveTime::parse_from_str(time, "%H:%M").unwrap())) else {
                    continue;
                };
                if at < v.from || at >= v.to {
                    continue;
                }
                (at, at.with_timezone(&v.tz).to_rfc3339_opts(SecondsFormat::Secs, false), false)
            }
            None => {
                let at = day_start(v.tz, date);
                if !(at < v.to && day_start(v.tz, date + Duration::days(1)) > v.from) {
                    continue;
                }
                (at, str_of(&t[2]), true)
            }
        };
        let item = json!({
            "type": "task", "id": t[0], "series_id": null, "occurrence": null, "subject": t[1], "all_day": all_day,
            "start": start, "end": null, "status": t[4], "location": "", "owner_id": t[5], "record": record(&t[6], &t[7]),
        });
        out.push((at, item));
    }
    out.sort_by_key(|(at, item)| (*at, item.to_string()));
    out
}

/// The instant an item the calendar gave starts: its RFC 3339 time, or its date's start in the view's zone.
fn instant_of(v: &View, item: &Value) -> DateTime<Utc> {
    let start = item["start"].as_str().unwrap();
    match DateTime::parse_from_rfc3339(start) {
        Ok(t) => t.with_timezone(&Utc),
        Err(_) => day_start(v.tz, NaiveDate::parse_from_str(start, "%Y-%m-%d").unwrap()),
    }
}

/// The calendar's answer equals the plain computation: the same items, sorted by start.
fn check(s: &Store, v: &View) -> usize {
    let mut args = json!({"start": v.from.to_rfc3339(), "end": v.to.to_rfc3339(), "tz": v.tz.name()});
    if let Some(owner) = &v.owner {
        args["owner_id"] = json!(owner);
    }
    let got = call(s, "calendar_range", args);
    let got: Vec<(DateTime<Utc>, Value)> =
        got.as_array().unwrap().iter().map(|item| (instant_of(v, item), item.clone())).collect();
    assert!(got.windows(2).all(|w| w[0].0 <= w[1].0), "sorted by start");
    let mut sorted = got.clone();
    sorted.sort_by_key(|(at, item)| (*at, item.to_string()));
    let want = expected(s, v);
    for (a, b) in sorted.iter().zip(&want) {
        assert_eq!(a.1, b.1, "view {} – {} in {}", v.from, v.to, v.tz);
    }
    assert_eq!(sorted.len(), want.len(), "view {} – {} in {}", v.from, v.to, v.tz);
    got.len()
}

fn rule(rng: &mut Rng, start: NaiveDateTime, all_day: bool) -> String {
    use chrono::Datelike;
    let day = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][start.weekday().num_days_from_monday() as usize];
    let base = match rng.below(7) {
        0 | 1 => format!("FREQ=WEEKLY;BYDAY={day}"),
        2 => format!("FREQ=WEEKLY;INTERVAL=2;BYDAY={day},FR"),
        3 => "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR".to_owned(),
        4 => format!("FREQ=DAILY;INTERVAL={}", 1 + rng.below(3)),
        5 => format!("FREQ=MONTHLY;BYDAY={}{day}", (start.day() - 1) / 7 + 1),
        _ => "FREQ=MONTHLY;BYMONTHDAY=-1".to_owned(),
    };
    match rng.below(3) {
        0 => format!("{base};COUNT={}", 2 + rng.below(80)),
        1 if all_day => {
            format!("{base};UNTIL={}", (start + Duration::days(30 + rng.below(400) as i64)).format("%Y%m%d"))
        }
        1 => format!("{base};UNTIL={}", (start + Duration::days(30 + rng.below(400) as i64)).format("%Y%m%dT%H%M%SZ")),
        _ => base,
    }
}

/// Local original starts of a series in its first year (to pick occurrences to change).
fn some_occurrences(event: &Value) -> Vec<NaiveDateTime> {
    let all_day = event["all_day"].as_bool().unwrap();
    let start = read_local(event["start"].as_str().unwrap());
    let zone: Tz = if all_day { chrono_tz::UTC } else { event["tz"].as_str().unwrap().parse().unwrap() };
    let series = Series::read(event["rrule"].as_str().unwrap(), start, zone, all_day).unwrap();
    let from = start.and_utc() - Duration::days(1);
    series.between(from, from + Duration::days(365), Duration::minutes(1)).unwrap()
}

#[test]
fn the_calendar_equals_a_plain_computation_of_a_random_calendar() {
    let t = common::store();
    let mut rng = Rng::new(7);
    let me = call(&t, "user_list", json!({}))[0]["id"].as_str().unwrap().to_owned();
    let other = crm_core::new_id();
    t.write(|w| {
        let mut f = crm_core::write::Fields::new();
        f.insert("name".into(), "Other".into());
        w.insert(&crm_core::users::USER, &other, f)
    })
    .unwrap();
    let contact = call(&t, "contact_create", json!({"first_name": "Anna", "last_name": "Schmidt"}))["id"].clone();
    let first_day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let (mut singles, mut series) = (0, Vec::new());
    for i in 0..260 {
        let all_day = rng.below(5) == 0;
        let day = first_day + Duration::days(rng.below(365) as i64);
        // Hours the clocks skip or repeat (01:00–03:00) on the days they change, and others.
        let hour = [0, 1, 2, 2, 3, 9, 12, 23][rng.below(8)];
        let start = day.and_hms_opt(hour, [0, 30][rng.below(2)], 0).unwrap();
        let (start, end) = if all_day {
            (
                start.date().and_time(NaiveTime::MIN),
                start.date().and_time(NaiveTime::MIN) + Duration::days(1 + rng.below(4) as i64),
            )
        } else {
            (start, start + Duration::minutes([30, 60, 90, 150, 24 * 60 + 30, 3 * 24 * 60][rng.below(6)]))
        };
        let recurring = rng.below(4) == 0;
        let location = ["", "Room 1", "Online"][rng.below(3)];
        let zone = if all_day { "" } else { ZONES[rng.below(ZONES.len())] };
        let owner = if rng.below(3) == 0 { &other } else { &me };
        let mut input = json!({
            "subject": format!("Event {i}"),
            "location": location,
            "all_day": all_day,
            "start": text(start, all_day),
            "end": text(end, all_day),
            "tz": zone,
            "owner_id": owner,
        });
        if rng.below(4) == 0 {
            input["record"] = json!({"type": "contact", "id": contact});
        }
        if recurring {
            input["rrule"] = json!(rule(&mut rng, start, all_day));
        }
        // Starts in an hour the clock skips are refused; the others are stored.
        if let Ok(event) = dispatch(&t, "event_create", input) {
            if recurring {
                series.push(event);
            } else {
                singles += 1;
            }
        }
    }
    for i in 0..40 {
        let due = first_day + Duration::days(rng.below(365) as i64);
        let mut input = json!({"subject": format!("Task {i}"), "due_date": due.to_string()});
        if rng.below(2) == 0 {
            input["due_time"] = json!(["00:30", "02:30", "09:00", "23:30"][rng.below(4)]);
        }
        call(&t, "task_create", input);
    }
    assert!(singles > 150 && series.len() > 50, "{singles} events, {} series", series.len());

    let mut views = Vec::new();
    for i in 0..24 {
        let tz: Tz = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "UTC"][i % 4].parse().unwrap();
        // Six-week grids, some over the daylight-saving changes of March/April and October/November.
        let first = first_day + Duration::days([rng.below(330), 60 + rng.below(40), 270 + rng.below(40)][i % 3] as i64);
        let from = day_start(tz, first);
        let owner = (i % 5 == 4).then(|| other.clone());
        views.push(View { from, to: day_start(tz, first + Duration::days(42)), tz, owner });
    }
    // Read once before the series change, so the starts they keep are from then.
    let before: usize = views.iter().map(|v| check(&t, v)).sum();
    assert!(before > 1000, "{before} items");

    // Change the series: occurrences deleted and moved, series split, ended, deleted and restored.
    let mut deleted_with_moved = 0;
    for (n, event) in series.iter().enumerate() {
        let id = event["id"].as_str().unwrap();
        let starts = some_occurrences(event);
        if starts.len() < 4 {
            continue;
        }
        let all_day = event["all_day"].as_bool().unwrap();
        let pick = |rng: &mut Rng| text(starts[1 + rng.below(starts.len() - 2)], all_day);
        let delete = |scope: &str, occurrence: String| {
            call(&t, "event_delete", json!({"id": id, "scope": scope, "occurrence": occurrence}));
        };
        let moved_one = |rng: &mut Rng| {
            let occurrence = pick(rng);
            let at = read_local(&occurrence) + Duration::hours(26);
            let changes = json!({"start": text(at, all_day), "end": text(at + Duration::hours(2), all_day)});
            let changes = if all_day {
                json!({"start": text(at, true), "end": text(at + Duration::days(1), true)})
            } else {
                changes
            };
            dispatch(
                &t,
                "event_update",
                json!({"id": id, "scope": "this", "occurrence": occurrence, "changes": changes}),
            )
        };
        match n % 6 {
            0 => delete("this", pick(&mut rng)),
            1 => {
                let _ = moved_one(&mut rng);
                delete("this", pick(&mut rng));
            }
            2 => {
                let _ = moved_one(&mut rng);
                delete("all", String::new());
                deleted_with_moved += 1;
            }
            3 => {
                let _ = moved_one(&mut rng);
                delete("all", String::new());
                call(&t, "event_restore", json!({"id": id}));
            }
            4 => delete("this_and_following", pick(&mut rng)),
            _ => {
                let occurrence = pick(&mut rng);
                let changes = json!({"subject": "Later part", "location": "Room 2"});
                call(
                    &t,
                    "event_update",
                    json!({"id": id, "scope": "this_and_following", "occurrence": occurrence, "changes": changes}),
                );
            }
        }
    }
    assert!(deleted_with_moved > 5);
    let hidden: i64 = t
        .read(|c| {
            Ok(c.query_row(
                "SELECT count(*) FROM events o JOIN events s ON s.id = o.series_id
                 WHERE o.deleted_at IS NULL AND s.deleted_at IS NOT NULL",
                [],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert!(hidden > 0, "moved occurrences of deleted series stay stored, hidden");
    let after: usize = views.iter().map(|v| check(&t, v)).sum();
    assert_ne!(after, before, "the changes show");
    // And read again, from the starts now kept.
    assert_eq!(views.iter().map(|v| check(&t, v)).sum::<usize>(), after);
}

#[test]
fn reminders_of_a_series_follow_each_change_after_a_read() {
    // Reminders read a series' starts from those kept for the process: every change must show.
    let t = common::store();
    let series = call(
        &t,
        "event_create",
        json!({"subject": "Weekly", "start": "2026-05-04T09:00", "end": "2026-05-04T10:00", "tz": "Europe/Berlin",
               "rrule": "FREQ=WEEKLY", "reminder_minutes": 15}),
    )["id"]
        .clone();
    let due = || -> Vec<String> {
        let found = call(
            &t,
            "reminder_due",
            json!({"from": "2026-05-01T00:00:00Z", "until": "2026-05-31T00:00:00Z", "tz": "Europe/Berlin"}),
        );
        found["reminders"].as_array().unwrap().iter().map(|r| r["remind_at"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(
        due(),
        [
            "2026-05-04T06:45:00.000Z",
            "2026-05-11T06:45:00.000Z",
            "2026-05-18T06:45:00.000Z",
            "2026-05-25T06:45:00.000Z"
        ]
    );
    assert_eq!(due().len(), 4, "the same when read again");
    call(&t, "event_update", json!({"id": series, "scope": "all", "changes": {"rrule": "FREQ=WEEKLY;COUNT=3"}}));
    assert_eq!(due(), ["2026-05-04T06:45:00.000Z", "2026-05-11T06:45:00.000Z", "2026-05-18T06:45:00.000Z"]);
    call(
        &t,
        "event_update",
        json!({"id": series, "scope": "all", "changes": {"start": "2026-05-05T07:30", "end": "2026-05-05T08:00"}}),
    );
    assert_eq!(due(), ["2026-05-05T05:15:00.000Z", "2026-05-12T05:15:00.000Z", "2026-05-19T05:15:00.000Z"]);
    call(
        &t,
        "event_update",
        json!({"id": series, "scope": "this", "occurrence": "2026-05-12T07:30",
               "changes": {"start": "2026-05-13T15:00", "end": "2026-05-13T16:00"}}),
    );
    assert_eq!(due(), ["2026-05-05T05:15:00.000Z", "2026-05-13T12:45:00.000Z", "2026-05-19T05:15:00.000Z"]);
    call(&t, "event_delete", json!({"id": series, "scope": "this", "occurrence": "2026-05-05T07:30"}));
    assert_eq!(due(), ["2026-05-13T12:45:00.000Z", "2026-05-19T05:15:00.000Z"]);
    call(&t, "event_delete", json!({"id": series, "scope": "all"}));
    assert!(due().is_empty(), "the moved one goes with its series: {:?}", due());
    call(&t, "event_restore", json!({"id": series}));
    assert_eq!(due(), ["2026-05-13T12:45:00.000Z", "2026-05-19T05:15:00.000Z"], "and comes back with it");
}
