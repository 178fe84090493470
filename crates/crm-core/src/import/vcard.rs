//! Reading vCard files (2.1, 3.0 and 4.0, as Outlook, Gmail, iPhone and Android
//! write them) as a table: one row per card, under headers that are the mapping's
//! own target names (`first_name`, `email:2`, …), so the rest of the import
//! treats a card like any CSV row. Handles folded lines, QUOTED-PRINTABLE with
//! soft line breaks, per-value `CHARSET=`, escapes, and the TYPE of e-mails,
//! phones and addresses. A file with broken structure is refused whole.

use super::source::{self, Row, Table};
use crate::error::{Error, ErrorCode, Result};
use encoding_rs::Encoding;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

/// File name endings of vCard files.
pub const EXTENSIONS: &[&str] = &["vcf", "vcard"];

/// True when the text (after a byte-order mark and blank lines) starts a vCard.
pub fn looks_like(start: &[u8]) -> bool {
    let text = if start.iter().take(4).any(|b| *b == 0) {
        start.iter().filter(|b| **b != 0).copied().collect::<Vec<u8>>()
    } else {
        start.to_vec()
    };
    let text = String::from_utf8_lossy(&text);
    let text = text.trim_start_matches(['\u{feff}', '\u{fffd}']).trim_start();
    text.get(..11).is_some_and(|s| s.eq_ignore_ascii_case("BEGIN:VCARD"))
}

/// One content line: `group.NAME;PARAM=VALUE;…:value`.
struct Property {
    name: String,
    params: Vec<(String, String)>,
    raw: Vec<u8>,
}

impl Property {
    fn param(&self, key: &str) -> Option<&str> {
        self.params.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    /// Every TYPE, lower case: `TYPE=work,voice`, `type=HOME;type=pref`, and 2.1's bare `WORK;CELL`.
    fn types(&self) -> Vec<String> {
        self.params
            .iter()
            .filter(|(k, _)| k == "TYPE")
            .flat_map(|(_, v)| v.split(','))
            .map(|t| t.trim().to_lowercase())
            .filter(|t| !t.is_empty())
            .collect()
    }

    fn preferred(&self) -> bool {
        self.param("PREF").is_some() || self.types().iter().any(|t| t == "pref")
    }

    /// The value as text: quoted-printable decoded, in its CHARSET (else the file's encoding).
    fn text(&self, file_encoding: &'static Encoding) -> String {
        let qp = self.param("ENCODING").is_some_and(|e| e.eq_ignore_ascii_case("QUOTED-PRINTABLE"));
        let bytes = if qp { quoted_printable(&self.raw) } else { self.raw.clone() };
        let encoding = self.param("CHARSET").and_then(|c| Encoding::for_label(c.as_bytes())).unwrap_or(file_encoding);
        // Quoted-printable line breaks are CRLF (`=0D=0A`); the store keeps plain line feeds.
        encoding.decode_without_bom_handling(&bytes).0.replace("\r\n", "\n")
    }
}

fn quoted_printable(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'=' {
            let hex = raw.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
            if let Some(byte) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(raw[i]);
        i += 1;
    }
    out
}

/// Splits at `separator` where it is not escaped by a backslash (escapes are kept).
fn split_unescaped(text: &str, separator: char) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        let last = parts.last_mut().expect("parts starts with one");
        if c == '\\' {
            last.push(c);
            if let Some(next) = chars.next() {
                last.push(next);
            }
        } else if c == separator {
            parts.push(String::new());
        } else {
            last.push(c);
        }
    }
    parts
}

/// `\n` `\N` → line break; `\,` `\;` `\\` `\:` → the character itself.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            },
            (c, false) => out.push(c),
        }
    }
    out.trim().to_owned()
}

/// The components of a structured value (`N`, `ADR`, `ORG`), each with its
/// comma-separated values joined by `join`.
fn components(text: &str, join: &str) -> Vec<String> {
    split_unescaped(text, ';')
        .iter()
        .map(|c| {
            split_unescaped(c, ',').iter().map(|v| unescape(v)).filter(|v| !v.is_empty()).collect::<Vec<_>>().join(join)
        })
        .collect()
}

