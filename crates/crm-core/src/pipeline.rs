//! The pipeline's views: the opportunity list (every sort indexed, filters, totals and weighted
//! totals per currency), the archive of lost and stale deals, the funnel and the kanban board.
//!
//! Totals are exact: each deal stores its amount as an integer count of thousandths (`amount_key`,
//! see `currency::thousandths`), so SQLite sums integers over the index and the weighted total is
//! Σ amount_key × probability, read back as a Decimal with five decimals (thousandths × percent).

use crate::error::{Error, Result};
use crate::list::{filter_sql, keyset_page_where, Clause, KeysetQuery, ListFilters, SortColumn};
use crate::opportunities::OPPORTUNITY;
use crate::stages::{Stage, StageKind};
use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, Row};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OpportunitySort {
    #[default]
    Name,
    CloseDate,
    /// By the amount's number, whatever the currency (filter by currency to compare like with like).
    Amount,
    /// By the stage's place in the pipeline.
    Stage,
    Probability,
    Updated,
}

impl OpportunitySort {
    fn column(self) -> SortColumn {
        match self {
            OpportunitySort::Name => SortColumn::text("sort_name"),
            OpportunitySort::CloseDate => SortColumn::text("sort_close_date"),
            OpportunitySort::Amount => SortColumn::integer("amount_key"),
            OpportunitySort::Stage => SortColumn::integer("stage_rank"),
            OpportunitySort::Probability => SortColumn::integer("probability"),
            OpportunitySort::Updated => SortColumn::text("updated_at"),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct OpportunityListQuery {
    /// Name when left out.
    #[ts(as = "Option<OpportunitySort>", optional)]
    pub sort: OpportunitySort,
    pub desc: bool,
    pub after: Option<String>,
    pub limit: u32,
    pub q: String,
    /// Only the deals of this account.
    #[ts(optional = nullable)]
    pub account_id: Option<String>,
    /// Only deals in this stage.
    #[ts(optional = nullable)]
    pub stage: Option<String>,
    /// Only open, won or lost deals.
    #[ts(optional = nullable)]
    pub stage_kind: Option<StageKind>,
    /// Close date from (inclusive, ISO date).
    #[ts(optional = nullable)]
    pub close_from: Option<String>,
    /// Close date to (inclusive, ISO date).
    #[ts(optional = nullable)]
    pub close_to: Option<String>,
    /// Only records with this tag.
    #[ts(optional = nullable)]
    pub tag: Option<String>,
    /// Owner and field conditions.
    #[serde(flatten)]
    #[ts(flatten)]
    pub filters: ListFilters,
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
    pub updated_at: String,
}

/// The deals of one currency: how many, their amount and their amount weighted by probability.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CurrencyTotal {
    pub currency: String,
    pub count: u64,
    #[ts(type = "string")]
    pub amount: Decimal,
    #[ts(type = "string")]
    pub weighted: Decimal,
}

/// A page of the opportunity list; the first page also carries the totals of the whole filtered list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OpportunityPage {
    pub rows: Vec<OpportunityRow>,
    pub next: Option<String>,
    pub total: Option<u64>,
    /// Per currency, over every deal the filter matches; null on later pages.
    pub totals: Option<Vec<CurrencyTotal>>,
}

const ROW_COLUMNS: &str = "id, name, account_id, amount, currency, close_date, stage, probability, updated_at";

fn row(r: &Row) -> rusqlite::Result<OpportunityRow> {
    Ok(OpportunityRow {
        id: r.get(0)?,
        name: r.get(1)?,
        account_id: r.get(2)?,
        amount: r.get::<_, Option<String>>(3)?.and_then(|a| a.parse().ok()),
        currency: r.get(4)?,
        close_date: r.get(5)?,
        stage: r.get(6)?,
        probability: r.get(7)?,
        updated_at: r.get(8)?,
    })
}

fn date(field: &str, value: &Option<String>) -> Result<Option<String>> {
    match value.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        None => Ok(None),
        Some(d) => chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map(|_| Some(d.to_owned()))
            .map_err(|_| Error::invalid(field, format!("{d:?} is not a date (YYYY-MM-DD)"))),
    }
}

/// `stage IN (…)` for the stages of a kind. Most deals match, so the `+` keeps the planner on the
/// sort's index (or the covering totals index) instead of looking up every matching row by stage.
fn kind_clause(conn: &Connection, kind: StageKind) -> Result<Clause> {
    let keys = crate::stages::keys_of(conn, kind)?;
    let marks = vec!["?"; keys.len().max(1)].join(", ");
    let mut values: Vec<SqlValue> = keys.into_iter().map(SqlValue::Text).collect();
    if values.is_empty() {
        values.push(SqlValue::Null);
    }
    Ok((format!("+stage IN ({marks})"), values))
}

