//! Line items of opportunities and documents: a product from a price book or free
//! text. Resolving a line fills in its price, tax rate, description, code and unit;
//! the money is left to `totals`.

use crate::error::{Error, Result};
use crate::fields::check_len;
use crate::price_books::{self, PriceQuery, PRICE_BOOK};
use crate::products::{self, PRODUCT};
use crate::totals::{self, Discount, LineInput, TaxMode, Totals, TotalsInput};
use crate::write::check_live;
use crate::IdArgs;
use rusqlite::Connection;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A line as entered and, once resolved, as stored (every optional value filled in).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct LineItem {
    /// A catalog product; null for a free-text line.
    pub product_id: Option<String>,
    /// Copied from the product (a given value is replaced).
    pub product_code: String,
    /// Empty takes the product's name; required on a free-text line.
    pub description: String,
    /// Empty takes the product's unit.
    pub unit: String,
    /// Negative for a credit line.
    #[ts(type = "string")]
    pub quantity: Decimal,
    /// Null takes the price from the price book (or the product's default price).
    #[ts(type = "string | null")]
    pub unit_price: Option<Decimal>,
    pub discount: Option<Discount>,
    /// Null takes the product's tax rate (0 on a free-text line).
    #[ts(type = "string | null")]
    pub tax_rate: Option<Decimal>,
}

/// Checks the chosen price book: live, active and in the document's currency.
pub fn check_book(conn: &Connection, book: Option<&str>, currency: &str) -> Result<Option<String>> {
    let Some(id) = book.map(str::trim).filter(|b| !b.is_empty()) else { return Ok(None) };
    check_live(conn, &PRICE_BOOK, id, "price_book_id")?;
    let b = price_books::get(conn, IdArgs { id: id.to_owned() })?.fields;
    if !b.active {
        return Err(Error::invalid("price_book_id", format!("The price book {} is inactive", b.name)));
    }
    if b.currency != currency {
        return Err(Error::invalid(
            "price_book_id",
            format!("The price book {} is in {}, the document in {currency}", b.name, b.currency),
        ));
    }
    Ok(Some(id.to_owned()))
}

/// Fills in each line from its product and the price book; errors name `lines[i].field`.
pub fn resolve(conn: &Connection, lines: &[LineItem], book: Option<&str>, currency: &str) -> Result<Vec<LineItem>> {
    lines.iter().enumerate().map(|(i, line)| resolve_line(conn, i, line, book, currency)).collect()
}

fn resolve_line(conn: &Connection, i: usize, input: &LineItem, book: Option<&str>, currency: &str) -> Result<LineItem> {
    let field = |name: &str| format!("lines[{i}].{name}");
    let product_id = input.product_id.as_deref().map(str::trim).filter(|p| !p.is_empty());
    let mut line = LineItem {
        product_id: product_id.map(str::to_owned),
        description: input.description.trim().to_owned(),
        unit: input.unit.trim().to_owned(),
        ..input.clone()
    };
    match product_id {
        Some(id) => {
            check_live(conn, &PRODUCT, id, &field("product_id"))?;
            let p = products::get(conn, IdArgs { id: id.to_owned() })?.fields;
            if line.unit_price.is_none() {
                let query = PriceQuery { product_id: id.to_owned(), price_book_id: book.map(str::to_owned) };
                let found = price_books::price_for(conn, query).map_err(|e| e.with_field(&field("product_id")))?;
                if found.currency != currency {
                    return Err(Error::invalid(
                        &field("product_id"),
                        format!("{}'s price is in {}, the document in {currency}", p.name, found.currency),
                    ));
                }
                line.unit_price = Some(found.unit_price);
            }
            line.product_code = p.code;
            line.tax_rate = line.tax_rate.or(Some(p.tax_rate));
            if line.description.is_empty() {
                line.description = p.name;
            }
            if line.unit.is_empty() {
                line.unit = p.unit;
            }
        }
        None => {
            if line.unit_price.is_none() {
                return Err(Error::invalid(&field("unit_price"), "A line without a product needs a unit price"));
            }
            if line.description.is_empty() {
                return Err(Error::invalid(&field("description"), "A line without a product needs a description"));
            }
            line.product_code = String::new();
            line.tax_rate = line.tax_rate.or(Some(Decimal::ZERO));
        }
    }
    check_len(&field("description"), &line.description, 2000)?;
    check_len(&field("unit"), &line.unit, 20)?;
    Ok(line)
}

/// How a document's totals are asked for, besides its lines.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Terms {
    pub tax_mode: TaxMode,
    pub discount: Option<Discount>,
    pub shipping: Decimal,
    pub shipping_tax_rate: Decimal,
}

/// The totals of resolved lines.
pub fn totals(lines: &[LineItem], currency: &str, terms: Terms) -> Result<Totals> {
    totals::compute(&TotalsInput {
        currency: currency.to_owned(),
        tax_mode: terms.tax_mode,
        lines: lines
            .iter()
            .map(|l| LineInput {
                quantity: l.quantity,
                unit_price: l.unit_price.unwrap_or_default(),
                discount: l.discount,
                tax_rate: l.tax_rate.unwrap_or_default(),
            })
            .collect(),
        discount: terms.discount,
        shipping: terms.shipping,
        shipping_tax_rate: terms.shipping_tax_rate,
    })
}
