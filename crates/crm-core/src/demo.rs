//! Realistic, deterministic demo data in the languages our users write
//! (English, German, Russian, Ukrainian), written through the normal write path.

use crate::accounts::{self, AccountInput, AccountType};
use crate::contacts::{self, ContactInput};
use crate::error::Result;
use crate::fields::{Address, LabeledValue};
use crate::settings::{self, SettingsUpdate};
use crate::store::Store;

/// SplitMix64: small, fast, and the same sequence for the same seed everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

struct Culture {
    male: &'static [&'static str],
    female: &'static [&'static str],
    /// (male form, female form) of each surname.
    surnames: &'static [(&'static str, &'static str)],
    salutations: [&'static str; 2],
    /// (city, postal code prefix, street names)
    cities: &'static [(&'static str, &'static str)],
    streets: &'static [&'static str],
    country: &'static str,
    phone: fn(&mut Rng) -> String,
    titles: &'static [&'static str],
    domains: &'static [&'static str],
    /// Company name stems and the legal-form pattern (`{}` is the stem).
    companies: &'static [&'static str],
    legal_form: &'static str,
    industries: &'static [&'static str],
}

const EN: Culture = Culture {
    male: &[
        "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Daniel", "Matthew",
        "Andrew", "Oliver", "Harry", "George", "Samuel",
    ],
    female: &[
        "Mary",
        "Patricia",
        "Jennifer",
        "Linda",
        "Elizabeth",
        "Susan",
        "Jessica",
        "Sarah",
        "Karen",
        "Emily",
        "Olivia",
        "Amelia",
        "Sophie",
        "Charlotte",
        "Grace",
        "Chloé",
    ],
    surnames: &[
        ("Smith", "Smith"),
        ("Johnson", "Johnson"),
        ("Williams", "Williams"),
        ("Brown", "Brown"),
        ("Jones", "Jones"),
        ("Miller", "Miller"),
        ("Davis", "Davis"),
        ("Wilson", "Wilson"),
        ("Taylor", "Taylor"),
        ("Clark", "Clark"),
        ("O'Brien", "O'Brien"),
        ("Walker", "Walker"),
        ("Wright", "Wright"),
        ("Hughes", "Hughes"),
        ("Evans", "Evans"),
        ("Turner", "Turner"),
        ("Baker", "Baker"),
        ("Murphy", "Murphy"),
    ],
    salutations: ["Mr.", "Ms."],
    cities: &[
        ("London", "EC1A"),
        ("Manchester", "M1"),
        ("New York", "100"),
        ("Chicago", "606"),
        ("Boston", "021"),
        ("Austin", "787"),
        ("Seattle", "981"),
        ("Bristol", "BS1"),
    ],
    streets: &[
        "High Street",
        "Main Street",
        "Park Avenue",
        "Oak Lane",
        "Church Road",
        "Elm Street",
        "Station Road",
        "Maple Drive",
    ],
    country: "United States",
    phone: |r| format!("+1 ({}) 555-{:04}", 200 + r.below(700), r.below(10_000)),
    titles: &[
        "Sales Manager",
        "CEO",
        "Purchasing Manager",
        "Office Manager",
        "CFO",
        "Account Executive",
        "Head of Operations",
        "IT Director",
    ],
    domains: &["example.com", "mail.example.org", "acme.example", "example.co.uk"],
    companies: &[
        "Northwind",
        "Blue Harbor",
        "Summit",
        "Redwood",
        "Granite",
        "Lakeside",
        "Pioneer",
        "Silverline",
        "Oakridge",
        "Brightpath",
    ],
    legal_form: "{} Ltd",
    industries: &["Retail", "Software", "Logistics", "Construction", "Healthcare", "Consulting"],
};

