//! Money, numbers, percentages and dates written for a locale, the way printed documents show
//! them: de-DE "1.234,56 €", en-US "€1,234.56", ru-RU "1 234,56 ₽", uk-UA "1 234,56 ₴".
//! Exact: amounts are decimals and are never rounded here, only padded to the currency's
//! minor unit. Spaces are plain spaces (not the no-break spaces of `Intl`) so that text copied
//! out of a PDF reads back the same.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

/// How one locale writes numbers, money and dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    group: &'static str,
    decimal: char,
    /// "1.234,56 €" rather than "€1,234.56".
    symbol_after: bool,
    /// "19 %" rather than "19%".
    percent_space: bool,
    date: DateOrder,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateOrder {
    /// 3/15/2026
    MonthDayYear,
    /// 15/03/2026
    DaySlashMonth,
    /// 15.03.2026
    DayDotMonth,
    /// 2026-03-15
    Iso,
}

impl Style {
    /// The style of a BCP 47 tag such as `de-DE`; an unknown language writes like English.
    pub fn of(locale: &str) -> Style {
        let mut parts = locale.split('-');
        let language = parts.next().unwrap_or_default();
        let region = parts.next().unwrap_or_default();
        let (group, decimal, symbol_after, percent_space, date) = match language {
            "de" if region == "CH" => ("’", '.', true, true, DateOrder::DayDotMonth),
            "de" => (".", ',', true, true, DateOrder::DayDotMonth),
            "ru" | "uk" | "be" | "kk" => (" ", ',', true, true, DateOrder::DayDotMonth),
            "fr" => (" ", ',', true, true, DateOrder::DaySlashMonth),
            "pl" | "cs" | "sk" => (" ", ',', true, true, DateOrder::DayDotMonth),
            "en" if region == "US" || region.is_empty() => (",", '.', false, false, DateOrder::MonthDayYear),
            "en" => (",", '.', false, false, DateOrder::DaySlashMonth),
            _ => (",", '.', false, false, DateOrder::Iso),
        };
        Style { group, decimal, symbol_after, percent_space, date }
    }

    /// A number as stored, with the locale's separators: 1234.5 → "1.234,5" (de).
    pub fn number(&self, value: Decimal) -> String {
        self.digits(value.normalize())
    }

    /// An amount with exactly `minor` decimals or more (never rounded): the currency symbol
    /// before or after it as the locale writes it.
    pub fn money(&self, value: Decimal, currency: &str) -> String {
        let minor = crate::currency::minor_units(currency).unwrap_or(2);
        let mut shown = value.normalize();
        if shown.scale() < minor {
            shown.rescale(minor);
        }
        let sign = if value.is_sign_negative() && !value.is_zero() { "-" } else { "" };
        let digits = self.digits(shown.abs());
        let symbol = symbol(currency);
        match (self.symbol_after, symbol) {
            (true, _) => format!("{sign}{digits} {}", symbol.unwrap_or(currency)),
            (false, Some(s)) => format!("{sign}{s}{digits}"),
            (false, None) => format!("{sign}{currency} {digits}"),
        }
    }

    /// A rate given as a fraction: 0.19 → "19 %" (de) or "19%" (en).
    pub fn percent(&self, fraction: Decimal) -> String {
        self.percent_value(fraction * Decimal::ONE_HUNDRED)
    }

    /// A value already in percent: 10 → "10 %" (de) or "10%" (en).
    pub fn percent_value(&self, percent: Decimal) -> String {
        let space = if self.percent_space { " " } else { "" };
        format!("{}{space}%", self.number(percent))
    }

    pub fn date(&self, date: NaiveDate) -> String {
        let (d, m, y) = (date.day(), date.month(), date.year());
        match self.date {
            DateOrder::MonthDayYear => format!("{m}/{d}/{y}"),
            DateOrder::DaySlashMonth => format!("{d:02}/{m:02}/{y}"),
            DateOrder::DayDotMonth => format!("{d:02}.{m:02}.{y}"),
            DateOrder::Iso => date.to_string(),
        }
    }

