//! Contacts: people, with several e-mails, phones and addresses.

use crate::error::{Error, Result};
use crate::fields::{
    check_len, clean_tags, clean_values, email_problem, external_id, phone_problem, primary, trimmed, Address, Doc,
    LabeledValue, MAX_ITEMS, MAX_TEXT,
};
use crate::list::{keyset_page, KeysetQuery, Page, SortColumn};
use crate::patch::apply_patch;
use crate::text::{fold, phone_key};
use crate::write::{Fields, RecordKind, SearchSpec, Writer};
use crate::IdArgs;
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use ts_rs::TS;

pub static CONTACT: RecordKind = RecordKind {
    name: "contact",
    table: "contacts",
    json_columns: &["emails", "phones", "addresses", "tags"],
    derived: &["sort_name", "email", "phone", "phone_key", "city", "sort_city", "sort_title"],
    tagged: true,
    search: Some(SearchSpec {
        table: "contacts_fts",
        columns: &["name", "email", "phone", "other"],
        source: &["salutation", "first_name", "last_name", "title", "department", "emails", "phones", "addresses"],
        document: search_document,
    }),
};

const MAX_NOTES: usize = 20_000;

/// The editable fields of a contact. Missing fields take their empty value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct ContactInput {
    /// The account (company) the contact works for.
    #[ts(optional = nullable)]
    pub account_id: Option<String>,
    pub salutation: String,
    pub first_name: String,
    pub last_name: String,
    pub title: String,
    pub department: String,
    pub emails: Vec<LabeledValue>,
    pub phones: Vec<LabeledValue>,
    pub addresses: Vec<Address>,
    /// ISO date, `YYYY-MM-DD`.
    #[serde(deserialize_with = "empty_as_none")]
    pub birthday: Option<String>,
    pub lead_source: String,
    pub notes: String,
    pub tags: Vec<String>,
    /// The record's id in the system it was imported from ("" for none); imports match by it.
    #[ts(as = "Option<String>", optional)]
    pub external_id: String,
}

fn empty_as_none<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<String>::deserialize(d)?.filter(|s| !s.trim().is_empty()))
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Contact {
    pub id: String,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
    pub owner_id: Option<String>,
    pub display_name: String,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: ContactInput,
}

/// Arguments of `contact_update`: the id and only the fields that change.
#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ContactUpdate {
    pub id: String,
    #[ts(type = "Partial<ContactInput>")]
    pub changes: serde_json::Map<String, Value>,
}

/// Columns a contact list can be sorted by; each has its own index.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ContactSort {
    #[default]
    Name,
    Email,
    City,
    Updated,
    Title,
    Phone,
}

impl ContactSort {
    fn column(self) -> SortColumn {
        SortColumn::text(match self {
            ContactSort::Name => "sort_name",
            ContactSort::Email => "email",
            ContactSort::City => "sort_city",
            ContactSort::Updated => "updated_at",
            ContactSort::Title => "sort_title",
            ContactSort::Phone => "phone",
        })
    }

