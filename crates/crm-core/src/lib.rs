//! Outpost CRM core: every business rule, the store and the write path.
//! Knows nothing of windows or HTTP; the desktop app, the `crm` tool and the
//! sync server are thin shells over it.

pub mod accounts;
pub mod activities;
pub mod attachments;
pub mod batches;
pub mod bulk;
pub mod calendar;
pub mod calls;
pub mod clock;
pub mod commands;
pub mod compact_text;
pub mod contacts;
pub mod contracts;
pub mod credit_notes;
pub mod currency;
pub mod demo;
pub mod documents;
pub mod duplicates;
pub mod error;
pub mod events;
pub mod export;
pub mod fields;
pub mod ical;
pub mod import;
pub mod invoices;
pub mod leads;
pub mod line_items;
pub mod list;
pub mod locale_format;
pub mod maintenance;
pub mod merge;
pub mod migrations;
pub mod notes;
pub mod numbering;
pub mod occurrences;
pub mod opportunities;
pub mod opportunity_contacts;
pub mod opportunity_lines;
pub mod orders;
pub mod patch;
pub mod payments;
pub mod pdf;
pub mod pipeline;
mod plain_rule;
pub mod price_books;
pub mod products;
pub mod quote_versions;
pub mod quotes;
pub mod recurrence;
pub mod relationships;
pub mod reminders;
pub mod search;
pub mod service_acts;
pub mod settings;
pub mod stage_history;
pub mod stages;
pub mod store;
pub mod tags;
pub mod tasks;
pub mod text;
pub mod time;
pub mod timeline;
pub mod totals;
pub mod users;
pub mod views;
pub mod waybills;
pub mod write;

pub use error::{Error, ErrorCode, Result};
pub use store::Store;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The app's identifier: its data directory name and its bundle id.
pub const APP_IDENTIFIER: &str = "app.outpost.crm";

/// Every record type the write path stores.
pub fn record_kinds() -> [&'static write::RecordKind; 32] {
    [
        &contacts::CONTACT,
        &accounts::ACCOUNT,
        &leads::LEAD,
        &opportunities::OPPORTUNITY,
        &stages::STAGE,
        &stage_history::STAGE_CHANGE,
        &opportunity_contacts::OPPORTUNITY_CONTACT,
        &settings::SETTINGS,
        &leads::LEAD_SETTINGS,
        &relationships::RELATIONSHIP,
        &notes::NOTE,
        &attachments::ATTACHMENT,
        &views::VIEW,
        &users::USER,
        &products::PRODUCT,
        &price_books::PRICE_BOOK,
        &price_books::PRICE_BOOK_ENTRY,
        &quotes::QUOTE,
        &orders::ORDER,
        &waybills::WAYBILL,
        &numbering::DOCUMENT_SETTINGS,
        &numbering::COUNTER,
        &invoices::INVOICE,
        &credit_notes::CREDIT_NOTE,
        &payments::PAYMENT,
        &payments::ALLOCATION,
        &service_acts::ACT,
        &contracts::CONTRACT,
        &tasks::TASK,
        &events::EVENT,
        &events::EVENT_ATTENDEE,
        &calls::CALL,
    ]
}

/// A new record id: UUIDv7, unique across devices and sortable by creation time.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Arguments of a command that takes none.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(type = "Record<string, never>")]
pub struct NoArgs {}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct IdArgs {
    pub id: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub schema_version: i64,
    pub db_path: String,
    pub device_id: String,
    /// The user this device writes as (the owner of what is created here).
    pub user_id: String,
}

pub fn app_info(store: &Store, _: NoArgs) -> Result<AppInfo> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").into(),
        schema_version: store.read(|c| Ok(c.query_row("PRAGMA user_version", [], |r| r.get(0))?))?,
        db_path: store.path().display().to_string(),
        device_id: store.device_id().into(),
        user_id: store.user_id().into(),
    })
}
