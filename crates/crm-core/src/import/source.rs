//! Reading a CSV file as people write them: any common encoding (detected from
//! the byte-order mark or the text, or named by the user), any delimiter, quoted
//! fields with newlines, CRLF/LF/CR line ends, and lines before the header (the
//! note LinkedIn puts above its columns). Streams: the file is never read whole.

use crate::error::{Error, ErrorCode, Result};
use encoding_rs::Encoding;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

/// How much of the file is read to detect encoding, delimiter and header.
const SAMPLE: usize = 64 * 1024;
const DELIMITERS: [u8; 5] = [b',', b';', b'\t', b'|', b':'];

/// What was found out about the file (shown in the preview; the user can override it).
#[derive(Debug, Clone, PartialEq)]
pub struct Dialect {
    pub encoding: &'static Encoding,
    pub delimiter: u8,
    /// Lines before the header row.
    pub skip_lines: usize,
}

pub fn encoding_by_name(name: &str) -> Result<&'static Encoding> {
    Encoding::for_label(name.trim().as_bytes()).ok_or_else(|| {
        Error::invalid(
            "encoding",
            format!(
                "{name:?} is not an encoding Outpost knows (try UTF-8, windows-1251, ISO-8859-1, KOI8-R, UTF-16LE)"
            ),
        )
    })
}

pub(crate) fn open(path: &Path) -> Result<File> {
    File::open(path).map_err(|e| Error::io(&format!("Cannot read {}", path.display()), &e).with_field("path"))
}

pub(crate) fn detect_encoding(sample: &[u8]) -> &'static Encoding {
    if let Some((encoding, _)) = Encoding::for_bom(sample) {
        return encoding;
    }
    // UTF-16 without a mark: every other byte of ASCII text is zero.
    let zeros_even = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let zeros_odd = sample.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    let half = sample.len() / 2;
    if half > 8 && zeros_odd * 3 > half {
        return encoding_rs::UTF_16LE;
    }
    if half > 8 && zeros_even * 3 > half {
        return encoding_rs::UTF_16BE;
    }
    if std::str::from_utf8(sample).is_ok() || valid_utf8_prefix(sample) {
        return encoding_rs::UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(sample, sample.len() < SAMPLE);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// True when the sample is UTF-8 but was cut in the middle of a character.
fn valid_utf8_prefix(sample: &[u8]) -> bool {
    match std::str::from_utf8(sample) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none() && sample.len() - e.valid_up_to() < 4,
    }
}

/// A reader of the file's text as UTF-8, whatever its encoding.
fn decoded(path: &Path, encoding: &'static Encoding) -> Result<impl Read> {
    let file = open(path)?;
    Ok(encoding_rs_io::DecodeReaderBytesBuilder::new()
        .encoding(Some(encoding))
        .bom_override(true)
        .build(BufReader::new(file)))
}

/// CRLF and lone CR read as LF: the csv reader counts lines by LF only, so the
/// line numbers of errors in Windows and old Mac files would drift otherwise.
struct UnixLineEnds<R> {
    inner: R,
    after_cr: bool,
}

impl<R: Read> Read for UnixLineEnds<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            let n = self.inner.read(buf)?;
            if n == 0 {
                return Ok(0);
            }
            let mut out = 0;
            for i in 0..n {
                let b = buf[i];
                if b == b'\n' && self.after_cr {
                    self.after_cr = false;
                    continue;
                }
                self.after_cr = b == b'\r';
                buf[out] = if b == b'\r' { b'\n' } else { b };
                out += 1;
            }
            // A read that held only the LF of a CRLF gives nothing: read on.
            if out > 0 {
                return Ok(out);
            }
        }
    }
}

/// Fields per record of the sample with `delimiter` (quotes respected).
fn field_counts(text: &str, delimiter: u8) -> Vec<usize> {
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut counts: Vec<usize> = reader.byte_records().map_while(|r| r.ok()).map(|r| r.len()).collect();
    counts.pop(); // the sample may end inside the last record
    counts
}

/// The delimiter whose records most often have the same number (> 1) of fields,
/// and the number of lines before the header (rows whose width differs at the start).
fn detect_layout(text: &str) -> (u8, usize) {
    let mut best = (b',', 0usize, 0usize); // delimiter, consistent rows, skip
    for delimiter in DELIMITERS {
        let counts = field_counts(text, delimiter);
        let Some(width) = mode(&counts) else { continue };
        if width < 2 {
            continue;
        }
        let consistent = counts.iter().filter(|c| **c == width).count();
        let skip = counts.iter().position(|c| *c == width).unwrap_or(0);
        if consistent > best.1 {
            best = (delimiter, consistent, skip);
        }
    }
    (best.0, best.2)
}

