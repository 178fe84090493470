//! Number series of issued documents (invoices, credit notes): a pattern from the document
//! settings such as `INV-{YYYY}-{SEQ:4}` and a counter per series and period, taken in the
//! transaction that issues the document — so numbers have no gaps and no duplicates.
//!
//! Tokens: `{YYYY}` year, `{YY}` two-digit year, `{MM}` month, `{SEQ:n}` the counter padded
//! to n digits (1–9). The counter restarts whenever the date part of the number changes
//! (`INV-{YYYY}-{SEQ:4}` starts at 0001 each year; a pattern without a date never restarts).

use crate::error::{Error, Result};
use crate::patch::apply_patch;
use crate::write::{Fields, RecordKind, Writer};
use crate::NoArgs;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

pub static DOCUMENT_SETTINGS: RecordKind = RecordKind {
    name: "document_settings",
    table: "document_settings",
    json_columns: &[],
    derived: &[],
    tagged: false,
    search: None,
};

pub static COUNTER: RecordKind = RecordKind {
    name: "number_counter",
    table: "number_counters",
    json_columns: &[],
    derived: &[],
    tagged: false,
    search: None,
};

const ID: &str = "documents";

/// The number patterns and default payment terms of invoices and credit notes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct DocumentSettings {
    pub invoice_pattern: String,
    pub credit_note_pattern: String,
    /// Days from the issue date to the due date when an invoice names none.
    pub payment_terms_days: u32,
}

impl Default for DocumentSettings {
    fn default() -> Self {
        DocumentSettings {
            invoice_pattern: "INV-{YYYY}-{SEQ:4}".into(),
            credit_note_pattern: "CN-{YYYY}-{SEQ:4}".into(),
            payment_terms_days: 14,
        }
    }
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct DocumentSettingsUpdate {
    #[ts(type = "Partial<DocumentSettings>")]
    pub changes: serde_json::Map<String, Value>,
}

/// A series of numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Series {
    Invoice,
    CreditNote,
}

impl Series {
    fn name(self) -> &'static str {
        match self {
            Series::Invoice => "invoice",
            Series::CreditNote => "credit_note",
        }
    }
}

enum Part<'a> {
    Text(&'a str),
    Date(&'static str),
    Seq(usize),
}

/// Splits a pattern into its parts; unknown tokens, stray braces and a missing or second `{SEQ:n}` are refused.
fn parse<'a>(field: &str, pattern: &'a str) -> Result<Vec<Part<'a>>> {
    let bad = |m: String| Error::invalid(field, m);
    let mut parts = Vec::new();
    let mut rest = pattern;
    while !rest.is_empty() {
        let Some(open) = rest.find(['{', '}']) else {
            parts.push(Part::Text(rest));
            break;
        };
        if open > 0 {
            parts.push(Part::Text(&rest[..open]));
        }
        let close = rest[open..].find('}').map(|c| c + open).filter(|_| rest.as_bytes()[open] == b'{');
        let Some(close) = close else { return Err(bad(format!("{pattern:?} has a stray brace"))) };
        parts.push(match &rest[open + 1..close] {
            "YYYY" => Part::Date("%Y"),
            "YY" => Part::Date("%y"),
            "MM" => Part::Date("%m"),
            token => match token.strip_prefix("SEQ:").and_then(|n| n.parse::<usize>().ok()) {
                Some(n @ 1..=9) => Part::Seq(n),
                _ => {
                    return Err(bad(format!(
                        "{{{token}}} is not a token ({{YYYY}}, {{YY}}, {{MM}}, {{SEQ:1}}…{{SEQ:9}})"
                    )))
                }
            },
        });
        rest = &rest[close + 1..];
    }
    match parts.iter().filter(|p| matches!(p, Part::Seq(_))).count() {
        1 => Ok(parts),
        0 => Err(bad(format!("{pattern:?} has no {{SEQ:n}} for the counter"))),
        _ => Err(bad(format!("{pattern:?} has more than one {{SEQ:n}}"))),
    }
}

/// The pattern with its date filled in and the counter left as `{SEQ:n}`: the counter's period.
fn period(parts: &[Part], date: NaiveDate) -> String {
    parts
        .iter()
        .map(|p| match p {
            Part::Text(t) => (*t).to_owned(),
            Part::Date(f) => date.format(f).to_string(),
            Part::Seq(n) => format!("{{SEQ:{n}}}"),
        })
        .collect()
}