fn part(parts: &[String], n: usize) -> String {
    parts.get(n).cloned().unwrap_or_default()
}

/// A phone number; a 4.0 `tel:` URI gives its number and extension.
fn phone(value: &str) -> String {
    let Some(uri) = value.strip_prefix("tel:") else { return value.to_owned() };
    let mut parts = uri.split(';');
    let number = parts.next().unwrap_or_default().to_owned();
    match parts.find_map(|p| p.strip_prefix("ext=")) {
        Some(ext) => format!("{number} ext. {ext}"),
        None => number,
    }
}

/// The label of an e-mail, phone or address from its types.
fn label(types: &[String]) -> &'static str {
    let has = |any: &[&str]| types.iter().any(|t| any.contains(&t.as_str()));
    if has(&["cell", "mobile", "iphone"]) {
        "mobile"
    } else if has(&["fax"]) {
        "fax"
    } else if has(&["pager"]) {
        "pager"
    } else if has(&["work"]) {
        "work"
    } else if has(&["home"]) {
        "home"
    } else if has(&["other"]) {
        "other"
    } else {
        ""
    }
}

/// A birthday as `YYYY-MM-DD`, or `--MM-DD` without a year; None when it is no date.
fn birthday(value: &str, omitted_year: Option<&str>) -> Option<String> {
    let date = value.trim().split('T').next().unwrap_or_default();
    if let Some(rest) = date.strip_prefix("--") {
        let digits: String = rest.chars().filter(|c| *c != '-').collect();
        return (digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit()))
            .then(|| format!("--{}-{}", &digits[..2], &digits[2..]));
    }
    let parsed = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .or_else(|_| chrono::NaiveDate::parse_from_str(date, "%Y%m%d"))
        .ok()?;
    // iPhone writes a birthday without a year in the year it names (1604).
    if omitted_year.is_some_and(|y| y == parsed.format("%Y").to_string()) {
        return Some(parsed.format("--%m-%d").to_string());
    }
    Some(parsed.format("%Y-%m-%d").to_string())
}

