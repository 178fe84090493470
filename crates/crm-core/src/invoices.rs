//! Invoices: from an order or a quote (lines copied, source kept) or from scratch.
//! draft → issued → partly_paid → paid, or void. The number comes from the invoice series
//! when the invoice is issued (see `numbering`); from then on its lines and totals never
//! change. Paid, credited and balance follow from payments and credit notes (`settle`);
//! overdue is derived from the due date, never stored.

use crate::documents::{self, link, status_str, to_fields};
use crate::error::{Error, ErrorCode, Result};
use crate::fields::{check_len, clean_tags, trimmed, Address, MAX_TEXT};
use crate::line_items::LineItem;
use crate::list::{keyset_page, KeysetQuery, ListFilters, Page, SortColumn};
use crate::numbering::{self, Series};
use crate::orders::{self, OrderStatus};
use crate::patch::apply_patch;
use crate::quotes::{self, QuoteStatus};
use crate::totals::{Discount, TaxMode, Totals};
use crate::write::{check_live, Fields, RecordKind, SearchSpec, Writer};
use crate::{pricing, IdArgs, NoArgs};
use chrono::NaiveDate;
use rusqlite::Connection;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

pub static INVOICE: RecordKind = RecordKind {
    name: "invoice",
    table: "invoices",
    json_columns: &["discount", "billing_address", "shipping_address", "lines", "totals", "tags"],
    derived: &["totals", "total", "balance"],
    tagged: true,
    search: Some(SearchSpec {
        table: "invoices_fts",
        columns: &["number", "other"],
        source: &["number", "subject"],
        document: |f| documents::search_document(f, &["subject"]),
    }),
};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum InvoiceStatus {
    #[default]
    Draft,
    Issued,
    PartlyPaid,
    Paid,
    Void,
}

impl InvoiceStatus {
    /// Issued and not void: counts towards what the customer owes.
    pub fn is_open(self) -> bool {
        matches!(self, InvoiceStatus::Issued | InvoiceStatus::PartlyPaid | InvoiceStatus::Paid)
    }
}

