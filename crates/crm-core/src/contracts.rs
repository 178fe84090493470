//! Contracts with an account: start, term in months, end date (given or derived from the term),
//! value, status draft → active → expired or terminated, the opportunity or quote they came from,
//! and a renewal reminder N days before the end (`due_for_renewal`, shown on the home screen; a
//! renewal task for the owner, due that day, is planned when the contract becomes active).

use crate::documents::{self, link, status_str};
use crate::error::{Error, Result};
use crate::fields::{check_len, clean_tags, trimmed, MAX_TEXT};
use crate::list::{keyset_page, KeysetQuery, ListFilters, Page, SortColumn};
use crate::patch::apply_patch;
use crate::write::{check_live, Fields, RecordKind, SearchSpec, Writer};
use crate::IdArgs;
use chrono::{Days, Months, NaiveDate};
use rusqlite::Connection;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

pub static CONTRACT: RecordKind = RecordKind {
    name: "contract",
    table: "contracts",
    json_columns: &["tags"],
    derived: &["remind_on"],
    tagged: true,
    search: Some(SearchSpec {
        table: "contracts_fts",
        columns: &["number", "other"],
        source: &["number", "subject"],
        document: |f| documents::search_document(f, &["subject"]),
    }),
};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ContractStatus {
    #[default]
    Draft,
    Active,
    Expired,
    Terminated,
}

