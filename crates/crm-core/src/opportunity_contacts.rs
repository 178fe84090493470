//! The people of a deal and the part each plays in it (decision maker, influencer, …).

use crate::error::{Error, Result};
use crate::write::{check_live, Fields, RecordKind, Writer};
use crate::IdArgs;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

pub static OPPORTUNITY_CONTACT: RecordKind = RecordKind {
    name: "opportunity_contact",
    table: "opportunity_contacts",
    json_columns: &[],
    derived: &[],
    tagged: false,
    search: None,
};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ContactRole {
    DecisionMaker,
    EconomicBuyer,
    TechnicalBuyer,
    Influencer,
    User,
    #[default]
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ContactWithRole {
    pub contact_id: String,
    #[serde(default)]
    pub role: ContactRole,
}

/// `opportunity_contacts_set`: the deal's whole list of contacts and roles.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct OpportunityContactsSet {
    pub opportunity_id: String,
    pub contacts: Vec<ContactWithRole>,
}

/// A deal's contacts with their roles, in the order they were added.
pub fn list(conn: &Connection, args: IdArgs) -> Result<Vec<ContactWithRole>> {
    Ok(current(conn, &args.id)?.into_iter().map(|(_, c)| c).collect())
}

fn current(conn: &Connection, opportunity_id: &str) -> Result<Vec<(String, ContactWithRole)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, contact_id, role FROM opportunity_contacts
         WHERE opportunity_id = ?1 AND deleted_at IS NULL ORDER BY created_at, id",
    )?;
    let rows = stmt
        .query_map([opportunity_id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(id, contact_id, role)| {
            Ok((id, ContactWithRole { contact_id, role: serde_json::from_value(Value::String(role))? }))
        })
        .collect()
}

/// Replaces the deal's contacts: new ones added, roles changed, the ones left out removed.
pub fn set(w: &mut Writer, args: OpportunityContactsSet) -> Result<Vec<ContactWithRole>> {
    check_live(w.conn(), &crate::opportunities::OPPORTUNITY, &args.opportunity_id, "opportunity_id")?;
    for (i, c) in args.contacts.iter().enumerate() {
        let field = format!("contacts[{i}].contact_id");
        check_live(w.conn(), &crate::contacts::CONTACT, &c.contact_id, &field)?;
        if args.contacts[..i].iter().any(|p| p.contact_id == c.contact_id) {
            return Err(Error::invalid(&field, "The contact is listed twice"));
        }
    }
    let before = current(w.conn(), &args.opportunity_id)?;
    for (id, old) in &before {
        match args.contacts.iter().find(|c| c.contact_id == old.contact_id) {
            None => w.delete(&OPPORTUNITY_CONTACT, id)?,
            Some(new) if new.role != old.role => {
                let mut fields = Fields::new();
                fields.insert("role".into(), serde_json::to_value(new.role)?);
                w.update(&OPPORTUNITY_CONTACT, id, fields)?;
            }
            Some(_) => {}
        }
    }
    for c in args.contacts.iter().filter(|c| !before.iter().any(|(_, b)| b.contact_id == c.contact_id)) {
        let mut fields = Fields::new();
        fields.insert("opportunity_id".into(), Value::String(args.opportunity_id.clone()));
        fields.insert("contact_id".into(), Value::String(c.contact_id.clone()));
        fields.insert("role".into(), serde_json::to_value(c.role)?);
        w.insert(&OPPORTUNITY_CONTACT, &crate::new_id(), fields)?;
    }
    list(w.conn(), IdArgs { id: args.opportunity_id })
}

/// Whether the deal of the row `row_id` already lists `contact_id` (a merge keeps one row per person).
pub(crate) fn deal_has_contact(conn: &Connection, row_id: &str, contact_id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT 1 FROM opportunity_contacts o JOIN opportunity_contacts r ON r.opportunity_id = o.opportunity_id
             WHERE r.id = ?1 AND o.contact_id = ?2 AND o.deleted_at IS NULL",
        )?
        .exists([row_id, contact_id])?)
}
