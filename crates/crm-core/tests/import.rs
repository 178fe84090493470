//! Importing contact lists as real tools write them: encodings, delimiters,
//! preambles, header languages; matching, dry runs, undo, and files that are broken.

mod common;

use crm_core::export::{ExportArgs, ExportFormat};

use common::importing::{contact_named, file, fixture, import};
use crm_core::batches::{self, BatchArgs};
use crm_core::contacts::{self, ContactListQuery};
use crm_core::import::{ImportArgs, MatchOn, OnMatch};
use crm_core::{ErrorCode, Store};

fn names(store: &Store) -> Vec<String> {
    let page = store.read(|c| contacts::list(c, ContactListQuery { limit: 500, ..Default::default() })).unwrap();
    page.rows.into_iter().map(|r| r.display_name).collect()
}

#[test]
fn windows_1251_semicolon_file_with_russian_headers() {
    let t = common::store();
    let r = import(&t, file(fixture("contacts-windows-1251-semicolon.csv"))).unwrap();
    assert_eq!((r.encoding.as_str(), r.delimiter.as_str()), ("windows-1251", ";"));
    assert_eq!((r.rows, r.created, r.failed), (2, 2, 0), "{:?}", r.errors);
    assert_eq!(r.accounts_created, 2);
    let ivanov = contact_named(&t, "Иванов");
    assert_eq!(ivanov.fields.first_name, "Иван Петрович");
    assert_eq!(ivanov.fields.title, "Директор");
    assert_eq!(ivanov.fields.birthday.as_deref(), Some("1980-02-29"));
    assert_eq!(ivanov.fields.phones[0].value, "+7 495 123-45-67");
    assert_eq!(ivanov.fields.addresses[0].city, "Москва");
    let account = t
        .read(|c| crm_core::accounts::get(c, crm_core::IdArgs { id: ivanov.fields.account_id.clone().unwrap() }))
        .unwrap();
    assert_eq!(account.fields.name, "ООО «Восток»");
    assert_eq!(r.date_format.as_deref(), Some("%d.%m.%Y"));
}

#[test]
fn utf16_tab_separated_and_koi8r_files() {
    let t = common::store();
    let r = import(&t, file(fixture("contacts-utf16le-tab.txt"))).unwrap();
    assert_eq!((r.encoding.as_str(), r.delimiter.as_str(), r.created), ("UTF-16LE", "tab", 3));
    assert!(names(&t).contains(&"Jürgen Müller".to_string()));
    let r = import(&t, ImportArgs { encoding: Some("KOI8-R".into()), ..file(fixture("contacts-koi8r.csv")) }).unwrap();
    assert_eq!(r.skipped, 2, "the same people, matched by e-mail");
    assert!(names(&t).contains(&"Тарас Шевченко".to_string()));
}

#[test]
fn linkedin_export_with_its_preamble() {
    let t = common::store();
    let r = import(&t, file(fixture("linkedin-connections.csv"))).unwrap();
    assert_eq!(r.columns[0].column, "First Name");
    assert_eq!((r.created, r.failed), (2, 0), "{:?}", r.errors);
    let anna = contact_named(&t, "Weber");
    assert_eq!(anna.fields.title, "Head of Sales");
    assert_eq!(anna.fields.emails[0].value, "anna.weber@example.de");
    let target = |column: &str| r.columns.iter().find(|c| c.column == column).unwrap().target.clone();
    assert_eq!(target("URL"), "ignore");
    assert_eq!(target("Company"), "company");
}

#[test]
fn google_outlook_and_thunderbird_exports() {
    let t = common::store();
    for name in ["gmail", "outlook", "tb_plain"] {
        let r = import(&t, ImportArgs { on_match: OnMatch::Create, ..file(fixture(&format!("roundcube/{name}.csv"))) })
            .unwrap();
        assert_eq!((r.created, r.failed), (1, 0), "{name}: {:?}", r.errors);
    }
    let google = contact_named(&t, "home@aaa.pl");
    assert_eq!(google.fields.birthday.as_deref(), Some("1975-12-12"));
    assert!(google.fields.emails.iter().any(|e| e.value == "work@email.pl" && e.label == "work"));
    assert!(google.fields.notes.contains("pager"), "values that are no phone number are kept in the notes");
}

