//! Accounts: the companies and organisations we deal with, in a parent hierarchy.

use crate::error::{Error, Result};
use crate::fields::{
    check_len, clean_tags, clean_values, email_problem, external_id, phone_problem, trimmed, Address, Doc,
    LabeledValue, MAX_TEXT,
};
use crate::list::{keyset_page, KeysetQuery, Page, SortColumn};
use crate::patch::apply_patch;
use crate::text::{company_key, fold, site_key};
use crate::write::{Fields, RecordKind, SearchSpec, Writer};
use crate::IdArgs;
use rusqlite::{Connection, OptionalExtension, Row};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

pub static ACCOUNT: RecordKind = RecordKind {
    name: "account",
    table: "accounts",
    json_columns: &["emails", "phones", "billing_address", "shipping_address", "tags"],
    derived: &["sort_name", "name_key", "city", "sort_city", "sort_industry", "sort_website"],
    tagged: true,
    search: Some(SearchSpec {
        table: "accounts_fts",
        columns: &["name", "email", "phone", "other"],
        source: &["name", "industry", "website", "emails", "phones", "billing_address", "tax_id"],
        document: search_document,
    }),
};

/// How far up a hierarchy is walked; deeper chains are refused as likely cycles.
const MAX_DEPTH: usize = 64;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AccountType {
    #[default]
    Customer,
    Prospect,
    Partner,
    Competitor,
    Reseller,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    Hot,
    Warm,
    Cold,
}

/// The editable fields of an account. Missing fields take their empty value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct AccountInput {
    pub name: String,
    pub account_type: AccountType,
    /// The parent company (holding structure); never the account itself or one of its subsidiaries.
    pub parent_id: Option<String>,
    pub industry: String,
    pub website: String,
    pub emails: Vec<LabeledValue>,
    pub phones: Vec<LabeledValue>,
    pub billing_address: Option<Address>,
    pub shipping_address: Option<Address>,
    pub tax_id: String,
    /// Decimal text, e.g. "1250000.00".
    #[ts(type = "string | null")]
    pub annual_revenue: Option<Decimal>,
    pub employees: Option<u32>,
    pub rating: Option<Rating>,
    pub description: String,
    pub tags: Vec<String>,
    /// The record's id in the system it was imported from ("" for none); imports match by it.
    #[ts(as = "Option<String>", optional)]
    pub external_id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Account {
    pub id: String,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
    pub owner_id: Option<String>,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: AccountInput,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AccountUpdate {
    pub id: String,
    #[ts(type = "Partial<AccountInput>")]
    pub changes: serde_json::Map<String, Value>,
}

/// Columns an account list can be sorted by; each has its own index.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AccountSort {
    #[default]
    Name,
    /// The account type (its stored name: `competitor`, `customer`, …).
    Type,
    Industry,
    City,
    /// The web address without `https://` and `www.`.
    Website,
    Updated,
}

impl AccountSort {
    fn column(self) -> SortColumn {
        SortColumn::text(match self {
            AccountSort::Name => "sort_name",
            AccountSort::Type => "account_type",
            AccountSort::Industry => "sort_industry",
            AccountSort::City => "sort_city",
            AccountSort::Website => "sort_website",
            AccountSort::Updated => "updated_at",
        })
    }

