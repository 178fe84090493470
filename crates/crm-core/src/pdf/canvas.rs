//! Drawing on A4 pages in points from the bottom-left corner: text (left or right aligned,
//! wrapped to a width), rules and the logo. Collects each page's operations for `printpdf`,
//! and finally embeds the fonts cut down to the characters drawn.

pub use super::fonts::Weight;
use super::fonts::{self, Fonts};
use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Op, PdfDocument, PdfFontHandle, Point, Pt, TextItem, XObjectId,
    XObjectTransform,
};
use std::collections::BTreeSet;

pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;

/// How one piece of text is drawn.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub size: f32,
    pub weight: Weight,
    /// 0 black … 1 white.
    pub grey: f32,
}

impl Style {
    pub const fn regular(size: f32) -> Style {
        Style { size, weight: Weight::Regular, grey: 0.0 }
    }
    pub const fn bold(size: f32) -> Style {
        Style { size, weight: Weight::Bold, grey: 0.0 }
    }
    pub const fn muted(size: f32) -> Style {
        Style { size, weight: Weight::Regular, grey: 0.4 }
    }
}

pub struct Canvas {
    fonts: &'static Fonts,
    pub pages: Vec<Vec<Op>>,
}

/// Text names its font by weight (a pending id) until the fonts are embedded (`finish`).
fn pending_font(weight: Weight) -> FontId {
    FontId(format!("{weight:?}"))
}

impl Canvas {
    pub fn new() -> Canvas {
        Canvas { fonts: fonts::get(), pages: vec![Vec::new()] }
    }

    /// The pages, with each font embedded as the subset of the characters drawn in it.
    pub fn finish(mut self, pdf: &mut PdfDocument) -> Vec<Vec<Op>> {
        for weight in [Weight::Regular, Weight::Bold] {
            let name = pending_font(weight);
            let chars: BTreeSet<char> = self.text_of(&name).flat_map(str::chars).collect();
            if chars.is_empty() {
                continue;
            }
            let id = pdf.add_font(&fonts::subset(weight, &chars));
            for op in self.pages.iter_mut().flatten() {
                if let Op::SetFont { font: PdfFontHandle::External(font), .. } = op {
                    if *font == name {
                        *font = id.clone();
                    }
                }
            }
        }
        self.pages
    }

    /// Every text drawn in the font `name`.
    fn text_of<'a>(&'a self, name: &'a FontId) -> impl Iterator<Item = &'a str> + 'a {
        let mut current = false;
        self.pages
            .iter()
            .flatten()
            .filter_map(move |op| match op {
                Op::SetFont { font: PdfFontHandle::External(font), .. } => {
                    current = font == name;
                    None
                }
                Op::ShowText { items } if current => Some(items.iter().filter_map(|i| match i {
                    TextItem::Text(t) => Some(t.as_str()),
                    _ => None,
                })),
                _ => None,
            })
            .flatten()
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        self.pages.last_mut().expect("a canvas always has a page")
    }

    pub fn width(&self, text: &str, style: Style) -> f32 {
        fonts::width(self.fonts.get(style.weight), text, style.size)
    }

    /// Text whose baseline starts at (x, y).
    pub fn text(&mut self, x: f32, y: f32, style: Style, text: &str) {
        if text.is_empty() {
            return;
        }
        let font = pending_font(style.weight);
        self.ops().extend([
            Op::StartTextSection,
            Op::SetFillColor { col: grey(style.grey) },
            Op::SetFont { font: PdfFontHandle::External(font), size: Pt(style.size) },
            Op::SetTextCursor { pos: Point { x: Pt(x), y: Pt(y) } },
            Op::ShowText { items: vec![TextItem::Text(text.to_owned())] },
            Op::EndTextSection,
        ]);
    }

    /// Text that ends at `right`.
    pub fn text_right(&mut self, right: f32, y: f32, style: Style, text: &str) {
        let x = right - self.width(text, style);
        self.text(x, y, style, text);
    }

    /// A horizontal or vertical rule.
    pub fn rule(&mut self, from: (f32, f32), to: (f32, f32), thickness: f32, shade: f32) {
        let point = |(x, y): (f32, f32)| LinePoint { p: Point { x: Pt(x), y: Pt(y) }, bezier: false };
        self.ops().extend([
            Op::SetOutlineColor { col: grey(shade) },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::DrawLine { line: Line { points: vec![point(from), point(to)], is_closed: false } },
        ]);
    }

    /// An image of `pixels_wide` pixels drawn `width` points wide with its bottom-left at (x, y).
    pub fn image(&mut self, id: XObjectId, x: f32, y: f32, width: f32, pixels_wide: usize) {
        let transform = XObjectTransform {
            translate_x: Some(Pt(x)),
            translate_y: Some(Pt(y)),
            // the image is drawn at pixels × 72 / dpi points
            dpi: Some(pixels_wide as f32 * 72.0 / width),
            ..Default::default()
        };
        self.ops().push(Op::UseXobject { id, transform });
    }

    /// `text` broken into lines no wider than `width` (at spaces, else inside a long word);
    /// line breaks in the text are kept.
    pub fn wrap(&self, text: &str, width: f32, style: Style) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.lines() {
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
                if self.width(&candidate, style) <= width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                line = self.break_word(word, width, style, &mut lines);
            }
            lines.push(line);
        }
        lines
    }

    /// Pushes the full-width pieces of a word too long for a line; returns the rest.
    fn break_word(&self, word: &str, width: f32, style: Style, lines: &mut Vec<String>) -> String {
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if self.width(&piece, style) > width && piece.chars().count() > 1 {
                piece.pop();
                lines.push(std::mem::take(&mut piece));
                piece.push(c);
            }
        }
        piece
    }
}

fn grey(shade: f32) -> Color {
    Color::Greyscale(Greyscale { percent: shade, icc_profile: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_inside_long_words() {
        let c = Canvas::new();
        let style = Style::regular(10.0);
        let lines = c.wrap("Bohrmaschine mit Zubehör und Koffer", 80.0, style);
        assert!(lines.len() > 1, "{lines:?}");
        assert_eq!(lines.join(" "), "Bohrmaschine mit Zubehör und Koffer");
        assert!(lines.iter().all(|l| c.width(l, style) <= 80.0));
        let long = "Donaudampfschifffahrtsgesellschaftskapitän";
        let pieces = c.wrap(long, 60.0, style);
        assert!(pieces.len() > 2);
        assert_eq!(pieces.concat(), long);
        assert_eq!(c.wrap("one\ntwo", 200.0, style), ["one", "two"]);
    }
}
