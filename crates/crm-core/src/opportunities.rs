//! Opportunities: the deals in the pipeline. This module holds what lead
//! conversion needs (name, account, contact, amount, close date, stage).

use crate::error::{Error, Result};
use crate::fields::{check_len, trimmed, MAX_TEXT};
use crate::list::{keyset_page, KeysetQuery, Page, SortColumn};
use crate::patch::apply_patch;
use crate::text::fold;
use crate::write::{Fields, RecordKind, SearchSpec, Writer};
use crate::IdArgs;
use rusqlite::{Connection, OptionalExtension, Row};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

pub static OPPORTUNITY: RecordKind = RecordKind {
    name: "opportunity",
    table: "opportunities",
    json_columns: &["tags", "line_items"],
    derived: &["sort_name"],
    tagged: true,
    search: Some(SearchSpec {
        table: "opportunities_fts",
        columns: &["name", "other"],
        source: &["name", "stage", "description"],
        document: |f| {
            let text = |k: &str| f.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
            vec![text("name"), [text("stage"), text("description")].join(" ")]
        },
    }),
};

/// A sales stage: its key, name, default probability and whether it closes the deal.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
pub struct Stage {
    pub key: &'static str,
    pub name: &'static str,
    pub probability: u8,
    pub closed: bool,
    pub won: bool,
}

/// The default sales process (the stages of the seed processes).
pub const STAGES: &[Stage] = &[
    Stage { key: "prospecting", name: "Prospecting", probability: 10, closed: false, won: false },
    Stage { key: "qualification", name: "Qualification", probability: 20, closed: false, won: false },
    Stage { key: "needs_analysis", name: "Needs analysis", probability: 40, closed: false, won: false },
    Stage { key: "proposal", name: "Proposal", probability: 60, closed: false, won: false },
    Stage { key: "negotiation", name: "Negotiation", probability: 80, closed: false, won: false },
    Stage { key: "closed_won", name: "Closed won", probability: 100, closed: true, won: true },
    Stage { key: "closed_lost", name: "Closed lost", probability: 0, closed: true, won: false },
];

