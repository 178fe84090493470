//! Text normalisation shared by sorting, search and validation.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// A sort and match key: lower case, Latin diacritics removed (Müller → muller,
/// Groß → gross), Cyrillic kept but ё read as е.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        // Nothing to decompose or compose: most names, e-mail domains and cities.
        return text.trim().to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    let mut base_is_latin = false;
    let text: String = text.trim().chars().map(|c| if c == 'ё' || c == 'Ё' { 'е' } else { c }).collect();
    for c in text.nfkd() {
        if is_combining_mark(c) {
            if !base_is_latin {
                out.push(c);
            }
            continue;
        }
        base_is_latin = (c as u32) < 0x0250;
        match c {
            'ß' | 'ẞ' => out.push_str("ss"),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out.nfc().collect()
}

/// A web address's sort key: folded, without the scheme and `www.` (`https://www.Acme.de` → `acme.de`).
pub fn site_key(website: &str) -> String {
    let folded = fold(website);
    let host = folded.strip_prefix("https://").or_else(|| folded.strip_prefix("http://")).unwrap_or(&folded);
    host.strip_prefix("www.").unwrap_or(host).to_owned()
}

/// The digits of a phone number, whatever its formatting.
pub fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// An FTS5 query from what a person typed: every word must match as a prefix.
/// Words are split where the tokenizer splits them and quoted, so no input is FTS syntax.
///
/// Words typed together without a space (`jg@example.de`, `o'brien`) must follow each other
/// as a phrase, and only the last of them is a prefix: the others are complete. That matters for
/// speed, not only precision: FTS5 answers a prefix longer than its prefix index by merging the
/// postings of every word that starts with it before it returns a first row, and a word such
/// as `example` or `gmail` is in most documents.
pub fn fts_prefix_query(typed: &str) -> Option<String> {
    // A phone number however it is typed: its digits match the digits the document holds.
    let phone_like = typed.chars().all(|c| c.is_ascii_digit() || " +-()./".contains(c));
    let phone_digits = digits(typed);
    if phone_like && phone_digits.len() >= 3 && typed.contains(|c: char| !c.is_ascii_digit()) {
        return Some(format!("\"{phone_digits}\"*"));
    }
    let phrases: Vec<String> = typed
        .split_whitespace()
        .filter_map(|chunk| {
            let words: Vec<String> = chunk
                .split(|c: char| !(c.is_alphanumeric() || is_combining_mark(c)))
                .filter(|w| !w.is_empty())
                .map(|w| format!("\"{w}\""))
                .collect();
            (!words.is_empty()).then(|| format!("{}*", words.join(" + ")))
        })
        .collect();
    (!phrases.is_empty()).then(|| phrases.join(" "))
}

/// The longest prefix the FTS tables keep an index of (`prefix = '1 2 3 4'`, schema 4).
pub const FTS_INDEXED_PREFIX: usize = 4;

/// [`fts_prefix_query`] with its last word whole, when that word is longer than the indexed
/// prefixes (a shorter one is cheap as a prefix). A whole word is read lazily however common it
/// is, where its prefix would first merge its postings with those of every longer word.
pub fn fts_whole_word_query(typed: &str) -> Option<String> {
    let query = fts_prefix_query(typed)?;
    let head = query.strip_suffix("\"*")?;
    let word = &head[head.rfind('"')? + 1..];
    (word.chars().count() > FTS_INDEXED_PREFIX).then(|| format!("{head}\""))
}

/// Legal-form words that do not tell companies apart.
const LEGAL_FORMS: &[&str] = &[
    "gmbh",
    "ag",
    "kg",
    "ohg",
    "ug",
    "gbr",
    "ev",
    "mbh",
    "co",
    "ltd",
    "limited",
    "inc",
    "llc",
    "plc",
    "corp",
    "corporation",
    "company",
    "sa",
    "sarl",
    "srl",
    "bv",
    "nv",
    "oy",
    "ab",
    "as",
    "spa",
    "ооо",
    "оао",
    "зао",
    "пао",
    "ао",
    "ип",
    "тов",
    "пп",
    "фоп",
    "прат",
    "пат",
];

/// A company name reduced for matching: folded, without punctuation and legal
/// forms (`Müller & Söhne GmbH` and `MUELLER + SOEHNE` differ, `Müller Söhne gmbh` matches).
pub fn company_key(name: &str) -> String {
    let folded = fold(name);
    let words: Vec<&str> =
        folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty() && !LEGAL_FORMS.contains(w)).collect();
    words.join(" ")
}

