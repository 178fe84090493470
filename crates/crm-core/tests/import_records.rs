//! Importing and exporting accounts and leads: files as German Excel and a Russian
//! workbook write them, enum values in their languages, required fields, duplicate
//! policies, undo, broken files, and export then import giving the same records.

mod common;

use common::importing::{file, fixture, import};
use crm_core::accounts::{self, Account, AccountListQuery, AccountType, Rating};
use crm_core::batches::{self, BatchArgs};
use crm_core::export::{ExportArgs, ExportFormat};
use crm_core::import::{ImportArgs, ListTarget, MatchOn, OnMatch};
use crm_core::leads::{self, Lead, LeadListQuery, LeadSource, LeadStatus};
use crm_core::{ErrorCode, IdArgs, Store};
use serde_json::json;
use std::path::{Path, PathBuf};

fn accounts_file(path: String) -> ImportArgs {
    ImportArgs { target: Some(ListTarget::Account), ..file(path) }
}

fn leads_file(path: String) -> ImportArgs {
    ImportArgs { target: Some(ListTarget::Lead), ..file(path) }
}

fn all_accounts(store: &Store) -> Vec<Account> {
    let page = store.read(|c| accounts::list(c, AccountListQuery { limit: 500, ..Default::default() })).unwrap();
    page.rows.into_iter().map(|r| store.read(|c| accounts::get(c, IdArgs { id: r.id })).unwrap()).collect()
}

fn account_named(store: &Store, name: &str) -> Account {
    all_accounts(store).into_iter().find(|a| a.fields.name == name).unwrap_or_else(|| panic!("no account {name}"))
}

fn all_leads(store: &Store) -> Vec<Lead> {
    let page = store.read(|c| leads::list(c, LeadListQuery { limit: 500, ..Default::default() })).unwrap();
    page.rows.into_iter().map(|r| store.read(|c| leads::get(c, IdArgs { id: r.id })).unwrap()).collect()
}

fn lead_named(store: &Store, last: &str) -> Lead {
    all_leads(store).into_iter().find(|l| l.fields.last_name == last).unwrap_or_else(|| panic!("no lead {last}"))
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// A leads workbook as a Russian CRM exports it: a date cell, a phone stored as a number,
/// source, status and rating in Russian, one unknown source and one lead without a company.
fn russian_leads_xlsx(dir: &Path) -> PathBuf {
    let path = dir.join("лиды.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Лиды").unwrap();
    let header = [
        "Фамилия",
        "Имя",
        "Компания",
        "Должность",
        "Эл. почта",
        "Телефон",
        "Источник",
        "Статус",
        "Рейтинг",
        "Дата обращения",
    ];
    for (col, h) in header.iter().enumerate() {
        sheet.write_string(0, col as u16, *h).unwrap();
    }
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 3, 14).unwrap();
    let format = rust_xlsxwriter::Format::new().set_num_format("dd.mm.yyyy");
    let rows: [[&str; 9]; 3] = [
        ["Петров", "Игорь", "ООО «Север»", "Директор", "petrov@sever.ru", "", "Выставка", "Квалифицирован", "Горячий"],
        ["Коваленко", "Оксана", "ТОВ «Дніпро»", "", "oksana@dnipro.ua", "+380 44 123 4567", "Сарафан", "Новый", ""],
        ["Сидоров", "Павел", "", "Инженер", "sidorov@example.ru", "+7 495 765-43-21", "Сайт", "", "Холодный"],
    ];
    for (n, row) in rows.iter().enumerate() {
        let line = n as u32 + 1;
        for (col, cell) in row.iter().enumerate().filter(|(_, c)| !c.is_empty()) {
            sheet.write_string(line, col as u16, *cell).unwrap();
        }
        sheet.write_datetime_with_format(line, 9, &date, &format).unwrap();
    }
    sheet.write_number(1, 5, 74951234567.0).unwrap();
    book.save(&path).unwrap();
    path
}

