//! Importing workbooks (xlsx, xls, ods) and vCards (2.1, 3.0, 4.0) through the
//! same mapping, checks, matching and batch as CSV files, with files real tools wrote.

mod common;

use common::importing::{contact_named, file, fixture, import};
use crm_core::contacts::{self, ContactListQuery};
use crm_core::import::{workbook, ImportArgs, OnMatch};
use crm_core::{ErrorCode, Store};
use std::path::Path;

fn names(store: &Store) -> Vec<String> {
    let page = store.read(|c| contacts::list(c, ContactListQuery { limit: 500, ..Default::default() })).unwrap();
    let mut names: Vec<String> = page.rows.into_iter().map(|r| r.display_name).collect();
    names.sort();
    names
}

fn company(store: &Store, c: &contacts::Contact) -> String {
    let id = c.fields.account_id.clone().expect("linked to an account");
    store.read(|r| crm_core::accounts::get(r, crm_core::IdArgs { id })).unwrap().fields.name
}

fn values(list: &[crm_core::fields::LabeledValue]) -> Vec<(&str, &str)> {
    list.iter().map(|v| (v.value.as_str(), v.label.as_str())).collect()
}

#[test]
fn xlsx_sheet_with_dates_numbers_and_two_languages() {
    let t = common::store();
    let r = import(&t, file(fixture("contacts.xlsx"))).unwrap();
    assert_eq!((r.rows, r.created, r.failed), (3, 3, 0), "{:?}", r.errors);
    assert_eq!(r.accounts_created, 2);
    let mueller = contact_named(&t, "Müller");
    assert_eq!(
        (mueller.fields.first_name.as_str(), mueller.fields.birthday.as_deref()),
        ("Jürgen", Some("1980-02-29"))
    );
    assert_eq!(values(&mueller.fields.emails), [("j.mueller@example.de", ""), ("jm@example.org", "")]);
    assert_eq!(values(&mueller.fields.phones), [("4930123456", ""), ("+49 170 1234567", "mobile")]);
    assert_eq!(
        (mueller.fields.addresses[0].postal_code.as_str(), mueller.fields.addresses[0].city.as_str()),
        ("10115", "Berlin")
    );
    assert_eq!(company(&t, &mueller), "Müller & Söhne GmbH");
    let olena = contact_named(&t, "Шевченко");
    assert_eq!(olena.fields.phones[0].value, "0501234567", "a phone typed as text keeps its leading zero");
    assert_eq!(olena.fields.birthday.as_deref(), Some("1975-12-12"));
    assert_eq!(olena.fields.addresses[0].city, "Київ");
    assert_eq!(company(&t, &olena), "ТОВ «Світанок»");
    // The header is on the sheet's row 2; rows keep their spreadsheet numbers.
    let warning = r.warnings.iter().find(|w| w.message.contains("kein-datum")).expect("the bad e-mail is reported");
    assert_eq!((warning.row, warning.column.as_deref()), (5, Some("E-Mail")));
    assert_eq!(r.date_format.as_deref(), Some("%Y-%m-%d"));
}

#[test]
fn a_1904_workbook_gives_the_same_dates() {
    let t = common::store();
    let r = import(&t, file(fixture("contacts-1904.xlsx"))).unwrap();
    assert_eq!((r.created, r.failed), (3, 0), "{:?}", r.errors);
    assert_eq!(contact_named(&t, "Müller").fields.birthday.as_deref(), Some("1980-02-29"));
    assert_eq!(contact_named(&t, "Шевченко").fields.birthday.as_deref(), Some("1975-12-12"));
    // calamine's own files: 2021-01-01 in the 1900 and the 1904 system, from Excel and LibreOffice.
    for name in ["date.xlsx", "date_1904.xlsx", "date_1904.xls", "date.ods"] {
        let (sheet, table) = workbook::read(Path::new(&fixture(&format!("calamine/{name}"))), None).unwrap();
        assert!(!sheet.is_empty());
        assert_eq!(table.header[0], "2021-01-01", "{name}");
    }
}

