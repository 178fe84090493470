//! Waybills (delivery notes): which lines of a confirmed order were delivered and how many,
//! numbered WB-00001…. Never more than was ordered across an order's waybills; the waybill
//! that delivers the rest marks the order delivered unless asked not to.

use crate::documents::{self, link};
use crate::error::{Error, Result};
use crate::fields::check_len;
use crate::list::{keyset_page, KeysetQuery, ListFilters, Page, SortColumn};
use crate::orders::{self, OrderStatus, ORDER};
use crate::write::{Fields, RecordKind, SearchSpec, Writer};
use crate::IdArgs;
use rusqlite::Connection;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

pub static WAYBILL: RecordKind = RecordKind {
    name: "waybill",
    table: "waybills",
    json_columns: &["lines"],
    derived: &[],
    tagged: false,
    search: Some(SearchSpec {
        table: "waybills_fts",
        columns: &["number", "other"],
        source: &["number", "note"],
        document: |f| documents::search_document(f, &["note"]),
    }),
};

/// A delivered quantity of one order line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct WaybillLine {
    /// The order line's position (0-based).
    pub line: u32,
    #[ts(type = "string")]
    pub quantity: Decimal,
    /// Copied from the order line.
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub unit: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct WaybillCreate {
    pub order_id: String,
    /// ISO date; empty is today.
    pub date: String,
    /// Empty delivers everything not yet delivered.
    pub lines: Vec<WaybillLine>,
    pub note: String,
    /// Leave the order confirmed even when this delivers the rest.
    pub keep_order_open: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Waybill {
    pub id: String,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
    pub owner_id: Option<String>,
    /// WB-00001, WB-00002, …
    pub number: String,
    pub order_id: String,
    pub date: String,
    pub lines: Vec<WaybillLine>,
    pub note: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct WaybillListQuery {
    pub desc: bool,
    pub after: Option<String>,
    pub limit: u32,
    pub q: String,
    /// Only the waybills of this order.
    #[ts(optional = nullable)]
    pub order_id: Option<String>,
    #[serde(flatten)]
    #[ts(flatten)]
    pub filters: ListFilters,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WaybillRow {
    pub id: String,
    pub number: String,
    pub order_id: String,
    pub date: String,
}

/// What is still to deliver of one order line.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Outstanding {
    pub line: u32,
    pub description: String,
    #[ts(type = "string")]
    pub ordered: Decimal,
    #[ts(type = "string")]
    pub delivered: Decimal,
    /// Ordered less delivered, never below zero.
    #[ts(type = "string")]
    pub remaining: Decimal,
}

pub fn get(conn: &Connection, args: IdArgs) -> Result<Waybill> {
    documents::load(conn, &WAYBILL, &args.id)
}

/// Each order line with the quantity its live waybills delivered.
pub fn outstanding(conn: &Connection, args: IdArgs) -> Result<Vec<Outstanding>> {
    let order = orders::get(conn, args)?;
    let mut out: Vec<Outstanding> = order
        .fields
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| Outstanding {
            line: i as u32,
            description: l.description.clone(),
            ordered: l.quantity,
            delivered: Decimal::ZERO,
            remaining: l.quantity,
        })
        .collect();
    let mut stmt = conn.prepare_cached("SELECT lines FROM waybills WHERE order_id = ?1 AND deleted_at IS NULL")?;
    for lines in stmt.query_map([&order.id], |r| r.get::<_, String>(0))? {
        for l in serde_json::from_str::<Vec<WaybillLine>>(&lines?)? {
            if let Some(o) = out.get_mut(l.line as usize) {
                o.delivered += l.quantity;
                o.remaining = (o.ordered - o.delivered).max(Decimal::ZERO).normalize();
            }
        }
    }
    Ok(out)
}

/// Records a delivery of a confirmed order.
pub fn create(w: &mut Writer, args: WaybillCreate) -> Result<Waybill> {
    let order = orders::live(w.conn(), args.order_id.trim()).map_err(|e| e.with_field("order_id"))?;
    if order.status != OrderStatus::Confirmed {
        return Err(Error::invalid(
            "order_id",
            format!(
                "Order {} is {}; deliveries are of confirmed orders",
                order.number,
                documents::status_str(order.status)
            ),
        ));
    }
    let note = args.note.trim_end().to_owned();
    check_len("note", &note, 2000)?;
    let date = match args.date.trim() {
        "" => w.today(),
        d => documents::date("date", d)?,
    };
    let mut open = outstanding(w.conn(), IdArgs { id: order.id.clone() })?;
    let asked = if args.lines.is_empty() {
        open.iter()
            .filter(|o| o.ordered > o.delivered)
            .map(|o| WaybillLine {
                line: o.line,
                quantity: o.ordered - o.delivered,
                description: String::new(),
                unit: String::new(),
            })
            .collect()
    } else {
        args.lines
    };
    if asked.is_empty() {
        return Err(Error::invalid("lines", format!("Everything of order {} is delivered", order.number)));
    }
    let mut lines = Vec::with_capacity(asked.len());
    for (i, l) in asked.into_iter().enumerate() {
        let field = |f: &str| format!("lines[{i}].{f}");
        let Some(o) = open.get_mut(l.line as usize) else {
            return Err(Error::invalid(&field("line"), format!("Order {} has no line {}", order.number, l.line)));
        };
        if l.quantity <= Decimal::ZERO {
            return Err(Error::invalid(&field("quantity"), "A delivered quantity is above zero"));
        }
        if o.delivered + l.quantity > o.ordered {
            return Err(Error::invalid(
                &field("quantity"),
                format!("{} of {} is left to deliver of {:?}", o.ordered - o.delivered, o.ordered, o.description),
            ));
        }
        o.delivered += l.quantity;
        let source = &order.fields.lines[l.line as usize];
        lines.push(WaybillLine { description: source.description.clone(), unit: source.unit.clone(), ..l });
    }
    let (seq, number) = documents::next_number(w.conn(), &WAYBILL, "WB")?;
    let mut fields = Fields::new();
    fields.insert("seq".into(), Value::from(seq));
    fields.insert("number".into(), Value::String(number));
    fields.insert("order_id".into(), Value::String(order.id.clone()));
    fields.insert("date".into(), Value::String(date.to_string()));
    fields.insert("lines".into(), serde_json::to_value(&lines)?);
    fields.insert("note".into(), Value::String(note));
    fields.insert("owner_id".into(), Value::String(w.actor_id().to_owned()));
    let id = crate::new_id();
    w.insert(&WAYBILL, &id, fields)?;
    if !args.keep_order_open && open.iter().all(|o| o.delivered >= o.ordered) {
        let mut status = Fields::new();
        status.insert("status".into(), Value::String(documents::status_str(OrderStatus::Delivered)));
        w.update(&ORDER, &order.id, status)?;
    }
    get(w.conn(), IdArgs { id })
}

/// Deletes a waybill of an order still being delivered.
pub fn delete(w: &mut Writer, args: IdArgs) -> Result<Waybill> {
    let waybill = get(w.conn(), IdArgs { id: args.id.clone() })?;
    let order = orders::get(w.conn(), IdArgs { id: waybill.order_id })?;
    if order.status != OrderStatus::Confirmed {
        return Err(Error::conflict(format!(
            "Order {} is {}; its waybills stay on record",
            order.number,
            documents::status_str(order.status)
        )));
    }
    w.delete(&WAYBILL, &args.id)?;
    get(w.conn(), args)
}

/// Restores a waybill; refused when it would deliver more than was ordered.
pub fn restore(w: &mut Writer, args: IdArgs) -> Result<Waybill> {
    w.restore(&WAYBILL, &args.id)?;
    let waybill = get(w.conn(), args)?;
    if outstanding(w.conn(), IdArgs { id: waybill.order_id.clone() })?.iter().any(|o| o.delivered > o.ordered) {
        return Err(Error::conflict("Restoring this waybill would deliver more than was ordered"));
    }
    Ok(waybill)
}

const ROW_COLUMNS: &[&str] = &["id", "number", "order_id", "date"];

pub fn list(conn: &Connection, query: WaybillListQuery) -> Result<Page<WaybillRow>> {
    let order = link(&query.order_id);
    let page = keyset_page(
        conn,
        KeysetQuery {
            kind: &WAYBILL,
            columns: &ROW_COLUMNS.join(", "),
            sort: SortColumn::text("number"),
            desc: query.desc,
            after: query.after.as_deref(),
            limit: if query.limit == 0 { 100 } else { query.limit },
            q: &query.q,
            start_at: None,
            equals: order.as_deref().map(|o| ("order_id", o)),
            tag: None,
            filters: &query.filters,
            filterable: &["order_id", "date"],
        },
        |r| documents::from_row(&WAYBILL, ROW_COLUMNS, r),
    )?;
    Ok(page)
}
