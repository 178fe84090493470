//! What the import wizard offers for a kind of record (`import_fields`): the fields a
//! column can fill, their labels, which must be mapped, which several columns may fill
//! and the targets to offer for them, and the keys rows are matched by. The wizard builds
//! its choices from this, so the core stays the one place that knows each kind's fields.

use super::mapping::{ColumnTarget, Field};
use super::{ListTarget, MatchOn};
use crate::error::Result;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct ImportFieldsArgs {
    /// Contacts when null.
    #[ts(optional = nullable)]
    pub target: Option<ListTarget>,
}

/// Where the wizard lists a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FieldGroup {
    Person,
    Company,
    Product,
    Email,
    Phone,
    Address,
    More,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportField {
    pub field: Field,
    /// The English name (the app shows its own words for the field where it has them).
    pub label: String,
    pub group: FieldGroup,
    /// The file must map this field (it alone makes one of `required`).
    pub required: bool,
    /// Several columns may fill it, each its own slot (`email:2`, `phone:mobile`).
    pub several: bool,
    /// The targets to offer: `field` and, for fields of several values, `field:slot`.
    pub targets: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportFields {
    pub target: ListTarget,
    pub fields: Vec<ImportField>,
    /// Each list needs one of its fields mapped, else the import stops with the message.
    pub required: Vec<RequiredFields>,
    /// What rows may be matched by, the default first.
    pub match_keys: Vec<MatchOn>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RequiredFields {
    pub fields: Vec<Field>,
    pub message: String,
}

/// A field in English, as the wizard shows it when it has no words of its own.
fn label(field: Field, target: ListTarget) -> &'static str {
    match field {
        Field::Ignore => "Don't import",
        Field::FirstName => "First name",
        Field::MiddleName => "Middle name",
        Field::LastName => "Last name",
        Field::FullName => "Full name",
        Field::Salutation => "Salutation",
        Field::Title => "Job title",
        Field::Department => "Department",
        Field::Company if target == ListTarget::Account => "Account name",
        Field::Company => "Company",
        Field::Email => "Email",
        Field::EmailLabel => "Email label",
        Field::Phone => "Phone",
        Field::PhoneLabel => "Phone label",
        Field::Street => "Street",
        Field::AddressLabel => "Address label",
        Field::City => "City",
        Field::Region => "Region",
        Field::PostalCode => "Postal code",
        Field::Country => "Country",
        Field::Birthday => "Birthday",
        Field::Notes if target == ListTarget::Contact => "Notes",
        Field::Notes => "Description",
        Field::LeadSource => "Lead source",
        Field::Tags => "Tags",
        Field::Industry => "Industry",
        Field::Website => "Website",
        Field::AccountType => "Account type",
        Field::Rating => "Rating",
        Field::TaxId => "Tax ID",
        Field::AnnualRevenue => "Annual revenue",
        Field::Employees => "Employees",
        Field::Status => "Status",
        Field::ParentAccount => "Parent account",
        Field::ExternalId => "External ID",
        Field::Name => "Name",
        Field::Code => "Code",
        Field::ProductKind => "Product or service",
        Field::Unit => "Unit",
        Field::Price => "Price",
        Field::TaxRate => "Tax rate (%)",
        Field::Currency => "Currency",
        Field::Active => "Active",
    }
}

fn group(field: Field, target: ListTarget) -> FieldGroup {
    match field {
        Field::Email | Field::EmailLabel => FieldGroup::Email,
        Field::Phone | Field::PhoneLabel => FieldGroup::Phone,
        Field::Street | Field::AddressLabel | Field::City | Field::Region | Field::PostalCode | Field::Country => {
            FieldGroup::Address
        }
        Field::Company
        | Field::Industry
        | Field::Website
        | Field::AccountType
        | Field::Rating
        | Field::TaxId
        | Field::AnnualRevenue
        | Field::Employees
        | Field::ParentAccount => FieldGroup::Company,
        f if f.of_product() => FieldGroup::Product,
        Field::Notes | Field::Tags if target == ListTarget::Product => FieldGroup::Product,
        Field::Notes | Field::Tags | Field::LeadSource | Field::Status | Field::ExternalId | Field::Ignore => {
            FieldGroup::More
        }
        _ => FieldGroup::Person,
    }
}

/// The fields of a kind of record, as the wizard offers them.
pub fn describe(_conn: &Connection, args: ImportFieldsArgs) -> Result<ImportFields> {
    Ok(of(args.target.unwrap_or_default()))
}

/// The fields of a kind of record (what `describe` returns).
pub fn of(target: ListTarget) -> ImportFields {
    let kind = target.kind();
    let required = kind.required();
    let fields = kind
        .offered()
        .iter()
        .map(|&field| ImportField {
            field,
            label: label(field, target).to_owned(),
            group: group(field, target),
            required: required.iter().any(|(fields, _)| fields == &[field]),
            several: field.several(),
            targets: kind
                .slots(field)
                .iter()
                .map(|slot| ColumnTarget { field, slot: (*slot).to_owned() }.to_text())
                .collect(),
        })
        .collect();
    ImportFields {
        target,
        fields,
        required: required
            .iter()
            .map(|(fields, message)| RequiredFields { fields: fields.to_vec(), message: (*message).to_owned() })
            .collect(),
        match_keys: kind.match_keys().to_vec(),
    }
}
