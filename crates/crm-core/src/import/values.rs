//! Cell values that become choices and numbers: account types, ratings, lead
//! sources and statuses as people write them in English, German, Russian and
//! Ukrainian, and amounts written with either decimal separator.

use crate::accounts::{AccountType, Rating};
use crate::leads::{LeadSource, LeadStatus};
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

/// An amount as people type it: `1250000.50`, `1.250.000,50`, `1,250,000.50`, `€ 1 250 000`.
pub fn amount(cell: &str) -> Result<Decimal, String> {
    let kept: String = cell.chars().filter(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-')).collect();
    // The separator written last is the decimal one, unless it groups thousands (`1,250`).
    let normal = match (kept.rfind('.'), kept.rfind(',')) {
        (Some(dot), Some(comma)) if comma > dot => kept.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => kept.replace(',', ""),
        (None, Some(comma)) if kept.matches(',').count() == 1 && kept.len() - comma - 1 != 3 => kept.replace(',', "."),
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
        assert!(amount("lots").is_err());
        assert_eq!(count("1.200"), Ok(1200));
        assert!(count("about 10").is_err());
    }
}
