//! Versions of a quote: a sent, rejected or expired quote is revised into a new draft with the same
//! number and the next version (lines and terms copied); the earlier versions stay as they were,
//! superseded, and two versions are compared field by field, line by line and in their totals.

use crate::documents::{self, to_fields};
use crate::error::{Error, Result};
use crate::line_items::LineItem;
use crate::quotes::{self, Quote, QuoteStatus, QUOTE};
use crate::totals::{Discount, Totals};
use crate::write::Writer;
use crate::IdArgs;
use rusqlite::{Connection, OptionalExtension};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

/// One version of a quote, as the versions list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct QuoteVersion {
    pub id: String,
    pub number: String,
    pub version: u32,
    pub status: QuoteStatus,
    pub updated_at: String,
    pub currency: String,
    #[ts(type = "string")]
    pub total: Decimal,
    /// A later version exists: this one is kept as it was.
    pub superseded: bool,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct QuoteCompareArgs {
    pub from: String,
    pub to: String,
}

/// A header field that differs, with its values as stored (decimals as text).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct QuoteFieldChange {
    pub field: String,
    #[ts(type = "unknown")]
    pub before: Value,
    #[ts(type = "unknown")]
    pub after: Value,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum QuoteLineChangeKind {
    Added,
    Removed,
    Changed,
}

/// A line added, removed or changed: its values before and after (none on the missing side).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct QuoteLineChange {
    pub kind: QuoteLineChangeKind,
    pub description: String,
    pub product_code: String,
    pub before: Option<LineItem>,
    pub after: Option<LineItem>,
    /// The line's fields that differ (quantity, unit_price, discount, tax_rate, unit, description).
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct QuoteComparison {
    pub from: QuoteVersion,
    pub to: QuoteVersion,
    pub fields: Vec<QuoteFieldChange>,
    pub lines: Vec<QuoteLineChange>,
    pub totals_before: Totals,
    pub totals_after: Totals,
}

/// The first version's id: what all versions of a quote point at.
fn root(quote: &Quote) -> &str {
    quote.revision_of.as_deref().unwrap_or(&quote.id)
}

/// The id of the latest live version after this one, if any.
fn later_version(conn: &Connection, quote: &Quote) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT id FROM quotes WHERE (id = ?1 OR revision_of = ?1) AND version > ?2 AND deleted_at IS NULL
             ORDER BY version DESC LIMIT 1",
            (root(quote), quote.version),
            |r| r.get(0),
        )
        .optional()?)
}

/// Refuses to move a quote that a later version replaced.
pub fn check_current(conn: &Connection, quote: &Quote) -> Result<()> {
    match later_version(conn, quote)? {
        Some(_) => Err(Error::conflict(format!(
            "Quote {} version {} was replaced by a later version; it stays as it was",
            quote.number, quote.version
        ))),
        None => Ok(()),
    }
}

