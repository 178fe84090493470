//! Exporting lists to CSV that spreadsheet tools open cleanly (UTF-8, optionally
//! with the byte-order mark Excel looks for) and that Outpost imports back as the
//! same records. Cells that a spreadsheet would run as a formula are neutralised.

use crate::contacts::{self, ContactListQuery};
use crate::error::{Error, Result};
use crate::store::Store;
use crate::IdArgs;
use serde::{Deserialize, Serialize};
use std::io::Write;
use ts_rs::TS;

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct ExportArgs {
    /// Where to write the file.
    pub path: String,
    /// The list to export (its filters and sort); all contacts when null.
    #[ts(optional = nullable)]
    pub query: Option<ContactListQuery>,
    /// `,` (default), `;` or `tab`.
    #[ts(optional = nullable)]
    pub delimiter: Option<String>,
    /// Start with a UTF-8 byte-order mark (Excel then reads the accents right).
    pub bom: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ExportReport {
    pub path: String,
    pub rows: u64,
}

/// How many e-mails, phones and addresses get their own columns.
const LISTED: usize = 3;

/// A cell that a spreadsheet would run as a formula gets a leading apostrophe.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

/// Undoes [`neutralise`] when a file is read back.
pub fn restore_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

fn header() -> Vec<String> {
    let mut h: Vec<String> =
        ["First Name", "Last Name", "Name Prefix", "Job Title", "Department", "Company"].map(String::from).to_vec();
    for n in 1..=LISTED {
        h.push(format!("E-mail {n} - Label"));
        h.push(format!("E-mail {n} - Value"));
    }
    for n in 1..=LISTED {
        h.push(format!("Phone {n} - Label"));
        h.push(format!("Phone {n} - Value"));
    }
    for n in 1..=LISTED {
        for part in ["Label", "Street", "City", "Region", "Postal Code", "Country"] {
            h.push(format!("Address {n} - {part}"));
        }
    }
    h.extend(["Birthday", "Lead Source", "Tags", "Notes"].map(String::from));
    h
}

fn row(c: &contacts::Contact, company: &str) -> Vec<String> {
    let f = &c.fields;
    let mut r = vec![
        f.first_name.clone(),
        f.last_name.clone(),
        f.salutation.clone(),
        f.title.clone(),
        f.department.clone(),
        company.to_owned(),
    ];
    for list in [&f.emails, &f.phones] {
        for n in 0..LISTED {
            let v = list.get(n);
            r.push(v.map(|v| v.label.clone()).unwrap_or_default());
            r.push(v.map(|v| v.value.clone()).unwrap_or_default());
        }
    }
    for n in 0..LISTED {
        let a = f.addresses.get(n).cloned().unwrap_or_default();
        r.extend([a.label, a.street, a.city, a.region, a.postal_code, a.country]);
    }
    r.push(f.birthday.clone().unwrap_or_default());
    r.push(f.lead_source.clone());
    r.push(f.tags.join("; "));
    r.push(f.notes.clone());
    r
}

/// Writes the contacts of a list to a CSV file; the file appears only when complete.
pub fn contacts_csv(store: &Store, args: ExportArgs) -> Result<ExportReport> {
    let delimiter = match args.delimiter.as_deref().unwrap_or(",") {
        "," => b',',
        ";" => b';',
        "tab" | "\t" => b'\t',
        other => return Err(Error::invalid("delimiter", format!("{other:?} is not a delimiter (, ; tab)"))),
    };
    let target = std::path::PathBuf::from(&args.path);
    let partial = target.with_extension("partial");
    let io = |e: std::io::Error| Error::io(&format!("Cannot write {}", partial.display()), &e).with_field("path");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&partial).map_err(io)?);
    if args.bom {
        file.write_all("\u{feff}".as_bytes()).map_err(io)?;
    }
    let mut out = csv::WriterBuilder::new().delimiter(delimiter).from_writer(file);
    let csv_err = |e: csv::Error| Error::new(crate::ErrorCode::Io, format!("Cannot write the file: {e}"));
    out.write_record(header()).map_err(csv_err)?;
    let mut query = args.query.unwrap_or_default();
    query.limit = crate::list::MAX_PAGE;
    let mut rows = 0;
    let result = (|| {
        loop {
            let page = store.read(|c| contacts::list(c, query.clone()))?;
            let records: Vec<(contacts::Contact, String)> = store.read(|c| {
                page.rows
                    .iter()
                    .map(|r| {
                        let contact = contacts::get(c, IdArgs { id: r.id.clone() })?;
                        let company = match &contact.fields.account_id {
                            Some(id) => crate::accounts::get(c, IdArgs { id: id.clone() })?.fields.name,
                            None => String::new(),
                        };
                        Ok((contact, company))
                    })
                    .collect()
            })?;
            for (contact, company) in &records {
                out.write_record(row(contact, company).iter().map(|cell| neutralise(cell))).map_err(csv_err)?;
                rows += 1;
            }
            match page.next {
                Some(next) => query.after = Some(next),
                None => break,
            }
        }
        out.flush().map_err(io)?;
        Ok(())
    })();
    drop(out);
    if let Err(e) = result {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    std::fs::rename(&partial, &target).map_err(|e| Error::io(&format!("Cannot write {}", target.display()), &e))?;
    Ok(ExportReport { path: target.display().to_string(), rows })
}