#[test]
fn a_sheet_is_chosen_by_name() {
    let t = common::store();
    let r = import(&t, ImportArgs { sheet: Some("notizen".into()), ..file(fixture("contacts.xlsx")) }).unwrap();
    assert_eq!(r.created, 1);
    assert_eq!(names(&t), ["Zweitblatt"]);
    let err = import(&t, ImportArgs { sheet: Some("Adressen".into()), ..file(fixture("contacts.xlsx")) }).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("sheet"));
    assert!(err.message.contains("Kontakte, Notizen"), "{}", err.message);
}

#[test]
fn ods_numbers_stay_as_typed_and_dates_are_iso() {
    let t = common::store();
    let r = import(&t, file(fixture("contacts.ods"))).unwrap();
    assert_eq!((r.created, r.failed), (1, 0), "{:?}", r.errors);
    let ivanov = contact_named(&t, "Иванов");
    assert_eq!(ivanov.fields.first_name, "Иван");
    assert_eq!(ivanov.fields.phones[0].value, "74951234567");
    assert_eq!(ivanov.fields.addresses[0].postal_code, "101000");
    assert_eq!(ivanov.fields.birthday.as_deref(), Some("1980-02-29"));
}

#[test]
fn a_file_that_is_no_workbook_imports_nothing() {
    let t = common::store();
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("contacts.xlsx");
    std::fs::write(&fake, "Last Name,Email\nWeber,anna@example.de\n").unwrap();
    let err = import(&t, file(fake.display().to_string())).unwrap_err();
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Validation, Some("path")));
    assert!(err.message.contains("contacts.xlsx") && err.message.contains("workbook"), "{}", err.message);
    let missing = import(&t, file(fixture("missing.ods"))).unwrap_err();
    assert_eq!((missing.code, missing.field.as_deref()), (ErrorCode::Io, Some("path")));
    assert!(names(&t).is_empty());
}

#[test]
fn vcards_of_three_versions_in_one_file() {
    let t = common::store();
    let r = import(&t, file(fixture("contacts-mixed.vcf"))).unwrap();
    assert_eq!((r.rows, r.created, r.failed), (3, 3, 0), "{:?}", r.errors);
    assert_eq!(r.encoding, "UTF-8");

    let mueller = contact_named(&t, "Müller");
    let f = &mueller.fields;
    assert_eq!((f.salutation.as_str(), f.first_name.as_str()), ("Dr.", "Jürgen"));
    assert_eq!((f.title.as_str(), f.department.as_str()), ("Geschäftsführer", "Vertrieb"));
    assert_eq!(company(&t, &mueller), "Müller & Söhne GmbH");
    assert_eq!(values(&f.emails), [("j.mueller@example.de", "work"), ("jm@example.org", "home")]);
    assert_eq!(values(&f.phones), [("+49 170 1234567", "mobile"), ("030 1234-0", "work")]);
    let a = &f.addresses[0];
    assert_eq!(
        (a.label.as_str(), a.street.as_str(), a.city.as_str(), a.postal_code.as_str(), a.country.as_str()),
        ("work", "Hauptstraße 5\n2. OG", "Berlin", "01067", "Deutschland")
    );
    assert_eq!(f.birthday.as_deref(), Some("1980-12-31"));
    assert_eq!(f.notes, "Trifft sich gern, aber kurz; lieber per E-Mail.\nZweite Zeile einer langen Notiz.");
    assert_eq!(f.tags, ["VIP", "Messe"]);

    // vCard 2.1, quoted-printable windows-1251 with soft line breaks.
    let olena = contact_named(&t, "Шевченко");
    let f = &olena.fields;
    assert_eq!(f.first_name, "Олена");
    assert_eq!(values(&f.phones), [("0501234567", "mobile"), ("+380 44 123 45 67", "home")]);
    assert_eq!((f.addresses[0].street.as_str(), f.addresses[0].city.as_str()), ("вул. Хрещатик, 1", "Київ"));
    assert_eq!(f.addresses[0].country, "Україна");
    assert_eq!(f.notes, "Зустріч у Києві\nдругий рядок");
    assert_eq!(f.birthday, None);
    let warning =
        r.warnings.iter().find(|w| w.message.contains("no year")).expect("a birthday without a year is reported");
    assert_eq!((warning.row, warning.column.as_deref()), (19, Some("birthday")));

    // vCard 4.0 with an empty N: the formatted name is used.
    let anna = contact_named(&t, "Weber");
    assert_eq!((anna.fields.first_name.as_str(), anna.fields.birthday.as_deref()), ("Anna", Some("1980-02-29")));
    assert_eq!(values(&anna.fields.phones), [("+33-1-23-45-67-89", "home")]);
}

