//! Saved list views: a name for a list query (sort, filters, tag) and its columns.
//! A view's query is checked by the list it belongs to before it is saved.

use crate::bulk::ListType;
use crate::error::{Error, Result};
use crate::write::{Fields, RecordKind, Writer};
use crate::IdArgs;
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

pub static VIEW: RecordKind = RecordKind {
    name: "saved_view",
    table: "saved_views",
    json_columns: &["query", "columns"],
    derived: &[],
    tagged: false,
    search: None,
};

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ViewInput {
    pub record_type: ListType,
    pub name: String,
    /// The list query: the arguments of `contact_list`, `account_list`, … (its cursor is dropped).
    #[ts(type = "Record<string, unknown>")]
    pub query: serde_json::Map<String, Value>,
    #[serde(default)]
    pub columns: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct View {
    pub id: String,
    pub record_type: ListType,
    pub name: String,
    #[ts(type = "Record<string, unknown>")]
    pub query: serde_json::Map<String, Value>,
    pub columns: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ViewListQuery {
    pub record_type: ListType,
}

/// Runs the query once (first row only) so a view never saves a query its list refuses.
fn check_query(conn: &Connection, record_type: ListType, query: &serde_json::Map<String, Value>) -> Result<()> {
    let mut probe = query.clone();
    probe.remove("after");
    probe.insert("limit".into(), Value::from(1));
    let bad = |e: serde_json::Error| Error::invalid("query", format!("Not a list query: {e}"));
    let probe = Value::Object(probe);
    match record_type {
        ListType::Contact => crate::contacts::list(conn, serde_json::from_value(probe).map_err(bad)?).map(|_| ()),
        ListType::Account => crate::accounts::list(conn, serde_json::from_value(probe).map_err(bad)?).map(|_| ()),
        ListType::Lead => crate::leads::list(conn, serde_json::from_value(probe).map_err(bad)?).map(|_| ()),
        ListType::Opportunity => crate::pipeline::list(conn, serde_json::from_value(probe).map_err(bad)?).map(|_| ()),
        ListType::Product => crate::products::list(conn, serde_json::from_value(probe).map_err(bad)?).map(|_| ()),
        ListType::Quote => crate::quotes::list(conn, serde_json::from_value(probe).map_err(bad)?).map(|_| ()),
        ListType::SalesOrder => crate::orders::list(conn, serde_json::from_value(probe).map_err(bad)?).map(|_| ()),
        ListType::Invoice => crate::invoices::list(conn, serde_json::from_value(probe).map_err(bad)?).map(|_| ()),
    }
}

fn from_row(r: &Row) -> rusqlite::Result<View> {
    let json_err = |i, e: serde_json::Error| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    };
    Ok(View {
        id: r.get(0)?,
        record_type: serde_json::from_value(Value::String(r.get(1)?)).map_err(|e| json_err(1, e))?,
        name: r.get(2)?,
        query: serde_json::from_str(&r.get::<_, String>(3)?).map_err(|e| json_err(3, e))?,
        columns: serde_json::from_str(&r.get::<_, String>(4)?).map_err(|e| json_err(4, e))?,
    })
}

fn get(conn: &Connection, id: &str) -> Result<View> {
    conn.prepare_cached(
        "SELECT id, record_type, name, query, columns FROM saved_views WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .query_row([id], from_row)
    .optional()?
    .ok_or_else(|| Error::not_found("saved view", id))
}

/// Saves a view; a view of the same type and name is replaced.
pub fn save(w: &mut Writer, input: ViewInput) -> Result<View> {
    let name = input.name.trim().to_owned();
    if name.is_empty() {
        return Err(Error::invalid("name", "A view needs a name"));
    }
    crate::fields::check_len("name", &name, 100)?;
    let mut query = input.query;
    query.remove("after");
    check_query(w.conn(), input.record_type, &query)?;
    let record_type = serde_json::to_value(input.record_type)?;
    let mut fields = Fields::new();
    fields.insert("record_type".into(), record_type.clone());
    fields.insert("name".into(), Value::String(name.clone()));
    fields.insert("query".into(), Value::Object(query));
    fields.insert("columns".into(), serde_json::to_value(&input.columns)?);
    let existing: Option<String> = w
        .conn()
        .query_row(
            "SELECT id FROM saved_views WHERE record_type = ?1 AND name = ?2 AND deleted_at IS NULL",
            (record_type.as_str(), &name),
            |r| r.get(0),
        )
        .optional()?;
    let id = match existing {
        Some(id) => {
            w.update(&VIEW, &id, fields)?;
            id
        }
        None => {
            let id = crate::new_id();
            fields.insert("owner_id".into(), Value::String(w.actor_id().to_owned()));
            w.insert(&VIEW, &id, fields)?;
            id
        }
    };
    get(w.conn(), &id)
}

pub fn list(conn: &Connection, query: ViewListQuery) -> Result<Vec<View>> {
    let record_type = serde_json::to_value(query.record_type)?;
    let views = conn
        .prepare_cached(
            "SELECT id, record_type, name, query, columns FROM saved_views
             WHERE record_type = ?1 AND deleted_at IS NULL ORDER BY name",
        )?
        .query_map([record_type.as_str()], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(views)
}

pub fn delete(w: &mut Writer, args: IdArgs) -> Result<()> {
    w.delete(&VIEW, &args.id)
}