#[test]
fn accounts_from_a_german_windows_1252_file() {
    let t = common::store();
    let dry = ImportArgs {
        dry_run: true,
        preview_rows: Some(2),
        ..accounts_file(fixture("accounts-windows-1252-semicolon.csv"))
    };
    let r = import(&t, dry).unwrap();
    assert_eq!((r.created, r.failed, r.batch_id), (3, 1, None));
    let names: Vec<&str> = r.preview_records.iter().map(|a| a["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Müller & Söhne GmbH", "Bäckerei Groß; Filiale Süd"], "the first accounts as stored");
    assert_eq!(r.preview_records[0]["billing_address"]["postal_code"], "01067");
    assert!(r.preview.is_empty() && all_accounts(&t).is_empty(), "a dry run writes nothing");
    let r = import(&t, accounts_file(fixture("accounts-windows-1252-semicolon.csv"))).unwrap();
    assert_eq!((r.encoding.as_str(), r.delimiter.as_str()), ("windows-1252", ";"));
    let target = |column: &str| r.columns.iter().find(|c| c.column == column).unwrap().target.clone();
    assert_eq!(
        ["Firma", "Branche", "Straße", "PLZ", "Ort", "Telefon", "Webseite", "Typ", "Bewertung", "Muttergesellschaft"]
            .map(target),
        [
            "company",
            "industry",
            "street",
            "postal_code",
            "city",
            "phone",
            "website",
            "account_type",
            "rating",
            "parent_account"
        ]
    );
    assert_eq!((r.rows, r.created, r.failed), (4, 3, 1), "{:?}", r.errors);
    assert_eq!((r.errors[0].row, r.errors[0].column.as_deref()), (4, Some("Typ")));
    assert!(r.errors[0].message.contains("\"Freund\" is not an account type"), "{}", r.errors[0].message);

    let mueller = account_named(&t, "Müller & Söhne GmbH");
    assert_eq!((mueller.fields.account_type, mueller.fields.rating), (AccountType::Customer, Some(Rating::Hot)));
    assert_eq!(mueller.fields.industry, "Maschinenbau");
    assert_eq!(mueller.fields.website, "www.mueller-soehne.de");
    let billing = mueller.fields.billing_address.clone().unwrap();
    assert_eq!(
        (billing.street.as_str(), billing.postal_code.as_str(), billing.city.as_str()),
        ("Hauptstraße 5", "01067", "Dresden")
    );
    assert_eq!(mueller.fields.phones[0].value, "+49 351 4711-0");
    let baecker = account_named(&t, "Bäckerei Groß; Filiale Süd");
    assert_eq!((baecker.fields.account_type, baecker.fields.rating), (AccountType::Prospect, Some(Rating::Warm)));
    let vertrieb = account_named(&t, "Müller & Söhne Vertrieb GmbH");
    assert_eq!(vertrieb.fields.account_type, AccountType::Reseller);
    assert_eq!(vertrieb.fields.parent_id.as_deref(), Some(mueller.id.as_str()), "the parent is found by its name");
}

#[test]
fn leads_from_a_russian_workbook() {
    let t = common::store();
    let dir = tempfile::tempdir().unwrap();
    let r = import(&t, leads_file(russian_leads_xlsx(dir.path()).display().to_string())).unwrap();
    assert_eq!((r.rows, r.created, r.failed), (3, 1, 2), "{:?}", r.errors);
    let errors: Vec<(u64, Option<&str>)> = r.errors.iter().map(|e| (e.row, e.column.as_deref())).collect();
    assert_eq!(errors, [(3, Some("Источник")), (4, Some("Компания"))]);
    assert!(r.errors[0].message.contains("\"Сарафан\" is not a lead source"), "{}", r.errors[0].message);
    assert!(r.errors[1].message.contains("company is required"), "{}", r.errors[1].message);
    let target = |column: &str| r.columns.iter().find(|c| c.column == column).unwrap().target.clone();
    assert_eq!(target("Дата обращения"), "ignore", "leads have no date field; the date cell is left alone");

    assert_eq!(
        (r.preview_records[0]["last_name"].as_str(), r.preview_records[0]["status"].as_str()),
        (Some("Петров"), Some("qualified"))
    );
    let petrov = lead_named(&t, "Петров");
    assert_eq!((petrov.fields.first_name.as_str(), petrov.fields.company.as_str()), ("Игорь", "ООО «Север»"));
    assert_eq!((petrov.fields.source, petrov.status), (LeadSource::TradeShow, LeadStatus::Qualified));
    assert_eq!(petrov.fields.rating, Some(Rating::Hot));
    assert_eq!(petrov.fields.phones[0].value, "74951234567", "a phone number cell keeps no .0");
    assert_eq!(petrov.fields.emails[0].value, "petrov@sever.ru");
}

