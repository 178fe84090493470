//! Importing contact lists: CSV files of any dialect, sheets of Excel and
//! OpenDocument workbooks, and vCard files, read as one kind of table, mapped to
//! contacts by their headers, checked row by row, matched against existing contacts, and
//! written through the write path in one transaction as one batch (so a crash,
//! a cancel or a broken file leaves the database as it was, and `batch_undo`
//! takes a finished import back).

pub mod dates;
pub mod mapping;
pub mod source;
pub mod vcard;
pub mod workbook;

use crate::contacts::{self, ContactInput};
use crate::error::{Error, ErrorCode, Result};
use crate::fields::{Address, LabeledValue};
use crate::store::Store;
use crate::text::{company_key, fold, phone_key};
use crate::write::Writer;
use mapping::{Field, Preset, Target};
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use ts_rs::TS;

/// What identifies a contact that is already there.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MatchOn {
    #[default]
    Email,
    Phone,
    NameCompany,
    /// Every row is a new contact.
    None,
}

/// What to do with a row that matches a contact already there (or earlier in the file).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OnMatch {
    #[default]
    Skip,
    /// Fill the contact's empty fields and add new e-mails, phones, addresses and tags.
    Update,
    /// Replace the contact's fields with the row's non-empty values.
    Overwrite,
    /// Create a new contact anyway.
    Create,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct ImportArgs {
    /// The file to import.
    pub path: String,
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
    pub match_on: MatchOn,
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
    pub accounts_created: u64,
    /// Rows not imported, with the reason.
    pub errors: Vec<RowError>,
    /// Rows imported with something left out (a ragged row, a birthday without a year).
    pub warnings: Vec<RowError>,
    /// The first rows as they are stored.
    pub preview: Vec<ContactInput>,
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

/// A row turned into a contact, remembering which column each field came from.
struct Parsed {
    contact: ContactInput,
    company: String,
    origin: HashMap<String, String>,
    warnings: Vec<(Option<String>, String)>,
}

fn split_tags(value: &str) -> Vec<String> {
    value
        .split([';', ','])
        .flat_map(|part| part.split(":::"))
        .map(|t| t.trim().trim_start_matches('*').trim().to_owned())
        // Google's and Outlook's system groups are not the user's tags.
        .filter(|t| !t.is_empty() && !matches!(fold(t).as_str(), "mycontacts" | "my contacts" | "starred"))
        .collect()
}

fn split_full_name(full: &str) -> (String, String) {
    let full = full.trim();
    if let Some((last, first)) = full.split_once(',') {
        return (first.trim().to_owned(), last.trim().to_owned());
    }
    match full.rsplit_once(' ') {
        Some((first, last)) => (first.trim().to_owned(), last.trim().to_owned()),
        None => (String::new(), full.to_owned()),
    }
}

fn clean_label(label: &str) -> String {
    label.trim().trim_start_matches('*').trim().to_lowercase()
}

fn parse_row(
    header: &[String],
    targets: &[Target],
    fields: &[String],
    date_format: Option<&str>,
) -> std::result::Result<Parsed, RowError> {
    let mut c = ContactInput::default();
    let mut company = String::new();
    let mut origin = HashMap::new();
    let mut warnings = Vec::new();
    let (mut first, mut middle, mut last, mut full) = (String::new(), String::new(), String::new(), String::new());
    let mut emails: BTreeMap<String, (String, String, String)> = BTreeMap::new(); // slot → (value, label, column)
    let mut phones: BTreeMap<String, (String, String, String)> = BTreeMap::new();
    let mut email_labels: HashMap<String, String> = HashMap::new();
    let mut phone_labels: HashMap<String, String> = HashMap::new();
    let mut addresses: BTreeMap<String, Address> = BTreeMap::new();
    let mut address_labels: HashMap<String, String> = HashMap::new();
    for (i, target) in targets.iter().enumerate() {
        let Some(value) = fields.get(i).map(|v| v.trim()).filter(|v| !v.is_empty()) else { continue };
        let column = header[i].clone();
        let slot = target.slot.clone();
        match target.field {
            Field::Ignore => {}
            Field::FirstName => first = value.into(),
            Field::MiddleName => middle = value.into(),
            Field::LastName => last = value.into(),
            Field::FullName => full = value.into(),
            Field::Salutation => c.salutation = value.into(),
            Field::Title => c.title = value.into(),
            Field::Department => c.department = value.into(),
            Field::Company => company = value.into(),
            Field::Notes => c.notes = value.into(),
            Field::LeadSource => c.lead_source = value.into(),
            Field::Tags => c.tags.extend(split_tags(value)),
            Field::EmailLabel => {
                email_labels.insert(slot, clean_label(value));
            }
            Field::PhoneLabel => {
                phone_labels.insert(slot, clean_label(value));
            }
            Field::AddressLabel => {
                address_labels.insert(slot, clean_label(value));
            }
            Field::Email | Field::Phone => {
                let list = if target.field == Field::Email { &mut emails } else { &mut phones };
                // Google puts several values in one cell, separated by " ::: ".
                for (n, part) in value.split(":::").map(str::trim).filter(|p| !p.is_empty()).enumerate() {
                    let key = if n == 0 { format!("{slot}/{i}") } else { format!("{slot}/{i}/{n}") };
                    let label = if slot.chars().all(|ch| ch.is_ascii_digit()) { String::new() } else { slot.clone() };
                    list.insert(key, (part.to_owned(), label, column.clone()));
                }
            }
            Field::Street | Field::City | Field::Region | Field::PostalCode | Field::Country => {
                let a = addresses.entry(slot.clone()).or_insert_with(|| Address {
                    label: if slot.chars().all(|ch| ch.is_ascii_digit()) { String::new() } else { slot.clone() },
                    ..Default::default()
                });
                let part = match target.field {
                    Field::Street => &mut a.street,
                    Field::City => &mut a.city,
                    Field::Region => &mut a.region,
                    Field::PostalCode => &mut a.postal_code,
                    _ => &mut a.country,
                };
                if part.is_empty() {
                    *part = value.into();
                } else {
                    part.push_str(", "); // Outlook's Street 2 and 3
                    part.push_str(value);
                }
                origin.entry(format!("addresses.{slot}")).or_insert(column);
            }
            Field::Birthday => {
                if dates::without_year(value) {
                    warnings.push((Some(column), format!("The birthday {value:?} has no year and was left out")));
                    continue;
                }
                let parsed = date_format.and_then(|f| dates::parse(value, f));
                match parsed {
                    Some(date) => {
                        c.birthday = Some(date.format("%Y-%m-%d").to_string());
                        origin.insert("birthday".into(), column);
                    }
                    None => {
                        return Err(RowError {
                            row: 0,
                            column: Some(column),
                            message: format!("{value:?} is not a date"),
                        })
                    }
                }
            }
        }
    }
    if first.is_empty() && last.is_empty() && !full.is_empty() {
        (first, last) = split_full_name(&full);
    }
    if !middle.is_empty() {
        first = if first.is_empty() { middle } else { format!("{first} {middle}") };
    }
    c.first_name = first;
    c.last_name = last;
    for (field, map, labels) in [("emails", emails, &email_labels), ("phones", phones, &phone_labels)] {
        let list: Vec<LabeledValue> = map
            .into_iter()
            .map(|(key, (value, label, column))| {
                let slot = key.split('/').next().unwrap_or_default();
                let label = labels.get(slot).cloned().filter(|l| !l.is_empty()).unwrap_or(label);
                (value, label, column)
            })
            .enumerate()
            .map(|(n, (value, label, column))| {
                origin.insert(format!("{field}[{n}]"), column);
                LabeledValue { value, label, primary: false }
            })
            .collect();
        if field == "emails" {
            c.emails = list;
        } else {
            c.phones = list;
        }
    }
    c.addresses = addresses
        .into_iter()
        .map(|(slot, mut a)| {
            if let Some(label) = address_labels.get(&slot).filter(|l| !l.is_empty()) {
                a.label = label.clone();
            }
            a
        })
        .collect();
    // A value that is no e-mail address or phone number is kept in the notes, not lost.
    for (field, check) in [
        ("emails", crate::fields::email_problem as fn(&str) -> Option<&'static str>),
        ("phones", crate::fields::phone_problem),
    ] {
        let list = if field == "emails" { &mut c.emails } else { &mut c.phones };
        let mut kept = Vec::new();
        let mut moved = Vec::new();
        for (n, v) in std::mem::take(list).into_iter().enumerate() {
            let column = origin.remove(&format!("{field}[{n}]"));
            match check(&v.value) {
                None => {
                    if let Some(column) = column {
                        origin.insert(format!("{field}[{}]", kept.len()), column);
                    }
                    kept.push(v);
                }
                Some(problem) => {
                    warnings.push((column.clone(), format!("{:?} {problem}; it was kept in the notes", v.value)));
                    moved.push(format!("{}: {}", column.unwrap_or_else(|| field.into()), v.value));
                }
            }
        }
        *list = kept;
        if !moved.is_empty() {
            let extra = moved.join("\n");
            c.notes = if c.notes.is_empty() { extra } else { format!("{}\n{extra}", c.notes) };
        }
    }
    Ok(Parsed { contact: c, company, origin, warnings })
}

/// The id of the contact a row matches, if any (rows written earlier in this import included).
fn find_match(w: &Writer, on: MatchOn, c: &ContactInput, account_id: Option<&str>) -> Result<Option<String>> {
    let conn = w.conn();
    let found = match on {
        MatchOn::None => None,
        MatchOn::Email => match c.emails.first() {
            None => None,
            Some(e) => conn
                .prepare_cached("SELECT id FROM contacts WHERE email = ?1 AND deleted_at IS NULL LIMIT 1")?
                .query_row([e.value.to_lowercase()], |r| r.get(0))
                .optional()?,
        },
        MatchOn::Phone => match c.phones.first().map(|p| phone_key(&p.value)).filter(|k| !k.is_empty()) {
            None => None,
            Some(key) => conn
                .prepare_cached("SELECT id FROM contacts WHERE phone_key = ?1 AND deleted_at IS NULL LIMIT 1")?
                .query_row([key], |r| r.get(0))
                .optional()?,
        },
        MatchOn::NameCompany => conn
            .prepare_cached(
                "SELECT id FROM contacts WHERE sort_name = ?1 AND coalesce(account_id, '') = ?2 AND deleted_at IS NULL LIMIT 1",
            )?
            .query_row((format!("{}\u{1}{}", fold(&c.last_name), fold(&c.first_name)), account_id.unwrap_or("")), |r| r.get(0))
            .optional()?,
    };
    Ok(found)
}

/// The account a company name links to: an existing one with the same name, or a new one.
fn account_for(
    w: &mut Writer,
    cache: &mut HashMap<String, String>,
    company: &str,
    created: &mut u64,
) -> Result<Option<String>> {
    let key = company_key(company);
    if key.is_empty() {
        return Ok(None);
    }
    if let Some(id) = cache.get(&key) {
        return Ok(Some(id.clone()));
    }
    let existing: Option<String> = w
        .conn()
        .prepare_cached("SELECT id FROM accounts WHERE name_key = ?1 AND deleted_at IS NULL ORDER BY id LIMIT 1")?
        .query_row([&key], |r| r.get(0))
        .optional()?;
    let id = match existing {
        Some(id) => id,
        None => {
            let id = crate::new_id();
            let input = crate::accounts::AccountInput { name: company.trim().to_owned(), ..Default::default() };
            crate::accounts::create_with_id(w, &id, &input)?;
            *created += 1;
            id
        }
    };
    cache.insert(key, id.clone());
    Ok(Some(id))
}

/// Writes one parsed row: create, or apply the match policy. Returns what happened.
enum Outcome {
    Created,
    Updated,
    Skipped,
}

fn write_row(w: &mut Writer, args: &ImportArgs, contact: &ContactInput) -> Result<Outcome> {
    let matched = find_match(w, args.match_on, contact, contact.account_id.as_deref())?;
    let Some(id) = matched.filter(|_| args.on_match != OnMatch::Create) else {
        contacts::create_with_id(w, &crate::new_id(), contact)?;
        return Ok(Outcome::Created);
    };
    if args.on_match == OnMatch::Skip {
        return Ok(Outcome::Skipped);
    }
    let current = contacts::get(w.conn(), crate::IdArgs { id: id.clone() })?;
    let row = serde_json::to_value(contact)?;
    let take: Vec<String> = match args.on_match {
        OnMatch::Overwrite => row
            .as_object()
            .map(|o| o.iter().filter(|(_, v)| !crate::merge::is_blank(v)).map(|(k, _)| k.clone()).collect())
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    let changes = crate::merge::merged_changes(&serde_json::to_value(&current.fields)?, &row, &take)?;
    if changes.is_empty() {
        return Ok(Outcome::Skipped);
    }
    contacts::update(w, contacts::ContactUpdate { id, changes })?;
    Ok(Outcome::Updated)
}

/// The column a core validation error points at (`emails[1]` → the column of that e-mail).
fn column_of(error: &Error, origin: &HashMap<String, String>, header_of: &HashMap<Field, String>) -> Option<String> {
    let field = error.field.as_deref()?;
    if let Some(column) = origin.get(field) {
        return Some(column.clone());
    }
    let by_field = match field {
        "last_name" => [Field::LastName, Field::FullName].iter().find_map(|f| header_of.get(f)),
        "first_name" => header_of.get(&Field::FirstName),
        "title" => header_of.get(&Field::Title),
        "salutation" => header_of.get(&Field::Salutation),
        "department" => header_of.get(&Field::Department),
        "notes" => header_of.get(&Field::Notes),
        "tags" => header_of.get(&Field::Tags),
        "lead_source" => header_of.get(&Field::LeadSource),
        f if f.starts_with("addresses") => origin.iter().find(|(k, _)| k.starts_with("addresses")).map(|(_, v)| v),
        _ => None,
    };
    by_field.cloned()
}

/// Where the rows come from: a CSV file streamed with its dialect, or the rows
/// a workbook or vCard reader has read whole.
enum Input {
    Csv(source::Dialect),
    Read {
        header: Vec<String>,
        rows: Vec<source::Row>,
        encoding: String,
        /// The headers are target names (`email:2`): each column maps to itself.
        exact: bool,
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
            let (_, table) = workbook::read(path, args.sheet.as_deref())?;
            let header = table.header.iter().map(|h| h.trim().to_owned()).collect();
            let rows = table.collect::<Result<Vec<_>>>()?;
            return Ok(Input::Read { header, rows, encoding: String::new(), exact: false });
        }
        if is_vcard || vcard::looks_like(&start) {
            let (encoding, table) = vcard::read(path)?;
            let header = table.header.clone();
            let rows = table.collect::<Result<Vec<_>>>()?;
            return Ok(Input::Read { header, rows, encoding: encoding.name().to_owned(), exact: true });
        }
        let encoding = args.encoding.as_deref().map(source::encoding_by_name).transpose()?;
        let delimiter = args.delimiter.as_deref().map(delimiter_byte).transpose()?;
        Ok(Input::Csv(source::sniff(path, encoding, delimiter)?))
    }

    fn table(&self, path: &Path) -> Result<source::Table> {
        match self {
            Input::Csv(dialect) => source::open_table(path, dialect),
            Input::Read { header, rows, .. } => Ok(source::Table::from_rows(header.clone(), rows.clone())),
        }
    }
}

/// Imports a file without progress reports (the registry's `import_contacts`).
pub fn run(store: &Store, args: ImportArgs) -> Result<ImportReport> {
    import_contacts(store, args, &mut |_| true)
}

/// Imports (or, with `dry_run`, rehearses importing) a file of contacts: CSV,
/// a workbook's sheet or vCards.
/// `progress` hears the rows done so far now and then; returning false cancels.
pub fn import_contacts(store: &Store, args: ImportArgs, progress: &mut dyn FnMut(u64) -> bool) -> Result<ImportReport> {
    let path = Path::new(&args.path);
    let input = Input::open(path, &args)?;
    let table = input.table(path)?;
    let header = table.header.clone();
    let targets = match &input {
        Input::Read { exact: true, .. } => {
            let mut given: serde_json::Map<String, Value> =
                header.iter().map(|h| (h.clone(), Value::String(h.clone()))).collect();
            given.extend(args.mapping.clone().unwrap_or_default());
            mapping::map_columns(&header, args.preset, Some(&given))?
        }
        _ => mapping::map_columns(&header, args.preset, args.mapping.as_ref())?,
    };
    let named = targets.iter().any(|t| {
        matches!(t.field, Field::FirstName | Field::LastName | Field::FullName | Field::Company | Field::Email)
    });
    if !named {
        return Err(Error::invalid(
            "mapping",
            "No column holds a name or an e-mail address: map at least one (e.g. \"Last Name\": \"last_name\")",
        ));
    }
    let header_of: HashMap<Field, String> = targets.iter().zip(&header).map(|(t, h)| (t.field, h.clone())).collect();

    // Pass 1, only when the file has dates: the whole column decides their format.
    let date_columns: Vec<usize> =
        targets.iter().enumerate().filter(|(_, t)| t.field == Field::Birthday).map(|(i, _)| i).collect();
    // A vCard reader writes every date it reads as YYYY-MM-DD.
    let given_format = match &input {
        Input::Read { exact: true, .. } if args.date_format.is_none() && !date_columns.is_empty() => {
            Some("%Y-%m-%d".to_owned())
        }
        _ => args.date_format.clone(),
    };
    let date_format: Option<String> = match (&given_format, date_columns.is_empty()) {
        (Some(f), _) => Some(f.clone()),
        (None, true) => None,
        (None, false) => {
            let mut formats = vec![dates::ColumnFormats::default(); date_columns.len()];
            for row in input.table(path)? {
                let row = row?;
                for (n, i) in date_columns.iter().enumerate() {
                    formats[n].observe(row.fields.get(*i).map_or("", String::as_str));
                }
            }
            let mut decided = None;
            for (n, f) in formats.iter().enumerate() {
                let column = &header[date_columns[n]];
                match f.decide() {
                    Ok(found) => decided = decided.or(found),
                    Err(candidates) if candidates.is_empty() => {
                        let message = format!(
                            "The dates in column {column:?} are in no format Outpost reads; give the format (e.g. %d.%m.%Y)"
                        );
                        return Err(Error { column: Some(column.clone()), ..Error::invalid("date_format", message) });
                    }
                    Err(candidates) => {
                        let message = format!(
                            "The dates in column {column:?} read both as {}: say which one (e.g. --date-format {})",
                            candidates.join(" and "),
                            candidates[0]
                        );
                        return Err(Error { column: Some(column.clone()), ..Error::invalid("date_format", message) });
                    }
                }
            }
            decided.map(str::to_owned)
        }
    };

    let report = ImportReport {
        batch_id: None,
        dry_run: args.dry_run,
        encoding: match &input {
            Input::Csv(dialect) => dialect.encoding.name().to_owned(),
            Input::Read { encoding, .. } => encoding.clone(),
        },
        delimiter: match &input {
            Input::Csv(dialect) if dialect.delimiter == b'\t' => "tab".into(),
            Input::Csv(dialect) => (dialect.delimiter as char).to_string(),
            Input::Read { .. } => String::new(),
        },
        columns: header
            .iter()
            .zip(&targets)
            .map(|(column, t)| ColumnMapping { column: column.clone(), target: t.to_text() })
            .collect(),
        date_format: date_format.clone(),
        rows: 0,
        created: 0,
        updated: 0,
        skipped: 0,
        failed: 0,
        accounts_created: 0,
        errors: Vec::new(),
        warnings: Vec::new(),
        preview: Vec::new(),
    };
    let preview_rows = args.preview_rows.unwrap_or(20) as usize;
    let batch_id = crate::new_id();
    let run = |w: &mut Writer, mut report: ImportReport| -> Result<ImportReport> {
        w.set_batch(Some(batch_id.clone()));
        let mut accounts = HashMap::new();
        let width = header.len();
        for row in table {
            let row = row?;
            report.rows += 1;
            if report.rows.is_multiple_of(1_000) && !progress(report.rows) {
                return Err(Error::new(ErrorCode::Conflict, "The import was cancelled; nothing was imported"));
            }
            let line = row.line;
            if row.fields.len() != width && report.warnings.len() < MAX_LISTED {
                report.warnings.push(RowError {
                    row: line,
                    column: None,
                    message: format!("The row has {} fields, the header {width}", row.fields.len()),
                });
            }
            let parsed = match parse_row(&header, &targets, &row.fields, date_format.as_deref()) {
                Ok(p) => p,
                Err(e) => {
                    report.failed += 1;
                    if report.errors.len() < MAX_LISTED {
                        report.errors.push(RowError { row: line, ..e });
                    }
                    continue;
                }
            };
            for (column, message) in row.warnings.into_iter().chain(parsed.warnings) {
                if report.warnings.len() < MAX_LISTED {
                    report.warnings.push(RowError { row: line, column, message });
                }
            }
            let mut contact = parsed.contact;
            if contact.last_name.is_empty() && contact.first_name.is_empty() {
                // A row with only a company or an e-mail address is a contact named after it.
                contact.last_name = match contact.emails.first() {
                    _ if !parsed.company.is_empty() => parsed.company.clone(),
                    Some(email) => email.value.clone(),
                    None => String::new(),
                };
            }
            let checked = match contacts::validate(&contact) {
                Ok(c) => c,
                Err(e) => {
                    report.failed += 1;
                    if report.errors.len() < MAX_LISTED {
                        report.errors.push(RowError {
                            row: line,
                            column: column_of(&e, &parsed.origin, &header_of),
                            message: e.message,
                        });
                    }
                    continue;
                }
            };
            contact.account_id = account_for(w, &mut accounts, &parsed.company, &mut report.accounts_created)?;
            let stored = match write_row(w, &args, &contact)? {
                Outcome::Created => {
                    report.created += 1;
                    true
                }
                Outcome::Updated => {
                    report.updated += 1;
                    true
                }
                Outcome::Skipped => {
                    report.skipped += 1;
                    false
                }
            };
            if stored && report.preview.len() < preview_rows {
                report.preview.push(ContactInput { account_id: contact.account_id.clone(), ..checked });
            }
        }
        w.set_batch(None);
        Ok(report)
    };
    if args.dry_run {
        return store.rehearse(|w| run(w, report));
    }
    let mut report = store.write(|w| run(w, report))?;
    if report.created + report.updated + report.accounts_created > 0 {
        report.batch_id = Some(batch_id);
    }
    Ok(report)
}
