//! Attendees as calendar addresses: an attendee is written as `mailto:` its primary
//! e-mail (or `urn:uuid:` its id when it has none), and an address read from a file
//! is the contact, lead or user with that e-mail (or id), if Outpost knows one.

use crate::error::Result;
use crate::events::{Attendee, AttendeeType};
use rusqlite::{Connection, OptionalExtension};

/// How an attendee appears in a calendar file.
pub struct Address {
    pub name: String,
    /// `mailto:…` or `urn:uuid:…`.
    pub uri: String,
}

fn table(kind: AttendeeType) -> (&'static str, &'static str) {
    match kind {
        AttendeeType::Contact => ("contacts", "trim(first_name || ' ' || last_name)"),
        AttendeeType::Lead => ("leads", "trim(first_name || ' ' || last_name)"),
        AttendeeType::User => ("users", "name"),
    }
}

pub fn address(conn: &Connection, a: &Attendee) -> Result<Option<Address>> {
    let (table, name) = table(a.attendee_type);
    let row: Option<(String, String)> = conn
        .prepare_cached(&format!("SELECT {name}, lower(email) FROM {table} WHERE id = ?1"))?
        .query_row([&a.id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(row.map(|(name, email)| Address {
        name,
        uri: if email.is_empty() { format!("urn:uuid:{}", a.id) } else { format!("mailto:{email}") },
    }))
}

/// The live contact, lead or user a calendar address names (by e-mail, or by id for `urn:uuid:`).
pub fn find(conn: &Connection, uri: &str) -> Result<Option<Attendee>> {
    let uri = uri.trim();
    let lower = uri.to_lowercase();
    let (column, key) = match (lower.strip_prefix("mailto:"), lower.strip_prefix("urn:uuid:")) {
        (Some(email), _) => ("lower(email)", email.trim().to_owned()),
        (_, Some(_)) => ("id", uri[9..].trim().to_owned()),
        _ => return Ok(None),
    };
    if key.is_empty() {
        return Ok(None);
    }
    for kind in [AttendeeType::Contact, AttendeeType::Lead, AttendeeType::User] {
        let (table, _) = table(kind);
        // Contacts and leads keep their primary e-mail lower-cased in `email` (indexed).
        let column = if kind == AttendeeType::User || column == "id" { column } else { "email" };
        let id: Option<String> = conn
            .prepare_cached(&format!(
                "SELECT id FROM {table} WHERE {column} = ?1 AND deleted_at IS NULL ORDER BY id LIMIT 1"
            ))?
            .query_row([&key], |r| r.get(0))
            .optional()?;
        if let Some(id) = id {
            return Ok(Some(Attendee { attendee_type: kind, id }));
        }
    }
    Ok(None)
}
