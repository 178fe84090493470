//! Relationships between accounts and contacts: employee of a company, family,
//! holding structures, decision influencers, partners, or a custom label.
//! Stored once; each side reads it in its own words.

use crate::error::{Error, Result};
use crate::write::{check_live, Fields, RecordKind, Writer};
use crate::IdArgs;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

pub static RELATIONSHIP: RecordKind = RecordKind {
    name: "relationship",
    table: "relationships",
    json_columns: &[],
    derived: &[],
    tagged: false,
    search: None,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PartyType {
    Account,
    Contact,
}

impl PartyType {
    fn kind(self) -> &'static RecordKind {
        match self {
            PartyType::Account => &crate::accounts::ACCOUNT,
            PartyType::Contact => &crate::contacts::CONTACT,
        }
    }

    fn as_str(self) -> &'static str {
        self.kind().name
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RelationshipKind {
    /// `from` works for `to`.
    EmployeeOf,
    Family,
    /// `from` is the parent company of `to`.
    ParentCompany,
    /// `from` influences `to`'s decisions.
    DecisionInfluencer,
    Partner,
    /// Described by the label.
    Custom,
}

impl RelationshipKind {
    /// How each side reads the relationship: (from's view, to's view).
    fn labels(self) -> (&'static str, &'static str) {
        match self {
            RelationshipKind::EmployeeOf => ("Employee of", "Employer of"),
            RelationshipKind::Family => ("Family", "Family"),
            RelationshipKind::ParentCompany => ("Parent company of", "Subsidiary of"),
            RelationshipKind::DecisionInfluencer => ("Influences", "Influenced by"),
            RelationshipKind::Partner => ("Partner", "Partner"),
            RelationshipKind::Custom => ("", ""),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Party {
    #[serde(rename = "type")]
    #[ts(rename = "type")]
    pub party_type: PartyType,
    pub id: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RelationshipInput {
    pub from: Party,
    pub to: Party,
    pub kind: RelationshipKind,
    /// Required for `custom`; a note on the others.
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub notes: String,
}

/// A relationship as one side sees it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RelationshipView {
    pub id: String,
    pub kind: RelationshipKind,
    /// In this side's words, e.g. "Subsidiary of".
    pub label: String,
    pub notes: String,
    pub other: Party,
    pub other_name: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RelationshipListQuery {
    /// The account or contact whose relationships to list.
    pub id: String,
}

fn name_of(conn: &Connection, party: &Party) -> Result<String> {
    let sql = match party.party_type {
        PartyType::Account => "SELECT name FROM accounts WHERE id = ?1",
        PartyType::Contact => "SELECT trim(first_name || ' ' || last_name) FROM contacts WHERE id = ?1",
    };
    Ok(conn.prepare_cached(sql)?.query_row([&party.id], |r| r.get(0)).optional()?.unwrap_or_default())
}

pub fn create(w: &mut Writer, input: RelationshipInput) -> Result<RelationshipView> {
    check_live(w.conn(), input.from.party_type.kind(), &input.from.id, "from")?;
    check_live(w.conn(), input.to.party_type.kind(), &input.to.id, "to")?;
    if input.from.id == input.to.id {
        return Err(Error::invalid("to", "A record cannot be related to itself"));
    }
    let label = input.label.trim().to_owned();
    if input.kind == RelationshipKind::Custom && label.is_empty() {
        return Err(Error::invalid("label", "A custom relationship needs a label"));
    }
    if label.chars().count() > 100 {
        return Err(Error::invalid("label", "The label is longer than 100 characters"));
    }
    let kind = serde_json::to_value(input.kind)?;
    let duplicate = w
        .conn()
        .query_row(
            "SELECT 1 FROM relationships WHERE deleted_at IS NULL AND kind = ?3 AND label = ?4
             AND ((from_id = ?1 AND to_id = ?2) OR (from_id = ?2 AND to_id = ?1 AND kind IN ('family', 'partner')))",
            (&input.from.id, &input.to.id, kind.as_str(), &label),
            |_| Ok(()),
        )
        .optional()?;
    if duplicate.is_some() {
        return Err(Error::conflict("These two are already related that way"));
    }
    let id = crate::new_id();
    let mut fields = Fields::new();
    fields.insert("from_type".into(), Value::from(input.from.party_type.as_str()));
    fields.insert("from_id".into(), Value::String(input.from.id.clone()));
    fields.insert("to_type".into(), Value::from(input.to.party_type.as_str()));
    fields.insert("to_id".into(), Value::String(input.to.id.clone()));
    fields.insert("kind".into(), kind);
    fields.insert("label".into(), Value::String(label));
    fields.insert("notes".into(), Value::String(input.notes.trim().to_owned()));
    w.insert(&RELATIONSHIP, &id, fields)?;
    view(w.conn(), &id, &input.from.id)
}

pub fn delete(w: &mut Writer, args: IdArgs) -> Result<()> {
    w.delete(&RELATIONSHIP, &args.id)
}

fn parse<T: serde::de::DeserializeOwned>(text: String) -> rusqlite::Result<T> {
    serde_json::from_value(Value::String(text))
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))
}

/// Rows of `relationships` as seen from `side`.
fn views(conn: &Connection, filter: &str, param: &str, side: &str) -> Result<Vec<RelationshipView>> {
    let sql = format!(
        "SELECT id, from_type, from_id, to_type, to_id, kind, label, notes FROM relationships
         WHERE deleted_at IS NULL AND {filter} ORDER BY id"
    );
    let rows = conn
        .prepare_cached(&sql)?
        .query_map([param], |r| {
            let from = Party { party_type: parse(r.get(1)?)?, id: r.get(2)? };
            let to = Party { party_type: parse(r.get(3)?)?, id: r.get(4)? };
            Ok((
                r.get::<_, String>(0)?,
                from,
                to,
                parse::<RelationshipKind>(r.get(5)?)?,
                r.get::<_, String>(6)?,
                r.get(7)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, from, to, kind, label, notes) in rows {
        let seen_from_source = from.id == side;
        let (forward, backward) = kind.labels();
        let worded = if seen_from_source { forward } else { backward };
        let label = match (worded, label.is_empty()) {
            ("", _) => label,
            (w, true) => w.to_owned(),
            (w, false) => format!("{w} ({label})"),
        };
        let other = if seen_from_source { to } else { from };
        let other_name = name_of(conn, &other)?;
        out.push(RelationshipView { id, kind, label, notes, other, other_name });
    }
    Ok(out)
}

fn view(conn: &Connection, id: &str, side: &str) -> Result<RelationshipView> {
    views(conn, "id = ?1", id, side)?.pop().ok_or_else(|| Error::not_found("relationship", id))
}

/// Every live relationship of an account or contact, either side, in its words.
pub fn list(conn: &Connection, query: RelationshipListQuery) -> Result<Vec<RelationshipView>> {
    views(conn, "(from_id = ?1 OR to_id = ?1)", &query.id, &query.id)
}
