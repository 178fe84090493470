//! Dates in imported files: the format is decided from the whole column, and a
//! column that reads both as day/month and month/day (03/04/2024) is a question
//! for the user, never a silent guess.

use chrono::NaiveDate;

/// An ISO date: how workbooks' date cells and vCards are read, and the one format that reads
/// a value such as `1980-02-29` (no other of `FORMATS` does).
pub const ISO: &str = "%Y-%m-%d";

/// Formats tried, most specific first.
pub const FORMATS: &[&str] =
    &[ISO, "%d.%m.%Y", "%d/%m/%Y", "%m/%d/%Y", "%Y/%m/%d", "%d-%m-%Y", "%d.%m.%y", "%m/%d/%y", "%d/%m/%y", "%Y%m%d"];

/// Keeps the formats that read every value of a column seen so far.
#[derive(Debug, Clone)]
pub struct ColumnFormats {
    viable: Vec<&'static str>,
    /// Whether any value tells day and month apart (a part above 12).
    pub seen: usize,
}

impl Default for ColumnFormats {
    fn default() -> Self {
        ColumnFormats { viable: FORMATS.to_vec(), seen: 0 }
    }
}

/// A date without a year (`--02-29`, as Google exports birthdays) has no format to decide.
pub fn without_year(value: &str) -> bool {
    value.starts_with("--")
}

pub fn parse(value: &str, format: &str) -> Option<NaiveDate> {
    let date = NaiveDate::parse_from_str(value.trim(), format).ok()?;
    // Two-digit years: chrono reads 80 as 1980 and 25 as 2025; four-digit years must be plausible.
    (1800..=2200).contains(&chrono::Datelike::year(&date)).then_some(date)
}

/// Whether `value` holds a date a column's format has to read: not empty, with a year.
pub fn is_dated(value: &str) -> bool {
    let value = value.trim();
    !value.is_empty() && !without_year(value)
}

impl ColumnFormats {
    pub fn observe(&mut self, value: &str) {
        if !is_dated(value) {
            return;
        }
        self.seen += 1;
        let value = value.trim();
        self.viable.retain(|f| parse(value, f).is_some());
    }

    /// The column's format; Err lists the candidates when the column is ambiguous or unreadable.
    pub fn decide(&self) -> Result<Option<&'static str>, Vec<&'static str>> {
        if self.seen == 0 {
            return Ok(None);
        }
        match self.viable.as_slice() {
            [] => Err(Vec::new()),
            [one] => Ok(Some(one)),
            // Same order of parts, different separators or year width: not ambiguous.
            [first, rest @ ..] if rest.iter().all(|f| order(f) == order(first)) => Ok(Some(first)),
            many => Err(many.to_vec()),
        }
    }
}

/// The order of day, month and year in a format ("dmy", "mdy", "ymd").
fn order(format: &str) -> String {
    format
        .chars()
        .filter_map(|c| match c {
            'd' => Some('d'),
            'm' => Some('m'),
            'Y' | 'y' => Some('y'),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decide(values: &[&str]) -> Result<Option<&'static str>, Vec<&'static str>> {
        let mut c = ColumnFormats::default();
        values.iter().for_each(|v| c.observe(v));
        c.decide()
    }

    #[test]
    fn the_whole_column_decides_the_format() {
        assert_eq!(decide(&["1980-02-29", "2001-12-01"]), Ok(Some("%Y-%m-%d")));
        assert_eq!(decide(&["29.02.1980", "01.12.2001"]), Ok(Some("%d.%m.%Y")));
        assert_eq!(decide(&["03/04/2024", "12/25/2023"]), Ok(Some("%m/%d/%Y")));
        assert_eq!(decide(&["03/04/2024", "25/12/2023"]), Ok(Some("%d/%m/%Y")));
        assert_eq!(decide(&["", "--02-29"]), Ok(None));
    }

    #[test]
    fn day_month_ambiguity_is_a_question() {
        let err = decide(&["03/04/2024", "05/06/2023"]).unwrap_err();
        assert!(err.contains(&"%d/%m/%Y") && err.contains(&"%m/%d/%Y"));
        assert_eq!(decide(&["someday"]), Err(vec![]));
    }
}
