//! The Outpost desktop app: a window with the web UI, and the bridge from the
//! UI to the core's command registry. No SQL and no business rules here.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod share;

use crm_core::attachments::{self, Attachment, AttachmentAdd};
use crm_core::import::{self, ImportArgs, ImportReport};
use crm_core::{commands, store, Error, ErrorCode, IdArgs, Store};
use serde_json::Value;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;
use tauri::webview::PageLoadEvent;
use tauri::{Emitter, Manager, State};
use tauri_plugin_dialog::DialogExt;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Set to measure app start: the UI opens Contacts, the time to its first painted
/// list is printed as `first_paint_ms=N`, and the app exits.
const BENCH_ENV: &str = "OUTPOST_BENCH_FIRST_PAINT";

struct App {
    /// The open store, or why it could not be opened (shown by the UI on every call).
    store: Result<Arc<Store>, Error>,
    started: Instant,
    /// Set to stop the running import (it then rolls back).
    cancel_import: Arc<AtomicBool>,
}

/// The event that reports an import's progress to the UI.
const IMPORT_PROGRESS: &str = "import-progress";

#[derive(Clone, serde::Serialize)]
struct ImportProgress {
    rows: u64,
    elapsed_ms: u64,
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

/// Asks for a file to read (`save` false) or write (`save` true) with the system's dialog;
/// null when cancelled. `extensions` filter the files shown.
#[tauri::command]
async fn file_choose(
    handle: tauri::AppHandle,
    save: bool,
    title: String,
    extensions: Vec<String>,
    default_name: Option<String>,
) -> Result<Option<String>, Error> {
    tauri::async_runtime::spawn_blocking(move || {
        let mut dialog = handle.dialog().file().set_title(title);
        if !extensions.is_empty() {
            let extensions: Vec<&str> = extensions.iter().map(String::as_str).collect();
            dialog = dialog.add_filter(extensions.join(", "), &extensions);
        }
        if let Some(name) = default_name {
            dialog = dialog.set_file_name(name);
        }
        let chosen = if save { dialog.blocking_save_file() } else { dialog.blocking_pick_file() };
        chosen
            .map(|file| file.into_path().map(|p| p.display().to_string()))
            .transpose()
            .map_err(|e| Error::internal(format!("The chosen file has no path: {e}")))
    })
    .await
    .map_err(|e| Error::internal(format!("The file dialog stopped unexpectedly: {e}")))?
}

/// Imports contacts, accounts or leads (`args.target`), reporting progress as `import-progress` events; `import_cancel` stops it
/// and nothing is written.
#[tauri::command]
async fn import_run(app: State<'_, App>, handle: tauri::AppHandle, args: ImportArgs) -> Result<ImportReport, Error> {
    let store = app.store.clone()?;
    let cancel = app.cancel_import.clone();
    cancel.store(false, Ordering::SeqCst);
    tauri::async_runtime::spawn_blocking(move || {
        let started = Instant::now();
        import::import(&store, args, &mut |rows| {
            let elapsed_ms = started.elapsed().as_millis() as u64;
            let _ = handle.emit(IMPORT_PROGRESS, ImportProgress { rows, elapsed_ms });
            !cancel.load(Ordering::SeqCst)
        })
    })
    .await
    .map_err(|e| Error::internal(format!("The import stopped unexpectedly: {e}")))?
}

/// Stops the running import.
#[tauri::command]
fn import_cancel(app: State<'_, App>) {
    app.cancel_import.store(true, Ordering::SeqCst);
}

/// Opens an attached file with the system's viewer.
#[tauri::command]
async fn attachment_open(app: State<'_, App>, id: String) -> Result<(), Error> {
    let store = app.store.clone()?;
    let file = attachments::path(&store, IdArgs { id })?;
    tauri_plugin_opener::open_path(&file.path, None::<&str>)
        .map_err(|e| Error::new(ErrorCode::Io, format!("No program opened {}: {e}", file.path)))
}

/// Writes a document's PDF to the documents folder and opens it, or attaches it to a new e-mail.
#[tauri::command]
async fn document_share(
    app: State<'_, App>,
    handle: tauri::AppHandle,
    args: share::ShareArgs,
) -> Result<share::Shared, Error> {
    let store = app.store.clone()?;
    let dir = share::folder(handle.path().document_dir().ok(), handle.path().app_data_dir().ok())?;
    tauri::async_runtime::spawn_blocking(move || share::share(&store, &dir, args))
        .await
        .map_err(|e| Error::internal(format!("Sharing the document stopped unexpectedly: {e}")))?
}

/// Shows a desktop notification (a reminder). Where the desktop has no notification service,
/// the UI's own toast is all the user sees, so a failure here is not an error.
#[tauri::command]
fn notify(handle: tauri::AppHandle, title: String, body: String) {
    use tauri_plugin_notification::NotificationExt;
    if let Err(e) = handle.notification().builder().title(title).body(body).show() {
        eprintln!("outpost: no desktop notification: {e}");
    }
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
        .plugin(tauri_plugin_notification::init())
        .manage(App { store, started, cancel_import: Arc::default() })
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
        .invoke_handler(tauri::generate_handler![
            call,
            first_paint,
            attachment_pick,
            attachment_open,
            document_share,
            file_choose,
            import_run,
            import_cancel,
            notify
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("outpost: the window could not start: {e}");
            std::process::exit(1);
        });
}