/// One card: its first line and the fields it fills (keyed by target name).
struct Card {
    line: u64,
    fields: BTreeMap<String, String>,
    emails: Vec<(String, &'static str)>,
    phones: Vec<(String, &'static str)>,
    addresses: Vec<[String; 6]>,
    warnings: Vec<(Option<String>, String)>,
}

fn card(line: u64, properties: &[Property], encoding: &'static Encoding) -> Card {
    let mut c = Card {
        line,
        fields: BTreeMap::new(),
        emails: Vec::new(),
        phones: Vec::new(),
        addresses: Vec::new(),
        warnings: Vec::new(),
    };
    fn set(fields: &mut BTreeMap<String, String>, key: &str, value: String) {
        if !value.is_empty() {
            fields.entry(key.to_owned()).or_insert(value);
        }
    }
    let (mut emails, mut phones, mut addresses) = (Vec::new(), Vec::new(), Vec::new());
    let mut notes = Vec::new();
    let mut tags = Vec::new();
    for p in properties {
        let text = || p.text(encoding);
        match p.name.as_str() {
            "N" => {
                let n = components(&text(), " ");
                set(&mut c.fields, "last_name", part(&n, 0));
                set(&mut c.fields, "first_name", part(&n, 1));
                set(&mut c.fields, "middle_name", part(&n, 2));
                set(&mut c.fields, "salutation", part(&n, 3));
            }
            "FN" => set(&mut c.fields, "full_name", unescape(&text())),
            "ORG" => {
                let org = components(&text(), ", ");
                set(&mut c.fields, "company", part(&org, 0));
                set(&mut c.fields, "department", org.get(1..).unwrap_or_default().join(", "));
            }
            "TITLE" => set(&mut c.fields, "title", unescape(&text())),
            "NOTE" => notes.push(unescape(&text())),
            "CATEGORIES" => tags.extend(split_unescaped(&text(), ',').iter().map(|t| unescape(t))),
            "EMAIL" => {
                let value = unescape(&text());
                let value = value.strip_prefix("mailto:").unwrap_or(&value).to_owned();
                emails.push((p.preferred(), value, label(&p.types())));
            }
            "TEL" => {
                let value = unescape(&text());
                phones.push((p.preferred(), phone(&value), label(&p.types())));
            }
            "ADR" => {
                let a = components(&text(), ", ");
                // Street lines, then the extended address and the post office box.
                let street = [part(&a, 2), part(&a, 1), part(&a, 0)]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n");
                let address = [street, part(&a, 3), part(&a, 4), part(&a, 5), part(&a, 6), label(&p.types()).into()];
                if address[..5].iter().any(|s| !s.is_empty()) {
                    addresses.push((p.preferred(), address));
                }
            }
            "BDAY" => {
                let value = unescape(&text());
                match birthday(&value, p.param("X-APPLE-OMIT-YEAR")) {
                    Some(date) => set(&mut c.fields, "birthday", date),
                    None if value.is_empty() => {}
                    None => c.warnings.push((
                        Some("birthday".into()),
                        format!("The birthday {value:?} is not a date and was left out"),
                    )),
                }
            }
            _ => {} // PHOTO, URL, KEY, X-… and the rest are not contact fields
        }
    }
    // The preferred e-mail, phone and address come first (the first is the primary one).
    emails.sort_by_key(|(pref, _, _)| !pref);
    phones.sort_by_key(|(pref, _, _)| !pref);
    addresses.sort_by_key(|(pref, _)| !pref);
    c.emails = emails.into_iter().filter(|(_, v, _)| !v.is_empty()).map(|(_, v, l)| (v, l)).collect();
    c.phones = phones.into_iter().filter(|(_, v, _)| !v.is_empty()).map(|(_, v, l)| (v, l)).collect();
    c.addresses = addresses.into_iter().map(|(_, a)| a).collect();
    set(&mut c.fields, "notes", notes.into_iter().filter(|n| !n.is_empty()).collect::<Vec<_>>().join("\n"));
    set(&mut c.fields, "tags", tags.into_iter().filter(|t| !t.is_empty()).collect::<Vec<_>>().join(", "));
    c
}

/// Splits a content line into name, parameters and raw value (None when it has no `:`).
fn property(line: &[u8]) -> Option<Property> {
    let mut quoted = false;
    let colon = line.iter().position(|b| {
        if *b == b'"' {
            quoted = !quoted;
        }
        *b == b':' && !quoted
    })?;
    let head = String::from_utf8_lossy(&line[..colon]);
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in head.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => parts.push(std::mem::take(&mut current)),
            c => current.push(c),
        }
    }
    parts.push(current);
    let name = parts[0].rsplit('.').next().unwrap_or_default().trim().to_uppercase();
    let params = parts[1..]
        .iter()
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (k.trim().to_uppercase(), v.trim().to_owned()),
            // 2.1's bare parameters: QUOTED-PRINTABLE and BASE64 are encodings, the rest types.
            None if p.eq_ignore_ascii_case("QUOTED-PRINTABLE") || p.eq_ignore_ascii_case("BASE64") => {
                ("ENCODING".into(), p.trim().to_owned())
            }
            None => ("TYPE".into(), p.trim().to_owned()),
        })
        .collect();
    Some(Property { name, params, raw: line[colon + 1..].to_vec() })
}

fn quoted_printable_head(line: &[u8]) -> bool {
    let head = line.iter().position(|b| *b == b':').map_or(line, |colon| &line[..colon]);
    String::from_utf8_lossy(head).to_ascii_uppercase().contains("QUOTED-PRINTABLE")
}

/// The file's logical lines with the number of their first physical line:
/// folded lines joined, quoted-printable soft line breaks joined.
fn logical_lines(text: &[u8]) -> Vec<(u64, Vec<u8>)> {
    let physical: Vec<&[u8]> =
        text.split(|b| *b == b'\n').map(|l| l.strip_suffix(b"\r").unwrap_or(l)).collect::<Vec<_>>();
    let mut lines = Vec::new();
    let mut i = 0;
    while i < physical.len() {
        let number = i as u64 + 1;
        let mut line = physical[i].to_vec();
        i += 1;
        if quoted_printable_head(&line) {
            let mut last = physical[i - 1];
            while last.ends_with(b"=") && i < physical.len() {
                line.pop();
                line.extend_from_slice(physical[i]);
                last = physical[i];
                i += 1;
            }
        }
        while i < physical.len() && matches!(physical[i].first(), Some(b' ' | b'\t')) {
            line.extend_from_slice(&physical[i][1..]);
            i += 1;
        }
        lines.push((number, line));
    }
    lines
}

