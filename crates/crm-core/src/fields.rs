//! Field types and checks shared by record types: labelled e-mails and phones,
//! postal addresses, text limits.

use crate::error::{Error, Result};
use crate::text::{digits, is_email};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub const MAX_TEXT: usize = 200;
pub const MAX_ITEMS: usize = 20;

/// An e-mail address or phone number with its label ("work", "home", …).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(from = "LabeledValueInput")]
pub struct LabeledValue {
    pub value: String,
    pub label: String,
    pub primary: bool,
}

/// Accepts a bare string (`"a@b.de"`) as well as the full object.
#[derive(Deserialize)]
#[serde(untagged)]
enum LabeledValueInput {
    Plain(String),
    Full {
        value: String,
        #[serde(default)]
        label: String,
        #[serde(default)]
        primary: bool,
    },
}

impl From<LabeledValueInput> for LabeledValue {
    fn from(input: LabeledValueInput) -> Self {
        match input {
            LabeledValueInput::Plain(value) => LabeledValue { value, ..Default::default() },
            LabeledValueInput::Full { value, label, primary } => LabeledValue { value, label, primary },
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Address {
    pub label: String,
    pub street: String,
    pub city: String,
    pub region: String,
    pub postal_code: String,
    pub country: String,
}

impl Address {
    /// Trimmed, checked; None when every part is empty (a blank form row).
    pub fn clean(&self, field: &str) -> Result<Option<Address>> {
        let a = Address {
            label: trimmed(&self.label),
            street: self.street.trim().to_owned(),
            city: trimmed(&self.city),
            region: trimmed(&self.region),
            postal_code: trimmed(&self.postal_code),
            country: trimmed(&self.country),
        };
        let parts = [
            ("street", &a.street),
            ("city", &a.city),
            ("region", &a.region),
            ("postal_code", &a.postal_code),
            ("country", &a.country),
        ];
        if parts.iter().all(|(_, v)| v.is_empty()) {
            return Ok(None);
        }
        for (part, value) in parts {
            check_len(&format!("{field}.{part}"), value, MAX_TEXT)?;
        }
        Ok(Some(a))
    }
}

pub fn trimmed(text: &str) -> String {
    text.trim().to_owned()
}

/// An id from another system as stored: trimmed, at most 200 characters.
pub fn external_id(value: &str) -> Result<String> {
    let id = value.trim().to_owned();
    check_len("external_id", &id, 200)?;
    Ok(id)
}

pub fn check_len(field: &str, value: &str, max: usize) -> Result<()> {
    if value.chars().count() > max {
        return Err(Error::invalid(field, format!("{field} is longer than {max} characters")));
    }
    Ok(())
}

/// Trims, checks and completes labeled values; the first becomes primary when none is.
pub fn clean_values(
    field: &str,
    values: &[LabeledValue],
    check: fn(&str) -> Option<&'static str>,
) -> Result<Vec<LabeledValue>> {
    if values.len() > MAX_ITEMS {
        return Err(Error::invalid(field, format!("At most {MAX_ITEMS} {field} per contact")));
    }
    let mut out: Vec<LabeledValue> = Vec::with_capacity(values.len());
    for (i, v) in values.iter().enumerate() {
        let value = trimmed(&v.value);
        if value.is_empty() {
            continue; // an empty row in a form is not an error
        }
        let name = format!("{field}[{i}]");
        if let Some(problem) = check(&value) {
            return Err(Error::invalid(&name, format!("{value:?} {problem}")));
        }
        check_len(&name, &value, MAX_TEXT)?;
        out.push(LabeledValue { value, label: trimmed(&v.label), primary: v.primary });
    }
    match out.iter().filter(|v| v.primary).count() {
        0 => {
            if let Some(first) = out.first_mut() {
                first.primary = true;
            }
        }
        1 => {}
        _ => return Err(Error::invalid(field, format!("Only one of the {field} can be primary"))),
    }
    Ok(out)
}

pub fn email_problem(value: &str) -> Option<&'static str> {
    (!is_email(value)).then_some("is not a valid e-mail address")
}

pub fn phone_problem(value: &str) -> Option<&'static str> {
    let allowed = |c: char| c.is_ascii_digit() || " +-()./".contains(c) || c.is_ascii_alphabetic();
    if !value.chars().all(allowed) {
        Some("is not a phone number (digits, spaces and + - ( ) . / only)")
    } else if digits(value).len() < 3 {
        Some("is not a phone number (fewer than 3 digits)")
    } else {
        None
    }
}

pub fn primary(values: &[LabeledValue]) -> &str {
    values.iter().find(|v| v.primary).or(values.first()).map_or("", |v| v.value.as_str())
}

/// Trimmed tags without duplicates (ignoring case and accents); at most 20 of 50 characters.
pub fn clean_tags(tags: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.trim();
        if tag.is_empty() || out.iter().any(|t| crate::text::fold(t) == crate::text::fold(tag)) {
            continue;
        }
        check_len("tags", tag, 50)?;
        out.push(tag.to_owned());
    }
    if out.len() > 20 {
        return Err(Error::invalid("tags", "At most 20 tags per record"));
    }
    Ok(out)
}

/// Reads a record's fields to build its search document.
pub struct Doc<'a>(pub &'a crate::write::Fields);

impl Doc<'_> {
    pub fn text(&self, field: &str) -> String {
        self.0.get(field).and_then(serde_json::Value::as_str).unwrap_or_default().to_owned()
    }

    /// The values of a list of labelled values (e-mails, phones).
    pub fn values(&self, field: &str) -> Vec<String> {
        self.0
            .get(field)
            .and_then(serde_json::Value::as_array)
            .map(|a| {
                a.iter().filter_map(|v| v.get("value").and_then(serde_json::Value::as_str).map(str::to_owned)).collect()
            })
            .unwrap_or_default()
    }

    /// Phone numbers as typed, as digits, and in national form, so any way of typing one finds it.
    pub fn phones(&self, field: &str) -> String {
        let mut words = Vec::new();
        for phone in self.values(field) {
            let key = crate::text::phone_key(&phone);
            words.push(crate::text::digits(&phone));
            if !key.is_empty() {
                words.push(format!("0{key}"));
                words.push(key);
            }
            words.push(phone);
        }
        words.join(" ")
    }

    /// Street, city, postal code and country of one address (an object) or of a list of them.
    pub fn addresses(&self, field: &str) -> String {
        let one = |a: &serde_json::Value| {
            ["street", "city", "postal_code", "country"]
                .map(|k| a.get(k).and_then(serde_json::Value::as_str).unwrap_or_default())
                .join(" ")
        };
        match self.0.get(field) {
            Some(serde_json::Value::Array(list)) => list.iter().map(one).collect::<Vec<_>>().join(" "),
            Some(a @ serde_json::Value::Object(_)) => one(a),
            _ => String::new(),
        }
    }
}