#[test]
fn mac_line_ends_latin1_and_byte_order_marks() {
    let t = common::store();
    let dir = tempfile::tempdir().unwrap();
    let latin1 = dir.path().join("latin1.csv");
    std::fs::write(
        &latin1,
        b"Nachname;Vorname;E-Mail\r\nM\xfcller;J\xfcrgen;jm@example.de\r\nGro\xdf;Anna;ag@example.de\r",
    )
    .unwrap();
    let r = import(&t, file(latin1.display().to_string())).unwrap();
    assert_eq!(r.created, 2, "{r:?}");
    let mac = dir.path().join("mac.csv");
    std::fs::write(&mac, b"\xef\xbb\xbfLast Name,First Name\rWright,Ann\rTurner,Bo\r").unwrap();
    assert_eq!(import(&t, file(mac.display().to_string())).unwrap().created, 2);
    assert!(names(&t).iter().any(|n| n == "Jürgen Müller"));
    assert!(names(&t).iter().any(|n| n == "Ann Wright"));
}

#[test]
fn ambiguous_dates_are_asked_for_never_guessed() {
    let t = common::store();
    let err = import(&t, file(fixture("dates-ambiguous.csv"))).unwrap_err();
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Validation, Some("date_format")));
    assert_eq!(err.column.as_deref(), Some("Birthday"), "the error names the column");
    assert!(names(&t).is_empty());
    let r = import(&t, ImportArgs { date_format: Some("%d/%m/%Y".into()), ..file(fixture("dates-ambiguous.csv")) })
        .unwrap();
    assert_eq!(r.created, 2);
    assert_eq!(contact_named(&t, "Weber").fields.birthday.as_deref(), Some("1980-04-03"));
}

/// A file is imported at once when its dates may all be ISO dates; a date written otherwise
/// further down takes back what was written before it, and the whole column decides again.
#[test]
fn a_date_written_otherwise_late_in_the_file_reads_the_column_whole() {
    let t = common::store();
    let rows = |date: &dyn Fn(usize) -> String| -> String {
        let rows: String = (0..2_500).map(|i| format!("Name{i},Firm {i},{}\n", date(i))).collect();
        format!("Last Name,Company,Birthday\n{rows}")
    };
    let path = t.dir.path().join("late.csv");
    // ISO dates, and one not: no format reads the whole column, and nothing is written.
    std::fs::write(&path, rows(&|i| if i == 2_400 { "29.02.1980".into() } else { "1990-04-04".into() })).unwrap();
    let err = import(&t, file(path.display().to_string())).unwrap_err();
    assert_eq!((err.field.as_deref(), err.column.as_deref()), (Some("date_format"), Some("Birthday")));
    assert!(names(&t).is_empty());
    // No dates, then from row 2,400 on dates written day first: read as such, each row once.
    let date = |i: usize| if i < 2_400 { String::new() } else { format!("{:02}.04.1990", i % 28 + 1) };
    std::fs::write(&path, rows(&date)).unwrap();
    let r = import(&t, file(path.display().to_string())).unwrap();
    assert_eq!((r.rows, r.created, r.failed), (2_500, 2_500, 0), "{:?}", r.errors);
    assert_eq!((r.accounts_created, r.date_format.as_deref()), (2_500, Some("%d.%m.%Y")));
    let count = |table: &str| -> i64 {
        t.read(
            |c| Ok(c.query_row(&format!("SELECT count(*) FROM {table} WHERE deleted_at IS NULL"), [], |r| r.get(0))?),
        )
        .unwrap()
    };
    assert_eq!((count("contacts"), count("accounts")), (2_500, 2_500), "nothing written twice");
    assert_eq!(contact_named(&t, "Name2403").fields.birthday.as_deref(), Some("1990-04-24"));
    let account = contact_named(&t, "Name3").fields.account_id.unwrap();
    let account = t.read(|c| crm_core::accounts::get(c, crm_core::IdArgs { id: account })).unwrap();
    assert_eq!(account.fields.name, "Firm 3");

    // ISO dates only: read once, as ISO; and a file without a date states no format.
    let path = t.dir.path().join("iso.csv");
    std::fs::write(&path, "Last Name,Birthday\nIso,1985-07-01\nEmpty,\n").unwrap();
    let r = import(&t, file(path.display().to_string())).unwrap();
    assert_eq!((r.created, r.date_format.as_deref()), (2, Some("%Y-%m-%d")));
    std::fs::write(&path, "Last Name,Birthday\nNodate,\n").unwrap();
    assert_eq!(import(&t, file(path.display().to_string())).unwrap().date_format, None);
}

