//! Activities: tasks, events with recurrence, calls, the calendar range and the timeline.

mod common;

use chrono::{DateTime, NaiveDateTime, Utc};
use crm_core::commands::dispatch;
use crm_core::recurrence::Series;
use crm_core::{ErrorCode, Store};
use serde_json::{json, Value};

/// A store whose clock stands still at `now` (RFC 3339).
fn store_at(now: &str) -> common::TestStore {
    let dir = tempfile::tempdir().unwrap();
    let ms = DateTime::parse_from_rfc3339(now).unwrap().timestamp_millis();
    let store = Store::open_with_wall(dir.path().join("crm.db"), Box::new(move || ms)).unwrap();
    common::TestStore { store, dir }
}

fn call(s: &Store, name: &str, args: Value) -> Value {
    dispatch(s, name, args).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

/// The error's code and field.
fn fails(s: &Store, name: &str, args: Value) -> (ErrorCode, String) {
    let e = dispatch(s, name, args).expect_err("should fail");
    (e.code, e.field.unwrap_or_default())
}

fn invalid(field: &str) -> (ErrorCode, String) {
    (ErrorCode::Validation, field.to_owned())
}

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap().to_owned()
}

fn contact(s: &Store, first: &str, last: &str) -> String {
    id(&call(s, "contact_create", json!({"first_name": first, "last_name": last})))
}

