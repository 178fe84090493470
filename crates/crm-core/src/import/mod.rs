//! Importing lists of contacts, accounts, leads and products: CSV files of any dialect, sheets
//! of Excel and OpenDocument workbooks, and vCard files, read as one kind of table,
//! mapped to fields by their headers, checked row by row, matched against the records
//! already there (and earlier rows), and
//! written through the write path in one transaction as one batch (so a crash,
//! a cancel or a broken file leaves the database as it was, and `batch_undo`
//! takes a finished import back).

mod account;
mod contact;
pub mod dates;
mod decimals;
pub mod fields;
mod handover;
mod keys;
mod lead;
pub mod mapping;
mod product;
mod row;
pub mod source;
pub mod values;
pub mod vcard;
pub mod workbook;

use crate::contacts::ContactInput;
use crate::error::{Error, ErrorCode, Result};
use crate::store::Store;
use crate::write::{Fields, Writer};
use mapping::{Field, Preset};
use row::RowValues;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;
use ts_rs::TS;

/// The kind of record a file holds (and a list export writes).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ListTarget {
    #[default]
    Contact,
    Account,
    Lead,
    Product,
}

impl ListTarget {
    /// The plural the messages use.
    pub fn noun(self) -> &'static str {
        match self {
            ListTarget::Contact => "contacts",
            ListTarget::Account => "accounts",
            ListTarget::Lead => "leads",
            ListTarget::Product => "products",
        }
    }

    fn kind(self) -> Box<dyn Kind> {
        match self {
            ListTarget::Contact => Box::<contact::Contacts>::default(),
            ListTarget::Account => Box::<account::Accounts>::default(),
            ListTarget::Lead => Box::<lead::Leads>::default(),
            ListTarget::Product => Box::<product::Products>::default(),
        }
    }
}

/// What identifies a record that is already there. Accounts match by name when a row
/// lacks the e-mail or phone asked for; `name_company` is an account's name. Each kind
/// of record has its own (`import_fields` lists them): products match by code.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MatchOn {
    #[default]
    Email,
    Phone,
    NameCompany,
    /// A product's code.
    Code,
    /// The id the record has in the system the file comes from.
    ExternalId,
    /// Every row is a new record.
    None,
}

/// What to do with a row that matches a record already there (or earlier in the file).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OnMatch {
    #[default]
    Skip,
    /// Fill the record's empty fields and add new e-mails, phones, addresses and tags.
    Update,
    /// Replace the record's fields with the row's non-empty values.
    Overwrite,
    /// Create a new record anyway.
    Create,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct ImportArgs {
    /// The file to import.
    pub path: String,
    /// What the file holds: contacts (when null), accounts, leads or products.
    #[ts(optional = nullable)]
    pub target: Option<ListTarget>,
    /// Overrides the detected encoding (`UTF-8`, `windows-1251`, `UTF-16LE`, …).
    #[ts(optional = nullable)]
    pub encoding: Option<String>,
    /// Overrides the detected delimiter: `,` `;` `tab` `|` `:`.
    #[ts(optional = nullable)]
    pub delimiter: Option<String>,
    /// The sheet of an Excel or OpenDocument workbook to read (default: the first).
    #[ts(optional = nullable)]
    pub sheet: Option<String>,
    #[ts(optional = nullable)]
    pub preset: Option<Preset>,
    /// Header → `field[:slot]` (or null to ignore the column); unnamed columns are guessed.
    #[ts(optional = nullable, type = "Record<string, string | null> | null")]
    pub mapping: Option<serde_json::Map<String, Value>>,
    /// One of the target's match keys (`import_fields`); null takes its first (e-mail, a product's code).
    #[ts(optional = nullable)]
    pub match_on: Option<MatchOn>,
    pub on_match: OnMatch,
    /// The format of date columns (chrono syntax, e.g. `%d/%m/%Y`) when the file is ambiguous.
    #[ts(optional = nullable)]
    pub date_format: Option<String>,
    /// Check and count everything, write nothing.
    pub dry_run: bool,
    /// How many rows to return as they would be stored.
    #[ts(optional = nullable)]
    pub preview_rows: Option<u32>,
}

