//! Company settings: the details printed on documents and the defaults for new records.

use crate::error::{Error, Result};
use crate::patch::apply_patch;
use crate::write::{Fields, RecordKind, Writer};
use crate::NoArgs;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

pub static SETTINGS: RecordKind =
    RecordKind { name: "settings", table: "settings", json_columns: &[], derived: &[], tagged: false, search: None };

/// The single settings record's id.
const ID: &str = "company";
/// A logo is embedded in every document: keep it small.
const MAX_LOGO_BYTES: usize = 512 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    pub company_name: String,
    pub company_address: String,
    pub tax_id: String,
    /// A `data:image/png;base64,…` or `data:image/jpeg;base64,…` URL.
    pub logo: Option<String>,
    /// ISO 4217 code for new documents.
    pub default_currency: String,
    /// BCP 47 tag for formatting dates, numbers and money, e.g. `de-DE`.
    pub locale: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            company_name: String::new(),
            company_address: String::new(),
            tax_id: String::new(),
            logo: None,
            default_currency: "EUR".into(),
            locale: "en-US".into(),
        }
    }
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SettingsUpdate {
    #[ts(type = "Partial<Settings>")]
    pub changes: serde_json::Map<String, Value>,
}

/// A well-formed language tag: `ll` or `ll-RR` (language, optional region).
fn is_locale(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let lang_ok = parts.next().is_some_and(|l| (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_lowercase()));
    let region_ok = match parts.next() {
        None => true,
        Some(r) => r.len() == 2 && r.bytes().all(|b| b.is_ascii_uppercase()),
    };
    lang_ok && region_ok && parts.next().is_none()
}

fn validate(s: Settings) -> Result<Settings> {
    let s = Settings {
        company_name: s.company_name.trim().to_owned(),
        company_address: s.company_address.trim().to_owned(),
        tax_id: s.tax_id.trim().to_owned(),
        logo: s.logo.filter(|l| !l.is_empty()),
        default_currency: s.default_currency.trim().to_uppercase(),
        locale: s.locale.trim().to_owned(),
    };
    if s.company_name.chars().count() > 200 {
        return Err(Error::invalid("company_name", "Company name is longer than 200 characters"));
    }
    if s.company_address.chars().count() > 1000 {
        return Err(Error::invalid("company_address", "Address is longer than 1000 characters"));
    }
    if s.tax_id.chars().count() > 50 {
        return Err(Error::invalid("tax_id", "Tax id is longer than 50 characters"));
    }
    if !crate::currency::is_currency(&s.default_currency) {
        return Err(Error::invalid(
            "default_currency",
            format!("{:?} is not an ISO 4217 currency code", s.default_currency),
        ));
    }
    if !is_locale(&s.locale) {
        return Err(Error::invalid("locale", format!("{:?} is not a locale such as en-US or de-DE", s.locale)));
    }
    if let Some(logo) = &s.logo {
        let data = ["data:image/png;base64,", "data:image/jpeg;base64,"].iter().find_map(|p| logo.strip_prefix(p));
        let Some(data) = data else {
            return Err(Error::invalid("logo", "The logo must be a PNG or JPEG image"));
        };
        if data.len() / 4 * 3 > MAX_LOGO_BYTES {
            return Err(Error::invalid("logo", "The logo is larger than 512 KB"));
        }
        if !data.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'=') {
            return Err(Error::invalid("logo", "The logo data is damaged (not base64)"));
        }
    }
    Ok(s)
}

pub fn get(conn: &Connection, _: NoArgs) -> Result<Settings> {
    let row = conn
        .prepare_cached(
            "SELECT company_name, company_address, tax_id, logo, default_currency, locale FROM settings WHERE id = ?1",
        )?
        .query_row([ID], |r| {
            Ok(Settings {
                company_name: r.get(0)?,
                company_address: r.get(1)?,
                tax_id: r.get(2)?,
                logo: r.get(3)?,
                default_currency: r.get(4)?,
                locale: r.get(5)?,
            })
        })
        .optional()?;
    Ok(row.unwrap_or_default())
}

pub fn update(w: &mut Writer, args: SettingsUpdate) -> Result<Settings> {
    let exists = w.conn().query_row("SELECT 1 FROM settings WHERE id = ?1", [ID], |_| Ok(())).optional()?.is_some();
    let next = validate(apply_patch(&get(w.conn(), NoArgs {})?, args.changes)?)?;
    let Value::Object(fields) = serde_json::to_value(&next)? else {
        return Err(Error::internal("settings did not serialise to an object"));
    };
    let fields: Fields = fields;
    if exists {
        w.update(&SETTINGS, ID, fields)?;
    } else {
        w.insert(&SETTINGS, ID, fields)?;
    }
    get(w.conn(), NoArgs {})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_tags() {
        for ok in ["en", "en-US", "de-CH", "uk-UA", "ast"] {
            assert!(is_locale(ok), "{ok}");
        }
        for bad in ["", "EN", "en_US", "en-us", "de-DE-x", "english"] {
            assert!(!is_locale(bad), "{bad}");
        }
    }

    #[test]
    fn rejects_bad_values_naming_the_field() {
        let field = |s: Settings| validate(s).unwrap_err().field.unwrap();
        assert_eq!(field(Settings { default_currency: "EURO".into(), ..Default::default() }), "default_currency");
        assert_eq!(field(Settings { locale: "german".into(), ..Default::default() }), "locale");
        assert_eq!(
            field(Settings { logo: Some("data:image/svg+xml;base64,AAAA".into()), ..Default::default() }),
            "logo"
        );
        assert_eq!(
            field(Settings { logo: Some("data:image/png;base64,<script>".into()), ..Default::default() }),
            "logo"
        );
        assert_eq!(
            validate(Settings { default_currency: " usd ".into(), ..Default::default() }).unwrap().default_currency,
            "USD"
        );
    }
}
