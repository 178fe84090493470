//! iCalendar: export and import of events and tasks, files of Google, Outlook, Thunderbird
//! and Apple, malformed files, and reminders due in a window.

mod common;

use chrono::DateTime;
use crm_core::commands::dispatch;
use crm_core::{ErrorCode, Store};
use serde_json::{json, Value};
use std::path::PathBuf;

fn store_at(now: &str) -> common::TestStore {
    let dir = tempfile::tempdir().unwrap();
    let ms = DateTime::parse_from_rfc3339(now).unwrap().timestamp_millis();
    let store = Store::open_with_wall(dir.path().join("crm.db"), Box::new(move || ms)).unwrap();
    common::TestStore { store, dir }
}

fn call(s: &Store, name: &str, args: Value) -> Value {
    dispatch(s, name, args).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn fixture(name: &str) -> String {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests/fixtures/ics", name].iter().collect();
    path.display().to_string()
}

fn import_file(s: &Store, name: &str) -> Value {
    call(s, "ics_import", json!({"path": fixture(name)}))
}

fn import_text(s: &Store, text: &str) -> Value {
    call(s, "ics_import", json!({"text": text}))
}

/// The live events, series and moved occurrences alike, by start.
fn events(s: &Store) -> Vec<Value> {
    let ids: Vec<String> = s
        .read(|c| {
            Ok(c.prepare("SELECT id FROM events WHERE deleted_at IS NULL ORDER BY start_local, subject")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?)
        })
        .unwrap();
    ids.iter().map(|id| call(s, "event_get", json!({"id": id}))).collect()
}

fn tasks(s: &Store) -> Vec<Value> {
    let ids: Vec<String> = s
        .read(|c| {
            Ok(c.prepare("SELECT id FROM tasks WHERE deleted_at IS NULL ORDER BY subject")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?)
        })
        .unwrap();
    ids.iter().map(|id| call(s, "task_get", json!({"id": id}))).collect()
}

fn by_subject<'a>(list: &'a [Value], subject: &str) -> &'a Value {
    list.iter().find(|e| e["subject"] == subject).unwrap_or_else(|| panic!("no {subject:?} in {list:#?}"))
}

/// Calendar starts (in `tz`) of the items with this subject.
fn starts(s: &Store, from: &str, to: &str, tz: &str, subject: &str) -> Vec<String> {
    let items = call(s, "calendar_range", json!({"start": from, "end": to, "tz": tz}));
    items
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["subject"] == subject)
        .map(|i| i["start"].as_str().unwrap().to_owned())
        .collect()
}

/// What an event is, without ids and stamps.
fn shape(e: &Value) -> Value {
    json!({
        "subject": e["subject"], "location": e["location"], "notes": e["notes"], "status": e["status"],
        "all_day": e["all_day"], "start": e["start"], "end": e["end"], "tz": e["tz"], "rrule": e["rrule"],
        "exdates": e["exdates"], "reminder_minutes": e["reminder_minutes"], "recurrence_id": e["recurrence_id"],
    })
}

fn task_shape(t: &Value) -> Value {
    json!({
        "subject": t["subject"], "description": t["description"], "due_date": t["due_date"], "due_time": t["due_time"],
        "priority": t["priority"], "status": t["status"], "reminder_at": t["reminder_at"], "completed_at": t["completed_at"],
    })
}

/// A store with a bit of everything an export must carry.
fn sample(s: &Store) {
    let weekly = call(
        s,
        "event_create",
        json!({"subject": "Jour fixe; Vertrieb, Nord", "location": "Raum 3", "notes": "Line one\nLine two, with comma",
               "start": "2026-03-17T09:00", "end": "2026-03-17T10:00", "tz": "Europe/Berlin",
               "rrule": "FREQ=WEEKLY;BYDAY=TU", "reminder_minutes": 15}),
    );
    let id = weekly["id"].as_str().unwrap();
    call(s, "event_delete", json!({"id": id, "scope": "this", "occurrence": "2026-03-31T09:00:00"}));
    call(
        s,
        "event_update",
        json!({"id": id, "scope": "this", "occurrence": "2026-04-07T09:00:00",
               "changes": {"start": "2026-04-08T14:00", "end": "2026-04-08T15:30", "location": "Hamburg"}}),
    );
    call(
        s,
        "event_create",
        json!({"subject": "NY review", "start": "2026-03-02T16:00", "end": "2026-03-02T16:45", "tz": "America/New_York",
               "rrule": "FREQ=MONTHLY;BYDAY=1MO;COUNT=5", "reminder_minutes": 60}),
    );
    call(s, "event_create", json!({"subject": "Messe", "all_day": true, "start": "2026-05-04", "end": "2026-05-07"}));
    call(
        s,
        "event_create",
        json!({"subject": "Kick-off", "start": "2026-01-12T08:30", "end": "2026-01-12T09:00", "tz": "Asia/Tokyo", "status": "held"}),
    );
    call(
        s,
        "task_create",
        json!({"subject": "Angebot schicken", "description": "Preise \\ Rabatte", "due_date": "2026-03-20", "due_time": "17:00",
               "priority": "high", "reminder_at": "2026-03-20T08:00:00Z"}),
    );
    call(
        s,
        "event_create",
        json!({"subject": "UTC call", "start": "2026-03-03T15:00", "tz": "UTC", "rrule": "FREQ=DAILY;COUNT=3"}),
    );
    call(s, "task_create", json!({"subject": "Waiting on legal", "status": "waiting", "priority": "low"}));
    let done = call(s, "task_create", json!({"subject": "Done already", "due_date": "2026-02-01"}));
    call(s, "task_complete", json!({"id": done["id"]}));
}

