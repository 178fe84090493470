//! Which field each column holds: guessed from the header in English,
//! German, Russian and Ukrainian (and the export formats of Google Contacts,
//! Outlook and LinkedIn), or given by the user as `{"Header": "field[:slot]"}`.
//! The fields are those of every kind of record imported; each kind says which
//! of them it takes (`Kind::field`).

use crate::error::{Error, Result};
use crate::text::fold;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A field a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Ignore,
    FirstName,
    MiddleName,
    LastName,
    /// "Anna Maria Müller" or "Müller, Anna": split into first and last name.
    FullName,
    Salutation,
    Title,
    Department,
    /// Links the contact to the account of that name (created when missing).
    Company,
    Email,
    EmailLabel,
    Phone,
    PhoneLabel,
    Street,
    /// The label of an address ("Home", "Work") in formats that write it in its own column.
    AddressLabel,
    City,
    Region,
    PostalCode,
    Country,
    Birthday,
    Notes,
    LeadSource,
    Tags,
    Industry,
    Website,
    AccountType,
    Rating,
    TaxId,
    AnnualRevenue,
    Employees,
    /// A lead's status.
    Status,
    /// The name of an account's parent company.
    ParentAccount,
    /// The record's id in the system the file comes from.
    ExternalId,
    /// A product's name.
    Name,
    /// A product's code (SKU, article number): what a product is matched by.
    Code,
    /// Product or service.
    ProductKind,
    Unit,
    /// A product's default price.
    Price,
    /// A tax rate in percent ("19", "7,5 %").
    TaxRate,
    Currency,
    /// Whether a product is offered for new lines.
    Active,
}

impl Field {
    /// Fields only products have.
    pub fn of_product(self) -> bool {
        matches!(
            self,
            Field::Name
                | Field::Code
                | Field::ProductKind
                | Field::Unit
                | Field::Price
                | Field::TaxRate
                | Field::Currency
                | Field::Active
        )
    }

    /// Fields several columns may fill (each its own slot): e-mails, phones, addresses, tags.
    pub fn several(self) -> bool {
        matches!(
            self,
            Field::Email
                | Field::EmailLabel
                | Field::Phone
                | Field::PhoneLabel
                | Field::Street
                | Field::AddressLabel
                | Field::City
                | Field::Region
                | Field::PostalCode
                | Field::Country
                | Field::Tags
        )
    }
}

/// A column's target: the field, and for e-mails, phones and addresses which one
/// (a number or a label such as `mobile`, `home`, `business`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnTarget {
    pub field: Field,
    pub slot: String,
}

impl ColumnTarget {
    fn new(field: Field, slot: impl Into<String>) -> Self {
        ColumnTarget { field, slot: slot.into() }
    }

    /// `field` or `field:slot`, as saved mappings write it.
    pub fn parse(text: &str) -> Result<ColumnTarget> {
        let (name, slot) = text.split_once(':').unwrap_or((text, ""));
        let field: Field = serde_json::from_value(serde_json::Value::String(name.trim().to_owned()))
            .map_err(|_| Error::invalid("mapping", format!("{name:?} is not a field to import into")))?;
        Ok(ColumnTarget::new(field, slot.trim()))
    }

    pub fn to_text(&self) -> String {
        let name = name_of(self.field);
        if self.slot.is_empty() {
            name
        } else {
            format!("{name}:{}", self.slot)
        }
    }
}

/// An enum as stored (`trade_show`, `email_label`), the spelling imports read first.
pub fn name_of(value: impl Serialize) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

/// Export formats whose headers mean something other than the usual words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Preset {
    Google,
    Outlook,
    Linkedin,
}

