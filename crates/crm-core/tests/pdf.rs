//! Documents as PDF, read back the way a person's tools read them: `pdftotext` must give the
//! customer's name with its diacritics or Cyrillic letters, every line and the totals exactly
//! as stored (formatted for the locale), and `qpdf --check` must pass. These tests need
//! poppler-utils and qpdf (scripts/deps.sh installs them) and fail when they are missing.

mod common;

use crm_core::commands::dispatch;
use crm_core::locale_format::Style;
use crm_core::{ErrorCode, Store};
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

fn ok(store: &Store, name: &str, args: Value) -> Value {
    dispatch(store, name, args).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

/// Runs a PDF tool, failing the test with what to install when it is missing.
fn tool(name: &str, args: &[&str], file: &Path) -> std::process::Output {
    Command::new(name).args(args).arg(file).output().unwrap_or_else(|e| {
        panic!("{name} is needed for the PDF tests ({e}): install poppler-utils and qpdf (scripts/deps.sh)")
    })
}

/// The text of a PDF, pages separated by form feeds.
fn text(file: &Path) -> String {
    let out = Command::new("pdftotext").args(["-layout", "-enc", "UTF-8", "-q"]).arg(file).arg("-").output();
    let out = out.unwrap_or_else(|e| {
        panic!("pdftotext is needed for the PDF tests ({e}): install poppler-utils (scripts/deps.sh)")
    });
    assert!(out.status.success(), "pdftotext failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 text")
}

fn qpdf_check(file: &Path) {
    let out = tool("qpdf", &["--check"], file);
    assert!(
        out.status.success(),
        "qpdf --check failed on {}: {}{}",
        file.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Both fonts are in the file, as subsets (a page of text is a few kilobytes, not the 1.4 MB of the
/// whole fonts), with a map back to Unicode.
fn assert_fonts_embedded(file: &Path) {
    let out = tool("pdffonts", &[], file);
    let list = String::from_utf8_lossy(&out.stdout).into_owned();
    let fonts: Vec<&str> = list.lines().skip(2).collect();
    assert_eq!(fonts.len(), 2, "regular and bold:\n{list}");
    for font in fonts {
        let columns: Vec<&str> = font.split_whitespace().collect();
        // name, type (2 words), encoding, emb, sub, uni, object, generation
        assert_eq!((columns[4], columns[6]), ("yes", "yes"), "embedded, with a Unicode map: {font}");
    }
    let size = std::fs::metadata(file).unwrap().len();
    assert!(size < 60_000, "the fonts are subset: {size} bytes");
}

/// Writes a document's PDF through the registry and returns the result and the file.
fn pdf(t: &common::TestStore, record_type: &str, id: &Value, name: &str) -> (Value, PathBuf) {
    let path = t.dir.path().join(name);
    let file = ok(t, "document_pdf", json!({"record_type": record_type, "id": id, "path": path}));
    assert_eq!(file["path"], path.display().to_string());
    let bytes = std::fs::read(&path).expect("the PDF was written");
    assert!(bytes.starts_with(b"%PDF-"), "a PDF file");
    (file, path)
}

fn decimal(v: &Value) -> Decimal {
    v.as_str().unwrap_or_else(|| panic!("decimal text: {v}")).parse().unwrap()
}

/// Asserts the text holds every line's description and net and the stored totals, as the
/// locale writes them.
fn assert_lines_and_totals(text: &str, invoice: &Value, locale: &str) {
    let style = Style::of(locale);
    let currency = invoice["currency"].as_str().unwrap();
    let money = |v: &Value| style.money(decimal(v), currency);
    for (line, totals) in
        invoice["lines"].as_array().unwrap().iter().zip(invoice["totals"]["lines"].as_array().unwrap())
    {
        let description = line["description"].as_str().unwrap();
        assert!(text.contains(description), "line {description:?} missing from:\n{text}");
        assert!(text.contains(&money(&totals["net"])), "line net {} missing", money(&totals["net"]));
    }
    let totals = &invoice["totals"];
    for key in ["subtotal", "net", "total"] {
        assert!(text.contains(&money(&totals[key])), "{key} {} missing from:\n{text}", money(&totals[key]));
    }
    for rate in totals["rates"].as_array().unwrap() {
        let tax = money(&rate["tax"]);
        let percent = style.percent(decimal(&rate["rate"]));
        let row = text.lines().find(|l| l.contains(&percent) && l.contains(&money(&rate["net"])));
        assert!(row.is_some_and(|r| r.trim_end().ends_with(&tax)), "the {percent} tax row with {tax} is missing");
    }
}

fn settings(t: &Store, changes: Value) {
    ok(t, "settings_update", json!({"changes": changes}));
}

#[test]
fn invoice_to_a_german_customer_reads_back_with_umlauts_and_euro_amounts() {
    let t = common::store();
    settings(
        &t,
        json!({"company_name": "Outpost Werkzeuge GmbH", "company_address": "Hauptstraße 1\n10115 Berlin",
               "tax_id": "DE123456789", "locale": "de-DE", "default_currency": "EUR"}),
    );
    let account = ok(
        &t,
        "account_create",
        json!({"name": "Müller & Söhne Bäckerei GmbH", "tax_id": "DE987654321",
               "billing_address": {"street": "Königsallee 12", "postal_code": "40212", "city": "Düsseldorf", "country": "Deutschland"}}),
    );
    let contact =
        ok(&t, "contact_create", json!({"first_name": "Jürgen", "last_name": "Groß", "account_id": account["id"]}));
    let draft = ok(
        &t,
        "invoice_create",
        json!({
            "subject": "Werkzeug für die Backstube", "account_id": account["id"], "contact_id": contact["id"],
            "currency": "EUR", "terms": "Lieferung frei Haus. Es gelten unsere AGB.",
            "discount": {"percent": "5"}, "shipping": "4.90", "shipping_tax_rate": "0.19",
            "lines": [
                {"description": "Bohrmaschine Größe M", "quantity": "2", "unit": "Stück", "unit_price": "1234.56", "tax_rate": "0.19"},
                {"description": "Schraubendreher-Satz", "quantity": "3", "unit": "Satz", "unit_price": "9.99", "tax_rate": "0.07", "discount": {"percent": "10"}},
                {"description": "Einweisung vor Ort", "quantity": "1.5", "unit": "Std.", "unit_price": "80.00", "tax_rate": "0.19"}
            ]
        }),
    );
    let invoice = ok(&t, "invoice_issue", json!({"id": draft["id"], "date": "2026-03-16"}));
    let number = invoice["number"].as_str().unwrap().to_owned();

    let (file, path) = pdf(&t, "invoice", &invoice["id"], "rechnung.pdf");
    assert_eq!(file["pages"], 1);
    assert_eq!(file["id"], invoice["id"]);
    qpdf_check(&path);
    assert_fonts_embedded(&path);
    let text = text(&path);
    for expected in [
        "Müller & Söhne Bäckerei GmbH",
        "Königsallee 12",
        "40212 Düsseldorf",
        "Jürgen Groß",
        "Outpost Werkzeuge GmbH",
        "Hauptstraße 1",
        "Rechnung",
        &number,
        "16.03.2026",
        "30.03.2026",
        "Zahlbar innerhalb von 14 Tagen bis zum 30.03.2026.",
        "Lieferung frei Haus. Es gelten unsere AGB.",
        "Werkzeug für die Backstube",
        "1.234,56 €",
        "10 %",
        "Seite 1 / 1",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from:\n{text}");
    }
    assert_lines_and_totals(&text, &invoice, "de-DE");
}

#[test]
fn invoice_to_a_ukrainian_customer_reads_back_in_cyrillic_with_hryvnias() {
    let t = common::store();
    settings(
        &t,
        json!({"company_name": "ТОВ «Аванпост»", "company_address": "вул. Січових Стрільців, 7\nЛьвів",
               "locale": "uk-UA", "default_currency": "UAH"}),
    );
    let account = ok(
        &t,
        "account_create",
        json!({"name": "ТОВ «Шевченко і партнери»",
               "billing_address": {"street": "вул. Хрещатик, 22", "postal_code": "01001", "city": "Київ", "country": "Україна"}}),
    );
    let contact =
        ok(&t, "contact_create", json!({"first_name": "Олена", "last_name": "Ковальчук", "account_id": account["id"]}));
    let draft = ok(
        &t,
        "invoice_create",
        json!({
            "subject": "Обладнання для офісу", "account_id": account["id"], "contact_id": contact["id"], "currency": "UAH", "tax_mode": "on_total",
            "lines": [
                {"description": "Ноутбук для бухгалтерії", "quantity": "2", "unit": "шт.", "unit_price": "38499.99", "tax_rate": "0.2"},
                {"description": "Встановлення ґрунтовного захисту", "quantity": "4", "unit": "год", "unit_price": "1250", "tax_rate": "0.2"},
                {"description": "Довідник «Їжак і Єнот»", "quantity": "1", "unit": "шт.", "unit_price": "315.50", "tax_rate": "0"}
            ]
        }),
    );
    let invoice = ok(&t, "invoice_issue", json!({"id": draft["id"], "date": "2026-04-01"}));

    let (_, path) = pdf(&t, "invoice", &invoice["number"], "рахунок.pdf");
    qpdf_check(&path);
    let text = text(&path);
    for expected in [
        "ТОВ «Шевченко і партнери»",
        "вул. Хрещатик, 22",
        "01001 Київ",
        "Олена Ковальчук",
        "Рахунок",
        "01.04.2026",
        "Усього до сплати",
        "76 999,98 ₴",
        "20 %",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from:\n{text}");
    }
    assert_lines_and_totals(&text, &invoice, "uk-UA");
    assert!(text.contains(&Style::of("uk-UA").money(decimal(&invoice["totals"]["total"]), "UAH")));
}

#[test]
fn a_200_line_invoice_spans_pages_with_the_table_header_on_each() {
    let t = common::store();
    settings(&t, json!({"company_name": "Outpost Ltd", "locale": "en-US", "default_currency": "USD"}));
    let account = ok(&t, "account_create", json!({"name": "Acme Corp"}));
    let lines: Vec<Value> = (1..=200)
        .map(|i| json!({"description": format!("Line item {i:03}"), "quantity": "1", "unit_price": format!("{i}.25"), "tax_rate": "0.1"}))
        .collect();
    let draft = ok(
        &t,
        "invoice_create",
        json!({"subject": "Parts", "account_id": account["id"], "currency": "USD", "lines": lines}),
    );
    let invoice = ok(&t, "invoice_issue", json!({"id": draft["id"]}));
    let (file, path) = pdf(&t, "invoice", &invoice["id"], "long.pdf");
    qpdf_check(&path);
    let pages = file["pages"].as_u64().unwrap() as usize;
    assert!(pages >= 4, "200 lines fill several pages, got {pages}");

    let text = text(&path);
    let page_texts: Vec<&str> = text.split('\x0c').filter(|p| !p.trim().is_empty()).collect();
    assert_eq!(page_texts.len(), pages);
    for (i, page) in page_texts.iter().enumerate() {
        assert!(page.contains(&format!("{} / {pages}", i + 1)), "page {} has its number", i + 1);
        let rows = page.matches("Line item ").count();
        let headers = page.matches("Description").count();
        if rows > 0 {
            assert_eq!(headers, 1, "page {} with {rows} lines has the header once", i + 1);
            // the header comes before the page's first line
            assert!(page.find("Description") < page.find("Line item "));
        }
    }
    assert_eq!(text.matches("Description").count(), page_texts.iter().filter(|p| p.contains("Line item ")).count());
    for i in 1..=200 {
        assert_eq!(text.matches(&format!("Line item {i:03}")).count(), 1, "line {i} once");
    }
    assert_lines_and_totals(&text, &invoice, "en-US");
    // the totals come after the last line
    assert!(text.rfind("Line item 200") < text.rfind("Total"));
}

/// A quote accepted, ordered, delivered, invoiced, credited and certified: each prints.
#[test]
fn every_document_kind_prints_and_is_found_by_number() {
    let t = common::store();
    settings(&t, json!({"company_name": "Outpost GmbH", "locale": "de-DE"}));
    let account = ok(
        &t,
        "account_create",
        json!({"name": "Weiß Logistik AG",
               "billing_address": {"street": "Rechnungsweg 1", "postal_code": "20095", "city": "Hamburg"},
               "shipping_address": {"street": "Lagerstraße 9", "postal_code": "21079", "city": "Hamburg-Harburg"}}),
    );
    let lines = json!([
        {"description": "Palettenregal", "quantity": "4", "unit": "Stk.", "unit_price": "250.00", "tax_rate": "0.19"},
        {"description": "Montage", "quantity": "6", "unit": "Std.", "unit_price": "65.00", "tax_rate": "0.19"}
    ]);
    let quote = ok(
        &t,
        "quote_create",
        json!({"subject": "Lagerausstattung", "account_id": account["id"], "valid_until": "2026-06-30", "lines": lines, "terms": "Preise zzgl. USt."}),
    );
    let (_, path) = pdf(&t, "quote", &quote["number"], "angebot.pdf");
    let q = text(&path);
    assert!(
        q.contains("Angebot")
            && q.contains("Gültig bis")
            && q.contains("30.06.2026")
            && q.contains("Preise zzgl. USt.")
    );
    assert!(q.contains("1.000,00 €"), "the line net of 4 × 250");
    qpdf_check(&path);

    ok(&t, "quote_set_status", json!({"id": quote["id"], "status": "sent"}));
    ok(&t, "quote_set_status", json!({"id": quote["id"], "status": "accepted"}));
    let order = ok(&t, "order_from_quote", json!({"quote_id": quote["id"]}));
    let (_, path) = pdf(&t, "sales_order", &order["number"], "auftrag.pdf");
    assert!(text(&path).contains("Auftragsbestätigung"));
    qpdf_check(&path);

    ok(&t, "order_set_status", json!({"id": order["id"], "status": "confirmed"}));
    let waybill = ok(
        &t,
        "waybill_create",
        json!({"order_id": order["id"], "lines": [{"line": 0, "quantity": "3"}], "note": "Anlieferung Tor 2"}),
    );
    let (_, path) = pdf(&t, "waybill", &waybill["number"], "lieferschein.pdf");
    let w = text(&path);
    for expected in
        ["Lieferschein", "Lieferanschrift", "Lagerstraße 9", "Palettenregal", "Anlieferung Tor 2", "Ware erhalten"]
    {
        assert!(w.contains(expected), "{expected:?} missing from the waybill:\n{w}");
    }
    assert!(w.contains(&format!("Lieferung zum Auftrag {}.", order["number"].as_str().unwrap())));
    assert!(!w.contains('€'), "a delivery note shows no prices:\n{w}");
    assert!(!w.contains("Montage"), "only the delivered line");
    qpdf_check(&path);

    let invoice = ok(&t, "invoice_from_order", json!({"order_id": order["id"]}));
    let (_, path) = pdf(&t, "invoice", &invoice["id"], "entwurf.pdf");
    assert!(text(&path).contains("Entwurf"), "a draft invoice has no number yet");
    let invoice = ok(&t, "invoice_issue", json!({"id": invoice["id"], "date": "2026-05-04"}));
    let inv_number = invoice["number"].as_str().unwrap().to_owned();

    let credit = ok(
        &t,
        "credit_note_create",
        json!({"invoice_id": invoice["id"], "reason": "Ein Regal beschädigt geliefert",
               "lines": [{"description": "Palettenregal (beschädigt)", "quantity": "-1", "unit_price": "250.00", "tax_rate": "0.19"}]}),
    );
    let credit = ok(&t, "credit_note_issue", json!({"id": credit["id"], "date": "2026-05-10"}));
    let (_, path) = pdf(&t, "credit_note", &credit["number"], "gutschrift.pdf");
    let c = text(&path);
    assert!(c.contains("Gutschrift") && c.contains("Ein Regal beschädigt geliefert"));
    assert!(c.contains(&format!("Gutschrift zur Rechnung {inv_number} vom 04.05.2026.")));
    assert!(c.contains("-297,50 €"), "the credit's total as stored (−250 − 47,50 tax):\n{c}");
    qpdf_check(&path);

    let act = ok(&t, "act_create", json!({"invoice_id": invoice["id"], "date": "2026-05-12"}));
    let (_, path) = pdf(&t, "service_act", &act["number"], "akt.pdf");
    let a = text(&path);
    assert!(a.contains("Leistungsnachweis") && a.contains(&format!("zur Rechnung {inv_number} vom 04.05.2026")), "{a}");
    assert!(a.contains("Für den Auftragnehmer") && a.contains("Für den Auftraggeber"));
    assert!(a.contains(&Style::of("de-DE").money(decimal(&invoice["totals"]["total"]), "EUR")));
    qpdf_check(&path);

    // the invoice now shows what was credited and what is left
    let (_, path) = pdf(&t, "invoice", &inv_number.clone().into(), "rechnung.pdf");
    let i = text(&path);
    assert!(i.contains("Gutgeschrieben") && i.contains("Offener Betrag"));
    let balance = ok(&t, "invoice_get", json!({"id": invoice["id"]}))["balance"].clone();
    assert!(i.contains(&Style::of("de-DE").money(decimal(&balance), "EUR")));
}

#[test]
fn unknown_documents_and_paths_are_refused_naming_the_field() {
    let t = common::store();
    let e =
        dispatch(&t, "document_pdf", json!({"record_type": "invoice", "id": "INV-1999-0001", "path": "/tmp/x.pdf"}))
            .unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::NotFound, Some("id")));
    let quote = ok(&t, "quote_create", json!({"subject": "S"}));
    let e = dispatch(&t, "document_pdf", json!({"record_type": "quote", "id": quote["id"], "path": " "})).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("path"));
    let missing_dir = t.dir.path().join("no/such/dir/q.pdf");
    let e = dispatch(&t, "document_pdf", json!({"record_type": "quote", "id": quote["id"], "path": missing_dir}))
        .unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Io, Some("path")));
    let e = dispatch(&t, "document_pdf", json!({"record_type": "letter", "id": quote["id"], "path": "/tmp/x.pdf"}))
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::BadArguments);
}