fn broken(path: &Path, line: u64, message: String) -> Error {
    Error {
        row: Some(line),
        ..Error::new(
            ErrorCode::Validation,
            format!(
                "{} is not a vCard file Outpost can read: line {line}: {message}; nothing was imported",
                path.display()
            ),
        )
        .with_field("path")
    }
}

/// Reads every card of the file. Returns the file's encoding and the table.
pub fn read(path: &Path) -> Result<(&'static Encoding, Table)> {
    let mut raw = Vec::new();
    source::open(path)?
        .read_to_end(&mut raw)
        .map_err(|e| Error::io(&format!("Cannot read {}", path.display()), &e).with_field("path"))?;
    let encoding = source::detect_encoding(&raw);
    // UTF-16 is decoded as a whole; other files value by value, so a value's CHARSET can differ from the file's.
    let utf16 = encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE;
    let (text, file_encoding) = if utf16 {
        (encoding.decode(&raw).0.into_owned().into_bytes(), encoding_rs::UTF_8)
    } else {
        (raw.strip_prefix(&b"\xef\xbb\xbf"[..]).map(<[u8]>::to_vec).unwrap_or(raw), encoding)
    };

    let mut cards = Vec::new();
    let mut open: Option<(u64, Vec<Property>)> = None;
    for (number, line) in logical_lines(&text) {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let Some(p) = property(&line) else {
            if open.is_some() {
                continue; // a stray line inside a card (some exporters write them) carries no field
            }
            let start = String::from_utf8_lossy(&line[..line.len().min(40)]).into_owned();
            return Err(broken(path, number, format!("expected BEGIN:VCARD, found {start:?}")));
        };
        let name = p.name.clone();
        let value = String::from_utf8_lossy(&p.raw).trim().to_ascii_uppercase();
        match (name.as_str(), value.as_str(), &mut open) {
            ("BEGIN", "VCARD", Some((start, _))) => {
                return Err(broken(path, number, format!("a card begins before the card of line {start} has ended")))
            }
            ("BEGIN", "VCARD", None) => open = Some((number, Vec::new())),
            ("END", "VCARD", None) => return Err(broken(path, number, "END:VCARD without BEGIN:VCARD".into())),
            ("END", "VCARD", Some(_)) => {
                let (start, properties) = open.take().expect("a card is open");
                cards.push(card(start, &properties, file_encoding));
            }
            (_, _, Some((_, properties))) => properties.push(p),
            (name, _, None) => {
                return Err(broken(path, number, format!("expected BEGIN:VCARD, found the property {name}")))
            }
        }
    }
    if let Some((start, _)) = open {
        return Err(broken(path, start, "the card that begins here has no END:VCARD".into()));
    }
    if cards.is_empty() {
        return Err(broken(path, 1, "the file holds no BEGIN:VCARD".into()));
    }
    Ok((encoding, table(cards)))
}

const FIXED: &[&str] = &[
    "salutation",
    "first_name",
    "middle_name",
    "last_name",
    "full_name",
    "company",
    "department",
    "title",
    "birthday",
    "notes",
    "tags",
];
const ADDRESS: [&str; 6] = ["street", "city", "region", "postal_code", "country", "address_label"];

