//! The fonts every document embeds (DejaVu Sans, regular and bold: Latin, Cyrillic, Greek and
//! the € ₽ ₴ signs), built into the program so printing needs no installed fonts, and the text
//! widths the layout measures with.

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{subset as allsorts_subset, CmapTarget, SubsetProfile};
use printpdf::ParsedFont;
use std::collections::BTreeSet;
use std::sync::OnceLock;

static REGULAR_TTF: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSans.ttf");
static BOLD_TTF: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSans-Bold.ttf");

pub struct Fonts {
    pub regular: ParsedFont,
    pub bold: ParsedFont,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

impl Fonts {
    pub fn get(&self, weight: Weight) -> &ParsedFont {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
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

/// The font reduced to the glyphs of `chars` (renumbered, with its own cmap, widths and outlines),
/// parsed for embedding; the whole font when it cannot be subset. A document then carries a few
/// kilobytes of font instead of 700 KB, and saving it compresses that much less.
pub fn subset(weight: Weight, chars: &BTreeSet<char>) -> ParsedFont {
    let full = get().get(weight);
    let ttf = match weight {
        Weight::Regular => REGULAR_TTF,
        Weight::Bold => BOLD_TTF,
    };
    // .notdef first, as the subsetter requires
    let mut glyphs: Vec<u16> =
        chars.iter().filter_map(|&c| full.lookup_glyph_index(c as u32)).filter(|&g| g != 0).collect();
    glyphs.sort_unstable();
    glyphs.dedup();
    glyphs.insert(0, 0);
    let subset = || -> Option<ParsedFont> {
        let data = ReadScope::new(ttf).read::<FontData<'_>>().ok()?;
        let provider = data.table_provider(0).ok()?;
        let bytes = allsorts_subset(&provider, &glyphs, &SubsetProfile::Minimal, CmapTarget::Unicode).ok()?;
        ParsedFont::from_bytes(&bytes, 0, &mut Vec::new())
    };
    subset().unwrap_or_else(|| full.clone())
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
    fn subsets_keep_the_characters_and_their_widths() {
        let chars: BTreeSet<char> = "Müller ₴ Рахунок".chars().collect();
        let small = subset(Weight::Bold, &chars);
        assert!(small.original_bytes.len() < 20_000, "{} bytes", small.original_bytes.len());
        assert!(covers(&small, "Müller ₴ Рахунок"));
        assert!(!covers(&small, "x"), "only what was asked for");
        let text = "Рахунок Müller";
        assert!((width(&small, text, 10.0) - width(&get().bold, text, 10.0)).abs() < 0.01);
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
