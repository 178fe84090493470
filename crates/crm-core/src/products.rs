//! Products and services of the catalog: code, name, unit, tax rate, default price.

use crate::error::{Error, Result};
use crate::fields::{check_len, clean_tags, external_id, trimmed, Doc, MAX_TEXT};
use crate::list::{keyset_page, KeysetQuery, Page, SortColumn};
use crate::patch::apply_patch;
use crate::text::{digits, fold};
use crate::totals::{check_rate, check_value, MAX_DECIMALS};
use crate::write::{Fields, RecordKind, SearchSpec, Writer};
use crate::IdArgs;
use rusqlite::{Connection, OptionalExtension, Row};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

pub static PRODUCT: RecordKind = RecordKind {
    name: "product",
    table: "products",
    json_columns: &["tags"],
    derived: &["sort_name", "code_key"],
    tagged: true,
    search: Some(SearchSpec {
        table: "products_fts",
        columns: &["name", "code", "other"],
        source: &["name", "code", "unit", "description"],
        document: |f| {
            let d = Doc(f);
            // The code's digits alone too, so "1001-7" finds "SKU-1001-7" the way phone numbers are found.
            vec![d.text("name"), [d.text("code"), digits(&d.text("code"))].join(" "), d.text("description")]
        },
    }),
};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProductKind {
    #[default]
    Product,
    Service,
}

/// The editable fields of a product. Missing fields take their default (active, no tax).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct ProductInput {
    /// Unique among live products, ignoring case.
    pub code: String,
    pub name: String,
    pub kind: ProductKind,
    /// "pcs", "h", "kg", …
    pub unit: String,
    pub description: String,
    /// Inactive products stay on existing documents but are not offered for new lines.
    pub active: bool,
    /// A fraction from 0 to 1 ("0.19" is 19 %).
    #[ts(type = "string")]
    pub tax_rate: Decimal,
    /// Decimal text in `currency`; null when the product has only price book prices.
    #[ts(type = "string | null")]
    pub default_price: Option<Decimal>,
    /// ISO 4217 of the default price; empty takes the company's default currency.
    pub currency: String,
    pub tags: Vec<String>,
    /// The record's id in the system it was imported from ("" for none); imports match by it.
    #[ts(as = "Option<String>", optional)]
    pub external_id: String,
}

