//! Exporting lists as files other tools open and Outpost imports back as the same
//! records: CSV (UTF-8, optionally with the byte-order mark Excel looks for; cells a
//! spreadsheet would run as a formula are neutralised), `.xlsx` (every cell a text
//! cell, so nothing is ever a formula) and, for contacts, vCard 4.0. Each kind of
//! record is one module giving its columns and its rows.

mod account;
mod contact;
mod lead;
mod product;
mod vcard;

use crate::error::{Error, Result};
use crate::fields::{Address, LabeledValue};
use crate::import::ListTarget;
use crate::list::Page;
use crate::store::Store;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::Value;
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
    /// The list exported (contacts when null).
    #[ts(optional = nullable)]
    pub target: Option<ListTarget>,
    pub format: ExportFormat,
    /// The list's query (filters, tag, sort, a saved view's query) as its list command takes
    /// it; the whole list when null.
    #[ts(optional = nullable, type = "ContactListQuery | AccountListQuery | LeadListQuery | null")]
    pub query: Option<Value>,
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

/// Columns for labelled values: `E-mail 1 - Label`, `E-mail 1 - Value`, … (as Google writes them).
fn listed_header(h: &mut Vec<String>, name: &str) {
    for n in 1..=LISTED {
        h.push(format!("{name} {n} - Label"));
        h.push(format!("{name} {n} - Value"));
    }
}

fn listed_cells(r: &mut Vec<String>, list: &[LabeledValue]) {
    for n in 0..LISTED {
        let v = list.get(n);
        r.push(v.map(|v| v.label.clone()).unwrap_or_default());
        r.push(v.map(|v| v.value.clone()).unwrap_or_default());
    }
}

/// Columns of one address: `Billing Street`, `Billing City`, … (`prefix` may be empty).
fn address_header(h: &mut Vec<String>, prefix: &str) {
    for part in ["Street", "City", "Region", "Postal Code", "Country"] {
        h.push(format!("{prefix} {part}").trim().to_owned());
    }
}

fn address_cells(r: &mut Vec<String>, a: Option<&Address>) {
    let a = a.cloned().unwrap_or_default();
    r.extend([a.street, a.city, a.region, a.postal_code, a.country]);
}

use crate::import::mapping::name_of;

/// The list query of a target from the arguments' JSON.
fn query<Q: serde::de::DeserializeOwned + Default>(query: Option<Value>) -> Result<Q> {
    match query {
        None | Some(Value::Null) => Ok(Q::default()),
        Some(q) => {
            serde_json::from_value(q).map_err(|e| Error::invalid("query", format!("Not a query of this list: {e}")))
        }
    }
}

/// Calls `write` with every record of a list, a page at a time.
/// `page` lists the records after a cursor, `record` reads one of them.
fn pages<R, T>(
    store: &Store,
    page: impl Fn(&Connection, Option<String>) -> Result<Page<R>>,
    id: impl Fn(&R) -> &str,
    record: impl Fn(&Connection, &str) -> Result<T>,
    write: &mut dyn FnMut(T) -> Result<()>,
) -> Result<u64> {
    let mut after = None;
    let mut rows = 0;
    loop {
        let (records, next) = store.read(|c| {
            let page = page(c, after.clone())?;
            let records = page.rows.iter().map(|r| record(c, id(r))).collect::<Result<Vec<_>>>()?;
            Ok((records, page.next))
        })?;
        for r in records {
            write(r)?;
            rows += 1;
        }
        match next {
            Some(next) => after = Some(next),
            None => return Ok(rows),
        }
    }
}

/// Writes every row of a list (its query given as JSON) and returns how many.
type Rows = fn(&Store, Option<Value>, &mut dyn FnMut(Vec<String>) -> Result<()>) -> Result<u64>;

/// A kind of record's columns, and its rows in the list's order.
fn sheet(target: ListTarget) -> (Vec<String>, Rows) {
    match target {
        ListTarget::Contact => (contact::header(), contact::rows),
        ListTarget::Account => (account::header(), account::rows),
        ListTarget::Lead => (lead::header(), lead::rows),
        ListTarget::Product => (product::header(), product::rows),
    }
}

fn write_error(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::new(crate::ErrorCode::Io, format!("Cannot write {}: {e}", path.display())).with_field("path")
}

/// Writes the records of a list to a file; the file appears only when complete.
pub fn run(store: &Store, args: ExportArgs) -> Result<ExportReport> {
    let list = args.target.unwrap_or_default();
    if args.format == ExportFormat::Vcf && list != ListTarget::Contact {
        return Err(Error::invalid(
            "format",
            format!("vCard holds people: export {} as CSV or Excel (.xlsx)", list.noun()),
        ));
    }
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
    let (header, rows) = sheet(args.target.unwrap_or_default());
    out.write_record(header).map_err(|e| write_error(path, e))?;
    let rows = rows(store, args.query.clone(), &mut |row| {
        out.write_record(row.iter().map(|cell| neutralise(cell))).map_err(|e| write_error(path, e))
    })?;
    out.flush().map_err(|e| write_error(path, e))?;
    Ok(rows)
}

fn write_xlsx(store: &Store, args: &ExportArgs, path: &Path) -> Result<u64> {
    let target = args.target.unwrap_or_default();
    let mut workbook = rust_xlsxwriter::Workbook::new();
    // Rows go straight to a temporary file: a million records in bounded memory.
    let sheet_out = workbook.add_worksheet_with_constant_memory().map_err(|e| write_error(path, e))?;
    let mut name = target.noun().to_owned();
    name[..1].make_ascii_uppercase();
    sheet_out.set_name(name).map_err(|e| write_error(path, e))?;
    let (header, rows) = sheet(target);
    for (col, title) in header.into_iter().enumerate() {
        sheet_out.write_string(0, col as u16, title).map_err(|e| write_error(path, e))?;
    }
    let mut line = 0u32;
    let rows = rows(store, args.query.clone(), &mut |row| {
        line += 1;
        for (col, cell) in row.into_iter().enumerate().filter(|(_, c)| !c.is_empty()) {
            sheet_out.write_string(line, col as u16, cell).map_err(|e| write_error(path, e))?;
        }
        Ok(())
    })?;
    workbook.save(path).map_err(|e| write_error(path, e))?;
    Ok(rows)
}

fn write_vcf(store: &Store, args: &ExportArgs, path: &Path) -> Result<u64> {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).map_err(|e| write_error(path, e))?);
    let rows = contact::each(store, args.query.clone(), &mut |(contact, company)| {
        file.write_all(vcard::vcard(&contact, &company).as_bytes()).map_err(|e| write_error(path, e))
    })?;
    file.flush().map_err(|e| write_error(path, e))?;
    Ok(rows)
}
