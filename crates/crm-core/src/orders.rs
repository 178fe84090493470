//! Sales orders: made from an accepted quote (its lines, customer and totals copied, the
//! quote kept as the source) or from scratch; numbered SO-00001…; draft → confirmed →
//! delivered, or cancelled from draft or confirmed.

use crate::documents::{self, check_move, link, status_str, to_fields};
use crate::error::{Error, Result};
use crate::fields::{check_len, clean_tags, trimmed, Address, MAX_TEXT};
use crate::line_items::LineItem;
use crate::list::{keyset_page, KeysetQuery, ListFilters, Page, SortColumn};
use crate::patch::apply_patch;
use crate::quotes::{self, QuoteStatus};
use crate::totals::{Discount, TaxMode, Totals};
use crate::write::{check_live, Fields, RecordKind, SearchSpec, Writer};
use crate::{opportunities, pricing, IdArgs};
use rusqlite::Connection;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

pub static ORDER: RecordKind = RecordKind {
    name: "sales_order",
    table: "sales_orders",
    json_columns: &["discount", "billing_address", "shipping_address", "lines", "totals", "tags"],
    derived: &["totals", "total"],
    tagged: true,
    search: Some(SearchSpec {
        table: "sales_orders_fts",
        columns: &["number", "other"],
        source: &["number", "subject"],
        document: |f| documents::search_document(f, &["subject"]),
    }),
};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    #[default]
    Draft,
    Confirmed,
    Delivered,
    Cancelled,
}

impl OrderStatus {
    /// The statuses an order may move to. Only a draft can be edited or deleted.
    pub fn next(self) -> &'static [OrderStatus] {
        use OrderStatus::*;
        match self {
            Draft => &[Confirmed, Cancelled],
            Confirmed => &[Delivered, Cancelled],
            Delivered | Cancelled => &[],
        }
    }
}

