//! Payments in and out, numbered PAY-00001…. A payment received can be allocated to one or
//! more issued invoices in its currency; the allocations are stored with the payment (and one row
//! each in `payment_allocations`, indexed by invoice) and each touched invoice is settled again
//! (`invoices::settle`), so its balance and status follow.
//! Over-allocating the payment or an invoice's balance is refused.

use crate::documents::{self, link};
use crate::error::{Error, Result};
use crate::fields::check_len;
use crate::invoices::{self, INVOICE};
use crate::list::{keyset_page, KeysetQuery, ListFilters, Page, SortColumn};
use crate::patch::apply_patch;
use crate::write::{check_live, RecordKind, SearchSpec, Writer};
use crate::IdArgs;
use rusqlite::Connection;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

pub static PAYMENT: RecordKind = RecordKind {
    name: "payment",
    table: "payments",
    json_columns: &["allocations"],
    derived: &["allocated"],
    tagged: false,
    search: Some(SearchSpec {
        table: "payments_fts",
        columns: &["number", "other"],
        source: &["number", "reference", "note"],
        document: |f| documents::search_document(f, &["reference", "note"]),
    }),
};

/// A payment's allocations one per row, indexed by invoice (derived from the payment's list).
pub static ALLOCATION: RecordKind = RecordKind {
    name: "payment_allocation",
    table: "payment_allocations",
    json_columns: &[],
    derived: &[],
    tagged: false,
    search: None,
};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Received from a customer.
    #[default]
    In,
    /// Paid out (a refund, a supplier).
    Out,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    Cash,
    #[default]
    BankTransfer,
    Card,
    Other,
}