/// The calendar between two instants in `tz`: (start, subject, occurrence).
fn calendar(s: &Store, from: &str, to: &str, tz: &str) -> Vec<(String, String, Option<String>)> {
    let items = call(s, "calendar_range", json!({"start": from, "end": to, "tz": tz}));
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["start"].as_str().unwrap().to_owned(),
                i["subject"].as_str().unwrap().to_owned(),
                i["occurrence"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

fn starts(items: &[(String, String, Option<String>)]) -> Vec<&str> {
    items.iter().map(|(s, _, _)| s.as_str()).collect()
}

// ---------- tasks ----------

#[test]
fn task_validation_names_each_field() {
    let t = common::store();
    let c = contact(&t, "Anna", "Schmidt");
    let cases = [
        (json!({"subject": "  "}), "subject"),
        (json!({"subject": "x".repeat(201)}), "subject"),
        (json!({"subject": "a", "due_date": "2026-02-30"}), "due_date"),
        (json!({"subject": "a", "due_time": "10:00"}), "due_time"),
        (json!({"subject": "a", "due_date": "2026-03-01", "due_time": "25:00"}), "due_time"),
        (json!({"subject": "a", "reminder_at": "tomorrow"}), "reminder_at"),
        (json!({"subject": "a", "record": {"type": "banana", "id": c}}), "record.type"),
        (json!({"subject": "a", "record": {"type": "case", "id": c}}), "record.type"),
        (json!({"subject": "a", "record": {"type": "quote", "id": c}}), "record.id"),
        (json!({"subject": "a", "record": {"type": "account", "id": c}}), "record.id"),
        (json!({"subject": "a", "person": {"type": "lead", "id": c}}), "person.id"),
        (json!({"subject": "a", "owner_id": "nobody"}), "owner_id"),
    ];
    for (input, field) in cases {
        assert_eq!(fails(&t, "task_create", input.clone()), invalid(field), "{input}");
    }
    // A person is a contact or a lead, nothing else.
    assert_eq!(
        fails(&t, "task_create", json!({"subject": "a", "person": {"type": "account", "id": c}})).0,
        ErrorCode::BadArguments
    );
    // A deleted record cannot be linked.
    call(&t, "contact_delete", json!({"id": c}));
    assert_eq!(
        fails(&t, "task_create", json!({"subject": "a", "record": {"type": "contact", "id": c}})),
        invalid("record.id")
    );
    assert_eq!(fails(&t, "task_update", json!({"id": "none", "changes": {}})).0, ErrorCode::NotFound);
}

#[test]
fn completing_a_task_stamps_it_and_reopening_clears_it() {
    let t = store_at("2026-03-20T12:00:00Z");
    let task = call(
        &t,
        "task_create",
        json!({"subject": "Send offer", "due_date": "2026-03-25", "due_time": "9:30", "priority": "high"}),
    );
    assert_eq!(task["due_time"], "09:30");
    assert_eq!(task["status"], "not_started");
    assert_eq!(task["completed_at"], Value::Null);
    assert_eq!(task["owner_id"], t.user_id());
    let done = call(&t, "task_complete", json!({"id": id(&task)}));
    assert_eq!(done["status"], "completed");
    assert_eq!(done["completed_at"], "2026-03-20T12:00:00.000Z");
    let deferred = call(&t, "task_update", json!({"id": id(&task), "changes": {"status": "deferred"}}));
    assert_eq!(deferred["status"], "deferred", "a task, unlike an event, can be deferred");
    assert_eq!(deferred["completed_at"], Value::Null);
    assert_eq!(fails(&t, "task_update", json!({"id": id(&task), "changes": {"status": "held"}})), invalid("status"));
    call(&t, "task_delete", json!({"id": id(&task)}));
    assert_eq!(fails(&t, "task_complete", json!({"id": id(&task)})).0, ErrorCode::Conflict);
    let restored = call(&t, "task_restore", json!({"id": id(&task)}));
    assert_eq!(restored["deleted_at"], Value::Null);
}

#[test]
fn task_lists_filter_by_overdue_today_status_owner_and_record() {
    let t = store_at("2026-03-20T23:30:00Z"); // already the 21st in Berlin
    let c = contact(&t, "Anna", "Schmidt");
    let mk = |subject: &str, extra: Value| {
        let mut input = json!({"subject": subject});
        input.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        id(&call(&t, "task_create", input))
    };
    mk("old", json!({"due_date": "2026-03-10"}));
    let old_done = mk("old done", json!({"due_date": "2026-03-11"}));
    call(&t, "task_complete", json!({"id": old_done}));
    mk("today utc", json!({"due_date": "2026-03-20", "due_time": "08:00"}));
    mk("today berlin", json!({"due_date": "2026-03-21", "record": {"type": "contact", "id": c}}));
    mk("undated", json!({"status": "waiting"}));
    let subjects = |q: Value| -> Vec<String> {
        let page = call(&t, "task_list", q);
        page["rows"].as_array().unwrap().iter().map(|r| r["subject"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(
        subjects(json!({})),
        ["old", "old done", "today utc", "today berlin", "undated"],
        "by due date, undated last"
    );
    assert_eq!(subjects(json!({"overdue": true})), ["old"]);
    assert_eq!(subjects(json!({"overdue": true, "tz": "Europe/Berlin"})), ["old", "today utc"]);
    assert_eq!(subjects(json!({"due_today": true})), ["today utc"]);
    assert_eq!(subjects(json!({"due_today": true, "tz": "Europe/Berlin"})), ["today berlin"]);
    assert_eq!(subjects(json!({"status": "waiting"})), ["undated"]);
    assert_eq!(subjects(json!({"record_id": c})), ["today berlin"]);
    assert_eq!(subjects(json!({"owner_id": t.user_id()})).len(), 5);
    assert!(subjects(json!({"owner_id": "someone else"})).is_empty());
    let first = call(&t, "task_list", json!({"limit": 2}));
    assert_eq!(first["total"], 5);
    let second = call(&t, "task_list", json!({"limit": 2, "after": first["next"]}));
    assert_eq!(second["rows"][0]["subject"], "today utc");
    assert_eq!(fails(&t, "task_list", json!({"overdue": true, "tz": "Mars/Olympus"})), invalid("tz"));
}

#[test]
fn a_task_shows_on_its_contacts_timeline_and_in_search() {
    let t = common::store();
    let c = contact(&t, "Anna", "Schmidt");
    let task = call(&t, "task_create", json!({"subject": "Quarterly review", "person": {"type": "contact", "id": c}}));
    call(&t, "task_complete", json!({"id": id(&task)}));
    let timeline = call(&t, "timeline_get", json!({"id": c}));
    let entries: Vec<(&str, &str, &str)> = timeline
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["record_type"].as_str().unwrap(), e["record_id"].as_str().unwrap(), e["op"].as_str().unwrap()))
        .collect();
    let tid = id(&task);
    assert_eq!(
        entries,
        [("task", tid.as_str(), "update"), ("task", tid.as_str(), "create"), ("contact", c.as_str(), "create")]
    );
    let completed = &timeline[0]["changes"];
    assert!(completed.as_array().unwrap().iter().any(|ch| ch["field"] == "status" && ch["new"] == "completed"));
    let hits = call(&t, "search", json!({"q": "quarter"}));
    assert_eq!(hits["groups"][0]["record_type"], "task");
    assert_eq!(hits["groups"][0]["hits"][0]["title"], "Quarterly review");
}

// ---------- events ----------

#[test]
fn event_validation_and_the_held_rule() {
    let t = store_at("2026-03-20T12:00:00Z");
    let c = contact(&t, "Anna", "Schmidt");
    let base = |extra: Value| {
        let mut input = json!({"subject": "Meeting", "start": "2026-03-24T09:00", "tz": "Europe/Berlin"});
        input.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        input
    };
    let cases = [
        (json!({"subject": ""}), "subject"),
        (json!({"tz": "Berlin"}), "tz"),
        (json!({"start": "24.03.2026 09:00"}), "start"),
        (json!({"end": "2026-03-24T08:00"}), "end"),
        (json!({"end": "2026-03-24T09:00"}), "end"),
        (json!({"start": "2026-03-29T02:30"}), "start"), // the clock skips 02:00–03:00 that night
        (json!({"status": "held"}), "status"),
        (json!({"reminder_minutes": 50000}), "reminder_minutes"),
        (json!({"attendees": [{"type": "lead", "id": c}]}), "attendees[0]"),
        (json!({"attendees": [{"type": "contact", "id": c}, {"type": "contact", "id": c}]}), "attendees[1]"),
        (json!({"rrule": "FREQ=HOURLY"}), "rrule"),
        (json!({"rrule": "FREQ=WEEKLY;COUNT=3;UNTIL=20260501T000000Z"}), "rrule"),
        (json!({"rrule": "FREQ=WEEKLY;BYDAY=MO"}), "rrule"), // 24 March 2026 is a Tuesday
        (json!({"rrule": "FREQ=WEEKLY;UNTIL=20260301"}), "rrule"),
        (json!({"rrule": "nonsense"}), "rrule"),
        (json!({"all_day": true, "start": "2026-03-24", "end": "2026-03-24"}), "end"),
    ];
    for (extra, field) in cases {
        assert_eq!(fails(&t, "event_create", base(extra.clone())), invalid(field), "{extra}");
    }
    // An event cannot be deferred: there is no such status.
    assert_eq!(fails(&t, "event_create", base(json!({"status": "deferred"}))).0, ErrorCode::BadArguments);
    let ev = call(
        &t,
        "event_create",
        base(json!({"attendees": [{"type": "contact", "id": c}, {"type": "user", "id": t.user_id()}]})),
    );
    assert_eq!(ev["end"], "2026-03-24T10:00:00", "an hour unless told");
    assert_eq!(fails(&t, "event_update", json!({"id": id(&ev), "changes": {"status": "held"}})), invalid("status"));
    assert_eq!(fails(&t, "event_update", json!({"id": id(&ev), "changes": {"status": "deferred"}})), invalid("status"));
    let past = call(&t, "event_create", base(json!({"start": "2026-03-20T12:30", "status": "held"})));
    assert_eq!(past["status"], "held", "12:30 in Berlin is 11:30 UTC, before now");
    let all_day = call(&t, "event_create", json!({"subject": "Fair", "all_day": true, "start": "2026-03-25"}));
    assert_eq!((all_day["end"].as_str(), all_day["tz"].as_str()), (Some("2026-03-26"), Some("")));
    // The attendee's timeline shows the meeting.
    let timeline = call(&t, "timeline_get", json!({"id": c}));
    assert!(timeline.as_array().unwrap().iter().any(|e| e["record_type"] == "event" && e["record_id"] == ev["id"]));
    let fewer = call(&t, "event_update", json!({"id": id(&ev), "changes": {"attendees": []}}));
    assert_eq!(fewer["attendees"], json!([]));
    assert_eq!(call(&t, "search", json!({"q": "fair"}))["groups"][0]["record_type"], "event");
    call(&t, "event_delete", json!({"id": id(&ev)}));
    assert_eq!(call(&t, "event_restore", json!({"id": id(&ev)}))["deleted_at"], Value::Null);
}

// ---------- recurrence against RFC 5545 §3.8.5.3 ----------

fn local(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// The local starts of a New York series (the RFC's examples use America/New_York).
fn expand(rule: &str, start: &str) -> Vec<String> {
    let s = Series::parse(rule, local(start), chrono_tz::America::New_York, false).unwrap();
    s.between(utc("1997-01-01T00:00:00Z"), utc("2002-01-01T00:00:00Z"), chrono::Duration::hours(1))
        .unwrap()
        .into_iter()
        .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
        .collect()
}

fn days(list: &[&str]) -> Vec<String> {
    list.iter().map(|d| format!("{d} 09:00")).collect()
}

#[test]
fn rfc_5545_examples() {
    assert_eq!(
        expand("FREQ=DAILY;COUNT=10", "1997-09-02T09:00"),
        days(&[
            "1997-09-02",
            "1997-09-03",
            "1997-09-04",
            "1997-09-05",
            "1997-09-06",
            "1997-09-07",
            "1997-09-08",
            "1997-09-09",
            "1997-09-10",
            "1997-09-11"
        ])
    );
    // Every other week on Tuesday and Thursday, for 8 occurrences.
    assert_eq!(
        expand("FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH", "1997-09-02T09:00"),
        days(&[
            "1997-09-02",
            "1997-09-04",
            "1997-09-16",
            "1997-09-18",
            "1997-09-30",
            "1997-10-02",
            "1997-10-14",
            "1997-10-16"
        ])
    );
    // Monthly on the first Friday for 10 occurrences.
    assert_eq!(
        expand("FREQ=MONTHLY;COUNT=10;BYDAY=1FR", "1997-09-05T09:00"),
        days(&[
            "1997-09-05",
            "1997-10-03",
            "1997-11-07",
            "1997-12-05",
            "1998-01-02",
            "1998-02-06",
            "1998-03-06",
            "1998-04-03",
            "1998-05-01",
            "1998-06-05"
        ])
    );
    // Monthly on the first and last Sunday for 10 occurrences.
    assert_eq!(
        expand("FREQ=MONTHLY;COUNT=10;BYDAY=1SU,-1SU", "1997-09-07T09:00"),
        days(&[
            "1997-09-07",
            "1997-09-28",
            "1997-10-05",
            "1997-10-26",
            "1997-11-02",
            "1997-11-30",
            "1997-12-07",
            "1997-12-28",
            "1998-01-04",
            "1998-01-25"
        ])
    );
    // Every year in June and July for 10 occurrences.
    assert_eq!(
        expand("FREQ=YEARLY;COUNT=10;BYMONTH=6,7", "1997-06-10T09:00"),
        days(&[
            "1997-06-10",
            "1997-07-10",
            "1998-06-10",
            "1998-07-10",
            "1999-06-10",
            "1999-07-10",
            "2000-06-10",
            "2000-07-10",
            "2001-06-10",
            "2001-07-10"
        ])
    );
    // Monthly on the 2nd and 15th of the month for 10 occurrences.
    assert_eq!(
        expand("FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15", "1997-09-02T09:00"),
        days(&[
            "1997-09-02",
            "1997-09-15",
            "1997-10-02",
            "1997-10-15",
            "1997-11-02",
            "1997-11-15",
            "1997-12-02",
            "1997-12-15",
            "1998-01-02",
            "1998-01-15"
        ])
    );
    // Weekly until December 24, 1997: 09:00 local on both sides of the switch to standard time (26 Oct 1997).
    let weekly = expand("FREQ=WEEKLY;UNTIL=19971224T000000Z", "1997-09-02T09:00");
    assert_eq!(weekly.len(), 17);
    assert_eq!((weekly[0].as_str(), weekly[16].as_str()), ("1997-09-02 09:00", "1997-12-23 09:00"));
    // Every other day, forever (expanded within the asked range only): from 2 Sep 1997 to the end of 1997.
    let s =
        Series::parse("FREQ=DAILY;INTERVAL=2", local("1997-09-02T09:00"), chrono_tz::America::New_York, false).unwrap();
    let within =
        s.between(utc("1997-12-01T00:00:00Z"), utc("1998-01-01T00:00:00Z"), chrono::Duration::hours(1)).unwrap();
    assert_eq!(within.first().map(|t| t.to_string()), Some("1997-12-01 09:00:00".into()));
    assert_eq!(within.len(), 16);
    // Last Friday and the second Tuesday of each month.
    assert_eq!(
        expand("FREQ=MONTHLY;COUNT=3;BYDAY=-1FR", "1997-09-26T09:00"),
        days(&["1997-09-26", "1997-10-31", "1997-11-28"])
    );
    assert_eq!(
        expand("FREQ=MONTHLY;COUNT=3;BYDAY=2TU", "1997-09-09T09:00"),
        days(&["1997-09-09", "1997-10-14", "1997-11-11"])
    );
    // A rule saved back keeps its parts; a local or date UNTIL becomes UTC.
    let s = Series::parse(
        "freq=weekly;byday=tu;until=19971224",
        local("1997-09-02T09:00"),
        chrono_tz::America::New_York,
        false,
    )
    .unwrap();
    assert_eq!(s.text(), "FREQ=WEEKLY;BYDAY=TU;UNTIL=19971225T045959Z");
}

#[test]
fn a_weekly_berlin_meeting_stays_at_nine_across_daylight_saving() {
    let t = common::store();
    call(
        &t,
        "event_create",
        json!({"subject": "Jour fixe", "start": "2026-03-16T09:00", "end": "2026-03-16T09:30", "tz": "Europe/Berlin", "rrule": "FREQ=WEEKLY;BYDAY=MO"}),
    );
    let march = calendar(&t, "2026-03-15T00:00:00Z", "2026-04-07T00:00:00Z", "Europe/Berlin");
    assert_eq!(
        starts(&march),
        [
            "2026-03-16T09:00:00+01:00",
            "2026-03-23T09:00:00+01:00",
            "2026-03-30T09:00:00+02:00",
            "2026-04-06T09:00:00+02:00"
        ]
    );
    // Seen from New York, which switched on 8 March: 04:00 while Berlin is still on winter time, then 03:00.
    let ny = calendar(&t, "2026-03-15T00:00:00Z", "2026-04-01T00:00:00Z", "America/New_York");
    assert_eq!(starts(&ny), ["2026-03-16T04:00:00-04:00", "2026-03-23T04:00:00-04:00", "2026-03-30T03:00:00-04:00"]);
    // Back to winter time on the last Sunday of October.
    let october = calendar(&t, "2026-10-19T00:00:00Z", "2026-11-03T00:00:00Z", "Europe/Berlin");
    assert_eq!(
        starts(&october),
        ["2026-10-19T09:00:00+02:00", "2026-10-26T09:00:00+01:00", "2026-11-02T09:00:00+01:00"]
    );
    // The occurrence names the series and its original start.
    assert_eq!(october[1].2.as_deref(), Some("2026-10-26T09:00:00"));
}

#[test]
fn new_york_series_across_both_switches_and_a_skipped_hour() {
    let t = common::store();
    call(
        &t,
        "event_create",
        json!({"subject": "Standup", "start": "2026-03-06T08:30", "tz": "America/New_York", "rrule": "FREQ=DAILY;COUNT=4"}),
    );
    let items = calendar(&t, "2026-03-01T00:00:00Z", "2026-03-31T00:00:00Z", "America/New_York");
    assert_eq!(
        starts(&items),
        [
            "2026-03-06T08:30:00-05:00",
            "2026-03-07T08:30:00-05:00",
            "2026-03-08T08:30:00-04:00",
            "2026-03-09T08:30:00-04:00"
        ]
    );
    call(
        &t,
        "event_create",
        json!({"subject": "Fall", "start": "2026-10-30T10:00", "tz": "America/New_York", "rrule": "FREQ=WEEKLY;BYDAY=FR,MO;UNTIL=20261103"}),
    );
    let fall = calendar(&t, "2026-10-29T00:00:00Z", "2026-11-10T00:00:00Z", "UTC");
    assert_eq!(starts(&fall), ["2026-10-30T14:00:00+00:00", "2026-11-02T15:00:00+00:00"]);
    // 02:30 does not exist on 29 March in Berlin: that day's occurrence is at 03:30 summer time (RFC 5545 3.3.5).
    call(
        &t,
        "event_create",
        json!({"subject": "Backup", "start": "2026-03-28T02:30", "tz": "Europe/Berlin", "rrule": "FREQ=DAILY;COUNT=3"}),
    );
    let night = calendar(&t, "2026-03-27T00:00:00Z", "2026-03-31T00:00:00Z", "Europe/Berlin");
    assert_eq!(starts(&night), ["2026-03-28T02:30:00+01:00", "2026-03-29T03:30:00+02:00", "2026-03-30T02:30:00+02:00"]);
}

// ---------- exceptions and edit scopes ----------

fn weekly(t: &Store) -> String {
    id(&call(
        t,
        "event_create",
        json!({"subject": "Weekly", "start": "2026-05-04T09:00", "tz": "Europe/Berlin", "rrule": "FREQ=WEEKLY;COUNT=6"}),
    ))
}

const MAY: (&str, &str) = ("2026-05-01T00:00:00Z", "2026-06-30T00:00:00Z");

#[test]
fn deleting_one_occurrence_adds_an_exdate_and_moving_one_makes_an_override() {
    let t = common::store();
    let series = weekly(&t);
    let after = call(&t, "event_delete", json!({"id": series, "scope": "this", "occurrence": "2026-05-11T09:00"}));
    assert_eq!(after["exdates"], json!(["2026-05-11T09:00:00"]));
    let moved = call(
        &t,
        "event_update",
        json!({"id": series, "scope": "this", "occurrence": "2026-05-18T09:00:00", "changes": {"start": "2026-05-19T14:00", "end": "2026-05-19T15:00", "location": "Room 2"}}),
    );
    assert_eq!(
        (moved["series_id"].as_str(), moved["recurrence_id"].as_str()),
        (Some(series.as_str()), Some("2026-05-18T09:00:00"))
    );
    assert_eq!(moved["rrule"], Value::Null);
    let items = calendar(&t, MAY.0, MAY.1, "Europe/Berlin");
    assert_eq!(
        starts(&items),
        [
            "2026-05-04T09:00:00+02:00",
            "2026-05-19T14:00:00+02:00",
            "2026-05-25T09:00:00+02:00",
            "2026-06-01T09:00:00+02:00",
            "2026-06-08T09:00:00+02:00"
        ]
    );
    assert_eq!(items[1].2.as_deref(), Some("2026-05-18T09:00:00"), "the moved one keeps its original start");
    // Editing the same occurrence again changes the override, not a second one.
    let again = call(
        &t,
        "event_update",
        json!({"id": series, "scope": "this", "occurrence": "2026-05-18T09:00", "changes": {"subject": "Moved"}}),
    );
    assert_eq!(again["id"], moved["id"]);
    assert_eq!(calendar(&t, MAY.0, MAY.1, "Europe/Berlin").len(), 5);
    // Taken-out or unknown occurrences cannot be edited.
    assert_eq!(
        fails(
            &t,
            "event_update",
            json!({"id": series, "scope": "this", "occurrence": "2026-05-11T09:00", "changes": {}})
        ),
        invalid("occurrence")
    );
    assert_eq!(
        fails(
            &t,
            "event_update",
            json!({"id": series, "scope": "this", "occurrence": "2026-05-12T09:00", "changes": {}})
        ),
        invalid("occurrence")
    );
    assert_eq!(fails(&t, "event_update", json!({"id": series, "scope": "this", "changes": {}})), invalid("occurrence"));
    assert_eq!(
        fails(&t, "event_update", json!({"id": id(&moved), "changes": {"rrule": "FREQ=DAILY"}})),
        invalid("rrule")
    );
    // Deleting the moved occurrence takes it out of the series.
    let series_after = call(&t, "event_delete", json!({"id": id(&moved)}));
    assert_eq!(series_after["exdates"], json!(["2026-05-11T09:00:00", "2026-05-18T09:00:00"]));
    assert!(call(&t, "event_get", json!({"id": id(&moved)}))["deleted_at"].is_string());
    assert_eq!(calendar(&t, MAY.0, MAY.1, "Europe/Berlin").len(), 4);
    // Deleting the series hides everything; restoring brings it back.
    call(&t, "event_delete", json!({"id": series}));
    assert!(calendar(&t, MAY.0, MAY.1, "Europe/Berlin").is_empty());
    call(&t, "event_restore", json!({"id": series}));
    assert_eq!(calendar(&t, MAY.0, MAY.1, "Europe/Berlin").len(), 4);
}

#[test]
fn this_and_following_splits_the_series() {
    let t = common::store();
    let series = weekly(&t);
    call(&t, "event_delete", json!({"id": series, "scope": "this", "occurrence": "2026-06-01T09:00"}));
    let moved = call(
        &t,
        "event_update",
        json!({"id": series, "scope": "this", "occurrence": "2026-05-25T09:00", "changes": {"subject": "Special"}}),
    );
    let following = call(
        &t,
        "event_update",
        json!({"id": series, "scope": "this_and_following", "occurrence": "2026-05-18T09:00", "changes": {"start": "2026-05-18T10:00", "end": "2026-05-18T11:00", "subject": "Later"}}),
    );
    assert_ne!(following["id"].as_str(), Some(series.as_str()));
    assert_eq!(following["rrule"], "FREQ=WEEKLY;COUNT=4", "the remaining four of six");
    assert_eq!(following["exdates"], json!(["2026-06-01T10:00:00"]), "exceptions move with the series");
    let old = call(&t, "event_get", json!({"id": series}));
    assert_eq!(old["rrule"], "FREQ=WEEKLY;UNTIL=20260518T065959Z");
    assert_eq!(old["exdates"], json!([]));
    let carried = call(&t, "event_get", json!({"id": id(&moved)}));
    assert_eq!(
        (carried["series_id"].as_str(), carried["recurrence_id"].as_str()),
        (following["id"].as_str(), Some("2026-05-25T10:00:00"))
    );
    let items = calendar(&t, MAY.0, MAY.1, "Europe/Berlin");
    let got: Vec<(&str, &str)> = items.iter().map(|(s, subject, _)| (s.as_str(), subject.as_str())).collect();
    assert_eq!(
        got,
        [
            ("2026-05-04T09:00:00+02:00", "Weekly"),
            ("2026-05-11T09:00:00+02:00", "Weekly"),
            ("2026-05-18T10:00:00+02:00", "Later"),
            ("2026-05-25T09:00:00+02:00", "Special"),
            ("2026-06-08T10:00:00+02:00", "Later"),
        ]
    );
    // Deleting this and the following ones ends the series before it.
    call(
        &t,
        "event_delete",
        json!({"id": following["id"], "scope": "this_and_following", "occurrence": "2026-06-08T10:00"}),
    );
    assert_eq!(calendar(&t, MAY.0, MAY.1, "Europe/Berlin").len(), 4);
}

#[test]
fn editing_all_occurrences_moves_the_exceptions_with_the_series() {
    let t = common::store();
    let series = weekly(&t);
    call(&t, "event_delete", json!({"id": series, "scope": "this", "occurrence": "2026-05-11T09:00"}));
    let moved = call(
        &t,
        "event_update",
        json!({"id": series, "scope": "this", "occurrence": "2026-05-18T09:00", "changes": {"location": "Room 2"}}),
    );
    let all = call(
        &t,
        "event_update",
        json!({"id": series, "scope": "all", "changes": {"start": "2026-05-04T08:00", "end": "2026-05-04T09:00", "subject": "Earlier"}}),
    );
    assert_eq!(all["exdates"], json!(["2026-05-11T08:00:00"]));
    assert_eq!(call(&t, "event_get", json!({"id": id(&moved)}))["recurrence_id"], "2026-05-18T08:00:00");
    let items = calendar(&t, MAY.0, MAY.1, "Europe/Berlin");
    let got: Vec<&str> = items.iter().map(|(_, s, _)| s.as_str()).collect();
    assert_eq!(got, ["Earlier", "Weekly", "Earlier", "Earlier", "Earlier"], "the moved one keeps its own fields");
    assert_eq!(items[0].0, "2026-05-04T08:00:00+02:00");
}

#[test]
fn a_viewed_series_shows_each_change_at_the_next_view() {
    // Every view after the first reads the series' starts already expanded: each change must show.
    let t = common::store();
    let series = weekly(&t);
    let view =
        || starts(&calendar(&t, MAY.0, MAY.1, "Europe/Berlin")).into_iter().map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(view().len(), 6);
    assert_eq!(view().len(), 6, "the same when read again");
    call(&t, "event_update", json!({"id": series, "scope": "all", "changes": {"rrule": "FREQ=WEEKLY;COUNT=3"}}));
    assert_eq!(view(), ["2026-05-04T09:00:00+02:00", "2026-05-11T09:00:00+02:00", "2026-05-18T09:00:00+02:00"]);
    call(
        &t,
        "event_update",
        json!({"id": series, "scope": "all", "changes": {"start": "2026-05-05T07:30", "end": "2026-05-05T08:00", "rrule": "FREQ=WEEKLY;COUNT=3"}}),
    );
    assert_eq!(view(), ["2026-05-05T07:30:00+02:00", "2026-05-12T07:30:00+02:00", "2026-05-19T07:30:00+02:00"]);
    call(
        &t,
        "event_update",
        json!({"id": series, "scope": "this", "occurrence": "2026-05-12T07:30", "changes": {"start": "2026-05-13T15:00", "end": "2026-05-13T16:00"}}),
    );
    assert_eq!(view(), ["2026-05-05T07:30:00+02:00", "2026-05-13T15:00:00+02:00", "2026-05-19T07:30:00+02:00"]);
    call(&t, "event_delete", json!({"id": series, "scope": "this", "occurrence": "2026-05-05T07:30"}));
    assert_eq!(view(), ["2026-05-13T15:00:00+02:00", "2026-05-19T07:30:00+02:00"]);
    call(&t, "event_delete", json!({"id": series, "scope": "all"}));
    assert!(view().is_empty(), "{:?}", view());
}

// ---------- the calendar range ----------

#[test]
fn calendar_range_mixes_events_series_all_day_and_tasks_sorted_by_start() {
    let t = common::store();
    call(&t, "event_create", json!({"subject": "Lunch", "start": "2026-07-08T12:00", "tz": "Europe/Berlin"}));
    call(&t, "event_create", json!({"subject": "Fair", "all_day": true, "start": "2026-07-07", "end": "2026-07-09"}));
    call(
        &t,
        "event_create",
        json!({"subject": "Review", "start": "2026-06-30T16:00", "tz": "Europe/London", "rrule": "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU"}),
    );
    call(&t, "event_create", json!({"subject": "Next month", "start": "2026-08-03T10:00", "tz": "Europe/Berlin"}));
    // Long events that began before the range still reach into it.
    call(&t, "event_create", json!({"subject": "Trip", "all_day": true, "start": "2026-06-25", "end": "2026-07-08"}));
    call(
        &t,
        "event_create",
        json!({"subject": "Workshop", "start": "2026-07-04T09:00", "end": "2026-07-07T12:00", "tz": "Europe/Berlin"}),
    );
    call(
        &t,
        "event_create",
        json!({"subject": "Ended", "start": "2026-06-29T09:00", "end": "2026-07-06T23:00", "tz": "Europe/Berlin"}),
    );
    call(&t, "task_create", json!({"subject": "Call back", "due_date": "2026-07-08", "due_time": "09:00"}));
    call(&t, "task_create", json!({"subject": "Report", "due_date": "2026-07-09"}));
    call(&t, "task_create", json!({"subject": "Undated"}));
    let items = calendar(&t, "2026-07-06T22:00:00Z", "2026-07-09T22:00:00Z", "Europe/Berlin"); // 7–9 July in Berlin
    let got: Vec<(&str, &str)> = items.iter().map(|(s, subject, _)| (s.as_str(), subject.as_str())).collect();
    assert_eq!(
        got,
        [
            ("2026-06-25", "Trip"),
            ("2026-07-04T09:00:00+02:00", "Workshop"),
            ("2026-07-07", "Fair"),
            ("2026-07-07T17:00:00+02:00", "Review"),
            ("2026-07-08T09:00:00+02:00", "Call back"),
            ("2026-07-08T12:00:00+02:00", "Lunch"),
            ("2026-07-09", "Report"),
        ]
    );
    let only_tasks = call(
        &t,
        "calendar_range",
        json!({"start": "2026-07-06T22:00:00Z", "end": "2026-07-09T22:00:00Z", "tz": "Europe/Berlin", "types": ["task"]}),
    );
    assert_eq!(only_tasks.as_array().unwrap().len(), 2);
    assert_eq!(only_tasks[0]["type"], "task");
    let utc_day = call(
        &t,
        "calendar_range",
        json!({"start": "2026-07-07T00:00:00Z", "end": "2026-07-08T00:00:00Z", "tz": "UTC", "types": ["event"]}),
    );
    let series_item = utc_day.as_array().unwrap().iter().find(|i| i["subject"] == "Review").unwrap();
    assert_eq!(
        (series_item["subject"].as_str(), series_item["occurrence"].as_str()),
        (Some("Review"), Some("2026-07-07T16:00:00"))
    );
    assert_eq!(series_item["series_id"], series_item["id"]);
    let times = (series_item["start"].as_str(), series_item["end"].as_str());
    assert_eq!(
        times,
        (Some("2026-07-07T15:00:00+00:00"), Some("2026-07-07T16:00:00+00:00")),
        "16:00 London summer time, an hour"
    );
    let nobody = call(
        &t,
        "calendar_range",
        json!({"start": "2026-07-06T22:00:00Z", "end": "2026-07-09T22:00:00Z", "tz": "Europe/Berlin", "owner_id": "someone else"}),
    );
    assert_eq!(nobody, json!([]));
    let bad = |q: Value, field: &str| assert_eq!(fails(&t, "calendar_range", q), invalid(field));
    bad(json!({"start": "2026-07-09T00:00:00Z", "end": "2026-07-01T00:00:00Z", "tz": "UTC"}), "end");
    bad(json!({"start": "2026-07-01T00:00:00Z", "end": "2028-07-01T00:00:00Z", "tz": "UTC"}), "end");
    bad(json!({"start": "July", "end": "2026-07-01T00:00:00Z", "tz": "UTC"}), "start");
    bad(json!({"start": "2026-07-01T00:00:00Z", "end": "2026-07-02T00:00:00Z", "tz": "Nowhere"}), "tz");
}

#[test]
fn an_open_series_started_long_ago_expands_only_the_range() {
    let t = common::store();
    call(
        &t,
        "event_create",
        json!({"subject": "Daily", "start": "2016-01-04T08:00", "tz": "Europe/Berlin", "rrule": "FREQ=DAILY"}),
    );
    call(
        &t,
        "event_create",
        json!({"subject": "Monthly 31st", "start": "2016-01-31T08:00", "tz": "Europe/Berlin", "rrule": "FREQ=MONTHLY"}),
    );
    call(
        &t,
        "event_create",
        json!({"subject": "Biweekly", "start": "2016-01-05T08:00", "tz": "Europe/Berlin", "rrule": "FREQ=WEEKLY;INTERVAL=2"}),
    );
    let items = calendar(&t, "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z", "Europe/Berlin");
    let count = |s: &str| items.iter().filter(|(_, subject, _)| subject == s).count();
    assert_eq!(count("Daily"), 31);
    assert_eq!(count("Monthly 31st"), 1, "March has a 31st");
    assert_eq!(count("Biweekly"), 3);
    let biweekly: Vec<&str> = items.iter().filter(|(_, s, _)| s == "Biweekly").map(|(s, _, _)| s.as_str()).collect();
    assert_eq!(
        biweekly,
        ["2026-03-03T08:00:00+01:00", "2026-03-17T08:00:00+01:00", "2026-03-31T08:00:00+02:00"],
        "phase kept from 5 January 2016"
    );
    let april = calendar(&t, "2026-04-01T00:00:00Z", "2026-05-01T00:00:00Z", "Europe/Berlin");
    assert!(!april.iter().any(|(_, s, _)| s == "Monthly 31st"), "April has no 31st");
}

// ---------- calls ----------

#[test]
fn a_call_with_a_follow_up_task_in_one_step() {
    let t = store_at("2026-03-20T12:00:00Z");
    let c = contact(&t, "Anna", "Schmidt");
    let logged = call(
        &t,
        "call_log",
        json!({
            "direction": "outbound", "outcome": "connected", "duration_seconds": 240, "notes": "Wants a quote",
            "person": {"type": "contact", "id": c}, "record": {"type": "contact", "id": c},
            "follow_up": {"due_date": "2026-03-27"}
        }),
    );
    let task = &logged["follow_up"];
    assert_eq!(task["subject"], "Follow up: Anna Schmidt");
    assert_eq!(task["due_date"], "2026-03-27");
    assert_eq!(task["call_id"], logged["call"]["id"]);
    assert_eq!(task["person"], json!({"type": "contact", "id": c}));
    assert_eq!(logged["call"]["at"], "2026-03-20T12:00:00.000Z");
    let named = call(
        &t,
        "call_log",
        json!({"direction": "inbound", "outcome": "left_voicemail", "subject": "Pricing", "follow_up": {"due_date": "2026-03-21", "priority": "high"}}),
    );
    assert_eq!(named["follow_up"]["subject"], "Follow up: Pricing");
    assert_eq!(named["follow_up"]["priority"], "high");
    // Both show on the contact's timeline.
    let timeline = call(&t, "timeline_get", json!({"id": c}));
    let kinds: Vec<&str> = timeline.as_array().unwrap().iter().map(|e| e["record_type"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["task", "call", "contact"]);
    // A bad follow-up writes nothing, not even the call.
    let calls_before = t.read(|c| Ok(c.query_row("SELECT count(*) FROM calls", [], |r| r.get::<_, i64>(0))?)).unwrap();
    let bad = json!({"direction": "outbound", "outcome": "busy", "follow_up": {"due_date": "next week"}});
    assert_eq!(fails(&t, "call_log", bad), invalid("follow_up.due_date"));
    let calls_after = t.read(|c| Ok(c.query_row("SELECT count(*) FROM calls", [], |r| r.get::<_, i64>(0))?)).unwrap();
    assert_eq!(calls_before, calls_after);
    assert_eq!(
        fails(&t, "call_log", json!({"direction": "outbound", "outcome": "busy", "duration_seconds": 90000})),
        invalid("duration_seconds")
    );
    assert_eq!(
        fails(&t, "call_log", json!({"direction": "outbound", "outcome": "busy", "at": "2026-03-21T12:00:00Z"})),
        invalid("at")
    );
    assert_eq!(fails(&t, "call_log", json!({"direction": "sideways", "outcome": "busy"})).0, ErrorCode::BadArguments);
    assert_eq!(call(&t, "call_get", json!({"id": logged["call"]["id"]}))["duration_seconds"], 240);
}

#[test]
fn expanding_from_near_the_range_matches_expanding_from_the_first_start() {
    // With COUNT the whole series is walked; without it expansion starts near the range. Both agree.
    let rules = [
        ("FREQ=DAILY;INTERVAL=3", "2019-02-28T07:15"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;WKST=SU", "2019-03-04T09:00"),
        ("FREQ=MONTHLY;BYDAY=2TU", "2019-03-12T09:00"),
        ("FREQ=MONTHLY;BYDAY=-1FR", "2019-03-29T16:00"),
        ("FREQ=MONTHLY;BYMONTHDAY=31", "2019-03-31T10:00"),
        ("FREQ=MONTHLY;INTERVAL=5", "2019-03-30T10:00"),
        ("FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1SU", "2019-03-31T11:30"),
        ("FREQ=YEARLY", "2020-02-29T12:00"),
    ];
    for (rule, start) in rules {
        for tz in [chrono_tz::Europe::Berlin, chrono_tz::America::New_York] {
            let open = Series::parse(rule, local(start), tz, false).unwrap();
            let counted = Series::parse(&format!("{rule};COUNT=2000"), local(start), tz, false).unwrap();
            for (from, to) in
                [("2026-03-01T00:00:00Z", "2026-04-15T00:00:00Z"), ("2027-10-01T00:00:00Z", "2027-11-30T00:00:00Z")]
            {
                let d = chrono::Duration::minutes(45);
                let a = open.between(utc(from), utc(to), d).unwrap();
                let b = counted.between(utc(from), utc(to), d).unwrap();
                assert_eq!(a, b, "{rule} in {tz} from {from}");
            }
        }
    }
}

#[test]
fn merging_contacts_moves_their_activities_to_the_one_that_stays() {
    let t = common::store();
    let winner = contact(&t, "Anna", "Schmidt");
    let loser = contact(&t, "Anna", "Schmidt");
    let task = call(
        &t,
        "task_create",
        json!({"subject": "Send deck", "record": {"type": "contact", "id": loser}, "person": {"type": "contact", "id": loser}}),
    );
    let logged = call(
        &t,
        "call_log",
        json!({"direction": "inbound", "outcome": "connected", "person": {"type": "contact", "id": loser}}),
    );
    let meeting = call(
        &t,
        "event_create",
        json!({"subject": "Demo", "start": "2026-09-01T10:00", "tz": "Europe/Berlin", "attendees": [{"type": "contact", "id": loser}]}),
    );
    let merged = call(&t, "records_merge", json!({"record_type": "contact", "winner_id": winner, "loser_id": loser}));
    assert_eq!(merged["relinked"], 4);
    let moved = call(&t, "task_get", json!({"id": id(&task)}));
    assert_eq!(
        (moved["record"]["id"].as_str(), moved["person"]["id"].as_str()),
        (Some(winner.as_str()), Some(winner.as_str()))
    );
    assert_eq!(call(&t, "call_get", json!({"id": logged["call"]["id"]}))["person"]["id"], winner.as_str());
    assert_eq!(call(&t, "event_get", json!({"id": id(&meeting)}))["attendees"][0]["id"], winner.as_str());
    call(&t, "batch_undo", json!({"batch_id": merged["batch_id"]}));
    assert_eq!(call(&t, "task_get", json!({"id": id(&task)}))["record"]["id"], loser.as_str());
}