/// The editable fields of a sales order. Missing fields take their empty value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct OrderInput {
    pub subject: String,
    pub account_id: Option<String>,
    pub contact_id: Option<String>,
    pub opportunity_id: Option<String>,
    /// The accepted quote the order was made from.
    pub quote_id: Option<String>,
    /// ISO 4217; empty takes the company's default currency.
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
    pub lines: Vec<LineItem>,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Order {
    pub id: String,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
    pub owner_id: Option<String>,
    /// Given on creation: SO-00001, SO-00002, …
    pub number: String,
    pub status: OrderStatus,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: OrderInput,
    pub totals: Totals,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct OrderUpdate {
    pub id: String,
    #[ts(type = "Partial<OrderInput>")]
    pub changes: serde_json::Map<String, Value>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct OrderStatusChange {
    pub id: String,
    pub status: OrderStatus,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct FromQuote {
    pub quote_id: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct OrderListQuery {
    /// Newest number first when true.
    pub desc: bool,
    pub after: Option<String>,
    pub limit: u32,
    /// Quick filter on number and subject.
    pub q: String,
    #[ts(optional = nullable)]
    pub status: Option<OrderStatus>,
    #[ts(optional = nullable)]
    pub tag: Option<String>,
    /// Owner and field conditions (account_id, contact_id, opportunity_id, quote_id, currency).
    #[serde(flatten)]
    #[ts(flatten)]
    pub filters: ListFilters,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OrderRow {
    pub id: String,
    pub number: String,
    pub subject: String,
    pub status: OrderStatus,
    pub account_id: Option<String>,
    pub quote_id: Option<String>,
    pub currency: String,
    #[ts(type = "string")]
    pub total: Decimal,
}

pub fn validate(conn: &Connection, input: &OrderInput) -> Result<(OrderInput, Totals)> {
    let mut o = OrderInput {
        subject: trimmed(&input.subject),
        account_id: link(&input.account_id),
        contact_id: link(&input.contact_id),
        opportunity_id: link(&input.opportunity_id),
        quote_id: link(&input.quote_id),
        terms: input.terms.trim_end().to_owned(),
        tags: clean_tags(&input.tags)?,
        billing_address: documents::address("billing_address", &input.billing_address)?,
        shipping_address: documents::address("shipping_address", &input.shipping_address)?,
        ..input.clone()
    };
    if o.subject.is_empty() {
        return Err(Error::invalid("subject", "An order needs a subject"));
    }
    check_len("subject", &o.subject, MAX_TEXT)?;
    check_len("terms", &o.terms, 20_000)?;
    documents::check_party(conn, &o.account_id, &o.contact_id)?;
    if let Some(id) = &o.opportunity_id {
        check_live(conn, &opportunities::OPPORTUNITY, id, "opportunity_id")?;
    }
    if let Some(id) = &o.quote_id {
        check_live(conn, &quotes::QUOTE, id, "quote_id")?;
    }
    let totals = documents::price(conn, pricing!(o))?;
    Ok((o, totals))
}

pub fn get(conn: &Connection, args: IdArgs) -> Result<Order> {
    documents::load(conn, &ORDER, &args.id)
}

/// Creates a draft order with the next number.
pub fn create(w: &mut Writer, input: OrderInput) -> Result<Order> {
    let (o, totals) = validate(w.conn(), &input)?;
    let (seq, number) = documents::next_number(w.conn(), &ORDER, "SO")?;
    let mut fields = to_fields(&o, &totals)?;
    fields.insert("seq".into(), Value::from(seq));
    fields.insert("number".into(), Value::String(number));
    fields.insert("status".into(), Value::String(status_str(OrderStatus::Draft)));
    fields.insert("owner_id".into(), Value::String(w.actor_id().to_owned()));
    let id = crate::new_id();
    w.insert(&ORDER, &id, fields)?;
    get(w.conn(), IdArgs { id })
}

/// A draft order from an accepted quote: its customer, currency, lines and terms, the quote kept as source.
pub fn from_quote(w: &mut Writer, args: FromQuote) -> Result<Order> {
    let quote = quotes::get(w.conn(), IdArgs { id: args.quote_id.clone() }).map_err(|e| e.with_field("quote_id"))?;
    documents::check_not_deleted(&quotes::QUOTE, &quote.deleted_at)?;
    if quote.status != QuoteStatus::Accepted {
        return Err(Error::invalid(
            "quote_id",
            format!("Quote {} is {}; an order is made from an accepted quote", quote.number, status_str(quote.status)),
        ));
    }
    let q = quote.fields;
    create(
        w,
        OrderInput {
            subject: q.subject,
            account_id: q.account_id,
            contact_id: q.contact_id,
            opportunity_id: q.opportunity_id,
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
            lines: q.lines,
            tags: q.tags,
        },
    )
}

/// A live order, or why it cannot be used.
pub fn live(conn: &Connection, id: &str) -> Result<Order> {
    let order = get(conn, IdArgs { id: id.to_owned() })?;
    documents::check_not_deleted(&ORDER, &order.deleted_at)?;
    Ok(order)
}

fn draft(conn: &Connection, id: &str) -> Result<Order> {
    let order = live(conn, id)?;
    if order.status != OrderStatus::Draft {
        return Err(Error::conflict(format!(
            "Order {} is {}; only a draft can be changed",
            order.number,
            status_str(order.status)
        )));
    }
    Ok(order)
}

/// Changes a draft order; its lines are resolved and its totals computed again.
pub fn update(w: &mut Writer, args: OrderUpdate) -> Result<Order> {
    let current = draft(w.conn(), &args.id)?;
    let (o, totals) = validate(w.conn(), &apply_patch(&current.fields, args.changes)?)?;
    w.update(&ORDER, &args.id, to_fields(&o, &totals)?)?;
    get(w.conn(), IdArgs { id: args.id })
}

/// Moves an order: draft → confirmed → delivered; cancelled from draft or confirmed.
pub fn set_status(w: &mut Writer, args: OrderStatusChange) -> Result<Order> {
    let order = live(w.conn(), &args.id)?;
    check_move(&format!("Order {}", order.number), order.status, args.status, order.status.next())?;
    if args.status == OrderStatus::Confirmed && order.fields.lines.is_empty() {
        return Err(Error::invalid("lines", "An order without lines cannot be confirmed"));
    }
    let mut fields = Fields::new();
    fields.insert("status".into(), Value::String(status_str(args.status)));
    w.update(&ORDER, &args.id, fields)?;
    get(w.conn(), IdArgs { id: args.id })
}

/// Deletes a draft order (it keeps its number and can be restored).
pub fn delete(w: &mut Writer, args: IdArgs) -> Result<Order> {
    draft(w.conn(), &args.id)?;
    w.delete(&ORDER, &args.id)?;
    get(w.conn(), args)
}

pub fn restore(w: &mut Writer, args: IdArgs) -> Result<Order> {
    w.restore(&ORDER, &args.id)?;
    get(w.conn(), args)
}

const ROW_COLUMNS: &[&str] = &["id", "number", "subject", "status", "account_id", "quote_id", "currency", "total"];

pub fn list(conn: &Connection, query: OrderListQuery) -> Result<Page<OrderRow>> {
    let status = query.status.map(status_str);
    let page = keyset_page(
        conn,
        KeysetQuery {
            kind: &ORDER,
            columns: &ROW_COLUMNS.join(", "),
            sort: SortColumn::text("number"),
            desc: query.desc,
            after: query.after.as_deref(),
            limit: if query.limit == 0 { 100 } else { query.limit },
            q: &query.q,
            start_at: None,
            equals: status.as_deref().map(|s| ("status", s)),
            tag: query.tag.as_deref(),
            filters: &query.filters,
            filterable: &["account_id", "contact_id", "opportunity_id", "quote_id", "currency"],
        },
        |r| documents::from_row(&ORDER, ROW_COLUMNS, r),
    )?;
    Ok(page)
}