/// A problem with one row, naming the column.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RowError {
    /// The line of the file the row starts on.
    pub row: u64,
    pub column: Option<String>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ColumnMapping {
    pub column: String,
    /// `field` or `field:slot`; `ignore` for columns not imported.
    pub target: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportReport {
    /// Pass to `batch_undo` to take the import back; null for a dry run or when nothing was written.
    pub batch_id: Option<String>,
    pub dry_run: bool,
    pub encoding: String,
    pub delimiter: String,
    pub columns: Vec<ColumnMapping>,
    /// The date format used for date columns, if the file has dates.
    pub date_format: Option<String>,
    pub rows: u64,
    pub created: u64,
    pub updated: u64,
    pub skipped: u64,
    pub failed: u64,
    /// Accounts created for the companies of imported contacts.
    pub accounts_created: u64,
    /// Rows not imported, with the reason. A dry run whose mapping lacks a field the
    /// target needs reads no rows and names it here as an error of line 0.
    pub errors: Vec<RowError>,
    /// Rows imported with something left out (a ragged row, a birthday without a year).
    pub warnings: Vec<RowError>,
    /// The first contacts as they are stored (contact imports).
    pub preview: Vec<ContactInput>,
    /// The first accounts, leads or products as they are stored (imports of those).
    #[ts(type = "Array<AccountInput | (LeadInput & { status: LeadStatus }) | ProductInput>")]
    pub preview_records: Vec<Value>,
}

/// At most this many errors and warnings are listed (all are counted).
const MAX_LISTED: usize = 1_000;

fn delimiter_byte(text: &str) -> Result<u8> {
    match text {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        t if t.len() == 1 && t.is_ascii() => Ok(t.as_bytes()[0]),
        other => Err(Error::invalid("delimiter", format!("{other:?} is not a delimiter (one of , ; tab | :)"))),
    }
}

/// Where the rows come from: a CSV file streamed with its dialect, a workbook's sheet
/// streamed (or read whole) again for each pass, or the contacts a vCard reader has read.
enum Input {
    Csv(source::Dialect),
    Workbook {
        sheet: String,
        /// The table read to find the sheet, for the first pass (opening a workbook reads all its strings).
        opened: Option<source::Table>,
    },
    /// The headers are target names (`email:2`): each column maps to itself.
    Vcard {
        header: Vec<String>,
        rows: Vec<source::Row>,
        encoding: String,
    },
}

impl Input {
    /// Reads the file as the format its name ending (or else its first bytes) says it is.
    fn open(path: &Path, args: &ImportArgs) -> Result<Input> {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_lowercase();
        let mut start = Vec::with_capacity(64);
        std::io::Read::read_to_end(&mut std::io::Read::take(source::open(path)?, 64), &mut start)
            .map_err(|e| Error::io(&format!("Cannot read {}", path.display()), &e).with_field("path"))?;
        let is_vcard = vcard::EXTENSIONS.contains(&ext.as_str());
        if workbook::EXTENSIONS.contains(&ext.as_str()) || (!is_vcard && workbook::looks_like(&start)) {
            let (sheet, table) = workbook::read(path, args.sheet.as_deref())?;
            return Ok(Input::Workbook { sheet, opened: Some(table) });
        }
        if is_vcard || vcard::looks_like(&start) {
            let (encoding, table) = vcard::read(path)?;
            let header = table.header.clone();
            let rows = table.collect::<Result<Vec<_>>>()?;
            return Ok(Input::Vcard { header, rows, encoding: encoding.name().to_owned() });
        }
        let encoding = args.encoding.as_deref().map(source::encoding_by_name).transpose()?;
        let delimiter = args.delimiter.as_deref().map(delimiter_byte).transpose()?;
        Ok(Input::Csv(source::sniff(path, encoding, delimiter)?))
    }

    fn table(&mut self, path: &Path) -> Result<source::Table> {
        match self {
            Input::Csv(dialect) => source::open_table(path, dialect),
            Input::Workbook { sheet, opened } => {
                let mut table = match opened.take() {
                    Some(table) => table,
                    None => workbook::read(path, Some(sheet))?.1,
                };
                table.header.iter_mut().for_each(|h| *h = h.trim().to_owned());
                Ok(table)
            }
            Input::Vcard { header, rows, .. } => Ok(source::Table::from_rows(header.clone(), rows.clone())),
        }
    }
}

impl ImportArgs {
    /// The match key asked for (`import` puts the target's default in when none is given).
    fn match_key(&self) -> MatchOn {
        self.match_on.unwrap_or_default()
    }
}

/// Groups of fields of which a file must map one each, with the message when it maps none.
type Required = &'static [(&'static [Field], &'static str)];

/// What the pipeline asks of each kind of record it imports; adding a kind is adding one of these.
trait Kind {
    /// The fields this kind takes, in the order the wizard offers them.
    fn offered(&self) -> &'static [Field];
    /// The field of this kind a column guessed or mapped as another one fills (an
    /// account's "Name" is its company's name); None: the kind has no such field.
    fn alias(&self, _field: Field) -> Option<Field> {
        None
    }
    /// The slots the wizard offers for a field several columns may fill ("" is the first).
    fn slots(&self, field: Field) -> &'static [&'static str] {
        standard_slots(field)
    }
    fn required(&self) -> Required;
    /// What identifies a record already there, the default first.
    fn match_keys(&self) -> &'static [MatchOn];
    /// The columns a validation error about `field` points at.
    fn sources(&self, field: &str) -> &'static [Field];
    /// Turns one row into a record, checks it, matches it and writes it; with `preview`,
    /// returns the record as stored.
    fn import(&mut self, w: &mut Writer, args: &ImportArgs, row: RowValues, preview: bool) -> Result<Step>;
    /// After the last row: links that need every row (parent accounts). Returns warnings.
    fn finish(&mut self, _w: &mut Writer) -> Result<Vec<RowError>> {
        Ok(Vec::new())
    }
    fn accounts_created(&self) -> u64 {
        0
    }
}