/// Part of a payment set against one invoice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Allocation {
    pub invoice_id: String,
    #[ts(type = "string")]
    pub amount: Decimal,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct PaymentInput {
    pub direction: Direction,
    /// ISO date; empty is today.
    pub date: String,
    /// Positive, in the currency's minor unit.
    #[ts(type = "string")]
    pub amount: Decimal,
    /// ISO 4217; empty takes the company's default currency.
    pub currency: String,
    pub method: Method,
    /// Bank reference, receipt number.
    pub reference: String,
    /// The payer (in) or payee (out).
    pub account_id: Option<String>,
    pub note: String,
    /// Only on payments in; each invoice once, in the payment's currency.
    pub allocations: Vec<Allocation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Payment {
    pub id: String,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
    pub owner_id: Option<String>,
    pub number: String,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: PaymentInput,
    /// The sum of the allocations.
    #[ts(type = "string")]
    pub allocated: Decimal,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PaymentUpdate {
    pub id: String,
    #[ts(type = "Partial<PaymentInput>")]
    pub changes: serde_json::Map<String, Value>,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PaymentAllocate {
    pub id: String,
    /// Replaces the payment's allocations.
    pub allocations: Vec<Allocation>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct PaymentListQuery {
    /// Newest number first when true.
    pub desc: bool,
    pub after: Option<String>,
    pub limit: u32,
    pub q: String,
    #[ts(optional = nullable)]
    pub direction: Option<Direction>,
    /// Owner and field conditions (account_id, currency, method, date).
    #[serde(flatten)]
    #[ts(flatten)]
    pub filters: ListFilters,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PaymentRow {
    pub id: String,
    pub number: String,
    pub direction: Direction,
    pub date: String,
    #[ts(type = "string")]
    pub amount: Decimal,
    pub currency: String,
    pub method: Method,
    pub reference: String,
    pub account_id: Option<String>,
    #[ts(type = "string")]
    pub allocated: Decimal,
}

fn validate(w: &Writer, input: &PaymentInput) -> Result<(PaymentInput, Decimal)> {
    let mut p = PaymentInput {
        reference: input.reference.trim().to_owned(),
        note: input.note.trim_end().to_owned(),
        account_id: link(&input.account_id),
        currency: input.currency.trim().to_uppercase(),
        ..input.clone()
    };
    p.date = match p.date.trim() {
        "" => w.today().to_string(),
        d => documents::date("date", d)?.to_string(),
    };
    if p.currency.is_empty() {
        p.currency = crate::settings::get(w.conn(), crate::NoArgs {})?.default_currency;
    }
    let Some(minor) = crate::currency::minor_units(&p.currency) else {
        return Err(Error::invalid("currency", format!("{:?} is not an ISO 4217 currency code", p.currency)));
    };
    if p.amount <= Decimal::ZERO {
        return Err(Error::invalid("amount", "A payment's amount is above zero"));
    }
    if p.amount.normalize().scale() > minor {
        return Err(Error::invalid("amount", format!("{} has more decimals than {} has", p.amount, p.currency)));
    }
    check_len("reference", &p.reference, 200)?;
    check_len("note", &p.note, 2000)?;
    if let Some(id) = &p.account_id {
        check_live(w.conn(), &crate::accounts::ACCOUNT, id, "account_id")?;
    }
    if p.direction == Direction::Out && !p.allocations.is_empty() {
        return Err(Error::invalid("allocations", "A payment out is not allocated to invoices"));
    }
    let mut allocated = Decimal::ZERO;
    for (i, a) in p.allocations.iter_mut().enumerate() {
        let field = |f: &str| format!("allocations[{i}].{f}");
        a.invoice_id = a.invoice_id.trim().to_owned();
        check_live(w.conn(), &INVOICE, &a.invoice_id, &field("invoice_id"))?;
        let invoice = invoices::get(w.conn(), IdArgs { id: a.invoice_id.clone() })?;
        if !invoice.status.is_open() {
            return Err(Error::invalid(
                &field("invoice_id"),
                format!("The invoice is {}; payments go to issued invoices", documents::status_str(invoice.status)),
            ));
        }
        if invoice.fields.currency != p.currency {
            return Err(Error::invalid(
                &field("invoice_id"),
                format!(
                    "Invoice {} is in {}, the payment in {}",
                    invoice.number.unwrap_or_default(),
                    invoice.fields.currency,
                    p.currency
                ),
            ));
        }
        if a.amount <= Decimal::ZERO || a.amount.normalize().scale() > minor {
            return Err(Error::invalid(&field("amount"), "An allocation is a positive amount of the currency"));
        }
        allocated += a.amount;
    }
    if let Some(i) = (1..p.allocations.len())
        .find(|&i| p.allocations[..i].iter().any(|a| a.invoice_id == p.allocations[i].invoice_id))
    {
        return Err(Error::invalid(&format!("allocations[{i}].invoice_id"), "The invoice is allocated twice"));
    }
    if allocated > p.amount {
        return Err(Error::invalid(
            "allocations",
            format!("{allocated} {} is allocated, more than the payment's {}", p.currency, p.amount),
        ));
    }
    Ok((p, allocated))
}

fn fields(p: &PaymentInput, allocated: Decimal) -> Result<crate::write::Fields> {
    let Value::Object(mut fields) = serde_json::to_value(p)? else {
        return Err(Error::internal("payment did not serialise to an object"));
    };
    fields.insert("allocated".into(), Value::String(allocated.to_string()));
    Ok(fields)
}

/// Replaces the payment's allocation rows with `allocations` (none when the payment is deleted).
fn index(w: &mut Writer, payment_id: &str, allocations: &[Allocation]) -> Result<()> {
    let live: Vec<String> = w
        .conn()
        .prepare_cached("SELECT id FROM payment_allocations WHERE payment_id = ?1 AND deleted_at IS NULL")?
        .query_map([payment_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in live {
        w.delete(&ALLOCATION, &id)?;
    }
    for a in allocations {
        let mut fields = crate::write::Fields::new();
        fields.insert("payment_id".into(), Value::String(payment_id.to_owned()));
        fields.insert("invoice_id".into(), Value::String(a.invoice_id.clone()));
        fields.insert("amount".into(), Value::String(a.amount.to_string()));
        w.insert(&ALLOCATION, &crate::new_id(), fields)?;
    }
    Ok(())
}

/// Settles every invoice an old or new allocation touches; an over-allocated invoice names its allocation.
fn settle(w: &mut Writer, before: &[Allocation], after: &[Allocation]) -> Result<()> {
    let mut done: Vec<&str> = Vec::new();
    for a in after.iter().chain(before) {
        if done.contains(&a.invoice_id.as_str()) {
            continue;
        }
        done.push(&a.invoice_id);
        let field = match after.iter().position(|b| b.invoice_id == a.invoice_id) {
            Some(i) => format!("allocations[{i}].amount"),
            None => "allocations".into(),
        };
        invoices::settle(w, &a.invoice_id).map_err(|e| e.with_field(&field))?;
    }
    Ok(())
}

pub fn get(conn: &Connection, args: IdArgs) -> Result<Payment> {
    documents::load(conn, &PAYMENT, &args.id)
}

pub fn create(w: &mut Writer, input: PaymentInput) -> Result<Payment> {
    let (p, allocated) = validate(w, &input)?;
    let (seq, number) = documents::next_number(w.conn(), &PAYMENT, "PAY")?;
    let mut fields = fields(&p, allocated)?;
    fields.insert("seq".into(), Value::from(seq));
    fields.insert("number".into(), Value::String(number));
    fields.insert("owner_id".into(), Value::String(w.actor_id().to_owned()));
    let id = crate::new_id();
    w.insert(&PAYMENT, &id, fields)?;
    index(w, &id, &p.allocations)?;
    settle(w, &[], &p.allocations)?;
    get(w.conn(), IdArgs { id })
}

fn live(conn: &Connection, id: &str) -> Result<Payment> {
    let payment = get(conn, IdArgs { id: id.to_owned() })?;
    documents::check_not_deleted(&PAYMENT, &payment.deleted_at)?;
    Ok(payment)
}

/// Changes a payment (allocations included); the invoices it touched before and after are settled again.
pub fn update(w: &mut Writer, args: PaymentUpdate) -> Result<Payment> {
    let current = live(w.conn(), &args.id)?;
    let (p, allocated) = validate(w, &apply_patch(&current.fields, args.changes)?)?;
    w.update(&PAYMENT, &args.id, fields(&p, allocated)?)?;
    if p.allocations != current.fields.allocations {
        index(w, &args.id, &p.allocations)?;
    }
    settle(w, &current.fields.allocations, &p.allocations)?;
    get(w.conn(), IdArgs { id: args.id })
}

/// Replaces a payment's allocations.
pub fn allocate(w: &mut Writer, args: PaymentAllocate) -> Result<Payment> {
    let mut changes = serde_json::Map::new();
    changes.insert("allocations".into(), serde_json::to_value(&args.allocations)?);
    update(w, PaymentUpdate { id: args.id, changes })
}

/// Deletes a payment; the invoices it paid go back to their balance before it.
pub fn delete(w: &mut Writer, args: IdArgs) -> Result<Payment> {
    let current = live(w.conn(), &args.id)?;
    w.delete(&PAYMENT, &args.id)?;
    index(w, &args.id, &[])?;
    settle(w, &current.fields.allocations, &[])?;
    get(w.conn(), args)
}

/// Restores a payment; refused when its allocations no longer fit the invoices' balances.
pub fn restore(w: &mut Writer, args: IdArgs) -> Result<Payment> {
    w.restore(&PAYMENT, &args.id)?;
    let payment = get(w.conn(), args)?;
    index(w, &payment.id, &payment.fields.allocations)?;
    settle(w, &[], &payment.fields.allocations)?;
    Ok(payment)
}

const ROW_COLUMNS: &[&str] =
    &["id", "number", "direction", "date", "amount", "currency", "method", "reference", "account_id", "allocated"];

pub fn list(conn: &Connection, query: PaymentListQuery) -> Result<Page<PaymentRow>> {
    let direction = query.direction.map(documents::status_str);
    let page = keyset_page(
        conn,
        KeysetQuery {
            kind: &PAYMENT,
            columns: &ROW_COLUMNS.join(", "),
            sort: SortColumn::text("number"),
            desc: query.desc,
            after: query.after.as_deref(),
            limit: if query.limit == 0 { 100 } else { query.limit },
            q: &query.q,
            start_at: None,
            equals: direction.as_deref().map(|d| ("direction", d)),
            tag: None,
            filters: &query.filters,
            filterable: &["account_id", "currency", "method", "date", "reference"],
        },
        |r| documents::from_row(&PAYMENT, ROW_COLUMNS, r),
    )?;
    Ok(page)
}
