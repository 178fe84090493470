//! Credit notes: negative lines against an issued invoice, in the invoice's currency and tax
//! mode. Numbered from their own series when issued; an issued credit note reduces the
//! invoice's balance (and may settle it).

use crate::documents::{self, link, status_str, to_fields};
use crate::error::{Error, Result};
use crate::fields::check_len;
use crate::invoices;
use crate::line_items::LineItem;
use crate::list::{keyset_page, KeysetQuery, ListFilters, Page, SortColumn};
use crate::numbering::{self, Series};
use crate::totals::{TaxMode, Totals};
use crate::write::{Fields, RecordKind, SearchSpec, Writer};
use crate::{pricing, IdArgs};
use rusqlite::Connection;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

pub static CREDIT_NOTE: RecordKind = RecordKind {
    name: "credit_note",
    table: "credit_notes",
    json_columns: &["lines", "totals"],
    derived: &["totals", "total"],
    tagged: false,
    search: Some(SearchSpec {
        table: "credit_notes_fts",
        columns: &["number", "other"],
        source: &["number", "reason"],
        document: |f| documents::search_document(f, &["reason"]),
    }),
};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CreditNoteStatus {
    #[default]
    Draft,
    Issued,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct CreditNoteInput {
    /// The issued invoice credited.
    pub invoice_id: String,
    pub reason: String,
    /// Negative quantities (a product line takes the product's default price unless one is given).
    pub lines: Vec<LineItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CreditNote {
    pub id: String,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
    pub owner_id: Option<String>,
    /// Given when issued, from the credit note pattern.
    pub number: Option<String>,
    pub status: CreditNoteStatus,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: CreditNoteInput,
    pub issue_date: Option<String>,
    /// The invoice's.
    pub currency: String,
    pub tax_mode: TaxMode,
    /// Negative.
    pub totals: Totals,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct CreditNoteListQuery {
    pub desc: bool,
    pub after: Option<String>,
    pub limit: u32,
    pub q: String,
    /// Only the credit notes of this invoice.
    #[ts(optional = nullable)]
    pub invoice_id: Option<String>,
    #[serde(flatten)]
    #[ts(flatten)]
    pub filters: ListFilters,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CreditNoteRow {
    pub id: String,
    pub number: Option<String>,
    pub status: CreditNoteStatus,
    pub invoice_id: String,
    pub reason: String,
    pub currency: String,
    #[ts(type = "string")]
    pub total: Decimal,
}

pub fn get(conn: &Connection, args: IdArgs) -> Result<CreditNote> {
    documents::load(conn, &CREDIT_NOTE, &args.id)
}

/// Creates a draft credit note for an issued invoice.
pub fn create(w: &mut Writer, input: CreditNoteInput) -> Result<CreditNote> {
    let invoice = invoices::live(w.conn(), input.invoice_id.trim()).map_err(|e| e.with_field("invoice_id"))?;
    if !invoice.status.is_open() {
        return Err(Error::invalid(
            "invoice_id",
            format!("The invoice is {}; credit notes are for issued invoices", status_str(invoice.status)),
        ));
    }
    let reason = input.reason.trim().to_owned();
    check_len("reason", &reason, 2000)?;
    if input.lines.is_empty() {
        return Err(Error::invalid("lines", "A credit note needs lines"));
    }
    if let Some(i) = input.lines.iter().position(|l| l.quantity >= Decimal::ZERO) {
        return Err(Error::invalid(&format!("lines[{i}].quantity"), "A credit note's lines have negative quantities"));
    }
    let mut body = Body {
        currency: invoice.fields.currency.clone(),
        price_book_id: None,
        lines: input.lines,
        tax_mode: invoice.fields.tax_mode,
        discount: None,
        shipping: Decimal::ZERO,
        shipping_tax_rate: Decimal::ZERO,
    };
    let totals = documents::price(w.conn(), pricing!(body))?;
    let note = CreditNoteInput { invoice_id: invoice.id, reason, lines: body.lines };
    let mut fields = to_fields(&note, &totals)?;
    fields.insert("status".into(), Value::String(status_str(CreditNoteStatus::Draft)));
    fields.insert("currency".into(), Value::String(body.currency));
    fields.insert("tax_mode".into(), serde_json::to_value(body.tax_mode)?);
    fields.insert("owner_id".into(), Value::String(w.actor_id().to_owned()));
    let id = crate::new_id();
    w.insert(&CREDIT_NOTE, &id, fields)?;
    get(w.conn(), IdArgs { id })
}

/// What `documents::price` needs of a credit note: no price book, discount or shipping.
struct Body {
    currency: String,
    price_book_id: Option<String>,
    lines: Vec<LineItem>,
    tax_mode: TaxMode,
    discount: Option<crate::totals::Discount>,
    shipping: Decimal,
    shipping_tax_rate: Decimal,
}

/// Issues a draft credit note: its number from the credit note series, and the invoice's balance reduced
/// (refused when it would credit more than the invoice's balance).
pub fn issue(w: &mut Writer, args: invoices::InvoiceIssue) -> Result<CreditNote> {
    let note = get(w.conn(), IdArgs { id: args.id.clone() })?;
    documents::check_not_deleted(&CREDIT_NOTE, &note.deleted_at)?;
    if note.status != CreditNoteStatus::Draft {
        return Err(Error::invalid("status", "The credit note is issued already"));
    }
    let invoice = invoices::live(w.conn(), &note.fields.invoice_id)?;
    if !invoice.status.is_open() {
        return Err(Error::invalid("invoice_id", format!("The invoice is {}", status_str(invoice.status))));
    }
    let date = match link(&args.date) {
        Some(d) => documents::date("date", &d)?,
        None => w.today(),
    };
    let number = numbering::take(w, Series::CreditNote, date)?;
    let mut fields = Fields::new();
    fields.insert("number".into(), Value::String(number));
    fields.insert("status".into(), Value::String(status_str(CreditNoteStatus::Issued)));
    fields.insert("issue_date".into(), Value::String(date.to_string()));
    w.update(&CREDIT_NOTE, &args.id, fields)?;
    invoices::settle(w, &invoice.id).map_err(|e| e.with_field("lines"))?;
    get(w.conn(), IdArgs { id: args.id })
}

/// Deletes a draft credit note (an issued one stays on record).
pub fn delete(w: &mut Writer, args: IdArgs) -> Result<CreditNote> {
    let note = get(w.conn(), IdArgs { id: args.id.clone() })?;
    if note.status != CreditNoteStatus::Draft {
        return Err(Error::conflict("An issued credit note cannot be deleted"));
    }
    w.delete(&CREDIT_NOTE, &args.id)?;
    get(w.conn(), args)
}

pub fn restore(w: &mut Writer, args: IdArgs) -> Result<CreditNote> {
    w.restore(&CREDIT_NOTE, &args.id)?;
    get(w.conn(), args)
}

const ROW_COLUMNS: &[&str] = &["id", "number", "status", "invoice_id", "reason", "currency", "total"];

pub fn list(conn: &Connection, query: CreditNoteListQuery) -> Result<Page<CreditNoteRow>> {
    let invoice = link(&query.invoice_id);
    let page = keyset_page(
        conn,
        KeysetQuery {
            kind: &CREDIT_NOTE,
            columns: &ROW_COLUMNS.join(", "),
            sort: SortColumn::text("created_at"),
            desc: query.desc,
            after: query.after.as_deref(),
            limit: if query.limit == 0 { 100 } else { query.limit },
            q: &query.q,
            start_at: None,
            equals: invoice.as_deref().map(|i| ("invoice_id", i)),
            tag: None,
            filters: &query.filters,
            filterable: &["invoice_id", "currency", "number", "status"],
        },
        |r| documents::from_row(&CREDIT_NOTE, ROW_COLUMNS, r),
    )?;
    Ok(page)
}
