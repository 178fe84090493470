//! The decimal separator of a column of amounts, decided by the whole column as the
//! format of dates is: `1.234` is a thousand in a column that also holds `4,95`, and
//! one and a bit in a column that holds `4.95`. A column that never shows which
//! (every value `1.234` or `12`) is read cell by cell (`values::amount`).

/// What a column's cells say about its decimal separator.
#[derive(Debug, Clone, Default)]
pub struct ColumnSeparator {
    comma: bool,
    dot: bool,
}

impl ColumnSeparator {
    pub fn observe(&mut self, cell: &str) {
        let kept: String = cell.chars().filter(|c| c.is_ascii_digit() || matches!(c, '.' | ',')).collect();
        // One separator followed by other than three digits can only be the decimal one.
        let alone = |sep: char, at: usize| kept.matches(sep).count() == 1 && kept.len() - at - 1 != 3;
        match (kept.rfind('.'), kept.rfind(',')) {
            (Some(dot), Some(comma)) if comma > dot => self.comma = true,
            (Some(_), Some(_)) => self.dot = true,
            (None, Some(comma)) if alone(',', comma) => self.comma = true,
            (Some(dot), None) if alone('.', dot) => self.dot = true,
            _ => {}
        }
    }

    /// The decimal separator, when the column shows one and only one.
    pub fn decide(&self) -> Option<char> {
        match (self.comma, self.dot) {
            (true, false) => Some(','),
            (false, true) => Some('.'),
            _ => None,
        }
    }
}

/// A cell of a column whose decimal separator is `decimal`, written with `.` and no grouping.
pub fn normalise(cell: &str, decimal: char) -> String {
    let group = if decimal == ',' { '.' } else { ',' };
    cell.chars().filter(|c| *c != group).map(|c| if c == decimal { '.' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decided(cells: &[&str]) -> Option<char> {
        let mut column = ColumnSeparator::default();
        cells.iter().for_each(|c| column.observe(c));
        column.decide()
    }

    #[test]
    fn the_column_decides_what_a_lone_separator_means() {
        assert_eq!(decided(&["1.234", "4,95"]), Some(','));
        assert_eq!(decided(&["1,234", "4.95"]), Some('.'));
        assert_eq!(decided(&["1.234,50", "12"]), Some(','));
        assert_eq!(decided(&["1,234.50"]), Some('.'));
        assert_eq!(decided(&["1.234", "12"]), None, "never shown");
        assert_eq!(decided(&["4,95", "4.95"]), None, "both: cell by cell");
        assert_eq!(normalise("1.234", ','), "1234");
        assert_eq!(normalise("1.234,50 €", ','), "1234.50 €");
        assert_eq!(normalise("1,234", '.'), "1234");
        assert_eq!(normalise("7,5 %", ','), "7.5 %");
    }
}