#[test]
fn vcards_from_outlook_gmail_iphone_and_android() {
    let t = common::store();
    let r = import(&t, ImportArgs { on_match: OnMatch::Create, ..file(fixture("ezvcard/John_Doe_MS_OUTLOOK.vcf")) })
        .unwrap();
    assert_eq!((r.created, r.failed), (1, 0), "{:?}", r.errors);
    let outlook = contact_named(&t, "Doe");
    let f = &outlook.fields;
    assert_eq!((f.salutation.as_str(), f.first_name.as_str()), ("Mr.", "John Richter James"));
    assert_eq!((f.title.as_str(), f.department.as_str()), ("Money Counter", "Accounting"));
    assert_eq!(company(&t, &outlook), "IBM");
    assert_eq!(f.birthday.as_deref(), Some("1980-03-22"));
    assert_eq!(values(&f.emails), [("john.doe@ibm.cm", "")]);
    assert_eq!(values(&f.phones), [("(905) 555-1234", "work"), ("(905) 666-1234", "home")]);
    assert_eq!((f.addresses[0].label.as_str(), f.addresses[0].city.as_str()), ("work", "Albaney"));
    assert_eq!(f.addresses[1].street, "Silicon Alley 5");
    assert!(f.notes.starts_with("THIS SOFTWARE IS PROVIDED"));

    for name in ["John_Doe_GMAIL", "John_Doe_IPHONE", "rfc6350-example"] {
        let r = import(&t, ImportArgs { on_match: OnMatch::Create, ..file(fixture(&format!("ezvcard/{name}.vcf"))) })
            .unwrap();
        assert_eq!((r.created, r.failed), (1, 0), "{name}: {:?}", r.errors);
    }
    let contacts =
        t.read(|c| contacts::list(c, ContactListQuery { q: "Doe".into(), limit: 10, ..Default::default() })).unwrap();
    assert_eq!(contacts.rows.len(), 3);
    let details: Vec<contacts::Contact> = contacts
        .rows
        .iter()
        .map(|row| t.read(|c| contacts::get(c, crm_core::IdArgs { id: row.id.clone() })).unwrap())
        .collect();
    let gmail = details
        .iter()
        .find(|c| c.fields.birthday.as_deref() == Some("1980-03-22") && c.fields.emails[0].value == "john.doe@ibm.com")
        .expect("the Gmail card");
    assert_eq!(values(&gmail.fields.emails), [("john.doe@ibm.com", "home")]);
    assert!(gmail.fields.notes.ends_with("\nFavotire Color: Blue"), "folded, escaped note: {}", gmail.fields.notes);
    let iphone = details.iter().find(|c| c.fields.birthday.as_deref() == Some("2012-06-06")).expect("the iPhone card");
    assert_eq!(
        iphone.fields.phones[0],
        crm_core::fields::LabeledValue { value: "905-555-1234".into(), label: "mobile".into(), primary: true }
    );
    assert_eq!(iphone.fields.addresses[1].street, "Street4\nBuilding 6\nFloor 8");
    let simon = contact_named(&t, "Perreault");
    assert_eq!(values(&simon.fields.phones), [("+1-418-656-9254 ext. 102", "work"), ("+1-418-262-6501", "mobile")]);
    assert_eq!(simon.fields.addresses[0].postal_code, "G1V 2M2");

    // Android 2.1: quoted-printable UTF-8 names, several cards, system group "My Contacts" is no tag.
    let android = common::store();
    let r = import(&android, ImportArgs { on_match: OnMatch::Create, ..file(fixture("ezvcard/John_Doe_ANDROID.vcf")) })
        .unwrap();
    assert_eq!((r.rows, r.failed), (6, 0), "{:?}", r.errors);
    assert!(names(&android).contains(&"Ñ Ñ Ñ Ñ".to_string()), "{:?}", names(&android));
    let bob = android
        .read(|c| contacts::list(c, ContactListQuery { q: "bob@company.com".into(), ..Default::default() }))
        .unwrap();
    let bob = android.read(|c| contacts::get(c, crm_core::IdArgs { id: bob.rows[0].id.clone() })).unwrap();
    assert_eq!(bob.fields.emails[0].value, "bob@company.com");
    assert!(bob.fields.tags.is_empty());
}