fn mode(counts: &[usize]) -> Option<usize> {
    let mut tally: Vec<(usize, usize)> = Vec::new();
    for c in counts {
        match tally.iter_mut().find(|(w, _)| w == c) {
            Some((_, n)) => *n += 1,
            None => tally.push((*c, 1)),
        }
    }
    tally.into_iter().max_by_key(|(w, n)| (*n, *w)).map(|(w, _)| w)
}

/// Reads the start of the file to find its encoding, delimiter and header line.
pub fn sniff(path: &Path, encoding: Option<&'static Encoding>, delimiter: Option<u8>) -> Result<Dialect> {
    let mut raw = Vec::with_capacity(SAMPLE);
    open(path)?
        .take(SAMPLE as u64)
        .read_to_end(&mut raw)
        .map_err(|e| Error::io(&format!("Cannot read {}", path.display()), &e))?;
    if raw.is_empty() {
        return Err(Error::new(ErrorCode::Validation, "The file is empty").with_field("path"));
    }
    let encoding = encoding.unwrap_or_else(|| detect_encoding(&raw));
    let (text, _, _) = encoding.decode(&raw);
    let controls = text.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')).count();
    if controls * 20 > text.chars().count().max(1) {
        return Err(
            Error::new(ErrorCode::Validation, "This is not a text file (CSV): it holds binary data").with_field("path")
        );
    }
    let (detected, skip_lines) = detect_layout(&text);
    let delimiter = delimiter.unwrap_or(detected);
    let skip_lines = if delimiter == detected { skip_lines } else { 0 };
    Ok(Dialect { encoding, delimiter, skip_lines })
}

/// One record of the file: its 1-based line number of the first line (the row
/// number in a spreadsheet) and its fields.
#[derive(Debug, Clone)]
pub struct Row {
    pub line: u64,
    pub fields: Vec<String>,
    /// What the reader left out of the record (column, message), reported with the row.
    pub warnings: Vec<(Option<String>, String)>,
}

/// The header and an iterator over the data rows: streamed from a CSV file or a
/// workbook's sheet, or rows a workbook or vCard reader has already read.
pub struct Table {
    pub header: Vec<String>,
    records: Records,
}

enum Records {
    Csv(csv::StringRecordsIntoIter<Box<dyn Read + Send>>),
    Read(std::vec::IntoIter<Row>),
    /// Rows a reader streams (a workbook's sheet).
    Stream(Box<dyn Iterator<Item = Result<Row>> + Send>),
}

impl Table {
    pub fn from_rows(header: Vec<String>, rows: Vec<Row>) -> Table {
        Table { header, records: Records::Read(rows.into_iter()) }
    }

    pub fn from_stream(header: Vec<String>, rows: Box<dyn Iterator<Item = Result<Row>> + Send>) -> Table {
        Table { header, records: Records::Stream(rows) }
    }
}

impl Iterator for Table {
    type Item = Result<Row>;
    fn next(&mut self) -> Option<Result<Row>> {
        let records = match &mut self.records {
            Records::Csv(records) => records,
            Records::Read(rows) => return rows.next().map(Ok),
            Records::Stream(rows) => return rows.next(),
        };
        let record = records.next()?;
        Some(match record {
            Ok(r) => Ok(Row {
                line: r.position().map_or(0, |p| p.line()),
                fields: r.iter().map(|f| crate::export::restore_cell(f.trim()).to_owned()).collect(),
                warnings: Vec::new(),
            }),
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                Err(Error {
                    row: Some(line),
                    ..Error::new(ErrorCode::Validation, format!("The file cannot be read at line {line}: {e}"))
                })
            }
        })
    }
}

/// Opens the file for reading with the dialect: skips the preamble, reads the header.
/// (CRLF, LF and lone CR line ends all work.)
pub fn open_table(path: &Path, dialect: &Dialect) -> Result<Table> {
    let reader: Box<dyn Read + Send> =
        Box::new(UnixLineEnds { inner: decoded(path, dialect.encoding)?, after_cr: false });
    let mut reader =
        csv::ReaderBuilder::new().delimiter(dialect.delimiter).has_headers(false).flexible(true).from_reader(reader);
    let unreadable = |e: csv::Error| Error::new(ErrorCode::Validation, format!("The file cannot be read: {e}"));
    let mut header = csv::StringRecord::new();
    for _ in 0..dialect.skip_lines {
        if !reader.read_record(&mut header).map_err(unreadable)? {
            break;
        }
    }
    loop {
        if !reader.read_record(&mut header).map_err(unreadable)? {
            return Err(Error::new(ErrorCode::Validation, "The file has no header row").with_field("path"));
        }
        if header.iter().any(|h| !h.trim().is_empty()) {
            break;
        }
    }
    let header = header.iter().map(|h| h.trim().trim_start_matches('\u{feff}').to_owned()).collect();
    Ok(Table { header, records: Records::Csv(reader.into_records()) })
}
