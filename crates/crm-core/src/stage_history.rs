//! The stage history of opportunities: one row per stage a deal entered, with the day and the
//! amount and probability it had then, written in the same transaction as the deal (funnel and trend reports).

use crate::error::Result;
use crate::opportunities::OpportunityInput;
use crate::write::{Fields, RecordKind, Writer};
use crate::IdArgs;
use rusqlite::Connection;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

pub static STAGE_CHANGE: RecordKind = RecordKind {
    name: "opportunity_stage_change",
    table: "opportunity_stage_history",
    json_columns: &[],
    derived: &[],
    tagged: false,
    search: None,
};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StageChange {
    pub id: String,
    pub created_at: String,
    pub opportunity_id: String,
    pub stage: String,
    /// The stage it left; null when the deal was created.
    pub from_stage: Option<String>,
    /// ISO date of the change.
    pub changed_on: String,
    #[ts(type = "string | null")]
    pub amount: Option<Decimal>,
    pub currency: String,
    pub probability: u8,
}

/// Records that the deal entered its (validated) stage, coming from `from`.
pub(crate) fn record(w: &mut Writer, opportunity_id: &str, from: Option<&str>, o: &OpportunityInput) -> Result<()> {
    let mut fields = Fields::new();
    fields.insert("opportunity_id".into(), Value::String(opportunity_id.to_owned()));
    fields.insert("stage".into(), Value::String(o.stage.clone()));
    fields.insert("from_stage".into(), from.map_or(Value::Null, |f| Value::String(f.to_owned())));
    fields.insert("changed_on".into(), Value::String(w.today().to_string()));
    fields.insert("amount".into(), o.amount.map_or(Value::Null, |a| Value::String(a.to_string())));
    fields.insert("currency".into(), Value::String(o.currency.clone()));
    fields.insert("probability".into(), Value::from(o.probability.unwrap_or(0)));
    w.insert(&STAGE_CHANGE, &crate::new_id(), fields)
}

/// A deal's stage changes, oldest first.
pub fn list(conn: &Connection, args: IdArgs) -> Result<Vec<StageChange>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, created_at, opportunity_id, stage, from_stage, changed_on, amount, currency, probability
         FROM opportunity_stage_history WHERE opportunity_id = ?1 AND deleted_at IS NULL ORDER BY created_at, id",
    )?;
    let rows = stmt
        .query_map([&args.id], |r| {
            Ok(StageChange {
                id: r.get(0)?,
                created_at: r.get(1)?,
                opportunity_id: r.get(2)?,
                stage: r.get(3)?,
                from_stage: r.get(4)?,
                changed_on: r.get(5)?,
                amount: r.get::<_, Option<String>>(6)?.and_then(|a| a.parse().ok()),
                currency: r.get(7)?,
                probability: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
