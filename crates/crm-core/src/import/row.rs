//! One row of a file read into values: names, e-mails, phones and addresses
//! gathered by their slots, dates in the column's format, the rest as written.

use super::dates;
use super::mapping::{ColumnTarget, Field};
use super::RowError;
use crate::contacts::ContactInput;
use crate::error::{Error, Result};
use crate::fields::{Address, LabeledValue};
use crate::text::fold;
use std::collections::{BTreeMap, HashMap};

/// A row's values: the parts every kind of record shares (names, e-mails, phones,
/// addresses, notes, tags) gathered as a contact, the company, and the other
/// fields as written, each remembering the column it came from.
pub(crate) struct RowValues {
    /// The line of the file the row starts on.
    pub line: u64,
    pub person: ContactInput,
    pub company: String,
    /// Fields beyond a contact's (industry, rating, status, …): (value, column).
    pub extra: HashMap<Field, (String, String)>,
    /// Where each field came from: `emails[1]` → its column.
    pub origin: HashMap<String, String>,
    pub warnings: Vec<(Option<String>, String)>,
}

impl RowValues {
    /// A field beyond a contact's, read by `read`; a value it refuses fails the row naming the column.
    pub fn read<T>(
        &self,
        field: Field,
        name: &str,
        read: impl Fn(&str) -> std::result::Result<T, String>,
    ) -> Result<Option<T>> {
        match self.extra.get(&field) {
            None => Ok(None),
            Some((value, column)) => read(value)
                .map(Some)
                .map_err(|message| Error { column: Some(column.clone()), ..Error::invalid(name, message) }),
        }
    }

    /// A text field beyond a contact's (empty when the file has none).
    pub fn text(&self, field: Field) -> String {
        self.extra.get(&field).map(|(v, _)| v.clone()).unwrap_or_default()
    }
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

pub(crate) fn parse_row(
    header: &[String],
    targets: &[ColumnTarget],
    fields: &[String],
    date_format: Option<&str>,
) -> std::result::Result<RowValues, RowError> {
    let mut c = ContactInput::default();
    let mut company = String::new();
    let mut origin = HashMap::new();
    let mut extra = HashMap::new();
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
            Field::LeadSource => {
                c.lead_source = value.into();
                extra.insert(Field::LeadSource, (value.to_owned(), column));
            }
            // Fields a contact lacks: kept as written for the kind to read.
            Field::Industry
            | Field::Website
            | Field::AccountType
            | Field::Rating
            | Field::TaxId
            | Field::AnnualRevenue
            | Field::Employees
            | Field::Status
            | Field::ParentAccount
            | Field::Name
            | Field::Code
            | Field::ProductKind
            | Field::Unit
            | Field::Price
            | Field::TaxRate
            | Field::Currency
            | Field::Active => {
                extra.insert(target.field, (value.to_owned(), column));
            }
            Field::ExternalId => {
                c.external_id = value.into();
                origin.insert("external_id".into(), column);
            }
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
    Ok(RowValues { line: 0, person: c, company, extra, origin, warnings })
}