#[test]
fn export_then_import_into_an_empty_store_gives_the_same_events_and_tasks() {
    let a = store_at("2026-03-01T10:00:00Z");
    sample(&a);
    let exported = call(&a, "ics_export", json!({}));
    let text = exported["text"].as_str().unwrap();
    assert_eq!((exported["events"].as_u64(), exported["tasks"].as_u64()), (Some(5), Some(3)));
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nPRODID:"), "{text}");
    assert!(text.lines().all(|l| l.len() <= 76), "folded at 75 octets");
    assert!(!text.replace("\r\n", "").contains('\n'), "every line ends in CRLF");
    for tz in ["Europe/Berlin", "America/New_York", "Asia/Tokyo"] {
        assert_eq!(text.matches(&format!("TZID:{tz}\r\n")).count(), 1, "one VTIMEZONE for {tz}");
    }
    assert!(text.contains("SUMMARY:Jour fixe\\; Vertrieb\\, Nord"), "{text}");
    assert!(text.contains("EXDATE;TZID=Europe/Berlin:20260331T090000"), "{text}");
    assert!(text.contains("RECURRENCE-ID;TZID=Europe/Berlin:20260407T090000"), "{text}");
    assert!(text.contains("DTSTART;VALUE=DATE:20260504"), "{text}");
    assert!(text.contains("TRIGGER:-PT15M"), "{text}");
    assert!(text.contains("DTSTART:20260303T150000Z") && !text.contains("TZID:UTC"), "UTC as such: {text}");
    assert!(text.contains("BEGIN:VTODO"), "{text}");

    let b = store_at("2026-03-01T10:00:00Z");
    let report = import_text(&b, text);
    assert_eq!(report["created"], 9, "{report}");
    assert!(report["errors"].as_array().unwrap().is_empty(), "{report}");
    let (before, after) = (events(&a), events(&b));
    assert_eq!(before.len(), after.len());
    for (x, y) in before.iter().zip(&after) {
        assert_eq!(shape(x), shape(y));
    }
    let (before, after) = (tasks(&a), tasks(&b));
    for (x, y) in before.iter().zip(&after) {
        assert_eq!(task_shape(x), task_shape(y));
    }
    // The moved occurrence belongs to the imported series.
    let all = events(&b);
    let series = all.iter().find(|e| e["rrule"].is_string() && e["tz"] == "Europe/Berlin").unwrap();
    let override_row = all.iter().find(|e| e["series_id"].is_string()).unwrap();
    assert_eq!(override_row["series_id"], series["id"]);
    assert_eq!(override_row["recurrence_id"], "2026-04-07T09:00:00");

    // Importing the same file again changes nothing; so does importing it back where it came from.
    let again = import_text(&b, text);
    assert_eq!(
        (again["created"].as_u64(), again["updated"].as_u64(), again["unchanged"].as_u64()),
        (Some(0), Some(0), Some(9)),
        "{again}"
    );
    assert!(again["batch_id"].is_null());
    let home = import_text(&a, text);
    assert_eq!((home["created"].as_u64(), home["unchanged"].as_u64()), (Some(0), Some(9)), "{home}");
    // And exporting the imported store gives the records under the same UIDs.
    let second = call(&b, "ics_export", json!({}))["text"].as_str().unwrap().to_owned();
    let uids = |t: &str| {
        let mut u: Vec<String> = t.lines().filter(|l| l.starts_with("UID:")).map(str::to_owned).collect();
        u.sort();
        u
    };
    assert_eq!(uids(text), uids(&second));
}