#[test]
fn a_broken_vcard_file_imports_nothing() {
    let t = common::store();
    let err = import(&t, file(fixture("broken-unterminated.vcf"))).unwrap_err();
    assert_eq!((err.code, err.field.as_deref(), err.row), (ErrorCode::Validation, Some("path"), Some(10)));
    assert!(err.message.contains("END:VCARD") && err.message.contains("line 10"), "{}", err.message);
    let err = import(&t, file(fixture("broken-no-begin.vcf"))).unwrap_err();
    assert_eq!(err.row, Some(1));
    assert!(err.message.contains("BEGIN:VCARD"), "{}", err.message);
    assert!(names(&t).is_empty());
}

/// A sheet as people leave them: the table starts at C3 under a title, rows have gaps and
/// empty trailing cells, one row is empty, a note sits left of the table.
fn offset_sheet(path: &Path) {
    use rust_xlsxwriter::Workbook;
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Messe Leipzig 2026").unwrap();
    for (col, title) in ["Nachname", "Vorname", "E-Mail", "Telefon"].iter().enumerate() {
        sheet.write_string(2, 2 + col as u16, *title).unwrap();
    }
    sheet.write_string(3, 2, "Weber").unwrap();
    sheet.write_string(3, 4, "anna.weber@example.de").unwrap(); // no first name
    sheet.write_string(5, 0, "intern").unwrap(); // left of the table
    sheet.write_string(5, 2, "Kowalski").unwrap();
    sheet.write_string(5, 3, "Jan").unwrap();
    sheet.write_number(5, 5, 4930123456.0).unwrap();
    book.save(path).unwrap();
}

#[test]
fn a_sheet_is_read_from_its_header_with_gaps_and_rows_numbered_as_in_the_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("messe.xlsx");
    offset_sheet(&path);
    let (_, table) = workbook::read(&path, None).unwrap();
    // The title above is the first non-empty row, so it is the header: the wizard lets the user
    // map from there; read from the title's column, the table's cells keep their places.
    assert_eq!(table.header, ["Messe Leipzig 2026"]);
    let rows: Vec<_> = table.map(Result::unwrap).map(|r| (r.line, r.fields)).collect();
    let cells = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        rows,
        [
            (3, cells(&["", "", "Nachname", "Vorname", "E-Mail", "Telefon"])),
            (4, cells(&["", "", "Weber", "", "anna.weber@example.de"])),
            (6, cells(&["intern", "", "Kowalski", "Jan", "", "4930123456"])),
        ]
    );
}

#[test]
fn a_damaged_sheet_imports_nothing_and_says_which_sheet() {
    let t = common::store();
    let dir = tempfile::tempdir().unwrap();
    let whole = dir.path().join("whole.xlsx");
    {
        use rust_xlsxwriter::Workbook;
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "Last Name").unwrap();
        sheet.write_string(0, 1, "Email").unwrap();
        for row in 1..3000u32 {
            sheet.write_string(row, 0, format!("Person {row}")).unwrap();
            sheet.write_string(row, 1, format!("p{row}@example.com")).unwrap();
        }
        book.save(&whole).unwrap();
    }
    let good = import(&t, ImportArgs { dry_run: true, ..file(whole.display().to_string()) }).unwrap();
    assert_eq!(good.rows, 2999);
    // The sheet's XML cut off in the middle: the ZIP entry no longer inflates to its end.
    let bytes = std::fs::read(&whole).unwrap();
    let damaged = dir.path().join("damaged.xlsx");
    let sheet_at = bytes.windows(24).position(|w| w == b"xl/worksheets/sheet1.xml").unwrap();
    let mut cut = bytes.clone();
    for b in &mut cut[sheet_at + 200..sheet_at + 2200] {
        *b = 0x55;
    }
    std::fs::write(&damaged, &cut).unwrap();
    let err = import(&t, file(damaged.display().to_string())).unwrap_err();
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Validation, Some("path")), "{}", err.message);
    assert!(err.message.contains("damaged.xlsx"), "{}", err.message);
    assert!(names(&t).is_empty(), "nothing of the damaged sheet is imported");
}