/// What became of one row.
enum Step {
    /// Not imported: the problem, naming its field (or its column).
    Failed(Error),
    /// Imported (or skipped), with the record as stored when a preview was asked for.
    Done(Outcome, Option<Value>),
}

#[derive(PartialEq)]
enum Outcome {
    Created,
    Updated,
    Skipped,
}

/// The changes a matched row makes to the record: fills its empty fields and joins
/// lists (`update`), or also replaces fields with the row's non-empty values
/// (`overwrite`). `unset` names the row's fields the file did not give (defaults).
fn changes(current: &impl Serialize, row: &impl Serialize, unset: &[&str], on_match: OnMatch) -> Result<Fields> {
    let mut row = serde_json::to_value(row)?;
    if let Some(o) = row.as_object_mut() {
        for field in unset {
            o.insert((*field).to_owned(), Value::Null);
        }
    }
    let take: Vec<String> = match on_match {
        OnMatch::Overwrite => row
            .as_object()
            .map(|o| o.iter().filter(|(_, v)| !crate::merge::is_blank(v)).map(|(k, _)| k.clone()).collect())
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    crate::merge::merged_changes(&serde_json::to_value(current)?, &row, &take)
}

/// The column a row's error points at: its own, where an e-mail or address came
/// from (`emails[1]`), or the column of the field.
fn column_of(
    error: &Error,
    kind: &dyn Kind,
    origin: &HashMap<String, String>,
    header_of: &HashMap<Field, String>,
) -> Option<String> {
    if error.column.is_some() {
        return error.column.clone();
    }
    let field = error.field.as_deref()?;
    if let Some(column) = origin.get(field) {
        return Some(column.clone());
    }
    let root = field.split(['[', '.']).next().unwrap_or(field);
    if matches!(root, "addresses" | "address" | "billing_address" | "shipping_address") {
        return origin.iter().find(|(k, _)| k.starts_with("addresses")).map(|(_, v)| v.clone());
    }
    kind.sources(root).iter().find_map(|f| header_of.get(f)).cloned()
}

/// The slots a person's e-mails, phones and addresses are offered in.
fn standard_slots(field: Field) -> &'static [&'static str] {
    match field {
        Field::Email => &["", "2", "3"],
        Field::Phone => &["", "mobile", "work", "home", "fax", "other"],
        Field::Street | Field::City | Field::Region | Field::PostalCode | Field::Country => &["", "work", "home"],
        _ => &[""],
    }
}

/// What a column guessed or mapped as `field` fills in this kind of record (None: nothing).
fn takes(kind: &dyn Kind, field: Field) -> Option<Field> {
    if field == Field::Ignore || kind.offered().contains(&field) {
        Some(field)
    } else {
        kind.alias(field)
    }
}

/// A row as the reading thread hands it over: read, its amounts normalised and turned into values.
struct ReadRow {
    line: u64,
    /// How many fields the row has.
    fields: usize,
    /// What the file reader left out of the row.
    warnings: Vec<(Option<String>, String)>,
    values: std::result::Result<RowValues, RowError>,
    dates: Dates,
}

/// The dates a row holds (in its date columns, with a year).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Dates {
    None,
    /// All of them ISO dates.
    Iso,
    /// One or more written otherwise.
    Other,
}

