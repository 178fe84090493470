//! Accounts: a row is a company. Matched by name (`name_key`), or by e-mail or
//! phone when the row has them; a "Parent account" column links to the account
//! of that name once every row is in.

use super::keys::{external_key, record_keys, KeyIndex};
use super::mapping::Field;
use super::{changes, values, Kind, MatchOn, OnMatch, Outcome, RowError, RowValues, Step};
use crate::accounts::{self, AccountInput, AccountUpdate};
use crate::error::Result;
use crate::fields::{Address, LabeledValue};
use crate::text::company_key;
use crate::write::Writer;
use crate::IdArgs;
use rusqlite::{Connection, OptionalExtension};

/// A parent named in a row but not there yet, linked after the last row.
struct Parent {
    account_id: String,
    name: String,
    /// `update` fills an empty parent only.
    fill_only: bool,
    line: u64,
    column: String,
}

#[derive(Default)]
pub(super) struct Accounts {
    index: KeyIndex,
    parents: Vec<Parent>,
}

fn load(conn: &Connection) -> Result<Vec<(String, Vec<String>)>> {
    let mut stmt = conn.prepare(
        "SELECT id, name_key, emails, phones, external_id FROM accounts WHERE deleted_at IS NULL ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, name_key, emails, phones, external_id) = row?;
        let list = |text: Option<String>| -> Result<Vec<LabeledValue>> {
            Ok(serde_json::from_str(text.as_deref().unwrap_or("[]"))?)
        };
        let mut keys = record_keys(&list(emails)?, &list(phones)?, &name_key);
        keys.extend(external_key(&external_id));
        out.push((id, keys));
    }
    Ok(out)
}

/// The live account of that name (other than `not`), the oldest when several share it.
fn named(w: &Writer, name: &str, not: &str) -> Result<Option<String>> {
    Ok(w.conn()
        .prepare_cached(
            "SELECT id FROM accounts WHERE name_key = ?1 AND deleted_at IS NULL AND id <> ?2 ORDER BY id LIMIT 1",
        )?
        .query_row((company_key(name), not), |r| r.get(0))
        .optional()?)
}

/// The keys a row is looked up by: the e-mails or phones asked for, else its name.
fn lookup_keys(on: MatchOn, a: &AccountInput) -> Vec<String> {
    let name = record_keys(&[], &[], &company_key(&a.name));
    let keys = match on {
        MatchOn::None | MatchOn::Code => return Vec::new(),
        MatchOn::ExternalId => return external_key(&a.external_id).into_iter().collect(),
        MatchOn::Email => record_keys(&a.emails, &[], ""),
        MatchOn::Phone => record_keys(&[], &a.phones, ""),
        MatchOn::NameCompany => Vec::new(),
    };
    if keys.is_empty() {
        name
    } else {
        keys
    }
}

/// A row's values as an account: its company's name, the billing address (the
/// first one) and the shipping address (the one so labelled).
fn account(row: &RowValues) -> Result<(AccountInput, Vec<&'static str>)> {
    let p = &row.person;
    let mut billing: Option<Address> = None;
    let mut shipping: Option<Address> = None;
    for a in &p.addresses {
        let slot = if a.label.starts_with("shipping") { &mut shipping } else { &mut billing };
        if slot.is_none() {
            *slot = Some(Address { label: String::new(), ..a.clone() });
        }
    }
    let account_type = row.read(Field::AccountType, "account_type", values::account_type)?;
    let input = AccountInput {
        name: row.company.clone(),
        account_type: account_type.unwrap_or_default(),
        parent_id: None,
        industry: row.text(Field::Industry),
        website: row.text(Field::Website),
        emails: p.emails.clone(),
        phones: p.phones.clone(),
        billing_address: billing,
        shipping_address: shipping,
        tax_id: row.text(Field::TaxId),
        annual_revenue: row.read(Field::AnnualRevenue, "annual_revenue", values::amount)?,
        employees: row.read(Field::Employees, "employees", values::count)?,
        rating: row.read(Field::Rating, "rating", values::rating)?,
        description: p.notes.clone(),
        tags: p.tags.clone(),
        external_id: p.external_id.clone(),
    };
    // Fields whose value is a default rather than the file's: never written over a record's.
    let mut unset = vec!["parent_id"];
    if account_type.is_none() {
        unset.push("account_type");
    }
    Ok((input, unset))
}

