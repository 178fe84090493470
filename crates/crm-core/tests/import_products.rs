//! Importing products (price lists as German Excel and a workbook write them), matching
//! rows by the id another system gave them, and what `import_fields` tells the wizard.

mod common;

use common::importing::{file, fixture, import};
use crm_core::batches::{self, BatchArgs};
use crm_core::contacts::{self, ContactListQuery};
use crm_core::export::{ExportArgs, ExportFormat};
use crm_core::import::{ImportArgs, ListTarget, MatchOn, OnMatch};
use crm_core::products::{self, Product, ProductKind, ProductListQuery};
use crm_core::{accounts, leads, ErrorCode, IdArgs, Store};
use rust_decimal::Decimal;
use serde_json::json;
use std::path::Path;

fn products_file(path: String) -> ImportArgs {
    ImportArgs { target: Some(ListTarget::Product), ..file(path) }
}

fn all_products(store: &Store) -> Vec<Product> {
    let page = store.read(|c| products::list(c, ProductListQuery { limit: 500, ..Default::default() })).unwrap();
    page.rows.into_iter().map(|r| store.read(|c| products::get(c, IdArgs { id: r.id })).unwrap()).collect()
}

fn product(store: &Store, code: &str) -> Product {
    all_products(store).into_iter().find(|p| p.fields.code == code).unwrap_or_else(|| panic!("no product {code}"))
}

