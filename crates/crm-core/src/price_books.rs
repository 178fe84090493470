//! Price books: named price lists in one currency, their entries (a product's
//! unit price in the book), and the price a new document line takes.

use crate::error::{Error, Result};
use crate::fields::{check_len, trimmed, MAX_TEXT};
use crate::list::{keyset_page, KeysetQuery, Page, SortColumn};
use crate::patch::apply_patch;
use crate::products::{check_price, decimal, PRODUCT};
use crate::text::fold;
use crate::write::{check_live, Fields, RecordKind, Writer};
use crate::IdArgs;
use rusqlite::{Connection, OptionalExtension, Row};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

pub static PRICE_BOOK: RecordKind = RecordKind {
    name: "price_book",
    table: "price_books",
    json_columns: &[],
    derived: &["sort_name"],
    tagged: false,
    search: None,
};

pub static PRICE_BOOK_ENTRY: RecordKind = RecordKind {
    name: "price_book_entry",
    table: "price_book_entries",
    json_columns: &[],
    derived: &[],
    tagged: false,
    search: None,
};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct PriceBookInput {
    pub name: String,
    /// ISO 4217 of every price in the book; empty takes the company's default currency.
    pub currency: String,
    /// Inactive books are kept but offer no prices.
    pub active: bool,
    /// The book new documents in its currency start from; setting it clears the previous default.
    pub is_default: bool,
    pub description: String,
}

