//! Files attached to records (the document library). A file is copied into the
//! `attachments` folder beside the database under its SHA-256, so the same file
//! attached twice is stored once and a stored file never changes.

use crate::error::{Error, ErrorCode, Result};
use crate::notes::parent_kind;
use crate::store::Store;
use crate::write::{check_live, Fields, RecordKind};
use crate::IdArgs;
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use ts_rs::TS;

pub static ATTACHMENT: RecordKind = RecordKind {
    name: "attachment",
    table: "attachments",
    json_columns: &[],
    derived: &[],
    tagged: false,
    search: None,
};

const MAX_BYTES: u64 = 200 * 1024 * 1024;

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AttachmentAdd {
    pub record_type: String,
    pub record_id: String,
    /// The file to attach (it is copied).
    pub path: String,
    /// A folder of the record's document library; empty for none.
    #[serde(default)]
    pub folder: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Attachment {
    pub id: String,
    pub created_at: String,
    pub record_type: String,
    pub record_id: String,
    pub folder: String,
    pub file_name: String,
    pub size: u64,
    pub sha256: String,
    pub media_type: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AttachmentListQuery {
    pub record_id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StoredFile {
    /// Where the stored copy is, to open with the system's viewer.
    pub path: String,
}

fn media_type(name: &str) -> &'static str {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "txt" => "text/plain",
        "csv" => "text/csv",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "vcf" => "text/vcard",
        "ics" => "text/calendar",
        "eml" => "message/rfc822",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

fn library(store: &Store) -> PathBuf {
    store.path().parent().unwrap_or(Path::new(".")).join("attachments")
}

fn stored_path(store: &Store, sha256: &str) -> PathBuf {
    library(store).join(&sha256[..2]).join(sha256)
}

/// Copies the file into the library, hashing as it goes; returns (size, sha256).
fn copy_in(store: &Store, source: &Path) -> Result<(u64, String)> {
    let io = |what: &str, e: std::io::Error| Error::io(&format!("{what} {}", source.display()), &e);
    let mut input = std::fs::File::open(source).map_err(|e| io("Cannot read", e))?;
    let size = input.metadata().map_err(|e| io("Cannot read", e))?.len();
    if size > MAX_BYTES {
        return Err(Error::invalid("path", "Files larger than 200 MB cannot be attached"));
    }
    let dir = library(store);
    std::fs::create_dir_all(&dir).map_err(|e| Error::io("Cannot create the attachments folder", &e))?;
    let temp = dir.join(format!(".incoming-{}", crate::new_id()));
    let result = (|| {
        let mut out = std::fs::File::create(&temp).map_err(|e| Error::io("Cannot write the attachments folder", &e))?;
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = input.read(&mut buf).map_err(|e| io("Cannot read", e))?;
            if n == 0 {
                break;
            }
            hasher.update(&buf[..n]);
            out.write_all(&buf[..n]).map_err(|e| Error::io("Cannot write the attachments folder", &e))?;
        }
        out.sync_all().map_err(|e| Error::io("Cannot write the attachments folder", &e))?;
        let sha256: String = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
        let target = stored_path(store, &sha256);
        std::fs::create_dir_all(target.parent().unwrap_or(&dir))
            .map_err(|e| Error::io("Cannot write the attachments folder", &e))?;
        if target.exists() {
            std::fs::remove_file(&temp).map_err(|e| Error::io("Cannot tidy the attachments folder", &e))?;
        } else {
            std::fs::rename(&temp, &target).map_err(|e| Error::io("Cannot write the attachments folder", &e))?;
        }
        Ok((size, sha256))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

const SELECT: &str =
    "SELECT id, created_at, record_type, record_id, folder, file_name, size, sha256, media_type FROM attachments";

fn from_row(r: &Row) -> rusqlite::Result<Attachment> {
    Ok(Attachment {
        id: r.get(0)?,
        created_at: r.get(1)?,
        record_type: r.get(2)?,
        record_id: r.get(3)?,
        folder: r.get(4)?,
        file_name: r.get(5)?,
        size: r.get::<_, i64>(6)?.max(0) as u64,
        sha256: r.get(7)?,
        media_type: r.get(8)?,
    })
}

fn get(conn: &Connection, id: &str) -> Result<Attachment> {
    conn.prepare_cached(&format!("{SELECT} WHERE id = ?1 AND deleted_at IS NULL"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("attachment", id))
}

pub fn add(store: &Store, args: AttachmentAdd) -> Result<Attachment> {
    let parent = parent_kind(&args.record_type)?;
    store.read(|c| check_live(c, parent, &args.record_id, "record_id"))?;
    let source = PathBuf::from(&args.path);
    if !source.is_file() {
        return Err(Error::new(ErrorCode::Io, format!("No file at {}", source.display())).with_field("path"));
    }
    let file_name = source.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "file".into());
    let folder = args.folder.trim().to_owned();
    if folder.chars().count() > 100 {
        return Err(Error::invalid("folder", "The folder name is longer than 100 characters"));
    }
    let (size, sha256) = copy_in(store, &source)?;
    store.write(|w| {
        let id = crate::new_id();
        let mut fields = Fields::new();
        fields.insert("owner_id".into(), Value::String(w.actor_id().to_owned()));
        fields.insert("record_type".into(), Value::String(args.record_type.clone()));
        fields.insert("record_id".into(), Value::String(args.record_id.clone()));
        fields.insert("folder".into(), Value::String(folder.clone()));
        fields.insert("media_type".into(), Value::from(media_type(&file_name)));
        fields.insert("file_name".into(), Value::String(file_name.clone()));
        fields.insert("size".into(), Value::from(size));
        fields.insert("sha256".into(), Value::String(sha256.clone()));
        w.insert(&ATTACHMENT, &id, fields)?;
        get(w.conn(), &id)
    })
}

pub fn list(conn: &Connection, query: AttachmentListQuery) -> Result<Vec<Attachment>> {
    let rows = conn
        .prepare_cached(&format!(
            "{SELECT} WHERE record_id = ?1 AND deleted_at IS NULL ORDER BY folder, file_name, id"
        ))?
        .query_map([&query.record_id], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The stored copy's path, checked against its hash.
pub fn path(store: &Store, args: IdArgs) -> Result<StoredFile> {
    let a = store.read(|c| get(c, &args.id))?;
    let path = stored_path(store, &a.sha256);
    if !path.is_file() {
        return Err(Error::new(
            ErrorCode::Io,
            format!("The stored copy of {} is missing from {}", a.file_name, path.display()),
        ));
    }
    Ok(StoredFile { path: path.display().to_string() })
}

pub fn delete(w: &mut crate::write::Writer, args: IdArgs) -> Result<()> {
    w.delete(&ATTACHMENT, &args.id)
}