    /// A decimal's digits with the group and decimal separators (sign kept).
    fn digits(&self, value: Decimal) -> String {
        let text = value.abs().to_string();
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let mut out = String::with_capacity(text.len() + int.len() / 3 * self.group.len() + 1);
        if value.is_sign_negative() && !value.is_zero() {
            out.push('-');
        }
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push_str(self.group);
            }
            out.push(c);
        }
        if !frac.is_empty() {
            out.push(self.decimal);
            out.push_str(frac);
        }
        out
    }
}

/// The symbol a currency is printed with, where it has a well-known one.
fn symbol(currency: &str) -> Option<&'static str> {
    Some(match currency {
        "EUR" => "€",
        "USD" => "$",
        "GBP" => "£",
        "JPY" => "¥",
        "RUB" => "₽",
        "UAH" => "₴",
        "PLN" => "zł",
        "KZT" => "₸",
        "INR" => "₹",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn money_in_the_four_languages() {
        assert_eq!(Style::of("de-DE").money(d("1234.56"), "EUR"), "1.234,56 €");
        assert_eq!(Style::of("en-US").money(d("1234.56"), "EUR"), "€1,234.56");
        assert_eq!(Style::of("ru-RU").money(d("1234.56"), "RUB"), "1 234,56 ₽");
        assert_eq!(Style::of("uk-UA").money(d("1234.56"), "UAH"), "1 234,56 ₴");
        assert_eq!(Style::of("en-GB").money(d("1234567.5"), "GBP"), "£1,234,567.50");
        assert_eq!(Style::of("de-CH").money(d("1234.5"), "CHF"), "1’234.50 CHF");
    }

    #[test]
    fn money_keeps_the_minor_unit_and_never_rounds() {
        let de = Style::of("de-DE");
        assert_eq!(de.money(d("5"), "EUR"), "5,00 €");
        assert_eq!(de.money(d("1000"), "JPY"), "1.000 ¥");
        assert_eq!(de.money(d("12.5"), "KWD"), "12,500 KWD");
        assert_eq!(Style::of("en-US").money(d("12.5"), "KWD"), "KWD 12.500");
        // a unit price with more decimals than the currency shows them all
        assert_eq!(de.money(d("0.12345"), "EUR"), "0,12345 €");
        assert_eq!(de.money(d("19.9900"), "EUR"), "19,99 €");
    }

    #[test]
    fn negative_and_zero_amounts() {
        assert_eq!(Style::of("de-DE").money(d("-1234.5"), "EUR"), "-1.234,50 €");
        assert_eq!(Style::of("en-US").money(d("-0.5"), "USD"), "-$0.50");
        assert_eq!(Style::of("en-US").money(d("-0.00"), "USD"), "$0.00");
        assert_eq!(Style::of("ru-RU").money(d("0"), "RUB"), "0,00 ₽");
    }

    #[test]
    fn numbers_and_percentages() {
        assert_eq!(Style::of("de-DE").number(d("1234.500")), "1.234,5");
        assert_eq!(Style::of("en-US").number(d("-1000000")), "-1,000,000");
        assert_eq!(Style::of("uk-UA").number(d("999")), "999");
        assert_eq!(Style::of("de-DE").percent(d("0.19")), "19 %");
        assert_eq!(Style::of("en-US").percent(d("0.075")), "7.5%");
        assert_eq!(Style::of("ru-RU").percent_value(d("12.50")), "12,5 %");
        assert_eq!(Style::of("en-US").percent(d("0")), "0%");
    }

    #[test]
    fn dates() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        assert_eq!(Style::of("de-DE").date(day), "05.03.2026");
        assert_eq!(Style::of("en-US").date(day), "3/5/2026");
        assert_eq!(Style::of("en-GB").date(day), "05/03/2026");
        assert_eq!(Style::of("uk-UA").date(day), "05.03.2026");
        assert_eq!(Style::of("ja-JP").date(day), "2026-03-05");
    }

    #[test]
    fn unknown_language_writes_like_english_with_the_code() {
        assert_eq!(Style::of("ja-JP").money(d("1500"), "JPY"), "¥1,500");
        assert_eq!(Style::of("xx").money(d("2.5"), "SEK"), "SEK 2.50");
    }
}