/// `count` value and label pairs of a card's e-mails or phones (empty where it has fewer).
fn pairs<'a>(list: &'a [(String, &'static str)], count: usize) -> impl Iterator<Item = String> + 'a {
    (0..count).flat_map(move |n| match list.get(n) {
        Some((value, label)) => [value.clone(), (*label).to_owned()],
        None => [String::new(), String::new()],
    })
}

/// One row per card under headers wide enough for the card with the most e-mails, phones and addresses.
fn table(cards: Vec<Card>) -> Table {
    let most = |n: fn(&Card) -> usize| cards.iter().map(n).max().unwrap_or(0);
    let (emails, phones, addresses) = (most(|c| c.emails.len()), most(|c| c.phones.len()), most(|c| c.addresses.len()));
    // Slots sort as text, so they are zero-padded to one width.
    let width = emails.max(phones).max(addresses).to_string().len();
    let slot = |n: usize| format!("{:0width$}", n + 1);
    let mut header: Vec<String> = FIXED.iter().map(|f| (*f).to_owned()).collect();
    for n in 0..emails {
        header.extend([format!("email:{}", slot(n)), format!("email_label:{}", slot(n))]);
    }
    for n in 0..phones {
        header.extend([format!("phone:{}", slot(n)), format!("phone_label:{}", slot(n))]);
    }
    for n in 0..addresses {
        header.extend(ADDRESS.iter().map(|f| format!("{f}:{}", slot(n))));
    }
    let rows = cards
        .into_iter()
        .map(|card| {
            let mut fields: Vec<String> =
                FIXED.iter().map(|f| card.fields.get(*f).cloned().unwrap_or_default()).collect();
            fields.extend(pairs(&card.emails, emails));
            fields.extend(pairs(&card.phones, phones));
            for n in 0..addresses {
                fields.extend(card.addresses.get(n).cloned().unwrap_or_default());
            }
            Row { line: card.line, fields, warnings: card.warnings }
        })
        .collect();
    Table::from_rows(header, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_unescaped_and_split() {
        assert_eq!(
            components(r"Doe;John;Richter\, James;Mr.;Sr.", " "),
            ["Doe", "John", "Richter, James", "Mr.", "Sr."]
        );
        assert_eq!(components("Doe;John;Richter,James;;", " ")[2], "Richter James");
        assert_eq!(unescape(r"a\nb\;c\\d http\://x"), "a\nb;c\\d http://x");
        assert_eq!(quoted_printable(b"M=C3=BCller=20x"), "Müller x".as_bytes());
    }

    #[test]
    fn birthdays_in_every_form() {
        assert_eq!(birthday("1980-02-29", None).as_deref(), Some("1980-02-29"));
        assert_eq!(birthday("19800229", None).as_deref(), Some("1980-02-29"));
        assert_eq!(birthday("--0229", None).as_deref(), Some("--02-29"));
        assert_eq!(birthday("1980-02-29T00:00:00Z", None).as_deref(), Some("1980-02-29"));
        assert_eq!(birthday("1604-03-15", Some("1604")).as_deref(), Some("--03-15"));
        assert_eq!(birthday("circa 1800", None), None);
    }

    #[test]
    fn types_become_labels() {
        let p = property(b"TEL;TYPE=\"work,cell,voice\":tel:+1").unwrap();
        assert_eq!((p.name.as_str(), label(&p.types())), ("TEL", "mobile"));
        let p = property(b"item1.EMAIL;type=INTERNET;type=HOME:a@b.c").unwrap();
        assert_eq!((p.name.as_str(), label(&p.types())), ("EMAIL", "home"));
        let p = property(b"TEL;WORK;FAX:1").unwrap();
        assert_eq!(label(&p.types()), "fax");
    }

    #[test]
    fn utf16_and_utf8_files_are_recognised() {
        assert!(looks_like(b"\xef\xbb\xbf\r\nBEGIN:VCARD\r\n"));
        assert!(looks_like(b"\xff\xfeB\0E\0G\0I\0N\0:\0V\0C\0A\0R\0D\0"));
        assert!(!looks_like(b"Last Name,Email\n"));
    }

    #[test]
    fn soft_line_breaks_and_folds_are_joined() {
        let lines = logical_lines(b"N;ENCODING=QUOTED-PRINTABLE:=C3=91=\r\n=20x;;;;\r\n\r\nNOTE:a\r\n  b\r\n");
        assert_eq!(lines[0], (1, b"N;ENCODING=QUOTED-PRINTABLE:=C3=91=20x;;;;".to_vec()));
        assert_eq!(lines[2], (4, b"NOTE:a b".to_vec()));
    }
}
