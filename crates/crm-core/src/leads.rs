//! Leads: prospects not yet qualified. Configurable required fields, a status
//! state machine, a qualification script whose answers drive a score, and
//! conversion into account + contact + opportunity in one step.

use crate::accounts::{self, AccountInput, AccountType, ACCOUNT};
use crate::contacts::{self, ContactInput, CONTACT};
use crate::error::{Error, Result};
use crate::fields::{
    check_len, clean_tags, clean_values, email_problem, external_id, phone_problem, primary, trimmed, Address, Doc,
    LabeledValue, MAX_TEXT,
};
use crate::list::{keyset_page, KeysetQuery, Page, SortColumn};
use crate::opportunities::{self, Opportunity, OpportunityInput};
use crate::patch::apply_patch;
use crate::text::{company_key, fold, phone_key};
use crate::write::{Fields, RecordKind, SearchSpec, Writer};
use crate::{IdArgs, NoArgs};
use rusqlite::{Connection, OptionalExtension, Row};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use ts_rs::TS;

pub static LEAD: RecordKind = RecordKind {
    name: "lead",
    table: "leads",
    json_columns: &["emails", "phones", "address", "answers", "tags"],
    derived: &["sort_name", "email", "sort_company"],
    tagged: true,
    search: Some(SearchSpec {
        table: "leads_fts",
        columns: &["name", "email", "phone", "other"],
        source: &["first_name", "last_name", "company", "title", "emails", "phones", "address"],
        document: search_document,
    }),
};

pub static LEAD_SETTINGS: RecordKind = RecordKind {
    name: "lead_settings",
    table: "lead_settings",
    json_columns: &["required_fields", "questions"],
    derived: &[],
    tagged: false,
    search: None,
};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LeadSource {
    Web,
    Phone,
    Email,
    Campaign,
    Partner,
    TradeShow,
    Referral,
    Import,
    #[default]
    Other,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LeadStatus {
    #[default]
    New,
    Contacted,
    Qualified,
    Disqualified,
    Converted,
}

impl LeadStatus {
    /// The statuses a lead may move to by hand (conversion has its own command).
    pub fn next(self) -> &'static [LeadStatus] {
        use LeadStatus::*;
        match self {
            New => &[Contacted, Qualified, Disqualified],
            Contacted => &[Qualified, Disqualified],
            Qualified => &[Contacted, Disqualified],
            Disqualified => &[New, Contacted],
            Converted => &[],
        }
    }
}

/// One answer a qualification question offers, worth some points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AnswerOption {
    pub value: String,
    pub label: String,
    pub points: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Question {
    pub id: String,
    pub text: String,
    pub answers: Vec<AnswerOption>,
}

/// How leads are qualified: the fields every lead needs and the question script.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct LeadSettings {
    pub required_fields: Vec<String>,
    pub questions: Vec<Question>,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct LeadSettingsUpdate {
    #[ts(type = "Partial<LeadSettings>")]
    pub changes: serde_json::Map<String, Value>,
}

fn question(id: &str, text: &str, answers: &[(&str, &str, u32)]) -> Question {
    Question {
        id: id.into(),
        text: text.into(),
        answers: answers
            .iter()
            .map(|(value, label, points)| AnswerOption {
                value: (*value).into(),
                label: (*label).into(),
                points: *points,
            })
            .collect(),
    }
}

impl Default for LeadSettings {
    /// Budget, authority, need, timing: the classic qualification.
    fn default() -> Self {
        LeadSettings {
            required_fields: vec!["last_name".into(), "company".into()],
            questions: vec![
                question(
                    "budget",
                    "Is there a budget for this purchase?",
                    &[("yes", "Yes, approved", 25), ("planned", "Planned", 15), ("no", "No budget", 0)],
                ),
                question(
                    "authority",
                    "Does the contact decide?",
                    &[("decides", "Decides", 25), ("influences", "Influences the decision", 15), ("none", "No say", 0)],
                ),
                question(
                    "need",
                    "How pressing is the need?",
                    &[("critical", "Critical", 25), ("important", "Important", 15), ("nice", "Nice to have", 5)],
                ),
                question(
                    "timing",
                    "When will they decide?",
                    &[
                        ("quarter", "Within 3 months", 25),
                        ("year", "Within a year", 10),
                        ("unknown", "Later or unknown", 0),
                    ],
                ),
            ],
        }
    }
}

