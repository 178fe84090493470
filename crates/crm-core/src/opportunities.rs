//! Opportunities: the deals in the pipeline. A deal's stage comes from `stages`; entering a won or
//! lost stage closes it (dated, lost with a reason), every stage change is kept in `stage_history`.
//! Its lists, totals, funnel and board are in `pipeline`.

use crate::error::{Error, Result};
use crate::fields::{check_len, trimmed, MAX_TEXT};
use crate::patch::apply_patch;
use crate::stages::{Stage, StageKind};
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
    json_columns: &["tags", "line_items", "competitors"],
    derived: &["sort_name", "amount_key", "sort_close_date", "stage_rank"],
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

/// Where a deal counts in the forecast.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ForecastCategory {
    Pipeline,
    BestCase,
    Commit,
    /// Won deals.
    Closed,
    /// Lost deals, and open ones left out of the forecast.
    Omitted,
}

impl ForecastCategory {
    /// Won deals are closed, lost ones omitted; open ones by probability: 80 % and more commit,
    /// 50 % and more best case, below that pipeline.
    pub fn default_for(kind: StageKind, probability: u8) -> ForecastCategory {
        match kind {
            StageKind::Won => ForecastCategory::Closed,
            StageKind::Lost => ForecastCategory::Omitted,
            StageKind::Open if probability >= 80 => ForecastCategory::Commit,
            StageKind::Open if probability >= 50 => ForecastCategory::BestCase,
            StageKind::Open => ForecastCategory::Pipeline,
        }
    }
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
    /// A stage key; empty is the first open stage.
    pub stage: String,
    /// 0–100; null takes the stage's probability.
    pub probability: Option<u8>,
    /// Null takes the default of the stage and probability; won deals are always closed, lost ones omitted.
    #[ts(optional = nullable)]
    pub forecast_category: Option<ForecastCategory>,
    pub lead_source: String,
    /// The campaign that brought the deal.
    #[ts(as = "Option<String>", optional)]
    pub campaign: String,
    /// The partner (reseller, integrator) working the deal with us.
    #[ts(optional = nullable)]
    pub partner_account_id: Option<String>,
    #[ts(as = "Option<String>", optional)]
    pub next_step: String,
    #[ts(as = "Option<Vec<String>>", optional)]
    pub competitors: Vec<String>,
    /// Why the deal was won (kept while it is won).
    #[ts(as = "Option<String>", optional)]
    pub won_reason: String,
    /// Why the deal was lost: required when it moves to a lost stage, cleared when it re-opens.
    #[ts(as = "Option<String>", optional)]
    pub lost_reason: String,
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
    /// The day the deal was won or lost; null while it is open.
    pub closed_on: Option<String>,
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

/// Validates and completes input (currency, probability and forecast defaults, close reasons).
/// `previous` is the kind of the stage the deal was in (none for a new deal).
pub fn validate(
    conn: &Connection,
    input: &OpportunityInput,
    previous: Option<StageKind>,
) -> Result<(OpportunityInput, Stage)> {
    let optional = |v: &Option<String>| v.as_deref().map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned);
    let mut o = OpportunityInput {
        name: trimmed(&input.name),
        account_id: trimmed(&input.account_id),
        contact_id: optional(&input.contact_id),
        amount: input.amount,
        currency: input.currency.trim().to_uppercase(),
        close_date: optional(&input.close_date),
        stage: trimmed(&input.stage),
        probability: input.probability,
        forecast_category: input.forecast_category,
        lead_source: trimmed(&input.lead_source),
        campaign: trimmed(&input.campaign),
        partner_account_id: optional(&input.partner_account_id),
        next_step: trimmed(&input.next_step),
        competitors: clean_list("competitors", &input.competitors)?,
        won_reason: input.won_reason.trim().to_owned(),
        lost_reason: input.lost_reason.trim().to_owned(),
        description: input.description.trim_end().to_owned(),
        tags: crate::fields::clean_tags(&input.tags)?,
    };
    if o.name.is_empty() {
        return Err(Error::invalid("name", "Opportunity name is required"));
    }
    for (field, text) in [("name", &o.name), ("lead_source", &o.lead_source), ("campaign", &o.campaign)] {
        check_len(field, text, MAX_TEXT)?;
    }
    for (field, text) in [("next_step", &o.next_step), ("won_reason", &o.won_reason), ("lost_reason", &o.lost_reason)] {
        check_len(field, text, 2_000)?;
    }
    if o.account_id.is_empty() {
        return Err(Error::invalid("account_id", "An opportunity belongs to an account"));
    }
    crate::write::check_live(conn, &crate::accounts::ACCOUNT, &o.account_id, "account_id")?;
    if let Some(contact) = &o.contact_id {
        crate::write::check_live(conn, &crate::contacts::CONTACT, contact, "contact_id")?;
    }
    if let Some(partner) = &o.partner_account_id {
        crate::write::check_live(conn, &crate::accounts::ACCOUNT, partner, "partner_account_id")?;
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
        if amount >= MAX_AMOUNT {
            return Err(Error::invalid("amount", format!("The amount must be below {MAX_AMOUNT}")));
        }
        let mut exact = amount;
        exact.rescale(minor); // shown with the currency's decimals: 1000.5 EUR is 1000.50
        o.amount = Some(exact);
    }
    if let Some(date) = &o.close_date {
        chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .map_err(|_| Error::invalid("close_date", format!("{date:?} is not a date (YYYY-MM-DD)")))?;
    }
    let stage = if o.stage.is_empty() {
        crate::stages::list(conn, crate::NoArgs {})?
            .into_iter()
            .find(|s| s.kind == StageKind::Open)
            .ok_or_else(|| Error::internal("the pipeline has no open stage"))?
    } else {
        crate::stages::get(conn, &o.stage)?
            .ok_or_else(|| Error::invalid("stage", format!("{:?} is not a sales stage", o.stage)))?
    };
    o.stage = stage.key.clone();
    let probability = match o.probability {
        None => stage.probability,
        Some(p) if p > 100 => return Err(Error::invalid("probability", "Probability is a percentage, 0 to 100")),
        Some(p) => p,
    };
    o.probability = Some(probability);
    o.forecast_category = Some(match (stage.kind, o.forecast_category) {
        (StageKind::Open, Some(ForecastCategory::Closed)) => {
            return Err(Error::invalid("forecast_category", "Only a won deal is in the closed category"))
        }
        (StageKind::Open, Some(chosen)) => chosen,
        (kind, _) => ForecastCategory::default_for(kind, probability),
    });
    match stage.kind {
        StageKind::Open => {
            o.won_reason.clear();
            o.lost_reason.clear();
        }
        StageKind::Won => o.lost_reason.clear(),
        StageKind::Lost => {
            o.won_reason.clear();
            if o.lost_reason.is_empty() && previous != Some(StageKind::Lost) {
                return Err(Error::invalid("lost_reason", "Say why the deal was lost"));
            }
        }
    }
    Ok((o, stage))
}

