//! Quotes: offers to a customer with line items and the totals the core computed,
//! numbered on creation, moving draft → sent → accepted, rejected or expired.

use crate::documents::{self, link, to_fields};
use crate::error::{Error, Result};
use crate::fields::{check_len, clean_tags, trimmed, Address, MAX_TEXT};
use crate::line_items::LineItem;
use crate::list::{keyset_page, KeysetQuery, Page, SortColumn};
use crate::patch::apply_patch;
use crate::totals::{Discount, TaxMode, Totals};
use crate::write::{check_live, Fields, RecordKind, SearchSpec, Writer};
use crate::{opportunities, pricing, IdArgs};
use rusqlite::Connection;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

pub static QUOTE: RecordKind = RecordKind {
    name: "quote",
    table: "quotes",
    json_columns: &["discount", "billing_address", "shipping_address", "lines", "totals", "tags"],
    derived: &["totals", "total"],
    tagged: true,
    search: Some(SearchSpec {
        table: "quotes_fts",
        columns: &["number", "other"],
        source: &["number", "subject"],
        document: |f| {
            let text = |k: &str| f.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
            vec![text("number"), text("subject")]
        },
    }),
};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum QuoteStatus {
    #[default]
    Draft,
    Sent,
    Accepted,
    Rejected,
    Expired,
}

impl QuoteStatus {
    /// The statuses a quote may move to. Only a draft can be edited or deleted.
    pub fn next(self) -> &'static [QuoteStatus] {
        use QuoteStatus::*;
        match self {
            Draft => &[Sent],
            Sent => &[Accepted, Rejected, Expired],
            Accepted | Rejected | Expired => &[],
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            QuoteStatus::Draft => "draft",
            QuoteStatus::Sent => "sent",
            QuoteStatus::Accepted => "accepted",
            QuoteStatus::Rejected => "rejected",
            QuoteStatus::Expired => "expired",
        }
    }
}

