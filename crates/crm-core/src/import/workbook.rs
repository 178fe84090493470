//! Reading a sheet of an Excel (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`) or OpenDocument
//! (`.ods`) workbook as a table: the first non-empty row is the header, date
//! cells become ISO dates (in the 1900 and the 1904 date system alike), and
//! numbers print as people typed them (a phone number or postal code stored as a
//! number has no `.0`, an article number shown as `00123` by a `00000` format keeps
//! its zeros). Rows keep their spreadsheet row number.

use super::source::{self, Row, Table};
use crate::error::{Error, ErrorCode, Result};
use calamine::{Data, DataType, Reader, Sheets, StyleRange, Xlsx, XlsxError};
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

/// File name endings of the workbooks Outpost reads.
pub const EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xlsb", "xls", "xla", "ods"];

/// True when the file starts like a workbook: a ZIP package (xlsx, ods) or an OLE compound file (xls).
pub fn looks_like(start: &[u8]) -> bool {
    start.starts_with(b"PK\x03\x04") || start.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

fn unreadable(sheet: &str, path: &Path, e: impl std::fmt::Display) -> Error {
    Error::new(ErrorCode::Validation, format!("The sheet {sheet:?} of {} cannot be read: {e}", path.display()))
        .with_field("path")
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

/// A cell as text, shown with its number format (its `style`) where that pads it with zeros.
fn shown_text(cell: &Data, style: Option<&calamine::Style>) -> String {
    let text = cell_text(cell);
    let whole = matches!(cell, Data::Int(_)) || matches!(cell, Data::Float(f) if f.fract() == 0.0 && *f >= 0.0);
    match style.and_then(zero_padding) {
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
/// Returns the sheet's name and its table. An `.xlsx` sheet is streamed row by row
/// from a thread of its own (memory stays bounded however long the sheet is); the
/// other formats are read whole.
pub fn read(path: &Path, sheet: Option<&str>) -> Result<(String, Table)> {
    let mut start = Vec::with_capacity(8);
    source::open(path)?
        .take(8)
        .read_to_end(&mut start)
        .map_err(|e| Error::io(&format!("Cannot read {}", path.display()), &e).with_field("path"))?;
    if start.is_empty() {
        return Err(Error::new(ErrorCode::Validation, format!("{} is empty", path.display())).with_field("path"));
    }
    if !looks_like(&start) {
        return Err(not_a_workbook(path, "it is neither a ZIP package nor an OLE compound file"));
    }
    let book = calamine::open_workbook_auto(path).map_err(|e| not_a_workbook(path, e))?;
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
    let mut rows: Box<dyn Iterator<Item = Result<Row>> + Send> = match book {
        Sheets::Xlsx(xlsx) => Box::new(stream(xlsx, name.clone(), path.to_path_buf())),
        mut book => {
            let range = book.worksheet_range(&name).map_err(|e| unreadable(&name, path, e))?;
            // Styles are read for xlsx only; a sheet without them reads as it did.
            let styles = book.worksheet_style(&name).unwrap_or_else(|_| StyleRange::empty());
            let (top, left) = range.start().unwrap_or((0, 0));
            let rows: Vec<Row> = range
                .rows()
                .enumerate()
                .map(|(i, cells)| Row {
                    line: u64::from(top) + i as u64 + 1,
                    fields: cells
                        .iter()
                        .enumerate()
                        .map(|(j, cell)| {
                            let style = styles.get((top + i as u32, left + j as u32));
                            shown_text(cell, style)
                        })
                        .collect(),
                    warnings: Vec::new(),
                })
                .collect();
            Box::new(rows.into_iter().map(Ok))
        }
    };
    let header = loop {
        match rows.next() {
            Some(row) if row.as_ref().is_ok_and(|r| r.fields.iter().all(String::is_empty)) => {}
            Some(row) => break row?,
            None => {
                return Err(Error::new(
                    ErrorCode::Validation,
                    format!("The sheet {name:?} of {} is empty", path.display()),
                )
                .with_field("path"))
            }
        }
    };
    let rows = rows.filter(|row| row.as_ref().map_or(true, |r| r.fields.iter().any(|f| !f.is_empty())));
    Ok((name, Table::from_stream(header.fields, Box::new(rows))))
}

/// The rows of an `.xlsx` sheet as a thread reads them in one pass over its XML. Dropping
/// the iterator stops the thread.
fn stream(mut book: Xlsx<BufReader<File>>, name: String, path: PathBuf) -> impl Iterator<Item = Result<Row>> + Send {
    let (mut send, received) = super::handover::channel();
    std::thread::spawn(move || {
        let read = read_rows(&mut book, &name, &mut |row| send.push(row)).map_err(|e| unreadable(&name, &path, e));
        send.finish(read);
    });
    received
}

/// Hands each non-empty row of the sheet to `emit` until it returns false: row numbers as in
/// the spreadsheet, columns counted from the first cell of the first row (the header), rows
/// padded to the header's width.
fn read_rows(
    book: &mut Xlsx<BufReader<File>>,
    name: &str,
    emit: &mut dyn FnMut(Row) -> bool,
) -> std::result::Result<(), XlsxError> {
    let mut cells = book.worksheet_cells_reader(name)?;
    let (mut first_column, mut width) = (None, 0);
    let mut row: Option<Row> = None;
    while let Some((cell, style)) = cells.next_cell_with_style_id()? {
        let (r, c) = cell.get_position();
        let text = shown_text(&Data::from(cell.get_value().clone()), cells.styles().get(style));
        if text.is_empty() {
            continue;
        }
        let line = u64::from(r) + 1;
        if let Some(done) = row.take_if(|row| row.line != line) {
            if !emit(padded(done, &mut width)) {
                return Ok(());
            }
        }
        let first = *first_column.get_or_insert(c);
        let Some(at) = c.checked_sub(first).map(|at| at as usize) else { continue }; // left of the header
        let row = row.get_or_insert_with(|| Row { line, fields: Vec::with_capacity(width), warnings: Vec::new() });
        if at < row.fields.len() {
            row.fields[at] = text;
        } else {
            row.fields.resize(at, String::new());
            row.fields.push(text);
        }
    }
    if let Some(done) = row {
        emit(padded(done, &mut width));
    }
    Ok(())
}

/// A row padded to the header's width (the first row is the header and sets it).
fn padded(mut row: Row, width: &mut usize) -> Row {
    if *width == 0 {
        *width = row.fields.len();
    }
    if row.fields.len() < *width {
        row.fields.resize(*width, String::new());
    }
    row
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