pub fn stage(key: &str) -> Option<&'static Stage> {
    STAGES.iter().find(|s| s.key == key)
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct OpportunityInput {
    pub name: String,
    pub account_id: String,
    pub contact_id: Option<String>,
    /// Decimal text in `currency`, e.g. "12500.00".
    #[ts(type = "string | null")]
    pub amount: Option<Decimal>,
    /// ISO 4217; empty takes the company's default currency.
    pub currency: String,
    /// ISO date.
    pub close_date: Option<String>,
    /// A stage key; empty is the first stage.
    pub stage: String,
    /// 0–100; null takes the stage's probability.
    pub probability: Option<u8>,
    pub lead_source: String,
    pub description: String,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Opportunity {
    pub id: String,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
    pub owner_id: Option<String>,
    /// The lead this deal was converted from.
    pub lead_id: Option<String>,
    /// Products and services with their totals; while there are lines, the amount is their grand total.
    #[ts(optional = nullable)]
    pub line_items: Option<crate::opportunity_lines::LineItems>,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: OpportunityInput,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct OpportunityUpdate {
    pub id: String,
    #[ts(type = "Partial<OpportunityInput>")]
    pub changes: serde_json::Map<String, Value>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct OpportunityListQuery {
    pub desc: bool,
    pub after: Option<String>,
    pub limit: u32,
    pub q: String,
    /// Only the deals of this account.
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

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OpportunityRow {
    pub id: String,
    pub name: String,
    pub account_id: String,
    #[ts(type = "string | null")]
    pub amount: Option<Decimal>,
    pub currency: String,
    pub close_date: Option<String>,
    pub stage: String,
    pub probability: u8,
}

/// Validates and completes input (currency and probability defaults).
pub fn validate(conn: &Connection, input: &OpportunityInput) -> Result<OpportunityInput> {
    let mut o = OpportunityInput {
        name: trimmed(&input.name),
        account_id: trimmed(&input.account_id),
        contact_id: input.contact_id.as_deref().map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned),
        amount: input.amount,
        currency: input.currency.trim().to_uppercase(),
        close_date: input.close_date.as_deref().map(str::trim).filter(|d| !d.is_empty()).map(str::to_owned),
        stage: trimmed(&input.stage),
        probability: input.probability,
        lead_source: trimmed(&input.lead_source),
        description: input.description.trim_end().to_owned(),
        tags: crate::fields::clean_tags(&input.tags)?,
    };
    if o.name.is_empty() {
        return Err(Error::invalid("name", "Opportunity name is required"));
    }
    check_len("name", &o.name, MAX_TEXT)?;
    if o.account_id.is_empty() {
        return Err(Error::invalid("account_id", "An opportunity belongs to an account"));
    }
    crate::write::check_live(conn, &crate::accounts::ACCOUNT, &o.account_id, "account_id")?;
    if let Some(contact) = &o.contact_id {
        crate::write::check_live(conn, &crate::contacts::CONTACT, contact, "contact_id")?;
    }
    if o.currency.is_empty() {
        o.currency = crate::settings::get(conn, crate::NoArgs {})?.default_currency;
    }
    let Some(minor) = crate::currency::minor_units(&o.currency) else {
        return Err(Error::invalid("currency", format!("{:?} is not an ISO 4217 currency code", o.currency)));
    };
    if let Some(amount) = o.amount {
        if amount.is_sign_negative() {
            return Err(Error::invalid("amount", "The amount cannot be negative"));
        }
        if amount.normalize().scale() > minor {
            return Err(Error::invalid("amount", format!("{} allows {minor} decimals", o.currency)));
        }
        let mut exact = amount;
        exact.rescale(minor); // shown with the currency's decimals: 1000.5 EUR is 1000.50
        o.amount = Some(exact);
    }
    if let Some(date) = &o.close_date {
        chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .map_err(|_| Error::invalid("close_date", format!("{date:?} is not a date (YYYY-MM-DD)")))?;
    }
    if o.stage.is_empty() {
        o.stage = STAGES[0].key.into();
    }
    let Some(stage) = stage(&o.stage) else {
        return Err(Error::invalid("stage", format!("{:?} is not a sales stage", o.stage)));
    };
    match o.probability {
        None => o.probability = Some(stage.probability),
        Some(p) if p > 100 => return Err(Error::invalid("probability", "Probability is a percentage, 0 to 100")),
        Some(_) => {}
    }
    Ok(o)
}

fn to_fields(o: &OpportunityInput) -> Result<Fields> {
    let Value::Object(mut fields) = serde_json::to_value(o)? else {
        return Err(Error::internal("opportunity did not serialise to an object"));
    };
    fields.insert("sort_name".into(), Value::String(fold(&o.name)));
    Ok(fields)
}

const SELECT: &str = "SELECT id, created_at, updated_at, deleted_at, owner_id, lead_id, name, account_id, contact_id,
    amount, currency, close_date, stage, probability, lead_source, description, tags, line_items FROM opportunities";

fn from_row(r: &Row) -> rusqlite::Result<Opportunity> {
    let amount: Option<String> = r.get(9)?;
    Ok(Opportunity {
        id: r.get(0)?,
        created_at: r.get(1)?,
        updated_at: r.get(2)?,
        deleted_at: r.get(3)?,
        owner_id: r.get(4)?,
        lead_id: r.get(5)?,
        line_items: match r.get::<_, Option<String>>(17)? {
            Some(text) => Some(serde_json::from_str(&text).map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(17, rusqlite::types::Type::Text, Box::new(e))
            })?),
            None => None,
        },
        fields: OpportunityInput {
            name: r.get(6)?,
            account_id: r.get(7)?,
            contact_id: r.get(8)?,
            amount: amount.and_then(|a| a.parse().ok()),
            currency: r.get(10)?,
            close_date: r.get(11)?,
            stage: r.get(12)?,
            probability: r.get(13)?,
            lead_source: r.get(14)?,
            description: r.get(15)?,
            tags: serde_json::from_str(&r.get::<_, String>(16)?)
                .map_err(|e| rusqlite::Error::FromSqlConversionFailure(16, rusqlite::types::Type::Text, Box::new(e)))?,
        },
    })
}

pub fn get(conn: &Connection, args: IdArgs) -> Result<Opportunity> {
    conn.prepare_cached(&format!("{SELECT} WHERE id = ?1"))?
        .query_row([&args.id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("opportunity", &args.id))
}

pub fn create(w: &mut Writer, input: OpportunityInput) -> Result<Opportunity> {
    create_from_lead(w, input, None)
}

/// Creates an opportunity, remembering the lead it came from.
pub(crate) fn create_from_lead(w: &mut Writer, input: OpportunityInput, lead_id: Option<&str>) -> Result<Opportunity> {
    let id = crate::new_id();
    let mut fields = to_fields(&validate(w.conn(), &input)?)?;
    fields.insert("owner_id".into(), Value::String(w.actor_id().to_owned()));
    if let Some(lead) = lead_id {
        fields.insert("lead_id".into(), Value::String(lead.to_owned()));
    }
    w.insert(&OPPORTUNITY, &id, fields)?;
    get(w.conn(), IdArgs { id })
}

pub fn update(w: &mut Writer, args: OpportunityUpdate) -> Result<Opportunity> {
    let current = get(w.conn(), IdArgs { id: args.id.clone() })?;
    if current.deleted_at.is_some() {
        return Err(Error::conflict("This opportunity was deleted; restore it before editing"));
    }
    let stage_changed = args.changes.contains_key("stage") && !args.changes.contains_key("probability");
    let mut next = apply_patch(&current.fields, args.changes)?;
    if stage_changed && next.stage != current.fields.stage {
        next.probability = None; // a new stage brings its own probability unless one is given
    }
    let next = validate(w.conn(), &next)?;
    if current.line_items.is_some() {
        // The lines' totals are in this currency and make the amount.
        if next.currency != current.fields.currency {
            return Err(Error::invalid("currency", "The opportunity has lines in its currency; remove them first"));
        }
        if next.amount != current.fields.amount {
            return Err(Error::invalid("amount", "The amount is the total of the opportunity's lines"));
        }
    }
    w.update(&OPPORTUNITY, &args.id, to_fields(&next)?)?;
    get(w.conn(), IdArgs { id: args.id })
}

pub fn delete(w: &mut Writer, args: IdArgs) -> Result<Opportunity> {
    w.delete(&OPPORTUNITY, &args.id)?;
    get(w.conn(), args)
}

pub fn restore(w: &mut Writer, args: IdArgs) -> Result<Opportunity> {
    w.restore(&OPPORTUNITY, &args.id)?;
    get(w.conn(), args)
}

pub fn list(conn: &Connection, query: OpportunityListQuery) -> Result<Page<OpportunityRow>> {
    keyset_page(
        conn,
        KeysetQuery {
            kind: &OPPORTUNITY,
            columns: "id, name, account_id, amount, currency, close_date, stage, probability",
            sort: SortColumn::text("sort_name"),
            desc: query.desc,
            after: query.after.as_deref(),
            limit: if query.limit == 0 { 100 } else { query.limit },
            q: &query.q,
            start_at: None,
            equals: query.account_id.as_deref().map(|a| ("account_id", a)),
            tag: query.tag.as_deref(),
            filters: &query.filters,
            filterable: &["name", "stage", "currency", "close_date", "lead_source", "contact_id"],
        },
        |r| {
            Ok(OpportunityRow {
                id: r.get(0)?,
                name: r.get(1)?,
                account_id: r.get(2)?,
                amount: r.get::<_, Option<String>>(3)?.and_then(|a| a.parse().ok()),
                currency: r.get(4)?,
                close_date: r.get(5)?,
                stage: r.get(6)?,
                probability: r.get(7)?,
            })
        },
    )
}

/// The sales stages, in order.
pub fn stages(_: &Connection, _: crate::NoArgs) -> Result<Vec<Stage>> {
    Ok(STAGES.to_vec())
}