/// Close-date range clauses (inclusive).
fn close_clauses(from: &Option<String>, to: &Option<String>) -> Result<Vec<Clause>> {
    let mut clauses = Vec::new();
    if let Some(from) = date("close_from", from)? {
        clauses.push(("close_date >= ?".to_owned(), vec![SqlValue::Text(from)]));
    }
    if let Some(to) = date("close_to", to)? {
        clauses.push(("close_date <= ?".to_owned(), vec![SqlValue::Text(to)]));
    }
    Ok(clauses)
}

const FILTERABLE: &[&str] =
    &["name", "stage", "currency", "close_date", "lead_source", "contact_id", "campaign", "forecast_category"];

/// A page of opportunities in any sort; the first page with the totals of the filtered list.
pub fn list(conn: &Connection, query: OpportunityListQuery) -> Result<OpportunityPage> {
    let mut extra = close_clauses(&query.close_from, &query.close_to)?;
    if let Some(stage) = query.stage.as_deref().filter(|s| !s.is_empty()) {
        extra.push(("stage = ?".into(), vec![SqlValue::Text(stage.to_owned())]));
    }
    if let Some(kind) = query.stage_kind {
        extra.push(kind_clause(conn, kind)?);
    }
    let keyset = KeysetQuery {
        kind: &OPPORTUNITY,
        columns: ROW_COLUMNS,
        sort: query.sort.column(),
        desc: query.desc,
        after: query.after.as_deref(),
        limit: if query.limit == 0 { 100 } else { query.limit },
        q: &query.q,
        start_at: None,
        equals: query.account_id.as_deref().map(|a| ("account_id", a)),
        tag: query.tag.as_deref(),
        filters: &query.filters,
        filterable: FILTERABLE,
    };
    let totals = match query.after {
        Some(_) => None,
        None => Some(totals(conn, &keyset, &extra)?),
    };
    let total = totals.as_ref().map(|t| t.iter().map(|c| c.count).sum());
    let page = keyset_page_where(conn, keyset, &extra, false, row)?;
    Ok(OpportunityPage { rows: page.rows, next: page.next, total, totals })
}