#[test]
fn a_bad_value_fails_its_row_naming_line_and_column() {
    let t = common::store();
    let r =
        import(&t, ImportArgs { date_format: Some("%Y-%m-%d".into()), ..file(fixture("dates-one-bad.csv")) }).unwrap();
    assert_eq!((r.created, r.failed), (1, 1));
    assert_eq!((r.errors[0].row, r.errors[0].column.as_deref()), (3, Some("Birthday")));
    assert!(r.errors[0].message.contains("not a date"));
}

#[test]
fn a_file_that_is_not_a_csv_imports_nothing() {
    let t = common::store();
    let err = import(&t, file(fixture("not-a-csv.bin"))).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("path"));
    let missing = import(&t, file(fixture("missing.csv"))).unwrap_err();
    assert_eq!((missing.code, missing.field.as_deref()), (ErrorCode::Io, Some("path")));
    assert!(names(&t).is_empty());
}

#[test]
fn duplicates_within_the_file_and_against_the_database() {
    let t = common::store();
    let r = import(&t, file(fixture("duplicates-within.csv"))).unwrap();
    assert_eq!((r.created, r.skipped), (2, 1), "the second Anna matches the first by e-mail");
    let r = import(&t, ImportArgs { on_match: OnMatch::Update, ..file(fixture("duplicates-within.csv")) }).unwrap();
    assert_eq!((r.created, r.updated), (0, 1));
    let anna = contact_named(&t, "Weber");
    assert_eq!(anna.fields.phones[0].value, "+49 170 1234567", "the empty phone was filled");
    assert_eq!(anna.fields.tags, ["VIP", "Messe"]);
    let r = import(&t, ImportArgs { match_on: Some(MatchOn::None), ..file(fixture("duplicates-within.csv")) }).unwrap();
    assert_eq!(r.created, 3);
}

