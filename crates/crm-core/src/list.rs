//! Keyset pagination: a page of rows and the cursor that continues after it.

use crate::error::{Error, Result};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Page<T> {
    pub rows: Vec<T>,
    /// Pass as `after` to get the next page; null on the last page.
    pub next: Option<String>,
    /// Rows matching the filter; given with the first page only (null on later pages).
    pub total: Option<u64>,
}

/// The position after the last row of a page: its sort key and id.
#[derive(Debug, Clone, PartialEq)]
pub struct Cursor {
    pub key: String,
    pub id: String,
}

impl Cursor {
    pub fn encode(&self) -> String {
        serde_json::json!([self.key, self.id]).to_string()
    }

    pub fn decode(text: &str) -> Result<Cursor> {
        let bad = || Error::invalid("after", "The list cursor is not one this list gave out");
        let (key, id): (String, String) = serde_json::from_str(text).map_err(|_| bad())?;
        Ok(Cursor { key, id })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_round_trips_and_rejects_garbage() {
        let c = Cursor { key: "groß\u{1}jürgen".into(), id: "0193".into() };
        assert_eq!(Cursor::decode(&c.encode()).unwrap(), c);
        assert_eq!(Cursor::decode("[1,2]").unwrap_err().field.as_deref(), Some("after"));
        assert!(Cursor::decode("nope").is_err());
    }
}