/// Count, amount and weighted amount per currency of the rows the list's filter matches.
fn totals(conn: &Connection, query: &KeysetQuery, extra: &[Clause]) -> Result<Vec<CurrencyTotal>> {
    let (filter, params) = filter_sql(query, extra)?;
    let sql = format!(
        "SELECT currency, count(*), sum(amount_key), sum(amount_key * probability) FROM opportunities
         WHERE {filter} GROUP BY currency ORDER BY currency"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map(rusqlite::params_from_iter(&params), |r| {
            let (amount, weighted): (i64, i64) = (r.get(2)?, r.get(3)?);
            Ok(CurrencyTotal {
                currency: r.get(0)?,
                count: r.get::<_, i64>(1)? as u64,
                amount: money(r.get::<_, String>(0)?.as_str(), amount, 0),
                weighted: money(r.get::<_, String>(0)?.as_str(), weighted, 2),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// A sum of thousandths (× 10^extra_scale) as an exact amount, with at least the currency's decimals.
fn money(currency: &str, sum: i64, extra_scale: u32) -> Decimal {
    let mut amount = crate::currency::from_thousandths(sum as i128, extra_scale);
    let minor = crate::currency::minor_units(currency).unwrap_or(2);
    if amount.scale() < minor {
        amount.rescale(minor);
    }
    amount
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct ArchiveQuery {
    /// Open deals unchanged for this many days count as stale (default 30).
    #[ts(optional = nullable)]
    pub stale_days: Option<u32>,
    pub after: Option<String>,
    pub limit: u32,
    #[ts(optional = nullable)]
    pub owner_id: Option<String>,
}

/// Lost deals and stale open ones (unchanged for `stale_days`), the most recently changed first.
pub fn archive(conn: &Connection, query: ArchiveQuery) -> Result<crate::list::Page<OpportunityRow>> {
    let days = query.stale_days.unwrap_or(30);
    let cutoff = crate::time::rfc3339_from_ms(crate::time::now_ms() - i64::from(days) * 86_400_000);
    let (lost, mut values) = kind_clause(conn, StageKind::Lost)?;
    let (open, open_values) = kind_clause(conn, StageKind::Open)?;
    values.extend(open_values);
    values.push(SqlValue::Text(cutoff));
    let extra = [(format!("{lost} OR ({open} AND updated_at < ?)"), values)];
    let filters = ListFilters { owner_id: query.owner_id, conditions: None };
    keyset_page_where(
        conn,
        KeysetQuery {
            kind: &OPPORTUNITY,
            columns: ROW_COLUMNS,
            sort: SortColumn::text("updated_at"),
            desc: true,
            after: query.after.as_deref(),
            limit: if query.limit == 0 { 100 } else { query.limit },
            q: "",
            start_at: None,
            equals: None,
            tag: None,
            filters: &filters,
            filterable: &[],
        },
        &extra,
        true,
        row,
    )
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct FunnelQuery {
    #[ts(optional = nullable)]
    pub owner_id: Option<String>,
    #[ts(optional = nullable)]
    pub close_from: Option<String>,
    #[ts(optional = nullable)]
    pub close_to: Option<String>,
}

/// Deals of one currency in a stage.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StageAmount {
    pub currency: String,
    pub count: u64,
    #[ts(type = "string")]
    pub amount: Decimal,
    /// Σ amount × the deal's probability, as in the list's totals.
    #[ts(type = "string")]
    pub weighted: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FunnelStage {
    pub stage: Stage,
    pub count: u64,
    /// Per currency, by currency code.
    pub amounts: Vec<StageAmount>,
}

/// Count and amount per stage (per currency) of the open deals, every open stage in order.
pub fn funnel(conn: &Connection, query: FunnelQuery) -> Result<Vec<FunnelStage>> {
    let mut extra = close_clauses(&query.close_from, &query.close_to)?;
    if let Some(owner) = query.owner_id.filter(|o| !o.is_empty()) {
        extra.push(("owner_id = ?".into(), vec![SqlValue::Text(owner)]));
    }
    extra.push(kind_clause(conn, StageKind::Open)?);
    let stages: Vec<Stage> =
        crate::stages::list(conn, crate::NoArgs {})?.into_iter().filter(|s| s.kind == StageKind::Open).collect();
    let amounts = stage_amounts(conn, &extra)?;
    Ok(stages
        .into_iter()
        .map(|stage| {
            let (count, amounts) = of_stage(&amounts, &stage.key);
            FunnelStage { count, amounts, stage }
        })
        .collect())
}

/// (stage, count and amount per currency) of the live deals the clauses match.
fn stage_amounts(conn: &Connection, extra: &[Clause]) -> Result<Vec<(String, StageAmount)>> {
    let (mut filter, mut params) = (String::from("deleted_at IS NULL"), Vec::new());
    crate::list::append_clauses(&mut filter, &mut params, extra)?;
    let sql = format!(
        "SELECT stage, currency, count(*), sum(amount_key), sum(amount_key * probability) FROM opportunities
         WHERE {filter} GROUP BY stage, currency ORDER BY stage, currency"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map(rusqlite::params_from_iter(&params), |r| {
            let currency: String = r.get(1)?;
            let (amount, weighted) = (money(&currency, r.get(3)?, 0), money(&currency, r.get(4)?, 2));
            Ok((r.get(0)?, StageAmount { currency, count: r.get::<_, i64>(2)? as u64, amount, weighted }))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// One stage's deal count and amounts per currency, from `stage_amounts`.
fn of_stage(all: &[(String, StageAmount)], stage: &str) -> (u64, Vec<StageAmount>) {
    let amounts: Vec<StageAmount> = all.iter().filter(|(key, _)| key == stage).map(|(_, a)| a.clone()).collect();
    (amounts.iter().map(|a| a.count).sum(), amounts)
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct BoardQuery {
    /// Cards per column (default 20, at most 200); the rest come from `opportunity_list` with the stage.
    pub cards: u32,
    #[ts(optional = nullable)]
    pub owner_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BoardColumn {
    pub stage: Stage,
    pub count: u64,
    pub amounts: Vec<StageAmount>,
    /// The first deals by close date (those without one first).
    pub cards: Vec<OpportunityRow>,
}

/// The kanban: every stage in order with its count, amounts per currency and first cards.
pub fn board(conn: &Connection, query: BoardQuery) -> Result<Vec<BoardColumn>> {
    let limit = if query.cards == 0 { 20 } else { query.cards.min(200) };
    let mut extra = Vec::new();
    if let Some(owner) = query.owner_id.filter(|o| !o.is_empty()) {
        extra.push(("owner_id = ?".to_owned(), vec![SqlValue::Text(owner)]));
    }
    let amounts = stage_amounts(conn, &extra)?;
    let owner_sql = if extra.is_empty() { "" } else { " AND owner_id = ?3" };
    let sql = format!(
        "SELECT {ROW_COLUMNS} FROM opportunities WHERE deleted_at IS NULL AND stage = ?1{owner_sql}
         ORDER BY sort_close_date, id LIMIT ?2"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut columns = Vec::new();
    for stage in crate::stages::list(conn, crate::NoArgs {})? {
        let mut params = vec![SqlValue::Text(stage.key.clone()), SqlValue::Integer(limit.into())];
        params.extend(extra.iter().flat_map(|(_, v)| v.iter().cloned()));
        let cards = stmt.query_map(rusqlite::params_from_iter(&params), row)?.collect::<rusqlite::Result<_>>()?;
        let (count, amounts) = of_stage(&amounts, &stage.key);
        columns.push(BoardColumn { count, amounts, cards, stage });
    }
    Ok(columns)
}
