//! Leads: a row is a person at a company, or a company alone. Matched by e-mail,
//! phone, or name + company; checked against the required fields set for leads.

use super::keys::{external_key, record_keys, KeyIndex};
use super::mapping::Field;
use super::{changes, values, Kind, MatchOn, OnMatch, Outcome, RowValues, Step};
use crate::error::Result;
use crate::fields::{Address, LabeledValue};
use crate::leads::{self, LeadInput, LeadSettings, LeadStatus, LeadUpdate};
use crate::text::{company_key, fold};
use crate::write::Writer;
use crate::{IdArgs, NoArgs};
use rusqlite::Connection;

#[derive(Default)]
pub(super) struct Leads {
    index: KeyIndex,
    settings: Option<LeadSettings>,
}

/// Last name, first name and company: the same person at the same company.
fn name_key(last: &str, first: &str, company: &str) -> String {
    format!("{}\u{1}{}\u{1}{}", fold(last), fold(first), company_key(company))
}

fn load(conn: &Connection) -> Result<Vec<(String, Vec<String>)>> {
    let mut stmt = conn.prepare(
        "SELECT id, last_name, first_name, company, emails, phones, external_id FROM leads WHERE deleted_at IS NULL ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let list = |i: usize| -> Result<Vec<LabeledValue>> {
            let text: Option<String> = r.get(i)?;
            Ok(serde_json::from_str(text.as_deref().unwrap_or("[]"))?)
        };
        let name = name_key(&r.get::<_, String>(1)?, &r.get::<_, String>(2)?, &r.get::<_, String>(3)?);
        let mut keys = record_keys(&list(4)?, &list(5)?, &name);
        keys.extend(external_key(&r.get::<_, String>(6)?));
        out.push((r.get(0)?, keys));
    }
    Ok(out)
}

fn lookup_keys(on: MatchOn, l: &LeadInput) -> Vec<String> {
    match on {
        MatchOn::None | MatchOn::Code => Vec::new(),
        MatchOn::ExternalId => external_key(&l.external_id).into_iter().collect(),
        MatchOn::Email => record_keys(&l.emails, &[], ""),
        MatchOn::Phone => record_keys(&[], &l.phones, ""),
        MatchOn::NameCompany => record_keys(&[], &[], &name_key(&l.last_name, &l.first_name, &l.company)),
    }
}

/// A row's values as a lead, its status (new when the file has none) and the fields left at their defaults.
fn lead(row: &RowValues) -> Result<(LeadInput, LeadStatus, Vec<&'static str>)> {
    let p = &row.person;
    let source = row.read(Field::LeadSource, "source", values::lead_source)?;
    let input = LeadInput {
        salutation: p.salutation.clone(),
        first_name: p.first_name.clone(),
        last_name: p.last_name.clone(),
        title: p.title.clone(),
        company: row.company.clone(),
        industry: row.text(Field::Industry),
        website: row.text(Field::Website),
        emails: p.emails.clone(),
        phones: p.phones.clone(),
        address: p.addresses.first().map(|a| Address { label: String::new(), ..a.clone() }),
        source: source.unwrap_or(leads::LeadSource::Import),
        rating: row.read(Field::Rating, "rating", values::rating)?,
        description: p.notes.clone(),
        answers: Default::default(),
        tags: p.tags.clone(),
        external_id: p.external_id.clone(),
    };
    // The status is that of a new lead; a lead already there keeps its own (it moves by its rules).
    let status = row.read(Field::Status, "status", values::lead_status)?.unwrap_or_default();
    let mut unset = vec!["answers"];
    if source.is_none() {
        unset.push("source");
    }
    Ok((input, status, unset))
}