const DE: Culture = Culture {
    male: &[
        "Jürgen",
        "Hans",
        "Klaus",
        "Stefan",
        "Andreas",
        "Thomas",
        "Michael",
        "Günter",
        "Jörg",
        "Matthias",
        "Lukas",
        "Maximilian",
        "Björn",
        "Uwe",
        "Sebastian",
        "Florian",
    ],
    female: &[
        "Anna", "Ursula", "Monika", "Petra", "Sabine", "Andrea", "Claudia", "Jutta", "Käthe", "Sophie", "Lea", "Jana",
        "Birgit", "Gisela", "Hannah", "Bärbel",
    ],
    surnames: &[
        ("Müller", "Müller"),
        ("Schmidt", "Schmidt"),
        ("Schneider", "Schneider"),
        ("Fischer", "Fischer"),
        ("Weber", "Weber"),
        ("Meyer", "Meyer"),
        ("Wagner", "Wagner"),
        ("Becker", "Becker"),
        ("Schulz", "Schulz"),
        ("Hoffmann", "Hoffmann"),
        ("Groß", "Groß"),
        ("Köhler", "Köhler"),
        ("Schäfer", "Schäfer"),
        ("Krüger", "Krüger"),
        ("Weiß", "Weiß"),
        ("Lehmann", "Lehmann"),
        ("Böhm", "Böhm"),
        ("Jäger", "Jäger"),
    ],
    salutations: ["Herr", "Frau"],
    cities: &[
        ("Berlin", "10"),
        ("München", "80"),
        ("Hamburg", "20"),
        ("Köln", "50"),
        ("Frankfurt am Main", "60"),
        ("Düsseldorf", "40"),
        ("Nürnberg", "90"),
        ("Wien", "1"),
    ],
    streets: &[
        "Hauptstraße",
        "Schillerstraße",
        "Goethestraße",
        "Bahnhofstraße",
        "Lindenallee",
        "Kirchweg",
        "Mühlenstraße",
        "Gartenstraße",
    ],
    country: "Deutschland",
    phone: |r| format!("+49 {} {}", ["30", "89", "40", "221", "69"][r.below(5)], 1_000_000 + r.below(9_000_000)),
    titles: &[
        "Geschäftsführer",
        "Vertriebsleiter",
        "Einkaufsleiterin",
        "Prokurist",
        "Buchhaltung",
        "Projektleiterin",
        "IT-Leiter",
        "Assistenz der Geschäftsführung",
    ],
    domains: &["example.de", "firma.example", "mail.example.at", "gmbh.example"],
    companies: &[
        "Müller Maschinenbau",
        "Alpenblick",
        "Rheintal",
        "Schäfer & Söhne",
        "Nordlicht",
        "Weißdorn",
        "Brückner",
        "Elbwerk",
        "Sonnenhof",
        "Köhler Logistik",
    ],
    legal_form: "{} GmbH",
    industries: &["Maschinenbau", "Handel", "Logistik", "Bauwesen", "Gesundheitswesen", "Beratung"],
};

const RU: Culture = Culture {
    male: &[
        "Александр",
        "Сергей",
        "Дмитрий",
        "Андрей",
        "Алексей",
        "Иван",
        "Михаил",
        "Николай",
        "Юрий",
        "Артём",
        "Фёдор",
        "Евгений",
    ],
    female: &[
        "Елена",
        "Ольга",
        "Наталья",
        "Татьяна",
        "Ирина",
        "Анна",
        "Мария",
        "Светлана",
        "Юлия",
        "Екатерина",
        "Алёна",
        "Дарья",
    ],
    surnames: &[
        ("Иванов", "Иванова"),
        ("Смирнов", "Смирнова"),
        ("Кузнецов", "Кузнецова"),
        ("Попов", "Попова"),
        ("Соколов", "Соколова"),
        ("Лебедев", "Лебедева"),
        ("Козлов", "Козлова"),
        ("Новиков", "Новикова"),
        ("Морозов", "Морозова"),
        ("Волков", "Волкова"),
        ("Фёдоров", "Фёдорова"),
        ("Орлов", "Орлова"),
    ],
    salutations: ["г-н", "г-жа"],
    cities: &[
        ("Москва", "1"),
        ("Санкт-Петербург", "19"),
        ("Новосибирск", "63"),
        ("Екатеринбург", "62"),
        ("Казань", "42"),
        ("Нижний Новгород", "60"),
    ],
    streets: &["ул. Ленина", "ул. Пушкина", "Невский пр-т", "ул. Садовая", "ул. Мира", "Тверская ул."],
    country: "Россия",
    phone: |r| {
        format!(
            "+7 {} {:03}-{:02}-{:02}",
            ["495", "812", "383", "343"][r.below(4)],
            r.below(1000),
            r.below(100),
            r.below(100)
        )
    },
    titles: &[
        "Генеральный директор",
        "Менеджер по продажам",
        "Главный бухгалтер",
        "Начальник отдела закупок",
        "Руководитель проекта",
        "Коммерческий директор",
    ],
    domains: &["example.ru", "pochta.example", "firma.example.ru"],
    companies: &[
        "Восток",
        "Северный ветер",
        "Уралтехника",
        "Гранит",
        "Волга-Сервис",
        "Альфа-Трейд",
        "Меридиан",
        "Сибирь",
    ],
    legal_form: "ООО «{}»",
    industries: &["Торговля", "Производство", "Логистика", "Строительство", "Услуги"],
};