/// Lead fields that can be made required.
const REQUIRABLE: &[&str] = &[
    "salutation",
    "first_name",
    "last_name",
    "title",
    "company",
    "industry",
    "website",
    "emails",
    "phones",
    "address",
    "rating",
    "description",
];

fn validate_settings(s: LeadSettings) -> Result<LeadSettings> {
    for field in &s.required_fields {
        if !REQUIRABLE.contains(&field.as_str()) {
            return Err(Error::invalid(
                "required_fields",
                format!("{field:?} is not a lead field that can be required"),
            ));
        }
    }
    let mut ids = std::collections::HashSet::new();
    for (i, q) in s.questions.iter().enumerate() {
        let field = format!("questions[{i}]");
        if q.id.trim().is_empty() || q.text.trim().is_empty() {
            return Err(Error::invalid(&field, "A question needs an id and a text"));
        }
        if !ids.insert(q.id.as_str()) {
            return Err(Error::invalid(&field, format!("Two questions have the id {:?}", q.id)));
        }
        if q.answers.is_empty() {
            return Err(Error::invalid(&field, format!("The question {:?} offers no answers", q.text)));
        }
        if q.answers.iter().any(|a| a.points > 100 || a.value.trim().is_empty()) {
            return Err(Error::invalid(&field, "Every answer needs a value and 0 to 100 points"));
        }
    }
    Ok(s)
}

pub fn settings_get(conn: &Connection, _: NoArgs) -> Result<LeadSettings> {
    let row: Option<(String, String)> = conn
        .prepare_cached("SELECT required_fields, questions FROM lead_settings WHERE id = 'leads'")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match row {
        None => Ok(LeadSettings::default()),
        Some((required, questions)) => Ok(LeadSettings {
            required_fields: serde_json::from_str(&required)?,
            questions: serde_json::from_str(&questions)?,
        }),
    }
}

pub fn settings_update(w: &mut Writer, args: LeadSettingsUpdate) -> Result<LeadSettings> {
    let current = settings_get(w.conn(), NoArgs {})?;
    let next = validate_settings(apply_patch(&current, args.changes)?)?;
    let Value::Object(fields) = serde_json::to_value(&next)? else {
        return Err(Error::internal("lead settings did not serialise to an object"));
    };
    let exists =
        w.conn().query_row("SELECT 1 FROM lead_settings WHERE id = 'leads'", [], |_| Ok(())).optional()?.is_some();
    if exists {
        w.update(&LEAD_SETTINGS, "leads", fields)?;
    } else {
        w.insert(&LEAD_SETTINGS, "leads", fields)?;
    }
    Ok(next)
}

/// The editable fields of a lead. Status moves through `lead_set_status` and `lead_convert`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct LeadInput {
    pub salutation: String,
    pub first_name: String,
    pub last_name: String,
    pub title: String,
    pub company: String,
    pub industry: String,
    pub website: String,
    pub emails: Vec<LabeledValue>,
    pub phones: Vec<LabeledValue>,
    pub address: Option<Address>,
    pub source: LeadSource,
    pub rating: Option<accounts::Rating>,
    pub description: String,
    /// Qualification answers: question id → answer value.
    pub answers: BTreeMap<String, String>,
    pub tags: Vec<String>,
    /// The record's id in the system it was imported from ("" for none); imports match by it.
    #[ts(as = "Option<String>", optional)]
    pub external_id: String,
}

