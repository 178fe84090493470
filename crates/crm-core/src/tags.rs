//! Tags in use, with how many live records carry each.

use crate::error::Result;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct TagQuery {
    /// Only tags of this record type (`contact`, `account`, `lead`, `opportunity`); null for all.
    #[ts(optional = nullable)]
    pub record_type: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TagCount {
    pub tag: String,
    pub count: u64,
}

pub fn list(conn: &Connection, query: TagQuery) -> Result<Vec<TagCount>> {
    let mut out = Vec::new();
    for kind in crate::record_kinds().into_iter().filter(|k| k.tagged) {
        if query.record_type.as_deref().is_some_and(|t| t != kind.name) {
            continue;
        }
        let sql = format!(
            "SELECT min(t.label), count(*) FROM record_tags t JOIN {} r ON r.id = t.record_id
             WHERE r.deleted_at IS NULL GROUP BY t.tag",
            kind.table
        );
        for row in conn.prepare_cached(&sql)?.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
            let (tag, count) = row?;
            match out.iter_mut().find(|t: &&mut TagCount| crate::text::fold(&t.tag) == crate::text::fold(&tag)) {
                Some(t) => t.count += count as u64,
                None => out.push(TagCount { tag, count: count as u64 }),
            }
        }
    }
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.tag.cmp(&b.tag)));
    Ok(out)
}
