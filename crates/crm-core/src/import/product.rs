//! Products: a row is a catalog item (a price list). Matched by code (ignoring case),
//! or by the id from the system the list comes from.

use super::keys::by_external_id;
use super::mapping::Field;
use super::{changes, values, Kind, MatchOn, OnMatch, Outcome, RowValues, Step};
use crate::error::Result;
use crate::products::{self, ProductInput, ProductUpdate};
use crate::text::fold;
use crate::write::Writer;
use crate::IdArgs;
use rusqlite::{Connection, OptionalExtension};

#[derive(Default)]
pub(super) struct Products;

/// A row's values as a product and the fields left at their defaults (never written over a product's).
fn product(row: &RowValues) -> Result<(ProductInput, Vec<&'static str>)> {
    let kind = row.read(Field::ProductKind, "kind", values::product_kind)?;
    let active = row.read(Field::Active, "active", values::yes_no)?;
    let tax_rate = row.read(Field::TaxRate, "tax_rate", values::percent)?;
    let currency = row.read(Field::Currency, "currency", values::currency)?;
    let input = ProductInput {
        code: row.text(Field::Code),
        name: row.text(Field::Name),
        kind: kind.unwrap_or_default(),
        unit: row.text(Field::Unit),
        description: row.person.notes.clone(),
        active: active.unwrap_or(true),
        tax_rate: tax_rate.unwrap_or_default(),
        default_price: row.read(Field::Price, "default_price", values::amount)?,
        currency: currency.unwrap_or_default(),
        tags: row.person.tags.clone(),
        external_id: row.person.external_id.clone(),
    };
    let given = [
        ("kind", kind.is_some()),
        ("active", active.is_some()),
        ("tax_rate", tax_rate.is_some()),
        ("currency", !input.currency.is_empty()),
    ];
    Ok((input, given.iter().filter(|(_, g)| !g).map(|(f, _)| *f).collect()))
}

/// The live product a row matches: the one with its code, or with its external id.
fn find(conn: &Connection, on: MatchOn, p: &ProductInput) -> Result<Option<String>> {
    match on {
        MatchOn::Code if p.code.trim().is_empty() => Ok(None),
        MatchOn::Code => Ok(conn
            .prepare_cached("SELECT id FROM products WHERE code_key = ?1 AND deleted_at IS NULL")?
            .query_row([fold(p.code.trim())], |r| r.get(0))
            .optional()?),
        MatchOn::ExternalId => by_external_id(conn, "products", &p.external_id),
        _ => Ok(None),
    }
}

impl Kind for Products {
    fn offered(&self) -> &'static [Field] {
        &[
            Field::Code,
            Field::Name,
            Field::ProductKind,
            Field::Unit,
            Field::Price,
            Field::Currency,
            Field::TaxRate,
            Field::Active,
            Field::Notes,
            Field::Tags,
            Field::ExternalId,
        ]
    }

    /// Headers a guess reads as another record's field: "Name" and "Наименование" are the
    /// product's name, "Typ" its kind, "VAT" its rate, "Status" whether it is active.
    fn alias(&self, field: Field) -> Option<Field> {
        match field {
            Field::FullName | Field::Company => Some(Field::Name),
            Field::AccountType => Some(Field::ProductKind),
            Field::TaxId => Some(Field::TaxRate),
            Field::Status => Some(Field::Active),
            _ => None,
        }
    }

    /// A price update needs no name column: only new products need a name (their rows say so).
    fn required(&self) -> super::Required {
        &[(&[Field::Code], "No column holds the product code: map one (e.g. \"Artikelnummer\": \"code\")")]
    }

    fn match_keys(&self) -> &'static [MatchOn] {
        &[MatchOn::Code, MatchOn::ExternalId, MatchOn::None]
    }

    fn sources(&self, field: &str) -> &'static [Field] {
        match field {
            "code" => &[Field::Code],
            "name" => &[Field::Name],
            "kind" => &[Field::ProductKind],
            "unit" => &[Field::Unit],
            "default_price" => &[Field::Price],
            "currency" => &[Field::Currency, Field::Price],
            "tax_rate" => &[Field::TaxRate],
            "active" => &[Field::Active],
            "description" => &[Field::Notes],
            "tags" => &[Field::Tags],
            "external_id" => &[Field::ExternalId],
            _ => &[],
        }
    }

    fn import(&mut self, w: &mut Writer, args: &super::ImportArgs, row: RowValues, preview: bool) -> Result<Step> {
        let (mut input, unset) = match product(&row) {
            Ok(p) => p,
            Err(e) => return Ok(Step::Failed(e)),
        };
        let matched = match args.on_match {
            OnMatch::Create => None,
            _ => find(w.conn(), args.match_key(), &input)?,
        };
        let current = matched.as_ref().map(|id| products::get(w.conn(), IdArgs { id: id.clone() })).transpose()?;
        if let Some(current) = current.as_ref().filter(|_| input.name.trim().is_empty()) {
            input.name = current.fields.name.clone();
        }
        let checked = match products::validate(w.conn(), &input) {
            Ok(p) => p,
            Err(e) => return Ok(Step::Failed(e)),
        };
        // A code another product has fails the row (codes are unique); the import goes on.
        let outcome = match matched {
            None => match products::create(w, checked.clone()) {
                Ok(_) => Outcome::Created,
                Err(e) => return Ok(Step::Failed(e)),
            },
            Some(_) if args.on_match == OnMatch::Skip => Outcome::Skipped,
            Some(id) => {
                let current = current.expect("read with the match");
                let changes = changes(&current.fields, &checked, &unset, args.on_match)?;
                if changes.is_empty() {
                    Outcome::Skipped
                } else {
                    match products::update(w, ProductUpdate { id, changes }) {
                        Ok(_) => Outcome::Updated,
                        Err(e) => return Ok(Step::Failed(e)),
                    }
                }
            }
        };
        let stored = if preview { Some(serde_json::to_value(&checked)?) } else { None };
        Ok(Step::Done(outcome, stored))
    }
}