fn dec(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn a_german_price_list_in_windows_1252_imports_with_exact_prices_and_rates() {
    let t = common::store();
    let r = import(&t, products_file(fixture("products-windows-1252-semicolon.csv"))).unwrap();
    assert_eq!((r.encoding.as_str(), r.delimiter.as_str()), ("windows-1252", ";"));
    let targets: Vec<(&str, &str)> = r.columns.iter().map(|c| (c.column.as_str(), c.target.as_str())).collect();
    assert_eq!(
        targets,
        [
            ("Artikelnummer", "code"),
            ("Bezeichnung", "name"),
            ("Einheit", "unit"),
            ("Preis", "price"),
            ("MwSt", "tax_rate"),
            ("Währung", "currency"),
            ("Art", "product_kind"),
            ("Aktiv", "active"),
            ("Beschreibung", "notes"),
        ]
    );
    assert_eq!((r.rows, r.created, r.skipped, r.failed), (8, 5, 1, 2), "{:?}", r.errors);
    let errors: Vec<(u64, Option<&str>)> = r.errors.iter().map(|e| (e.row, e.column.as_deref())).collect();
    assert_eq!(errors, [(7, Some("Preis")), (8, Some("Art"))], "{:?}", r.errors);
    assert!(r.errors[0].message.contains("negative"), "{}", r.errors[0].message);
    assert!(r.errors[1].message.contains("\"Abo\""), "{}", r.errors[1].message);

    let desk = product(&t, "A-1001");
    assert_eq!(desk.fields.default_price, Some(dec("1234.50")));
    assert_eq!(desk.fields.default_price.unwrap().to_string(), "1234.50", "the price as written, no float");
    assert_eq!(desk.fields.tax_rate, dec("0.19"));
    assert_eq!(desk.fields.description, "Maße: 160 × 80 cm; höhenverstellbar");
    assert_eq!(desk.fields.unit, "Stk.");
    assert_eq!(desk.fields.name, "Schreibtisch Eiche massiv", "the later row of the same code was skipped");
    let clips = product(&t, "00815");
    assert_eq!(clips.fields.name, "Büroklammern „Größe 3“ (1.000 Stück)");
    assert_eq!(clips.fields.default_price, Some(dec("4.95")));
    let service = product(&t, "S-200");
    assert_eq!((service.fields.kind, service.fields.tax_rate), (ProductKind::Service, dec("0.19")));
    assert_eq!(product(&t, "B-7").fields.tax_rate, dec("0.07"));
    let old = product(&t, "X-9");
    assert!(!old.fields.active);
    assert_eq!(old.fields.default_price, Some(dec("0.125")), "0,125 is a fraction, not 125");
    assert_eq!(old.fields.currency, "EUR");
}

#[test]
fn the_column_decides_whether_a_dot_groups_thousands() {
    let t = common::store();
    let german = write(t.dir.path(), "de.csv", "Artikelnummer;Bezeichnung;Preis\nK-1;Kabel;1.234\nK-2;Stecker;4,95\n");
    import(&t, products_file(german)).unwrap();
    assert_eq!(product(&t, "K-1").fields.default_price, Some(dec("1234")), "a thousand where commas are decimal");
    let english = write(t.dir.path(), "en.csv", "SKU,Name,Price\nE-1,Cable,\"1,234\"\nE-2,Plug,4.950\nE-3,Tape,0.5\n");
    import(&t, products_file(english)).unwrap();
    assert_eq!(product(&t, "E-1").fields.default_price, Some(dec("1234")));
    assert_eq!(product(&t, "E-2").fields.default_price, Some(dec("4.950")), "three decimals where dots are decimal");
}

#[test]
fn a_workbooks_codes_keep_their_leading_zeros() {
    let t = common::store();
    let r = import(&t, products_file(fixture("products.xlsx"))).unwrap();
    assert_eq!((r.created, r.failed), (3, 0), "{:?}", r.errors);
    let codes: Vec<String> = all_products(&t).into_iter().map(|p| p.fields.code).collect();
    assert_eq!(codes.len(), 3);
    for code in ["00123", "00042", "4711"] {
        assert!(codes.contains(&code.to_owned()), "{code} in {codes:?}");
    }
    let cable = product(&t, "00123");
    assert_eq!((cable.fields.default_price, cable.fields.tax_rate), (Some(dec("12.5")), dec("0.19")));
    assert_eq!(cable.fields.external_id, "ERP-1");
    let power = product(&t, "00042");
    assert_eq!((power.fields.default_price, power.fields.tax_rate), (Some(dec("1234.5")), dec("0.19")));
    assert_eq!(product(&t, "4711").fields.tax_rate, dec("0.07"), "a 0% cell holds the fraction");
}

#[test]
fn a_price_update_matches_by_code_and_needs_no_names() {
    let t = common::store();
    import(&t, products_file(fixture("products-windows-1252-semicolon.csv"))).unwrap();
    let before = all_products(&t).len();
    let csv = write(t.dir.path(), "preise.csv", "Artikelnummer;Preis\na-1001;1.299,00\nS-200;95\nNEU-1;5,00\n");
    let r = import(&t, ImportArgs { on_match: OnMatch::Overwrite, ..products_file(csv) }).unwrap();
    assert_eq!((r.updated, r.created, r.failed), (2, 0, 1), "{:?}", r.errors);
    assert!(r.errors[0].message.contains("name is required"), "{}", r.errors[0].message);
    assert_eq!(all_products(&t).len(), before, "updated, not duplicated");
    let desk = product(&t, "a-1001");
    assert_eq!(desk.fields.default_price, Some(dec("1299.00")));
    assert_eq!(desk.fields.name, "Schreibtisch Eiche massiv");
    assert_eq!(desk.fields.tax_rate, dec("0.19"), "a rate the file does not give is kept");
    assert_eq!(product(&t, "S-200").fields.kind, ProductKind::Service, "so is the kind");

    let wrong = import(&t, ImportArgs { match_on: Some(MatchOn::Email), ..products_file(fixture("products.xlsx")) });
    let e = wrong.unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Validation, Some("match_on")));
    assert!(e.message.contains("code, external_id, none"), "{}", e.message);
}

#[test]
fn a_rehearsal_without_a_code_column_shows_the_mapping_to_fix() {
    let t = common::store();
    let csv = write(t.dir.path(), "nr.csv", "Nr.;Bezeichnung;Preis\n17;Kabel;4,50\n");
    let rehearsal = import(&t, ImportArgs { dry_run: true, ..products_file(csv.clone()) }).unwrap();
    let targets: Vec<&str> = rehearsal.columns.iter().map(|c| c.target.as_str()).collect();
    assert_eq!(targets, ["ignore", "name", "price"]);
    assert_eq!((rehearsal.rows, rehearsal.errors.len(), rehearsal.errors[0].row), (0, 1, 0));
    assert!(rehearsal.errors[0].message.contains("product code"), "{}", rehearsal.errors[0].message);
    let err = import(&t, products_file(csv.clone())).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("mapping"), "the import itself refuses");
    let mapping = json!({"Nr.": "code"}).as_object().cloned();
    let r = import(&t, ImportArgs { mapping, ..products_file(csv) }).unwrap();
    assert_eq!(r.created, 1);
    assert_eq!(product(&t, "17").fields.default_price, Some(dec("4.50")));
}