const UK: Culture = Culture {
    male: &[
        "Олександр",
        "Андрій",
        "Богдан",
        "Василь",
        "Дмитро",
        "Іван",
        "Михайло",
        "Тарас",
        "Юрій",
        "Остап",
        "Григорій",
        "Євген",
    ],
    female: &[
        "Олена",
        "Оксана",
        "Наталія",
        "Ірина",
        "Тетяна",
        "Галина",
        "Марія",
        "Юлія",
        "Софія",
        "Ганна",
        "Христина",
        "Ївга",
    ],
    surnames: &[
        ("Шевченко", "Шевченко"),
        ("Коваленко", "Коваленко"),
        ("Бондаренко", "Бондаренко"),
        ("Ткаченко", "Ткаченко"),
        ("Кравченко", "Кравченко"),
        ("Олійник", "Олійник"),
        ("Шевчук", "Шевчук"),
        ("Поліщук", "Поліщук"),
        ("Гнатюк", "Гнатюк"),
        ("Мельник", "Мельник"),
        ("Ґалаґан", "Ґалаґан"),
        ("Лисенко", "Лисенко"),
    ],
    salutations: ["пан", "пані"],
    cities: &[("Київ", "0"), ("Львів", "79"), ("Харків", "61"), ("Одеса", "65"), ("Дніпро", "49"), ("Вінниця", "21")],
    streets: &["вул. Хрещатик", "вул. Шевченка", "вул. Франка", "просп. Свободи", "вул. Личаківська", "вул. Сумська"],
    country: "Україна",
    phone: |r| format!("+380 {} {:03} {:04}", ["44", "32", "57", "48"][r.below(4)], r.below(1000), r.below(10_000)),
    titles: &[
        "Директор",
        "Менеджер з продажу",
        "Головний бухгалтер",
        "Керівник відділу закупівель",
        "Керівник проєкту",
        "Комерційний директор",
    ],
    domains: &["example.ua", "poshta.example", "firma.example.ua"],
    companies: &[
        "Дніпро-Агро",
        "Карпати",
        "Світанок",
        "Поділля",
        "Яблуневий цвіт",
        "Чорноморсервіс",
        "Галичина",
        "Слобожанщина",
    ],
    legal_form: "ТОВ «{}»",
    industries: &["Агробізнес", "Торгівля", "Логістика", "Будівництво", "Послуги"],
};

/// Latin letters for an e-mail local part (simplified passport transliteration).
fn latin(text: &str) -> String {
    let mut out = String::new();
    for c in crate::text::fold(text).chars() {
        let s = match c {
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' => "g",
            'ґ' => "g",
            'д' => "d",
            'е' | 'є' => "e",
            'ж' => "zh",
            'з' => "z",
            'и' | 'і' | 'ы' => "i",
            'ї' => "yi",
            'й' => "y",
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' => "u",
            'ф' => "f",
            'х' => "kh",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "shch",
            'ю' => "yu",
            'я' => "ya",
            'ь' | 'ъ' | '\'' | ' ' => "",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => "",
        };
        out.push_str(s);
    }
    out
}