/// Renders a pattern for a date and counter value.
pub fn render(pattern: &str, date: NaiveDate, seq: u64) -> Result<String> {
    let parts = parse("pattern", pattern)?;
    Ok(parts
        .iter()
        .map(|p| match p {
            Part::Text(t) => (*t).to_owned(),
            Part::Date(f) => date.format(f).to_string(),
            Part::Seq(n) => format!("{seq:0n$}"),
        })
        .collect())
}

fn validate(s: DocumentSettings) -> Result<DocumentSettings> {
    let s = DocumentSettings {
        invoice_pattern: s.invoice_pattern.trim().to_owned(),
        credit_note_pattern: s.credit_note_pattern.trim().to_owned(),
        ..s
    };
    for (field, pattern) in [("invoice_pattern", &s.invoice_pattern), ("credit_note_pattern", &s.credit_note_pattern)] {
        crate::fields::check_len(field, pattern, 40)?;
        parse(field, pattern)?;
    }
    if s.payment_terms_days > 3650 {
        return Err(Error::invalid("payment_terms_days", "Payment terms are longer than ten years"));
    }
    Ok(s)
}

pub fn get(conn: &Connection, _: NoArgs) -> Result<DocumentSettings> {
    let row = conn
        .prepare_cached(
            "SELECT invoice_pattern, credit_note_pattern, payment_terms_days FROM document_settings WHERE id = ?1",
        )?
        .query_row([ID], |r| {
            Ok(DocumentSettings {
                invoice_pattern: r.get(0)?,
                credit_note_pattern: r.get(1)?,
                payment_terms_days: r.get(2)?,
            })
        })
        .optional()?;
    Ok(row.unwrap_or_default())
}

/// Changes the patterns or default payment terms; numbers already given stay as they are.
pub fn update(w: &mut Writer, args: DocumentSettingsUpdate) -> Result<DocumentSettings> {
    let exists = w.conn().query_row("SELECT 1 FROM document_settings WHERE id = ?1", [ID], |_| Ok(())).optional()?;
    let next = validate(apply_patch(&get(w.conn(), NoArgs {})?, args.changes)?)?;
    let Value::Object(fields) = serde_json::to_value(&next)? else {
        return Err(Error::internal("document settings did not serialise to an object"));
    };
    if exists.is_some() {
        w.update(&DOCUMENT_SETTINGS, ID, fields)?;
    } else {
        w.insert(&DOCUMENT_SETTINGS, ID, fields)?;
    }
    Ok(next)
}

/// Takes the next number of a series for a document dated `date`, in the writer's transaction.
pub fn take(w: &mut Writer, series: Series, date: NaiveDate) -> Result<String> {
    let settings = get(w.conn(), NoArgs {})?;
    let pattern = match series {
        Series::Invoice => settings.invoice_pattern,
        Series::CreditNote => settings.credit_note_pattern,
    };
    let period = period(&parse("pattern", &pattern)?, date);
    let id = format!("{}:{period}", series.name());
    let last: Option<i64> =
        w.conn().query_row("SELECT last FROM number_counters WHERE id = ?1", [&id], |r| r.get(0)).optional()?;
    let next = last.unwrap_or(0) + 1;
    let mut fields = Fields::new();
    fields.insert("last".into(), Value::from(next));
    if last.is_some() {
        w.update(&COUNTER, &id, fields)?;
    } else {
        fields.insert("series".into(), Value::from(series.name()));
        fields.insert("period".into(), Value::from(period));
        w.insert(&COUNTER, &id, fields)?;
    }
    render(&pattern, date, next as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_render_and_bad_ones_are_refused() {
        let d = NaiveDate::from_ymd_opt(2027, 3, 9).unwrap();
        assert_eq!(render("INV-{YYYY}-{SEQ:4}", d, 7).unwrap(), "INV-2027-0007");
        assert_eq!(render("{YY}{MM}/{SEQ:2}", d, 123).unwrap(), "2703/123");
        assert_eq!(period(&parse("p", "INV-{YYYY}-{SEQ:4}").unwrap(), d), "INV-2027-{SEQ:4}");
        for bad in ["INV-{YYYY}", "INV-{SEQ:4}-{SEQ:2}", "INV-{DD}-{SEQ:3}", "INV-{SEQ:0}", "INV}-{SEQ:3}", "{SEQ:3"] {
            assert_eq!(parse("p", bad).err().and_then(|e| e.field).as_deref(), Some("p"), "{bad}");
        }
    }
}
