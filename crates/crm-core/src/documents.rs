//! What every sales document shares: links and dates checked the same way, the priced
//! body (currency, price book, lines, discount, shipping → totals), simple numbering
//! (Q-00001, SO-00001, …), status moves, and reading a stored document back.

use crate::error::{Error, Result};
use crate::line_items::{check_book, resolve, totals, LineItem, Terms};
use crate::totals::{Discount, TaxMode, Totals};
use crate::write::{Fields, RecordKind};
use chrono::NaiveDate;
use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OptionalExtension, Row};
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// A trimmed link id; empty is none.
pub fn link(value: &Option<String>) -> Option<String> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned)
}

/// Checks the customer links every document may carry.
pub fn check_party(conn: &Connection, account_id: &Option<String>, contact_id: &Option<String>) -> Result<()> {
    if let Some(id) = account_id {
        crate::write::check_live(conn, &crate::accounts::ACCOUNT, id, "account_id")?;
    }
    if let Some(id) = contact_id {
        crate::write::check_live(conn, &crate::contacts::CONTACT, id, "contact_id")?;
    }
    Ok(())
}

/// A cleaned optional address (empty is none).
pub fn address(field: &str, value: &Option<crate::fields::Address>) -> Result<Option<crate::fields::Address>> {
    match value {
        Some(a) => a.clean(field),
        None => Ok(None),
    }
}

/// Parses an ISO date, naming the field when it is not one.
pub fn date(field: &str, text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| Error::invalid(field, format!("{text:?} is not a date (YYYY-MM-DD)")))
}

/// An optional ISO date, trimmed and checked.
pub fn optional_date(field: &str, text: &Option<String>) -> Result<Option<String>> {
    link(text).map(|d| date(field, &d).map(|d| d.to_string())).transpose()
}

/// The priced body of a document, borrowed from its input so every document kind prices the same way.
pub struct Pricing<'a> {
    pub currency: &'a mut String,
    pub price_book_id: &'a mut Option<String>,
    pub lines: &'a mut Vec<LineItem>,
    pub tax_mode: TaxMode,
    pub discount: Option<Discount>,
    pub shipping: &'a mut Decimal,
    pub shipping_tax_rate: &'a mut Decimal,
}

/// Borrows the priced body of any document input that has the usual fields.
#[macro_export]
macro_rules! pricing {
    ($doc:expr) => {
        $crate::documents::Pricing {
            currency: &mut $doc.currency,
            price_book_id: &mut $doc.price_book_id,
            lines: &mut $doc.lines,
            tax_mode: $doc.tax_mode,
            discount: $doc.discount,
            shipping: &mut $doc.shipping,
            shipping_tax_rate: &mut $doc.shipping_tax_rate,
        }
    };
}

/// Completes the currency (company default), checks it and the price book, resolves the
/// lines and computes the totals; the shipping is stored rounded as the totals have it.
pub fn price(conn: &Connection, p: Pricing) -> Result<Totals> {
    *p.currency = p.currency.trim().to_uppercase();
    if p.currency.is_empty() {
        *p.currency = crate::settings::get(conn, crate::NoArgs {})?.default_currency;
    }
    if !crate::currency::is_currency(p.currency) {
        return Err(Error::invalid("currency", format!("{:?} is not an ISO 4217 currency code", p.currency)));
    }
    *p.shipping_tax_rate = p.shipping_tax_rate.normalize();
    *p.price_book_id = check_book(conn, p.price_book_id.as_deref(), p.currency)?;
    *p.lines = resolve(conn, p.lines, p.price_book_id.as_deref(), p.currency)?;
    let terms = Terms {
        tax_mode: p.tax_mode,
        discount: p.discount,
        shipping: *p.shipping,
        shipping_tax_rate: *p.shipping_tax_rate,
    };
    let totals = totals(p.lines, p.currency, terms)?;
    *p.shipping = totals.shipping;
    Ok(totals)
}