/// The renderer prints the totals as the core stored them, never its own sums.
#[test]
fn prints_the_stored_totals() {
    let t = common::store();
    let quote = ok(
        &t,
        "quote_create",
        json!({"subject": "S", "currency": "EUR", "lines": [{"description": "Thing", "quantity": "1", "unit_price": "10.00", "tax_rate": "0.19"}]}),
    );
    assert_eq!(quote["totals"]["total"], "11.90");
    t.write(|w| {
        w.conn().execute(
            "UPDATE quotes SET totals = json_set(totals, '$.total', '12345.67') WHERE id = ?1",
            [quote["id"].as_str().unwrap()],
        )?;
        Ok(())
    })
    .unwrap();
    let (_, path) = pdf(&t, "quote", &quote["id"], "q.pdf");
    let text = text(&path);
    assert!(text.contains("€12,345.67"), "{text}");
    assert!(!text.contains("€11.90"));
}

/// A 1 × 1 PNG.
const PNG: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

fn image_count(path: &Path) -> usize {
    let out = tool("pdfimages", &["-list"], path);
    assert!(out.status.success());
    // two header lines, then one line per image (its transparency is listed as an "smask")
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(2)
        .filter(|l| l.split_whitespace().nth(2) == Some("image"))
        .count()
}

#[test]
fn the_logo_is_drawn_when_it_decodes_and_left_out_when_not() {
    let t = common::store();
    let quote = ok(&t, "quote_create", json!({"subject": "S"}));
    let (_, path) = pdf(&t, "quote", &quote["id"], "none.pdf");
    assert_eq!(image_count(&path), 0);

    settings(&t, json!({"logo": format!("data:image/png;base64,{PNG}")}));
    let (_, path) = pdf(&t, "quote", &quote["id"], "logo.pdf");
    assert_eq!(image_count(&path), 1);
    qpdf_check(&path);

    // base64 that is no image: the document still prints, without a logo
    settings(&t, json!({"logo": "data:image/jpeg;base64,AAAAAAAA"}));
    let (_, path) = pdf(&t, "quote", &quote["id"], "broken.pdf");
    assert_eq!(image_count(&path), 0);
    qpdf_check(&path);
}