/// Amounts stay below this so their thousandths (the sort key) and sums fit 64-bit integers.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0); // 10^15

/// Trimmed, non-empty, each once (case-insensitively), in the given order.
fn clean_list(field: &str, values: &[String]) -> Result<Vec<String>> {
    let mut clean: Vec<String> = Vec::new();
    for (i, v) in values.iter().map(|v| v.trim()).enumerate() {
        check_len(&format!("{field}[{i}]"), v, MAX_TEXT)?;
        if !v.is_empty() && !clean.iter().any(|c| fold(c) == fold(v)) {
            clean.push(v.to_owned());
        }
    }
    Ok(clean)
}

/// The amount's sort and sum key (thousandths; 0 without an amount), kept wherever the amount is written.
pub(crate) fn amount_key(amount: Option<Decimal>) -> Result<Value> {
    let key = amount.map_or(Some(0), crate::currency::thousandths);
    Ok(Value::from(key.ok_or_else(|| Error::invalid("amount", "The amount is too large"))?))
}

fn to_fields(o: &OpportunityInput, stage: &Stage) -> Result<Fields> {
    let Value::Object(mut fields) = serde_json::to_value(o)? else {
        return Err(Error::internal("opportunity did not serialise to an object"));
    };
    fields.insert("sort_name".into(), Value::String(fold(&o.name)));
    fields.insert("amount_key".into(), amount_key(o.amount)?);
    fields.insert("sort_close_date".into(), Value::String(o.close_date.clone().unwrap_or_default()));
    fields.insert("stage_rank".into(), Value::from(stage.position));
    Ok(fields)
}

const SELECT: &str = "SELECT id, created_at, updated_at, deleted_at, owner_id, lead_id, name, account_id, contact_id,
    amount, currency, close_date, stage, probability, lead_source, description, tags, line_items, forecast_category,
    campaign, partner_account_id, next_step, competitors, won_reason, lost_reason, closed_on FROM opportunities";

fn json<T: serde::de::DeserializeOwned>(r: &Row, i: usize) -> rusqlite::Result<T> {
    serde_json::from_str(&r.get::<_, String>(i)?)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
}