/// How the reading thread turns the file's rows into values, while the writing thread
/// matches and stores the rows before them: the two halves of an import's work use both cores.
struct Reading<'a> {
    header: &'a [String],
    targets: &'a [mapping::ColumnTarget],
    decimal_of: &'a [(usize, char)],
    date_format: Option<&'a str>,
    /// The date columns whose values are checked to be ISO dates (while they are read as such).
    iso_checked: &'a [usize],
}

impl<'a> Reading<'a> {
    fn read(&self, row: source::Row) -> ReadRow {
        let mut cells = row.fields;
        for (i, decimal) in self.decimal_of {
            if let Some(cell) = cells.get_mut(*i) {
                *cell = decimals::normalise(cell, *decimal);
            }
        }
        let values = row::parse_row(self.header, self.targets, &cells, self.date_format);
        let dated = self.iso_checked.iter().filter_map(|i| cells.get(*i)).filter(|v| dates::is_dated(v));
        let dates = dated.fold(Dates::None, |seen, v| match dates::parse(v, dates::ISO) {
            Some(_) if seen != Dates::Other => Dates::Iso,
            _ => Dates::Other,
        });
        ReadRow { line: row.line, fields: cells.len(), warnings: row.warnings, values, dates }
    }

    /// Reads `table` on a thread of `scope`: the rows in file order, then the error reading
    /// stopped at. Dropping what it returns stops the reading.
    fn start<'s>(self, scope: &'s std::thread::Scope<'s, '_>, table: source::Table) -> handover::Received<ReadRow>
    where
        'a: 's,
    {
        let (mut send, received) = handover::channel();
        scope.spawn(move || {
            let read = || -> Result<()> {
                for row in table {
                    if !send.push(self.read(row?)) {
                        break;
                    }
                }
                Ok(())
            };
            let read = read();
            send.finish(read);
        });
        received
    }
}

/// Imports a file without progress reports (the registry's `import_contacts`).
pub fn run(store: &Store, args: ImportArgs) -> Result<ImportReport> {
    import(store, args, &mut |_| true)
}

