//! Leads' columns: person, company, source, status and rating (qualification
//! answers stay in Outpost: they belong to its question script).

use super::{address_cells, address_header, listed_cells, listed_header, name_of, pages, query};
use crate::error::Result;
use crate::leads::{self, Lead, LeadListQuery};
use crate::store::Store;
use crate::IdArgs;
use serde_json::Value;

pub(super) fn header() -> Vec<String> {
    let mut h: Vec<String> = ["Salutation", "First Name", "Last Name", "Job Title", "Company", "Industry", "Website"]
        .map(String::from)
        .to_vec();
    listed_header(&mut h, "E-mail");
    listed_header(&mut h, "Phone");
    address_header(&mut h, "");
    h.extend(["Lead Source", "Lead Status", "Rating", "Tags", "Description", "External ID"].map(String::from));
    h
}

fn row(l: &Lead) -> Vec<String> {
    let f = &l.fields;
    let mut r = vec![
        f.salutation.clone(),
        f.first_name.clone(),
        f.last_name.clone(),
        f.title.clone(),
        f.company.clone(),
        f.industry.clone(),
        f.website.clone(),
    ];
    listed_cells(&mut r, &f.emails);
    listed_cells(&mut r, &f.phones);
    address_cells(&mut r, f.address.as_ref());
    r.extend([
        name_of(f.source),
        name_of(l.status),
        f.rating.map(name_of).unwrap_or_default(),
        f.tags.join("; "),
        f.description.clone(),
        f.external_id.clone(),
    ]);
    r
}

pub(super) fn rows(store: &Store, q: Option<Value>, write: &mut dyn FnMut(Vec<String>) -> Result<()>) -> Result<u64> {
    let q: LeadListQuery = query(q)?;
    pages(
        store,
        |c, after| leads::list(c, LeadListQuery { after, limit: crate::list::MAX_PAGE, ..q.clone() }),
        |r| r.id.as_str(),
        |c, id| Ok(row(&leads::get(c, IdArgs { id: id.to_owned() })?)),
        write,
    )
}