impl Default for ProductInput {
    fn default() -> Self {
        ProductInput {
            code: String::new(),
            name: String::new(),
            kind: ProductKind::Product,
            unit: String::new(),
            description: String::new(),
            active: true,
            tax_rate: Decimal::ZERO,
            default_price: None,
            currency: String::new(),
            tags: Vec::new(),
            external_id: String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Product {
    pub id: String,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
    pub owner_id: Option<String>,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: ProductInput,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ProductUpdate {
    pub id: String,
    #[ts(type = "Partial<ProductInput>")]
    pub changes: serde_json::Map<String, Value>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProductSort {
    #[default]
    Name,
    Code,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct ProductListQuery {
    pub sort: ProductSort,
    pub desc: bool,
    pub after: Option<String>,
    pub limit: u32,
    /// Quick filter on name, code and description.
    pub q: String,
    /// Only active (true) or inactive (false) products.
    #[ts(optional = nullable)]
    pub active: Option<bool>,
    #[ts(optional = nullable)]
    pub tag: Option<String>,
    /// Owner and field conditions (code, name, kind, unit, currency, tax_rate).
    #[serde(flatten)]
    #[ts(flatten)]
    pub filters: crate::list::ListFilters,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ProductRow {
    pub id: String,
    pub code: String,
    pub name: String,
    pub kind: ProductKind,
    pub unit: String,
    pub active: bool,
    #[ts(type = "string")]
    pub tax_rate: Decimal,
    #[ts(type = "string | null")]
    pub default_price: Option<Decimal>,
    pub currency: String,
}

/// Validates and normalises input (the code's uniqueness is checked on write).
pub fn validate(conn: &Connection, input: &ProductInput) -> Result<ProductInput> {
    let mut p = ProductInput {
        code: trimmed(&input.code),
        name: trimmed(&input.name),
        kind: input.kind,
        unit: trimmed(&input.unit),
        description: input.description.trim_end().to_owned(),
        active: input.active,
        tax_rate: input.tax_rate.normalize(),
        default_price: input.default_price,
        currency: input.currency.trim().to_uppercase(),
        tags: clean_tags(&input.tags)?,
        external_id: external_id(&input.external_id)?,
    };
    if p.code.is_empty() {
        return Err(Error::invalid("code", "Product code is required"));
    }
    check_len("code", &p.code, 50)?;
    if p.name.is_empty() {
        return Err(Error::invalid("name", "Product name is required"));
    }
    check_len("name", &p.name, MAX_TEXT)?;
    check_len("unit", &p.unit, 20)?;
    check_len("description", &p.description, 20_000)?;
    check_rate("tax_rate", p.tax_rate)?;
    if p.currency.is_empty() {
        p.currency = crate::settings::get(conn, crate::NoArgs {})?.default_currency;
    }
    if !crate::currency::is_currency(&p.currency) {
        return Err(Error::invalid("currency", format!("{:?} is not an ISO 4217 currency code", p.currency)));
    }
    p.default_price = p.default_price.map(|price| check_price("default_price", price)).transpose()?;
    Ok(p)
}

/// A unit price: not negative, at most six decimals (kept as given: 0.125 stays 0.125).
pub(crate) fn check_price(field: &str, price: Decimal) -> Result<Decimal> {
    if price.is_sign_negative() && !price.is_zero() {
        return Err(Error::invalid(field, "A price cannot be negative"));
    }
    check_value(field, price, MAX_DECIMALS)?;
    Ok(price)
}

/// Refuses a code another live product has (ignoring case).
fn check_code(conn: &Connection, code: &str, except: Option<&str>) -> Result<()> {
    let other: Option<String> = conn
        .prepare_cached("SELECT id FROM products WHERE code_key = ?1 AND deleted_at IS NULL AND id IS NOT ?2")?
        .query_row((fold(code), except), |r| r.get(0))
        .optional()?;
    match other {
        Some(_) => Err(Error::invalid("code", format!("Another product already has the code {code:?}"))),
        None => Ok(()),
    }
}

fn to_fields(p: &ProductInput) -> Result<Fields> {
    let Value::Object(mut fields) = serde_json::to_value(p)? else {
        return Err(Error::internal("product did not serialise to an object"));
    };
    fields.insert("sort_name".into(), Value::String(fold(&p.name)));
    fields.insert("code_key".into(), Value::String(fold(&p.code)));
    Ok(fields)
}

const SELECT: &str = "SELECT id, created_at, updated_at, deleted_at, owner_id, code, name, kind, unit, description,
    active, tax_rate, default_price, currency, tags, external_id FROM products";

/// A decimal column (stored as text).
pub(crate) fn decimal(r: &Row, i: usize) -> rusqlite::Result<Decimal> {
    let text: String = r.get(i)?;
    text.parse().map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
}

fn optional_decimal(r: &Row, i: usize) -> rusqlite::Result<Option<Decimal>> {
    match r.get::<_, Option<String>>(i)? {
        Some(_) => decimal(r, i).map(Some),
        None => Ok(None),
    }
}

fn kind(r: &Row, i: usize) -> rusqlite::Result<ProductKind> {
    let text: String = r.get(i)?;
    serde_json::from_value(Value::String(text))
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
}

fn from_row(r: &Row) -> rusqlite::Result<Product> {
    Ok(Product {
        id: r.get(0)?,
        created_at: r.get(1)?,
        updated_at: r.get(2)?,
        deleted_at: r.get(3)?,
        owner_id: r.get(4)?,
        fields: ProductInput {
            code: r.get(5)?,
            name: r.get(6)?,
            kind: kind(r, 7)?,
            unit: r.get(8)?,
            description: r.get(9)?,
            active: r.get(10)?,
            tax_rate: decimal(r, 11)?,
            default_price: optional_decimal(r, 12)?,
            currency: r.get(13)?,
            tags: serde_json::from_str(&r.get::<_, String>(14)?)
                .map_err(|e| rusqlite::Error::FromSqlConversionFailure(14, rusqlite::types::Type::Text, Box::new(e)))?,
            external_id: r.get(15)?,
        },
    })
}

pub fn get(conn: &Connection, args: IdArgs) -> Result<Product> {
    conn.prepare_cached(&format!("{SELECT} WHERE id = ?1"))?
        .query_row([&args.id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("product", &args.id))
}

pub fn create(w: &mut Writer, input: ProductInput) -> Result<Product> {
    let p = validate(w.conn(), &input)?;
    check_code(w.conn(), &p.code, None)?;
    let id = crate::new_id();
    let mut fields = to_fields(&p)?;
    fields.insert("owner_id".into(), Value::String(w.actor_id().to_owned()));
    w.insert(&PRODUCT, &id, fields)?;
    get(w.conn(), IdArgs { id })
}

pub fn update(w: &mut Writer, args: ProductUpdate) -> Result<Product> {
    let current = get(w.conn(), IdArgs { id: args.id.clone() })?;
    if current.deleted_at.is_some() {
        return Err(Error::conflict("This product was deleted; restore it before editing"));
    }
    let next = validate(w.conn(), &apply_patch(&current.fields, args.changes)?)?;
    check_code(w.conn(), &next.code, Some(&args.id))?;
    w.update(&PRODUCT, &args.id, to_fields(&next)?)?;
    get(w.conn(), IdArgs { id: args.id })
}

/// Deletes a product. Its price book entries stay (listed as unavailable) and come back with it.
pub fn delete(w: &mut Writer, args: IdArgs) -> Result<Product> {
    w.delete(&PRODUCT, &args.id)?;
    get(w.conn(), args)
}

/// Restores a deleted product, unless another live product took its code meanwhile.
pub fn restore(w: &mut Writer, args: IdArgs) -> Result<Product> {
    let product = get(w.conn(), args.clone())?;
    if product.deleted_at.is_some() && check_code(w.conn(), &product.fields.code, Some(&args.id)).is_err() {
        return Err(Error::conflict(format!(
            "Another product now has the code {:?}; change its code before restoring this one",
            product.fields.code
        )));
    }
    w.restore(&PRODUCT, &args.id)?;
    get(w.conn(), args)
}

pub fn list(conn: &Connection, query: ProductListQuery) -> Result<Page<ProductRow>> {
    let active = query.active.map(|a| if a { "1" } else { "0" });
    let page = keyset_page(
        conn,
        KeysetQuery {
            kind: &PRODUCT,
            columns: "id, code, name, kind, unit, active, tax_rate, default_price, currency",
            sort: SortColumn::text(match query.sort {
                ProductSort::Name => "sort_name",
                ProductSort::Code => "code_key",
            }),
            desc: query.desc,
            after: query.after.as_deref(),
            limit: if query.limit == 0 { 100 } else { query.limit },
            q: &query.q,
            start_at: None,
            equals: active.map(|a| ("active", a)),
            tag: query.tag.as_deref(),
            filters: &query.filters,
            filterable: &["code", "name", "kind", "unit", "currency", "tax_rate"],
        },
        |r| {
            Ok(ProductRow {
                id: r.get(0)?,
                code: r.get(1)?,
                name: r.get(2)?,
                kind: kind(r, 3)?,
                unit: r.get(4)?,
                active: r.get(5)?,
                tax_rate: decimal(r, 6)?,
                default_price: optional_decimal(r, 7)?,
                currency: r.get(8)?,
            })
        },
    )?;
    Ok(page)
}
