//! Actions on many selected records at once: tag, change owner, delete, move
//! leads to a status, move opportunities to a stage (the board's drop). Each is one transaction and one batch, so `batch_undo`
//! takes it back.

use crate::error::{Error, Result};
use crate::fields::clean_tags;
use crate::leads::{self, LeadStatus, LeadStatusChange};
use crate::text::fold;
use crate::write::{check_live, Fields, RecordKind, Writer};
use crate::{accounts, contacts, invoices, opportunities, orders, products, quotes, users, IdArgs};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

const MAX_IDS: usize = 100_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ListType {
    Contact,
    Account,
    Lead,
    Opportunity,
    Product,
    Quote,
    SalesOrder,
    Invoice,
}

impl ListType {
    fn kind(self) -> &'static RecordKind {
        match self {
            ListType::Contact => &contacts::CONTACT,
            ListType::Account => &accounts::ACCOUNT,
            ListType::Lead => &leads::LEAD,
            ListType::Opportunity => &opportunities::OPPORTUNITY,
            ListType::Product => &products::PRODUCT,
            ListType::Quote => &quotes::QUOTE,
            ListType::SalesOrder => &orders::ORDER,
            ListType::Invoice => &invoices::INVOICE,
        }
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BulkTag {
    pub record_type: ListType,
    pub ids: Vec<String>,
    #[serde(default)]
    pub add: Vec<String>,
    #[serde(default)]
    pub remove: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BulkOwner {
    pub record_type: ListType,
    pub ids: Vec<String>,
    pub owner_id: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BulkDelete {
    pub record_type: ListType,
    pub ids: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BulkLeadStatus {
    pub ids: Vec<String>,
    pub status: LeadStatus,
    #[serde(default)]
    pub reason: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BulkOpportunityStage {
    pub ids: Vec<String>,
    pub stage: String,
    /// Needed when the stage is a lost one.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub lost_reason: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub won_reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BulkResult {
    /// Pass to `batch_undo` to take the action back.
    pub batch_id: String,
    /// Records that changed.
    pub changed: u64,
}

/// Runs `each` for every id as one batch; an error names the row it happened on.
fn batch(
    w: &mut Writer,
    ids: &[String],
    mut each: impl FnMut(&mut Writer, &str) -> Result<bool>,
) -> Result<BulkResult> {
    if ids.is_empty() {
        return Err(Error::invalid("ids", "Select at least one record"));
    }
    if ids.len() > MAX_IDS {
        return Err(Error::invalid("ids", format!("At most {MAX_IDS} records at once")));
    }
    let batch_id = crate::new_id();
    w.set_batch(Some(batch_id.clone()));
    let mut changed = 0;
    for (row, id) in ids.iter().enumerate() {
        match each(w, id) {
            Ok(true) => changed += 1,
            Ok(false) => {}
            Err(mut e) => {
                e.row = Some(row as u64 + 1);
                return Err(e);
            }
        }
    }
    w.set_batch(None);
    Ok(BulkResult { batch_id, changed })
}

pub fn tag(w: &mut Writer, args: BulkTag) -> Result<BulkResult> {
    let add = clean_tags(&args.add)?;
    let remove: Vec<String> = args.remove.iter().map(|t| fold(t)).collect();
    let kind = args.record_type.kind();
    batch(w, &args.ids, |w, id| {
        let current: String = w
            .conn()
            .prepare_cached(&format!("SELECT tags FROM {} WHERE id = ?1 AND deleted_at IS NULL", kind.table))?
            .query_row([id], |r| r.get(0))
            .map_err(|_| Error::not_found(kind.name, id))?;
        let mut tags: Vec<String> = serde_json::from_str(&current)?;
        tags.retain(|t| !remove.contains(&fold(t)));
        tags.extend(add.iter().cloned());
        let mut fields = Fields::new();
        fields.insert("tags".into(), serde_json::to_value(clean_tags(&tags)?)?);
        w.update(kind, id, fields)
    })
}

pub fn owner(w: &mut Writer, args: BulkOwner) -> Result<BulkResult> {
    check_live(w.conn(), &users::USER, &args.owner_id, "owner_id")?;
    let kind = args.record_type.kind();
    batch(w, &args.ids, |w, id| {
        let mut fields = Fields::new();
        fields.insert("owner_id".into(), Value::String(args.owner_id.clone()));
        w.update(kind, id, fields)
    })
}

pub fn delete(w: &mut Writer, args: BulkDelete) -> Result<BulkResult> {
    batch(w, &args.ids, |w, id| {
        let id = IdArgs { id: id.to_owned() };
        match args.record_type {
            ListType::Contact => contacts::delete(w, id).map(|_| true),
            ListType::Account => accounts::delete(w, id).map(|_| true),
            ListType::Lead => leads::delete(w, id).map(|_| true),
            ListType::Opportunity => opportunities::delete(w, id).map(|_| true),
            ListType::Product => products::delete(w, id).map(|_| true),
            ListType::Quote => quotes::delete(w, id).map(|_| true),
            ListType::SalesOrder => orders::delete(w, id).map(|_| true),
            ListType::Invoice => invoices::delete(w, id).map(|_| true),
        }
    })
}

pub fn lead_status(w: &mut Writer, args: BulkLeadStatus) -> Result<BulkResult> {
    batch(w, &args.ids, |w, id| {
        leads::set_status(w, LeadStatusChange { id: id.to_owned(), status: args.status, reason: args.reason.clone() })
            .map(|_| true)
    })
}

/// Moves deals to a stage as `opportunity_update` would (probability, forecast, closing, stage
/// history), as one batch so that undo also takes back the history rows.
pub fn opportunity_stage(w: &mut Writer, args: BulkOpportunityStage) -> Result<BulkResult> {
    let mut changes = serde_json::Map::new();
    changes.insert("stage".into(), Value::String(args.stage.clone()));
    for (field, reason) in [("lost_reason", &args.lost_reason), ("won_reason", &args.won_reason)] {
        if let Some(reason) = reason.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
            changes.insert(field.into(), Value::String(reason.to_owned()));
        }
    }
    batch(w, &args.ids, |w, id| {
        let current = opportunities::get(w.conn(), IdArgs { id: id.to_owned() })?;
        if current.fields.stage == args.stage.trim() {
            return Ok(false);
        }
        opportunities::update(w, opportunities::OpportunityUpdate { id: id.to_owned(), changes: changes.clone() })?;
        Ok(true)
    })
}