#[test]
fn export_takes_ids_or_a_range_and_writes_a_file() {
    let s = store_at("2026-03-01T10:00:00Z");
    sample(&s);
    let all = events(&s);
    let moved = all.iter().find(|e| e["series_id"].is_string()).unwrap();
    let one = call(&s, "ics_export", json!({"ids": [moved["id"]]}));
    assert_eq!(
        (one["events"].as_u64(), one["tasks"].as_u64()),
        (Some(1), Some(0)),
        "a moved occurrence brings its series"
    );
    let text = one["text"].as_str().unwrap();
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 2);
    assert!(!text.contains("America/New_York"), "only the zones used");

    let may =
        call(&s, "ics_export", json!({"from": "2026-05-01T00:00:00Z", "to": "2026-06-01T00:00:00Z", "no_tasks": true}));
    let text = may["text"].as_str().unwrap();
    assert!(
        text.contains("SUMMARY:Messe") && text.contains("SUMMARY:Jour fixe") && !text.contains("Kick-off"),
        "{text}"
    );
    assert!(!text.contains("VTODO"));

    let path = s.dir.path().join("out.ics");
    let written = call(&s, "ics_export", json!({"path": path.display().to_string(), "no_events": true}));
    assert_eq!((written["text"].as_str(), written["tasks"].as_u64()), (Some(""), Some(3)));
    assert!(std::fs::read_to_string(&path).unwrap().contains("BEGIN:VTODO"));
    let e = dispatch(&s, "ics_export", json!({"ids": ["nope"]})).unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Validation, Some("ids")));
}

#[test]
fn outlook_windows_zones_and_an_unknown_zone_keep_local_time_across_daylight_saving() {
    let s = store_at("2026-02-01T10:00:00Z");
    let report = import_file(&s, "outlook.ics");
    assert_eq!(report["created"], 3, "{report}");
    let list = events(&s);
    let weekly = by_subject(&list, "Vertriebsrunde");
    assert_eq!((weekly["tz"].as_str(), weekly["start"].as_str()), (Some("Europe/Berlin"), Some("2026-03-17T09:00:00")));
    assert_eq!(weekly["notes"], "Agenda:\n1. Pipeline\n2. Forecast, Q2");
    assert_eq!(weekly["reminder_minutes"], 15);
    assert_eq!(weekly["exdates"], json!(["2026-04-07T09:00:00"]));
    // Berlin changes to summer time on 29 March: the meeting stays at 09:00 local (08:00 → 07:00 UTC).
    let berlin = starts(&s, "2026-03-01T00:00:00Z", "2026-05-01T00:00:00Z", "Europe/Berlin", "Vertriebsrunde");
    assert_eq!(
        berlin,
        [
            "2026-03-17T09:00:00+01:00",
            "2026-03-24T09:00:00+01:00",
            "2026-03-31T09:00:00+02:00",
            "2026-04-14T09:00:00+02:00",
            "2026-04-21T09:00:00+02:00"
        ]
    );
    // "(UTC-05:00) Eastern Time (US & Canada)" is found by its offsets: New York, which changes on 8 March.
    let ny = by_subject(&list, "New York stand-up");
    assert_eq!(ny["tz"], "America/New_York");
    let ny_starts = starts(&s, "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z", "America/New_York", "New York stand-up");
    assert_eq!(
        ny_starts,
        [
            "2026-03-03T09:00:00-05:00",
            "2026-03-10T09:00:00-04:00",
            "2026-03-17T09:00:00-04:00",
            "2026-03-24T09:00:00-04:00"
        ]
    );
    let holiday = by_subject(&list, "Ostermontag");
    assert_eq!(
        (holiday["all_day"].as_bool(), holiday["start"].as_str(), holiday["end"].as_str()),
        (Some(true), Some("2026-04-06"), Some("2026-04-07"))
    );
}