/// Makes the next version of a sent, rejected or expired quote: a draft with the same number, its
/// fields and lines copied and its totals computed again.
pub fn revise(w: &mut Writer, args: IdArgs) -> Result<Quote> {
    let current = quotes::get(w.conn(), args)?;
    documents::check_not_deleted(&QUOTE, &current.deleted_at)?;
    if !matches!(current.status, QuoteStatus::Sent | QuoteStatus::Rejected | QuoteStatus::Expired) {
        return Err(Error::conflict(format!(
            "Quote {} is {}; only a sent, rejected or expired quote gets a new version",
            current.number,
            current.status.as_str()
        )));
    }
    check_current(w.conn(), &current)?;
    let root = root(&current).to_owned();
    let (seq, version): (i64, u32) = w.conn().query_row(
        "SELECT max(seq), max(version) + 1 FROM quotes WHERE id = ?1 OR revision_of = ?1",
        [&root],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let (q, totals) = quotes::validate(w.conn(), &current.fields)?;
    let mut fields = to_fields(&q, &totals)?;
    fields.insert("seq".into(), Value::from(seq));
    fields.insert("number".into(), Value::String(current.number.clone()));
    fields.insert("version".into(), Value::from(version));
    fields.insert("revision_of".into(), Value::String(root));
    fields.insert("status".into(), Value::String(QuoteStatus::Draft.as_str().into()));
    fields.insert("owner_id".into(), Value::String(w.actor_id().to_owned()));
    let id = crate::new_id();
    w.insert(&QUOTE, &id, fields)?;
    quotes::get(w.conn(), IdArgs { id })
}

/// Every version of the quote (live ones), the first first.
pub fn versions(conn: &Connection, args: IdArgs) -> Result<Vec<QuoteVersion>> {
    let quote = quotes::get(conn, args)?;
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM quotes WHERE (id = ?1 OR revision_of = ?1) AND deleted_at IS NULL ORDER BY version",
    )?;
    let ids = stmt.query_map([root(&quote)], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    let all = ids.into_iter().map(|id| quotes::get(conn, IdArgs { id })).collect::<Result<Vec<_>>>()?;
    let latest = all.iter().map(|q| q.version).max().unwrap_or(0);
    Ok(all.iter().map(|q| summary(q, q.version < latest)).collect())
}

fn summary(q: &Quote, superseded: bool) -> QuoteVersion {
    QuoteVersion {
        id: q.id.clone(),
        number: q.number.clone(),
        version: q.version,
        status: q.status,
        updated_at: q.updated_at.clone(),
        currency: q.fields.currency.clone(),
        total: q.totals.total,
        superseded,
    }
}

/// The differences from one quote (usually an earlier version) to another.
pub fn compare(conn: &Connection, args: QuoteCompareArgs) -> Result<QuoteComparison> {
    let from = quotes::get(conn, IdArgs { id: args.from })?;
    let to = quotes::get(conn, IdArgs { id: args.to })?;
    let superseded = |q: &Quote| later_version(conn, q).map(|later| later.is_some());
    Ok(QuoteComparison {
        fields: field_changes(&from, &to)?,
        lines: line_changes(&from.fields.lines, &to.fields.lines),
        from: summary(&from, superseded(&from)?),
        to: summary(&to, superseded(&to)?),
        totals_before: from.totals,
        totals_after: to.totals,
    })
}

/// The header fields that differ (everything but the lines, compared on their own).
fn field_changes(from: &Quote, to: &Quote) -> Result<Vec<QuoteFieldChange>> {
    let (Value::Object(before), Value::Object(mut after)) =
        (serde_json::to_value(&from.fields)?, serde_json::to_value(&to.fields)?)
    else {
        return Err(Error::internal("a quote did not serialise to an object"));
    };
    let mut changes: Vec<QuoteFieldChange> = before
        .into_iter()
        .filter(|(field, _)| field != "lines")
        .filter_map(|(field, before)| {
            let after = after.remove(&field).unwrap_or(Value::Null);
            (!same(&before, &after)).then_some(QuoteFieldChange { field, before, after })
        })
        .collect();
    changes.sort_by(|a, b| a.field.cmp(&b.field));
    Ok(changes)
}

/// Equal values; decimals compare by value ("10.0" is "10").
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(x), Value::String(y)) => match (x.parse::<Decimal>(), y.parse::<Decimal>()) {
            (Ok(x), Ok(y)) => x == y,
            _ => x == y,
        },
        _ => a == b,
    }
}

/// What pairs a line with its counterpart: its product, or the text of a free-text line.
fn line_key(line: &LineItem) -> String {
    match &line.product_id {
        Some(id) => format!("p:{id}"),
        None => format!("t:{}", line.description.trim().to_lowercase()),
    }
}

/// Lines paired in order by product (or free text): unpaired ones were added or removed.
fn line_changes(before: &[LineItem], after: &[LineItem]) -> Vec<QuoteLineChange> {
    let mut unpaired: Vec<Option<&LineItem>> = before.iter().map(Some).collect();
    let mut changes = Vec::new();
    for new in after {
        let key = line_key(new);
        let found = unpaired.iter_mut().find(|slot| slot.is_some_and(|old| line_key(old) == key));
        match found.and_then(Option::take) {
            Some(old) => {
                let fields = changed_fields(old, new);
                if !fields.is_empty() {
                    changes.push(line_change(QuoteLineChangeKind::Changed, Some(old), Some(new), fields));
                }
            }
            None => changes.push(line_change(QuoteLineChangeKind::Added, None, Some(new), Vec::new())),
        }
    }
    for old in unpaired.into_iter().flatten() {
        changes.push(line_change(QuoteLineChangeKind::Removed, Some(old), None, Vec::new()));
    }
    changes
}

fn line_change(
    kind: QuoteLineChangeKind,
    before: Option<&LineItem>,
    after: Option<&LineItem>,
    fields: Vec<String>,
) -> QuoteLineChange {
    let shown = after.or(before).expect("a line on one side at least");
    QuoteLineChange {
        kind,
        description: shown.description.clone(),
        product_code: shown.product_code.clone(),
        before: before.cloned(),
        after: after.cloned(),
        fields,
    }
}

fn changed_fields(a: &LineItem, b: &LineItem) -> Vec<String> {
    let discount = |d: &Option<Discount>| serde_json::to_value(d).unwrap_or(Value::Null);
    let decimal = |d: Option<Decimal>| d.map(|d| d.normalize());
    [
        ("quantity", a.quantity.normalize() != b.quantity.normalize()),
        ("unit_price", decimal(a.unit_price) != decimal(b.unit_price)),
        ("discount", !same_discount(&discount(&a.discount), &discount(&b.discount))),
        ("tax_rate", decimal(a.tax_rate) != decimal(b.tax_rate)),
        ("unit", a.unit != b.unit),
        ("description", a.description != b.description),
    ]
    .into_iter()
    .filter(|(_, differs)| *differs)
    .map(|(field, _)| field.to_owned())
    .collect()
}

fn same_discount(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}
