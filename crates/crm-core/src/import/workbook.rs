//! Reading a sheet of an Excel (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`) or OpenDocument
//! (`.ods`) workbook as a table: the first non-empty row is the header, date
//! cells become ISO dates (in the 1900 and the 1904 date system alike), and
//! numbers print as people typed them (a phone number or postal code stored as a
//! number has no `.0`, an article number shown as `00123` by a `00000` format keeps
//! its zeros). Rows keep their spreadsheet row number.

use super::source::{self, Row, Table};
use crate::error::{Error, ErrorCode, Result};
use calamine::{Data, DataType, Reader, StyleRange};
use std::io::{Cursor, Read};
use std::path::Path;

/// File name endings of the workbooks Outpost reads.
pub const EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xlsb", "xls", "xla", "ods"];

/// True when the file starts like a workbook: a ZIP package (xlsx, ods) or an OLE compound file (xls).
pub fn looks_like(start: &[u8]) -> bool {
    start.starts_with(b"PK\x03\x04") || start.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

fn not_a_workbook(path: &Path, detail: impl std::fmt::Display) -> Error {
    Error::new(
        ErrorCode::Validation,
        format!("{} is not an Excel or OpenDocument workbook Outpost can read ({detail})", path.display()),
    )
    .with_field("path")
}

/// A number as text: integers without a decimal point, others as short as they read back.
fn number_text(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        value.to_string()
    }
}

fn date_text(cell: &Data) -> Option<String> {
    if let Some(at) = cell.as_datetime() {
        return Some(if at.time() == chrono::NaiveTime::MIN {
            at.date().format("%Y-%m-%d").to_string()
        } else {
            at.format("%Y-%m-%d %H:%M:%S").to_string()
        });
    }
    cell.as_date().map(|d| d.format("%Y-%m-%d").to_string())
}

/// The width a number format pads whole numbers to with zeros (`00000` → 5), if it is such a format.
fn zero_padding(style: &calamine::Style) -> Option<usize> {
    let code = style.number_format.as_ref()?.format_code.as_str();
    (code.len() > 1 && code.bytes().all(|b| b == b'0')).then_some(code.len())
}

/// A cell as text, shown with its number format where that pads it with zeros.
fn shown_text(cell: &Data, styles: &StyleRange, at: (u32, u32)) -> String {
    let text = cell_text(cell);
    let whole = matches!(cell, Data::Int(_)) || matches!(cell, Data::Float(f) if f.fract() == 0.0 && *f >= 0.0);
    match styles.get(at).and_then(zero_padding) {
        Some(width) if whole => format!("{text:0>width$}"),
        _ => text,
    }
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => crate::export::restore_cell(s.trim()).to_owned(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) if d.is_datetime() => date_text(cell).unwrap_or_else(|| number_text(d.as_f64())),
        Data::DateTime(d) => number_text(d.as_f64()),
        Data::DateTimeIso(s) => date_text(cell).unwrap_or_else(|| s.clone()),
        Data::DurationIso(s) => s.clone(),
    }
}

/// Reads the sheet named `sheet` (any case; the first sheet when none is named).
/// Returns the sheet's name and its table.
pub fn read(path: &Path, sheet: Option<&str>) -> Result<(String, Table)> {
    let mut bytes = Vec::new();
    source::open(path)?
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(&format!("Cannot read {}", path.display()), &e).with_field("path"))?;
    if bytes.is_empty() {
        return Err(Error::new(ErrorCode::Validation, format!("{} is empty", path.display())).with_field("path"));
    }
    if !looks_like(&bytes) {
        return Err(not_a_workbook(path, "it is neither a ZIP package nor an OLE compound file"));
    }
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| not_a_workbook(path, e))?;
    let names = book.sheet_names();
    let name = match sheet.map(str::trim).filter(|s| !s.is_empty()) {
        Some(wanted) => {
            names.iter().find(|n| n.as_str() == wanted || n.eq_ignore_ascii_case(wanted)).cloned().ok_or_else(|| {
                Error::invalid(
                    "sheet",
                    format!("{} has no sheet {wanted:?}; its sheets are {}", path.display(), names.join(", ")),
                )
            })?
        }
        None => names.first().cloned().ok_or_else(|| not_a_workbook(path, "it has no sheets"))?,
    };
    let range = book.worksheet_range(&name).map_err(|e| {
        Error::new(ErrorCode::Validation, format!("The sheet {name:?} of {} cannot be read: {e}", path.display()))
            .with_field("path")
    })?;
    // Styles are read for xlsx only; a sheet without them reads as it did.
    let styles = book.worksheet_style(&name).unwrap_or_else(|_| StyleRange::empty());
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| Row {
            line: u64::from(top) + i as u64 + 1,
            fields: cells
                .iter()
                .enumerate()
                .map(|(j, cell)| shown_text(cell, &styles, (top + i as u32, left + j as u32)))
                .collect(),
            warnings: Vec::new(),
        })
        .filter(|row| row.fields.iter().any(|f| !f.is_empty()));
    let header = rows.next().ok_or_else(|| {
        Error::new(ErrorCode::Validation, format!("The sheet {name:?} of {} is empty", path.display()))
            .with_field("path")
    })?;
    let rows = rows.collect();
    Ok((name, Table::from_rows(header.fields, rows)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_as_typed() {
        assert_eq!(number_text(4930123456.0), "4930123456");
        assert_eq!(number_text(1067.0), "1067");
        assert_eq!(number_text(2.5), "2.5");
        assert_eq!(number_text(-3.0), "-3");
    }
}