#[test]
fn a_products_import_is_taken_back_whole() {
    let t = common::store();
    let r = import(&t, products_file(fixture("products.xlsx"))).unwrap();
    t.write(|w| batches::undo(w, BatchArgs { batch_id: r.batch_id.unwrap() })).unwrap();
    assert!(all_products(&t).is_empty(), "the created products are gone");
    let again = import(&t, products_file(fixture("products.xlsx"))).unwrap();
    assert_eq!(again.created, 3, "their codes are free again");
    let csv = write(t.dir.path(), "prices.csv", "SKU,Price\n00123,13.90\n");
    let update = import(&t, ImportArgs { on_match: OnMatch::Overwrite, ..products_file(csv) }).unwrap();
    assert_eq!(update.updated, 1);
    assert_eq!(product(&t, "00123").fields.default_price, Some(dec("13.90")));
    t.write(|w| batches::undo(w, BatchArgs { batch_id: update.batch_id.unwrap() })).unwrap();
    assert_eq!(product(&t, "00123").fields.default_price, Some(dec("12.5")), "the update is taken back");
    assert_eq!(all_products(&t).len(), 3);
}

#[test]
fn exported_products_import_back_as_the_same_products() {
    let t = common::store();
    import(&t, products_file(fixture("products-windows-1252-semicolon.csv"))).unwrap();
    import(&t, products_file(fixture("products.xlsx"))).unwrap();
    let fields = |store: &Store| {
        let mut all: Vec<_> = all_products(store).into_iter().map(|p| p.fields).collect();
        all.sort_by(|a, b| a.code.cmp(&b.code));
        all
    };
    let original = fields(&t);
    assert_eq!(original.len(), 8);
    for format in [ExportFormat::Csv, ExportFormat::Xlsx] {
        let path = t.dir.path().join(format!("products.{}", if format == ExportFormat::Csv { "csv" } else { "xlsx" }));
        let args = ExportArgs {
            path: path.display().to_string(),
            target: Some(ListTarget::Product),
            format,
            query: None,
            delimiter: Some(";".into()),
            bom: true,
        };
        assert_eq!(crm_core::export::run(&t, args).unwrap().rows, 8);
        let copy = common::store();
        let r = import(&copy, products_file(path.display().to_string())).unwrap();
        assert_eq!((r.created, r.failed), (8, 0), "{format:?}: {:?}", r.errors);
        assert_eq!(fields(&copy), original, "{format:?}");
    }
}