#[test]
fn lead_import_follows_the_required_fields_of_the_settings() {
    let t = common::store();
    t.write(|w| {
        leads::settings_update(
            w,
            serde_json::from_value(json!({"changes": {"required_fields": ["last_name", "phones"]}})).unwrap(),
        )
    })
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let r = import(&t, leads_file(russian_leads_xlsx(dir.path()).display().to_string())).unwrap();
    // Company is no longer required: Сидоров is imported; Петров has no phone… but his number cell has one.
    assert_eq!((r.created, r.failed), (2, 1), "{:?}", r.errors);
    assert_eq!(r.errors[0].column.as_deref(), Some("Источник"));

    let csv = write(dir.path(), "no-phone.csv", "Nachname,Firma,Telefon\nWeber,Weber GmbH,\n");
    let r = import(&t, leads_file(csv)).unwrap();
    assert_eq!((r.created, r.failed), (0, 1));
    assert_eq!((r.errors[0].row, r.errors[0].column.as_deref()), (2, Some("Telefon")));
    assert!(r.errors[0].message.contains("phones is required for a lead"), "{}", r.errors[0].message);
}

#[test]
fn broken_files_import_nothing() {
    let t = common::store();
    let dir = tempfile::tempdir().unwrap();
    let err = import(&t, accounts_file(fixture("not-a-csv.bin"))).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("path"));
    let truncated = dir.path().join("leads.xlsx");
    let whole = std::fs::read(russian_leads_xlsx(dir.path())).unwrap();
    std::fs::write(&truncated, &whole[..whole.len() / 2]).unwrap();
    assert!(import(&t, leads_file(truncated.display().to_string())).is_err());
    let no_name = write(dir.path(), "no-name.csv", "Branche,Ort\nLogistik,Leipzig\n");
    let err = import(&t, accounts_file(no_name)).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("mapping"));
    let wrong = write(dir.path(), "wrong.csv", "Firma,Geburtstag\nWeber GmbH,1970-01-01\n");
    let mapping = json!({"Geburtstag": "birthday"}).as_object().cloned();
    let err = import(&t, ImportArgs { mapping, ..accounts_file(wrong) }).unwrap_err();
    assert!(err.message.contains("not a field of accounts"), "{}", err.message);
    assert!(all_accounts(&t).is_empty() && all_leads(&t).is_empty());
}

#[test]
fn account_duplicates_by_name_e_mail_and_within_the_file() {
    let t = common::store();
    t.write(|w| {
        accounts::create(
            w,
            serde_json::from_value(json!({"name": "Weber Logistik GmbH", "industry": "", "account_type": "partner"}))
                .unwrap(),
        )
    })
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let csv = write(
        dir.path(),
        "accounts.csv",
        "Company Name,Industry,Email,Employees\n\
         WEBER LOGISTIK,Logistics,,120\n\
         Acme Ltd,Software,info@acme.example,10\n\
         Acme,Software,,11\n\
         Acme Holding,,info@acme.example,\n",
    );
    let r = import(&t, accounts_file(csv.clone())).unwrap();
    assert_eq!((r.created, r.skipped), (1, 3), "Weber by name; the Acme rows by name and by e-mail");
    assert_eq!(all_accounts(&t).len(), 2);

    let r = import(&t, ImportArgs { on_match: OnMatch::Update, ..accounts_file(csv.clone()) }).unwrap();
    assert_eq!((r.created, r.updated), (0, 1), "only Weber had empty fields to fill: {:?}", r.errors);
    let weber = account_named(&t, "Weber Logistik GmbH");
    assert_eq!((weber.fields.industry.as_str(), weber.fields.employees), ("Logistics", Some(120)));
    assert_eq!(weber.fields.account_type, AccountType::Partner, "a type the file does not give stays");

    let r = import(&t, ImportArgs { on_match: OnMatch::Overwrite, ..accounts_file(csv.clone()) }).unwrap();
    assert_eq!((r.updated, r.skipped), (3, 1), "{:?}", r.errors);
    let acme = account_named(&t, "Acme Holding");
    assert_eq!(acme.fields.employees, Some(11), "each later Acme row overwrote what it gives");
    assert_eq!(acme.fields.emails.len(), 1);
    let weber = account_named(&t, "WEBER LOGISTIK");
    assert_eq!(weber.fields.account_type, AccountType::Partner, "a type the file does not give is not overwritten");

    let r = import(&t, ImportArgs { match_on: Some(MatchOn::None), ..accounts_file(csv.clone()) }).unwrap();
    assert_eq!(r.created, 4);
    let r = import(&t, ImportArgs { on_match: OnMatch::Create, ..accounts_file(csv) }).unwrap();
    assert_eq!(r.created, 4);
}