/// One reason for a lead's score.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ScoreReason {
    pub reason: String,
    pub points: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Lead {
    pub id: String,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
    pub owner_id: Option<String>,
    pub display_name: String,
    pub status: LeadStatus,
    pub disqualified_reason: String,
    /// 0–100.
    pub score: u32,
    pub score_reasons: Vec<ScoreReason>,
    pub converted_at: Option<String>,
    pub converted_account_id: Option<String>,
    pub converted_contact_id: Option<String>,
    pub converted_opportunity_id: Option<String>,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: LeadInput,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct LeadUpdate {
    pub id: String,
    #[ts(type = "Partial<LeadInput>")]
    pub changes: serde_json::Map<String, Value>,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct LeadStatusChange {
    pub id: String,
    pub status: LeadStatus,
    /// Required when disqualifying.
    #[serde(default)]
    pub reason: String,
}

/// Scores a lead from its answers and its data; the reasons say why.
pub fn score(lead: &LeadInput, settings: &LeadSettings) -> (u32, Vec<ScoreReason>) {
    let mut reasons = Vec::new();
    for q in &settings.questions {
        if let Some(answer) = lead.answers.get(&q.id).and_then(|v| q.answers.iter().find(|a| &a.value == v)) {
            reasons.push(ScoreReason { reason: format!("{} {}", q.text, answer.label), points: answer.points });
        }
    }
    let facts: [(bool, &str, u32); 5] = [
        (!lead.emails.is_empty(), "Has an e-mail address", 3),
        (!lead.phones.is_empty(), "Has a phone number", 3),
        (lead.rating == Some(accounts::Rating::Hot), "Rated hot", 10),
        (lead.rating == Some(accounts::Rating::Warm), "Rated warm", 5),
        (matches!(lead.source, LeadSource::Referral | LeadSource::Partner), "Came by referral or partner", 5),
    ];
    reasons.extend(facts.iter().filter(|f| f.0).map(|f| ScoreReason { reason: f.1.into(), points: f.2 }));
    reasons.retain(|r| r.points > 0);
    // Answers can reach 100 on their own; data only tops up.
    let total = reasons.iter().map(|r| r.points).sum::<u32>().min(100);
    (total, reasons)
}

fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

pub fn validate(lead: &LeadInput, settings: &LeadSettings) -> Result<LeadInput> {
    let l = LeadInput {
        salutation: trimmed(&lead.salutation),
        first_name: trimmed(&lead.first_name),
        last_name: trimmed(&lead.last_name),
        title: trimmed(&lead.title),
        company: trimmed(&lead.company),
        industry: trimmed(&lead.industry),
        website: trimmed(&lead.website),
        emails: clean_values("emails", &lead.emails, email_problem)?,
        phones: clean_values("phones", &lead.phones, phone_problem)?,
        address: match &lead.address {
            Some(a) => a.clean("address")?,
            None => None,
        },
        source: lead.source,
        rating: lead.rating,
        description: lead.description.trim_end().to_owned(),
        answers: lead.answers.clone(),
        tags: clean_tags(&lead.tags)?,
        external_id: external_id(&lead.external_id)?,
    };
    let as_json = serde_json::to_value(&l)?;
    for field in &settings.required_fields {
        if as_json.get(field).is_none_or(is_blank) {
            return Err(Error::invalid(field, format!("{} is required for a lead", field.replace('_', " "))));
        }
    }
    if l.last_name.is_empty() && l.company.is_empty() {
        return Err(Error::invalid("last_name", "A lead needs a last name or a company"));
    }
    for (field, value) in [
        ("salutation", &l.salutation),
        ("first_name", &l.first_name),
        ("last_name", &l.last_name),
        ("title", &l.title),
        ("company", &l.company),
        ("industry", &l.industry),
        ("website", &l.website),
    ] {
        check_len(field, value, MAX_TEXT)?;
    }
    check_len("description", &l.description, 20_000)?;
    for (id, value) in &l.answers {
        let Some(q) = settings.questions.iter().find(|q| &q.id == id) else {
            return Err(Error::invalid("answers", format!("There is no qualification question {id:?}")));
        };
        if !q.answers.iter().any(|a| &a.value == value) {
            return Err(Error::invalid(
                &format!("answers.{id}"),
                format!("{value:?} is not an answer to {:?}", q.text),
            ));
        }
    }
    Ok(l)
}

fn to_fields(l: &LeadInput, settings: &LeadSettings) -> Result<Fields> {
    let Value::Object(mut fields) = serde_json::to_value(l)? else {
        return Err(Error::internal("lead did not serialise to an object"));
    };
    let name_key = if l.last_name.is_empty() {
        fold(&l.company)
    } else {
        format!("{}\u{1}{}", fold(&l.last_name), fold(&l.first_name))
    };
    fields.insert("sort_name".into(), Value::String(name_key));
    fields.insert("email".into(), Value::String(primary(&l.emails).to_lowercase()));
    fields.insert("sort_company".into(), Value::String(fold(&l.company)));
    fields.insert("score".into(), Value::from(score(l, settings).0));
    Ok(fields)
}

fn search_document(f: &Fields) -> Vec<String> {
    let d = Doc(f);
    vec![
        contacts::display_name(&d.text("first_name"), &d.text("last_name")),
        d.values("emails").join(" "),
        d.phones("phones"),
        [d.text("company"), d.text("title"), d.addresses("address")].join(" "),
    ]
}

const SELECT: &str =
    "SELECT id, created_at, updated_at, deleted_at, owner_id, status, disqualified_reason, converted_at,
    converted_account_id, converted_contact_id, converted_opportunity_id, salutation, first_name, last_name, title,
    company, industry, website, emails, phones, address, source, rating, description, answers, tags, external_id FROM leads";

fn json<T: serde::de::DeserializeOwned>(r: &Row, i: usize) -> rusqlite::Result<T> {
    let text: Option<String> = r.get(i)?;
    serde_json::from_str(text.as_deref().unwrap_or("null"))
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
}

fn plain<T: serde::de::DeserializeOwned + Default>(r: &Row, i: usize) -> rusqlite::Result<T> {
    let text: Option<String> = r.get(i)?;
    Ok(text.and_then(|t| serde_json::from_value(Value::String(t)).ok()).unwrap_or_default())
}

fn from_row(r: &Row, settings: &LeadSettings) -> rusqlite::Result<Lead> {
    let fields = LeadInput {
        salutation: r.get(11)?,
        first_name: r.get(12)?,
        last_name: r.get(13)?,
        title: r.get(14)?,
        company: r.get(15)?,
        industry: r.get(16)?,
        website: r.get(17)?,
        emails: json(r, 18)?,
        phones: json(r, 19)?,
        address: json(r, 20)?,
        source: plain(r, 21)?,
        rating: r.get::<_, Option<String>>(22)?.and_then(|t| serde_json::from_value(Value::String(t)).ok()),
        description: r.get(23)?,
        answers: json(r, 24)?,
        tags: json(r, 25)?,
        external_id: r.get(26)?,
    };
    let (score, score_reasons) = score(&fields, settings);
    Ok(Lead {
        id: r.get(0)?,
        created_at: r.get(1)?,
        updated_at: r.get(2)?,
        deleted_at: r.get(3)?,
        owner_id: r.get(4)?,
        display_name: match contacts::display_name(&fields.first_name, &fields.last_name) {
            name if name.is_empty() => fields.company.clone(),
            name => name,
        },
        status: plain(r, 5)?,
        disqualified_reason: r.get(6)?,
        score,
        score_reasons,
        converted_at: r.get(7)?,
        converted_account_id: r.get(8)?,
        converted_contact_id: r.get(9)?,
        converted_opportunity_id: r.get(10)?,
        fields,
    })
}

pub fn get(conn: &Connection, args: IdArgs) -> Result<Lead> {
    let settings = settings_get(conn, NoArgs {})?;
    conn.prepare_cached(&format!("{SELECT} WHERE id = ?1"))?
        .query_row([&args.id], |r| from_row(r, &settings))
        .optional()?
        .ok_or_else(|| Error::not_found("lead", &args.id))
}

pub fn create(w: &mut Writer, input: LeadInput) -> Result<Lead> {
    let id = crate::new_id();
    create_with_id(w, &id, &input)?;
    get(w.conn(), IdArgs { id })
}

pub fn create_with_id(w: &mut Writer, id: &str, input: &LeadInput) -> Result<()> {
    create_in_status(w, id, input, LeadStatus::New)
}

/// Creates a lead already worked on elsewhere (an import): in any status but converted,
/// which only conversion gives.
pub fn create_in_status(w: &mut Writer, id: &str, input: &LeadInput, status: LeadStatus) -> Result<()> {
    if status == LeadStatus::Converted {
        return Err(Error::invalid("status", "A lead becomes converted only by converting it"));
    }
    let settings = settings_get(w.conn(), NoArgs {})?;
    let mut fields = to_fields(&validate(input, &settings)?, &settings)?;
    fields.insert("owner_id".into(), Value::String(w.actor_id().to_owned()));
    if status != LeadStatus::New {
        fields.insert("status".into(), serde_json::to_value(status)?);
    }
    w.insert(&LEAD, id, fields)
}

/// A lead that can still change: live and not converted.
fn editable(conn: &Connection, id: &str) -> Result<Lead> {
    let lead = get(conn, IdArgs { id: id.into() })?;
    if lead.deleted_at.is_some() {
        return Err(Error::conflict("This lead was deleted; restore it first"));
    }
    if lead.status == LeadStatus::Converted {
        return Err(Error::conflict("This lead was converted; work on the account, contact and opportunity it became"));
    }
    Ok(lead)
}

pub fn update(w: &mut Writer, args: LeadUpdate) -> Result<Lead> {
    let current = editable(w.conn(), &args.id)?;
    let settings = settings_get(w.conn(), NoArgs {})?;
    let next = validate(&apply_patch(&current.fields, args.changes)?, &settings)?;
    w.update(&LEAD, &args.id, to_fields(&next, &settings)?)?;
    get(w.conn(), IdArgs { id: args.id })
}

pub fn set_status(w: &mut Writer, args: LeadStatusChange) -> Result<Lead> {
    let lead = editable(w.conn(), &args.id)?;
    if !lead.status.next().contains(&args.status) {
        let name = |s: LeadStatus| {
            serde_json::to_value(s).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
        };
        let hint = if args.status == LeadStatus::Converted { " (convert it with lead_convert)" } else { "" };
        return Err(Error::invalid(
            "status",
            format!("A {} lead cannot become {}{hint}", name(lead.status), name(args.status)),
        ));
    }
    let reason = args.reason.trim();
    if args.status == LeadStatus::Disqualified && reason.is_empty() {
        return Err(Error::invalid("reason", "Say why the lead is disqualified"));
    }
    let mut fields = Fields::new();
    fields.insert("status".into(), serde_json::to_value(args.status)?);
    let reason = if args.status == LeadStatus::Disqualified { reason } else { "" };
    fields.insert("disqualified_reason".into(), Value::String(reason.to_owned()));
    w.update(&LEAD, &args.id, fields)?;
    get(w.conn(), IdArgs { id: args.id })
}

pub fn delete(w: &mut Writer, args: IdArgs) -> Result<Lead> {
    w.delete(&LEAD, &args.id)?;
    get(w.conn(), args)
}

pub fn restore(w: &mut Writer, args: IdArgs) -> Result<Lead> {
    w.restore(&LEAD, &args.id)?;
    get(w.conn(), args)
}

/// Columns a lead list can be sorted by; each has its own index.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LeadSort {
    #[default]
    Name,
    Company,
    Email,
    /// The status's stored name (`contacted`, `converted`, …).
    Status,
    /// The source's stored name (`campaign`, `email`, …).
    Source,
    /// Numerically.
    Score,
    Updated,
}

impl LeadSort {
    fn column(self) -> SortColumn {
        match self {
            LeadSort::Name => SortColumn::text("sort_name"),
            LeadSort::Company => SortColumn::text("sort_company"),
            LeadSort::Email => SortColumn::text("email"),
            LeadSort::Status => SortColumn::text("status"),
            LeadSort::Source => SortColumn::text("source"),
            LeadSort::Score => SortColumn::integer("score"),
            LeadSort::Updated => SortColumn::text("updated_at"),
        }
    }

    /// `starts_with` in the form the sort column holds (scores have none).
    fn start_key(self, typed: &str) -> Option<String> {
        match self {
            LeadSort::Name | LeadSort::Company => Some(fold(typed)),
            LeadSort::Email => Some(typed.trim().to_lowercase()),
            LeadSort::Status | LeadSort::Source | LeadSort::Updated => Some(typed.trim().to_owned()),
            LeadSort::Score => None,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct LeadListQuery {
    pub sort: LeadSort,
    pub desc: bool,
    pub after: Option<String>,
    pub limit: u32,
    pub q: String,
    /// Start the list at the first row whose sort value starts with (or comes after) this text.
    #[ts(as = "Option<String>", optional)]
    pub starts_with: String,
    /// Only leads in this status.
    #[ts(optional = nullable)]
    pub status: Option<LeadStatus>,
    /// Only records with this tag.
    #[ts(optional = nullable)]
    pub tag: Option<String>,
    /// Owner and field conditions.
    #[serde(flatten)]
    #[ts(flatten)]
    pub filters: crate::list::ListFilters,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LeadRow {
    pub id: String,
    pub display_name: String,
    pub company: String,
    pub email: String,
    pub status: LeadStatus,
    pub source: LeadSource,
    pub score: u32,
    pub updated_at: String,
}

pub fn list(conn: &Connection, query: LeadListQuery) -> Result<Page<LeadRow>> {
    let status = query.status.map(serde_json::to_value).transpose()?.and_then(|v| v.as_str().map(str::to_owned));
    keyset_page(
        conn,
        KeysetQuery {
            kind: &LEAD,
            columns: "id, first_name, last_name, company, email, status, source, score, updated_at",
            sort: query.sort.column(),
            desc: query.desc,
            after: query.after.as_deref(),
            limit: if query.limit == 0 { 100 } else { query.limit },
            q: &query.q,
            start_at: query.sort.start_key(&query.starts_with),
            equals: status.as_deref().map(|s| ("status", s)),
            tag: query.tag.as_deref(),
            filters: &query.filters,
            filterable: &["first_name", "last_name", "company", "title", "industry", "email", "source", "rating"],
        },
        |r| {
            let (first, last, company): (String, String, String) = (r.get(1)?, r.get(2)?, r.get(3)?);
            let name = contacts::display_name(&first, &last);
            Ok(LeadRow {
                id: r.get(0)?,
                display_name: if name.is_empty() { company.clone() } else { name },
                company,
                email: r.get(4)?,
                status: plain(r, 5)?,
                source: plain(r, 6)?,
                score: r.get(7)?,
                updated_at: r.get(8)?,
            })
        },
    )
}

/// An existing record a lead matches, offered at conversion instead of a duplicate.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Match {
    pub id: String,
    pub name: String,
    /// What matched: `company name`, `e-mail` or `phone`.
    pub matched_by: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ConversionPreview {
    pub lead: Lead,
    pub accounts: Vec<Match>,
    pub contacts: Vec<Match>,
}

/// What conversion would create, and the existing accounts and contacts the lead matches.
pub fn convert_preview(conn: &Connection, args: IdArgs) -> Result<ConversionPreview> {
    let lead = editable(conn, &args.id)?;
    let mut accounts = Vec::new();
    let key = company_key(&lead.fields.company);
    if !key.is_empty() {
        let mut stmt = conn.prepare_cached(
            "SELECT id, name FROM accounts WHERE name_key = ?1 AND deleted_at IS NULL ORDER BY sort_name LIMIT 5",
        )?;
        for row in stmt.query_map([&key], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
            let (id, name) = row?;
            accounts.push(Match { id, name, matched_by: "company name".into() });
        }
    }
    let mut contacts = Vec::new();
    let mut add = |id: String, first: String, last: String, by: &str| {
        if !contacts.iter().any(|m: &Match| m.id == id) {
            contacts.push(Match { id, name: contacts::display_name(&first, &last), matched_by: by.into() });
        }
    };
    for email in &lead.fields.emails {
        let mut stmt = conn.prepare_cached(
            "SELECT id, first_name, last_name FROM contacts WHERE email = ?1 AND deleted_at IS NULL LIMIT 5",
        )?;
        for row in stmt.query_map([email.value.to_lowercase()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))? {
            let (id, first, last) = row?;
            add(id, first, last, "e-mail");
        }
    }
    for phone in &lead.fields.phones {
        let key = phone_key(&phone.value);
        if key.is_empty() {
            continue;
        }
        let mut stmt = conn.prepare_cached(
            "SELECT id, first_name, last_name FROM contacts WHERE phone_key = ?1 AND deleted_at IS NULL LIMIT 5",
        )?;
        for row in stmt.query_map([key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))? {
            let (id, first, last) = row?;
            add(id, first, last, "phone");
        }
    }
    Ok(ConversionPreview { lead, accounts, contacts })
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct LeadConversion {
    pub id: String,
    /// Use this existing account instead of creating one from the lead's company.
    #[ts(optional = nullable)]
    pub account_id: Option<String>,
    /// Use this existing contact instead of creating one from the lead's person.
    #[ts(optional = nullable)]
    pub contact_id: Option<String>,
    /// Leave out the opportunity (true when the lead is not a deal yet).
    pub no_opportunity: bool,
    /// The opportunity's name; empty takes the company (or person) name.
    pub opportunity_name: String,
    #[ts(type = "string | null")]
    pub amount: Option<Decimal>,
    #[ts(optional = nullable)]
    pub close_date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ConversionResult {
    pub lead: Lead,
    pub account: accounts::Account,
    pub contact: contacts::Contact,
    pub opportunity: Option<Opportunity>,
}

/// Turns a lead into account + contact + opportunity in one transaction,
/// reusing the existing account or contact the user picked. The lead keeps links
/// to what it became and cannot be converted again.
pub fn convert(w: &mut Writer, args: LeadConversion) -> Result<ConversionResult> {
    let lead = editable(w.conn(), &args.id)?;
    if lead.status == LeadStatus::Disqualified {
        return Err(Error::conflict("This lead is disqualified; reopen it before converting"));
    }
    let l = &lead.fields;
    let account = match &args.account_id {
        Some(id) => {
            crate::write::check_live(w.conn(), &ACCOUNT, id, "account_id")?;
            accounts::get(w.conn(), IdArgs { id: id.clone() })?
        }
        None => {
            let name = if l.company.is_empty() { lead.display_name.clone() } else { l.company.clone() };
            let input = AccountInput {
                name,
                account_type: AccountType::Prospect,
                industry: l.industry.clone(),
                website: l.website.clone(),
                billing_address: l.address.clone(),
                rating: l.rating,
                ..Default::default()
            };
            accounts::create(w, input)?
        }
    };
    let contact = match &args.contact_id {
        Some(id) => {
            crate::write::check_live(w.conn(), &CONTACT, id, "contact_id")?;
            contacts::get(w.conn(), IdArgs { id: id.clone() })?
        }
        None => {
            let input = ContactInput {
                account_id: Some(account.id.clone()),
                salutation: l.salutation.clone(),
                first_name: l.first_name.clone(),
                last_name: if l.last_name.is_empty() { l.company.clone() } else { l.last_name.clone() },
                title: l.title.clone(),
                emails: l.emails.clone(),
                phones: l.phones.clone(),
                addresses: l.address.iter().cloned().collect(),
                lead_source: serde_json::to_value(l.source)?.as_str().unwrap_or_default().to_owned(),
                notes: l.description.clone(),
                tags: l.tags.clone(),
                ..Default::default()
            };
            contacts::create(w, input)?
        }
    };
    let opportunity = if args.no_opportunity {
        None
    } else {
        let name = match args.opportunity_name.trim() {
            "" => account.fields.name.clone(),
            given => given.to_owned(),
        };
        let input = OpportunityInput {
            name,
            account_id: account.id.clone(),
            contact_id: Some(contact.id.clone()),
            amount: args.amount,
            close_date: args.close_date.clone(),
            lead_source: contact.fields.lead_source.clone(),
            description: l.description.clone(),
            ..Default::default()
        };
        Some(opportunities::create_from_lead(w, input, Some(&lead.id))?)
    };
    let mut fields = Fields::new();
    fields.insert("status".into(), serde_json::to_value(LeadStatus::Converted)?);
    fields.insert("converted_at".into(), Value::String(crate::time::now_rfc3339()));
    fields.insert("converted_account_id".into(), Value::String(account.id.clone()));
    fields.insert("converted_contact_id".into(), Value::String(contact.id.clone()));
    fields.insert(
        "converted_opportunity_id".into(),
        opportunity.as_ref().map_or(Value::Null, |o| Value::String(o.id.clone())),
    );
    w.update(&LEAD, &lead.id, fields)?;
    Ok(ConversionResult { lead: get(w.conn(), IdArgs { id: lead.id })?, account, contact, opportunity })
}
