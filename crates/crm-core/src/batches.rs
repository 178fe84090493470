//! Undo of a batch of writes (a merge, an import): every change-log entry of the
//! batch is reversed through the write path, newest first, as one transaction.

use crate::error::{Error, ErrorCode, Result};
use crate::write::{Fields, Writer};
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BatchArgs {
    pub batch_id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct UndoReport {
    pub batch_id: String,
    /// Record writes reversed.
    pub reverted: u64,
}

/// The batch id the reversal of `batch_id` is logged under.
fn undo_id(batch_id: &str) -> String {
    format!("undo:{batch_id}")
}

pub fn undo(w: &mut Writer, args: BatchArgs) -> Result<UndoReport> {
    let batch = args.batch_id;
    let entries: Vec<(i64, String, String, String, Option<String>)> = w
        .conn()
        .prepare(
            "SELECT seq, record_type, record_id, op, previous FROM change_log WHERE batch_id = ?1 ORDER BY seq DESC",
        )?
        .query_map([&batch], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if entries.is_empty() {
        return Err(Error::new(ErrorCode::NotFound, format!("No writes were made as batch {batch}")));
    }
    let undone = w
        .conn()
        .query_row("SELECT 1 FROM change_log WHERE batch_id = ?1 LIMIT 1", [undo_id(&batch)], |_| Ok(()))
        .optional()?;
    if undone.is_some() {
        return Err(Error::conflict("This was already undone"));
    }
    // Refuse when a record was changed after the batch: undoing would overwrite that work.
    let last_seq = entries[0].0;
    for (_, record_type, id, _, _) in &entries {
        let later: Option<i64> = w
            .conn()
            .prepare_cached("SELECT seq FROM change_log WHERE record_id = ?1 AND seq > ?2 LIMIT 1")?
            .query_row((id, last_seq), |r| r.get(0))
            .optional()?;
        if later.is_some() {
            return Err(Error::conflict(format!(
                "The {record_type} {id} was changed afterwards; undo is no longer possible"
            )));
        }
    }
    w.set_batch(Some(undo_id(&batch)));
    for (_, record_type, id, op, previous) in &entries {
        let kind = crate::record_kinds()
            .into_iter()
            .find(|k| k.name == record_type)
            .ok_or_else(|| Error::internal(format!("unknown record type {record_type} in the change log")))?;
        match op.as_str() {
            "create" | "restore" => w.delete(kind, id)?,
            "delete" => w.restore(kind, id)?,
            "update" => {
                let previous: Fields = serde_json::from_str(previous.as_deref().unwrap_or("{}"))?;
                w.update(kind, id, previous)?;
            }
            other => return Err(Error::internal(format!("unknown change-log op {other}"))),
        }
    }
    w.set_batch(None);
    Ok(UndoReport { batch_id: batch, reverted: entries.len() as u64 })
}