#[test]
fn google_utc_times_exdate_lists_and_exceptions() {
    let s = store_at("2026-02-01T10:00:00Z");
    let report = import_file(&s, "google.ics");
    assert!(report["errors"].as_array().unwrap().is_empty(), "{report}");
    let list = events(&s);
    let call_series = list.iter().find(|e| e["subject"] == "US pipeline call").unwrap();
    assert_eq!(call_series["reminder_minutes"], 30);
    // Two EXDATE lines, one a comma list, and a cancelled occurrence (its RECURRENCE-ID in UTC).
    assert_eq!(
        call_series["exdates"],
        json!(["2026-03-16T10:00:00", "2026-03-23T10:00:00", "2026-03-30T10:00:00", "2026-04-06T10:00:00"])
    );
    let moved = by_subject(&list, "US pipeline call (moved)");
    assert_eq!(
        (moved["series_id"].as_str(), moved["recurrence_id"].as_str()),
        (call_series["id"].as_str(), Some("2026-03-09T10:00:00"))
    );
    let march = starts(&s, "2026-03-01T00:00:00Z", "2026-04-14T00:00:00Z", "America/New_York", "US pipeline call");
    assert_eq!(march, ["2026-03-02T10:00:00-05:00", "2026-04-13T10:00:00-04:00"]);
    // A single event in UTC shows in the calendar's zone (X-WR-TIMEZONE); DURATION gives its end.
    let lunch = by_subject(&list, "Lunch with Jürgen");
    assert_eq!(
        (lunch["tz"].as_str(), lunch["start"].as_str(), lunch["end"].as_str(), lunch["location"].as_str()),
        (
            Some("Europe/Berlin"),
            Some("2026-03-12T14:00:00"),
            Some("2026-03-12T14:45:00"),
            Some("Café Einstein, Berlin")
        )
    );
    let fair = by_subject(&list, "Trade fair");
    assert_eq!((fair["start"].as_str(), fair["end"].as_str()), (Some("2026-03-20"), Some("2026-03-22")));
}

#[test]
fn apple_alarms_all_day_series_and_tasks() {
    let s = store_at("2026-03-01T10:00:00Z");
    let report = import_file(&s, "apple.ics");
    assert_eq!(report["created"], 4, "{report}");
    let list = events(&s);
    let visit = by_subject(&list, "Visit Müller GmbH");
    assert_eq!(visit["reminder_minutes"], 60, "the silent default alarm is not a reminder");
    assert_eq!(visit["location"], "Müller GmbH\nHauptstraße 5\n10115 Berlin");
    assert_eq!(visit["notes"], "Bring the contract; ask about the 2nd site; see notes");
    let may_day = by_subject(&list, "Tag der Arbeit");
    assert_eq!(
        (may_day["all_day"].as_bool(), may_day["rrule"].as_str(), may_day["reminder_minutes"].as_u64()),
        (Some(true), Some("FREQ=YEARLY"), Some(900))
    );
    let t = tasks(&s);
    let quote = by_subject(&t, "Send the quote to Müller");
    assert_eq!(
        (
            quote["due_date"].as_str(),
            quote["due_time"].as_str(),
            quote["priority"].as_str(),
            quote["reminder_at"].as_str()
        ),
        (Some("2026-03-20"), Some("17:00"), Some("high"), Some("2026-03-20T08:00:00.000Z"))
    );
    let anna = by_subject(&t, "Call back Anna");
    assert_eq!(
        (anna["status"].as_str(), anna["completed_at"].as_str(), anna["priority"].as_str()),
        (Some("completed"), Some("2026-03-09T15:12:00.000Z"), Some("low"))
    );
}

#[test]
fn thunderbird_zone_names_floating_times_and_task_alarms() {
    let s = store_at("2026-02-01T10:00:00Z");
    let report = call(&s, "ics_import", json!({"path": fixture("thunderbird.ics"), "tz": "Europe/Vienna"}));
    assert_eq!(report["created"], 3, "{report}");
    let list = events(&s);
    let close = by_subject(&list, "Monatsabschluss");
    assert_eq!((close["tz"].as_str(), close["reminder_minutes"].as_u64()), (Some("Europe/Berlin"), Some(1440)));
    let month_ends = starts(&s, "2026-03-01T00:00:00Z", "2026-08-01T00:00:00Z", "Europe/Berlin", "Monatsabschluss");
    assert_eq!(
        month_ends,
        [
            "2026-03-31T16:00:00+02:00",
            "2026-04-30T16:00:00+02:00",
            "2026-05-31T16:00:00+02:00",
            "2026-06-30T16:00:00+02:00"
        ]
    );
    let floating = by_subject(&list, "Floating workshop");
    assert_eq!(
        (floating["tz"].as_str(), floating["start"].as_str()),
        (Some("Europe/Vienna"), Some("2026-03-23T13:00:00"))
    );
    let t = tasks(&s);
    let report_task = by_subject(&t, "Prepare the board report");
    assert_eq!(
        (report_task["status"].as_str(), report_task["due_time"].as_str(), report_task["reminder_at"].as_str()),
        (Some("in_progress"), Some("12:00"), Some("2026-03-27T09:00:00.000Z"))
    );
}