#[test]
fn a_document_is_mailed_to_its_contact_else_to_its_account() {
    let t = common::store();
    settings(&t, json!({"company_name": "Nordlicht GmbH", "locale": "de-DE", "default_currency": "EUR"}));
    let account = ok(&t, "account_create", json!({"name": "Müller AG", "emails": ["buchhaltung@mueller.example"]}));
    let contact = ok(
        &t,
        "contact_create",
        json!({"first_name": "Jürgen", "last_name": "Groß", "account_id": account["id"],
               "emails": [{"value": "privat@gross.example"}, {"value": "jg@mueller.example", "primary": true}]}),
    );
    let line = json!([{"description": "Beratung", "quantity": "1", "unit_price": "100", "tax_rate": "0.19"}]);
    let to_contact = ok(
        &t,
        "quote_create",
        json!({"subject": "Beratung", "account_id": account["id"], "contact_id": contact["id"], "currency": "EUR", "lines": line}),
    );
    let to_account = ok(
        &t,
        "quote_create",
        json!({"subject": "Beratung", "account_id": account["id"], "currency": "EUR", "lines": line}),
    );

    let message = ok(&t, "document_message", json!({"record_type": "quote", "id": to_contact["id"]}));
    assert_eq!(message["to"], "jg@mueller.example", "the contact's primary address");
    let number = to_contact["number"].as_str().unwrap();
    assert_eq!(message["subject"], format!("Angebot {number} von Nordlicht GmbH"));
    assert_eq!(message["file_name"], format!("Angebot {number}.pdf"));
    let message = ok(&t, "document_message", json!({"record_type": "quote", "id": to_account["id"]}));
    assert_eq!(message["to"], "buchhaltung@mueller.example", "no contact: the account's address");
}
