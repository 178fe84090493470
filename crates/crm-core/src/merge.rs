//! Merging two duplicate contacts or accounts: the winner keeps its values
//! (or the loser's, field by field, as chosen), gains what it lacked, and takes
//! over every record that pointed at the loser. The loser stays as a tombstone
//! pointing at the winner, so its history shows on the winner. One batch: undoable.

use crate::error::{Error, Result};
use crate::write::{Fields, RecordKind, Writer};
use crate::{accounts, contacts, leads, opportunities, opportunity_contacts, relationships, IdArgs};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MergeType {
    Contact,
    Account,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct MergeArgs {
    pub record_type: MergeType,
    /// The record that stays.
    pub winner_id: String,
    /// The duplicate that goes.
    pub loser_id: String,
    /// Fields whose value is taken from the loser.
    #[serde(default)]
    pub take: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MergeResult {
    /// Pass to `batch_undo` to take the merge back.
    pub batch_id: String,
    pub winner_id: String,
    /// Records that pointed at the loser and now point at the winner.
    pub relinked: u64,
}

/// Records that point at a merged contact: (their kind, the linking column).
static CONTACT_REFERENCES: [(&RecordKind, &str); 11] = [
    (&opportunities::OPPORTUNITY, "contact_id"),
    (&opportunity_contacts::OPPORTUNITY_CONTACT, "contact_id"),
    (&leads::LEAD, "converted_contact_id"),
    (&relationships::RELATIONSHIP, "from_id"),
    (&relationships::RELATIONSHIP, "to_id"),
    (&crate::tasks::TASK, "record_id"),
    (&crate::tasks::TASK, "person_id"),
    (&crate::events::EVENT, "record_id"),
    (&crate::events::EVENT_ATTENDEE, "attendee_id"),
    (&crate::calls::CALL, "record_id"),
    (&crate::calls::CALL, "person_id"),
];

/// Records that point at a merged account.
static ACCOUNT_REFERENCES: [(&RecordKind, &str); 10] = [
    (&contacts::CONTACT, "account_id"),
    (&opportunities::OPPORTUNITY, "account_id"),
    (&opportunities::OPPORTUNITY, "partner_account_id"),
    (&leads::LEAD, "converted_account_id"),
    (&accounts::ACCOUNT, "parent_id"),
    (&relationships::RELATIONSHIP, "from_id"),
    (&relationships::RELATIONSHIP, "to_id"),
    (&crate::tasks::TASK, "record_id"),
    (&crate::events::EVENT, "record_id"),
    (&crate::calls::CALL, "record_id"),
];

fn references(kind: MergeType) -> &'static [(&'static RecordKind, &'static str)] {
    match kind {
        MergeType::Contact => &CONTACT_REFERENCES,
        MergeType::Account => &ACCOUNT_REFERENCES,
    }
}

pub(crate) fn is_blank(v: &Value) -> bool {
    matches!(v, Value::Null)
        || v.as_str().is_some_and(|s| s.trim().is_empty())
        || v.as_array().is_some_and(Vec::is_empty)
}

/// The winner's changes: taken fields from the loser, empty fields filled, lists joined.
pub(crate) fn merged_changes(winner: &Value, loser: &Value, take: &[String]) -> Result<Fields> {
    let (Some(w), Some(l)) = (winner.as_object(), loser.as_object()) else {
        return Err(Error::internal("records did not serialise to objects"));
    };
    for field in take {
        if !w.contains_key(field) {
            return Err(Error::invalid("take", format!("Unknown field {field:?}")));
        }
    }
    let mut changes = Fields::new();
    for (field, mine) in w {
        let theirs = &l[field];
        let value = if take.contains(field) || is_blank(mine) {
            theirs.clone()
        } else if let (Some(a), Some(b)) = (mine.as_array(), theirs.as_array()) {
            let mut joined = a.clone();
            for item in b {
                let key = item.get("value").unwrap_or(item);
                if !joined.iter().any(|j| j.get("value").unwrap_or(j) == key) {
                    let mut item = item.clone();
                    if let Some(p) = item.get_mut("primary") {
                        *p = Value::Bool(false);
                    }
                    joined.push(item);
                }
            }
            Value::Array(joined)
        } else {
            mine.clone()
        };
        if &value != mine {
            changes.insert(field.clone(), value);
        }
    }
    Ok(changes)
}

pub fn merge(w: &mut Writer, args: MergeArgs) -> Result<MergeResult> {
    if args.winner_id == args.loser_id {
        return Err(Error::invalid("loser_id", "A record cannot be merged with itself"));
    }
    let batch_id = crate::new_id();
    w.set_batch(Some(batch_id.clone()));
    let (kind, mut changes) = match args.record_type {
        MergeType::Contact => {
            let winner = contacts::get(w.conn(), IdArgs { id: args.winner_id.clone() })?;
            let loser = contacts::get(w.conn(), IdArgs { id: args.loser_id.clone() })?;
            live(&[&winner.deleted_at, &loser.deleted_at])?;
            let changes = merged_changes(
                &serde_json::to_value(&winner.fields)?,
                &serde_json::to_value(&loser.fields)?,
                &args.take,
            )?;
            (&contacts::CONTACT, changes)
        }
        MergeType::Account => {
            let winner = accounts::get(w.conn(), IdArgs { id: args.winner_id.clone() })?;
            let loser = accounts::get(w.conn(), IdArgs { id: args.loser_id.clone() })?;
            live(&[&winner.deleted_at, &loser.deleted_at])?;
            let mut changes = merged_changes(
                &serde_json::to_value(&winner.fields)?,
                &serde_json::to_value(&loser.fields)?,
                &args.take,
            )?;
            // The winner cannot become its own parent: it takes the loser's parent instead.
            if winner.fields.parent_id.as_deref() == Some(args.loser_id.as_str())
                || changes.get("parent_id").and_then(Value::as_str) == Some(args.winner_id.as_str())
            {
                changes.insert("parent_id".into(), loser.fields.parent_id.map_or(Value::Null, Value::String));
            }
            (&accounts::ACCOUNT, changes)
        }
    };
    // Re-point everything that referred to the loser.
    let mut relinked = 0;
    for (referrer, column) in references(args.record_type) {
        let ids: Vec<(String, Option<String>)> = w
            .conn()
            .prepare(&format!(
                "SELECT id, {} FROM {} WHERE {column} = ?1 AND deleted_at IS NULL",
                if referrer.name == "relationship" {
                    "CASE WHEN from_id = ?1 THEN to_id ELSE from_id END"
                } else {
                    "NULL"
                },
                referrer.table
            ))?
            .query_map([&args.loser_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (id, other_side) in ids {
            if id == args.winner_id || other_side.as_deref() == Some(args.winner_id.as_str()) {
                // The winner itself, or a relationship between the two: it would point at itself.
                if referrer.name == "relationship" {
                    w.delete(referrer, &id)?;
                }
                continue;
            }
            if referrer.name == opportunity_contacts::OPPORTUNITY_CONTACT.name
                && opportunity_contacts::deal_has_contact(w.conn(), &id, &args.winner_id)?
            {
                w.delete(referrer, &id)?; // the winner already has a part in that deal
                continue;
            }
            let mut link = Fields::new();
            link.insert((*column).into(), Value::String(args.winner_id.clone()));
            w.update(referrer, &id, link)?;
            relinked += 1;
        }
    }
    changes.retain(|k, _| k != "merged_into");
    if !changes.is_empty() {
        match args.record_type {
            MergeType::Contact => {
                contacts::update(w, contacts::ContactUpdate { id: args.winner_id.clone(), changes })?;
            }
            MergeType::Account => {
                accounts::update(w, accounts::AccountUpdate { id: args.winner_id.clone(), changes })?;
            }
        }
    }
    let mut pointer = Fields::new();
    pointer.insert("merged_into".into(), Value::String(args.winner_id.clone()));
    w.update(kind, &args.loser_id, pointer)?;
    w.delete(kind, &args.loser_id)?;
    w.set_batch(None);
    Ok(MergeResult { batch_id, winner_id: args.winner_id, relinked })
}

fn live(deleted: &[&Option<String>]) -> Result<()> {
    if deleted.iter().any(|d| d.is_some()) {
        return Err(Error::conflict("A deleted record cannot be merged; restore it first"));
    }
    Ok(())
}