#[test]
fn lead_duplicates_by_e_mail_phone_and_name_with_company() {
    let t = common::store();
    let dir = tempfile::tempdir().unwrap();
    let csv = write(
        dir.path(),
        "leads.csv",
        "First Name,Last Name,Company,Email,Phone,Rating\n\
         Anna,Weber,Weber GmbH,anna@weber.example,+49 30 1234567,warm\n\
         Anna,Weber,Weber GmbH,,030 1234567,hot\n\
         Anna,Weber,Other AG,,,\n",
    );
    let r = import(&t, leads_file(csv.clone())).unwrap();
    assert_eq!((r.created, r.skipped), (3, 0), "by e-mail only the first row has a key");
    let r = import(&t, ImportArgs { match_on: Some(MatchOn::Phone), ..leads_file(csv.clone()) }).unwrap();
    assert_eq!((r.created, r.skipped), (1, 2), "the same number written two ways; the third row has none");
    let t = common::store();
    let r = import(&t, ImportArgs { match_on: Some(MatchOn::NameCompany), ..leads_file(csv.clone()) }).unwrap();
    assert_eq!((r.created, r.skipped), (2, 1), "the same name at another company is another lead");
    let r = import(
        &t,
        ImportArgs { match_on: Some(MatchOn::NameCompany), on_match: OnMatch::Overwrite, ..leads_file(csv) },
    )
    .unwrap();
    assert_eq!(r.updated, 1);
    let weber = all_leads(&t).into_iter().find(|l| l.fields.company == "Weber GmbH").unwrap();
    assert_eq!(weber.fields.rating, Some(Rating::Hot));
    assert_eq!(weber.fields.source, LeadSource::Import, "a source the file does not give stays");
}

#[test]
fn undo_takes_back_account_and_lead_imports_exactly() {
    let t = common::store();
    let r = import(&t, accounts_file(fixture("accounts-windows-1252-semicolon.csv"))).unwrap();
    t.write(|w| batches::undo(w, BatchArgs { batch_id: r.batch_id.unwrap() })).unwrap();
    assert!(all_accounts(&t).is_empty(), "the accounts and the parent link are gone");

    let t = common::store();
    let dir = tempfile::tempdir().unwrap();
    import(&t, accounts_file(fixture("accounts-windows-1252-semicolon.csv"))).unwrap();
    let fields = |store: &Store| all_accounts(store).into_iter().map(|a| (a.id, a.fields)).collect::<Vec<_>>();
    let before = fields(&t);
    let csv =
        write(dir.path(), "more.csv", "Firma;Branche;Bewertung\nMüller & Söhne GmbH;Anlagenbau;kalt\nNeu AG;IT;\n");
    let second = import(&t, ImportArgs { on_match: OnMatch::Overwrite, ..accounts_file(csv) }).unwrap();
    assert_eq!((second.created, second.updated), (1, 1));
    assert_eq!(account_named(&t, "Müller & Söhne GmbH").fields.industry, "Anlagenbau");
    t.write(|w| batches::undo(w, BatchArgs { batch_id: second.batch_id.unwrap() })).unwrap();
    assert_eq!(fields(&t), before, "the update is restored and the new account gone");

    let r = import(&t, leads_file(russian_leads_xlsx(dir.path()).display().to_string())).unwrap();
    assert_eq!(all_leads(&t).len(), 1);
    t.write(|w| batches::undo(w, BatchArgs { batch_id: r.batch_id.unwrap() })).unwrap();
    assert!(all_leads(&t).is_empty());
}

#[test]
fn errors_name_the_line_in_windows_and_mac_files() {
    let t = common::store();
    let dir = tempfile::tempdir().unwrap();
    for ends in ["\r\n", "\r", "\n"] {
        let text = ["Firma;Typ", "A;Freund", "", "\"B\nGmbH\";Kunde", "C;Feind"].join(ends);
        let r = import(&t, ImportArgs { dry_run: true, ..accounts_file(write(dir.path(), "f.csv", &text)) }).unwrap();
        let rows: Vec<u64> = r.errors.iter().map(|e| e.row).collect();
        assert_eq!(rows, [2, 6], "line ends {ends:?}");
    }
}

