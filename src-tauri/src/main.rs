//! The Outpost desktop app: a window with the web UI, and the bridge from the
//! UI to the core's command registry. No SQL and no business rules here.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use crm_core::attachments::{self, Attachment, AttachmentAdd};
use crm_core::{commands, store, Error, ErrorCode, IdArgs, Store};
use serde_json::Value;
use std::sync::Arc;
use std::time::Instant;
use tauri::webview::PageLoadEvent;
use tauri::{Manager, State};
use tauri_plugin_dialog::DialogExt;

/// Set to measure app start: the UI opens Contacts, the time to its first painted
/// list is printed as `first_paint_ms=N`, and the app exits.
const BENCH_ENV: &str = "OUTPOST_BENCH_FIRST_PAINT";

struct App {
    /// The open store, or why it could not be opened (shown by the UI on every call).
    store: Result<Arc<Store>, Error>,
    started: Instant,
}

/// Runs a registry command off the UI thread.
#[tauri::command]
async fn call(app: State<'_, App>, command: String, args: Value) -> Result<Value, Error> {
    let store = app.store.clone()?;
    tauri::async_runtime::spawn_blocking(move || commands::dispatch(&store, &command, args))
        .await
        .map_err(|e| Error::internal(format!("The command {e} stopped unexpectedly")))?
}

/// Asks for files with the system's file dialog and attaches them to a record.
#[tauri::command]
async fn attachment_pick(
    app: State<'_, App>,
    handle: tauri::AppHandle,
    record_type: String,
    record_id: String,
    folder: String,
) -> Result<Vec<Attachment>, Error> {
    let store = app.store.clone()?;
    tauri::async_runtime::spawn_blocking(move || {
        let picked = handle.dialog().file().set_title("Attach files").blocking_pick_files().unwrap_or_default();
        let mut added = Vec::new();
        for file in picked {
            let path = file.into_path().map_err(|e| Error::internal(format!("The chosen file has no path: {e}")))?;
            let args = AttachmentAdd {
                record_type: record_type.clone(),
                record_id: record_id.clone(),
                path: path.display().to_string(),
                folder: folder.clone(),
            };
            added.push(attachments::add(&store, args)?);
        }
        Ok(added)
    })
    .await
    .map_err(|e| Error::internal(format!("The file dialog stopped unexpectedly: {e}")))?
}

/// Opens an attached file with the system's viewer.
#[tauri::command]
async fn attachment_open(app: State<'_, App>, id: String) -> Result<(), Error> {
    let store = app.store.clone()?;
    let file = attachments::path(&store, IdArgs { id })?;
    tauri_plugin_opener::open_path(&file.path, None::<&str>)
        .map_err(|e| Error::new(ErrorCode::Io, format!("No program opened {}: {e}", file.path)))
}

/// The UI reports its first painted list; in benchmark mode the app reports the time and exits.
#[tauri::command]
fn first_paint(app: State<'_, App>, handle: tauri::AppHandle) {
    if std::env::var_os(BENCH_ENV).is_some() {
        println!("first_paint_ms={}", app.started.elapsed().as_millis());
        handle.exit(0);
    }
}

/// The database: `--db PATH` on the command line, else `CRM_DB`, else the user's data directory.
fn open_store() -> Result<Arc<Store>, Error> {
    let mut args = std::env::args().skip(1);
    let mut path = None;
    while let Some(arg) = args.next() {
        if arg == "--db" {
            path = args.next().map(std::path::PathBuf::from);
        } else if let Some(value) = arg.strip_prefix("--db=") {
            path = Some(value.into());
        }
    }
    let path = match path {
        Some(path) => path,
        None => store::default_db_path()?,
    };
    Store::open(&path).map(Arc::new)
}

fn main() {
    let started = Instant::now();
    let store = open_store();
    if let Err(e) = &store {
        eprintln!("outpost: cannot open the database: {}", e.message);
    }
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(App { store, started })
        .on_page_load(|webview, payload| {
            if std::env::var_os(BENCH_ENV).is_some() && payload.event() == PageLoadEvent::Finished {
                let _ = webview.eval("location.hash = '#/contacts'");
            }
        })
        .setup(|app| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.set_focus();
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![call, first_paint, attachment_pick, attachment_open])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("outpost: the window could not start: {e}");
            std::process::exit(1);
        });
}
