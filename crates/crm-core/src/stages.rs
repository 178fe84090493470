//! The sales stages, configurable: their order, name, probability, whether they are open, won or
//! lost, and the coaching note shown on a deal in the stage. Opportunities store the stage key.

use crate::error::{Error, Result};
use crate::fields::{check_len, trimmed, MAX_TEXT};
use crate::write::{Fields, RecordKind, Writer};
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

pub static STAGE: RecordKind = RecordKind {
    name: "sales_stage",
    table: "sales_stages",
    json_columns: &[],
    derived: &[],
    tagged: false,
    search: None,
};

/// Whether a deal in the stage is still being worked, won or lost.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StageKind {
    #[default]
    Open,
    Won,
    Lost,
}

impl StageKind {
    pub fn as_str(self) -> &'static str {
        match self {
            StageKind::Open => "open",
            StageKind::Won => "won",
            StageKind::Lost => "lost",
        }
    }

    fn parse(text: &str) -> StageKind {
        match text {
            "won" => StageKind::Won,
            "lost" => StageKind::Lost,
            _ => StageKind::Open,
        }
    }
}

/// A sales stage as stored, in the order of the pipeline.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Stage {
    pub key: String,
    pub name: String,
    /// The probability a deal takes when it enters the stage (0–100).
    pub probability: u8,
    /// Won or lost: the deal is over.
    pub closed: bool,
    pub won: bool,
    /// 0 for the first stage.
    pub position: u32,
    pub kind: StageKind,
    /// What to do in this stage and which documents to prepare.
    pub coaching: String,
}

/// One stage of `stage_save`; the list's order is the pipeline's order.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct StageInput {
    pub key: String,
    pub name: String,
    pub probability: u8,
    pub kind: StageKind,
    pub coaching: String,
}

/// The deals of a removed stage go to another stage of the same kind.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct StageMove {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct StageSave {
    /// The whole list in its new order: stages left out are removed.
    pub stages: Vec<StageInput>,
    /// Where the deals of removed stages go.
    pub moves: Vec<StageMove>,
}

const SELECT: &str =
    "SELECT id, name, probability, position, kind, coaching FROM sales_stages WHERE deleted_at IS NULL";

fn from_row(r: &Row) -> rusqlite::Result<Stage> {
    let kind = StageKind::parse(&r.get::<_, String>(4)?);
    Ok(Stage {
        key: r.get(0)?,
        name: r.get(1)?,
        probability: r.get(2)?,
        closed: kind != StageKind::Open,
        won: kind == StageKind::Won,
        position: r.get(3)?,
        kind,
        coaching: r.get(5)?,
    })
}

/// The sales stages, in order.
pub fn list(conn: &Connection, _: crate::NoArgs) -> Result<Vec<Stage>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} ORDER BY position"))?;
    let stages = stmt.query_map([], from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(stages)
}

/// A live stage by key.
pub fn get(conn: &Connection, key: &str) -> Result<Option<Stage>> {
    Ok(conn.prepare_cached(&format!("{SELECT} AND id = ?1"))?.query_row([key], from_row).optional()?)
}

/// The keys of the stages of one kind (for filters).
pub fn keys_of(conn: &Connection, kind: StageKind) -> Result<Vec<String>> {
    Ok(list(conn, crate::NoArgs {})?.into_iter().filter(|s| s.kind == kind).map(|s| s.key).collect())
}

fn validate(stages: &[StageInput]) -> Result<Vec<StageInput>> {
    let mut clean: Vec<StageInput> = Vec::with_capacity(stages.len());
    for (i, s) in stages.iter().enumerate() {
        let field = |name: &str| format!("stages[{i}].{name}");
        let key = trimmed(&s.key);
        let name = trimmed(&s.name);
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
            return Err(Error::invalid(&field("key"), "A stage key is lower-case letters, digits and _"));
        }
        check_len(&field("key"), &key, 64)?;
        if clean.iter().any(|c| c.key == key) {
            return Err(Error::invalid(&field("key"), format!("The key {key:?} is used by another stage")));
        }
        if name.is_empty() {
            return Err(Error::invalid(&field("name"), "A stage needs a name"));
        }
        check_len(&field("name"), &name, MAX_TEXT)?;
        if s.probability > 100 {
            return Err(Error::invalid(&field("probability"), "Probability is a percentage, 0 to 100"));
        }
        let coaching = s.coaching.trim().to_owned();
        check_len(&field("coaching"), &coaching, 10_000)?;
        clean.push(StageInput { key, name, probability: s.probability, kind: s.kind, coaching });
    }
    for kind in [StageKind::Open, StageKind::Won, StageKind::Lost] {
        if !clean.iter().any(|s| s.kind == kind) {
            return Err(Error::invalid("stages", format!("The pipeline needs at least one {} stage", kind.as_str())));
        }
    }
    Ok(clean)
}