/// A record's fields as typed again, with its status (leads) or its parent's name (accounts).
fn comparable_account(store: &Store, a: &Account) -> serde_json::Value {
    let mut fields = serde_json::to_value(&a.fields).unwrap();
    fields["parent_id"] = json!(a.fields.parent_id.as_ref().map(|id| store
        .read(|c| accounts::get(c, IdArgs { id: id.clone() }))
        .unwrap()
        .fields
        .name));
    fields
}

fn comparable_lead(l: &Lead) -> serde_json::Value {
    let mut fields = serde_json::to_value(&l.fields).unwrap();
    fields["status"] = json!(l.status);
    fields
}

fn export(
    store: &Store,
    target: ListTarget,
    path: &Path,
    format: ExportFormat,
    query: Option<serde_json::Value>,
) -> u64 {
    let args = ExportArgs {
        path: path.display().to_string(),
        target: Some(target),
        format,
        query,
        delimiter: Some(";".into()),
        bom: true,
    };
    crm_core::export::run(store, args).unwrap().rows
}

#[test]
fn export_then_import_gives_the_same_accounts_and_leads() {
    let t = common::store();
    let parent = t
        .write(|w| {
            accounts::create(
                w,
                serde_json::from_value(json!({
                    "name": "Müller & Söhne GmbH", "account_type": "customer", "industry": "Maschinenbau",
                    "website": "https://mueller.example", "emails": [{"label": "work", "value": "info@mueller.example"}],
                    "phones": [{"label": "", "value": "+49 351 4711-0"}, {"label": "fax", "value": "+49 351 4711-99"}],
                    "billing_address": {"label": "", "street": "Hauptstraße 5\n2. OG", "city": "Dresden", "region": "Sachsen", "postal_code": "01067", "country": "DE"},
                    "shipping_address": {"label": "", "street": "Lager 1", "city": "Radebeul", "region": "", "postal_code": "01445", "country": "DE"},
                    "tax_id": "DE123456789", "annual_revenue": "1250000.50", "employees": 250, "rating": "hot",
                    "description": "=SUM(A1) is not a formula; -5% discount", "tags": ["key", "saxony"],
                    "external_id": "SAP-100"
                }))
                .unwrap(),
            )
        })
        .unwrap();
    t.write(|w| {
        accounts::create(
            w,
            serde_json::from_value(
                json!({"name": "ТОВ «Дніпро»", "account_type": "reseller", "parent_id": parent.id, "rating": "cold"}),
            )
            .unwrap(),
        )
    })
    .unwrap();
    for lead in [
        json!({"salutation": "Dr.", "first_name": "Jürgen", "last_name": "Groß", "title": "CTO", "company": "Groß AG",
            "industry": "Chemie", "website": "gross.example", "emails": [{"label": "work", "value": "jg@gross.example"}],
            "phones": [{"label": "mobile", "value": "+49 170 1234567"}],
            "address": {"label": "", "street": "Ring 1", "city": "Köln", "region": "", "postal_code": "50667", "country": "DE"},
            "source": "trade_show", "rating": "warm", "description": "+1 call back", "tags": ["fair"],
            "external_id": "HS-1"}),
        json!({"last_name": "Шевченко", "first_name": "Олена", "company": "Київ Софт", "source": "referral",
            "emails": [{"label": "", "value": "olena@kyiv.example"}]}),
    ] {
        t.write(|w| leads::create(w, serde_json::from_value(lead).unwrap())).unwrap();
    }
    let olena = lead_named(&t, "Шевченко");
    t.write(|w| leads::set_status(w, serde_json::from_value(json!({"id": olena.id, "status": "contacted"})).unwrap()))
        .unwrap();

    let dir = tempfile::tempdir().unwrap();
    for format in [ExportFormat::Csv, ExportFormat::Xlsx] {
        let ext = if format == ExportFormat::Csv { "csv" } else { "xlsx" };
        let accounts_path = dir.path().join(format!("accounts.{ext}"));
        let leads_path = dir.path().join(format!("leads.{ext}"));
        assert_eq!(export(&t, ListTarget::Account, &accounts_path, format, None), 2);
        assert_eq!(export(&t, ListTarget::Lead, &leads_path, format, None), 2);
        if format == ExportFormat::Csv {
            let text = std::fs::read_to_string(&accounts_path).unwrap();
            assert!(text.starts_with('\u{feff}') && text.contains("'=SUM(A1)"), "BOM and formula neutralised");
        }

        let copy = common::store();
        let r = import(&copy, accounts_file(accounts_path.display().to_string())).unwrap();
        assert_eq!((r.created, r.failed, r.warnings.len()), (2, 0, 0), "{format:?}: {:?} {:?}", r.errors, r.warnings);
        let r = import(&copy, leads_file(leads_path.display().to_string())).unwrap();
        assert_eq!((r.created, r.failed), (2, 0), "{format:?}: {:?}", r.errors);
        for a in all_accounts(&t) {
            let back = account_named(&copy, &a.fields.name);
            assert_eq!(comparable_account(&copy, &back), comparable_account(&t, &a), "{format:?}");
        }
        for l in all_leads(&t) {
            assert_eq!(comparable_lead(&lead_named(&copy, &l.fields.last_name)), comparable_lead(&l), "{format:?}");
        }
    }
}

