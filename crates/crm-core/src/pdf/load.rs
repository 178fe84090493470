//! Reads a stored document of any kind into the printable model: the company from the
//! settings, the customer from the document's account and contact, the lines and totals as
//! stored. Documents are found by id or by their number.

use super::model::{Company, DateKind, DocumentKind, Line, PrintDoc, Reference, Settlement, TextKind};
use crate::error::{Error, Result};
use crate::fields::Address;
use crate::line_items::LineItem;
use crate::totals::Totals;
use crate::write::RecordKind;
use crate::{accounts, contacts, credit_notes, documents, invoices, numbering, orders, quotes, service_acts, waybills};
use crate::{IdArgs, NoArgs};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};
use rust_decimal::Decimal;

pub(super) fn record_kind(kind: DocumentKind) -> &'static RecordKind {
    match kind {
        DocumentKind::Quote => &quotes::QUOTE,
        DocumentKind::SalesOrder => &orders::ORDER,
        DocumentKind::Invoice => &invoices::INVOICE,
        DocumentKind::CreditNote => &credit_notes::CREDIT_NOTE,
        DocumentKind::ServiceAct => &service_acts::ACT,
        DocumentKind::Waybill => &waybills::WAYBILL,
    }
}

/// The id of the document `key` names: its id, else the number of a live one.
pub fn find(conn: &Connection, kind: DocumentKind, key: &str) -> Result<String> {
    let rk = record_kind(kind);
    let key = key.trim();
    let sql = format!(
        "SELECT id FROM {t} WHERE id = ?1 UNION ALL SELECT id FROM {t} WHERE number = ?1 AND deleted_at IS NULL LIMIT 1",
        t = rk.table
    );
    conn.prepare_cached(&sql)?
        .query_row([key], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::not_found(rk.name, key).with_field("id"))
}

/// The printable model of the document `id` of `kind`.
pub fn load(conn: &Connection, kind: DocumentKind, id: &str) -> Result<PrintDoc> {
    let settings = crate::settings::get(conn, NoArgs {})?;
    let company = Company {
        name: settings.company_name,
        address: settings.company_address,
        tax_id: settings.tax_id,
        logo: settings.logo,
    };
    let mut doc = PrintDoc {
        kind,
        number: None,
        subject: String::new(),
        locale: settings.locale,
        currency: String::new(),
        company,
        customer: None,
        delivery: false,
        dates: Vec::new(),
        reference: None,
        lines: Vec::new(),
        totals: None,
        settlement: None,
        payment_days: None,
        texts: Vec::new(),
        signatures: false,
    };
    let args = || IdArgs { id: id.to_owned() };
    match kind {
        DocumentKind::Quote => {
            let q = quotes::get(conn, args())?;
            let f = q.fields;
            doc.number = Some(q.number);
            doc.subject = f.subject;
            doc.customer = customer(conn, &f.account_id, &f.contact_id, f.billing_address, false)?;
            doc.dates.push((DateKind::Issued, day_of(&q.created_at)));
            doc.dates.extend(optional_date(&f.valid_until).map(|d| (DateKind::ValidUntil, d)));
            priced(&mut doc, f.currency, &f.lines, q.totals);
            doc.texts.push((TextKind::Terms, f.terms));
        }
        DocumentKind::SalesOrder => {
            let o = orders::get(conn, args())?;
            let f = o.fields;
            doc.number = Some(o.number);
            doc.subject = f.subject;
            doc.customer = customer(conn, &f.account_id, &f.contact_id, f.billing_address, false)?;
            doc.dates.push((DateKind::Issued, day_of(&o.created_at)));
            priced(&mut doc, f.currency, &f.lines, o.totals);
            doc.texts.push((TextKind::Terms, f.terms));
        }
        DocumentKind::Invoice => {
            let i = invoices::get(conn, args())?;
            let f = i.fields;
            doc.number = i.number;
            doc.subject = f.subject;
            doc.customer = customer(conn, &f.account_id, &f.contact_id, f.billing_address, false)?;
            doc.dates.extend(optional_date(&i.issue_date).map(|d| (DateKind::Issued, d)));
            doc.dates.extend(optional_date(&i.due_date).map(|d| (DateKind::Due, d)));
            if i.due_date.is_some() {
                let days = match f.payment_terms_days {
                    Some(days) => days,
                    None => numbering::get(conn, NoArgs {})?.payment_terms_days,
                };
                doc.payment_days = Some(days);
            }
            if !(i.paid.is_zero() && i.credited.is_zero()) {
                doc.settlement = Some(Settlement { credited: i.credited, paid: i.paid, balance: i.balance });
            }
            priced(&mut doc, f.currency, &f.lines, i.totals);
            doc.texts.push((TextKind::Terms, f.terms));
        }
        DocumentKind::CreditNote => {
            let c = credit_notes::get(conn, args())?;
            let invoice = invoices::get(conn, IdArgs { id: c.fields.invoice_id.clone() })?;
            let f = invoice.fields;
            doc.number = c.number;
            doc.customer = customer(conn, &f.account_id, &f.contact_id, f.billing_address, false)?;
            doc.dates.extend(optional_date(&c.issue_date).map(|d| (DateKind::Issued, d)));
            doc.reference = Some(Reference::CreditFor {
                number: invoice.number.unwrap_or_default(),
                date: optional_date(&invoice.issue_date),
            });
            priced(&mut doc, c.currency, &c.fields.lines, c.totals);
            doc.texts.push((TextKind::Reason, c.fields.reason));
        }
        DocumentKind::ServiceAct => {
            let a = service_acts::get(conn, args())?;
            let invoice = invoices::get(conn, IdArgs { id: a.invoice_id.clone() })?;
            let f = invoice.fields;
            doc.number = Some(a.number);
            doc.subject = f.subject;
            doc.customer = customer(conn, &f.account_id, &f.contact_id, f.billing_address, false)?;
            doc.dates.extend(optional_date(&Some(a.date)).map(|d| (DateKind::Issued, d)));
            doc.reference = Some(Reference::WorkUnder {
                number: invoice.number.unwrap_or_default(),
                date: optional_date(&invoice.issue_date),
            });
            priced(&mut doc, a.currency, &a.lines, a.totals);
            doc.texts.push((TextKind::Note, a.note));
            doc.signatures = true;
        }
        DocumentKind::Waybill => {
            let w = waybills::get(conn, args())?;
            let order = orders::get(conn, IdArgs { id: w.order_id.clone() })?;
            let f = order.fields;
            doc.number = Some(w.number);
            doc.subject = f.subject;
            doc.delivery = true;
            let address = f.shipping_address.or(f.billing_address);
            doc.customer = customer(conn, &f.account_id, &f.contact_id, address, true)?;
            doc.dates.extend(optional_date(&Some(w.date)).map(|d| (DateKind::Issued, d)));
            doc.reference = Some(Reference::DeliveryOf { number: order.number });
            doc.currency = f.currency;
            doc.lines = w
                .lines
                .iter()
                .map(|l| Line {
                    code: f.lines.get(l.line as usize).map(|o| o.product_code.clone()).unwrap_or_default(),
                    description: l.description.clone(),
                    quantity: l.quantity,
                    unit: l.unit.clone(),
                    ..Line::default()
                })
                .collect();
            doc.texts.push((TextKind::Note, w.note));
            doc.signatures = true;
        }
    }
    doc.texts.retain(|(_, text)| !text.trim().is_empty());
    Ok(doc)
}