/// Imports (or, with `dry_run`, rehearses importing) a file of contacts, accounts or
/// leads (`args.target`): CSV, a workbook's sheet or vCards.
/// `progress` hears the rows done so far now and then; returning false cancels.
pub fn import(store: &Store, mut args: ImportArgs, progress: &mut dyn FnMut(u64) -> bool) -> Result<ImportReport> {
    let target = args.target.unwrap_or_default();
    let mut kind = target.kind();
    let keys = kind.match_keys();
    match args.match_on {
        None => args.match_on = Some(keys[0]),
        Some(on) if !keys.contains(&on) => {
            let names: Vec<String> = keys.iter().map(mapping::name_of).collect();
            return Err(Error::invalid(
                "match_on",
                format!("{} are matched by {}, not by {}", target.noun(), names.join(", "), mapping::name_of(on)),
            ));
        }
        Some(_) => {}
    }
    let path = Path::new(&args.path);
    let mut input = Input::open(path, &args)?;
    let table = input.table(path)?;
    let header = table.header.clone();
    let field_of = |f: Field| takes(kind.as_ref(), f);
    let targets = match &input {
        Input::Vcard { .. } => {
            // A vCard's columns are contact fields: those this kind lacks are left out.
            let own = |h: &str| mapping::ColumnTarget::parse(h).is_ok_and(|t| field_of(t.field).is_some());
            let mut given: serde_json::Map<String, Value> = header
                .iter()
                .map(|h| (h.clone(), if own(h) { Value::String(h.clone()) } else { Value::Null }))
                .collect();
            given.extend(args.mapping.clone().unwrap_or_default());
            mapping::map_columns(&header, args.preset, Some(&given), &field_of, target.noun())?
        }
        _ => mapping::map_columns(&header, args.preset, args.mapping.as_ref(), &field_of, target.noun())?,
    };
    let missing: Vec<&str> = kind
        .required()
        .iter()
        .filter(|(fields, _)| !targets.iter().any(|t| fields.contains(&t.field)))
        .map(|(_, message)| *message)
        .collect();
    // A rehearsal still shows the mapping, so the wizard can have the missing field mapped.
    if let (Some(message), false) = (missing.first(), args.dry_run) {
        return Err(Error::invalid("mapping", *message));
    }
    let header_of: HashMap<Field, String> = targets.iter().zip(&header).map(|(t, h)| (t.field, h.clone())).collect();
    let date_columns: Vec<usize> =
        targets.iter().enumerate().filter(|(_, t)| t.field == Field::Birthday).map(|(i, _)| i).collect();
    let amount_columns: Vec<usize> = targets
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t.field, Field::Price | Field::TaxRate | Field::AnnualRevenue))
        .map(|(i, _)| i)
        .collect();
    // A vCard reader writes every date it reads as YYYY-MM-DD.
    let given_format = match &input {
        Input::Vcard { .. } if args.date_format.is_none() && !date_columns.is_empty() => Some(dates::ISO.to_owned()),
        _ => args.date_format.clone(),
    };
    // The whole column decides the format of dates and amounts, so such a file is read once
    // before its rows are imported. Not one whose dates may all be ISO dates (a workbook's date
    // cells): it is imported as that at once, and read first only if a date is written otherwise.
    let iso_first = given_format.is_none() && !date_columns.is_empty() && amount_columns.is_empty();
    let mut formats = match iso_first {
        true => Formats { date_format: Some(dates::ISO.to_owned()), decimal_of: Vec::new() },
        false => Formats::decide(&mut input, path, &header, given_format, &date_columns, &amount_columns)?,
    };

    let report = ImportReport {
        batch_id: None,
        dry_run: args.dry_run,
        encoding: match &input {
            Input::Csv(dialect) => dialect.encoding.name().to_owned(),
            Input::Vcard { encoding, .. } => encoding.clone(),
            Input::Workbook { .. } => String::new(),
        },
        delimiter: match &input {
            Input::Csv(dialect) if dialect.delimiter == b'\t' => "tab".into(),
            Input::Csv(dialect) => (dialect.delimiter as char).to_string(),
            Input::Workbook { .. } | Input::Vcard { .. } => String::new(),
        },
        columns: header
            .iter()
            .zip(&targets)
            .map(|(column, t)| ColumnMapping { column: column.clone(), target: t.to_text() })
            .collect(),
        date_format: formats.date_format.clone().filter(|_| !iso_first),
        rows: 0,
        created: 0,
        updated: 0,
        skipped: 0,
        failed: 0,
        accounts_created: 0,
        errors: Vec::new(),
        warnings: Vec::new(),
        preview: Vec::new(),
        preview_records: Vec::new(),
    };
    if !missing.is_empty() {
        let errors = missing.iter().map(|m| RowError { row: 0, column: None, message: (*m).to_owned() });
        return Ok(ImportReport { errors: errors.collect(), ..report });
    }
    let preview_rows = args.preview_rows.unwrap_or(20) as usize;
    let batch_id = crate::new_id();
    // Set when a date is not an ISO date while the run reads them as such: it is then taken back.
    let undecided = std::cell::Cell::new(false);
    let reading_iso = || iso_first && !undecided.get();
    let mut run = |w: &mut Writer,
                   kind: &mut dyn Kind,
                   table: source::Table,
                   formats: &Formats,
                   mut report: ImportReport|
     -> Result<ImportReport> {
        w.set_batch(Some(batch_id.clone()));
        let width = header.len();
        let reading = Reading {
            header: &header,
            targets: &targets,
            decimal_of: &formats.decimal_of,
            date_format: formats.date_format.as_deref(),
            iso_checked: if reading_iso() { &date_columns } else { &[] },
        };
        let mut dated = false;
        std::thread::scope(|scope| -> Result<()> {
            for row in reading.start(scope, table) {
                let ReadRow { line, fields, warnings, values, dates } = row?;
                if dates == Dates::Other {
                    undecided.set(true);
                    return Err(Error::internal("a date column to read whole first"));
                }
                dated |= dates != Dates::None;
                report.rows += 1;
                if report.rows.is_multiple_of(1_000) && !progress(report.rows) {
                    return Err(Error::new(ErrorCode::Conflict, "The import was cancelled; nothing was imported"));
                }
                if fields != width && report.warnings.len() < MAX_LISTED {
                    report.warnings.push(RowError {
                        row: line,
                        column: None,
                        message: format!("The row has {fields} fields, the header {width}"),
                    });
                }
                let mut parsed = match values {
                    Ok(p) => p,
                    Err(e) => {
                        report.failed += 1;
                        if report.errors.len() < MAX_LISTED {
                            report.errors.push(RowError { row: line, ..e });
                        }
                        continue;
                    }
                };
                for (column, message) in warnings.into_iter().chain(std::mem::take(&mut parsed.warnings)) {
                    if report.warnings.len() < MAX_LISTED {
                        report.warnings.push(RowError { row: line, column, message });
                    }
                }
                let origin = std::mem::take(&mut parsed.origin);
                parsed.line = line;
                let preview = report.preview.len() + report.preview_records.len() < preview_rows;
                match kind.import(w, &args, parsed, preview)? {
                    Step::Failed(e) => {
                        report.failed += 1;
                        if report.errors.len() < MAX_LISTED {
                            let column = column_of(&e, kind, &origin, &header_of);
                            report.errors.push(RowError { row: line, column, message: e.message });
                        }
                    }
                    Step::Done(outcome, stored) => {
                        match outcome {
                            Outcome::Created => report.created += 1,
                            Outcome::Updated => report.updated += 1,
                            Outcome::Skipped => report.skipped += 1,
                        }
                        match stored.filter(|_| outcome != Outcome::Skipped) {
                            Some(stored) if target == ListTarget::Contact => {
                                report.preview.push(serde_json::from_value(stored)?)
                            }
                            Some(stored) => report.preview_records.push(stored),
                            None => {}
                        }
                    }
                }
            }
            Ok(())
        })?;
        for warning in kind.finish(w)? {
            if report.warnings.len() < MAX_LISTED {
                report.warnings.push(warning);
            }
        }
        report.accounts_created = kind.accounts_created();
        // The format the file's dates were read in (none when it has none).
        report.date_format = formats.date_format.clone().filter(|_| dated || !reading_iso());
        w.set_batch(None);
        Ok(report)
    };
    let mut attempt = |kind: &mut dyn Kind, table: source::Table, formats: &Formats| match args.dry_run {
        true => store.rehearse_bulk(|w| run(w, kind, table, formats, report.clone())),
        false => store.write_bulk(|w| run(w, kind, table, formats, report.clone())),
    };
    let mut done = attempt(kind.as_mut(), table, &formats);
    if undecided.get() {
        // Rolled back: read the whole file for its dates' format, then import it with that.
        formats = Formats::decide(&mut input, path, &header, None, &date_columns, &amount_columns)?;
        done = attempt(target.kind().as_mut(), input.table(path)?, &formats);
    }
    let mut report = done?;
    if !report.dry_run && report.created + report.updated + report.accounts_created > 0 {
        report.batch_id = Some(batch_id);
    }
    Ok(report)
}

