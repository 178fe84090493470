//! Exporting lists as files other tools open and Outpost imports back as the same
//! records: CSV (UTF-8, optionally with the byte-order mark Excel looks for; cells a
//! spreadsheet would run as a formula are neutralised), `.xlsx` (every cell a text
//! cell, so nothing is ever a formula) and vCard 4.0.

use crate::contacts::{self, ContactListQuery};
use crate::error::{Error, Result};
use crate::store::Store;
use crate::IdArgs;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// The kind of file an export writes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    #[default]
    Csv,
    Xlsx,
    Vcf,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct ExportArgs {
    /// Where to write the file.
    pub path: String,
    pub format: ExportFormat,
    /// The list to export (its filters and sort); all contacts when null.
    #[ts(optional = nullable)]
    pub query: Option<ContactListQuery>,
    /// CSV only: `,` (default), `;` or `tab`.
    #[ts(optional = nullable)]
    pub delimiter: Option<String>,
    /// CSV only: start with a UTF-8 byte-order mark (Excel then reads the accents right).
    pub bom: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ExportReport {
    pub path: String,
    pub rows: u64,
}

/// How many e-mails, phones and addresses get their own columns.
const LISTED: usize = 3;

/// A cell that a spreadsheet would run as a formula gets a leading apostrophe.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

/// Undoes [`neutralise`] when a file is read back.
pub fn restore_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

fn header() -> Vec<String> {
    let mut h: Vec<String> =
        ["First Name", "Last Name", "Name Prefix", "Job Title", "Department", "Company"].map(String::from).to_vec();
    for n in 1..=LISTED {
        h.push(format!("E-mail {n} - Label"));
        h.push(format!("E-mail {n} - Value"));
    }
    for n in 1..=LISTED {
        h.push(format!("Phone {n} - Label"));
        h.push(format!("Phone {n} - Value"));
    }
    for n in 1..=LISTED {
        for part in ["Label", "Street", "City", "Region", "Postal Code", "Country"] {
            h.push(format!("Address {n} - {part}"));
        }
    }
    h.extend(["Birthday", "Lead Source", "Tags", "Notes"].map(String::from));
    h
}

fn row(c: &contacts::Contact, company: &str) -> Vec<String> {
    let f = &c.fields;
    let mut r = vec![
        f.first_name.clone(),
        f.last_name.clone(),
        f.salutation.clone(),
        f.title.clone(),
        f.department.clone(),
        company.to_owned(),
    ];
    for list in [&f.emails, &f.phones] {
        for n in 0..LISTED {
            let v = list.get(n);
            r.push(v.map(|v| v.label.clone()).unwrap_or_default());
            r.push(v.map(|v| v.value.clone()).unwrap_or_default());
        }
    }
    for n in 0..LISTED {
        let a = f.addresses.get(n).cloned().unwrap_or_default();
        r.extend([a.label, a.street, a.city, a.region, a.postal_code, a.country]);
    }
    r.push(f.birthday.clone().unwrap_or_default());
    r.push(f.lead_source.clone());
    r.push(f.tags.join("; "));
    r.push(f.notes.clone());
    r
}

/// Calls `write` with every contact of the list (and its company's name), page by page.
fn each_contact(
    store: &Store,
    query: Option<ContactListQuery>,
    mut write: impl FnMut(&contacts::Contact, &str) -> Result<()>,
) -> Result<u64> {
    let mut query = query.unwrap_or_default();
    query.limit = crate::list::MAX_PAGE;
    let mut rows = 0;
    loop {
        let page = store.read(|c| contacts::list(c, query.clone()))?;
        let records: Vec<(contacts::Contact, String)> = store.read(|c| {
            page.rows
                .iter()
                .map(|r| {
                    let contact = contacts::get(c, IdArgs { id: r.id.clone() })?;
                    let company = match &contact.fields.account_id {
                        Some(id) => crate::accounts::get(c, IdArgs { id: id.clone() })?.fields.name,
                        None => String::new(),
                    };
                    Ok((contact, company))
                })
                .collect()
        })?;
        for (contact, company) in &records {
            write(contact, company)?;
            rows += 1;
        }
        match page.next {
            Some(next) => query.after = Some(next),
            None => return Ok(rows),
        }
    }
}

fn write_error(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::new(crate::ErrorCode::Io, format!("Cannot write {}: {e}", path.display())).with_field("path")
}

/// Writes the contacts of a list to a file; the file appears only when complete.
pub fn contacts(store: &Store, args: ExportArgs) -> Result<ExportReport> {
    let target = PathBuf::from(&args.path);
    let partial = target.with_extension("partial");
    let result = match args.format {
        ExportFormat::Csv => write_csv(store, &args, &partial),
        ExportFormat::Xlsx => write_xlsx(store, &args, &partial),
        ExportFormat::Vcf => write_vcf(store, &args, &partial),
    };
    let rows = match result {
        Ok(rows) => rows,
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            return Err(e);
        }
    };
    std::fs::rename(&partial, &target).map_err(|e| write_error(&target, e))?;
    Ok(ExportReport { path: target.display().to_string(), rows })
}

