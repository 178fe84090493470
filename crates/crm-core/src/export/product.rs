//! Products' columns: the price list a product import reads back (tax rate in percent).

use super::{name_of, pages, query};
use crate::error::Result;
use crate::products::{self, Product, ProductListQuery};
use crate::store::Store;
use crate::IdArgs;
use rust_decimal::Decimal;
use serde_json::Value;

pub(super) fn header() -> Vec<String> {
    ["Code", "Name", "Type", "Unit", "Price", "Currency", "VAT %", "Active", "Tags", "Description", "External ID"]
        .map(String::from)
        .to_vec()
}

fn row(p: &Product) -> Vec<String> {
    let f = &p.fields;
    vec![
        f.code.clone(),
        f.name.clone(),
        name_of(f.kind),
        f.unit.clone(),
        f.default_price.map(|d| d.to_string()).unwrap_or_default(),
        f.currency.clone(),
        (f.tax_rate * Decimal::ONE_HUNDRED).normalize().to_string(),
        if f.active { "yes" } else { "no" }.to_owned(),
        f.tags.join("; "),
        f.description.clone(),
        f.external_id.clone(),
    ]
}

pub(super) fn rows(store: &Store, q: Option<Value>, write: &mut dyn FnMut(Vec<String>) -> Result<()>) -> Result<u64> {
    let q: ProductListQuery = query(q)?;
    pages(
        store,
        |c, after| products::list(c, ProductListQuery { after, limit: crate::list::MAX_PAGE, ..q.clone() }),
        |r| r.id.as_str(),
        |c, id| Ok(row(&products::get(c, IdArgs { id: id.to_owned() })?)),
        write,
    )
}