#[test]
fn dry_run_counts_everything_and_writes_nothing() {
    let t = common::store();
    let r = import(&t, ImportArgs { dry_run: true, ..file(fixture("duplicates-within.csv")) }).unwrap();
    assert_eq!((r.created, r.skipped, r.batch_id), (2, 1, None));
    assert_eq!(r.preview.len(), 2);
    assert!(names(&t).is_empty());
    let log: i64 = t
        .read(|c| Ok(c.query_row("SELECT count(*) FROM change_log WHERE record_type = 'contact'", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(log, 0);
}

#[test]
fn undo_removes_what_the_import_created_and_restores_what_it_updated() {
    let t = common::store();
    common::create(
        &t,
        serde_json::json!({"first_name": "Anna", "last_name": "Weber", "emails": ["anna@example.de"], "title": "Before"}),
    );
    let path = tempfile::tempdir().unwrap();
    let csv = path.path().join("update.csv");
    std::fs::write(
        &csv,
        "Last Name,E-mail,Job Title,Mobile\nWeber,anna@example.de,After,+49 170 9999999\nNeu,neu@example.de,,\n",
    )
    .unwrap();
    let r = import(&t, ImportArgs { on_match: OnMatch::Overwrite, ..file(csv.display().to_string()) }).unwrap();
    assert_eq!((r.created, r.updated), (1, 1));
    assert_eq!(contact_named(&t, "Weber").fields.title, "After");
    t.write(|w| batches::undo(w, BatchArgs { batch_id: r.batch_id.clone().unwrap() })).unwrap();
    assert_eq!(names(&t), ["Anna Weber"]);
    let anna = contact_named(&t, "Weber");
    assert_eq!((anna.fields.title.as_str(), anna.fields.phones.len()), ("Before", 0));
}

#[test]
fn a_cancelled_import_leaves_nothing() {
    let t = common::store();
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("big.csv");
    let mut text = String::from("First Name,Last Name,Email\n");
    for i in 0..2_500 {
        text.push_str(&format!("P{i},Person{i},p{i}@example.com\n"));
    }
    std::fs::write(&csv, text).unwrap();
    let err = crm_core::import::import(&t, file(csv.display().to_string()), &mut |rows| rows < 2_000).unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    assert!(names(&t).is_empty());
    assert_eq!(import(&t, file(csv.display().to_string())).unwrap().created, 2_500);
}

/// Every field of a contact as it would be typed again: no ids, times or derived names.
fn comparable(store: &Store, c: &contacts::Contact) -> serde_json::Value {
    let company =
        c.fields.account_id.as_ref().map(|id| {
            store.read(|r| crm_core::accounts::get(r, crm_core::IdArgs { id: id.clone() })).unwrap().fields.name
        });
    let mut fields = serde_json::to_value(&c.fields).unwrap();
    fields["account_id"] = serde_json::json!(company);
    fields
}

#[test]
fn export_then_import_gives_the_same_contacts() {
    let t = common::store();
    let account = t
        .write(|w| {
            crm_core::accounts::create(
                w,
                serde_json::from_value(serde_json::json!({"name": "Müller & Söhne GmbH"})).unwrap(),
            )
        })
        .unwrap();
    common::create(
        &t,
        serde_json::json!({
            "account_id": account.id, "salutation": "Dr.", "first_name": "Jürgen", "last_name": "Müller",
            "title": "Geschäftsführer", "department": "Vertrieb",
            "emails": [{"label": "work", "value": "j.mueller@example.de"}, {"label": "home", "value": "jm@example.org"}],
            "phones": [{"label": "mobile", "value": "+49 170 1234567"}, {"label": "work", "value": "030 1234-0"}],
            "addresses": [{"label": "work", "street": "Hauptstraße 5\n2. OG", "city": "Berlin", "region": "", "postal_code": "01067", "country": "DE"}],
            "birthday": "1970-12-31", "lead_source": "trade show", "tags": ["vip", "berlin"],
            "notes": "Met at the fair; likes \"short\" meetings,\nprefers email"
        }),
    );
    common::create(
        &t,
        serde_json::json!({"first_name": "Олена", "last_name": "Шевченко", "title": "=HYPERLINK(\"x\")",
            "emails": [{"label": "", "value": "olena@example.ua"}], "notes": "-5% discount, +1 call, @home"}),
    );
    let dir = tempfile::tempdir().unwrap();
    let csv = |delimiter: &str, bom| (ExportFormat::Csv, Some(delimiter.to_owned()), bom);
    let files = [
        csv(",", true),
        csv(";", false),
        csv("tab", false),
        (ExportFormat::Xlsx, None, false),
        (ExportFormat::Vcf, None, false),
    ];
    for (n, (format, delimiter, bom)) in files.into_iter().enumerate() {
        let extension = serde_json::to_value(format).unwrap().as_str().unwrap().to_owned();
        let path = dir.path().join(format!("export-{n}.{extension}"));
        let args = ExportArgs {
            path: path.display().to_string(),
            format,
            delimiter: delimiter.clone(),
            bom,
            ..Default::default()
        };
        assert_eq!(crm_core::export::run(&t, args).unwrap().rows, 2);
        if format == ExportFormat::Csv {
            let text = String::from_utf8(std::fs::read(&path).unwrap()).unwrap();
            assert!(text.contains("'=HYPERLINK"), "a formula is neutralised in CSV");
        }

        let copy = common::store();
        let r = import(&copy, file(path.display().to_string())).unwrap();
        assert_eq!((r.created, r.failed), (2, 0), "{format:?}: {:?}", r.errors);
        for last in ["Müller", "Шевченко"] {
            let mut expected = comparable(&t, &contact_named(&t, last));
            if format == ExportFormat::Vcf {
                expected["lead_source"] = "".into(); // vCard has no lead source
            }
            assert_eq!(comparable(&copy, &contact_named(&copy, last)), expected, "{last} via {format:?} {delimiter:?}");
        }
    }
}

#[test]
fn a_skipped_row_creates_no_account_for_its_company() {
    let t = common::store();
    common::create(&t, serde_json::json!({"first_name": "Anna", "last_name": "Weber", "emails": ["anna@example.de"]}));
    let path = tempfile::tempdir().unwrap();
    let csv = path.path().join("skip.csv");
    std::fs::write(
        &csv,
        "Last Name,E-mail,Company\nWeber,anna@example.de,Weber Bau GmbH\nNeu,neu@example.de,Neu Logistik AG\n",
    )
    .unwrap();
    let r = import(&t, ImportArgs { on_match: OnMatch::Skip, ..file(csv.display().to_string()) }).unwrap();
    assert_eq!((r.created, r.skipped), (1, 1));
    let accounts = t
        .read(|c| crm_core::accounts::list(c, crm_core::accounts::AccountListQuery { limit: 10, ..Default::default() }))
        .unwrap();
    let names: Vec<_> = accounts.rows.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Neu Logistik AG"], "only the created contact's company became an account");
    assert_eq!(r.accounts_created, 1);
}