impl Default for PriceBookInput {
    fn default() -> Self {
        PriceBookInput {
            name: String::new(),
            currency: String::new(),
            active: true,
            is_default: false,
            description: String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PriceBook {
    pub id: String,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
    pub owner_id: Option<String>,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: PriceBookInput,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PriceBookUpdate {
    pub id: String,
    #[ts(type = "Partial<PriceBookInput>")]
    pub changes: serde_json::Map<String, Value>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct PriceBookListQuery {
    pub desc: bool,
    pub after: Option<String>,
    pub limit: u32,
    /// Only active (true) or inactive (false) books.
    #[ts(optional = nullable)]
    pub active: Option<bool>,
    /// Owner and field conditions (name, currency).
    #[serde(flatten)]
    #[ts(flatten)]
    pub filters: crate::list::ListFilters,
}

/// Sets a product's unit price in a price book (replacing the one there).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct EntrySet {
    pub price_book_id: String,
    pub product_id: String,
    /// Decimal text in the book's currency.
    #[ts(type = "string")]
    pub unit_price: Decimal,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct EntryKey {
    pub price_book_id: String,
    pub product_id: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct EntryListQuery {
    pub price_book_id: String,
}

/// A price book entry with its product, for the book's price list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct EntryRow {
    pub id: String,
    pub price_book_id: String,
    pub product_id: String,
    pub product_code: String,
    pub product_name: String,
    pub unit: String,
    #[ts(type = "string")]
    pub unit_price: Decimal,
    /// False when the product was deleted or made inactive: the price stays but is not offered.
    pub available: bool,
}

/// Which price a new line takes: `{"product_id": "…", "price_book_id": "…"|null}`.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PriceQuery {
    pub product_id: String,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub price_book_id: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PriceSource {
    PriceBook,
    DefaultPrice,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Price {
    pub product_id: String,
    pub price_book_id: Option<String>,
    #[ts(type = "string")]
    pub unit_price: Decimal,
    pub currency: String,
    /// The product's tax rate, for the line.
    #[ts(type = "string")]
    pub tax_rate: Decimal,
    pub source: PriceSource,
}

pub fn validate(conn: &Connection, input: &PriceBookInput) -> Result<PriceBookInput> {
    let mut b = PriceBookInput {
        name: trimmed(&input.name),
        currency: input.currency.trim().to_uppercase(),
        active: input.active,
        is_default: input.is_default,
        description: input.description.trim_end().to_owned(),
    };
    if b.name.is_empty() {
        return Err(Error::invalid("name", "Price book name is required"));
    }
    check_len("name", &b.name, MAX_TEXT)?;
    check_len("description", &b.description, 20_000)?;
    if b.currency.is_empty() {
        b.currency = crate::settings::get(conn, crate::NoArgs {})?.default_currency;
    }
    if !crate::currency::is_currency(&b.currency) {
        return Err(Error::invalid("currency", format!("{:?} is not an ISO 4217 currency code", b.currency)));
    }
    if b.is_default && !b.active {
        return Err(Error::invalid("is_default", "An inactive price book cannot be the default"));
    }
    Ok(b)
}

fn to_fields(b: &PriceBookInput) -> Result<Fields> {
    let Value::Object(mut fields) = serde_json::to_value(b)? else {
        return Err(Error::internal("price book did not serialise to an object"));
    };
    fields.insert("sort_name".into(), Value::String(fold(&b.name)));
    Ok(fields)
}

/// The book becomes the only default of its currency: the previous default gives it up.
fn clear_other_defaults(w: &mut Writer, id: &str, currency: &str) -> Result<()> {
    let others: Vec<String> = w
        .conn()
        .prepare_cached(
            "SELECT id FROM price_books WHERE is_default = 1 AND currency = ?1 AND id != ?2 AND deleted_at IS NULL",
        )?
        .query_map((currency, id), |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for other in others {
        let mut fields = Fields::new();
        fields.insert("is_default".into(), Value::Bool(false));
        w.update(&PRICE_BOOK, &other, fields)?;
    }
    Ok(())
}

const COLUMNS: &str =
    "id, created_at, updated_at, deleted_at, owner_id, name, currency, active, is_default, description";

fn from_row(r: &Row) -> rusqlite::Result<PriceBook> {
    Ok(PriceBook {
        id: r.get(0)?,
        created_at: r.get(1)?,
        updated_at: r.get(2)?,
        deleted_at: r.get(3)?,
        owner_id: r.get(4)?,
        fields: PriceBookInput {
            name: r.get(5)?,
            currency: r.get(6)?,
            active: r.get(7)?,
            is_default: r.get(8)?,
            description: r.get(9)?,
        },
    })
}

pub fn get(conn: &Connection, args: IdArgs) -> Result<PriceBook> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM price_books WHERE id = ?1"))?
        .query_row([&args.id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("price book", &args.id))
}

pub fn create(w: &mut Writer, input: PriceBookInput) -> Result<PriceBook> {
    let b = validate(w.conn(), &input)?;
    let id = crate::new_id();
    if b.is_default {
        clear_other_defaults(w, &id, &b.currency)?;
    }
    let mut fields = to_fields(&b)?;
    fields.insert("owner_id".into(), Value::String(w.actor_id().to_owned()));
    w.insert(&PRICE_BOOK, &id, fields)?;
    get(w.conn(), IdArgs { id })
}

/// Changes a book. Its currency is fixed once it has prices (they are amounts in that currency).
pub fn update(w: &mut Writer, args: PriceBookUpdate) -> Result<PriceBook> {
    let current = get(w.conn(), IdArgs { id: args.id.clone() })?;
    if current.deleted_at.is_some() {
        return Err(Error::conflict("This price book was deleted"));
    }
    let next = validate(w.conn(), &apply_patch(&current.fields, args.changes)?)?;
    if next.currency != current.fields.currency && entry_count(w.conn(), &args.id)? > 0 {
        return Err(Error::invalid("currency", "The book has prices in its currency; create a new book instead"));
    }
    if next.is_default {
        clear_other_defaults(w, &args.id, &next.currency)?;
    }
    w.update(&PRICE_BOOK, &args.id, to_fields(&next)?)?;
    get(w.conn(), IdArgs { id: args.id })
}

fn entry_count(conn: &Connection, book: &str) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT count(*) FROM price_book_entries WHERE price_book_id = ?1 AND deleted_at IS NULL")?
        .query_row([book], |r| r.get(0))?)
}

/// Deletes a book; its entries stay with it (documents keep the prices they copied).
pub fn delete(w: &mut Writer, args: IdArgs) -> Result<PriceBook> {
    w.delete(&PRICE_BOOK, &args.id)?;
    get(w.conn(), args)
}

pub fn list(conn: &Connection, query: PriceBookListQuery) -> Result<Page<PriceBook>> {
    let active = query.active.map(|a| if a { "1" } else { "0" });
    let page = keyset_page(
        conn,
        KeysetQuery {
            kind: &PRICE_BOOK,
            columns: COLUMNS,
            sort: SortColumn::text("sort_name"),
            desc: query.desc,
            after: query.after.as_deref(),
            limit: if query.limit == 0 { 100 } else { query.limit },
            q: "",
            start_at: None,
            equals: active.map(|a| ("active", a)),
            tag: None,
            filters: &query.filters,
            filterable: &["name", "currency"],
        },
        from_row,
    )?;
    Ok(page)
}

/// The live entry of a product in a book: (id, unit price).
fn entry(conn: &Connection, book: &str, product: &str) -> Result<Option<(String, Decimal)>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, unit_price FROM price_book_entries
             WHERE price_book_id = ?1 AND product_id = ?2 AND deleted_at IS NULL",
        )?
        .query_row((book, product), |r| Ok((r.get(0)?, decimal(r, 1)?)))
        .optional()?)
}

fn entry_row(conn: &Connection, id: &str) -> Result<EntryRow> {
    entry_rows(conn, "e.id = ?1", id)?.pop().ok_or_else(|| Error::not_found("price book entry", id))
}

fn entry_rows(conn: &Connection, filter: &str, value: &str) -> Result<Vec<EntryRow>> {
    let sql = format!(
        "SELECT e.id, e.price_book_id, e.product_id, p.code, p.name, p.unit, e.unit_price,
                p.deleted_at IS NULL AND p.active
         FROM price_book_entries e JOIN products p ON p.id = e.product_id
         WHERE {filter} AND e.deleted_at IS NULL ORDER BY p.sort_name, p.id"
    );
    let rows = conn
        .prepare_cached(&sql)?
        .query_map([value], |r| {
            Ok(EntryRow {
                id: r.get(0)?,
                price_book_id: r.get(1)?,
                product_id: r.get(2)?,
                product_code: r.get(3)?,
                product_name: r.get(4)?,
                unit: r.get(5)?,
                unit_price: decimal(r, 6)?,
                available: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub fn entry_set(w: &mut Writer, args: EntrySet) -> Result<EntryRow> {
    check_live(w.conn(), &PRICE_BOOK, &args.price_book_id, "price_book_id")?;
    check_live(w.conn(), &PRODUCT, &args.product_id, "product_id")?;
    let unit_price = check_price("unit_price", args.unit_price)?;
    let mut fields = Fields::new();
    fields.insert("unit_price".into(), Value::String(unit_price.to_string()));
    let id = match entry(w.conn(), &args.price_book_id, &args.product_id)? {
        Some((id, _)) => {
            w.update(&PRICE_BOOK_ENTRY, &id, fields)?;
            id
        }
        None => {
            let id = crate::new_id();
            fields.insert("price_book_id".into(), Value::String(args.price_book_id));
            fields.insert("product_id".into(), Value::String(args.product_id));
            w.insert(&PRICE_BOOK_ENTRY, &id, fields)?;
            id
        }
    };
    entry_row(w.conn(), &id)
}

pub fn entry_remove(w: &mut Writer, args: EntryKey) -> Result<()> {
    let Some((id, _)) = entry(w.conn(), &args.price_book_id, &args.product_id)? else {
        return Err(Error::new(crate::ErrorCode::NotFound, "That product has no price in that price book"));
    };
    w.delete(&PRICE_BOOK_ENTRY, &id)
}

/// A book's prices by product name; entries of deleted or inactive products show as unavailable.
pub fn entries(conn: &Connection, args: EntryListQuery) -> Result<Vec<EntryRow>> {
    get(conn, IdArgs { id: args.price_book_id.clone() })?;
    entry_rows(conn, "e.price_book_id = ?1", &args.price_book_id)
}

/// The unit price a new line of a product takes: the book's entry, else the product's
/// default price when it is in the book's currency; without a book, the default price.
pub fn price_for(conn: &Connection, args: PriceQuery) -> Result<Price> {
    check_live(conn, &PRODUCT, &args.product_id, "product_id")?;
    let product = crate::products::get(conn, IdArgs { id: args.product_id.clone() })?.fields;
    if !product.active {
        return Err(Error::invalid("product_id", format!("{} is inactive and not offered on new lines", product.name)));
    }
    let price = |unit_price, currency, source| Price {
        product_id: args.product_id.clone(),
        price_book_id: args.price_book_id.clone(),
        unit_price,
        currency,
        tax_rate: product.tax_rate,
        source,
    };
    let Some(book_id) = &args.price_book_id else {
        return match product.default_price {
            Some(p) => Ok(price(p, product.currency.clone(), PriceSource::DefaultPrice)),
            None => {
                Err(Error::invalid("product_id", format!("{} has no default price; choose a price book", product.name)))
            }
        };
    };
    check_live(conn, &PRICE_BOOK, book_id, "price_book_id")?;
    let book = get(conn, IdArgs { id: book_id.clone() })?.fields;
    if !book.active {
        return Err(Error::invalid("price_book_id", format!("The price book {} is inactive", book.name)));
    }
    if let Some((_, unit_price)) = entry(conn, book_id, &args.product_id)? {
        return Ok(price(unit_price, book.currency, PriceSource::PriceBook));
    }
    match product.default_price {
        Some(p) if product.currency == book.currency => Ok(price(p, book.currency, PriceSource::DefaultPrice)),
        Some(_) => Err(Error::invalid(
            "product_id",
            format!(
                "{} has no price in {} and its default price is in {}, not {}",
                product.name, book.name, product.currency, book.currency
            ),
        )),
        None => Err(Error::invalid(
            "product_id",
            format!("{} has no price in {} and no default price", product.name, book.name),
        )),
    }
}
