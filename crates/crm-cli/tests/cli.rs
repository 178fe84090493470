//! The `crm` tool as a script would use it: exit codes, JSON on stdout, errors on stderr.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn crm(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crm"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("CRM_DB")
        .output()
        .expect("run crm")
}

fn json(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(bytes)))
}

fn ok(db: &Path, args: &[&str]) -> Value {
    let out = crm(db, args);
    assert!(out.status.success(), "crm {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    json(&out.stdout)
}

/// Runs a command that must fail and returns its JSON error.
fn fails(db: &Path, args: &[&str]) -> Value {
    let out = crm(db, args);
    assert_eq!(
        out.status.code(),
        Some(1),
        "crm {args:?} should exit 1; stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(out.stdout.is_empty(), "nothing on stdout when failing");
    json(&out.stderr)
}

#[test]
fn init_check_create_and_list() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    ok(&db, &["init", "--json"]);
    let report = ok(&db, &["check", "--json"]);
    assert_eq!(report["ok"], true);
    assert_eq!(report["integrity"][0], "ok");
    let created = ok(
        &db,
        &["call", "contact_create", r#"{"first_name":"Jürgen","last_name":"Groß","emails":["jg@example.de"]}"#],
    );
    let id = created["id"].as_str().expect("id");
    assert_eq!(created["emails"][0]["value"], "jg@example.de");
    let list = ok(&db, &["call", "contact_list", "{}"]);
    assert_eq!(list["total"], 1);
    assert_eq!(list["rows"][0]["id"], id);
    assert_eq!(list["rows"][0]["display_name"], "Jürgen Groß");
    let got = ok(&db, &["call", "contact_get", &format!(r#"{{"id":"{id}"}}"#)]);
    assert_eq!(got["last_name"], "Groß");
}

#[test]
fn a_validation_error_exits_1_naming_the_field_and_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    ok(&db, &["init", "--json"]);
    let err = fails(&db, &["call", "contact_create", r#"{"first_name":"Jürgen"}"#]);
    assert_eq!(err["code"], "validation");
    assert_eq!(err["field"], "last_name");
    assert!(err["message"].as_str().unwrap().contains("Last name"));
    assert_eq!(ok(&db, &["call", "contact_list"])["total"], 0);
}

#[test]
fn unknown_commands_and_bad_json_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    ok(&db, &["init", "--json"]);
    assert_eq!(fails(&db, &["call", "contact_explode", "{}"])["code"], "unknown_command");
    assert_eq!(fails(&db, &["call", "contact_create", "{not json"])["code"], "bad_arguments");
    assert_eq!(fails(&db, &["call", "contact_create", r#"{"last_name": 5}"#])["code"], "bad_arguments");
    assert_eq!(fails(&db, &["call", "contact_get", r#"{"id":"missing"}"#])["code"], "not_found");
}

#[test]
fn call_list_names_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let list = ok(&dir.path().join("unused.db"), &["call", "--list", "--json"]);
    let names: Vec<&str> = list.as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
    for name in [
        "contact_create",
        "contact_get",
        "contact_update",
        "contact_delete",
        "contact_list",
        "settings_get",
        "settings_update",
        "search",
    ] {
        assert!(names.contains(&name), "{name} missing from {names:?}");
    }
    assert!(!dir.path().join("unused.db").exists(), "listing commands opens no database");
}

#[test]
fn a_missing_database_is_not_created_by_accident() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("typo.db");
    let err = fails(&db, &["call", "contact_list", "{}"]);
    assert_eq!(err["code"], "not_found");
    assert!(!db.exists());
    let out = crm(&db, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("crm --db"), "tells how to create one");
}

#[test]
fn a_corrupt_or_foreign_file_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.db");
    let bytes = b"SQLite format 3\0but the rest is garbage".repeat(300);
    std::fs::write(&junk, &bytes).unwrap();
    let err = fails(&junk, &["call", "contact_list", "{}"]);
    assert!(["not_a_database", "database"].contains(&err["code"].as_str().unwrap()), "{err}");
    assert_eq!(std::fs::read(&junk).unwrap(), bytes);
    assert_eq!(crm(&junk, &["check", "--json"]).status.code(), Some(1));
    assert_eq!(std::fs::read(&junk).unwrap(), bytes);
}

#[test]
fn backup_and_restore_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let copy = dir.path().join("copy.db");
    ok(&db, &["init", "--json"]);
    ok(&db, &["call", "contact_create", r#"{"last_name":"Kept"}"#]);
    ok(&db, &["backup", copy.to_str().unwrap(), "--json"]);
    ok(&db, &["call", "contact_create", r#"{"last_name":"Later"}"#]);
    assert_eq!(ok(&db, &["call", "contact_list"])["total"], 2);
    ok(&db, &["restore", copy.to_str().unwrap(), "--json"]);
    let list = ok(&db, &["call", "contact_list"]);
    assert_eq!(list["total"], 1);
    assert_eq!(list["rows"][0]["last_name"], "Kept");
    let not_a_backup = dir.path().join("notes.txt");
    std::fs::write(&not_a_backup, "hello").unwrap();
    assert_eq!(crm(&db, &["restore", not_a_backup.to_str().unwrap()]).status.code(), Some(1));
    assert_eq!(ok(&db, &["call", "contact_list"])["total"], 1);
}

#[test]
fn demo_data_is_deterministic_for_a_seed() {
    let dir = tempfile::tempdir().unwrap();
    let names = |db: &Path| -> Vec<String> {
        ok(db, &["demo", "--contacts", "300", "--seed", "9", "--json"]);
        let page = ok(db, &["call", "contact_list", r#"{"limit": 500}"#]);
        page["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| format!("{} {} {}", r["display_name"], r["email"], r["city"]))
            .collect()
    };
    let a = names(&dir.path().join("a.db"));
    let b = names(&dir.path().join("b.db"));
    assert_eq!(a.len(), 300);
    assert_eq!(a, b);
    assert!(a.iter().any(|n| n.chars().any(|c| ('а'..='я').contains(&c))), "Cyrillic names");
    assert!(a.iter().any(|n| n.contains('ü') || n.contains('ß') || n.contains('ö')), "German names");
}

#[test]
fn import_export_and_undo_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    ok(&db, &["init", "--json"]);
    let csv = dir.path().join("people.csv");
    std::fs::write(&csv, "Vorname;Nachname;E-Mail;Firma\nJürgen;Groß;jg@example.de;Groß AG\nAnna;;anna@;\n").unwrap();
    let file = csv.to_str().unwrap();

    let dry = ok(&db, &["import", "contacts", file, "--dry-run", "--json"]);
    assert_eq!((dry["created"].as_u64(), dry["batch_id"].is_null()), (Some(1), true));
    let report = ok(&db, &["import", "contacts", file, "--match", "name_company", "--on-match", "update", "--json"]);
    assert_eq!((report["created"].as_u64(), report["failed"].as_u64()), (Some(1), Some(1)), "{report}");
    assert_eq!(report["errors"][0]["row"], 3, "the failed row is named by its line: {report}");

    let out = dir.path().join("out.csv");
    let exported = ok(&db, &["export", "contacts", "--format", "csv", "-o", out.to_str().unwrap(), "--json"]);
    assert_eq!(exported["rows"], 1);
    assert!(std::fs::read_to_string(&out).unwrap().contains("Jürgen,Groß"));

    let batch = report["batch_id"].as_str().unwrap();
    ok(&db, &["import-undo", batch, "--json"]);
    assert_eq!(ok(&db, &["call", "contact_list", "{}"])["total"], 0);
    let err = fails(&db, &["import", "contacts", dir.path().join("missing.csv").to_str().unwrap(), "--json"]);
    assert_eq!(err["code"], "io");
}

#[test]
fn accounts_and_leads_import_and_export_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    ok(&db, &["init", "--json"]);
    let accounts = dir.path().join("firmen.csv");
    std::fs::write(
        &accounts,
        "Firma;Branche;PLZ;Typ\nMüller GmbH;Maschinenbau;01067;Kunde\nWeiß AG;Logistik;04109;Freund\n",
    )
    .unwrap();
    let report = ok(&db, &["import", "accounts", accounts.to_str().unwrap(), "--json"]);
    for key in ["batch_id", "created", "updated", "skipped", "failed", "errors"] {
        assert!(report.get(key).is_some(), "the report has {key}: {report}");
    }
    assert_eq!((report["created"].as_u64(), report["failed"].as_u64()), (Some(1), Some(1)), "{report}");
    let error = &report["errors"][0];
    assert_eq!((error["row"].as_u64(), error["column"].as_str()), (Some(3), Some("Typ")), "{report}");
    assert!(error["message"].as_str().unwrap().contains("account type"));
    let again = ok(&db, &["import", "accounts", accounts.to_str().unwrap(), "--on-match", "skip", "--json"]);
    assert_eq!((again["skipped"].as_u64(), again["batch_id"].is_null()), (Some(1), true), "matched by name");

    let leads = dir.path().join("leads.csv");
    std::fs::write(&leads, "Nachname,Firma,E-Mail,Quelle,Status\nGroß,Groß AG,jg@example.de,Messe,qualifiziert\n")
        .unwrap();
    let report = ok(&db, &["import", "leads", leads.to_str().unwrap(), "--match", "email", "--json"]);
    assert_eq!(report["created"], 1, "{report}");
    let lead_list = ok(&db, &["call", "lead_list", "{}"]);
    assert_eq!(
        (lead_list["rows"][0]["status"].as_str(), lead_list["rows"][0]["source"].as_str()),
        (Some("qualified"), Some("trade_show"))
    );

    let xlsx = dir.path().join("accounts.xlsx");
    let exported = ok(&db, &["export", "accounts", "--format", "xlsx", "-o", xlsx.to_str().unwrap(), "--json"]);
    assert_eq!(exported["rows"], 1);
    let csv = dir.path().join("leads-out.csv");
    let exported =
        ok(&db, &["export", "leads", "--format", "csv", "--delimiter", ";", "-o", csv.to_str().unwrap(), "--json"]);
    assert_eq!(exported["rows"], 1);
    assert!(std::fs::read_to_string(&csv).unwrap().contains(";Groß;;Groß AG;"), "last name, job title, company");
    let err =
        fails(&db, &["export", "leads", "--format", "vcf", "-o", dir.path().join("l.vcf").to_str().unwrap(), "--json"]);
    assert_eq!(err["field"], "format");

    let batch = report["batch_id"].as_str().unwrap();
    ok(&db, &["import-undo", batch, "--json"]);
    assert_eq!(ok(&db, &["call", "lead_list", "{}"])["total"], 0);
}

#[test]
fn products_import_and_match_by_external_id_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    ok(&db, &["init", "--json"]);
    let list = dir.path().join("preise.csv");
    std::fs::write(&list, "ID;Artikelnummer;Bezeichnung;Preis;MwSt\nERP-1;00815;Büroklammern;1.234,50;19\n").unwrap();
    let report = ok(&db, &["import", "products", list.to_str().unwrap(), "--json"]);
    assert_eq!((report["created"].as_u64(), report["failed"].as_u64()), (Some(1), Some(0)), "{report}");
    let products = ok(&db, &["call", "product_list", "{}"]);
    let row = &products["rows"][0];
    assert_eq!((row["code"].as_str(), row["default_price"].as_str()), (Some("00815"), Some("1234.50")));
    assert_eq!(row["tax_rate"], "0.19");

    // The other system renamed the code: matched by its id, the product is updated.
    std::fs::write(&list, "ID;Artikelnummer;Bezeichnung;Preis\nERP-1;A-815;Büroklammern;1.300,00\n").unwrap();
    let args = ["import", "products", list.to_str().unwrap(), "--match", "external_id", "--on-match", "overwrite"];
    let report = ok(&db, &[&args[..], &["--json"]].concat());
    assert_eq!((report["updated"].as_u64(), report["created"].as_u64()), (Some(1), Some(0)), "{report}");
    let products = ok(&db, &["call", "product_list", "{}"]);
    assert_eq!(products["total"], 1);
    assert_eq!(products["rows"][0]["code"], "A-815");

    let err = fails(&db, &["import", "products", list.to_str().unwrap(), "--match", "email", "--json"]);
    assert_eq!(err["field"], "match_on");
    let fields = ok(&db, &["call", "import_fields", r#"{"target":"product"}"#]);
    assert_eq!(fields["match_keys"][0], "code");
}

#[test]
fn pdf_writes_a_document_found_by_its_number() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    ok(&db, &["init", "--json"]);
    ok(&db, &["call", "settings_update", r#"{"changes":{"company_name":"Outpost GmbH","locale":"de-DE"}}"#]);
    let account = ok(&db, &["call", "account_create", r#"{"name":"Bäckerei Groß"}"#]);
    let draft = ok(
        &db,
        &[
            "call",
            "invoice_create",
            &serde_json::json!({
                "subject": "Brötchen", "account_id": account["id"], "currency": "EUR",
                "lines": [{"description": "Laugenbrezel", "quantity": "100", "unit_price": "0.85", "tax_rate": "0.07"}]
            })
            .to_string(),
        ],
    );
    let invoice = ok(&db, &["call", "invoice_issue", &format!(r#"{{"id":"{}"}}"#, draft["id"].as_str().unwrap())]);
    let number = invoice["number"].as_str().unwrap();

    let file = dir.path().join("rechnung.pdf");
    let written = ok(&db, &["pdf", "invoice", number, "-o", file.to_str().unwrap(), "--json"]);
    assert_eq!((written["pages"].as_u64(), written["id"].as_str()), (Some(1), invoice["id"].as_str()));
    let out =
        Command::new("pdftotext").arg(&file).arg("-").output().unwrap_or_else(|e| {
            panic!("pdftotext is needed for this test ({e}): install poppler-utils (scripts/deps.sh)")
        });
    let text = String::from_utf8(out.stdout).unwrap();
    for expected in ["Bäckerei Groß", "Laugenbrezel", number, "90,95 €"] {
        assert!(text.contains(expected), "{expected:?} missing from:\n{text}");
    }

    // by id too, and the other documents by their short names
    let quote = ok(&db, &["call", "quote_create", r#"{"subject":"Angebot"}"#]);
    let out =
        crm(&db, &["pdf", "quote", quote["id"].as_str().unwrap(), "-o", dir.path().join("q.pdf").to_str().unwrap()]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Wrote "));

    let e = fails(&db, &["pdf", "credit-note", "CN-2026-0001", "-o", file.to_str().unwrap(), "--json"]);
    assert_eq!((e["code"].as_str(), e["field"].as_str()), (Some("not_found"), Some("id")));
}

#[test]
fn calendar_import_and_export_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    ok(&db, &["init", "--json"]);
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../crm-core/tests/fixtures/ics");
    let apple = fixtures.join("apple.ics");
    let file = apple.to_str().unwrap();

    let dry = ok(&db, &["import", "events", file, "--dry-run", "--json"]);
    assert_eq!((dry["created"].as_u64(), dry["batch_id"].is_null()), (Some(4), true), "{dry}");
    assert_eq!(ok(&db, &["call", "task_list", "{}"])["total"], 0, "a dry run writes nothing");
    let report = ok(&db, &["import", "events", file, "--json"]);
    assert_eq!(report["created"], 4, "{report}");
    let again = ok(&db, &["import", "events", file, "--json"]);
    assert_eq!((again["created"].as_u64(), again["unchanged"].as_u64()), (Some(0), Some(4)), "updated by UID: {again}");

    let out = dir.path().join("calendar.ics");
    let exported = ok(&db, &["export", "events", "--format", "ics", "-o", out.to_str().unwrap(), "--json"]);
    assert_eq!((exported["events"].as_u64(), exported["tasks"].as_u64()), (Some(2), Some(0)), "{exported}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("SUMMARY:Visit Müller GmbH") && !text.contains("VTODO"), "{text}");
    let tasks = dir.path().join("tasks.ics");
    let only_tasks = ok(&db, &["export", "tasks", "-o", tasks.to_str().unwrap(), "--json"]);
    assert_eq!((only_tasks["events"].as_u64(), only_tasks["tasks"].as_u64()), (Some(0), Some(2)));

    let batch = report["batch_id"].as_str().unwrap();
    ok(&db, &["import-undo", batch, "--json"]);
    assert_eq!(ok(&db, &["call", "task_list", "{}"])["total"], 0);

    let broken = fixtures.join("libical-calendar.ics");
    let err = fails(&db, &["import", "events", broken.to_str().unwrap(), "--json"]);
    assert_eq!((err["code"].as_str(), err["row"].as_u64()), (Some("validation"), Some(57)), "{err}");
    let err = fails(&db, &["export", "contacts", "--format", "ics", "-o", out.to_str().unwrap(), "--json"]);
    assert_eq!(err["field"], "format");
}
