//! Contacts: a row is a person; its company links (or creates) the account.

use super::mapping::Field;
use super::{changes, Kind, MatchOn, OnMatch, Outcome, RowValues, Step};
use crate::contacts::{self, ContactInput};
use crate::error::Result;
use crate::text::{company_key, fold, phone_key};
use crate::write::Writer;
use rusqlite::OptionalExtension;
use std::collections::HashMap;

#[derive(Default)]
pub(super) struct Contacts {
    /// Company key → account id, for the accounts this import links to.
    accounts: HashMap<String, String>,
    accounts_created: u64,
}

impl Kind for Contacts {
    fn offered(&self) -> &'static [Field] {
        &[
            Field::FirstName,
            Field::MiddleName,
            Field::LastName,
            Field::FullName,
            Field::Salutation,
            Field::Title,
            Field::Department,
            Field::Birthday,
            Field::Company,
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
            Field::Notes,
            Field::LeadSource,
            Field::Tags,
            Field::ExternalId,
        ]
    }

    fn required(&self) -> super::Required {
        &[(
            &[Field::FirstName, Field::LastName, Field::FullName, Field::Company, Field::Email],
            "No column holds a name or an e-mail address: map at least one (e.g. \"Last Name\": \"last_name\")",
        )]
    }

    fn match_keys(&self) -> &'static [MatchOn] {
        &[MatchOn::Email, MatchOn::Phone, MatchOn::NameCompany, MatchOn::ExternalId, MatchOn::None]
    }

    fn sources(&self, field: &str) -> &'static [Field] {
        match field {
            "last_name" => &[Field::LastName, Field::FullName],
            "first_name" => &[Field::FirstName, Field::FullName],
            "title" => &[Field::Title],
            "salutation" => &[Field::Salutation],
            "department" => &[Field::Department],
            "notes" => &[Field::Notes],
            "tags" => &[Field::Tags],
            "lead_source" => &[Field::LeadSource],
            "external_id" => &[Field::ExternalId],
            _ => &[],
        }
    }

    fn import(&mut self, w: &mut Writer, args: &super::ImportArgs, row: RowValues, preview: bool) -> Result<Step> {
        let mut contact = row.person;
        if contact.last_name.is_empty() && contact.first_name.is_empty() {
            // A row with only a company or an e-mail address is a contact named after it.
            contact.last_name = match contact.emails.first() {
                _ if !row.company.is_empty() => row.company.clone(),
                Some(email) => email.value.clone(),
                None => String::new(),
            };
        }
        let checked = match contacts::validate(&contact) {
            Ok(c) => c,
            Err(e) => return Ok(Step::Failed(e)),
        };
        // A company not yet an account has no contacts to match by name; a skipped row creates no account.
        let known = known_account(w, &mut self.accounts, &row.company)?;
        let new_company = known.is_none() && !company_key(&row.company).is_empty();
        let matched = match args.match_key() {
            MatchOn::NameCompany if new_company => None,
            on => find_match(w, on, &contact, known.as_deref())?,
        };
        let skips = matched.is_some() && args.on_match == OnMatch::Skip;
        contact.account_id =
            if skips { known } else { account_for(w, &mut self.accounts, &row.company, &mut self.accounts_created)? };
        let stored = if preview {
            Some(serde_json::to_value(ContactInput { account_id: contact.account_id.clone(), ..checked })?)
        } else {
            None
        };
        let outcome = match matched.filter(|_| args.on_match != OnMatch::Create) {
            None => {
                contacts::create_with_id(w, &crate::new_id(), &contact)?;
                Outcome::Created
            }
            Some(_) if args.on_match == OnMatch::Skip => Outcome::Skipped,
            Some(id) => {
                let current = contacts::get(w.conn(), crate::IdArgs { id: id.clone() })?;
                let changes = changes(&current.fields, &contact, &[], args.on_match)?;
                if changes.is_empty() {
                    Outcome::Skipped
                } else {
                    contacts::update(w, contacts::ContactUpdate { id, changes })?;
                    Outcome::Updated
                }
            }
        };
        Ok(Step::Done(outcome, stored))
    }

    fn accounts_created(&self) -> u64 {
        self.accounts_created
    }
}

/// The id of the contact a row matches, if any (rows written earlier in this import included).
fn find_match(w: &Writer, on: MatchOn, c: &ContactInput, account_id: Option<&str>) -> Result<Option<String>> {
    let conn = w.conn();
    let found = match on {
        MatchOn::None | MatchOn::Code => None,
        MatchOn::ExternalId => super::keys::by_external_id(conn, "contacts", &c.external_id)?,
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

/// The account already there for a company name (this import's new ones included), if any.
fn known_account(w: &Writer, cache: &mut HashMap<String, String>, company: &str) -> Result<Option<String>> {
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
    if let Some(id) = &existing {
        cache.insert(key, id.clone());
    }
    Ok(existing)
}

/// The account a company name links to: an existing one with the same name, or a new one.
fn account_for(
    w: &mut Writer,
    cache: &mut HashMap<String, String>,
    company: &str,
    created: &mut u64,
) -> Result<Option<String>> {
    if let Some(id) = known_account(w, cache, company)? {
        return Ok(Some(id));
    }
    if company_key(company).is_empty() {
        return Ok(None);
    }
    let id = crate::new_id();
    let input = crate::accounts::AccountInput { name: company.trim().to_owned(), ..Default::default() };
    crate::accounts::create_with_id(w, &id, &input)?;
    *created += 1;
    cache.insert(company_key(company), id.clone());
    Ok(Some(id))
}
