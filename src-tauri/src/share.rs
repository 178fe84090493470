//! Sharing a document: its PDF written to the user's documents folder, then opened with the
//! system's viewer, or attached to a new message in the user's mail client. Where the client
//! cannot be given an attachment, a new message is opened with the subject and text, and the
//! PDF is shown in its folder to be attached by hand.

use crm_core::pdf::{self, DocumentKind, DocumentMessage, DocumentPdf, DocumentRef};
use crm_core::{Error, ErrorCode, Store};
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Debug, Clone, Copy, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShareAction {
    /// Opens the PDF with the system's viewer.
    Preview,
    /// Attaches the PDF to a new message to the customer.
    Email,
}

#[derive(Debug, serde::Deserialize)]
pub struct ShareArgs {
    pub record_type: DocumentKind,
    pub id: String,
    pub action: ShareAction,
}

#[derive(Debug, serde::Serialize)]
pub struct Shared {
    /// Where the PDF was written.
    pub path: String,
    pub pages: u32,
    /// False when the mail client was opened without the attachment (the PDF's folder is shown).
    pub attached: bool,
}

pub fn share(store: &Store, dir: &Path, args: ShareArgs) -> Result<Shared, Error> {
    let document = DocumentRef { record_type: args.record_type, id: args.id.clone() };
    let message = pdf::message(store, document)?;
    std::fs::create_dir_all(dir).map_err(|e| Error::io(&format!("Cannot create the folder {}", dir.display()), &e))?;
    let path = dir.join(&message.file_name);
    let file = pdf::write(
        store,
        DocumentPdf { record_type: args.record_type, id: args.id, path: path.display().to_string() },
    )?;
    let attached = match args.action {
        ShareAction::Preview => {
            open(&path)?;
            false
        }
        ShareAction::Email => {
            let attached = attach(&message, &path);
            if !attached {
                tauri_plugin_opener::open_url(mailto(&message), None::<&str>).map_err(no_program("a mail program"))?;
                tauri_plugin_opener::reveal_item_in_dir(&path).map_err(no_program("a file manager"))?;
            }
            attached
        }
    };
    Ok(Shared { path: file.path, pages: file.pages, attached })
}

fn open(path: &Path) -> Result<(), Error> {
    tauri_plugin_opener::open_path(path, None::<&str>).map_err(no_program("a PDF viewer"))
}

fn no_program(what: &'static str) -> impl Fn(tauri_plugin_opener::Error) -> Error {
    move |e| Error::new(ErrorCode::Io, format!("No program opened {what}: {e}"))
}

/// Opens a new message with the PDF attached, where the platform has a way to; true when it did.
fn attach(message: &DocumentMessage, path: &Path) -> bool {
    let mut command = if cfg!(target_os = "macos") {
        // Mail opens a new message with any file it is given.
        let mut c = Command::new("open");
        c.args(["-a", "Mail"]).arg(path);
        c
    } else if cfg!(unix) {
        // xdg-utils knows how to attach with Thunderbird, Evolution, KMail and others.
        let mut c = Command::new("xdg-email");
        c.args(["--utf8", "--subject", &message.subject, "--body", &message.body, "--attach"]).arg(path);
        if !message.to.is_empty() {
            c.arg(&message.to);
        }
        c
    } else {
        return false;
    };
    command.status().map(|s| s.success()).unwrap_or(false)
}

/// A `mailto:` URL with the recipient, subject and text (RFC 6068: UTF-8, percent-encoded).
fn mailto(message: &DocumentMessage) -> String {
    format!(
        "mailto:{}?subject={}&body={}",
        encode(&message.to),
        encode(&message.subject),
        encode(&message.body.replace('\n', "\r\n"))
    )
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'@' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Where shared documents are written: "Outpost" in the user's documents folder.
pub fn folder(documents: Option<PathBuf>, data: Option<PathBuf>) -> Result<PathBuf, Error> {
    documents
        .map(|d| d.join("Outpost"))
        .or_else(|| data.map(|d| d.join("documents")))
        .ok_or_else(|| Error::new(ErrorCode::Io, "There is no documents folder to write the PDF to"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mailto_url_encodes_everything_but_the_address() {
        let m = DocumentMessage {
            to: "buch@müller.de".into(),
            subject: "Rechnung 1 & 2".into(),
            body: "Hallo\nGrüße".into(),
            file_name: "x.pdf".into(),
        };
        assert_eq!(
            mailto(&m),
            "mailto:buch@m%C3%BCller.de?subject=Rechnung%201%20%26%202&body=Hallo%0D%0AGr%C3%BC%C3%9Fe"
        );
    }
}
