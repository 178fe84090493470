//! Service acts (certificates of completed work) drawn up from an issued invoice: its lines and
//! totals as they stand, numbered ACT-00001….

use crate::documents::{self, link};
use crate::error::{Error, Result};
use crate::fields::check_len;
use crate::invoices;
use crate::line_items::LineItem;
use crate::list::{keyset_page, KeysetQuery, ListFilters, Page, SortColumn};
use crate::totals::Totals;
use crate::write::{Fields, RecordKind, SearchSpec, Writer};
use crate::IdArgs;
use rusqlite::Connection;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

pub static ACT: RecordKind = RecordKind {
    name: "service_act",
    table: "service_acts",
    json_columns: &["lines", "totals"],
    derived: &["totals", "total"],
    tagged: false,
    search: Some(SearchSpec {
        table: "service_acts_fts",
        columns: &["number", "other"],
        source: &["number", "note"],
        document: |f| documents::search_document(f, &["note"]),
    }),
};

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct ActCreate {
    pub invoice_id: String,
    /// ISO date the work was accepted; empty is today.
    pub date: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ServiceAct {
    pub id: String,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
    pub owner_id: Option<String>,
    /// ACT-00001, ACT-00002, …
    pub number: String,
    pub invoice_id: String,
    pub date: String,
    pub currency: String,
    pub lines: Vec<LineItem>,
    pub totals: Totals,
    pub note: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct ActListQuery {
    pub desc: bool,
    pub after: Option<String>,
    pub limit: u32,
    pub q: String,
    /// Only the acts of this invoice.
    #[ts(optional = nullable)]
    pub invoice_id: Option<String>,
    #[serde(flatten)]
    #[ts(flatten)]
    pub filters: ListFilters,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ActRow {
    pub id: String,
    pub number: String,
    pub invoice_id: String,
    pub date: String,
    pub currency: String,
    #[ts(type = "string")]
    pub total: Decimal,
}

pub fn get(conn: &Connection, args: IdArgs) -> Result<ServiceAct> {
    documents::load(conn, &ACT, &args.id)
}

/// Draws up an act for an issued invoice.
pub fn create(w: &mut Writer, args: ActCreate) -> Result<ServiceAct> {
    let invoice = invoices::live(w.conn(), args.invoice_id.trim()).map_err(|e| e.with_field("invoice_id"))?;
    if !invoice.status.is_open() {
        return Err(Error::invalid(
            "invoice_id",
            format!("The invoice is {}; acts are drawn up for issued invoices", documents::status_str(invoice.status)),
        ));
    }
    let note = args.note.trim_end().to_owned();
    check_len("note", &note, 2000)?;
    let date = match args.date.trim() {
        "" => w.today(),
        d => documents::date("date", d)?,
    };
    let (seq, number) = documents::next_number(w.conn(), &ACT, "ACT")?;
    let mut fields = Fields::new();
    fields.insert("seq".into(), Value::from(seq));
    fields.insert("number".into(), Value::String(number));
    fields.insert("invoice_id".into(), Value::String(invoice.id));
    fields.insert("date".into(), Value::String(date.to_string()));
    fields.insert("currency".into(), Value::String(invoice.fields.currency));
    fields.insert("lines".into(), serde_json::to_value(&invoice.fields.lines)?);
    fields.insert("totals".into(), serde_json::to_value(&invoice.totals)?);
    fields.insert("total".into(), Value::String(invoice.totals.total.to_string()));
    fields.insert("note".into(), Value::String(note));
    fields.insert("owner_id".into(), Value::String(w.actor_id().to_owned()));
    let id = crate::new_id();
    w.insert(&ACT, &id, fields)?;
    get(w.conn(), IdArgs { id })
}

/// Deletes an act (it keeps its number and can be restored).
pub fn delete(w: &mut Writer, args: IdArgs) -> Result<ServiceAct> {
    w.delete(&ACT, &args.id)?;
    get(w.conn(), args)
}

pub fn restore(w: &mut Writer, args: IdArgs) -> Result<ServiceAct> {
    w.restore(&ACT, &args.id)?;
    get(w.conn(), args)
}

const ROW_COLUMNS: &[&str] = &["id", "number", "invoice_id", "date", "currency", "total"];

pub fn list(conn: &Connection, query: ActListQuery) -> Result<Page<ActRow>> {
    let invoice = link(&query.invoice_id);
    let page = keyset_page(
        conn,
        KeysetQuery {
            kind: &ACT,
            columns: &ROW_COLUMNS.join(", "),
            sort: SortColumn::text("number"),
            desc: query.desc,
            after: query.after.as_deref(),
            limit: if query.limit == 0 { 100 } else { query.limit },
            q: &query.q,
            start_at: None,
            equals: invoice.as_deref().map(|i| ("invoice_id", i)),
            tag: None,
            filters: &query.filters,
            filterable: &["invoice_id", "date", "currency"],
        },
        |r| documents::from_row(&ACT, ROW_COLUMNS, r),
    )?;
    Ok(page)
}