/// The last nine digits of a phone number: the same subscriber whether written
/// with +49, 0049 or a leading 0. Empty when the number is too short to match on.
pub fn phone_key(phone: &str) -> String {
    let d = digits(phone);
    if d.len() < 7 {
        return String::new();
    }
    d[d.len().saturating_sub(9)..].to_owned()
}

/// A plausible e-mail address: one `@`, a local part, a dotted domain, no spaces.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local.len() <= 64
        && !domain.contains('@')
        && domain.contains('.')
        && domain.split('.').all(|label| !label.is_empty() && !label.starts_with('-') && !label.ends_with('-'))
        && !text.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_latin_diacritics_and_case() {
        assert_eq!(fold(" Müller "), "muller");
        assert_eq!(fold("Groß"), "gross");
        assert_eq!(fold("Łukasz Żółć"), "łukasz zołc");
        assert_eq!(fold("ÉLODIE"), "elodie");
        // ASCII takes the short way, with the same result.
        assert_eq!(fold("  Anna-Lena O'BRIEN\t"), "anna-lena o'brien");
        assert_eq!(fold("\u{1}"), "\u{1}");
    }

    #[test]
    fn site_keys_ignore_scheme_www_and_case() {
        assert_eq!(site_key("https://www.Acme.de/"), "acme.de/");
        assert_eq!(site_key("http://Bäcker.example"), "backer.example");
        assert_eq!(site_key(" zeta.io "), "zeta.io");
        assert_eq!(site_key(""), "");
    }

    #[test]
    fn keeps_cyrillic_letters_but_reads_yo_as_ye() {
        assert_eq!(fold("Шевченко"), "шевченко");
        assert_eq!(fold("Йосип"), "йосип");
        assert_eq!(fold("Ёлкин"), "елкин");
        assert_eq!(fold("Ґалаґан Її"), "ґалаґан її");
    }

    #[test]
    fn prefix_query_quotes_every_word() {
        assert_eq!(fts_prefix_query("jür gr").as_deref(), Some("\"jür\"* \"gr\"*"));
        assert_eq!(fts_prefix_query("a\"b OR c").as_deref(), Some("\"a\" + \"b\"* \"OR\"* \"c\"*"));
        assert_eq!(fts_prefix_query("jg@example.de").as_deref(), Some("\"jg\" + \"example\" + \"de\"*"));
        assert_eq!(fts_prefix_query("@example.de").as_deref(), Some("\"example\" + \"de\"*"));
        assert_eq!(fts_prefix_query("anna o'bri").as_deref(), Some("\"anna\"* \"o\" + \"bri\"*"));
        assert_eq!(fts_prefix_query("  - * ").as_deref(), None);
        assert_eq!(fts_prefix_query("+49 (30) 12").as_deref(), Some("\"493012\"*"));
    }

    #[test]
    fn whole_word_query_only_for_words_longer_than_the_prefix_index() {
        assert_eq!(fts_whole_word_query("anna exampl").as_deref(), Some("\"anna\"* \"exampl\""));
        assert_eq!(fts_whole_word_query("jg@example").as_deref(), Some("\"jg\" + \"example\""));
        assert_eq!(fts_whole_word_query("шевче").as_deref(), Some("\"шевче\""));
        assert_eq!(fts_whole_word_query("шевч"), None);
        assert_eq!(fts_whole_word_query("example de"), None);
        assert_eq!(fts_whole_word_query(" "), None);
    }

    #[test]
    fn company_keys_ignore_case_accents_punctuation_and_legal_forms() {
        assert_eq!(company_key("Müller & Söhne GmbH"), "muller sohne");
        assert_eq!(company_key("MÜLLER SÖHNE gmbh & Co. KG"), "muller sohne");
        assert_eq!(company_key("ООО «Восток»"), "восток");
        assert_eq!(company_key("Acme, Inc."), "acme");
        assert_ne!(company_key("Acme Logistics"), company_key("Acme"));
    }

    #[test]
    fn phone_keys_match_national_and_international_forms() {
        assert_eq!(phone_key("+49 30 1234567"), phone_key("030 / 123 45 67"));
        assert_eq!(phone_key("0049 (30) 1234567"), "301234567");
        assert_eq!(phone_key("112"), "");
    }

    #[test]
    fn recognises_email_addresses() {
        assert!(is_email("jg@example.de"));
        assert!(is_email("o.brien+crm@mail.example.co.uk"));
        assert!(!is_email("jg@example"));
        assert!(!is_email("jg example@x.de"));
        assert!(!is_email("@x.de"));
        assert!(!is_email("a@@x.de"));
        assert!(!is_email("a@x..de"));
    }
}