#[test]
fn external_ids_match_contacts_accounts_and_leads_instead_of_duplicating() {
    let t = common::store();
    let first = "External ID;Vorname;Nachname;E-Mail\nC-1;Anna;Müller;anna@alt.de\nC-2;Jörg;Schmidt;joerg@alt.de\n";
    let r = import(&t, file(write(t.dir.path(), "a.csv", first))).unwrap();
    assert_eq!(r.created, 2);
    assert_eq!(r.columns[0].target, "external_id");
    // The same people with new addresses: matched by e-mail they would be new contacts.
    let second = "Externe ID;Vorname;Nachname;E-Mail\nC-1;Anna;Müller-Lang;anna@neu.de\nC-3;Olga;Iwanowa;olga@neu.de\n";
    let path = write(t.dir.path(), "b.csv", second);
    let r = import(
        &t,
        ImportArgs { match_on: Some(MatchOn::ExternalId), on_match: OnMatch::Overwrite, ..file(path.clone()) },
    )
    .unwrap();
    assert_eq!((r.updated, r.created), (1, 1));
    let contacts = t.read(|c| contacts::list(c, ContactListQuery::default())).unwrap().rows;
    assert_eq!(contacts.len(), 3);
    let anna = common::importing::contact_named(&t, "Müller-Lang");
    assert_eq!(anna.fields.external_id, "C-1");
    let emails: Vec<&str> = anna.fields.emails.iter().map(|e| e.value.as_str()).collect();
    assert_eq!(emails, ["anna@neu.de"], "overwritten with the row's values");

    let accounts_csv = write(t.dir.path(), "acc.csv", "ID,Account Name,Phone\nA-7,Nordwind GmbH,+49 40 123456\n");
    let args = |path: &str, target| ImportArgs {
        target: Some(target),
        match_on: Some(MatchOn::ExternalId),
        on_match: OnMatch::Overwrite,
        ..file(path.to_owned())
    };
    assert_eq!(import(&t, args(&accounts_csv, ListTarget::Account)).unwrap().created, 1);
    let renamed = write(t.dir.path(), "acc2.csv", "ID,Account Name\nA-7,Nordwind Logistik GmbH\n");
    let r = import(&t, args(&renamed, ListTarget::Account)).unwrap();
    assert_eq!((r.updated, r.created), (1, 0), "renamed, not a second company");
    let names: Vec<String> = t
        .read(|c| accounts::list(c, Default::default()))
        .unwrap()
        .rows
        .into_iter()
        .map(|a| t.read(|c| accounts::get(c, IdArgs { id: a.id })).unwrap().fields.name)
        .collect();
    assert_eq!(names, ["Nordwind Logistik GmbH"]);

    let leads_csv = write(t.dir.path(), "l.csv", "Внешний ID,Фамилия,Компания\nL-1,Петров,Север\n");
    assert_eq!(import(&t, args(&leads_csv, ListTarget::Lead)).unwrap().created, 1);
    let moved = write(t.dir.path(), "l2.csv", "Внешний ID,Фамилия,Компания\nL-1,Петров,Юг\n");
    assert_eq!(import(&t, args(&moved, ListTarget::Lead)).unwrap().updated, 1);
    let leads = t.read(|c| leads::list(c, Default::default())).unwrap().rows;
    assert_eq!(leads.len(), 1);
    let lead = t.read(|c| leads::get(c, IdArgs { id: leads[0].id.clone() })).unwrap();
    assert_eq!((lead.fields.company.as_str(), lead.fields.external_id.as_str()), ("Юг", "L-1"));
}

#[test]
fn presets_map_no_external_ids() {
    let t = common::store();
    let csv = write(t.dir.path(), "google.csv", "ID,First Name,Last Name\n7,Anna,Berg\n");
    let r = import(&t, ImportArgs { preset: Some(crm_core::import::mapping::Preset::Google), ..file(csv) }).unwrap();
    assert_eq!(r.columns[0].target, "ignore");
    assert_eq!(common::importing::contact_named(&t, "Berg").fields.external_id, "");
}

#[test]
fn import_fields_describes_each_target_for_the_wizard() {
    let t = common::store();
    let products = crm_core::commands::dispatch(&t, "import_fields", json!({"target": "product"})).unwrap();
    assert_eq!(products["match_keys"], json!(["code", "external_id", "none"]));
    let fields = products["fields"].as_array().unwrap();
    let code = fields.iter().find(|f| f["field"] == "code").unwrap();
    assert_eq!((code["required"].as_bool(), code["group"].as_str()), (Some(true), Some("product")));
    assert!(fields.iter().any(|f| f["field"] == "tax_rate" && f["label"] == "Tax rate (%)"));
    assert!(!fields.iter().any(|f| f["field"] == "email"), "products have no e-mail");

    let contacts = crm_core::commands::dispatch(&t, "import_fields", json!({})).unwrap();
    assert_eq!(contacts["target"], "contact");
    assert_eq!(contacts["match_keys"][0], "email");
    let phone = contacts["fields"].as_array().unwrap().iter().find(|f| f["field"] == "phone").unwrap().clone();
    assert_eq!(phone["several"], true);
    assert!(phone["targets"].as_array().unwrap().contains(&json!("phone:mobile")));
    assert_eq!(contacts["required"][0]["fields"].as_array().unwrap().len(), 5, "a name or an e-mail");

    let accounts = crm_core::commands::dispatch(&t, "import_fields", json!({"target": "account"})).unwrap();
    let street = accounts["fields"].as_array().unwrap().iter().find(|f| f["field"] == "street").unwrap().clone();
    assert_eq!(street["targets"], json!(["street:billing", "street:shipping"]));
    assert_eq!(accounts["required"][0]["fields"], json!(["company"]));
}