impl Kind for Leads {
    fn offered(&self) -> &'static [Field] {
        &[
            Field::FirstName,
            Field::MiddleName,
            Field::LastName,
            Field::FullName,
            Field::Salutation,
            Field::Title,
            Field::Company,
            Field::Industry,
            Field::Website,
            Field::Email,
            Field::EmailLabel,
            Field::Phone,
            Field::PhoneLabel,
            Field::Street,
            Field::City,
            Field::Region,
            Field::PostalCode,
            Field::Country,
            Field::AddressLabel,
            Field::LeadSource,
            Field::Status,
            Field::Rating,
            Field::Notes,
            Field::Tags,
            Field::ExternalId,
        ]
    }

    fn slots(&self, field: Field) -> &'static [&'static str] {
        match field {
            // A lead has one address.
            Field::Street | Field::City | Field::Region | Field::PostalCode | Field::Country => &[""],
            _ => super::standard_slots(field),
        }
    }

    fn required(&self) -> super::Required {
        &[(
            &[Field::FirstName, Field::LastName, Field::FullName, Field::Company],
            "No column holds a name or a company: map at least one (e.g. \"Nachname\": \"last_name\")",
        )]
    }

    fn match_keys(&self) -> &'static [MatchOn] {
        &[MatchOn::Email, MatchOn::Phone, MatchOn::NameCompany, MatchOn::ExternalId, MatchOn::None]
    }

    fn sources(&self, field: &str) -> &'static [Field] {
        match field {
            "last_name" => &[Field::LastName, Field::FullName, Field::Company],
            "first_name" => &[Field::FirstName, Field::FullName],
            "salutation" => &[Field::Salutation],
            "title" => &[Field::Title],
            "company" => &[Field::Company],
            "industry" => &[Field::Industry],
            "website" => &[Field::Website],
            "emails" => &[Field::Email],
            "phones" => &[Field::Phone],
            "address" => &[Field::Street, Field::City, Field::PostalCode, Field::Country],
            "rating" => &[Field::Rating],
            "description" => &[Field::Notes],
            "tags" => &[Field::Tags],
            "external_id" => &[Field::ExternalId],
            _ => &[],
        }
    }

    fn import(&mut self, w: &mut Writer, args: &super::ImportArgs, row: RowValues, preview: bool) -> Result<Step> {
        let (input, status, unset) = match lead(&row) {
            Ok(l) => l,
            Err(e) => return Ok(Step::Failed(e)),
        };
        if self.settings.is_none() {
            self.settings = Some(leads::settings_get(w.conn(), NoArgs {})?);
        }
        let settings = self.settings.as_ref().expect("read above");
        let checked = match leads::validate(&input, settings) {
            Ok(l) => l,
            Err(e) => return Ok(Step::Failed(e)),
        };
        let matched = match args.on_match {
            OnMatch::Create => None,
            _ => self.index.find(w, load, &lookup_keys(args.match_key(), &checked))?,
        };
        let (outcome, id) = match matched {
            None => {
                let id = crate::new_id();
                leads::create_in_status(w, &id, &checked, status)?;
                (Outcome::Created, id)
            }
            Some(id) if args.on_match == OnMatch::Skip => (Outcome::Skipped, id),
            Some(id) => {
                let current = leads::get(w.conn(), IdArgs { id: id.clone() })?;
                let changes = changes(&current.fields, &checked, &unset, args.on_match)?;
                if changes.is_empty() {
                    (Outcome::Skipped, id)
                } else {
                    // A converted lead refuses changes: the row fails, the import goes on.
                    match leads::update(w, LeadUpdate { id: id.clone(), changes }) {
                        Ok(_) => (Outcome::Updated, id),
                        Err(e) => return Ok(Step::Failed(e)),
                    }
                }
            }
        };
        let name = name_key(&checked.last_name, &checked.first_name, &checked.company);
        let mut keys = record_keys(&checked.emails, &checked.phones, &name);
        keys.extend(external_key(&checked.external_id));
        self.index.add(&id, keys);
        if !preview {
            return Ok(Step::Done(outcome, None));
        }
        let mut stored = serde_json::to_value(&checked)?;
        stored["status"] = serde_json::to_value(status)?;
        Ok(Step::Done(outcome, Some(stored)))
    }
}
