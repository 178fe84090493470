//! Shared by the import tests: fixture files, running an import, finding what it wrote.

use crm_core::contacts::{self, ContactListQuery};
use crm_core::import::{ImportArgs, ImportReport};
use crm_core::Store;
use std::path::PathBuf;

pub fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name).display().to_string()
}

pub fn import(store: &Store, args: ImportArgs) -> crm_core::Result<ImportReport> {
    crm_core::import::import(store, args, &mut |_| true)
}

pub fn file(path: String) -> ImportArgs {
    ImportArgs { path, ..Default::default() }
}

pub fn contact_named(store: &Store, last: &str) -> contacts::Contact {
    let page = store.read(|c| contacts::list(c, ContactListQuery { q: last.into(), ..Default::default() })).unwrap();
    let id = page.rows.first().unwrap_or_else(|| panic!("no contact {last}")).id.clone();
    store.read(|c| contacts::get(c, crm_core::IdArgs { id })).unwrap()
}
