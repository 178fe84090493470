//! Likely duplicates of a contact or account: the same e-mail, the same phone,
//! the same company name, or a similar person's name at the same company.

use crate::accounts::{self, AccountInput};
use crate::contacts::{self, display_name, ContactInput};
use crate::error::{Error, Result};
use crate::text::{company_key, fold, phone_key};
use crate::IdArgs;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use strsim::jaro_winkler;
use ts_rs::TS;

/// What to find duplicates of: a stored record (`id`) or one about to be created.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct DuplicateQuery {
    #[ts(optional = nullable)]
    pub contact_id: Option<String>,
    #[ts(optional = nullable)]
    pub contact: Option<ContactInput>,
    #[ts(optional = nullable)]
    pub account_id: Option<String>,
    #[ts(optional = nullable)]
    pub account: Option<AccountInput>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Duplicate {
    pub record_type: String,
    pub id: String,
    pub name: String,
    /// 0–100: how sure the match is.
    pub score: u32,
    pub reasons: Vec<String>,
}

/// Names this close (Jaro-Winkler on folded names) count as similar.
const SIMILAR_NAME: f64 = 0.9;
/// At most this many same-surname or same-company rows are compared by name.
const NAME_SCAN: i64 = 2_000;

#[derive(Default)]
struct Found(Vec<Duplicate>);

impl Found {
    fn add(&mut self, record_type: &str, id: String, name: String, score: u32, reason: &str) {
        match self.0.iter_mut().find(|d| d.id == id) {
            Some(d) => {
                if !d.reasons.iter().any(|r| r == reason) {
                    d.reasons.push(reason.into());
                    d.score = (d.score.max(score) + 5).min(100);
                }
            }
            None => self.0.push(Duplicate {
                record_type: record_type.into(),
                id,
                name,
                score,
                reasons: vec![reason.into()],
            }),
        }
    }
}

fn contact_duplicates(conn: &Connection, own_id: Option<&str>, c: &ContactInput) -> Result<Vec<Duplicate>> {
    let mut found = Found::default();
    let own = own_id.unwrap_or("");
    let name_row = |r: &rusqlite::Row| -> rusqlite::Result<(String, String)> {
        Ok((r.get(0)?, display_name(&r.get::<_, String>(1)?, &r.get::<_, String>(2)?)))
    };
    for email in &c.emails {
        let mut stmt = conn.prepare_cached(
            "SELECT id, first_name, last_name FROM contacts WHERE email = ?1 AND deleted_at IS NULL AND id != ?2 LIMIT 20",
        )?;
        for row in stmt.query_map((email.value.trim().to_lowercase(), own), name_row)? {
            let (id, name) = row?;
            found.add("contact", id, name, 95, "same e-mail");
        }
    }
    for phone in &c.phones {
        let key = phone_key(&phone.value);
        if key.is_empty() {
            continue;
        }
        let mut stmt = conn.prepare_cached(
            "SELECT id, first_name, last_name FROM contacts WHERE phone_key = ?1 AND deleted_at IS NULL AND id != ?2 LIMIT 20",
        )?;
        for row in stmt.query_map((key, own), name_row)? {
            let (id, name) = row?;
            found.add("contact", id, name, 85, "same phone");
        }
    }
    let full = fold(&display_name(&c.first_name, &c.last_name));
    let last = fold(&c.last_name);
    if !last.is_empty() {
        // Same company: compare whole names. Otherwise: the same last name, similar first name.
        let (sql, key, reason, score) = match &c.account_id {
            Some(account) => (
                "SELECT id, first_name, last_name FROM contacts WHERE account_id = ?1 AND deleted_at IS NULL AND id != ?2 LIMIT ?3",
                account.clone(),
                "similar name at the same company",
                80,
            ),
            None => (
                "SELECT id, first_name, last_name FROM contacts
                 WHERE sort_name >= ?1 || char(1) AND sort_name < ?1 || char(2) AND deleted_at IS NULL AND id != ?2 LIMIT ?3",
                last.clone(),
                "same last name, similar first name",
                60,
            ),
        };
        let mut stmt = conn.prepare_cached(sql)?;
        for row in stmt.query_map((key, own, NAME_SCAN), name_row)? {
            let (id, name) = row?;
            if jaro_winkler(&full, &fold(&name)) >= SIMILAR_NAME {
                found.add("contact", id, name, score, reason);
            }
        }
    }
    Ok(found.0)
}

fn account_duplicates(conn: &Connection, own_id: Option<&str>, a: &AccountInput) -> Result<Vec<Duplicate>> {
    let mut found = Found::default();
    let own = own_id.unwrap_or("");
    let key = company_key(&a.name);
    if !key.is_empty() {
        let mut stmt = conn.prepare_cached(
            "SELECT id, name FROM accounts WHERE name_key = ?1 AND deleted_at IS NULL AND id != ?2 LIMIT 20",
        )?;
        for row in stmt.query_map((&key, own), |r| Ok((r.get(0)?, r.get(1)?)))? {
            let (id, name) = row?;
            found.add("account", id, name, 90, "same company name");
        }
    }
    for phone in &a.phones {
        let digits = crate::text::digits(&phone.value);
        if digits.len() < 7 {
            continue;
        }
        // Accounts are few next to contacts; a scan of their phones stays fast.
        let mut stmt = conn.prepare_cached(
            "SELECT id, name, phones FROM accounts WHERE deleted_at IS NULL AND id != ?1 AND phones LIKE ?2 LIMIT 200",
        )?;
        let tail = &digits[digits.len() - 4..];
        for row in stmt.query_map((own, format!("%{tail}%")), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
        })? {
            let (id, name, phones) = row?;
            let phones: Vec<crate::fields::LabeledValue> = serde_json::from_str(&phones)?;
            if phones.iter().any(|p| phone_key(&p.value) == phone_key(&phone.value)) {
                found.add("account", id, name, 80, "same phone");
            }
        }
    }
    Ok(found.0)
}

/// Likely duplicates, best first.
pub fn find(conn: &Connection, query: DuplicateQuery) -> Result<Vec<Duplicate>> {
    let mut found = match query {
        DuplicateQuery { contact_id: Some(id), .. } => {
            let c = contacts::get(conn, IdArgs { id: id.clone() })?;
            contact_duplicates(conn, Some(&id), &c.fields)?
        }
        DuplicateQuery { contact: Some(c), .. } => contact_duplicates(conn, None, &c)?,
        DuplicateQuery { account_id: Some(id), .. } => {
            let a = accounts::get(conn, IdArgs { id: id.clone() })?;
            account_duplicates(conn, Some(&id), &a.fields)?
        }
        DuplicateQuery { account: Some(a), .. } => account_duplicates(conn, None, &a)?,
        _ => return Err(Error::invalid("contact_id", "Say which contact or account to check")),
    };
    found.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.name.cmp(&b.name)));
    found.truncate(20);
    Ok(found)
}
