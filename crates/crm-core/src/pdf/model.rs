//! The one printable model every document kind is read into: what the page shows, in no
//! language yet (the renderer picks the words and formats for the locale). Amounts are the
//! stored ones; nothing here computes money.

use crate::totals::{Discount, Totals};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The kinds of document that print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Quote,
    SalesOrder,
    Invoice,
    CreditNote,
    ServiceAct,
    Waybill,
}

/// The company issuing the document (from the settings).
#[derive(Debug, Clone, Default)]
pub struct Company {
    pub name: String,
    /// Several lines.
    pub address: String,
    pub tax_id: String,
    /// A `data:image/…;base64,` URL; drawn when it decodes.
    pub logo: Option<String>,
}

/// The customer block: a name and the address lines under it.
#[derive(Debug, Clone, Default)]
pub struct Party {
    pub name: String,
    pub address: Vec<String>,
    pub tax_id: String,
    pub contact: Option<String>,
    /// Where the document is sent: the contact's primary e-mail, else the account's.
    pub email: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    Issued,
    ValidUntil,
    Due,
}

/// One row of the line table. A waybill's rows have no money.
#[derive(Debug, Clone, Default)]
pub struct Line {
    pub code: String,
    pub description: String,
    pub quantity: Decimal,
    pub unit: String,
    pub unit_price: Option<Decimal>,
    pub discount: Option<Discount>,
    pub tax_rate: Option<Decimal>,
    /// The stored line net (after the line's own discount).
    pub net: Option<Decimal>,
}

/// What a document says about the one it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub enum Reference {
    /// A credit note: the invoice credited.
    CreditFor { number: String, date: Option<NaiveDate> },
    /// A service act: the invoice the work was done under.
    WorkUnder { number: String, date: Option<NaiveDate> },
    /// A waybill: the sales order delivered.
    DeliveryOf { number: String },
}

/// An invoice's settlement, printed once something was paid or credited.
#[derive(Debug, Clone, Copy)]
pub struct Settlement {
    pub credited: Decimal,
    pub paid: Decimal,
    pub balance: Decimal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    Terms,
    Reason,
    Note,
}

#[derive(Debug, Clone)]
pub struct PrintDoc {
    pub kind: DocumentKind,
    /// None on a draft invoice or credit note (numbered when issued).
    pub number: Option<String>,
    pub subject: String,
    /// The BCP 47 tag words, numbers and dates are written for.
    pub locale: String,
    pub currency: String,
    pub company: Company,
    pub customer: Option<Party>,
    /// Waybills print the delivery address instead of the billing one.
    pub delivery: bool,
    pub dates: Vec<(DateKind, NaiveDate)>,
    pub reference: Option<Reference>,
    pub lines: Vec<Line>,
    /// As stored with the document; None on a waybill (quantities only).
    pub totals: Option<Totals>,
    pub settlement: Option<Settlement>,
    /// Days to pay, printed with the due date.
    pub payment_days: Option<u32>,
    pub texts: Vec<(TextKind, String)>,
    /// Signature lines under an act or a delivery note.
    pub signatures: bool,
}
