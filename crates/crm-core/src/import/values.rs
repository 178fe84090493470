//! Cell values that become choices and numbers: account types, ratings, lead
//! sources and statuses, product kinds and yes / no as people write them in English,
//! German, Russian and Ukrainian, amounts written with either decimal separator,
//! tax rates in percent and currencies by code or sign.

use crate::accounts::{AccountType, Rating};
use crate::leads::{LeadSource, LeadStatus};
use crate::products::ProductKind;
use crate::text::fold;
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;

/// A choice and the words that name it.
type Spellings<T> = &'static [(T, &'static [&'static str])];

const ACCOUNT_TYPES: Spellings<AccountType> = &[
    (AccountType::Customer, &["client", "kunde", "klient", "клиент", "клієнт", "заказчик", "замовник", "покупатель"]),
    (
        AccountType::Prospect,
        &[
            "potential customer",
            "lead",
            "interessent",
            "potenzieller kunde",
            "потенциальный клиент",
            "потенційний клієнт",
        ],
    ),
    (AccountType::Partner, &["партнер"]),
    (AccountType::Competitor, &["wettbewerber", "konkurrent", "mitbewerber", "конкурент"]),
    (
        AccountType::Reseller,
        &["dealer", "distributor", "händler", "wiederverkäufer", "дилер", "реселлер", "дистрибьютор", "дистриб'ютор"],
    ),
    (AccountType::Other, &["sonstige", "andere", "другое", "прочее", "інше"]),
];

const RATINGS: Spellings<Rating> = &[
    (Rating::Hot, &["heiß", "горячий", "гарячий", "a"]),
    (Rating::Warm, &["тёплый", "теплий", "b"]),
    (Rating::Cold, &["kalt", "холодный", "холодний", "c"]),
];

const LEAD_SOURCES: Spellings<LeadSource> = &[
    (LeadSource::Web, &["website", "internet", "online", "webseite", "сайт", "веб-сайт", "интернет", "інтернет"]),
    (LeadSource::Phone, &["call", "cold call", "telefon", "anruf", "телефон", "звонок", "дзвінок"]),
    (LeadSource::Email, &["e-mail", "mail", "почта", "пошта", "электронная почта", "електронна пошта"]),
    (LeadSource::Campaign, &["kampagne", "mailing", "кампания", "кампанія", "рассылка", "розсилка"]),
    (LeadSource::Partner, &["партнер"]),
    (
        LeadSource::TradeShow,
        &["tradeshow", "trade fair", "fair", "exhibition", "messe", "выставка", "виставка", "ярмарка"],
    ),
    (
        LeadSource::Referral,
        &["recommendation", "word of mouth", "empfehlung", "рекомендация", "рекомендація", "сарафанное радио"],
    ),
    (LeadSource::Import, &["импорт", "імпорт"]),
    (LeadSource::Other, &["sonstige", "andere", "другое", "прочее", "інше"]),
];

const LEAD_STATUSES: Spellings<LeadStatus> = &[
    (LeadStatus::New, &["neu", "open", "offen", "новый", "новий", "открыт", "відкритий"]),
    (
        LeadStatus::Contacted,
        &["in progress", "working", "kontaktiert", "in bearbeitung", "в работе", "связались", "в роботі", "зв'язалися"],
    ),
    (LeadStatus::Qualified, &["qualifiziert", "квалифицирован", "квалифицированный", "кваліфікований"]),
    (
        LeadStatus::Disqualified,
        &[
            "unqualified",
            "disqualifiziert",
            "nicht qualifiziert",
            "дисквалифицирован",
            "дисквалифицированный",
            "не квалифицирован",
            "дискваліфікований",
        ],
    ),
    (LeadStatus::Converted, &["konvertiert", "конвертирован", "конвертований"]),
];

const PRODUCT_KINDS: Spellings<ProductKind> = &[
    (ProductKind::Product, &["goods", "item", "ware", "artikel", "produkt", "товар", "продукт"]),
    (ProductKind::Service, &["dienstleistung", "leistung", "услуга", "послуга", "сервис", "сервіс"]),
];

const YES_NO: Spellings<bool> = &[
    (
        true,
        &["yes", "y", "true", "1", "x", "active", "ja", "j", "aktiv", "да", "так", "активен", "активний", "активный"],
    ),
    (
        false,
        &["no", "n", "false", "0", "inactive", "nein", "inaktiv", "нет", "ні", "неактивен", "неактивний", "неактивный"],
    ),
];

/// Currency signs written in place of the code.
const CURRENCY_SIGNS: &[(&str, &str)] = &[
    ("€", "EUR"),
    ("$", "USD"),
    ("£", "GBP"),
    ("₽", "RUB"),
    ("руб", "RUB"),
    ("₴", "UAH"),
    ("грн", "UAH"),
    ("chf", "CHF"),
];

/// A cell or spelling as compared: folded, separators as single spaces.
fn key(text: &str) -> String {
    fold(text).replace(['_', '-', '.'], " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The choice a cell names: its stored name (`trade_show`, `Trade Show`) or a spelling of it.
fn choose<T: DeserializeOwned + Copy>(cell: &str, spellings: Spellings<T>) -> Option<T> {
    let key = key(cell);
    if let Ok(found) = serde_json::from_value(serde_json::Value::String(key.replace(' ', "_"))) {
        return Some(found);
    }
    // Few short words: folding them each time costs less than keeping tables.
    spellings.iter().find(|(_, words)| words.iter().any(|w| self::key(w) == key)).map(|(v, _)| *v)
}

/// The names the error message offers.
fn offered(names: &[&str]) -> String {
    names.join(", ")
}

pub fn account_type(cell: &str) -> Result<AccountType, String> {
    choose(cell, ACCOUNT_TYPES).ok_or_else(|| {
        format!(
            "{cell:?} is not an account type ({})",
            offered(&["customer", "prospect", "partner", "competitor", "reseller", "other"])
        )
    })
}

pub fn rating(cell: &str) -> Result<Rating, String> {
    choose(cell, RATINGS).ok_or_else(|| format!("{cell:?} is not a rating ({})", offered(&["hot", "warm", "cold"])))
}

pub fn lead_source(cell: &str) -> Result<LeadSource, String> {
    choose(cell, LEAD_SOURCES).ok_or_else(|| {
        format!(
            "{cell:?} is not a lead source ({})",
            offered(&["web", "phone", "email", "campaign", "partner", "trade show", "referral", "import", "other"])
        )
    })
}

pub fn lead_status(cell: &str) -> Result<LeadStatus, String> {
    match choose(cell, LEAD_STATUSES) {
        Some(LeadStatus::Converted) => {
            Err(format!("{cell:?}: converted leads are imported as accounts and contacts, not as leads"))
        }
        Some(status) => Ok(status),
        None => Err(format!(
            "{cell:?} is not a lead status ({})",
            offered(&["new", "contacted", "qualified", "disqualified"])
        )),
    }
}

pub fn product_kind(cell: &str) -> Result<ProductKind, String> {
    choose(cell, PRODUCT_KINDS).ok_or_else(|| format!("{cell:?} is not a kind of product (product, service)"))
}

/// Yes or no: `ja`, `x`, `1`, `нет`, `inaktiv`, …
pub fn yes_no(cell: &str) -> Result<bool, String> {
    choose(cell, YES_NO).ok_or_else(|| format!("{cell:?} is neither yes nor no"))
}

/// A tax rate as a fraction from a percentage: `19`, `19 %`, `7,5` → 0.19, 0.19, 0.075.
/// A value below 1 without a `%` is taken as the fraction already (`0.19`): no rate is under 1 %.
pub fn percent(cell: &str) -> Result<Decimal, String> {
    let value = amount(cell).map_err(|_| format!("{cell:?} is not a percentage"))?;
    if !cell.contains('%') && value < Decimal::ONE {
        return Ok(value.normalize());
    }
    Ok((value / Decimal::ONE_HUNDRED).normalize())
}

/// A currency by its ISO code or its sign (`€`, `грн`).
pub fn currency(cell: &str) -> Result<String, String> {
    let text = cell.trim();
    let folded = fold(text);
    if let Some((_, code)) = CURRENCY_SIGNS.iter().find(|(sign, _)| folded.trim_end_matches('.') == *sign) {
        return Ok((*code).to_owned());
    }
    let code = text.to_uppercase();
    if crate::currency::is_currency(&code) {
        Ok(code)
    } else {
        Err(format!("{cell:?} is not a currency (an ISO code such as EUR, or €, $, £, ₽, ₴)"))
    }
}

/// An amount as people type it: `1250000.50`, `1.250.000,50`, `1,250,000.50`, `€ 1 250 000`.
pub fn amount(cell: &str) -> Result<Decimal, String> {
    let kept: String = cell.chars().filter(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-')).collect();
    // The separator written last is the decimal one, unless it groups thousands (`1,250`).
    let normal = match (kept.rfind('.'), kept.rfind(',')) {
        (Some(dot), Some(comma)) if comma > dot => kept.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => kept.replace(',', ""),
        // `0,125` is a fraction, never a thousand and some.
        (None, Some(comma))
            if kept.matches(',').count() == 1
                && (kept.len() - comma - 1 != 3 || matches!(&kept[..comma], "" | "0" | "-" | "-0")) =>
        {
            kept.replace(',', ".")
        }
        (None, Some(_)) => kept.replace(',', ""),
        (Some(_), None) if kept.matches('.').count() > 1 => kept.replace('.', ""),
        _ => kept,
    };
    normal.parse::<Decimal>().map_err(|_| format!("{cell:?} is not an amount"))
}

/// A count such as employees: `250`, `1.200`, `1 200`.
pub fn count(cell: &str) -> Result<u32, String> {
    let digits: String = cell.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '.' | ',' | '\'')).collect();
    digits.parse().map_err(|_| format!("{cell:?} is not a whole number"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_in_four_languages_and_their_stored_names() {
        assert_eq!(account_type("Kunde"), Ok(AccountType::Customer));
        assert_eq!(account_type("Конкурент"), Ok(AccountType::Competitor));
        assert_eq!(account_type("Reseller"), Ok(AccountType::Reseller));
        assert_eq!(rating("Heiß"), Ok(Rating::Hot));
        assert_eq!(rating("Тёплый"), Ok(Rating::Warm));
        assert_eq!(rating("холодний"), Ok(Rating::Cold));
        assert_eq!(lead_source("Trade Show"), Ok(LeadSource::TradeShow));
        assert_eq!(lead_source("trade_show"), Ok(LeadSource::TradeShow));
        assert_eq!(lead_source("Messe"), Ok(LeadSource::TradeShow));
        assert_eq!(lead_source("Выставка"), Ok(LeadSource::TradeShow));
        assert_eq!(lead_source("E-Mail"), Ok(LeadSource::Email));
        assert_eq!(lead_status("Квалифицирован"), Ok(LeadStatus::Qualified));
        assert_eq!(lead_status("Новий"), Ok(LeadStatus::New));
        assert!(lead_status("converted").unwrap_err().contains("converted leads"));
        assert!(account_type("Freund").unwrap_err().contains("customer, prospect"));
    }

    #[test]
    fn amounts_with_either_separator() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(amount("1250000.50"), Ok(d("1250000.50")));
        assert_eq!(amount("1.250.000,50"), Ok(d("1250000.50")));
        assert_eq!(amount("1,250,000.50"), Ok(d("1250000.50")));
        assert_eq!(amount("€ 1 250 000"), Ok(d("1250000")));
        assert_eq!(amount("12,5"), Ok(d("12.5")));
        assert_eq!(amount("1,250"), Ok(d("1250")));
        assert_eq!(amount("0,125"), Ok(d("0.125")));
        assert_eq!(amount("1.234,50 €"), Ok(d("1234.50")));
        assert!(amount("lots").is_err());
        assert_eq!(count("1.200"), Ok(1200));
        assert!(count("about 10").is_err());
    }
}

#[cfg(test)]
mod product_tests {
    use super::*;

    #[test]
    fn tax_rates_in_percent_kinds_yes_no_and_currencies() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(percent("19"), Ok(d("0.19")));
        assert_eq!(percent("19 %"), Ok(d("0.19")));
        assert_eq!(percent("7,5"), Ok(d("0.075")));
        assert_eq!(percent("0"), Ok(d("0")));
        assert_eq!(percent("0.07"), Ok(d("0.07")), "a fraction stays one");
        assert_eq!(percent("0,5 %"), Ok(d("0.005")), "with % it is a percentage");
        assert!(percent("hoch").is_err());
        assert_eq!(product_kind("Dienstleistung"), Ok(ProductKind::Service));
        assert_eq!(product_kind("Товар"), Ok(ProductKind::Product));
        assert_eq!(product_kind("service"), Ok(ProductKind::Service));
        assert!(product_kind("Abo").is_err());
        assert_eq!(yes_no("Ja"), Ok(true));
        assert_eq!(yes_no("нет"), Ok(false));
        assert_eq!(yes_no("0"), Ok(false));
        assert!(yes_no("vielleicht").is_err());
        assert_eq!(currency("eur"), Ok("EUR".to_owned()));
        assert_eq!(currency("€"), Ok("EUR".to_owned()));
        assert_eq!(currency("грн."), Ok("UAH".to_owned()));
        assert!(currency("Taler").is_err());
    }
}