#[test]
fn files_from_ical_js_and_libical_import() {
    let s = store_at("2026-02-01T10:00:00Z");
    let report = import_file(&s, "icaljs-recur_instances.ics");
    assert!(report["errors"].as_array().unwrap().is_empty(), "{report}");
    let warnings = report["warnings"].as_array().unwrap();
    assert!(warnings.iter().any(|w| w["message"].as_str().unwrap().starts_with("RDATE")), "{report}");
    let list = events(&s);
    let series = list.iter().find(|e| e["rrule"] == "FREQ=MONTHLY;INTERVAL=1;BYDAY=1TU").unwrap();
    assert_eq!(series["tz"], "America/Los_Angeles");
    assert_eq!(series["exdates"], json!(["2012-12-04T10:00:00", "2013-02-05T10:00:00", "2013-04-02T10:00:00"]));
    assert_eq!(series["reminder_minutes"], 5);
    let changed = list.iter().find(|e| e["notes"] == "I HAZ CHANGED!").unwrap();
    assert_eq!(
        (changed["recurrence_id"].as_str(), changed["start"].as_str()),
        (Some("2012-10-02T10:00:00"), Some("2012-10-02T15:00:00"))
    );

    let report = import_file(&s, "icaljs-duration_instead_of_dtend.ics");
    assert_eq!(report["created"], 1, "{report}");
    let list = events(&s);
    let long = by_subject(&list, "Really long event name thing");
    assert_eq!(
        (long["start"].as_str(), long["end"].as_str()),
        (Some("2012-06-30T06:00:00"), Some("2012-07-01T06:00:00"))
    );

    // A task with a floating due time and an alarm at a fixed time.
    let report = import_file(&s, "libical-3.ics");
    assert_eq!(report["created"], 1, "{report}");
    let t = tasks(&s);
    let taxes = by_subject(&t, "Submit Income Taxes");
    assert_eq!(
        (taxes["due_date"].as_str(), taxes["due_time"].as_str(), taxes["reminder_at"].as_str()),
        (Some("1998-04-15"), Some("23:59"), Some("1998-04-03T12:00:00.000Z"))
    );
    // libical's own broken files: a date with a digit too many, and snippets outside any VCALENDAR.
    let before = events(&s).len();
    for (name, line) in [("libical-calendar.ics", 57), ("libical-2445.ics", 11)] {
        let e = dispatch(&s, "ics_import", json!({"path": fixture(name)})).expect_err(name);
        assert_eq!(e.row, Some(line), "{name}: {}", e.message);
    }
    assert_eq!(events(&s).len(), before);
}

#[test]
fn a_file_in_a_windows_code_page_reads() {
    let s = store_at("2026-02-01T10:00:00Z");
    let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:cp\r\nSUMMARY:Besprechung mit Herrn Müller über Größen\r\n\
                DTSTART:20260302T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let path = s.dir.path().join("old-outlook.ics");
    std::fs::write(&path, &bytes).unwrap();
    call(&s, "ics_import", json!({"path": path.display().to_string()}));
    assert_eq!(events(&s)[0]["subject"], "Besprechung mit Herrn Müller über Größen");
}

#[test]
fn a_malformed_file_names_its_line_and_imports_nothing() {
    let s = store_at("2026-02-01T10:00:00Z");
    let good = "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Fine\r\nDTSTART:20260302T100000Z\r\nEND:VEVENT\r\n";
    let cases = [
        (format!("BEGIN:VCALENDAR\r\n{good}BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Open\r\n"), 7, "never ended"),
        (format!("BEGIN:VCALENDAR\r\n{good}BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20261302T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"), 9, "not a date-time"),
        (format!("BEGIN:VCALENDAR\r\n{good}BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20260302T100000Z\r\nRRULE:FREQ=SOMETIMES\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"), 10, "RRULE"),
        (format!("BEGIN:VCALENDAR\r\n{good}BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20260302T100000Z\r\nRRULE:FREQ=DAILY;COUNT=3;UNTIL=20260310T000000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"), 10, "COUNT or UNTIL"),
        (format!("BEGIN:VCALENDAR\r\n{good}BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20260302T100000Z\r\nRRULE:FREQ=WEEKLY;UNTIL=2026\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"), 10, "UNTIL=2026"),
        (format!("BEGIN:VCALENDAR\r\n{good}BEGIN:VEVENT\r\nUID:b\r\nDTSTART;TZID=Mars/Olympus:20260302T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"), 9, "Mars/Olympus"),
        (format!("BEGIN:VCALENDAR\r\n{good}BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:2026-03-02\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"), 8, "not a date"),
        (format!("BEGIN:VCALENDAR\r\n{good}END:VEVENT\r\nEND:VCALENDAR\r\n"), 7, "closes BEGIN:VCALENDAR of line 1"),
        (format!("BEGIN:VCALENDAR\r\n{good}BEGIN:VEVENT\r\nDTSTART:20260302T100000Z\r\nBEGIN:VALARM\r\nTRIGGER:soon\r\nEND:VALARM\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"), 10, "duration"),
    ];
    for (text, line, words) in cases {
        let e = dispatch(&s, "ics_import", json!({"text": text})).expect_err(words);
        assert_eq!(e.code, ErrorCode::Validation);
        assert_eq!(e.row, Some(line), "{words}: {e:?}");
        assert!(e.message.starts_with(&format!("Line {line}:")) && e.message.contains(words), "{words}: {}", e.message);
        assert!(events(&s).is_empty(), "{words}: nothing imported");
    }
}