impl ContractStatus {
    pub fn next(self) -> &'static [ContractStatus] {
        use ContractStatus::*;
        match self {
            Draft => &[Active, Terminated],
            Active => &[Expired, Terminated],
            Expired | Terminated => &[],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct ContractInput {
    pub subject: String,
    pub account_id: String,
    pub opportunity_id: Option<String>,
    pub quote_id: Option<String>,
    /// ISO date.
    pub start_date: String,
    /// The end date is derived from it when none is given.
    pub term_months: Option<u32>,
    /// ISO date, the last day of the contract; empty is derived from the term.
    pub end_date: Option<String>,
    #[ts(type = "string")]
    pub value: Decimal,
    /// ISO 4217; empty takes the company's default currency.
    pub currency: String,
    /// Remind this many days before the end.
    pub reminder_days: u32,
    pub description: String,
    pub tags: Vec<String>,
}

impl Default for ContractInput {
    fn default() -> Self {
        ContractInput {
            subject: String::new(),
            account_id: String::new(),
            opportunity_id: None,
            quote_id: None,
            start_date: String::new(),
            term_months: None,
            end_date: None,
            value: Decimal::ZERO,
            currency: String::new(),
            reminder_days: 30,
            description: String::new(),
            tags: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Contract {
    pub id: String,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
    pub owner_id: Option<String>,
    /// C-00001, C-00002, …
    pub number: String,
    pub status: ContractStatus,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: ContractInput,
    /// The end date less the reminder days.
    pub remind_on: String,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ContractUpdate {
    pub id: String,
    #[ts(type = "Partial<ContractInput>")]
    pub changes: serde_json::Map<String, Value>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ContractStatusChange {
    pub id: String,
    pub status: ContractStatus,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct ContractListQuery {
    pub desc: bool,
    pub after: Option<String>,
    pub limit: u32,
    pub q: String,
    #[ts(optional = nullable)]
    pub status: Option<ContractStatus>,
    #[ts(optional = nullable)]
    pub tag: Option<String>,
    /// Owner and field conditions (account_id, opportunity_id, quote_id, currency, end_date).
    #[serde(flatten)]
    #[ts(flatten)]
    pub filters: ListFilters,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct RenewalQuery {
    /// ISO date to judge by; empty is today.
    pub today: String,
    pub limit: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ContractRow {
    pub id: String,
    pub number: String,
    pub subject: String,
    pub status: ContractStatus,
    pub account_id: String,
    pub start_date: String,
    pub end_date: String,
    #[ts(type = "string")]
    pub value: Decimal,
    pub currency: String,
    pub remind_on: String,
}

/// Validates a contract; returns it with its end date filled in and the reminder date.
pub fn validate(conn: &Connection, input: &ContractInput) -> Result<(ContractInput, NaiveDate)> {
    let mut c = ContractInput {
        subject: trimmed(&input.subject),
        account_id: input.account_id.trim().to_owned(),
        opportunity_id: link(&input.opportunity_id),
        quote_id: link(&input.quote_id),
        currency: input.currency.trim().to_uppercase(),
        description: input.description.trim_end().to_owned(),
        tags: clean_tags(&input.tags)?,
        ..input.clone()
    };
    if c.subject.is_empty() {
        return Err(Error::invalid("subject", "A contract needs a subject"));
    }
    check_len("subject", &c.subject, MAX_TEXT)?;
    check_len("description", &c.description, 20_000)?;
    if c.account_id.is_empty() {
        return Err(Error::invalid("account_id", "A contract is with an account"));
    }
    check_live(conn, &crate::accounts::ACCOUNT, &c.account_id, "account_id")?;
    if let Some(id) = &c.opportunity_id {
        check_live(conn, &crate::opportunities::OPPORTUNITY, id, "opportunity_id")?;
    }
    if let Some(id) = &c.quote_id {
        check_live(conn, &crate::quotes::QUOTE, id, "quote_id")?;
    }
    let start = documents::date("start_date", &c.start_date)?;
    c.start_date = start.to_string();
    let end = match (link(&c.end_date), c.term_months) {
        (Some(end), _) => documents::date("end_date", &end)?,
        (None, Some(months @ 1..=1200)) => start
            .checked_add_months(Months::new(months))
            .and_then(|d| d.checked_sub_days(Days::new(1)))
            .ok_or_else(|| Error::invalid("term_months", "The term runs past the calendar"))?,
        (None, Some(_)) => return Err(Error::invalid("term_months", "A term is 1 to 1200 months")),
        (None, None) => return Err(Error::invalid("end_date", "A contract needs an end date or a term")),
    };
    if end < start {
        return Err(Error::invalid("end_date", "The contract ends before it starts"));
    }
    c.end_date = Some(end.to_string());
    if c.currency.is_empty() {
        c.currency = crate::settings::get(conn, crate::NoArgs {})?.default_currency;
    }
    let Some(minor) = crate::currency::minor_units(&c.currency) else {
        return Err(Error::invalid("currency", format!("{:?} is not an ISO 4217 currency code", c.currency)));
    };
    if c.value < Decimal::ZERO || c.value.normalize().scale() > minor {
        return Err(Error::invalid("value", format!("A contract's value is a positive amount of {}", c.currency)));
    }
    if c.reminder_days > 3650 {
        return Err(Error::invalid("reminder_days", "A reminder is at most ten years before the end"));
    }
    let remind_on = end - Days::new(c.reminder_days.into());
    Ok((c, remind_on))
}

fn fields(c: &ContractInput, remind_on: NaiveDate) -> Result<Fields> {
    let Value::Object(mut fields) = serde_json::to_value(c)? else {
        return Err(Error::internal("contract did not serialise to an object"));
    };
    fields.insert("remind_on".into(), Value::String(remind_on.to_string()));
    Ok(fields)
}

pub fn get(conn: &Connection, args: IdArgs) -> Result<Contract> {
    documents::load(conn, &CONTRACT, &args.id)
}

pub fn create(w: &mut Writer, input: ContractInput) -> Result<Contract> {
    let (c, remind_on) = validate(w.conn(), &input)?;
    let (seq, number) = documents::next_number(w.conn(), &CONTRACT, "C")?;
    let mut fields = fields(&c, remind_on)?;
    fields.insert("seq".into(), Value::from(seq));
    fields.insert("number".into(), Value::String(number));
    fields.insert("status".into(), Value::String(status_str(ContractStatus::Draft)));
    fields.insert("owner_id".into(), Value::String(w.actor_id().to_owned()));
    let id = crate::new_id();
    w.insert(&CONTRACT, &id, fields)?;
    get(w.conn(), IdArgs { id })
}

fn live(conn: &Connection, id: &str) -> Result<Contract> {
    let contract = get(conn, IdArgs { id: id.to_owned() })?;
    documents::check_not_deleted(&CONTRACT, &contract.deleted_at)?;
    Ok(contract)
}

/// Changes a draft or active contract (an ended one stays as it was).
pub fn update(w: &mut Writer, args: ContractUpdate) -> Result<Contract> {
    let current = live(w.conn(), &args.id)?;
    if !matches!(current.status, ContractStatus::Draft | ContractStatus::Active) {
        return Err(Error::conflict(format!(
            "Contract {} is {}; it cannot be changed",
            current.number,
            status_str(current.status)
        )));
    }
    let mut next = apply_patch(&current.fields, args.changes.clone())?;
    if args.changes.contains_key("term_months") && !args.changes.contains_key("end_date") {
        next.end_date = None; // a new term moves the end date
    }
    let (c, remind_on) = validate(w.conn(), &next)?;
    w.update(&CONTRACT, &args.id, fields(&c, remind_on)?)?;
    get(w.conn(), IdArgs { id: args.id })
}

/// Moves a contract: draft → active → expired; terminated from draft or active.
pub fn set_status(w: &mut Writer, args: ContractStatusChange) -> Result<Contract> {
    let contract = live(w.conn(), &args.id)?;
    documents::check_move(
        &format!("Contract {}", contract.number),
        contract.status,
        args.status,
        contract.status.next(),
    )?;
    let mut fields = Fields::new();
    fields.insert("status".into(), Value::String(status_str(args.status)));
    w.update(&CONTRACT, &args.id, fields)?;
    let contract = get(w.conn(), IdArgs { id: args.id })?;
    if args.status == ContractStatus::Active {
        renewal_task(w, &contract)?;
    }
    Ok(contract)
}

/// The task that reminds the contract's owner to renew it, due on its reminder day; made when
/// the contract becomes active, in the same transaction.
fn renewal_task(w: &mut Writer, contract: &Contract) -> Result<()> {
    let subject = format!("Renew contract {}: {}", contract.number, contract.fields.subject);
    crate::tasks::create(
        w,
        crate::tasks::TaskInput {
            subject: subject.chars().take(200).collect(),
            due_date: Some(contract.remind_on.clone()),
            record: Some(crate::activities::RecordLink { record_type: "contract".into(), id: contract.id.clone() }),
            owner_id: contract.owner_id.clone(),
            ..Default::default()
        },
    )?;
    Ok(())
}

/// Deletes a draft contract.
pub fn delete(w: &mut Writer, args: IdArgs) -> Result<Contract> {
    let contract = live(w.conn(), &args.id)?;
    if contract.status != ContractStatus::Draft {
        return Err(Error::conflict(format!(
            "Contract {} is {}; only a draft can be deleted",
            contract.number,
            status_str(contract.status)
        )));
    }
    w.delete(&CONTRACT, &args.id)?;
    get(w.conn(), args)
}

pub fn restore(w: &mut Writer, args: IdArgs) -> Result<Contract> {
    w.restore(&CONTRACT, &args.id)?;
    get(w.conn(), args)
}

const ROW_COLUMNS: &[&str] =
    &["id", "number", "subject", "status", "account_id", "start_date", "end_date", "value", "currency", "remind_on"];

pub fn list(conn: &Connection, query: ContractListQuery) -> Result<Page<ContractRow>> {
    let status = query.status.map(status_str);
    let page = keyset_page(
        conn,
        KeysetQuery {
            kind: &CONTRACT,
            columns: &ROW_COLUMNS.join(", "),
            sort: SortColumn::text("number"),
            desc: query.desc,
            after: query.after.as_deref(),
            limit: if query.limit == 0 { 100 } else { query.limit },
            q: &query.q,
            start_at: None,
            equals: status.as_deref().map(|s| ("status", s)),
            tag: query.tag.as_deref(),
            filters: &query.filters,
            filterable: &["account_id", "opportunity_id", "quote_id", "currency", "end_date", "start_date"],
        },
        |r| documents::from_row(&CONTRACT, ROW_COLUMNS, r),
    )?;
    Ok(page)
}

/// Active contracts whose reminder date has come, soonest end first: what the home screen shows.
pub fn due_for_renewal(conn: &Connection, query: RenewalQuery) -> Result<Vec<ContractRow>> {
    let today = match query.today.trim() {
        "" => documents::today_ms(crate::time::now_ms()),
        d => documents::date("today", d)?,
    };
    let limit = if query.limit == 0 { 50 } else { query.limit.min(500) };
    let sql = format!(
        "SELECT {} FROM contracts WHERE status = 'active' AND deleted_at IS NULL AND remind_on <= ?1
         ORDER BY end_date, id LIMIT ?2",
        ROW_COLUMNS.join(", ")
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map((today.to_string(), limit), |r| documents::from_row(&CONTRACT, ROW_COLUMNS, r))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
