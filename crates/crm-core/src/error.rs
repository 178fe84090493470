//! The one error type that crosses every boundary (IPC, CLI, tests).
//!
//! `code` is stable and matched on by the UI and tests; `message` is for people.

use serde::Serialize;
use ts_rs::TS;

/// Stable error codes. Never rename one: the UI and scripts match on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Input broke a rule; `field` names the field.
    Validation,
    /// The record does not exist (or was deleted).
    NotFound,
    /// The write conflicts with the current state (e.g. already deleted).
    Conflict,
    /// A file could not be read or written.
    Io,
    /// The database failed (locked, full, corrupt).
    Database,
    /// The file is not an Outpost database.
    NotADatabase,
    /// The database was written by a newer version of Outpost.
    SchemaTooNew,
    /// No command of that name.
    UnknownCommand,
    /// The command's JSON arguments do not have the expected shape.
    BadArguments,
    /// A bug: reported, never expected.
    Internal,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Validation => "validation",
            Self::NotFound => "not_found",
            Self::Conflict => "conflict",
            Self::Io => "io",
            Self::Database => "database",
            Self::NotADatabase => "not_a_database",
            Self::SchemaTooNew => "schema_too_new",
            Self::UnknownCommand => "unknown_command",
            Self::BadArguments => "bad_arguments",
            Self::Internal => "internal",
        }
    }
}

/// `{ code, message, field?, row?, column? }` on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[ts(rename = "CrmError")]
#[error("{message}")]
pub struct Error {
    pub code: ErrorCode,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub row: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub column: Option<String>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self { code, message: message.into(), field: None, row: None, column: None }
    }

    /// A validation error that names the offending field.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Self { field: Some(field.to_owned()), ..Self::new(ErrorCode::Validation, message) }
    }

    /// The same error, naming the field it is about.
    pub fn with_field(mut self, field: &str) -> Self {
        self.field = Some(field.to_owned());
        self
    }

    pub fn not_found(record_type: &str, id: &str) -> Self {
        Self::new(ErrorCode::NotFound, format!("No {record_type} with id {id}"))
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Conflict, message)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Internal, message)
    }

    pub fn io(context: &str, err: &std::io::Error) -> Self {
        Self::new(ErrorCode::Io, format!("{context}: {err}"))
    }
}

impl From<rusqlite::Error> for Error {
    fn from(err: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode as Sq;
        match &err {
            rusqlite::Error::SqliteFailure(e, _) if e.code == Sq::NotADatabase => {
                Self::new(ErrorCode::NotADatabase, "The file is not an Outpost database (not SQLite, or encrypted)")
            }
            rusqlite::Error::SqliteFailure(e, _) if e.code == Sq::DatabaseCorrupt => {
                Self::new(ErrorCode::Database, "The database file is damaged; restore a backup")
            }
            rusqlite::Error::QueryReturnedNoRows => Self::new(ErrorCode::NotFound, "Record not found"),
            _ => Self::new(ErrorCode::Database, format!("Database error: {err}")),
        }
    }
}

impl From<serde_json::Error> for Error {
    fn from(err: serde_json::Error) -> Self {
        Self::new(ErrorCode::Internal, format!("JSON encoding failed: {err}"))
    }
}