fn from_row(r: &Row) -> rusqlite::Result<Opportunity> {
    let amount: Option<String> = r.get(9)?;
    Ok(Opportunity {
        id: r.get(0)?,
        created_at: r.get(1)?,
        updated_at: r.get(2)?,
        deleted_at: r.get(3)?,
        owner_id: r.get(4)?,
        lead_id: r.get(5)?,
        closed_on: r.get(25)?,
        line_items: match r.get::<_, Option<String>>(17)? {
            Some(_) => Some(json(r, 17)?),
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
            forecast_category: serde_json::from_value(Value::String(r.get(18)?)).ok(),
            lead_source: r.get(14)?,
            campaign: r.get(19)?,
            partner_account_id: r.get(20)?,
            next_step: r.get(21)?,
            competitors: json(r, 22)?,
            won_reason: r.get(23)?,
            lost_reason: r.get(24)?,
            description: r.get(15)?,
            tags: json(r, 16)?,
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
    let (o, stage) = validate(w.conn(), &input, None)?;
    let mut fields = to_fields(&o, &stage)?;
    fields.insert("owner_id".into(), Value::String(w.actor_id().to_owned()));
    if stage.closed {
        fields.insert("closed_on".into(), Value::String(w.today().to_string()));
    }
    if let Some(lead) = lead_id {
        fields.insert("lead_id".into(), Value::String(lead.to_owned()));
    }
    w.insert(&OPPORTUNITY, &id, fields)?;
    crate::stage_history::record(w, &id, None, &o)?;
    get(w.conn(), IdArgs { id })
}

pub fn update(w: &mut Writer, args: OpportunityUpdate) -> Result<Opportunity> {
    let current = get(w.conn(), IdArgs { id: args.id.clone() })?;
    if current.deleted_at.is_some() {
        return Err(Error::conflict("This opportunity was deleted; restore it before editing"));
    }
    let given = |field: &str| args.changes.contains_key(field);
    let (probability_given, forecast_given) = (given("probability"), given("forecast_category"));
    let mut next = apply_patch(&current.fields, args.changes)?;
    let stage_changed = next.stage.trim() != current.fields.stage;
    if stage_changed && !probability_given {
        next.probability = None; // a new stage brings its own probability unless one is given
    }
    if (stage_changed || probability_given) && !forecast_given {
        next.forecast_category = None; // and its forecast category
    }
    let previous = crate::stages::get(w.conn(), &current.fields.stage)?.map(|s| s.kind);
    let (next, stage) = validate(w.conn(), &next, previous)?;
    if current.line_items.is_some() {
        // The lines' totals are in this currency and make the amount.
        if next.currency != current.fields.currency {
            return Err(Error::invalid("currency", "The opportunity has lines in its currency; remove them first"));
        }
        if next.amount != current.fields.amount {
            return Err(Error::invalid("amount", "The amount is the total of the opportunity's lines"));
        }
    }
    let mut fields = to_fields(&next, &stage)?;
    let closed_on = match (stage.kind, &current.closed_on) {
        (StageKind::Open, _) => None,
        (kind, Some(day)) if previous == Some(kind) => Some(day.clone()),
        _ => Some(w.today().to_string()), // closed now, or moved between won and lost
    };
    fields.insert("closed_on".into(), closed_on.map_or(Value::Null, Value::String));
    w.update(&OPPORTUNITY, &args.id, fields)?;
    if stage_changed {
        crate::stage_history::record(w, &args.id, Some(&current.fields.stage), &next)?;
    }
    get(w.conn(), IdArgs { id: args.id })
}

/// Moves a deal to another stage (its probability and forecast follow the stage).
pub(crate) fn move_stage(w: &mut Writer, id: &str, stage: &str) -> Result<Opportunity> {
    let mut changes = serde_json::Map::new();
    changes.insert("stage".into(), Value::String(stage.to_owned()));
    update(w, OpportunityUpdate { id: id.to_owned(), changes })
}

pub fn delete(w: &mut Writer, args: IdArgs) -> Result<Opportunity> {
    w.delete(&OPPORTUNITY, &args.id)?;
    get(w.conn(), args)
}

pub fn restore(w: &mut Writer, args: IdArgs) -> Result<Opportunity> {
    w.restore(&OPPORTUNITY, &args.id)?;
    let o = get(w.conn(), args)?;
    // The stages may have been reordered while it was deleted: its list position follows.
    if let Some(stage) = crate::stages::get(w.conn(), &o.fields.stage)? {
        let mut fields = Fields::new();
        fields.insert("stage_rank".into(), Value::from(stage.position));
        w.update(&OPPORTUNITY, &o.id, fields)?;
    }
    Ok(o)
}