#[test]
fn an_event_outpost_cannot_hold_is_reported_and_the_rest_imported() {
    let s = store_at("2026-02-01T10:00:00Z");
    let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:hourly\r\nSUMMARY:Every hour\r\nDTSTART:20260302T100000Z\r\n\
                RRULE:FREQ=HOURLY\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:ok\r\nSUMMARY:Fine\r\nDTSTART:20260302T100000Z\r\n\
                END:VEVENT\r\nEND:VCALENDAR\r\n";
    let report = import_text(&s, text);
    assert_eq!(report["created"], 1);
    assert_eq!(report["errors"], json!([{"line": 6, "message": "A series repeats daily, weekly, monthly or yearly"}]));
}

#[test]
fn an_import_is_one_batch_that_undo_takes_back_and_a_dry_run_writes_nothing() {
    let s = store_at("2026-02-01T10:00:00Z");
    let dry = call(&s, "ics_import", json!({"path": fixture("google.ics"), "dry_run": true}));
    assert_eq!((dry["created"].as_u64(), dry["batch_id"].is_null()), (Some(4), true), "{dry}");
    assert!(events(&s).is_empty());
    let report = import_file(&s, "google.ics");
    let batch = report["batch_id"].as_str().unwrap();
    assert_eq!(events(&s).len(), 4);
    call(&s, "batch_undo", json!({"batch_id": batch}));
    assert!(events(&s).is_empty());

    // Importing the file again brings the same records back (restored, not copied).
    let again = import_file(&s, "google.ics");
    assert_eq!((again["updated"].as_u64(), again["created"].as_u64()), (Some(4), Some(0)), "{again}");
    assert_eq!(events(&s).len(), 4);
    call(&s, "batch_undo", json!({"batch_id": again["batch_id"]}));
    assert!(events(&s).is_empty());
}

#[test]
fn a_changed_file_updates_by_uid_and_keeps_the_links_made_in_outpost() {
    let s = store_at("2026-02-01T10:00:00Z");
    import_file(&s, "google.ics");
    let account = call(&s, "account_create", json!({"name": "Müller GmbH"}));
    let list = events(&s);
    let lunch = by_subject(&list, "Lunch with Jürgen")["id"].clone();
    call(&s, "event_update", json!({"id": lunch, "changes": {"record": {"type": "account", "id": account["id"]}}}));
    let text = std::fs::read_to_string(fixture("google.ics"))
        .unwrap()
        .replace("Lunch with Jürgen", "Lunch with Jürgen and Anna");
    let report = import_text(&s, &text);
    assert_eq!((report["created"].as_u64(), report["updated"].as_u64()), (Some(0), Some(1)), "{report}");
    let after = call(&s, "event_get", json!({"id": lunch}));
    assert_eq!(after["subject"], "Lunch with Jürgen and Anna");
    assert_eq!(after["record"]["id"], account["id"]);
}

/// (remind_at, subject, occurrence) of the reminders due.
fn due(s: &Store, args: Value) -> Vec<(String, String, Option<String>)> {
    call(s, "reminder_due", args)["reminders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["remind_at"].as_str().unwrap().into(),
                r["subject"].as_str().unwrap().into(),
                r["occurrence"].as_str().map(Into::into),
            )
        })
        .collect()
}