/// A document's input as row fields, with its totals and the grand total for lists.
pub fn to_fields(input: &impl Serialize, totals: &Totals) -> Result<Fields> {
    let Value::Object(mut fields) = serde_json::to_value(input)? else {
        return Err(Error::internal("a document did not serialise to an object"));
    };
    fields.insert("totals".into(), serde_json::to_value(totals)?);
    fields.insert("total".into(), Value::String(totals.total.to_string()));
    Ok(fields)
}

/// The next number of a simply numbered document (`PREFIX-00001`); a deleted one keeps its number.
pub fn next_number(conn: &Connection, kind: &RecordKind, prefix: &str) -> Result<(i64, String)> {
    let seq: i64 =
        conn.query_row(&format!("SELECT coalesce(max(seq), 0) + 1 FROM {}", kind.table), [], |r| r.get(0))?;
    Ok((seq, format!("{prefix}-{seq:05}")))
}

/// A status as stored: its serde name.
pub fn status_str(status: impl Serialize) -> String {
    serde_json::to_value(status).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

/// Refuses a status move that is not in `allowed`, naming the document.
pub fn check_move<S: Serialize + PartialEq + Copy>(what: &str, from: S, to: S, allowed: &[S]) -> Result<()> {
    if allowed.contains(&to) {
        return Ok(());
    }
    Err(Error::invalid("status", format!("{what} cannot go from {} to {}", status_str(from), status_str(to))))
}

fn column_value(kind: &RecordKind, name: &str, value: SqlValue) -> rusqlite::Result<Value> {
    Ok(match value {
        SqlValue::Text(text) if kind.json_columns.contains(&name) => serde_json::from_str(&text)
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))?,
        SqlValue::Text(text) => Value::String(text),
        SqlValue::Integer(i) => Value::from(i),
        SqlValue::Real(f) => Value::from(f),
        SqlValue::Null | SqlValue::Blob(_) => Value::Null,
    })
}

/// Reads the first `names.len()` columns of a row into `T` by column name (JSON columns parsed).
pub fn from_row<T: DeserializeOwned>(kind: &RecordKind, names: &[&str], r: &Row) -> rusqlite::Result<T> {
    let mut object = serde_json::Map::new();
    for (i, name) in names.iter().enumerate() {
        object.insert((*name).to_owned(), column_value(kind, name, r.get(i)?)?);
    }
    serde_json::from_value(Value::Object(object))
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))
}

/// One stored record of `kind`, every column read into `T` by name.
pub fn load<T: DeserializeOwned>(conn: &Connection, kind: &RecordKind, id: &str) -> Result<T> {
    let mut stmt = conn.prepare_cached(&format!("SELECT * FROM {} WHERE id = ?1", kind.table))?;
    let names: Vec<String> = stmt.column_names().map(str::to_owned).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    stmt.query_row([id], |r| from_row(kind, &names, r)).optional()?.ok_or_else(|| Error::not_found(kind.name, id))
}

/// Refuses to change a deleted record.
pub fn check_not_deleted(kind: &RecordKind, deleted_at: &Option<String>) -> Result<()> {
    match deleted_at {
        Some(_) => Err(Error::conflict(format!("This {} was deleted; restore it first", kind.name.replace('_', " ")))),
        None => Ok(()),
    }
}

/// The search document of a numbered record: its number as the title (before it has one, its other
/// text, so a draft is still found and named) and its other text.
pub fn search_document(f: &Fields, other: &[&str]) -> Vec<String> {
    let text = |k: &str| f.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
    let rest = other.iter().map(|k| text(k)).filter(|t| !t.is_empty()).collect::<Vec<_>>().join(" ");
    match text("number") {
        number if number.is_empty() => vec![rest.clone(), rest],
        number => vec![number, rest],
    }
}

/// The local calendar day of a wall-clock instant: what "today" is for the user issuing a document.
pub fn today_ms(ms: i64) -> NaiveDate {
    let utc = chrono::DateTime::<chrono::Utc>::from_timestamp_millis(ms).unwrap_or_default();
    utc.with_timezone(&chrono::Local).date_naive()
}