/// Replaces the stages with the given list, in one transaction: new stages are added, changed ones
/// updated, the order taken from the list; a removed stage's deals move as `moves` says.
pub fn save(w: &mut Writer, args: StageSave) -> Result<Vec<Stage>> {
    let stages = validate(&args.stages)?;
    let before = list(w.conn(), crate::NoArgs {})?;
    for (i, m) in args.moves.iter().enumerate() {
        let Some(from) = before.iter().find(|s| s.key == m.from) else {
            return Err(Error::invalid(&format!("moves[{i}].from"), format!("{:?} is not a sales stage", m.from)));
        };
        if stages.iter().any(|s| s.key == m.from) {
            return Err(Error::invalid(&format!("moves[{i}].from"), format!("The stage {:?} is kept", from.name)));
        }
        let Some(to) = stages.iter().find(|s| s.key == m.to) else {
            return Err(Error::invalid(&format!("moves[{i}].to"), format!("{:?} is not one of the stages kept", m.to)));
        };
        if to.kind != from.kind {
            return Err(Error::invalid(
                &format!("moves[{i}].to"),
                "Deals move to a stage of the same kind (open, won, lost)",
            ));
        }
    }
    for (position, s) in stages.iter().enumerate() {
        let mut fields = Fields::new();
        fields.insert("position".into(), Value::from(position as u32));
        fields.insert("name".into(), Value::String(s.name.clone()));
        fields.insert("probability".into(), Value::from(s.probability));
        fields.insert("kind".into(), Value::String(s.kind.as_str().into()));
        fields.insert("coaching".into(), Value::String(s.coaching.clone()));
        if before.iter().any(|b| b.key == s.key) {
            w.update(&STAGE, &s.key, fields)?;
        } else if w.conn().prepare_cached("SELECT 1 FROM sales_stages WHERE id = ?1")?.exists([&s.key])? {
            w.restore(&STAGE, &s.key)?; // a key removed earlier comes back
            w.update(&STAGE, &s.key, fields)?;
        } else {
            w.insert(&STAGE, &s.key, fields)?;
        }
    }
    for old in before.iter().filter(|b| !stages.iter().any(|s| s.key == b.key)) {
        let deals = deals_in(w.conn(), &old.key)?;
        if !deals.is_empty() {
            let Some(m) = args.moves.iter().find(|m| m.from == old.key) else {
                return Err(Error::invalid(
                    "moves",
                    format!("{} deals are in the stage {:?}; say which stage they move to", deals.len(), old.name),
                ));
            };
            for id in deals {
                crate::opportunities::move_stage(w, &id, &m.to)?;
            }
        }
        w.delete(&STAGE, &old.key)?;
    }
    // Deals in stages whose position changed keep their list order key in step.
    for s in list(w.conn(), crate::NoArgs {})? {
        let stale: Vec<String> = w
            .conn()
            .prepare_cached("SELECT id FROM opportunities WHERE stage = ?1 AND stage_rank != ?2")?
            .query_map(rusqlite::params![s.key, s.position], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in stale {
            let mut fields = Fields::new();
            fields.insert("stage_rank".into(), Value::from(s.position));
            w.update(&crate::opportunities::OPPORTUNITY, &id, fields)?;
        }
    }
    list(w.conn(), crate::NoArgs {})
}

/// Live deals in a stage (deleted ones keep the key; they are checked when restored).
fn deals_in(conn: &Connection, key: &str) -> Result<Vec<String>> {
    Ok(conn
        .prepare_cached("SELECT id FROM opportunities WHERE stage = ?1 AND deleted_at IS NULL")?
        .query_map([key], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}
