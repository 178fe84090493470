//! Accounts' columns: the parent by its name, the billing and shipping addresses.

use super::{address_cells, address_header, listed_cells, listed_header, name_of, pages, query};
use crate::accounts::{self, Account, AccountListQuery};
use crate::error::Result;
use crate::store::Store;
use crate::IdArgs;
use serde_json::Value;

pub(super) fn header() -> Vec<String> {
    let mut h: Vec<String> =
        ["Account Name", "Account Type", "Parent Account", "Industry", "Website"].map(String::from).to_vec();
    listed_header(&mut h, "E-mail");
    listed_header(&mut h, "Phone");
    address_header(&mut h, "Billing");
    address_header(&mut h, "Shipping");
    h.extend(
        ["Tax ID", "Annual Revenue", "Employees", "Rating", "Tags", "Description", "External ID"].map(String::from),
    );
    h
}

fn row(a: &Account, parent: &str) -> Vec<String> {
    let f = &a.fields;
    let mut r = vec![f.name.clone(), name_of(f.account_type), parent.to_owned(), f.industry.clone(), f.website.clone()];
    listed_cells(&mut r, &f.emails);
    listed_cells(&mut r, &f.phones);
    address_cells(&mut r, f.billing_address.as_ref());
    address_cells(&mut r, f.shipping_address.as_ref());
    r.extend([
        f.tax_id.clone(),
        f.annual_revenue.map(|d| d.to_string()).unwrap_or_default(),
        f.employees.map(|n| n.to_string()).unwrap_or_default(),
        f.rating.map(name_of).unwrap_or_default(),
        f.tags.join("; "),
        f.description.clone(),
        f.external_id.clone(),
    ]);
    r
}

pub(super) fn rows(store: &Store, q: Option<Value>, write: &mut dyn FnMut(Vec<String>) -> Result<()>) -> Result<u64> {
    let q: AccountListQuery = query(q)?;
    pages(
        store,
        |c, after| accounts::list(c, AccountListQuery { after, limit: crate::list::MAX_PAGE, ..q.clone() }),
        |r| r.id.as_str(),
        |c, id| {
            let account = accounts::get(c, IdArgs { id: id.to_owned() })?;
            let parent = match &account.fields.parent_id {
                Some(id) => accounts::get(c, IdArgs { id: id.clone() })?.fields.name,
                None => String::new(),
            };
            Ok(row(&account, &parent))
        },
        write,
    )
}