/// The lines with their stored nets, and the stored totals.
fn priced(doc: &mut PrintDoc, currency: String, lines: &[LineItem], totals: Totals) {
    doc.currency = currency;
    doc.lines = lines
        .iter()
        .enumerate()
        .map(|(i, l)| Line {
            code: l.product_code.clone(),
            description: l.description.clone(),
            quantity: l.quantity,
            unit: l.unit.clone(),
            unit_price: Some(l.unit_price.unwrap_or_default()),
            discount: l.discount,
            tax_rate: Some(l.tax_rate.unwrap_or_default()),
            net: Some(totals.lines.get(i).map_or(Decimal::ZERO, |t| t.net)),
        })
        .collect();
    doc.totals = Some(totals);
}

/// The customer block: the account's name (else the contact's), the document's address (else
/// the account's billing address, or its shipping address for a delivery) and the contact.
fn customer(
    conn: &Connection,
    account_id: &Option<String>,
    contact_id: &Option<String>,
    address: Option<Address>,
    delivery: bool,
) -> Result<Option<super::model::Party>> {
    let account = account_id.as_ref().map(|id| accounts::get(conn, IdArgs { id: id.clone() })).transpose()?;
    let contact = contact_id.as_ref().map(|id| contacts::get(conn, IdArgs { id: id.clone() })).transpose()?;
    let contact_name = contact.as_ref().map(|c| c.display_name.clone()).filter(|n| !n.is_empty());
    let contact_email = contact.as_ref().and_then(|c| primary(&c.fields.emails));
    let Some(account) = account else {
        return Ok(contact_name.map(|name| super::model::Party {
            name,
            address: address_lines(address.as_ref()),
            email: contact_email,
            ..Default::default()
        }));
    };
    let a = account.fields;
    let fallback = if delivery { a.shipping_address.or(a.billing_address) } else { a.billing_address };
    Ok(Some(super::model::Party {
        name: a.name,
        address: address_lines(address.or(fallback).as_ref()),
        tax_id: a.tax_id,
        contact: contact_name,
        email: contact_email.or_else(|| primary(&a.emails)),
    }))
}

/// The primary value of a list of e-mails (else the first).
fn primary(values: &[crate::fields::LabeledValue]) -> Option<String> {
    values.iter().find(|v| v.primary).or(values.first()).map(|v| v.value.clone()).filter(|v| !v.is_empty())
}

/// An address as printed: street lines, postal code and city, region, country.
fn address_lines(address: Option<&Address>) -> Vec<String> {
    let Some(a) = address else { return Vec::new() };
    let mut lines: Vec<String> = a.street.lines().map(str::trim).map(str::to_owned).collect();
    lines.push(format!("{} {}", a.postal_code, a.city).trim().to_owned());
    lines.push(a.region.clone());
    lines.push(a.country.clone());
    lines.retain(|l| !l.is_empty());
    lines
}

fn optional_date(text: &Option<String>) -> Option<NaiveDate> {
    text.as_deref().and_then(|d| documents::date("date", d).ok())
}

/// The local calendar day of a stored instant (the day a quote or order was made).
fn day_of(instant: &str) -> NaiveDate {
    let ms = chrono::DateTime::parse_from_rfc3339(instant).map(|t| t.timestamp_millis()).unwrap_or_default();
    documents::today_ms(ms)
}
