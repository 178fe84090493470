//! An opportunity's line items: products from a price book (or free text), their
//! totals computed by `totals` and stored with the opportunity, whose amount then
//! follows the lines' grand total.

use crate::error::{Error, Result};
use crate::line_items::{check_book, resolve, totals, LineItem, Terms};
use crate::opportunities::{self, Opportunity, OPPORTUNITY};
use crate::totals::{Discount, TaxMode, Totals};
use crate::write::{Fields, Writer};
use crate::IdArgs;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

/// Replaces an opportunity's lines: `{"id": "…", "price_book_id": "…", "lines": [{"product_id": "…", "quantity": "2"}]}`.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct LinesSet {
    pub id: String,
    /// In the opportunity's currency.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub price_book_id: Option<String>,
    #[serde(default)]
    pub tax_mode: TaxMode,
    /// An empty list removes the lines (the amount is editable again).
    pub lines: Vec<LineItem>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub discount: Option<Discount>,
    #[serde(default)]
    #[ts(type = "string")]
    pub shipping: Decimal,
    #[serde(default)]
    #[ts(type = "string")]
    pub shipping_tax_rate: Decimal,
}

/// An opportunity's lines and their totals, stored together with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LineItems {
    pub price_book_id: Option<String>,
    pub tax_mode: TaxMode,
    pub discount: Option<Discount>,
    #[ts(type = "string")]
    pub shipping: Decimal,
    #[ts(type = "string")]
    pub shipping_tax_rate: Decimal,
    pub lines: Vec<LineItem>,
    pub totals: Totals,
}

/// Replaces the lines, computes their totals and sets the amount to the grand total.
pub fn set(w: &mut Writer, args: LinesSet) -> Result<Opportunity> {
    let opportunity = opportunities::get(w.conn(), IdArgs { id: args.id.clone() })?;
    if opportunity.deleted_at.is_some() {
        return Err(Error::conflict("This opportunity was deleted; restore it before editing"));
    }
    let currency = opportunity.fields.currency;
    let book = check_book(w.conn(), args.price_book_id.as_deref(), &currency)?;
    let mut fields = Fields::new();
    if args.lines.is_empty() {
        fields.insert("line_items".into(), Value::Null);
    } else {
        let lines = resolve(w.conn(), &args.lines, book.as_deref(), &currency)?;
        let terms = Terms {
            tax_mode: args.tax_mode,
            discount: args.discount,
            shipping: args.shipping,
            shipping_tax_rate: args.shipping_tax_rate,
        };
        let totals = totals(&lines, &currency, terms)?;
        if totals.total.is_sign_negative() {
            return Err(Error::invalid("lines", "An opportunity's lines cannot add up to less than zero"));
        }
        fields.insert("amount".into(), Value::String(totals.total.to_string()));
        fields.insert("amount_key".into(), opportunities::amount_key(Some(totals.total))?);
        let items = LineItems {
            price_book_id: book,
            tax_mode: args.tax_mode,
            discount: args.discount,
            shipping: totals.shipping,
            shipping_tax_rate: args.shipping_tax_rate.normalize(),
            lines,
            totals,
        };
        fields.insert("line_items".into(), serde_json::to_value(items)?);
    }
    w.update(&OPPORTUNITY, &args.id, fields)?;
    opportunities::get(w.conn(), IdArgs { id: args.id })
}