/// The editable fields of a quote. Missing fields take their empty value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct QuoteInput {
    /// Empty takes the opportunity's name.
    pub subject: String,
    pub account_id: Option<String>,
    pub contact_id: Option<String>,
    /// The deal the quote is for; a new quote without lines copies the deal's lines.
    pub opportunity_id: Option<String>,
    /// ISO date.
    pub valid_until: Option<String>,
    /// ISO 4217; empty takes the opportunity's, else the company's default currency.
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
    /// Payment and delivery terms printed on the quote.
    pub terms: String,
    pub lines: Vec<LineItem>,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Quote {
    pub id: String,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
    pub owner_id: Option<String>,
    /// Given on creation: Q-00001, Q-00002, …
    pub number: String,
    pub status: QuoteStatus,
    /// 1 for the first version; a new version keeps the number.
    pub version: u32,
    /// The first version of this quote, on later versions.
    pub revision_of: Option<String>,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: QuoteInput,
    /// Computed by the core when the lines or terms last changed.
    pub totals: Totals,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct QuoteUpdate {
    pub id: String,
    #[ts(type = "Partial<QuoteInput>")]
    pub changes: serde_json::Map<String, Value>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct QuoteStatusChange {
    pub id: String,
    pub status: QuoteStatus,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct QuoteListQuery {
    /// Newest number first when true.
    pub desc: bool,
    pub after: Option<String>,
    pub limit: u32,
    /// Quick filter on number and subject.
    pub q: String,
    #[ts(optional = nullable)]
    pub status: Option<QuoteStatus>,
    #[ts(optional = nullable)]
    pub tag: Option<String>,
    /// Owner and field conditions (account_id, contact_id, opportunity_id, currency, valid_until).
    #[serde(flatten)]
    #[ts(flatten)]
    pub filters: crate::list::ListFilters,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct QuoteRow {
    pub id: String,
    pub number: String,
    pub subject: String,
    pub status: QuoteStatus,
    pub account_id: Option<String>,
    pub valid_until: Option<String>,
    pub currency: String,
    #[ts(type = "string")]
    pub total: Decimal,
}

/// Validates a quote, completes it from its opportunity and resolves its lines; returns it with its totals.
pub fn validate(conn: &Connection, input: &QuoteInput) -> Result<(QuoteInput, Totals)> {
    let mut q = QuoteInput {
        subject: trimmed(&input.subject),
        account_id: link(&input.account_id),
        contact_id: link(&input.contact_id),
        opportunity_id: link(&input.opportunity_id),
        currency: input.currency.trim().to_uppercase(),
        terms: input.terms.trim_end().to_owned(),
        tags: clean_tags(&input.tags)?,
        billing_address: documents::address("billing_address", &input.billing_address)?,
        shipping_address: documents::address("shipping_address", &input.shipping_address)?,
        valid_until: documents::optional_date("valid_until", &input.valid_until)?,
        ..input.clone()
    };
    if let Some(id) = &q.opportunity_id {
        check_live(conn, &opportunities::OPPORTUNITY, id, "opportunity_id")?;
        let deal = opportunities::get(conn, IdArgs { id: id.clone() })?;
        if q.subject.is_empty() {
            q.subject = deal.fields.name;
        }
        q.account_id = q.account_id.or(Some(deal.fields.account_id));
        q.contact_id = q.contact_id.or(deal.fields.contact_id);
        if q.currency.is_empty() {
            q.currency = deal.fields.currency;
        }
    }
    if q.subject.is_empty() {
        return Err(Error::invalid("subject", "A quote needs a subject"));
    }
    check_len("subject", &q.subject, MAX_TEXT)?;
    check_len("terms", &q.terms, 20_000)?;
    documents::check_party(conn, &q.account_id, &q.contact_id)?;
    let totals = documents::price(conn, pricing!(q))?;
    Ok((q, totals))
}

pub fn get(conn: &Connection, args: IdArgs) -> Result<Quote> {
    documents::load(conn, &QUOTE, &args.id)
}

/// Creates a draft quote with the next number; from an opportunity without lines given, it copies the deal's lines.
pub fn create(w: &mut Writer, mut input: QuoteInput) -> Result<Quote> {
    if let (Some(deal), true) = (link(&input.opportunity_id), input.lines.is_empty()) {
        // A missing deal is reported by `validate`, naming the field.
        if let Some(items) = opportunities::get(w.conn(), IdArgs { id: deal }).ok().and_then(|d| d.line_items) {
            input.lines = items.lines;
            input.price_book_id = input.price_book_id.or(items.price_book_id);
            input.tax_mode = items.tax_mode;
            input.discount = input.discount.or(items.discount);
            if input.shipping.is_zero() {
                (input.shipping, input.shipping_tax_rate) = (items.shipping, items.shipping_tax_rate);
            }
        }
    }
    let (q, totals) = validate(w.conn(), &input)?;
    let (seq, number) = documents::next_number(w.conn(), &QUOTE, "Q")?;
    let mut fields = to_fields(&q, &totals)?;
    fields.insert("seq".into(), Value::from(seq));
    fields.insert("number".into(), Value::String(number));
    fields.insert("status".into(), Value::String(QuoteStatus::Draft.as_str().into()));
    fields.insert("owner_id".into(), Value::String(w.actor_id().to_owned()));
    let id = crate::new_id();
    w.insert(&QUOTE, &id, fields)?;
    get(w.conn(), IdArgs { id })
}

/// A live draft, or why it cannot be changed.
pub(crate) fn draft(conn: &Connection, id: &str) -> Result<Quote> {
    let quote = get(conn, IdArgs { id: id.to_owned() })?;
    if quote.deleted_at.is_some() {
        return Err(Error::conflict("This quote was deleted; restore it first"));
    }
    if quote.status != QuoteStatus::Draft {
        return Err(Error::conflict(format!(
            "Quote {} is {}; only a draft can be changed",
            quote.number,
            quote.status.as_str()
        )));
    }
    Ok(quote)
}

/// Changes a draft; its lines are resolved and its totals computed again.
pub fn update(w: &mut Writer, args: QuoteUpdate) -> Result<Quote> {
    let current = draft(w.conn(), &args.id)?;
    let (q, totals) = validate(w.conn(), &apply_patch(&current.fields, args.changes)?)?;
    w.update(&QUOTE, &args.id, to_fields(&q, &totals)?)?;
    get(w.conn(), IdArgs { id: args.id })
}

/// Moves a quote along draft → sent → accepted / rejected / expired; anything else is refused.
pub fn set_status(w: &mut Writer, args: QuoteStatusChange) -> Result<Quote> {
    let quote = get(w.conn(), IdArgs { id: args.id.clone() })?;
    if quote.deleted_at.is_some() {
        return Err(Error::conflict("This quote was deleted; restore it first"));
    }
    crate::quote_versions::check_current(w.conn(), &quote)?;
    if !quote.status.next().contains(&args.status) {
        return Err(Error::invalid(
            "status",
            format!("Quote {} cannot go from {} to {}", quote.number, quote.status.as_str(), args.status.as_str()),
        ));
    }
    if args.status == QuoteStatus::Sent && quote.fields.lines.is_empty() {
        return Err(Error::invalid("lines", "A quote without lines cannot be sent"));
    }
    let mut fields = Fields::new();
    fields.insert("status".into(), Value::String(args.status.as_str().into()));
    w.update(&QUOTE, &args.id, fields)?;
    get(w.conn(), IdArgs { id: args.id })
}

/// Deletes a draft (a quote that was sent stays on record). Its number is not given again.
pub fn delete(w: &mut Writer, args: IdArgs) -> Result<Quote> {
    draft(w.conn(), &args.id)?;
    w.delete(&QUOTE, &args.id)?;
    get(w.conn(), args)
}

pub fn restore(w: &mut Writer, args: IdArgs) -> Result<Quote> {
    w.restore(&QUOTE, &args.id)?;
    get(w.conn(), args)
}

const ROW_COLUMNS: &[&str] = &["id", "number", "subject", "status", "account_id", "valid_until", "currency", "total"];

pub fn list(conn: &Connection, query: QuoteListQuery) -> Result<Page<QuoteRow>> {
    let page = keyset_page(
        conn,
        KeysetQuery {
            kind: &QUOTE,
            columns: &ROW_COLUMNS.join(", "),
            sort: SortColumn::text("number"),
            desc: query.desc,
            after: query.after.as_deref(),
            limit: if query.limit == 0 { 100 } else { query.limit },
            q: &query.q,
            start_at: None,
            equals: query.status.map(|s| ("status", s.as_str())),
            tag: query.tag.as_deref(),
            filters: &query.filters,
            filterable: &["account_id", "contact_id", "opportunity_id", "currency", "valid_until"],
        },
        |r| documents::from_row(&QUOTE, ROW_COLUMNS, r),
    )?;
    Ok(page)
}