    /// `starts_with` in the form the sort column holds.
    fn start_key(self, typed: &str) -> String {
        match self {
            ContactSort::Name | ContactSort::City | ContactSort::Title => fold(typed),
            ContactSort::Email => typed.trim().to_lowercase(),
            ContactSort::Updated | ContactSort::Phone => typed.trim().to_owned(),
        }
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct ContactListQuery {
    pub sort: ContactSort,
    pub desc: bool,
    /// The `next` cursor of the previous page; null for the first page.
    pub after: Option<String>,
    pub limit: u32,
    /// Quick filter: every word must match a name, e-mail, phone or other field as a prefix.
    pub q: String,
    /// Start the list at the first row whose sort value is at or after this text.
    pub starts_with: String,
    /// Only the contacts of this account.
    #[ts(optional = nullable)]
    pub account_id: Option<String>,
    /// Only records with this tag.
    #[ts(optional = nullable)]
    pub tag: Option<String>,
    /// Owner and field conditions.
    #[serde(flatten)]
    #[ts(flatten)]
    pub filters: crate::list::ListFilters,
}

impl Default for ContactListQuery {
    fn default() -> Self {
        Self {
            sort: ContactSort::Name,
            desc: false,
            after: None,
            limit: 100,
            q: String::new(),
            starts_with: String::new(),
            account_id: None,
            tag: None,
            filters: Default::default(),
        }
    }
}

/// One row of the contacts list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ContactRow {
    pub id: String,
    pub display_name: String,
    pub first_name: String,
    pub last_name: String,
    pub title: String,
    pub email: String,
    pub phone: String,
    pub city: String,
    pub updated_at: String,
}

pub fn display_name(first: &str, last: &str) -> String {
    match (first.trim(), last.trim()) {
        ("", last) => last.to_owned(),
        (first, "") => first.to_owned(),
        (first, last) => format!("{first} {last}"),
    }
}

/// Validates and normalises input into the stored form.
pub fn validate(input: &ContactInput) -> Result<ContactInput> {
    let mut c = ContactInput {
        account_id: input.account_id.as_deref().map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned),
        salutation: trimmed(&input.salutation),
        first_name: trimmed(&input.first_name),
        last_name: trimmed(&input.last_name),
        title: trimmed(&input.title),
        department: trimmed(&input.department),
        emails: clean_values("emails", &input.emails, email_problem)?,
        phones: clean_values("phones", &input.phones, phone_problem)?,
        addresses: Vec::new(),
        birthday: input.birthday.as_deref().map(str::trim).filter(|b| !b.is_empty()).map(str::to_owned),
        lead_source: trimmed(&input.lead_source),
        notes: input.notes.trim_end().to_owned(),
        tags: clean_tags(&input.tags)?,
        external_id: external_id(&input.external_id)?,
    };
    if c.last_name.is_empty() {
        return Err(Error::invalid("last_name", "Last name is required"));
    }
    for (field, value) in [
        ("salutation", &c.salutation),
        ("first_name", &c.first_name),
        ("last_name", &c.last_name),
        ("title", &c.title),
        ("department", &c.department),
        ("lead_source", &c.lead_source),
    ] {
        check_len(field, value, MAX_TEXT)?;
    }
    check_len("notes", &c.notes, MAX_NOTES)?;
    if let Some(birthday) = &c.birthday {
        let date = chrono::NaiveDate::parse_from_str(birthday, "%Y-%m-%d")
            .map_err(|_| Error::invalid("birthday", format!("{birthday:?} is not a date (YYYY-MM-DD)")))?;
        if date > chrono::Utc::now().date_naive() {
            return Err(Error::invalid("birthday", "Birthday is in the future"));
        }
    }
    if input.addresses.len() > MAX_ITEMS {
        return Err(Error::invalid("addresses", format!("At most {MAX_ITEMS} addresses per contact")));
    }
    for (i, a) in input.addresses.iter().enumerate() {
        if let Some(a) = a.clean(&format!("addresses[{i}]"))? {
            c.addresses.push(a);
        }
    }
    Ok(c)
}

/// The row's fields: the input plus the derived list columns.
fn to_fields(c: &ContactInput) -> Result<Fields> {
    let Value::Object(mut fields) = serde_json::to_value(c)? else {
        return Err(Error::internal("contact did not serialise to an object"));
    };
    let city = c.addresses.first().map_or("", |a| a.city.as_str());
    let derived = [
        ("sort_name", format!("{}\u{1}{}", fold(&c.last_name), fold(&c.first_name))),
        ("email", primary(&c.emails).to_lowercase()),
        ("phone", primary(&c.phones).to_owned()),
        ("phone_key", phone_key(primary(&c.phones))),
        ("city", city.to_owned()),
        ("sort_city", fold(city)),
        ("sort_title", fold(&c.title)),
    ];
    for (name, value) in derived {
        fields.insert(name.into(), Value::String(value));
    }
    Ok(fields)
}

fn search_document(f: &Fields) -> Vec<String> {
    let d = Doc(f);
    vec![
        display_name(&d.text("first_name"), &d.text("last_name")),
        d.values("emails").join(" "),
        d.phones("phones"),
        [d.text("salutation"), d.text("title"), d.text("department"), d.addresses("addresses")].join(" "),
    ]
}

const SELECT: &str =
    "SELECT id, created_at, updated_at, deleted_at, owner_id, salutation, first_name, last_name, title,
    department, emails, phones, addresses, birthday, lead_source, notes, account_id, tags, external_id FROM contacts";