    /// `starts_with` in the form the sort column holds.
    fn start_key(self, typed: &str) -> String {
        match self {
            AccountSort::Name | AccountSort::Industry | AccountSort::City => fold(typed),
            AccountSort::Website => site_key(typed),
            AccountSort::Type | AccountSort::Updated => typed.trim().to_owned(),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct AccountListQuery {
    /// Name when left out.
    #[ts(as = "Option<AccountSort>", optional)]
    pub sort: AccountSort,
    pub desc: bool,
    pub after: Option<String>,
    pub limit: u32,
    pub q: String,
    pub starts_with: String,
    /// Only records with this tag.
    #[ts(optional = nullable)]
    pub tag: Option<String>,
    /// Owner and field conditions.
    #[serde(flatten)]
    #[ts(flatten)]
    pub filters: crate::list::ListFilters,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AccountRow {
    pub id: String,
    pub name: String,
    pub account_type: AccountType,
    pub industry: String,
    pub city: String,
    pub website: String,
    pub parent_id: Option<String>,
    pub updated_at: String,
}

/// An account in its hierarchy: the node and its subsidiaries.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AccountNode {
    pub id: String,
    pub name: String,
    pub account_type: AccountType,
    pub children: Vec<AccountNode>,
}

fn website_problem(site: &str) -> Option<&'static str> {
    let host = site.strip_prefix("https://").or_else(|| site.strip_prefix("http://")).unwrap_or(site);
    let host = host.split(['/', '?', '#']).next().unwrap_or_default();
    let ok = host.contains('.')
        && !site.chars().any(char::is_whitespace)
        && host.split('.').all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'));
    (!ok).then_some("is not a web address such as example.com")
}

/// Validates and normalises input into the stored form (the hierarchy is checked on write).
pub fn validate(input: &AccountInput) -> Result<AccountInput> {
    let a = AccountInput {
        name: trimmed(&input.name),
        account_type: input.account_type,
        parent_id: input.parent_id.as_deref().map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned),
        industry: trimmed(&input.industry),
        website: trimmed(&input.website),
        emails: clean_values("emails", &input.emails, email_problem)?,
        phones: clean_values("phones", &input.phones, phone_problem)?,
        billing_address: match &input.billing_address {
            Some(a) => a.clean("billing_address")?,
            None => None,
        },
        shipping_address: match &input.shipping_address {
            Some(a) => a.clean("shipping_address")?,
            None => None,
        },
        tax_id: trimmed(&input.tax_id),
        annual_revenue: input.annual_revenue.map(|r| r.normalize()),
        employees: input.employees,
        rating: input.rating,
        description: input.description.trim_end().to_owned(),
        tags: clean_tags(&input.tags)?,
        external_id: external_id(&input.external_id)?,
    };
    if a.name.is_empty() {
        return Err(Error::invalid("name", "Account name is required"));
    }
    for (field, value) in [("name", &a.name), ("industry", &a.industry), ("website", &a.website)] {
        check_len(field, value, MAX_TEXT)?;
    }
    check_len("tax_id", &a.tax_id, 50)?;
    check_len("description", &a.description, 20_000)?;
    if !a.website.is_empty() {
        if let Some(problem) = website_problem(&a.website) {
            return Err(Error::invalid("website", format!("{:?} {problem}", a.website)));
        }
    }
    if a.annual_revenue.is_some_and(|r| r.is_sign_negative()) {
        return Err(Error::invalid("annual_revenue", "Annual revenue cannot be negative"));
    }
    Ok(a)
}

/// Refuses a parent that is missing, deleted, the account itself or one of its subsidiaries.
fn check_parent(conn: &Connection, id: &str, parent: &str) -> Result<()> {
    if parent == id {
        return Err(Error::invalid("parent_id", "An account cannot be its own parent"));
    }
    let mut current = parent.to_owned();
    for _ in 0..MAX_DEPTH {
        let row: Option<(Option<String>, Option<String>)> = conn
            .prepare_cached("SELECT parent_id, deleted_at FROM accounts WHERE id = ?1")?
            .query_row([&current], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        match row {
            None if current == parent => return Err(Error::invalid("parent_id", "The parent account does not exist")),
            Some((_, Some(_))) if current == parent => {
                return Err(Error::invalid("parent_id", "The parent account was deleted"))
            }
            None => return Ok(()),
            Some((None, _)) => return Ok(()),
            Some((Some(up), _)) if up == id => {
                return Err(Error::invalid(
                    "parent_id",
                    "That account is a subsidiary of this one: the hierarchy would loop",
                ))
            }
            Some((Some(up), _)) => current = up,
        }
    }
    Err(Error::invalid("parent_id", format!("The hierarchy is deeper than {MAX_DEPTH} levels")))
}

fn to_fields(a: &AccountInput) -> Result<Fields> {
    let Value::Object(mut fields) = serde_json::to_value(a)? else {
        return Err(Error::internal("account did not serialise to an object"));
    };
    let city = a.billing_address.as_ref().or(a.shipping_address.as_ref()).map_or("", |ad| ad.city.as_str());
    fields.insert("sort_name".into(), Value::String(fold(&a.name)));
    fields.insert("name_key".into(), Value::String(company_key(&a.name)));
    fields.insert("city".into(), Value::String(city.to_owned()));
    fields.insert("sort_city".into(), Value::String(fold(city)));
    fields.insert("sort_industry".into(), Value::String(fold(&a.industry)));
    fields.insert("sort_website".into(), Value::String(site_key(&a.website)));
    Ok(fields)
}

fn search_document(f: &Fields) -> Vec<String> {
    let d = Doc(f);
    vec![
        d.text("name"),
        [d.values("emails").join(" "), d.text("website")].join(" "),
        d.phones("phones"),
        [d.text("industry"), d.text("tax_id"), d.addresses("billing_address")].join(" "),
    ]
}

const SELECT: &str = "SELECT id, created_at, updated_at, deleted_at, owner_id, name, account_type, parent_id, industry,
    website, emails, phones, billing_address, shipping_address, tax_id, annual_revenue, employees, rating, description, tags,
    external_id FROM accounts";

fn json<T: serde::de::DeserializeOwned>(row: &Row, i: usize) -> rusqlite::Result<T> {
    let text: Option<String> = row.get(i)?;
    serde_json::from_str(text.as_deref().unwrap_or("null"))
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
}

/// An enum stored by its serde name (`customer`, `hot`).
fn parse_enum<T: serde::de::DeserializeOwned>(text: String) -> Option<T> {
    serde_json::from_value(Value::String(text)).ok()
}

fn from_row(r: &Row) -> rusqlite::Result<Account> {
    let revenue: Option<String> = r.get(15)?;
    Ok(Account {
        id: r.get(0)?,
        created_at: r.get(1)?,
        updated_at: r.get(2)?,
        deleted_at: r.get(3)?,
        owner_id: r.get(4)?,
        fields: AccountInput {
            name: r.get(5)?,
            account_type: parse_enum(r.get(6)?).unwrap_or(AccountType::Other),
            parent_id: r.get(7)?,
            industry: r.get(8)?,
            website: r.get(9)?,
            emails: json(r, 10)?,
            phones: json(r, 11)?,
            billing_address: json(r, 12)?,
            shipping_address: json(r, 13)?,
            tax_id: r.get(14)?,
            annual_revenue: revenue.and_then(|s| s.parse().ok()),
            employees: r.get(16)?,
            rating: r.get::<_, Option<String>>(17)?.and_then(parse_enum),
            description: r.get(18)?,
            tags: json(r, 19)?,
            external_id: r.get(20)?,
        },
    })
}

pub fn get(conn: &Connection, args: IdArgs) -> Result<Account> {
    conn.prepare_cached(&format!("{SELECT} WHERE id = ?1"))?
        .query_row([&args.id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("account", &args.id))
}

pub fn create(w: &mut Writer, input: AccountInput) -> Result<Account> {
    let id = crate::new_id();
    create_with_id(w, &id, &input)?;
    get(w.conn(), IdArgs { id })
}

/// Creates an account without reading it back (bulk work: demo data, imports).
pub fn create_with_id(w: &mut Writer, id: &str, input: &AccountInput) -> Result<()> {
    let account = validate(input)?;
    if let Some(parent) = &account.parent_id {
        check_parent(w.conn(), id, parent)?;
    }
    let mut fields = to_fields(&account)?;
    fields.insert("owner_id".into(), Value::String(w.actor_id().to_owned()));
    w.insert(&ACCOUNT, id, fields)
}

pub fn update(w: &mut Writer, args: AccountUpdate) -> Result<Account> {
    let current = get(w.conn(), IdArgs { id: args.id.clone() })?;
    if current.deleted_at.is_some() {
        return Err(Error::conflict("This account was deleted; restore it before editing"));
    }
    let next = validate(&apply_patch(&current.fields, args.changes)?)?;
    if let Some(parent) = &next.parent_id {
        check_parent(w.conn(), &args.id, parent)?;
    }
    w.update(&ACCOUNT, &args.id, to_fields(&next)?)?;
    get(w.conn(), IdArgs { id: args.id })
}

/// Deletes an account that has no live subsidiaries (they would lose their parent).
pub fn delete(w: &mut Writer, args: IdArgs) -> Result<Account> {
    let children: i64 = w.conn().query_row(
        "SELECT count(*) FROM accounts WHERE parent_id = ?1 AND deleted_at IS NULL",
        [&args.id],
        |r| r.get(0),
    )?;
    if children > 0 {
        return Err(Error::conflict(format!("This account has {children} subsidiaries; move or delete them first")));
    }
    w.delete(&ACCOUNT, &args.id)?;
    get(w.conn(), args)
}

pub fn restore(w: &mut Writer, args: IdArgs) -> Result<Account> {
    w.restore(&ACCOUNT, &args.id)?;
    get(w.conn(), args)
}

pub fn list(conn: &Connection, query: AccountListQuery) -> Result<Page<AccountRow>> {
    keyset_page(
        conn,
        KeysetQuery {
            kind: &ACCOUNT,
            columns: "id, name, account_type, industry, city, website, parent_id, updated_at",
            sort: query.sort.column(),
            desc: query.desc,
            after: query.after.as_deref(),
            limit: if query.limit == 0 { 100 } else { query.limit },
            q: &query.q,
            start_at: Some(query.sort.start_key(&query.starts_with)),
            equals: None,
            tag: query.tag.as_deref(),
            filters: &query.filters,
            filterable: &["name", "account_type", "industry", "website", "city", "tax_id", "rating", "parent_id"],
        },
        |r| {
            Ok(AccountRow {
                id: r.get(0)?,
                name: r.get(1)?,
                account_type: parse_enum(r.get(2)?).unwrap_or(AccountType::Other),
                industry: r.get(3)?,
                city: r.get(4)?,
                website: r.get(5)?,
                parent_id: r.get(6)?,
                updated_at: r.get(7)?,
            })
        },
    )
}

/// The whole hierarchy the account belongs to, from its top parent down.
pub fn tree(conn: &Connection, args: IdArgs) -> Result<AccountNode> {
    let mut top = get(conn, args)?;
    for _ in 0..MAX_DEPTH {
        match top.fields.parent_id.clone() {
            Some(parent) => top = get(conn, IdArgs { id: parent })?,
            None => break,
        }
    }
    let mut rows: Vec<(String, Option<String>, String, AccountType)> = conn
        .prepare_cached(
            "WITH RECURSIVE tree(id, depth) AS (
                 SELECT ?1, 0
                 UNION ALL
                 SELECT a.id, tree.depth + 1 FROM accounts a JOIN tree ON a.parent_id = tree.id
                 WHERE a.deleted_at IS NULL AND tree.depth < ?2
             )
             SELECT a.id, a.parent_id, a.name, a.account_type FROM tree JOIN accounts a ON a.id = tree.id
             ORDER BY a.sort_name, a.id",
        )?
        .query_map((&top.id, MAX_DEPTH as i64), |r| {
            let kind: String = r.get(3)?;
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, parse_enum(kind).unwrap_or(AccountType::Other)))
        })?
        .collect::<rusqlite::Result<_>>()?;
    fn build(id: &str, rows: &mut Vec<(String, Option<String>, String, AccountType)>) -> Option<AccountNode> {
        let at = rows.iter().position(|r| r.0 == id)?;
        let (id, _, name, account_type) = rows.remove(at);
        let child_ids: Vec<String> =
            rows.iter().filter(|r| r.1.as_deref() == Some(id.as_str())).map(|r| r.0.clone()).collect();
        let children = child_ids.iter().filter_map(|c| build(c, rows)).collect();
        Some(AccountNode { id, name, account_type, children })
    }
    build(&top.id, &mut rows).ok_or_else(|| Error::internal("the account vanished while reading its hierarchy"))
}
