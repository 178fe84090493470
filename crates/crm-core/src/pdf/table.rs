//! The line table: its columns (a waybill's without prices), each line's cells, rows that wrap
//! their text, and page breaks that repeat the header row on the next page.

use super::canvas::Style;
use super::labels::Labels;
use super::model::{DocumentKind, Line};
use super::render::{Layout, LEFT, RIGHT};
use crate::totals::Discount;

const CELL: Style = Style::regular(8.5);
const CELL_HEAD: Style = Style::bold(7.5);
const CODE: Style = Style::muted(7.5);
const PAD: f32 = 3.0;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Col {
    Position,
    Description,
    Quantity,
    Unit,
    UnitPrice,
    Discount,
    Tax,
    Net,
}

pub(super) struct Column {
    col: Col,
    label: &'static str,
    width: f32,
}

impl Column {
    fn numeric(&self) -> bool {
        !matches!(self.col, Col::Description | Col::Unit)
    }
}

/// The table's columns: a waybill shows quantities only; the description takes what is left.
pub(super) fn columns(kind: DocumentKind, l: &Labels) -> Vec<Column> {
    let fixed: &[(Col, &'static str, f32)] = match kind {
        DocumentKind::Waybill => {
            &[(Col::Position, l.position, 26.0), (Col::Quantity, l.quantity, 64.0), (Col::Unit, l.unit, 56.0)]
        }
        _ => &[
            (Col::Position, l.position, 24.0),
            (Col::Quantity, l.quantity, 42.0),
            (Col::Unit, l.unit, 38.0),
            (Col::UnitPrice, l.unit_price, 64.0),
            (Col::Discount, l.discount, 46.0),
            (Col::Tax, l.tax, 36.0),
            (Col::Net, l.net, 70.0),
        ],
    };
    let description = RIGHT - LEFT - fixed.iter().map(|c| c.2).sum::<f32>();
    let mut columns: Vec<Column> = fixed.iter().map(|&(col, label, width)| Column { col, label, width }).collect();
    columns.insert(1, Column { col: Col::Description, label: l.description, width: description });
    columns
}

/// One table cell: its lines and how they are drawn.
pub(super) struct Cell {
    lines: Vec<(String, Style)>,
}

impl Layout<'_> {
    /// Draws a row of cells at the cursor and moves below it.
    fn row(&mut self, cells: &[Cell]) {
        let height = row_height(cells);
        let mut x = LEFT;
        for (column, cell) in self.columns.iter().zip(cells) {
            let mut y = self.y - PAD;
            for (text, style) in &cell.lines {
                let baseline = y - style.size;
                if column.numeric() {
                    self.c.text_right(x + column.width - PAD, baseline, *style, text);
                } else {
                    self.c.text(x + PAD, baseline, *style, text);
                }
                y -= leading(*style);
            }
            x += column.width;
        }
        self.y -= height;
    }

    pub(super) fn header_row(&mut self) {
        let cells: Vec<Cell> = self
            .columns
            .iter()
            .map(|c| Cell {
                lines: self
                    .c
                    .wrap(c.label, c.width - 2.0 * PAD, CELL_HEAD)
                    .into_iter()
                    .map(|t| (t, CELL_HEAD))
                    .collect(),
            })
            .collect();
        self.c.rule((LEFT, self.y), (RIGHT, self.y), 0.8, 0.0);
        self.row(&cells);
        self.c.rule((LEFT, self.y), (RIGHT, self.y), 0.8, 0.0);
    }

    fn line_cells(&self, position: usize, line: &Line) -> Vec<Cell> {
        let money =
            |v: Option<rust_decimal::Decimal>| v.map(|v| self.f.money(v, &self.doc.currency)).unwrap_or_default();
        self.columns
            .iter()
            .map(|column| {
                let one = |text: String| Cell { lines: vec![(text, CELL)] };
                match column.col {
                    Col::Position => one(position.to_string()),
                    Col::Description => {
                        let width = column.width - 2.0 * PAD;
                        let mut lines: Vec<(String, Style)> =
                            self.c.wrap(&line.description, width, CELL).into_iter().map(|t| (t, CELL)).collect();
                        if !line.code.is_empty() {
                            lines.extend(self.c.wrap(&line.code, width, CODE).into_iter().map(|t| (t, CODE)));
                        }
                        Cell { lines }
                    }
                    Col::Quantity => one(self.f.number(line.quantity)),
                    Col::Unit => Cell {
                        lines: self
                            .c
                            .wrap(&line.unit, column.width - 2.0 * PAD, CELL)
                            .into_iter()
                            .map(|t| (t, CELL))
                            .collect(),
                    },
                    Col::UnitPrice => one(money(line.unit_price)),
                    Col::Discount => one(match line.discount {
                        Some(Discount::Percent(p)) => self.f.percent_value(p),
                        Some(Discount::Amount(a)) => money(Some(a)),
                        None => String::new(),
                    }),
                    Col::Tax => one(line.tax_rate.map(|r| self.f.percent(r)).unwrap_or_default()),
                    Col::Net => one(money(line.net)),
                }
            })
            .collect()
    }

    pub(super) fn table(&mut self) {
        let head_height = row_height(
            &self.columns.iter().map(|_| Cell { lines: vec![(String::new(), CELL_HEAD)] }).collect::<Vec<_>>(),
        );
        let first = self.doc.lines.first().map(|l| row_height(&self.line_cells(1, l))).unwrap_or(0.0);
        self.ensure(head_height + first + 2.0, false);
        self.header_row();
        for (i, line) in self.doc.lines.iter().enumerate() {
            let cells = self.line_cells(i + 1, line);
            self.ensure(row_height(&cells), true);
            self.row(&cells);
            self.c.rule((LEFT, self.y), (RIGHT, self.y), 0.3, 0.75);
        }
        self.y -= 10.0;
    }
}

fn leading(style: Style) -> f32 {
    style.size * 1.3
}

fn row_height(cells: &[Cell]) -> f32 {
    let content = cells.iter().map(|c| c.lines.iter().map(|(_, s)| leading(*s)).sum::<f32>()).fold(0.0, f32::max);
    content + 2.0 * PAD
}