fn json_column<T: serde::de::DeserializeOwned>(row: &Row, i: usize) -> rusqlite::Result<T> {
    let text: String = row.get(i)?;
    serde_json::from_str(&text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
}

fn from_row(r: &Row) -> rusqlite::Result<Contact> {
    let fields = ContactInput {
        account_id: r.get(16)?,
        salutation: r.get(5)?,
        first_name: r.get(6)?,
        last_name: r.get(7)?,
        title: r.get(8)?,
        department: r.get(9)?,
        emails: json_column(r, 10)?,
        phones: json_column(r, 11)?,
        addresses: json_column(r, 12)?,
        birthday: r.get(13)?,
        lead_source: r.get(14)?,
        notes: r.get(15)?,
        tags: json_column(r, 17)?,
        external_id: r.get(18)?,
    };
    Ok(Contact {
        id: r.get(0)?,
        created_at: r.get(1)?,
        updated_at: r.get(2)?,
        deleted_at: r.get(3)?,
        owner_id: r.get(4)?,
        display_name: display_name(&fields.first_name, &fields.last_name),
        fields,
    })
}

/// A contact by id, deleted ones included (they show as deleted).
pub fn get(conn: &Connection, args: IdArgs) -> Result<Contact> {
    conn.prepare_cached(&format!("{SELECT} WHERE id = ?1"))?
        .query_row([&args.id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("contact", &args.id))
}

pub fn create(w: &mut Writer, input: ContactInput) -> Result<Contact> {
    let id = crate::new_id();
    create_with_id(w, &id, &input)?;
    get(w.conn(), IdArgs { id })
}

/// Creates a contact without reading it back (bulk work: demo data, imports).
pub fn create_with_id(w: &mut Writer, id: &str, input: &ContactInput) -> Result<()> {
    let contact = validate(input)?;
    if let Some(account) = &contact.account_id {
        crate::write::check_live(w.conn(), &crate::accounts::ACCOUNT, account, "account_id")?;
    }
    let mut fields = to_fields(&contact)?;
    fields.insert("owner_id".into(), Value::String(w.actor_id().to_owned()));
    w.insert(&CONTACT, id, fields)
}

pub fn update(w: &mut Writer, args: ContactUpdate) -> Result<Contact> {
    let current = get(w.conn(), IdArgs { id: args.id.clone() })?;
    if current.deleted_at.is_some() {
        return Err(Error::conflict("This contact was deleted; restore it before editing"));
    }
    let next = validate(&apply_patch(&current.fields, args.changes)?)?;
    if let Some(account) = next.account_id.as_ref().filter(|a| current.fields.account_id.as_ref() != Some(*a)) {
        crate::write::check_live(w.conn(), &crate::accounts::ACCOUNT, account, "account_id")?;
    }
    w.update(&CONTACT, &args.id, to_fields(&next)?)?;
    get(w.conn(), IdArgs { id: args.id })
}

pub fn delete(w: &mut Writer, args: IdArgs) -> Result<Contact> {
    w.delete(&CONTACT, &args.id)?;
    get(w.conn(), args)
}

pub fn restore(w: &mut Writer, args: IdArgs) -> Result<Contact> {
    w.restore(&CONTACT, &args.id)?;
    get(w.conn(), args)
}

/// One page of live contacts in keyset order.
pub fn list(conn: &Connection, query: ContactListQuery) -> Result<Page<ContactRow>> {
    keyset_page(
        conn,
        KeysetQuery {
            kind: &CONTACT,
            columns: "id, first_name, last_name, title, email, phone, city, updated_at",
            sort: query.sort.column(),
            desc: query.desc,
            after: query.after.as_deref(),
            limit: query.limit,
            q: &query.q,
            start_at: Some(query.sort.start_key(&query.starts_with)),
            equals: query.account_id.as_deref().map(|a| ("account_id", a)),
            tag: query.tag.as_deref(),
            filters: &query.filters,
            filterable: &[
                "first_name",
                "last_name",
                "title",
                "department",
                "email",
                "phone",
                "city",
                "lead_source",
                "birthday",
                "account_id",
            ],
        },
        |r| {
            let (first_name, last_name): (String, String) = (r.get(1)?, r.get(2)?);
            Ok(ContactRow {
                id: r.get(0)?,
                display_name: display_name(&first_name, &last_name),
                first_name,
                last_name,
                title: r.get(3)?,
                email: r.get(4)?,
                phone: r.get(5)?,
                city: r.get(6)?,
                updated_at: r.get(7)?,
            })
        },
    )
}