const CULTURES: [&Culture; 4] = [&EN, &DE, &RU, &UK];

/// Index into CULTURES, weighted like our users: German most, then English, Russian, Ukrainian.
fn culture_index(rng: &mut Rng) -> usize {
    [0, 0, 1, 1, 1, 2, 3][rng.below(7)]
}

/// One demo account of a culture; `n` makes the name unique.
pub fn account(rng: &mut Rng, culture: usize, n: u64) -> AccountInput {
    let c = CULTURES[culture];
    let stem = rng.pick(c.companies);
    let (city, postal_prefix) = c.cities[rng.below(c.cities.len())];
    let name = c.legal_form.replace("{}", &format!("{stem} {}", n + 1));
    AccountInput {
        account_type: [
            AccountType::Customer,
            AccountType::Customer,
            AccountType::Prospect,
            AccountType::Partner,
            AccountType::Reseller,
        ][rng.below(5)],
        industry: rng.pick(c.industries).into(),
        website: format!("www.{}-{}.{}", latin(stem).replace(['&', ' '], ""), n + 1, rng.pick(c.domains)),
        phones: vec![LabeledValue { value: (c.phone)(rng), label: "main".into(), primary: true }],
        billing_address: Some(Address {
            street: format!("{} {}", rng.pick(c.streets), 1 + rng.below(200)),
            city: city.into(),
            postal_code: postal_code(rng, postal_prefix),
            country: c.country.into(),
            ..Default::default()
        }),
        employees: Some(5 + rng.below(2_000) as u32),
        annual_revenue: Some(rust_decimal::Decimal::new(100_000 + rng.below(50_000_000) as i64 * 100, 2)),
        name,
        ..Default::default()
    }
}

fn postal_code(rng: &mut Rng, prefix: &str) -> String {
    let width = 5 - prefix.len();
    format!("{prefix}{:0width$}", rng.below(10usize.pow(width as u32)))
}

/// One demo contact; the same `rng` state always gives the same contact.
pub fn contact(rng: &mut Rng) -> ContactInput {
    let culture = culture_index(rng);
    contact_of(rng, culture)
}

fn contact_of(rng: &mut Rng, culture: usize) -> ContactInput {
    let culture = CULTURES[culture];
    let female = rng.chance(50);
    let first = if female { rng.pick(culture.female) } else { rng.pick(culture.male) };
    let (male_last, female_last) = culture.surnames[rng.below(culture.surnames.len())];
    let last = if female { female_last } else { male_last };
    let domain = rng.pick(culture.domains);
    let email = format!(
        "{}.{}{}@{}",
        latin(first),
        latin(last),
        if rng.chance(30) { rng.below(100).to_string() } else { String::new() },
        domain
    );
    let (city, postal_prefix) = culture.cities[rng.below(culture.cities.len())];
    let mut emails = vec![LabeledValue { value: email, label: "work".into(), primary: true }];
    if rng.chance(20) {
        emails.push(LabeledValue {
            value: format!("{}{}@mail.example.net", latin(first), rng.below(1000)),
            label: "home".into(),
            primary: false,
        });
    }
    let mut phones = vec![LabeledValue { value: (culture.phone)(rng), label: "work".into(), primary: true }];
    if rng.chance(40) {
        phones.push(LabeledValue { value: (culture.phone)(rng), label: "mobile".into(), primary: false });
    }
    ContactInput {
        salutation: culture.salutations[female as usize].into(),
        first_name: first.into(),
        last_name: last.into(),
        title: rng.pick(culture.titles).into(),
        emails,
        phones,
        addresses: vec![Address {
            label: "work".into(),
            street: format!("{} {}", rng.pick(culture.streets), 1 + rng.below(120)),
            city: city.into(),
            postal_code: format!(
                "{postal_prefix}{:0width$}",
                rng.below(10usize.pow(5 - postal_prefix.len() as u32)),
                width = 5 - postal_prefix.len()
            ),
            country: culture.country.into(),
            ..Default::default()
        }],
        birthday: rng
            .chance(30)
            .then(|| format!("{}-{:02}-{:02}", 1950 + rng.below(55), 1 + rng.below(12), 1 + rng.below(28))),
        lead_source: rng.pick(&["web", "referral", "trade show", "phone", "partner", "email"]).into(),
        ..Default::default()
    }
}