#[test]
fn reminders_of_a_weekly_series_follow_local_time_across_daylight_saving() {
    let s = store_at("2026-03-01T10:00:00Z");
    let weekly = call(
        &s,
        "event_create",
        json!({"subject": "Standup", "start": "2026-03-17T09:00", "tz": "Europe/Berlin", "rrule": "FREQ=WEEKLY", "reminder_minutes": 15}),
    );
    call(&s, "event_delete", json!({"id": weekly["id"], "scope": "this", "occurrence": "2026-04-07T09:00:00"}));
    call(
        &s,
        "event_update",
        json!({"id": weekly["id"], "scope": "this", "occurrence": "2026-04-14T09:00:00", "changes": {"start": "2026-04-14T11:00", "end": "2026-04-14T12:00"}}),
    );
    let ny = call(
        &s,
        "event_create",
        json!({"subject": "NY sync", "start": "2026-03-04T09:00", "tz": "America/New_York", "rrule": "FREQ=WEEKLY;COUNT=2", "reminder_minutes": 60}),
    );
    let _ = ny;
    call(&s, "event_create", json!({"subject": "No reminder", "start": "2026-03-20T09:00", "tz": "Europe/Berlin"}));
    let window = json!({"from": "2026-03-01T00:00:00Z", "until": "2026-04-20T00:00:00Z"});
    let got = due(&s, window);
    let standup: Vec<(&str, Option<&str>)> =
        got.iter().filter(|r| r.1 == "Standup").map(|r| (r.0.as_str(), r.2.as_deref())).collect();
    assert_eq!(
        standup,
        [
            ("2026-03-17T07:45:00.000Z", Some("2026-03-17T09:00:00")),
            ("2026-03-24T07:45:00.000Z", Some("2026-03-24T09:00:00")),
            ("2026-03-31T06:45:00.000Z", Some("2026-03-31T09:00:00")),
            ("2026-04-14T08:45:00.000Z", Some("2026-04-14T09:00:00")),
        ],
        "summer time moves the UTC instant; the deleted occurrence has none; the moved one reminds at its new time"
    );
    let ny: Vec<&str> = got.iter().filter(|r| r.1 == "NY sync").map(|r| r.0.as_str()).collect();
    assert_eq!(ny, ["2026-03-04T13:00:00.000Z", "2026-03-11T12:00:00.000Z"], "New York changed on 8 March");
    assert!(got.iter().all(|r| r.1 != "No reminder"));
    let sorted: Vec<&String> = got.iter().map(|r| &r.0).collect();
    assert!(sorted.windows(2).all(|w| w[0] <= w[1]), "by time due");
}

#[test]
fn reminders_already_acknowledged_are_not_shown_again() {
    let s = store_at("2026-03-10T12:00:00Z");
    call(&s, "task_create", json!({"subject": "Call Anna", "reminder_at": "2026-03-10T08:00:00Z"}));
    call(&s, "task_create", json!({"subject": "Later", "reminder_at": "2026-03-10T11:00:00Z"}));
    let done = call(&s, "task_create", json!({"subject": "Done", "reminder_at": "2026-03-10T09:00:00Z"}));
    call(&s, "task_complete", json!({"id": done["id"]}));
    call(
        &s,
        "event_create",
        json!({"subject": "Meeting", "start": "2026-03-10T11:30", "tz": "UTC", "reminder_minutes": 10}),
    );
    // Never acknowledged: the last day.
    let first = due(&s, json!({"until": "2026-03-10T12:00:00Z"}));
    let subjects: Vec<&str> = first.iter().map(|r| r.1.as_str()).collect();
    assert_eq!(subjects, ["Call Anna", "Later", "Meeting"]);
    let acked = call(&s, "reminder_ack", json!({"until": "2026-03-10T10:00:00Z"}));
    assert_eq!(acked["acknowledged_until"], "2026-03-10T10:00:00.000Z");
    let missed = due(&s, json!({"until": "2026-03-10T12:00:00Z"}));
    assert_eq!(missed.iter().map(|r| r.1.as_str()).collect::<Vec<_>>(), ["Later", "Meeting"]);
    // The marker never moves back.
    let kept = call(&s, "reminder_ack", json!({"until": "2026-03-09T00:00:00Z"}));
    assert_eq!(kept["acknowledged_until"], "2026-03-10T10:00:00.000Z");
    // An all-day event reminds from the start of its day in the zone asked for.
    call(
        &s,
        "event_create",
        json!({"subject": "Fair", "all_day": true, "start": "2026-03-11", "reminder_minutes": 900}),
    );
    let berlin =
        due(&s, json!({"from": "2026-03-10T00:00:00Z", "until": "2026-03-10T12:00:00Z", "tz": "Europe/Berlin"}));
    let fair: Vec<&str> = berlin.iter().filter(|r| r.1 == "Fair").map(|r| r.0.as_str()).collect();
    assert_eq!(fair, ["2026-03-10T08:00:00.000Z"], "midnight in Berlin (23:00 UTC) less 15 hours");
    let e = dispatch(&s, "reminder_due", json!({"until": "soon"})).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("until"));
}

