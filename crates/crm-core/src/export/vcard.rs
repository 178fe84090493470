//! Contacts as vCard 4.0.

use crate::contacts;

/// A vCard 4.0 value with its special characters escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets (never inside a character), ending in CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

/// The vCard TYPE of a label Outpost gives e-mails, phones and addresses (None for free labels).
fn vcard_type(label: &str) -> Option<&'static str> {
    Some(match label.trim().to_lowercase().as_str() {
        "mobile" | "cell" => "cell",
        "work" => "work",
        "home" => "home",
        "fax" => "fax",
        "pager" => "pager",
        "other" => "other",
        _ => return None,
    })
}

fn typed(name: &str, label: &str, value: &str) -> String {
    match vcard_type(label) {
        Some(t) => format!("{name};TYPE={t}:{value}"),
        None => format!("{name}:{value}"),
    }
}

/// One contact as a vCard 4.0.
pub(super) fn vcard(c: &contacts::Contact, company: &str) -> String {
    let f = &c.fields;
    let mut lines = vec!["BEGIN:VCARD".to_owned(), "VERSION:4.0".to_owned()];
    lines.push(format!("FN:{}", escape(&c.display_name)));
    lines.push(format!("N:{};{};;{};", escape(&f.last_name), escape(&f.first_name), escape(&f.salutation)));
    if !company.is_empty() || !f.department.is_empty() {
        lines.push(format!("ORG:{};{}", escape(company), escape(&f.department)));
    }
    if !f.title.is_empty() {
        lines.push(format!("TITLE:{}", escape(&f.title)));
    }
    for e in &f.emails {
        lines.push(typed("EMAIL", &e.label, &escape(&e.value)));
    }
    for p in &f.phones {
        lines.push(typed("TEL", &p.label, &escape(&p.value)));
    }
    for a in &f.addresses {
        let value = [&a.street, &a.city, &a.region, &a.postal_code, &a.country].map(|part| escape(part)).join(";");
        lines.push(typed("ADR", &a.label, &format!(";;{value}")));
    }
    if let Some(birthday) = &f.birthday {
        lines.push(format!("BDAY:{}", birthday.replace('-', "")));
    }
    if !f.notes.is_empty() {
        lines.push(format!("NOTE:{}", escape(&f.notes)));
    }
    if !f.tags.is_empty() {
        lines.push(format!("CATEGORIES:{}", f.tags.iter().map(|t| escape(t)).collect::<Vec<_>>().join(",")));
    }
    lines.push("END:VCARD".to_owned());
    lines.iter().map(|l| fold(l)).collect()
}
