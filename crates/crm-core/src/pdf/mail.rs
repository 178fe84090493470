//! The e-mail that sends a document: to the customer's address, with a subject, a short text
//! in the document's language and the file name its PDF is attached under.

use super::model::PrintDoc;
use super::{labels, load, DocumentKind};
use crate::error::Result;
use crate::store::Store;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct DocumentRef {
    pub record_type: DocumentKind,
    /// The document's id or its number.
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DocumentMessage {
    /// The customer's e-mail (the contact's, else the account's); empty when there is none.
    pub to: String,
    pub subject: String,
    pub body: String,
    /// The PDF's file name: "Invoice INV-2026-0001.pdf".
    pub file_name: String,
}

/// The message for a stored document.
pub fn message(store: &Store, args: DocumentRef) -> Result<DocumentMessage> {
    let doc = store.read(|conn| {
        let id = load::find(conn, args.record_type, &args.id)?;
        load::load(conn, args.record_type, &id)
    })?;
    Ok(compose(&doc))
}

fn compose(doc: &PrintDoc) -> DocumentMessage {
    let words = labels::of(&doc.locale);
    let title = words.title(doc.kind);
    let number = doc.number.clone().unwrap_or_else(|| words.draft.to_owned());
    let fill = |template: &str| {
        template.replace("{title}", title).replace("{number}", &number).replace("{company}", doc.company.name.trim())
    };
    let subject = fill(words.mail_subject);
    let subject = if doc.company.name.trim().is_empty() { format!("{title} {number}") } else { subject };
    DocumentMessage {
        to: doc.customer.as_ref().and_then(|c| c.email.clone()).unwrap_or_default(),
        subject,
        body: fill(words.mail_body).trim_end().to_owned(),
        file_name: file_name(&format!("{title} {number}")),
    }
}

/// A file name any system accepts: no path separators or reserved characters.
fn file_name(stem: &str) -> String {
    let clean: String =
        stem.chars()
            .map(|c| {
                if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                    '-'
                } else {
                    c
                }
            })
            .collect();
    format!("{}.pdf", clean.trim().trim_end_matches('.'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::model::{Company, Party};

    fn doc(locale: &str, number: Option<&str>) -> PrintDoc {
        PrintDoc {
            kind: DocumentKind::Invoice,
            number: number.map(str::to_owned),
            locale: locale.into(),
            company: Company { name: "Nordlicht GmbH".into(), ..Default::default() },
            customer: Some(Party {
                name: "Müller AG".into(),
                email: Some("buch@mueller.de".into()),
                ..Default::default()
            }),
            subject: String::new(),
            currency: "EUR".into(),
            delivery: false,
            dates: Vec::new(),
            reference: None,
            lines: Vec::new(),
            totals: None,
            settlement: None,
            payment_days: None,
            texts: Vec::new(),
            signatures: false,
        }
    }

    #[test]
    fn an_invoice_goes_to_the_customer_in_the_documents_language() {
        let m = compose(&doc("de-DE", Some("INV-2026/0001")));
        assert_eq!(m.to, "buch@mueller.de");
        assert_eq!(m.subject, "Rechnung INV-2026/0001 von Nordlicht GmbH");
        assert!(m.body.contains("anbei erhalten Sie Rechnung INV-2026/0001"), "{}", m.body);
        assert_eq!(m.file_name, "Rechnung INV-2026-0001.pdf", "no path separator in the name");
    }

    #[test]
    fn a_draft_without_number_or_customer_still_has_a_subject_and_name() {
        let mut d = doc("en-US", None);
        d.customer = None;
        d.company.name = String::new();
        let m = compose(&d);
        assert_eq!(m.to, "");
        assert_eq!(m.subject, "Invoice Draft");
        assert_eq!(m.file_name, "Invoice Draft.pdf");
    }
}