/// Demo accounts per demo contact.
const CONTACTS_PER_ACCOUNT: u64 = 20;

/// Fills the store with `contacts` demo contacts, one account per 20 contacts
/// (most contacts work for one of the same language; some accounts belong to a
/// parent), and company settings if none. All in one transaction. Returns the
/// number of contacts written.
pub fn fill(store: &Store, contacts: u64, seed: u64) -> Result<u64> {
    let mut rng = Rng::new(seed);
    store.write(|w| {
        if settings::get(w.conn(), crate::NoArgs {})?.company_name.is_empty() {
            let changes = serde_json::json!({
                "company_name": "Outpost Demo GmbH",
                "company_address": "Friedrichstraße 123\n10117 Berlin\nDeutschland",
                "tax_id": "DE123456789",
                "default_currency": "EUR",
            });
            let serde_json::Value::Object(changes) = changes else { unreachable!("a JSON object literal") };
            settings::update(w, SettingsUpdate { changes })?;
        }
        // Accounts by culture, so people work for companies of their language.
        let mut by_culture: [Vec<String>; 4] = Default::default();
        for n in 0..contacts.div_ceil(CONTACTS_PER_ACCOUNT) {
            let culture = culture_index(&mut rng);
            let mut input = account(&mut rng, culture, n);
            let siblings = &by_culture[culture];
            if !siblings.is_empty() && rng.chance(10) {
                input.parent_id = Some(siblings[rng.below(siblings.len().min(50))].clone());
            }
            let id = crate::new_id();
            accounts::create_with_id(w, &id, &input)?;
            by_culture[culture].push(id);
        }
        for _ in 0..contacts {
            let culture = culture_index(&mut rng);
            let mut input = contact_of(&mut rng, culture);
            let employers = &by_culture[culture];
            if !employers.is_empty() && rng.chance(80) {
                input.account_id = Some(employers[rng.below(employers.len())].clone());
            }
            contacts::create_with_id(w, &crate::new_id(), &input)?;
        }
        Ok(contacts)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_people() {
        let a: Vec<_> = (0..50).scan(Rng::new(7), |r, _| Some(contact(r))).collect();
        let b: Vec<_> = (0..50).scan(Rng::new(7), |r, _| Some(contact(r))).collect();
        assert_eq!(a, b);
        let c: Vec<_> = (0..50).scan(Rng::new(8), |r, _| Some(contact(r))).collect();
        assert_ne!(a, c);
    }

    #[test]
    fn every_demo_contact_is_valid() {
        let mut rng = Rng::new(1);
        for _ in 0..2_000 {
            let c = contact(&mut rng);
            contacts::validate(&c).unwrap_or_else(|e| panic!("{c:?}: {e:?}"));
        }
    }

    #[test]
    fn every_demo_account_is_valid() {
        let mut rng = Rng::new(3);
        for n in 0..500 {
            let culture = culture_index(&mut rng);
            let a = account(&mut rng, culture, n);
            accounts::validate(&a).unwrap_or_else(|e| panic!("{a:?}: {e:?}"));
        }
    }

    #[test]
    fn transliterates_cyrillic_for_addresses() {
        assert_eq!(latin("Шевченко"), "shevchenko");
        assert_eq!(latin("Фёдоров"), "fedorov");
        assert_eq!(latin("Groß"), "gross");
    }
}
