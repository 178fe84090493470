//! The iCalendar text format (RFC 5545 §3.1): content lines unfolded and split into
//! name, parameters and value, components nested by BEGIN/END; and the other way,
//! values escaped and lines folded at 75 octets with CRLF.

use crate::error::{Error, Result};

/// One content line: `NAME;PARAM=VALUE:value`, with the line of the file it starts on.
#[derive(Debug, Clone)]
pub struct Line {
    pub number: u64,
    pub name: String,
    pub params: Vec<(String, String)>,
    pub value: String,
}

impl Line {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// The value as text, unescaped.
    pub fn text(&self) -> String {
        unescape(&self.value)
    }
}

/// A component (`VEVENT`, `VTIMEZONE`, …) with its properties and sub-components.
#[derive(Debug, Clone, Default)]
pub struct Component {
    pub name: String,
    /// The line of its BEGIN.
    pub line: u64,
    pub props: Vec<Line>,
    pub children: Vec<Component>,
}

impl Component {
    pub fn prop(&self, name: &str) -> Option<&Line> {
        self.props.iter().find(|p| p.name == name)
    }

    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Line> + 'a {
        self.props.iter().filter(move |p| p.name == name)
    }

    pub fn text(&self, name: &str) -> String {
        self.prop(name).map(Line::text).unwrap_or_default()
    }
}

/// An error about a line of the file.
pub fn at(line: u64, message: impl Into<String>) -> Error {
    Error { row: Some(line), ..Error::invalid("file", format!("Line {line}: {}", message.into())) }
}

/// Unfolds the text into content lines (a line starting with a space or tab continues the one before).
fn unfold(text: &str) -> Vec<(u64, String)> {
    let mut out: Vec<(u64, String)> = Vec::new();
    for (i, raw) in text.trim_start_matches('\u{feff}').split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        match raw.strip_prefix([' ', '\t']) {
            Some(rest) if !out.is_empty() => out.last_mut().map(|l| l.1.push_str(rest)).unwrap_or_default(),
            _ if raw.trim().is_empty() => {}
            _ => out.push((i as u64 + 1, raw.to_owned())),
        }
    }
    out
}

/// Splits `NAME;P=V;Q="a:b":value` (quoted parameter values may hold `:` `;` `,`).
fn split(number: u64, text: &str) -> Result<Line> {
    let mut name_end = None;
    let mut params = Vec::new();
    let mut quoted = false;
    let mut start = 0;
    let mut value_at = None;
    for (i, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ';' | ':' if !quoted => {
                let part = &text[start..i];
                if name_end.is_none() {
                    name_end = Some(part.to_owned());
                } else {
                    let (k, v) =
                        part.split_once('=').ok_or_else(|| at(number, format!("{part:?} is not PARAM=VALUE")))?;
                    params.push((k.trim().to_uppercase(), v.trim_matches('"').to_owned()));
                }
                start = i + 1;
                if c == ':' {
                    value_at = Some(i + 1);
                    break;
                }
            }
            _ => {}
        }
    }
    let value_at = value_at.ok_or_else(|| at(number, format!("{:?} is not NAME:value", shorten(text))))?;
    let name = name_end.unwrap_or_default().trim().to_uppercase();
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(at(number, format!("{:?} is not a property name", shorten(text))));
    }
    Ok(Line { number, name, params, value: text[value_at..].to_owned() })
}

fn shorten(text: &str) -> String {
    text.chars().take(40).collect()
}

/// Reads every top-level component (`VCALENDAR`s) of the text; a broken nesting names its line.
pub fn parse(text: &str) -> Result<Vec<Component>> {
    let mut stack: Vec<Component> = Vec::new();
    let mut top = Vec::new();
    for (number, raw) in unfold(text) {
        let line = split(number, &raw)?;
        match line.name.as_str() {
            "BEGIN" => {
                stack.push(Component { name: line.value.trim().to_uppercase(), line: number, ..Default::default() })
            }
            "END" => {
                let name = line.value.trim().to_uppercase();
                let done = stack.pop().ok_or_else(|| at(number, format!("END:{name} without BEGIN:{name}")))?;
                if done.name != name {
                    return Err(at(number, format!("END:{name} closes BEGIN:{} of line {}", done.name, done.line)));
                }
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => top.push(done),
                }
            }
            _ => match stack.last_mut() {
                Some(c) => c.props.push(line),
                None => return Err(at(number, format!("{} outside BEGIN:VCALENDAR", line.name))),
            },
        }
    }
    if let Some(open) = stack.pop() {
        return Err(at(open.line, format!("BEGIN:{} is never ended (END:{} is missing)", open.name, open.name)));
    }
    if top.is_empty() {
        return Err(at(1, "The file holds no BEGIN:VCALENDAR"));
    }
    Ok(top)
}

/// Text value unescaped: `\n` `\,` `\;` `\\`.
pub fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded at 75 octets (never inside a character), ending in CRLF.
pub fn push(out: &mut String, line: &str) {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_without_splitting_characters_and_unfolds_back() {
        let mut out = String::new();
        let text = format!("DESCRIPTION:{}", "Grüße, Ünïcödé; ".repeat(12));
        push(&mut out, &text);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{l:?} is {} octets", l.len());
        }
        let back = parse(&format!("BEGIN:VCALENDAR\r\n{out}END:VCALENDAR\r\n")).unwrap();
        assert_eq!(back[0].props[0].value, text["DESCRIPTION:".len()..]);
    }

    #[test]
    fn escapes_round_trip() {
        let text = "a, b; c\\d\nnext";
        assert_eq!(escape(text), "a\\, b\\; c\\\\d\\nnext");
        assert_eq!(unescape(&escape(text)), text);
    }

    #[test]
    fn quoted_parameters_keep_colons() {
        let l = split(3, "ORGANIZER;CN=\"Lal: James\";X=1:mailto:j@example.com").unwrap();
        assert_eq!(l.param("CN"), Some("Lal: James"));
        assert_eq!(l.value, "mailto:j@example.com");
    }

    #[test]
    fn broken_nesting_names_the_line() {
        let e = parse("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nEND:VCALENDAR\n").unwrap_err();
        assert_eq!(e.row, Some(4), "{e:?}");
        let e = parse("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\n").unwrap_err();
        assert_eq!(e.row, Some(2), "{e:?}");
        assert!(e.message.contains("never ended"));
    }
}
