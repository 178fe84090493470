//! Sales documents as PDF: any quote, sales order, invoice, credit note, service act or
//! waybill is read into one printable model (`load`) and laid out on A4 pages (`render`)
//! with the embedded fonts (`fonts`), in the words and formats of the company's locale.

mod canvas;
pub mod fonts;
mod labels;
mod load;
mod logo;
mod mail;
pub mod model;
mod render;
mod table;

pub use load::{find, load};
pub use mail::{message, DocumentMessage, DocumentRef};
pub use model::DocumentKind;
pub use render::{render, Rendered};

use crate::error::{Error, Result};
use crate::store::Store;
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct DocumentPdf {
    pub record_type: DocumentKind,
    /// The document's id or its number (`INV-2026-0001`).
    pub id: String,
    /// Where to write the PDF file (replaced when it exists).
    pub path: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PdfFile {
    pub path: String,
    pub pages: u32,
    /// The document printed.
    pub id: String,
}

/// The PDF of a stored document, in memory.
pub fn document(store: &Store, kind: DocumentKind, key: &str) -> Result<(String, Rendered)> {
    let (id, doc) = store.read(|conn| {
        let id = find(conn, kind, key)?;
        let doc = load(conn, kind, &id)?;
        Ok((id, doc))
    })?;
    Ok((id, render(&doc)))
}

/// Writes a document's PDF to `path`: first to a file beside it, then renamed over it, so a
/// failed write never leaves half a PDF where the user expects one.
pub fn write(store: &Store, args: DocumentPdf) -> Result<PdfFile> {
    let target = Path::new(args.path.trim());
    if target.as_os_str().is_empty() {
        return Err(Error::invalid("path", "Name the file to write the PDF to"));
    }
    let (id, rendered) = document(store, args.record_type, &args.id)?;
    let io = |e: std::io::Error| Error::io(&format!("Cannot write {}", target.display()), &e).with_field("path");
    let partial = target.with_extension("pdf.part");
    std::fs::write(&partial, &rendered.bytes).map_err(io)?;
    std::fs::rename(&partial, target).map_err(|e| {
        let _ = std::fs::remove_file(&partial);
        io(e)
    })?;
    Ok(PdfFile { path: target.display().to_string(), pages: rendered.pages as u32, id })
}