/// The editable fields of an invoice (of a draft; an issued invoice takes only tag changes).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct InvoiceInput {
    pub subject: String,
    pub account_id: Option<String>,
    pub contact_id: Option<String>,
    /// The order it was made from.
    pub order_id: Option<String>,
    /// The quote it was made from (directly or through its order).
    pub quote_id: Option<String>,
    pub currency: String,
    pub price_book_id: Option<String>,
    pub tax_mode: TaxMode,
    pub discount: Option<Discount>,
    #[ts(type = "string")]
    pub shipping: Decimal,
    #[ts(type = "string")]
    pub shipping_tax_rate: Decimal,
    pub billing_address: Option<Address>,
    pub shipping_address: Option<Address>,
    pub terms: String,
    /// Days from issue to due date; null takes the document settings' days.
    pub payment_terms_days: Option<u32>,
    pub lines: Vec<LineItem>,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Invoice {
    pub id: String,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
    pub owner_id: Option<String>,
    /// Given when issued, from the invoice pattern; null on a draft.
    pub number: Option<String>,
    pub status: InvoiceStatus,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: InvoiceInput,
    pub issue_date: Option<String>,
    pub due_date: Option<String>,
    pub totals: Totals,
    /// Issued credit notes (a positive amount).
    #[ts(type = "string")]
    pub credited: Decimal,
    /// Payments allocated.
    #[ts(type = "string")]
    pub paid: Decimal,
    /// total − credited − paid.
    #[ts(type = "string")]
    pub balance: Decimal,
    /// Past its due date with a balance left (derived, not stored).
    #[serde(default)]
    pub overdue: bool,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct InvoiceUpdate {
    pub id: String,
    #[ts(type = "Partial<InvoiceInput>")]
    pub changes: serde_json::Map<String, Value>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct InvoiceIssue {
    pub id: String,
    /// ISO date of issue; null is today.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub date: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct FromOrder {
    pub order_id: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct InvoiceListQuery {
    /// Newest first when true.
    pub desc: bool,
    pub after: Option<String>,
    pub limit: u32,
    /// Quick filter on number and subject.
    pub q: String,
    #[ts(optional = nullable)]
    pub status: Option<InvoiceStatus>,
    #[ts(optional = nullable)]
    pub tag: Option<String>,
    /// Owner and field conditions (account_id, order_id, quote_id, currency, due_date, number).
    #[serde(flatten)]
    #[ts(flatten)]
    pub filters: ListFilters,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct OverdueQuery {
    /// ISO date to judge by; null is today.
    #[ts(optional = nullable)]
    pub today: Option<String>,
    #[ts(optional = nullable)]
    pub account_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct InvoiceRow {
    pub id: String,
    pub number: Option<String>,
    pub subject: String,
    pub status: InvoiceStatus,
    pub account_id: Option<String>,
    pub due_date: Option<String>,
    pub currency: String,
    #[ts(type = "string")]
    pub total: Decimal,
    #[ts(type = "string")]
    pub balance: Decimal,
    #[serde(default)]
    pub overdue: bool,
}

/// Past due with something left to pay, judged on `today`.
pub fn is_overdue(status: InvoiceStatus, due_date: Option<&str>, today: NaiveDate) -> bool {
    matches!(status, InvoiceStatus::Issued | InvoiceStatus::PartlyPaid)
        && due_date.and_then(|d| documents::date("due_date", d).ok()).is_some_and(|due| due < today)
}

fn today() -> NaiveDate {
    documents::today_ms(crate::time::now_ms())
}

pub fn validate(conn: &Connection, input: &InvoiceInput) -> Result<(InvoiceInput, Totals)> {
    let mut i = InvoiceInput {
        subject: trimmed(&input.subject),
        account_id: link(&input.account_id),
        contact_id: link(&input.contact_id),
        order_id: link(&input.order_id),
        quote_id: link(&input.quote_id),
        terms: input.terms.trim_end().to_owned(),
        tags: clean_tags(&input.tags)?,
        billing_address: documents::address("billing_address", &input.billing_address)?,
        shipping_address: documents::address("shipping_address", &input.shipping_address)?,
        ..input.clone()
    };
    if i.subject.is_empty() {
        return Err(Error::invalid("subject", "An invoice needs a subject"));
    }
    check_len("subject", &i.subject, MAX_TEXT)?;
    check_len("terms", &i.terms, 20_000)?;
    documents::check_party(conn, &i.account_id, &i.contact_id)?;
    if let Some(id) = &i.order_id {
        check_live(conn, &orders::ORDER, id, "order_id")?;
    }
    if let Some(id) = &i.quote_id {
        check_live(conn, &quotes::QUOTE, id, "quote_id")?;
    }
    if i.payment_terms_days.is_some_and(|d| d > 3650) {
        return Err(Error::invalid("payment_terms_days", "Payment terms are longer than ten years"));
    }
    let totals = documents::price(conn, pricing!(i))?;
    Ok((i, totals))
}

pub fn get(conn: &Connection, args: IdArgs) -> Result<Invoice> {
    let mut invoice: Invoice = documents::load(conn, &INVOICE, &args.id)?;
    invoice.overdue = is_overdue(invoice.status, invoice.due_date.as_deref(), today());
    Ok(invoice)
}

/// Creates a draft invoice (no number until it is issued).
pub fn create(w: &mut Writer, input: InvoiceInput) -> Result<Invoice> {
    let (i, totals) = validate(w.conn(), &input)?;
    let mut fields = to_fields(&i, &totals)?;
    fields.insert("status".into(), Value::String(status_str(InvoiceStatus::Draft)));
    unpaid(&mut fields, &totals, &i.currency);
    fields.insert("owner_id".into(), Value::String(w.actor_id().to_owned()));
    let id = crate::new_id();
    w.insert(&INVOICE, &id, fields)?;
    get(w.conn(), IdArgs { id })
}

/// A draft invoice from a confirmed or delivered order: its customer and lines, the order (and its quote) kept.
pub fn from_order(w: &mut Writer, args: FromOrder) -> Result<Invoice> {
    let order = orders::live(w.conn(), &args.order_id).map_err(|e| e.with_field("order_id"))?;
    if !matches!(order.status, OrderStatus::Confirmed | OrderStatus::Delivered) {
        return Err(Error::invalid(
            "order_id",
            format!(
                "Order {} is {}; an invoice is made from a confirmed order",
                order.number,
                status_str(order.status)
            ),
        ));
    }
    let o = order.fields;
    create(
        w,
        InvoiceInput {
            subject: o.subject,
            account_id: o.account_id,
            contact_id: o.contact_id,
            order_id: Some(order.id),
            quote_id: o.quote_id,
            currency: o.currency,
            price_book_id: o.price_book_id,
            tax_mode: o.tax_mode,
            discount: o.discount,
            shipping: o.shipping,
            shipping_tax_rate: o.shipping_tax_rate,
            billing_address: o.billing_address,
            shipping_address: o.shipping_address,
            terms: o.terms,
            payment_terms_days: None,
            lines: o.lines,
            tags: o.tags,
        },
    )
}

/// A draft invoice straight from an accepted quote.
pub fn from_quote(w: &mut Writer, args: orders::FromQuote) -> Result<Invoice> {
    let quote = quotes::get(w.conn(), IdArgs { id: args.quote_id.clone() }).map_err(|e| e.with_field("quote_id"))?;
    documents::check_not_deleted(&quotes::QUOTE, &quote.deleted_at)?;
    if quote.status != QuoteStatus::Accepted {
        return Err(Error::invalid(
            "quote_id",
            format!(
                "Quote {} is {}; an invoice is made from an accepted quote",
                quote.number,
                status_str(quote.status)
            ),
        ));
    }
    let q = quote.fields;
    create(
        w,
        InvoiceInput {
            subject: q.subject,
            account_id: q.account_id,
            contact_id: q.contact_id,
            order_id: None,
            quote_id: Some(quote.id),
            currency: q.currency,
            price_book_id: q.price_book_id,
            tax_mode: q.tax_mode,
            discount: q.discount,
            shipping: q.shipping,
            shipping_tax_rate: q.shipping_tax_rate,
            billing_address: q.billing_address,
            shipping_address: q.shipping_address,
            terms: q.terms,
            payment_terms_days: None,
            lines: q.lines,
            tags: q.tags,
        },
    )
}

/// A live invoice, or why it cannot be used.
pub fn live(conn: &Connection, id: &str) -> Result<Invoice> {
    let invoice = get(conn, IdArgs { id: id.to_owned() })?;
    documents::check_not_deleted(&INVOICE, &invoice.deleted_at)?;
    Ok(invoice)
}

fn name(invoice: &Invoice) -> String {
    match &invoice.number {
        Some(n) => format!("Invoice {n}"),
        None => "The draft invoice".into(),
    }
}

/// Changes a draft; an issued invoice takes only tag changes — its lines and totals never change.
pub fn update(w: &mut Writer, args: InvoiceUpdate) -> Result<Invoice> {
    let current = live(w.conn(), &args.id)?;
    if current.status != InvoiceStatus::Draft {
        if let Some(field) = args.changes.keys().find(|k| *k != "tags") {
            return Err(Error::new(
                ErrorCode::Conflict,
                format!(
                    "{} is {}: its {field} cannot change (void it or issue a credit note)",
                    name(&current),
                    status_str(current.status)
                ),
            )
            .with_field(field));
        }
        let next = apply_patch(&current.fields, args.changes)?;
        let mut fields = Fields::new();
        fields.insert("tags".into(), serde_json::to_value(clean_tags(&next.tags)?)?);
        w.update(&INVOICE, &args.id, fields)?;
        return get(w.conn(), IdArgs { id: args.id });
    }
    let (i, totals) = validate(w.conn(), &apply_patch(&current.fields, args.changes)?)?;
    let mut fields = to_fields(&i, &totals)?;
    unpaid(&mut fields, &totals, &i.currency);
    w.update(&INVOICE, &args.id, fields)?;
    get(w.conn(), IdArgs { id: args.id })
}

/// Issues a draft: takes the next number of the series for the issue date and sets the due date,
/// in this one transaction (so numbers have no gaps and no duplicates).
pub fn issue(w: &mut Writer, args: InvoiceIssue) -> Result<Invoice> {
    let invoice = live(w.conn(), &args.id)?;
    if invoice.status != InvoiceStatus::Draft {
        return Err(Error::invalid(
            "status",
            format!("{} is {}; only a draft is issued", name(&invoice), status_str(invoice.status)),
        ));
    }
    if invoice.fields.lines.is_empty() || invoice.totals.total <= Decimal::ZERO {
        return Err(Error::invalid("lines", "An invoice is issued with lines and a total above zero"));
    }
    let date = match link(&args.date) {
        Some(d) => documents::date("date", &d)?,
        None => w.today(),
    };
    let days = match invoice.fields.payment_terms_days {
        Some(d) => d,
        None => numbering::get(w.conn(), NoArgs {})?.payment_terms_days,
    };
    let number = numbering::take(w, Series::Invoice, date)?;
    let mut fields = Fields::new();
    fields.insert("number".into(), Value::String(number));
    fields.insert("status".into(), Value::String(status_str(InvoiceStatus::Issued)));
    fields.insert("issue_date".into(), Value::String(date.to_string()));
    fields.insert("due_date".into(), Value::String((date + chrono::Days::new(days.into())).to_string()));
    w.update(&INVOICE, &args.id, fields)?;
    get(w.conn(), IdArgs { id: args.id })
}

/// Voids an issued invoice without payments or credit notes; it keeps its number.
pub fn void(w: &mut Writer, args: IdArgs) -> Result<Invoice> {
    let invoice = live(w.conn(), &args.id)?;
    if invoice.status != InvoiceStatus::Issued {
        let why = match invoice.status {
            InvoiceStatus::Draft => "a draft is deleted, not voided",
            InvoiceStatus::Void => "it is void already",
            _ => "remove its payments first",
        };
        return Err(Error::invalid(
            "status",
            format!("{} is {} and cannot be voided: {why}", name(&invoice), status_str(invoice.status)),
        ));
    }
    if !invoice.credited.is_zero() {
        return Err(Error::invalid("status", format!("{} has credit notes and cannot be voided", name(&invoice))));
    }
    let mut fields = Fields::new();
    fields.insert("status".into(), Value::String(status_str(InvoiceStatus::Void)));
    fields.insert(
        "balance".into(),
        money(Decimal::ZERO, crate::currency::minor_units(&invoice.fields.currency).unwrap_or(2)),
    );
    w.update(&INVOICE, &args.id, fields)?;
    get(w.conn(), args)
}

/// Deletes a draft (no number was taken, so none is missing). An issued invoice can only be voided.
pub fn delete(w: &mut Writer, args: IdArgs) -> Result<Invoice> {
    let invoice = live(w.conn(), &args.id)?;
    if invoice.status != InvoiceStatus::Draft {
        return Err(Error::conflict(format!(
            "{} is {}; only a draft can be deleted (void it instead)",
            name(&invoice),
            status_str(invoice.status)
        )));
    }
    w.delete(&INVOICE, &args.id)?;
    get(w.conn(), args)
}

pub fn restore(w: &mut Writer, args: IdArgs) -> Result<Invoice> {
    w.restore(&INVOICE, &args.id)?;
    get(w.conn(), args)
}

fn sum(conn: &Connection, sql: &str, id: &str) -> Result<Decimal> {
    let mut stmt = conn.prepare_cached(sql)?;
    let amounts = stmt.query_map([id], |r| r.get::<_, String>(0))?;
    let mut total = Decimal::ZERO;
    for amount in amounts {
        let amount = amount?;
        total += amount.parse::<Decimal>().map_err(|_| Error::internal(format!("stored amount {amount:?}")))?;
    }
    Ok(total)
}

/// Recomputes an issued invoice's paid, credited and balance from live payments and issued
/// credit notes and moves its status (issued ↔ partly_paid ↔ paid). Refuses a negative balance:
/// more was allocated or credited than the invoice is for.
pub fn settle(w: &mut Writer, id: &str) -> Result<Invoice> {
    let invoice = get(w.conn(), IdArgs { id: id.to_owned() })?;
    if !invoice.status.is_open() {
        return Ok(invoice);
    }
    let paid =
        sum(w.conn(), "SELECT amount FROM payment_allocations WHERE invoice_id = ?1 AND deleted_at IS NULL", id)?;
    let credited = -sum(
        w.conn(),
        "SELECT total FROM credit_notes WHERE invoice_id = ?1 AND status = 'issued' AND deleted_at IS NULL",
        id,
    )?;
    let balance = invoice.totals.total - credited - paid;
    if balance < Decimal::ZERO {
        return Err(Error::invalid(
            "amount",
            format!(
                "{} is for {} {}; {} would be paid or credited",
                name(&invoice),
                invoice.totals.total,
                invoice.fields.currency,
                credited + paid
            ),
        ));
    }
    let status = if balance.is_zero() {
        InvoiceStatus::Paid
    } else if paid > Decimal::ZERO {
        InvoiceStatus::PartlyPaid
    } else {
        InvoiceStatus::Issued
    };
    let mut fields = Fields::new();
    let minor = crate::currency::minor_units(&invoice.fields.currency).unwrap_or(2);
    fields.insert("paid".into(), money(paid, minor));
    fields.insert("credited".into(), money(credited, minor));
    fields.insert("balance".into(), money(balance, minor));
    fields.insert("status".into(), Value::String(status_str(status)));
    w.update(&INVOICE, id, fields)?;
    get(w.conn(), IdArgs { id: id.to_owned() })
}

/// An amount as stored: with the currency's minor unit, so 0 reads 0.00 like every other amount.
fn money(mut amount: Decimal, minor: u32) -> Value {
    amount.rescale(minor);
    Value::String(amount.to_string())
}

/// The amounts a draft starts with: its total still to pay.
fn unpaid(fields: &mut Fields, totals: &Totals, currency: &str) {
    let minor = crate::currency::minor_units(currency).unwrap_or(2);
    fields.insert("paid".into(), money(Decimal::ZERO, minor));
    fields.insert("credited".into(), money(Decimal::ZERO, minor));
    fields.insert("balance".into(), money(totals.total, minor));
}

const ROW_COLUMNS: &[&str] =
    &["id", "number", "subject", "status", "account_id", "due_date", "currency", "total", "balance"];

fn with_overdue(mut row: InvoiceRow, today: NaiveDate) -> InvoiceRow {
    row.overdue = is_overdue(row.status, row.due_date.as_deref(), today);
    row
}

/// A page of invoices, newest or oldest first (drafts have no number yet).
pub fn list(conn: &Connection, query: InvoiceListQuery) -> Result<Page<InvoiceRow>> {
    let status = query.status.map(status_str);
    let page = keyset_page(
        conn,
        KeysetQuery {
            kind: &INVOICE,
            columns: &ROW_COLUMNS.join(", "),
            sort: SortColumn::text("created_at"),
            desc: query.desc,
            after: query.after.as_deref(),
            limit: if query.limit == 0 { 100 } else { query.limit },
            q: &query.q,
            start_at: None,
            equals: status.as_deref().map(|s| ("status", s)),
            tag: query.tag.as_deref(),
            filters: &query.filters,
            filterable: &["account_id", "contact_id", "order_id", "quote_id", "currency", "due_date", "number"],
        },
        |r| documents::from_row(&INVOICE, ROW_COLUMNS, r),
    )?;
    let today = today();
    Ok(page.map(|row| with_overdue(row, today)))
}

/// Issued invoices past their due date with a balance left, oldest due first (at most 500).
pub fn overdue(conn: &Connection, query: OverdueQuery) -> Result<Vec<InvoiceRow>> {
    let today = match link(&query.today) {
        Some(d) => documents::date("today", &d)?,
        None => today(),
    };
    let sql = format!(
        "SELECT {} FROM invoices WHERE status IN ('issued', 'partly_paid') AND due_date < ?1
         AND deleted_at IS NULL AND (?2 IS NULL OR account_id = ?2) ORDER BY due_date, id LIMIT 500",
        ROW_COLUMNS.join(", ")
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map((today.to_string(), link(&query.account_id)), |r| documents::from_row(&INVOICE, ROW_COLUMNS, r))?
        .collect::<rusqlite::Result<Vec<InvoiceRow>>>()?;
    Ok(rows.into_iter().map(|row| with_overdue(row, today)).collect())
}
