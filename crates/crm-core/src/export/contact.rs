//! Contacts' columns: those of Google's CSV, which every tool reads.

use super::{listed_cells, listed_header, pages, query, LISTED};
use crate::contacts::{self, Contact, ContactListQuery};
use crate::error::Result;
use crate::store::Store;
use crate::IdArgs;
use serde_json::Value;

pub(super) fn header() -> Vec<String> {
    let mut h: Vec<String> =
        ["First Name", "Last Name", "Name Prefix", "Job Title", "Department", "Company"].map(String::from).to_vec();
    listed_header(&mut h, "E-mail");
    listed_header(&mut h, "Phone");
    for n in 1..=LISTED {
        for part in ["Label", "Street", "City", "Region", "Postal Code", "Country"] {
            h.push(format!("Address {n} - {part}"));
        }
    }
    h.extend(["Birthday", "Lead Source", "Tags", "Notes", "External ID"].map(String::from));
    h
}

fn row(c: &Contact, company: &str) -> Vec<String> {
    let f = &c.fields;
    let mut r = vec![
        f.first_name.clone(),
        f.last_name.clone(),
        f.salutation.clone(),
        f.title.clone(),
        f.department.clone(),
        company.to_owned(),
    ];
    listed_cells(&mut r, &f.emails);
    listed_cells(&mut r, &f.phones);
    for n in 0..LISTED {
        let a = f.addresses.get(n).cloned().unwrap_or_default();
        r.extend([a.label, a.street, a.city, a.region, a.postal_code, a.country]);
    }
    r.push(f.birthday.clone().unwrap_or_default());
    r.push(f.lead_source.clone());
    r.push(f.tags.join("; "));
    r.push(f.notes.clone());
    r.push(f.external_id.clone());
    r
}

/// Every contact of the list with its company's name.
pub(super) fn each(
    store: &Store,
    q: Option<Value>,
    write: &mut dyn FnMut((Contact, String)) -> Result<()>,
) -> Result<u64> {
    let q: ContactListQuery = query(q)?;
    pages(
        store,
        |c, after| contacts::list(c, ContactListQuery { after, limit: crate::list::MAX_PAGE, ..q.clone() }),
        |r| r.id.as_str(),
        |c, id| {
            let contact = contacts::get(c, IdArgs { id: id.to_owned() })?;
            let company = match &contact.fields.account_id {
                Some(id) => crate::accounts::get(c, IdArgs { id: id.clone() })?.fields.name,
                None => String::new(),
            };
            Ok((contact, company))
        },
        write,
    )
}

pub(super) fn rows(store: &Store, q: Option<Value>, write: &mut dyn FnMut(Vec<String>) -> Result<()>) -> Result<u64> {
    each(store, q, &mut |(contact, company)| write(row(&contact, &company)))
}