/// How a file's dates and amounts are read.
struct Formats {
    date_format: Option<String>,
    /// The decimal separator of each amount column that has one.
    decimal_of: Vec<(usize, char)>,
}

impl Formats {
    /// Reads the date and amount columns whole (unless the date format is `given`) and decides
    /// their formats; a date column no format (or more than one) reads is a question for the user.
    fn decide(
        input: &mut Input,
        path: &Path,
        header: &[String],
        given: Option<String>,
        date_columns: &[usize],
        amount_columns: &[usize],
    ) -> Result<Formats> {
        let scan_dates = if given.is_none() { date_columns } else { &[] };
        let mut formats = vec![dates::ColumnFormats::default(); scan_dates.len()];
        let mut separators = vec![decimals::ColumnSeparator::default(); amount_columns.len()];
        if !scan_dates.is_empty() || !amount_columns.is_empty() {
            for row in input.table(path)? {
                let row = row?;
                let cell = |i: usize| row.fields.get(i).map_or("", String::as_str);
                scan_dates.iter().zip(&mut formats).for_each(|(i, f)| f.observe(cell(*i)));
                amount_columns.iter().zip(&mut separators).for_each(|(i, s)| s.observe(cell(*i)));
            }
        }
        let decimal_of =
            amount_columns.iter().zip(&separators).filter_map(|(i, s)| s.decide().map(|c| (*i, c))).collect();
        if given.is_some() || date_columns.is_empty() {
            return Ok(Formats { date_format: given, decimal_of });
        }
        let mut decided = None;
        for (n, f) in formats.iter().enumerate() {
            let column = &header[date_columns[n]];
            let message = match f.decide() {
                Ok(found) => {
                    decided = decided.or(found);
                    continue;
                }
                Err(candidates) if candidates.is_empty() => format!(
                    "The dates in column {column:?} are in no format Outpost reads; give the format (e.g. %d.%m.%Y)"
                ),
                Err(candidates) => format!(
                    "The dates in column {column:?} read both as {}: say which one (e.g. --date-format {})",
                    candidates.join(" and "),
                    candidates[0]
                ),
            };
            return Err(Error { column: Some(column.clone()), ..Error::invalid("date_format", message) });
        }
        Ok(Formats { date_format: decided.map(str::to_owned), decimal_of })
    }
}