impl Kind for Accounts {
    fn offered(&self) -> &'static [Field] {
        &[
            Field::Company,
            Field::AccountType,
            Field::ParentAccount,
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
            Field::TaxId,
            Field::AnnualRevenue,
            Field::Employees,
            Field::Rating,
            Field::Notes,
            Field::Tags,
            Field::ExternalId,
        ]
    }

    fn alias(&self, field: Field) -> Option<Field> {
        (field == Field::FullName).then_some(Field::Company)
    }

    /// The first address is the billing one, one labelled shipping the shipping one.
    fn slots(&self, field: Field) -> &'static [&'static str] {
        match field {
            Field::Street | Field::City | Field::Region | Field::PostalCode | Field::Country => {
                &["billing", "shipping"]
            }
            _ => super::standard_slots(field),
        }
    }

    fn required(&self) -> super::Required {
        &[(&[Field::Company], "No column holds the account's name: map one (e.g. \"Firma\": \"company\")")]
    }

    fn match_keys(&self) -> &'static [MatchOn] {
        &[MatchOn::Email, MatchOn::Phone, MatchOn::NameCompany, MatchOn::ExternalId, MatchOn::None]
    }

    fn sources(&self, field: &str) -> &'static [Field] {
        match field {
            "name" => &[Field::Company],
            "industry" => &[Field::Industry],
            "website" => &[Field::Website],
            "tax_id" => &[Field::TaxId],
            "annual_revenue" => &[Field::AnnualRevenue],
            "description" => &[Field::Notes],
            "tags" => &[Field::Tags],
            "parent_id" => &[Field::ParentAccount],
            "external_id" => &[Field::ExternalId],
            _ => &[],
        }
    }

    fn import(&mut self, w: &mut Writer, args: &super::ImportArgs, row: RowValues, preview: bool) -> Result<Step> {
        let (mut input, mut unset) = match account(&row) {
            Ok(a) => a,
            Err(e) => return Ok(Step::Failed(e)),
        };
        // A parent already there (or earlier in the file) is a field like any other; one
        // named further down is linked once every row is in.
        let parent = row.extra.get(&Field::ParentAccount);
        if let Some((name, _)) = parent {
            input.parent_id = named(w, name, "")?;
            if input.parent_id.is_some() {
                unset.retain(|f| *f != "parent_id");
            }
        }
        let checked = match accounts::validate(&input) {
            Ok(a) => a,
            Err(e) => return Ok(Step::Failed(e)),
        };
        let matched = match args.on_match {
            OnMatch::Create => None,
            _ => self.index.find(w, load, &lookup_keys(args.match_key(), &checked))?,
        };
        let mut keys = record_keys(&checked.emails, &checked.phones, &company_key(&checked.name));
        keys.extend(external_key(&checked.external_id));
        let (outcome, id) = match matched {
            None => {
                let id = crate::new_id();
                accounts::create_with_id(w, &id, &checked)?;
                (Outcome::Created, id)
            }
            Some(id) if args.on_match == OnMatch::Skip => (Outcome::Skipped, id),
            Some(id) => {
                let current = accounts::get(w.conn(), IdArgs { id: id.clone() })?;
                let changes = changes(&current.fields, &checked, &unset, args.on_match)?;
                if changes.is_empty() {
                    (Outcome::Skipped, id)
                } else {
                    match accounts::update(w, AccountUpdate { id: id.clone(), changes }) {
                        Ok(_) => (Outcome::Updated, id),
                        Err(e) => return Ok(Step::Failed(e)),
                    }
                }
            }
        };
        self.index.add(&id, keys);
        if outcome != Outcome::Skipped && checked.parent_id.is_none() {
            if let Some((name, column)) = parent {
                self.parents.push(Parent {
                    account_id: id,
                    name: name.clone(),
                    fill_only: args.on_match == OnMatch::Update,
                    line: row.line,
                    column: column.clone(),
                });
            }
        }
        let stored = if preview { Some(serde_json::to_value(&checked)?) } else { None };
        Ok(Step::Done(outcome, stored))
    }

    fn finish(&mut self, w: &mut Writer) -> Result<Vec<RowError>> {
        let mut warnings = Vec::new();
        for p in std::mem::take(&mut self.parents) {
            if p.fill_only && accounts::get(w.conn(), IdArgs { id: p.account_id.clone() })?.fields.parent_id.is_some() {
                continue;
            }
            let problem = match named(w, &p.name, &p.account_id)? {
                None => format!("There is no account {:?}; the parent was left empty", p.name),
                Some(parent) => {
                    let mut changes = serde_json::Map::new();
                    changes.insert("parent_id".into(), parent.into());
                    match accounts::update(w, AccountUpdate { id: p.account_id, changes }) {
                        Ok(_) => continue,
                        Err(e) if e.code == crate::ErrorCode::Validation => {
                            format!("{:?} cannot be the parent: {}", p.name, e.message)
                        }
                        Err(e) => return Err(e),
                    }
                }
            };
            warnings.push(RowError { row: p.line, column: Some(p.column), message: problem });
        }
        Ok(warnings)
    }
}