fn write_csv(store: &Store, args: &ExportArgs, path: &Path) -> Result<u64> {
    let delimiter = match args.delimiter.as_deref().unwrap_or(",") {
        "," => b',',
        ";" => b';',
        "tab" | "\t" => b'\t',
        other => return Err(Error::invalid("delimiter", format!("{other:?} is not a delimiter (, ; tab)"))),
    };
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).map_err(|e| write_error(path, e))?);
    if args.bom {
        file.write_all("\u{feff}".as_bytes()).map_err(|e| write_error(path, e))?;
    }
    let mut out = csv::WriterBuilder::new().delimiter(delimiter).from_writer(file);
    out.write_record(header()).map_err(|e| write_error(path, e))?;
    let rows = each_contact(store, args.query.clone(), |contact, company| {
        out.write_record(row(contact, company).iter().map(|cell| neutralise(cell))).map_err(|e| write_error(path, e))
    })?;
    out.flush().map_err(|e| write_error(path, e))?;
    Ok(rows)
}

fn write_xlsx(store: &Store, args: &ExportArgs, path: &Path) -> Result<u64> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    // Rows go straight to a temporary file: a million contacts in bounded memory.
    let sheet = workbook.add_worksheet_with_constant_memory().map_err(|e| write_error(path, e))?;
    sheet.set_name("Contacts").map_err(|e| write_error(path, e))?;
    for (col, title) in header().into_iter().enumerate() {
        sheet.write_string(0, col as u16, title).map_err(|e| write_error(path, e))?;
    }
    let mut line = 0u32;
    let rows = each_contact(store, args.query.clone(), |contact, company| {
        line += 1;
        for (col, cell) in row(contact, company).into_iter().enumerate().filter(|(_, c)| !c.is_empty()) {
            sheet.write_string(line, col as u16, cell).map_err(|e| write_error(path, e))?;
        }
        Ok(())
    })?;
    workbook.save(path).map_err(|e| write_error(path, e))?;
    Ok(rows)
}

fn write_vcf(store: &Store, args: &ExportArgs, path: &Path) -> Result<u64> {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).map_err(|e| write_error(path, e))?);
    let rows = each_contact(store, args.query.clone(), |contact, company| {
        file.write_all(vcard(contact, company).as_bytes()).map_err(|e| write_error(path, e))
    })?;
    file.flush().map_err(|e| write_error(path, e))?;
    Ok(rows)
}

/// A vCard 4.0 value with its special characters escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets (never inside a character), ending in CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

/// The vCard TYPE of a label Outpost gives e-mails, phones and addresses (None for free labels).
fn vcard_type(label: &str) -> Option<&'static str> {
    Some(match label.trim().to_lowercase().as_str() {
        "mobile" | "cell" => "cell",
        "work" => "work",
        "home" => "home",
        "fax" => "fax",
        "pager" => "pager",
        "other" => "other",
        _ => return None,
    })
}

fn typed(name: &str, label: &str, value: &str) -> String {
    match vcard_type(label) {
        Some(t) => format!("{name};TYPE={t}:{value}"),
        None => format!("{name}:{value}"),
    }
}

/// One contact as a vCard 4.0.
fn vcard(c: &contacts::Contact, company: &str) -> String {
    let f = &c.fields;
    let mut lines = vec!["BEGIN:VCARD".to_owned(), "VERSION:4.0".to_owned()];
    lines.push(format!("FN:{}", escape(&c.display_name)));
    lines.push(format!("N:{};{};;{};", escape(&f.last_name), escape(&f.first_name), escape(&f.salutation)));
    if !company.is_empty() || !f.department.is_empty() {
        lines.push(format!("ORG:{};{}", escape(company), escape(&f.department)));
    }
    if !f.title.is_empty() {
        lines.push(format!("TITLE:{}", escape(&f.title)));
    }
    for e in &f.emails {
        lines.push(typed("EMAIL", &e.label, &escape(&e.value)));
    }
    for p in &f.phones {
        lines.push(typed("TEL", &p.label, &escape(&p.value)));
    }
    for a in &f.addresses {
        let value = [&a.street, &a.city, &a.region, &a.postal_code, &a.country].map(|part| escape(part)).join(";");
        lines.push(typed("ADR", &a.label, &format!(";;{value}")));
    }
    if let Some(birthday) = &f.birthday {
        lines.push(format!("BDAY:{}", birthday.replace('-', "")));
    }
    if !f.notes.is_empty() {
        lines.push(format!("NOTE:{}", escape(&f.notes)));
    }
    if !f.tags.is_empty() {
        lines.push(format!("CATEGORIES:{}", f.tags.iter().map(|t| escape(t)).collect::<Vec<_>>().join(",")));
    }
    lines.push("END:VCARD".to_owned());
    lines.iter().map(|l| fold(l)).collect()
}
