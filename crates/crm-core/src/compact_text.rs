//! Text of the many small values a calendar view returns, without an allocation each: ids,
//! subjects, dates and times up to 38 bytes are held in place, longer text is shared by the
//! items that have it (an occurrence's copy of its series' subject counts a reference). It
//! serializes as a plain string (the UI sees `string`).

use serde::{Serialize, Serializer};
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

const INLINE: usize = 38;

#[derive(Clone)]
pub enum Text {
    Inline { len: u8, bytes: [u8; INLINE] },
    Shared(Arc<str>),
}

impl Text {
    /// Text written in place: `write` fills a buffer of 38 bytes with UTF-8 and gives the length.
    pub(crate) fn write(write: impl FnOnce(&mut [u8; INLINE]) -> usize) -> Text {
        let mut bytes = [0; INLINE];
        let len = write(&mut bytes).min(INLINE);
        match std::str::from_utf8(&bytes[..len]) {
            Ok(_) => Text::Inline { len: len as u8, bytes },
            Err(_) => Text::default(),
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            // Only whole UTF-8 text is held in place (checked where it is made).
            Text::Inline { len, bytes } => std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default(),
            Text::Shared(text) => text,
        }
    }
}

impl Default for Text {
    fn default() -> Self {
        Text::Inline { len: 0, bytes: [0; INLINE] }
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        if text.len() > INLINE {
            return Text::Shared(text.into());
        }
        Text::write(|b| {
            b[..text.len()].copy_from_slice(text.as_bytes());
            text.len()
        })
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Text::from(text.as_str())
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl rusqlite::types::FromSql for Text {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        value.as_str().map(Text::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_held_in_place_and_long_text_shared_both_serialize_as_text() {
        let id = Text::from("01a22996-5e5c-744b-9e8b-66de3b091d5c");
        assert!(matches!(id, Text::Inline { .. }));
        let long = Text::from("Quarterly review of the whole pipeline with the team");
        assert!(matches!(long, Text::Shared(_)));
        for (text, plain) in [(&id, "01a22996-5e5c-744b-9e8b-66de3b091d5c"), (&long, &*long.to_string())] {
            assert_eq!(text.as_str(), plain);
            assert_eq!(serde_json::to_value(text).unwrap(), serde_json::json!(plain));
        }
        assert_eq!(Text::from("Grüße, München"), "Grüße, München");
        assert_eq!(Text::from(String::new()), Text::default());
        assert_eq!(serde_json::to_value(Text::default()).unwrap(), serde_json::json!(""));
        // Anything but whole UTF-8 written in place is refused.
        let cut = Text::write(|b| {
            b[..2].copy_from_slice("ü".as_bytes());
            1
        });
        assert_eq!(cut, "");
    }
}