fn words(header: &str) -> Vec<String> {
    fold(header).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

fn has(words: &[String], any: &[&str]) -> bool {
    words.iter().any(|w| any.contains(&w.as_str()))
}

fn phrase(words: &[String], any: &[&str]) -> bool {
    let joined = words.join(" ");
    any.iter().any(|p| {
        joined == *p
            || joined.starts_with(&format!("{p} "))
            || joined.ends_with(&format!(" {p}"))
            || joined.contains(&format!(" {p} "))
    })
}

fn number(words: &[String]) -> Option<String> {
    words.iter().find(|w| w.chars().all(|c| c.is_ascii_digit())).cloned()
}

/// The kind of phone or address a header names: mobile, work, home, fax, other, or its number.
fn slot_of(words: &[String]) -> String {
    const KINDS: &[(&str, &[&str])] = &[
        (
            "mobile",
            &[
                "mobile",
                "cell",
                "handy",
                "mobil",
                "mobiltelefon",
                "мобильныи",
                "мобильный",
                "мобільнии",
                "мобільний",
                "сотовыи",
                "сотовый",
            ],
        ),
        (
            "work",
            &[
                "business",
                "work",
                "company",
                "office",
                "geschaftlich",
                "arbeit",
                "firma",
                "рабочии",
                "рабочий",
                "робочии",
                "робочий",
            ],
        ),
        ("home", &["home", "privat", "private", "домашнии", "домашний", "домашнiй"]),
        ("fax", &["fax", "telefax", "факс"]),
        ("pager", &["pager"]),
        (
            "billing",
            &["billing", "rechnung", "rechnungsanschrift", "платежныи", "платежный", "юридическии", "юридический"],
        ),
        ("shipping", &["shipping", "delivery", "lieferung", "lieferanschrift", "доставки", "доставка"]),
        ("other", &["other", "weitere", "andere", "другой", "інший"]),
    ];
    for (kind, names) in KINDS {
        if has(words, names) {
            return match number(words) {
                Some(n) if n != "1" => format!("{kind} {n}"),
                _ => (*kind).to_owned(),
            };
        }
    }
    number(words).unwrap_or_default()
}

/// The field a header names, if any.
pub fn guess(header: &str, preset: Option<Preset>) -> ColumnTarget {
    let w = words(header);
    let joined = w.join(" ");
    let is = |names: &[&str]| names.contains(&joined.as_str());
    match preset {
        Some(Preset::Outlook) if joined == "title" => return ColumnTarget::new(Field::Salutation, ""),
        Some(Preset::Outlook) if joined == "e mail type" || joined.ends_with("display name") => {
            return ColumnTarget::new(Field::Ignore, "")
        }
        Some(Preset::Linkedin) if joined == "position" => return ColumnTarget::new(Field::Title, ""),
        _ => {}
    }
    let email = has(&w, &["email", "mail", "почта", "пошта", "emailadresse"]) || phrase(&w, &["e mail"]);
    if email {
        if has(&w, &["label"]) || (has(&w, &["type", "typ"]) && number(&w).is_some()) {
            return ColumnTarget::new(Field::EmailLabel, number(&w).unwrap_or_default());
        }
        if has(&w, &["type", "typ"]) || phrase(&w, &["display name"]) {
            return ColumnTarget::new(Field::Ignore, "");
        }
        return ColumnTarget::new(Field::Email, number(&w).unwrap_or_default());
    }
    const PHONE: &[&str] = &[
        "phone",
        "telephone",
        "tel",
        "mobile",
        "cell",
        "fax",
        "pager",
        "telefon",
        "handy",
        "mobil",
        "mobiltelefon",
        "telefax",
        "телефон",
        "тел",
        "мобильныи",
        "мобильный",
        "мобільнии",
        "мобільний",
        "факс",
        "isdn",
        "callback",
        "telex",
    ];
    if has(&w, PHONE) {
        if has(&w, &["label", "type", "typ"]) {
            return ColumnTarget::new(Field::PhoneLabel, number(&w).unwrap_or_default());
        }
        return ColumnTarget::new(Field::Phone, slot_of(&w));
    }
    if has(&w, &["formatted", "box"]) || phrase(&w, &["extended address"]) {
        return ColumnTarget::new(Field::Ignore, ""); // Google's formatted copy and PO boxes: the parts are imported
    }
    let address_slot = || {
        let s = slot_of(&w);
        if s.is_empty() {
            number(&w).unwrap_or_default()
        } else {
            s
        }
    };
    let address_word = has(&w, &["address", "adresse", "адрес", "адреса", "anschrift"]);
    if address_word && has(&w, &["label", "type", "typ"]) {
        return ColumnTarget::new(Field::AddressLabel, address_slot());
    }
    if has(&w, &["city", "town", "ort", "stadt", "wohnort", "город", "місто", "населенныи", "locality"])
    {
        return ColumnTarget::new(Field::City, address_slot());
    }
    if has(&w, &["state", "region", "province", "bundesland", "область", "регион", "регіон", "county"])
    {
        return ColumnTarget::new(Field::Region, address_slot());
    }
    if has(&w, &["zip", "postcode", "plz", "postleitzahl", "индекс", "індекс"])
        || phrase(&w, &["postal code", "post code", "zip code"])
    {
        return ColumnTarget::new(Field::PostalCode, address_slot());
    }
    if has(&w, &["country", "land", "страна", "краина", "країна"]) {
        return ColumnTarget::new(Field::Country, address_slot());
    }
    if address_word || has(&w, &["street", "strasse", "straße", "улица", "вулиця"]) {
        return ColumnTarget::new(Field::Street, address_slot());
    }
    let target = |field| ColumnTarget::new(field, "");
    if is(&["first name", "given name", "firstname", "forename", "vorname", "имя", "ім я", "імя"]) {
        return target(Field::FirstName);
    }
    if is(&[
        "middle name",
        "additional name",
        "middlename",
        "zweiter vorname",
        "отчество",
        "по батькові",
        "по батькови",
    ]) {
        return target(Field::MiddleName);
    }
    if is(&[
        "last name",
        "family name",
        "surname",
        "lastname",
        "nachname",
        "familienname",
        "фамилия",
        "прізвище",
        "призвище",
    ]) {
        return target(Field::LastName);
    }
    if is(&[
        "name",
        "full name",
        "display name",
        "fullname",
        "contact name",
        "vollstandiger name",
        "фио",
        "піб",
        "полное имя",
        "повне ім я",
    ]) {
        return target(Field::FullName);
    }
    if is(&["name prefix", "prefix", "salutation", "anrede", "обращение", "звертання"]) {
        return target(Field::Salutation);
    }
    if is(&[
        "title",
        "job title",
        "position",
        "organization title",
        "organization 1 title",
        "jobtitle",
        "occupation",
        "berufsbezeichnung",
        "funktion",
        "stellung",
        "должность",
        "посада",
    ]) {
        return target(Field::Title);
    }
    if is(&[
        "company",
        "organization",
        "organisation",
        "organization name",
        "organization 1 name",
        "company name",
        "firma",
        "unternehmen",
        "firmenname",
        "employer",
        "компания",
        "организация",
        "компанія",
        "організація",
    ]) {
        return target(Field::Company);
    }
    if is(&[
        "department",
        "organization department",
        "organization 1 department",
        "abteilung",
        "отдел",
        "відділ",
        "подразделение",
    ]) {
        return target(Field::Department);
    }
    if is(&[
        "birthday",
        "birth date",
        "date of birth",
        "birthdate",
        "dob",
        "geburtstag",
        "geburtsdatum",
        "день рождения",
        "дата рождения",
        "день народження",
        "дата народження",
    ]) {
        return target(Field::Birthday);
    }
    if is(&[
        "notes",
        "note",
        "comments",
        "comment",
        "description",
        "beschreibung",
        "описание",
        "опис",
        "notiz",
        "notizen",
        "bemerkung",
        "bemerkungen",
        "примечание",
        "заметки",
        "комментарии",
        "комментарий",
        "примітки",
        "нотатки",
        "коментар",
    ]) {
        return target(Field::Notes);
    }
    if is(&[
        "categories",
        "category",
        "labels",
        "group membership",
        "tags",
        "tag",
        "groups",
        "kategorien",
        "gruppen",
        "теги",
        "категории",
        "группы",
        "групи",
        "категорії",
    ]) {
        return target(Field::Tags);
    }
    if is(&["lead source", "source", "quelle", "herkunft", "источник", "джерело"]) {
        return target(Field::LeadSource);
    }
    for (field, names) in RECORD_WORDS.iter().chain(PRODUCT_WORDS) {
        if is(names) {
            // Google, Outlook and LinkedIn write no ids of their own.
            if *field == Field::ExternalId && preset.is_some() {
                return target(Field::Ignore);
            }
            return target(*field);
        }
    }
    // Price and tax headers with more words ("Preis netto", "Ставка НДС, %").
    if has(&w, &["price", "preis", "цена", "ціна", "stuckpreis", "einzelpreis", "verkaufspreis"]) {
        return target(Field::Price);
    }
    if has(&w, &["mwst", "ндс", "пдв", "steuersatz", "mehrwertsteuer"]) {
        return target(Field::TaxRate);
    }
    target(Field::Ignore)
}

/// The headers of an id from another system and of the fields of products.
const PRODUCT_WORDS: &[(Field, &[&str])] = &[
    (
        Field::ExternalId,
        &[
            "id",
            "external id",
            "externalid",
            "ext id",
            "record id",
            "legacy id",
            "externe id",
            "externe kennung",
            "внешний id",
            "внешний ид",
            "внешний идентификатор",
            "зовнішній id",
            "зовнішній ідентифікатор",
            "ид",
        ],
    ),
    (
        Field::Code,
        &[
            "code",
            "sku",
            "product code",
            "item code",
            "item number",
            "item no",
            "article number",
            "part number",
            "artikelnummer",
            "artikel nr",
            "art nr",
            "artnr",
            "produktcode",
            "produktnummer",
            "materialnummer",
            "артикул",
            "код",
            "код товара",
            "код товару",
        ],
    ),
    (
        Field::Name,
        &[
            "product",
            "product name",
            "item",
            "item name",
            "produkt",
            "produktname",
            "artikel",
            "artikelname",
            "bezeichnung",
            "artikelbezeichnung",
            "товар",
            "название",
            "название товара",
            "наименование товара",
            "назва",
            "назва товару",
            "найменування",
        ],
    ),
    (Field::ProductKind, &["kind", "product type", "item type", "produktart", "вид", "тип товара", "тип товару"]),
    (
        Field::Unit,
        &[
            "unit",
            "uom",
            "unit of measure",
            "einheit",
            "mengeneinheit",
            "me",
            "ед изм",
            "ед",
            "единица",
            "единица измерения",
            "од",
            "од вим",
            "одиниця",
            "одиниця виміру",
        ],
    ),
    (
        Field::Price,
        &["price", "unit price", "list price", "sales price", "default price", "preis", "vk", "цена", "ціна"],
    ),
    (
        Field::TaxRate,
        &[
            "tax",
            "tax rate",
            "vat rate",
            "mwst",
            "mwst satz",
            "ust",
            "ust satz",
            "steuer",
            "steuersatz",
            "ндс",
            "ставка ндс",
            "пдв",
            "ставка пдв",
        ],
    ),
    (Field::Currency, &["currency", "curr", "wahrung", "валюта"]),
    (Field::Active, &["active", "aktiv", "activ", "активен", "активный", "активний", "активно"]),
];

/// The headers of the fields accounts and leads have beyond a contact's.
const RECORD_WORDS: &[(Field, &[&str])] = &[
    (Field::Company, &["account name", "kundenname", "название компании", "наименование", "назва компанії"]),
    (Field::Industry, &["industry", "sector", "branche", "industrie", "отрасль", "сфера деятельности", "галузь"]),
    (
        Field::Website,
        &["website", "web site", "web", "url", "homepage", "webseite", "internetseite", "сайт", "веб сайт", "вебсайт"],
    ),
    (
        Field::AccountType,
        &[
            "account type",
            "type",
            "typ",
            "kontotyp",
            "kundentyp",
            "art",
            "тип",
            "тип клиента",
            "тип компании",
            "тип клієнта",
        ],
    ),
    (Field::Rating, &["rating", "lead rating", "bewertung", "einstufung", "рейтинг", "оценка", "оцінка"]),
    (
        Field::TaxId,
        &[
            "tax id",
            "vat",
            "vat id",
            "vat number",
            "tax number",
            "ust id",
            "ust idnr",
            "ustid",
            "steuernummer",
            "инн",
            "іпн",
            "єдрпоу",
            "едрпоу",
        ],
    ),
    (
        Field::AnnualRevenue,
        &[
            "annual revenue",
            "revenue",
            "umsatz",
            "jahresumsatz",
            "выручка",
            "годовая выручка",
            "оборот",
            "дохід",
            "річний дохід",
            "виручка",
        ],
    ),
    (
        Field::Employees,
        &[
            "employees",
            "number of employees",
            "mitarbeiter",
            "anzahl mitarbeiter",
            "mitarbeiterzahl",
            "сотрудники",
            "количество сотрудников",
            "співробітники",
            "кількість співробітників",
            "працівники",
        ],
    ),
    (Field::Status, &["status", "lead status", "leadstatus", "stand", "статус", "статус лида", "статус ліда"]),
    (
        Field::ParentAccount,
        &[
            "parent account",
            "parent company",
            "parent",
            "muttergesellschaft",
            "mutterunternehmen",
            "головная компания",
            "материнская компания",
            "материнська компанія",
        ],
    ),
];

/// The target of every column: the user's mapping where given (by header name), else the guess.
/// `field` says what a field means for the kind of record imported (None: it has no such
/// field); a guess it lacks is ignored, a given mapping to it is refused.
pub fn map_columns(
    header: &[String],
    preset: Option<Preset>,
    given: Option<&serde_json::Map<String, serde_json::Value>>,
    field: &dyn Fn(Field) -> Option<Field>,
    noun: &str,
) -> Result<Vec<ColumnTarget>> {
    if let Some(given) = given {
        for name in given.keys() {
            if !header.iter().any(|h| h == name) {
                return Err(Error::invalid("mapping", format!("The file has no column {name:?}")));
            }
        }
    }
    header
        .iter()
        .map(|h| match given.and_then(|g| g.get(h)) {
            Some(serde_json::Value::String(text)) => {
                let t = ColumnTarget::parse(text)?;
                match field(t.field) {
                    Some(f) => Ok(ColumnTarget { field: f, ..t }),
                    None => Err(Error::invalid("mapping", format!("{text:?} is not a field of {noun} to import into"))),
                }
            }
            Some(serde_json::Value::Null) => Ok(ColumnTarget::new(Field::Ignore, "")),
            Some(other) => {
                Err(Error::invalid("mapping", format!("The mapping of {h:?} must be a field name, not {other}")))
            }
            None => {
                let t = guess(h, preset);
                Ok(field(t.field).map_or(ColumnTarget::new(Field::Ignore, ""), |f| ColumnTarget { field: f, ..t }))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(h: &str) -> String {
        guess(h, None).to_text()
    }

    #[test]
    fn guesses_headers_in_four_languages() {
        assert_eq!(g("First Name"), "first_name");
        assert_eq!(g("Vorname"), "first_name");
        assert_eq!(g("Имя"), "first_name");
        assert_eq!(g("Ім'я"), "first_name");
        assert_eq!(g("Nachname"), "last_name");
        assert_eq!(g("Фамилия"), "last_name");
        assert_eq!(g("Прізвище"), "last_name");
        assert_eq!(g("E-mail 1 - Value"), "email:1");
        assert_eq!(g("E-Mail-Adresse"), "email");
        assert_eq!(g("Эл. почта"), "email");
        assert_eq!(g("E-mail 2 - Label"), "email_label:2");
        assert_eq!(g("Mobile Phone"), "phone:mobile");
        assert_eq!(g("Business Phone 2"), "phone:work 2");
        assert_eq!(g("Телефон"), "phone");
        assert_eq!(g("Phone 1 - Value"), "phone:1");
        assert_eq!(g("Business Street"), "street:work");
        assert_eq!(g("Home City"), "city:home");
        assert_eq!(g("Address 1 - Postal Code"), "postal_code:1");
        assert_eq!(g("PLZ"), "postal_code");
        assert_eq!(g("Страна"), "country");
        assert_eq!(g("Firma"), "company");
        assert_eq!(g("Organization Name"), "company");
        assert_eq!(g("Geburtstag"), "birthday");
        assert_eq!(g("Address 1 - Formatted"), "ignore");
        assert_eq!(g("Address 1 - City"), "city:1");
        assert_eq!(g("Address 2 - Type"), "address_label:2");
        assert_eq!(g("Адрес"), "street");
        assert_eq!(g("Connected On"), "ignore");
    }

    #[test]
    fn guesses_account_and_lead_headers_in_four_languages() {
        assert_eq!(g("Company Name"), "company");
        assert_eq!(g("Account Name"), "company");
        assert_eq!(g("Компания"), "company");
        assert_eq!(g("Industry"), "industry");
        assert_eq!(g("Branche"), "industry");
        assert_eq!(g("Отрасль"), "industry");
        assert_eq!(g("Галузь"), "industry");
        assert_eq!(g("Webseite"), "website");
        assert_eq!(g("Сайт"), "website");
        assert_eq!(g("Typ"), "account_type");
        assert_eq!(g("Тип клиента"), "account_type");
        assert_eq!(g("Status"), "status");
        assert_eq!(g("Статус"), "status");
        assert_eq!(g("Lead Source"), "lead_source");
        assert_eq!(g("Quelle"), "lead_source");
        assert_eq!(g("Bewertung"), "rating");
        assert_eq!(g("USt-IdNr."), "tax_id");
        assert_eq!(g("ІПН"), "tax_id");
        assert_eq!(g("Jahresumsatz"), "annual_revenue");
        assert_eq!(g("Річний дохід"), "annual_revenue");
        assert_eq!(g("Количество сотрудников"), "employees");
        assert_eq!(g("Muttergesellschaft"), "parent_account");
        assert_eq!(g("Billing Street"), "street:billing");
        assert_eq!(g("Shipping Postal Code"), "postal_code:shipping");
    }

    #[test]
    fn guesses_product_and_id_headers_in_four_languages() {
        for (header, field) in [
            ("Code", "code"),
            ("SKU", "code"),
            ("Artikelnummer", "code"),
            ("Art.-Nr.", "code"),
            ("Артикул", "code"),
            ("Bezeichnung", "name"),
            ("Наименование товара", "name"),
            ("Назва товару", "name"),
            ("Price", "price"),
            ("Preis", "price"),
            ("Preis (netto)", "price"),
            ("Цена", "price"),
            ("Ціна", "price"),
            ("VAT %", "tax_id"),
            ("MwSt", "tax_rate"),
            ("MwSt.-Satz", "tax_rate"),
            ("НДС", "tax_rate"),
            ("Ставка НДС, %", "tax_rate"),
            ("ПДВ", "tax_rate"),
            ("Unit", "unit"),
            ("Einheit", "unit"),
            ("Ед. изм.", "unit"),
            ("Од.", "unit"),
            ("Währung", "currency"),
            ("Валюта", "currency"),
            ("Aktiv", "active"),
            ("Beschreibung", "notes"),
            ("ID", "external_id"),
            ("External ID", "external_id"),
            ("Externe ID", "external_id"),
            ("Внешний ID", "external_id"),
            ("Зовнішній ID", "external_id"),
        ] {
            assert_eq!(g(header), field, "{header}");
        }
        assert_eq!(guess("ID", Some(Preset::Outlook)).to_text(), "ignore", "presets have no ids");
    }

    #[test]
    fn each_kind_of_record_takes_only_its_fields() {
        let header = vec!["Name".to_string(), "Webseite".to_string(), "Geburtstag".to_string()];
        let contacts = map_columns(&header, None, None, &|f: Field| (f != Field::Website).then_some(f), "contacts");
        let texts: Vec<String> = contacts.unwrap().iter().map(ColumnTarget::to_text).collect();
        assert_eq!(texts, ["full_name", "ignore", "birthday"]);
        let no_birthday = |f: Field| (f != Field::Birthday).then_some(f);
        let texts: Vec<String> = map_columns(&header, None, None, &no_birthday, "leads")
            .unwrap()
            .iter()
            .map(ColumnTarget::to_text)
            .collect();
        assert_eq!(texts, ["full_name", "website", "ignore"], "a guess the kind lacks is ignored");
        let given = serde_json::json!({"Geburtstag": "birthday"});
        let err = map_columns(&header, None, given.as_object(), &no_birthday, "leads").unwrap_err();
        assert!(err.message.contains("not a field of leads"), "a given mapping it lacks is refused");
    }

    #[test]
    fn presets_read_their_formats_own_words() {
        assert_eq!(guess("Title", Some(Preset::Outlook)).to_text(), "salutation");
        assert_eq!(guess("Title", None).to_text(), "title");
        assert_eq!(guess("E-mail Type", Some(Preset::Outlook)).to_text(), "ignore");
        assert_eq!(guess("Position", Some(Preset::Linkedin)).to_text(), "title");
    }

    #[test]
    fn a_given_mapping_wins_and_is_checked() {
        let header = vec!["Col A".to_string(), "Col B".to_string()];
        let given = serde_json::json!({"Col A": "phone:mobile", "Col B": null});
        let all = |f| Some(f);
        let t = map_columns(&header, None, given.as_object(), &all, "contacts").unwrap();
        assert_eq!((t[0].to_text(), t[1].to_text()), ("phone:mobile".into(), "ignore".into()));
        let bad = serde_json::json!({"Col A": "shoe_size"});
        assert_eq!(
            map_columns(&header, None, bad.as_object(), &all, "contacts").unwrap_err().field.as_deref(),
            Some("mapping")
        );
        let missing = serde_json::json!({"Col C": "email"});
        assert!(map_columns(&header, None, missing.as_object(), &all, "contacts").is_err());
    }
}