#[test]
fn attendees_travel_as_email_addresses() {
    let a = store_at("2026-03-01T10:00:00Z");
    let anna = call(
        &a,
        "contact_create",
        json!({"first_name": "Anna", "last_name": "Berg", "emails": ["Anna.Berg@example.com"]}),
    );
    let bob = call(&a, "contact_create", json!({"first_name": "Bob", "last_name": "Ohne"}));
    let event = call(
        &a,
        "event_create",
        json!({"subject": "Review", "start": "2026-03-05T10:00", "tz": "Europe/Berlin",
               "attendees": [{"type": "contact", "id": anna["id"]}, {"type": "contact", "id": bob["id"]}]}),
    );
    let text = call(&a, "ics_export", json!({}))["text"].as_str().unwrap().to_owned();
    let unfolded = text.replace("\r\n ", "");
    assert!(
        unfolded.contains("ATTENDEE;CN=\"Anna Berg\";CUTYPE=INDIVIDUAL;PARTSTAT=ACCEPTED:mailto:anna.berg@example.com"),
        "{text}"
    );
    assert!(
        unfolded.contains(&format!(
            "CN=\"Bob Ohne\";CUTYPE=INDIVIDUAL;PARTSTAT=ACCEPTED:urn:uuid:{}",
            bob["id"].as_str().unwrap()
        )),
        "{text}"
    );

    // Another store knows Anna by her e-mail, not Bob: she becomes an attendee, he is left out.
    let b = store_at("2026-03-01T10:00:00Z");
    let anna_b = call(
        &b,
        "contact_create",
        json!({"first_name": "Anna", "last_name": "Berg", "emails": ["anna.berg@EXAMPLE.com"]}),
    );
    import_text(&b, &text);
    let imported = events(&b);
    assert_eq!(imported[0]["attendees"], json!([{"type": "contact", "id": anna_b["id"]}]));
    // Back home both are found again, and nothing changes.
    let home = import_text(&a, &text);
    assert_eq!(home["unchanged"], 1, "{home}");
    assert_eq!(call(&a, "event_get", json!({"id": event["id"]}))["attendees"].as_array().unwrap().len(), 2);
}

#[test]
fn an_exception_sent_later_joins_its_series() {
    let s = store_at("2026-02-01T10:00:00Z");
    let series = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:weekly-1\r\nSUMMARY:Weekly\r\nDTSTART;TZID=Europe/Berlin:20260302T090000\r\n\
                  DTEND;TZID=Europe/Berlin:20260302T100000\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    import_text(&s, series);
    let moved = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:weekly-1\r\nSUMMARY:Weekly (later)\r\n\
                 RECURRENCE-ID:20260309T080000Z\r\nDTSTART;TZID=Europe/Berlin:20260309T150000\r\n\
                 DTEND;TZID=Europe/Berlin:20260309T160000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let report = import_text(&s, moved);
    assert_eq!(report["created"], 1, "{report}");
    let list = events(&s);
    let row = by_subject(&list, "Weekly (later)");
    let series_row = by_subject(&list, "Weekly");
    assert_eq!(
        (row["series_id"].as_str(), row["recurrence_id"].as_str()),
        (series_row["id"].as_str(), Some("2026-03-09T09:00:00"))
    );
    let starts = starts(&s, "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z", "Europe/Berlin", "Weekly");
    assert_eq!(starts, ["2026-03-02T09:00:00+01:00", "2026-03-16T09:00:00+01:00", "2026-03-23T09:00:00+01:00"]);
    // A cancellation sent later takes the occurrence out.
    let cancel = moved.replace("RECURRENCE-ID:20260309T080000Z", "RECURRENCE-ID:20260316T080000Z\r\nSTATUS:CANCELLED");
    let report = import_text(&s, &cancel);
    assert_eq!(report["updated"], 1, "{report}");
    assert_eq!(call(&s, "event_get", json!({"id": series_row["id"]}))["exdates"], json!(["2026-03-16T09:00:00"]));
}

#[test]
fn events_held_or_not_held_do_not_remind() {
    let s = store_at("2026-03-10T12:00:00Z");
    call(
        &s,
        "event_create",
        json!({"subject": "Planned", "start": "2026-03-10T11:30", "tz": "UTC", "reminder_minutes": 10}),
    );
    call(
        &s,
        "event_create",
        json!({"subject": "Cancelled", "start": "2026-03-10T11:30", "tz": "UTC", "reminder_minutes": 10, "status": "not_held"}),
    );
    let got = due(&s, json!({"until": "2026-03-10T12:00:00Z"}));
    assert_eq!(got.iter().map(|r| r.1.as_str()).collect::<Vec<_>>(), ["Planned"]);
}