#[test]
fn exports_follow_the_lists_query_and_refuse_vcard_for_companies() {
    let t = common::store();
    for (last, status) in [("Weber", "new"), ("Groß", "qualified")] {
        let lead = t
            .write(|w| leads::create(w, serde_json::from_value(json!({"last_name": last, "company": "X"})).unwrap()))
            .unwrap();
        if status != "new" {
            t.write(|w| {
                leads::set_status(w, serde_json::from_value(json!({"id": lead.id, "status": status})).unwrap())
            })
            .unwrap();
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("qualified.csv");
    assert_eq!(export(&t, ListTarget::Lead, &path, ExportFormat::Csv, Some(json!({"status": "qualified"}))), 1);
    assert!(std::fs::read_to_string(&path).unwrap().contains("Groß"));
    let bad = crm_core::export::run(
        &t,
        ExportArgs {
            path: path.display().to_string(),
            target: Some(ListTarget::Lead),
            query: Some(json!({"status": "maybe"})),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(bad.field.as_deref(), Some("query"));
    let vcf = dir.path().join("accounts.vcf");
    let args = ExportArgs {
        path: vcf.display().to_string(),
        target: Some(ListTarget::Account),
        format: ExportFormat::Vcf,
        ..Default::default()
    };
    let err = crm_core::export::run(&t, args).unwrap_err();
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Validation, Some("format")));
    assert!(!vcf.exists());
}

#[test]
fn a_parent_account_column_fills_or_overwrites_as_the_policy_says() {
    let t = common::store();
    let dir = tempfile::tempdir().unwrap();
    let first =
        write(dir.path(), "first.csv", "Firma,Parent Account\nAlpha GmbH,\nBeta GmbH,\nGamma GmbH,Alpha GmbH\n");
    assert_eq!(import(&t, accounts_file(first)).unwrap().created, 3);
    let parent_of = |name: &str| {
        let id = account_named(&t, name).fields.parent_id.unwrap();
        t.read(|c| accounts::get(c, IdArgs { id })).unwrap().fields.name
    };
    assert_eq!(parent_of("Gamma GmbH"), "Alpha GmbH");

    let second =
        write(dir.path(), "second.csv", "Firma,Branche,Parent Account\nGamma GmbH,IT,Beta GmbH\nDelta AG,,Omega AG\n");
    let r = import(&t, ImportArgs { on_match: OnMatch::Update, ..accounts_file(second.clone()) }).unwrap();
    assert_eq!((r.created, r.updated), (1, 1));
    assert_eq!(parent_of("Gamma GmbH"), "Alpha GmbH", "update fills an empty parent only");
    let warning = r.warnings.iter().find(|w| w.message.contains("Omega AG")).expect("a warning for the unknown parent");
    assert_eq!((warning.row, warning.column.as_deref()), (3, Some("Parent Account")));

    let r = import(&t, ImportArgs { on_match: OnMatch::Overwrite, ..accounts_file(second) }).unwrap();
    assert_eq!((r.updated, r.skipped), (1, 1), "only the parent changes: {:?}", r.errors);
    assert_eq!(parent_of("Gamma GmbH"), "Beta GmbH", "overwrite replaces it");
    let looping = write(dir.path(), "loop.csv", "Firma,Parent Account\nBeta GmbH,Gamma GmbH\n");
    let r = import(&t, ImportArgs { on_match: OnMatch::Overwrite, ..accounts_file(looping) }).unwrap();
    assert_eq!((r.failed, r.errors[0].column.as_deref()), (1, Some("Parent Account")), "{:?}", r.errors);
    assert!(r.errors[0].message.contains("loop"), "{}", r.errors[0].message);
}
