//! `crm`: the Outpost core on the command line, for scripting, bulk work,
//! benchmarks and support. Output of `--json` and `call` is stable JSON.

mod bench;
mod bench_calendar;

use clap::{Parser, Subcommand};
use crm_core::import::mapping::Preset;
use crm_core::import::{self, ImportArgs, ListTarget, MatchOn, OnMatch};
use crm_core::{commands, demo, export, maintenance, pdf, store, Error, ErrorCode, Store};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "crm", version, about = "Outpost CRM on the command line")]
struct Cli {
    /// Database file (default: $CRM_DB, else the app's database in the user's data directory).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Print results and errors as JSON.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create the database (or bring an existing one to this version's schema).
    Init,
    /// Check the database: schema version, integrity, foreign keys.
    Check,
    /// Copy the database to FILE, consistently, even while the app is writing.
    Backup { file: PathBuf },
    /// Replace the database with the backup FILE (refuses anything that is not a sound Outpost database).
    Restore { file: PathBuf },
    /// Fill the database with realistic demo data (deterministic for a seed).
    Demo {
        #[arg(long, default_value_t = 1000)]
        contacts: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Run a registry command with JSON arguments: `crm call contact_create '{"last_name":"Groß"}'`.
    Call {
        /// List the commands instead.
        #[arg(long)]
        list: bool,
        name: Option<String>,
        /// JSON arguments (`{}` when omitted; `-` reads them from standard input).
        args: Option<String>,
    },
    /// Import a CSV, xlsx, xls, ods or vCard file: `crm import contacts list.csv --on-match update`;
    /// or an iCalendar file of events and tasks: `crm import events calendar.ics`.
    Import {
        /// What the file holds: contacts, accounts, leads, products, or events (and tasks) from an .ics file.
        #[arg(value_enum)]
        target: List,
        file: PathBuf,
        /// google, outlook or linkedin.
        #[arg(long, value_parser = core_choice::<Preset>)]
        preset: Option<Preset>,
        /// A JSON file {"Header": "field[:slot]", …} naming the field of each column.
        #[arg(long, value_name = "FILE.json")]
        mapping: Option<PathBuf>,
        /// What identifies a record already there: email (the default), phone,
        /// name_company (an account's name), external_id or none; products: code (the default), external_id or none.
        #[arg(long = "match", value_parser = core_choice::<MatchOn>)]
        match_on: Option<MatchOn>,
        /// What to do with a row that matches one.
        /// skip, update (fill empty fields), overwrite or create.
        #[arg(long, value_parser = core_choice::<OnMatch>, default_value = "skip")]
        on_match: OnMatch,
        /// The date format when the file's dates are ambiguous, e.g. %d/%m/%Y.
        #[arg(long)]
        date_format: Option<String>,
        /// The file's encoding when detection guesses wrong (UTF-8, windows-1251, UTF-16LE, …).
        #[arg(long)]
        encoding: Option<String>,
        /// The delimiter when detection guesses wrong: , ; tab | :
        #[arg(long)]
        delimiter: Option<String>,
        /// The sheet of an Excel or OpenDocument workbook (default: the first).
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// .ics: the IANA zone of times the file leaves floating (default: the file's, else UTC).
        #[arg(long, value_name = "ZONE")]
        tz: Option<String>,
        /// Check and count everything, write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Take back an import (or a merge or bulk action) by its batch id.
    ImportUndo { batch_id: String },
    /// Export a list: `crm export contacts --format csv -o contacts.csv`, or the calendar:
    /// `crm export events --format ics -o calendar.ics --with-tasks`.
    Export {
        /// contacts, accounts, leads, products, events or tasks.
        #[arg(value_enum)]
        target: List,
        /// csv (the default), xlsx or vcf (contacts only) for lists; ics for events and tasks.
        #[arg(long)]
        format: Option<String>,
        #[arg(short, long = "output", value_name = "FILE")]
        output: PathBuf,
        /// `,` `;` or `tab`.
        #[arg(long, default_value = ",")]
        delimiter: String,
        /// Start the file with a UTF-8 byte-order mark (for Excel).
        #[arg(long)]
        bom: bool,
        /// Events: put the tasks in the same calendar.
        #[arg(long)]
        with_tasks: bool,
        /// Events and tasks: only those from this instant (RFC 3339) …
        #[arg(long, requires = "to")]
        from: Option<String>,
        /// … up to this one.
        #[arg(long, requires = "from")]
        to: Option<String>,
    },
    /// Write a document as PDF: `crm pdf invoice INV-2026-0001 -o invoice.pdf`.
    Pdf {
        /// quote, order, invoice, credit-note, act or waybill.
        #[arg(value_enum)]
        kind: DocumentArg,
        /// The document's id or number.
        id: String,
        #[arg(short, long = "output", value_name = "FILE.pdf")]
        output: PathBuf,
    },
    /// Measure the store at scale on a temporary database and print a table.
    Bench {
        #[arg(long, default_value_t = 1_000_000)]
        contacts: u64,
        /// Events in the calendar benchmark (one in twenty a recurring series); 0 skips it.
        #[arg(long, default_value_t = 100_000)]
        events: usize,
        /// Opportunities for the pipeline list, funnel and board; 0 skips them.
        #[arg(long, default_value_t = 100_000)]
        opportunities: u64,
        /// Keep the benchmark database at this path (for the app start benchmark).
        #[arg(long)]
        keep: Option<PathBuf>,
        /// Only the imports: a CSV of as many rows as contacts, then 100,000 rows from .xlsx.
        #[arg(long)]
        import_only: bool,
        /// Only write the import benchmark's files (import.csv of as many rows as contacts,
        /// import.xlsx of 100,000) into this directory, to time or profile `crm import` on them.
        #[arg(long)]
        lists: Option<PathBuf>,
    },
}

/// The lists `import` and `export` work on, named as plurals on the command line.
#[derive(Clone, Copy, PartialEq, clap::ValueEnum)]
enum List {
    Contacts,
    Accounts,
    Leads,
    Products,
    /// Events (and tasks) in an iCalendar file.
    Events,
    Tasks,
}

impl List {
    /// The list of records, or None for the calendar (events and tasks).
    fn target(self) -> Option<ListTarget> {
        match self {
            List::Contacts => Some(ListTarget::Contact),
            List::Accounts => Some(ListTarget::Account),
            List::Leads => Some(ListTarget::Lead),
            List::Products => Some(ListTarget::Product),
            List::Events | List::Tasks => None,
        }
    }
}

/// The documents `pdf` prints, by their short names.
#[derive(Clone, Copy, clap::ValueEnum)]
enum DocumentArg {
    Quote,
    Order,
    Invoice,
    CreditNote,
    Act,
    Waybill,
}

impl DocumentArg {
    fn kind(self) -> pdf::DocumentKind {
        match self {
            DocumentArg::Quote => pdf::DocumentKind::Quote,
            DocumentArg::Order => pdf::DocumentKind::SalesOrder,
            DocumentArg::Invoice => pdf::DocumentKind::Invoice,
            DocumentArg::CreditNote => pdf::DocumentKind::CreditNote,
            DocumentArg::Act => pdf::DocumentKind::ServiceAct,
            DocumentArg::Waybill => pdf::DocumentKind::Waybill,
        }
    }
}

/// Parses an option value the way the core's commands name it in JSON (`name_company`, `google`),
/// so the CLI keeps no second list of the core's choices.
fn core_choice<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_value(Value::String(text.replace('-', "_"))).map_err(|e| e.to_string())
}

fn db_path(cli_db: &Option<PathBuf>) -> Result<PathBuf, Error> {
    match cli_db {
        Some(path) => Ok(path.clone()),
        None => store::default_db_path(),
    }
}

fn open_existing(path: &Path) -> Result<Store, Error> {
    if !path.exists() {
        return Err(Error::new(
            ErrorCode::NotFound,
            format!("No database at {} (create one with `crm --db {} init`)", path.display(), path.display()),
        ));
    }
    Store::open_existing(path)
}

/// Prints JSON on stdout; a closed pipe (`crm … | head`) is not an error worth a panic.
fn print_json(value: &impl serde::Serialize) {
    use std::io::Write;
    match serde_json::to_string_pretty(value) {
        Ok(text) => {
            let _ = writeln!(std::io::stdout(), "{text}");
        }
        Err(e) => eprintln!("{e}"),
    }
}

fn read_args(args: Option<String>) -> Result<Value, Error> {
    let text = match args.as_deref() {
        None => return Ok(Value::Null),
        Some("-") => {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
                .map_err(|e| Error::io("Cannot read standard input", &e))?;
            text
        }
        Some(text) => text.to_owned(),
    };
    serde_json::from_str(&text)
        .map_err(|e| Error::new(ErrorCode::BadArguments, format!("The arguments are not valid JSON: {e}")))
}

fn run(cli: Cli) -> Result<(), Error> {
    let json = cli.json;
    match cli.command {
        Command::Init => {
            let path = db_path(&cli.db)?;
            let store = Store::open(&path)?;
            let report = maintenance::check(&store)?;
            if json {
                print_json(&report);
            } else {
                println!("Database ready at {} (schema {})", path.display(), report.schema_version);
            }
        }
        Command::Check => {
            let store = open_existing(&db_path(&cli.db)?)?;
            let report = maintenance::check(&store)?;
            if json {
                print_json(&report);
            } else {
                println!(
                    "{}: schema {} of {}, integrity {}, {} foreign-key problems — {}",
                    report.path,
                    report.schema_version,
                    report.latest_schema_version,
                    report.integrity.join("; "),
                    report.foreign_key_violations,
                    if report.ok { "ok" } else { "NOT OK" }
                );
            }
            if !report.ok {
                return Err(Error::new(ErrorCode::Database, "The database check found problems"));
            }
        }
        Command::Backup { file } => {
            let store = open_existing(&db_path(&cli.db)?)?;
            maintenance::backup(&store, &file)?;
            if json {
                print_json(&serde_json::json!({ "backup": file }));
            } else {
                println!("Backed up to {}", file.display());
            }
        }
        Command::Restore { file } => {
            let report = maintenance::restore(&db_path(&cli.db)?, &file)?;
            if json {
                print_json(&report);
            } else {
                println!("Restored {} into {}", file.display(), report.path);
            }
        }
        Command::Demo { contacts, seed } => {
            let store = Store::open(db_path(&cli.db)?)?;
            let started = std::time::Instant::now();
            let written = demo::fill(&store, contacts, seed)?;
            let seconds = started.elapsed().as_secs_f64();
            if json {
                print_json(&serde_json::json!({ "contacts": written, "seconds": seconds }));
            } else {
                println!("Wrote {written} demo contacts in {seconds:.1} s");
            }
        }
        Command::Call { list: true, .. } => {
            if json {
                let list: Vec<Value> = commands::COMMANDS
                    .iter()
                    .map(|c| serde_json::json!({ "name": c.name, "summary": c.summary.trim(), "writes": c.writes }))
                    .collect();
                print_json(&list);
            } else {
                let mut out = std::io::stdout().lock();
                for c in commands::COMMANDS {
                    let _ = std::io::Write::write_fmt(&mut out, format_args!("{:<22} {}\n", c.name, c.summary.trim()));
                }
            }
        }
        Command::Call { name: None, .. } => {
            return Err(Error::new(ErrorCode::BadArguments, "Name a command (crm call --list shows them)"));
        }
        Command::Call { name: Some(name), args, .. } => {
            if !commands::COMMANDS.iter().any(|c| c.name == name) {
                return Err(Error::new(
                    ErrorCode::UnknownCommand,
                    format!("No command named {name:?} (crm call --list shows them)"),
                ));
            }
            let args = read_args(args)?;
            let store = open_existing(&db_path(&cli.db)?)?;
            print_json(&commands::dispatch(&store, &name, args)?);
        }
        Command::Import {
            target,
            file,
            preset,
            mapping,
            match_on,
            on_match,
            date_format,
            encoding,
            delimiter,
            sheet,
            tz,
            dry_run,
        } => {
            let Some(list) = target.target() else {
                return import_calendar(&cli.db, json, file, tz, dry_run);
            };
            let mapping = match mapping {
                None => None,
                Some(path) => {
                    let text = std::fs::read_to_string(&path)
                        .map_err(|e| Error::io(&format!("Cannot read {}", path.display()), &e))?;
                    let value: Value = serde_json::from_str(&text).map_err(|e| {
                        Error::invalid(
                            "mapping",
                            format!("{} is not a JSON object of header → field: {e}", path.display()),
                        )
                    })?;
                    match value {
                        Value::Object(map) => Some(map),
                        _ => {
                            return Err(Error::invalid(
                                "mapping",
                                format!("{} is not a JSON object of header → field", path.display()),
                            ))
                        }
                    }
                }
            };
            let args = ImportArgs {
                path: file.display().to_string(),
                target: Some(list),
                encoding,
                delimiter,
                sheet,
                preset,
                mapping,
                match_on,
                on_match,
                date_format,
                dry_run,
                preview_rows: Some(if json { 5 } else { 0 }),
            };
            let store = open_existing(&db_path(&cli.db)?)?;
            let report = import::import(&store, args, &mut |_| true)?;
            if json {
                print_json(&report);
            } else {
                let accounts = match target {
                    List::Contacts => format!(" ({} new accounts)", report.accounts_created),
                    _ => String::new(),
                };
                println!(
                    "{}{} rows: {} created, {} updated, {} skipped, {} failed{accounts}{}",
                    if report.dry_run { "Dry run: " } else { "" },
                    report.rows,
                    report.created,
                    report.updated,
                    report.skipped,
                    report.failed,
                    report.batch_id.as_ref().map(|b| format!("; undo with `crm import-undo {b}`")).unwrap_or_default()
                );
                for e in &report.errors {
                    println!(
                        "  line {}{}: {}",
                        e.row,
                        e.column.as_ref().map(|c| format!(", column {c:?}")).unwrap_or_default(),
                        e.message
                    );
                }
            }
        }
        Command::ImportUndo { batch_id } => {
            let store = open_existing(&db_path(&cli.db)?)?;
            let report = store.write(|w| crm_core::batches::undo(w, crm_core::batches::BatchArgs { batch_id }))?;
            if json {
                print_json(&report);
            } else {
                println!("Took back {} writes", report.reverted);
            }
        }
        Command::Export { target, format, output, delimiter, bom, with_tasks, from, to } => {
            let store = open_existing(&db_path(&cli.db)?)?;
            let Some(list) = target.target() else {
                if format.as_deref().is_some_and(|f| f != "ics") {
                    return Err(Error::invalid("format", "Events and tasks export as iCalendar (--format ics)"));
                }
                let args = crm_core::ical::IcsExportArgs {
                    ids: None,
                    from,
                    to,
                    no_tasks: target == List::Events && !with_tasks,
                    no_events: target == List::Tasks,
                    path: Some(output.display().to_string()),
                };
                let report = crm_core::ical::export(&store, args)?;
                if json {
                    print_json(&report);
                } else {
                    println!("Wrote {} events and {} tasks to {}", report.events, report.tasks, output.display());
                }
                return Ok(());
            };
            let args = export::ExportArgs {
                path: output.display().to_string(),
                target: Some(list),
                format: match format.as_deref() {
                    None => export::ExportFormat::Csv,
                    Some("ics") => {
                        return Err(Error::invalid(
                            "format",
                            format!("iCalendar holds events and tasks: export {} as csv, xlsx or vcf", list.noun()),
                        ))
                    }
                    Some(name) => core_choice(name).map_err(|e| Error::invalid("format", e))?,
                },
                query: None,
                delimiter: Some(delimiter),
                bom,
            };
            let report = export::run(&store, args)?;
            if json {
                print_json(&report);
            } else {
                println!("Wrote {} {} to {}", report.rows, list.noun(), report.path);
            }
        }
        Command::Pdf { kind, id, output } => {
            let store = open_existing(&db_path(&cli.db)?)?;
            let args = pdf::DocumentPdf { record_type: kind.kind(), id, path: output.display().to_string() };
            let file = pdf::write(&store, args)?;
            if json {
                print_json(&file);
            } else {
                println!("Wrote {} ({} page{})", file.path, file.pages, if file.pages == 1 { "" } else { "s" });
            }
        }
        Command::Bench { lists: Some(dir), contacts, .. } => bench::write_lists(&dir, contacts)?,
        Command::Bench { contacts, events, opportunities, keep, import_only, lists: None } => {
            bench::run(bench::Options { contacts, events, opportunities, keep, import_only }, json)?
        }
    }
    Ok(())
}

/// `crm import events FILE.ics`: the calendar file in one batch, updated by UID when imported again.
fn import_calendar(
    db: &Option<PathBuf>,
    json: bool,
    file: PathBuf,
    tz: Option<String>,
    dry_run: bool,
) -> Result<(), Error> {
    let store = open_existing(&db_path(db)?)?;
    let args = crm_core::ical::IcsImportArgs { path: Some(file.display().to_string()), text: None, tz, dry_run };
    let report = crm_core::ical::import(&store, args)?;
    if json {
        print_json(&report);
        return Ok(());
    }
    println!(
        "{}{} created, {} updated, {} unchanged, {} skipped, {} failed{}",
        if report.dry_run { "Dry run: " } else { "" },
        report.created,
        report.updated,
        report.unchanged,
        report.skipped,
        report.errors.len(),
        report.batch_id.as_ref().map(|b| format!("; undo with `crm import-undo {b}`")).unwrap_or_default()
    );
    for issue in report.errors.iter().chain(&report.warnings) {
        println!("  line {}: {}", issue.line, issue.message);
    }
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // `call` always reports errors as JSON; other commands when --json is given.
    let json_errors = cli.json || matches!(cli.command, Command::Call { .. });
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if json_errors {
                eprintln!("{}", serde_json::to_string(&e).unwrap_or_else(|_| e.message.clone()));
            } else {
                eprintln!("error: {}", e.message);
            }
            ExitCode::FAILURE
        }
    }
}
