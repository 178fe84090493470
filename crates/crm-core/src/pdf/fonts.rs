//! The fonts every document embeds (DejaVu Sans, regular and bold: Latin, Cyrillic, Greek and
//! the € ₽ ₴ signs), built into the program so printing needs no installed fonts, and the text
//! widths the layout measures with.

use printpdf::ParsedFont;
use std::sync::OnceLock;

static REGULAR_TTF: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSans.ttf");
static BOLD_TTF: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSans-Bold.ttf");

pub struct Fonts {
    pub regular: ParsedFont,
    pub bold: ParsedFont,
}

/// The parsed fonts, read once per process (parsing is a good part of a small document's time).
pub fn get() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let parse = |bytes: &[u8]| ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).expect("the built-in font parses");
        Fonts { regular: parse(REGULAR_TTF), bold: parse(BOLD_TTF) }
    })
}

/// The width of `text` at `size` points, in points.
pub fn width(font: &ParsedFont, text: &str, size: f32) -> f32 {
    let units: u32 = text
        .chars()
        .map(|c| {
            let glyph = font.lookup_glyph_index(c as u32).unwrap_or(0);
            u32::from(font.get_glyph_width(glyph).unwrap_or(0))
        })
        .sum();
    units as f32 * size / f32::from(font.units_per_em.max(1))
}

/// Whether the font draws every character of `text` (no blank boxes).
pub fn covers(font: &ParsedFont, text: &str) -> bool {
    text.chars().filter(|c| !c.is_whitespace()).all(|c| font.lookup_glyph_index(c as u32).is_some_and(|g| g != 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covers_german_russian_ukrainian_and_the_currency_signs() {
        let f = get();
        for font in [&f.regular, &f.bold] {
            assert!(covers(font, "ÄÖÜäöüß Groß € ₽ ₴ № Счёт Рахунок ЄІЇҐєіїґ ’ – —"));
            assert!(!covers(font, "日本"));
        }
    }

    #[test]
    fn measures_text() {
        let f = get();
        let w = width(&f.regular, "Müller", 10.0);
        assert!(w > 25.0 && w < 45.0, "{w}");
        assert!(width(&f.bold, "Müller", 10.0) > w);
        assert_eq!(width(&f.regular, "", 10.0), 0.0);
        assert!((width(&f.regular, "ab", 20.0) - 2.0 * width(&f.regular, "ab", 10.0)).abs() < 0.001);
    }
}
