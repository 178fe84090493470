//! `crm bench`: the store's speed at the target data size, printed as a table.
//! Run it on a release build (`make bench`); goals are in the table.

use crm_core::contacts::{self, ContactListQuery};
use crm_core::duplicates::{self, DuplicateQuery};
use crm_core::import::{self, ImportArgs};
use crm_core::line_items::LineItem;
use crm_core::list::{Cursor, Key};
use crm_core::search::{self, SearchArgs};
use crm_core::{accounts, demo, invoices, pdf, Error, ErrorCode, Store};
use rust_decimal::Decimal;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[derive(Serialize)]
struct Row {
    name: String,
    value: f64,
    unit: &'static str,
    goal: String,
    met: bool,
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The columns of the generated contact lists: what a typical export has.
const LIST_HEADER: [&str; 12] = [
    "First Name",
    "Last Name",
    "Job Title",
    "Department",
    "Company",
    "E-mail 1 - Value",
    "E-mail 2 - Value",
    "Phone 1 - Value",
    "Street",
    "City",
    "Postal Code",
    "Country",
];

/// Demo person number `i` as the cells of [`LIST_HEADER`], and the birthday if they have one.
fn list_row(rng: &mut demo::Rng, i: u64) -> ([String; 12], Option<String>) {
    let c = demo::contact(rng);
    let email = |n: usize| c.emails.get(n).map_or(String::new(), |e| e.value.clone());
    let address = c.addresses.first().cloned().unwrap_or_default();
    let company = format!("{} {}", c.last_name, ["GmbH", "Ltd", "LLC", "ООО"][(i % 4) as usize]);
    let cells = [
        c.first_name,
        c.last_name,
        c.title,
        c.department,
        company,
        email(0),
        email(1),
        c.phones.first().map_or(String::new(), |p| p.value.clone()),
        address.street,
        address.city,
        address.postal_code,
        address.country,
    ];
    (cells, c.birthday)
}

/// Writes a CSV contact list of `rows` demo people in the 12 columns a typical export has.
fn write_contact_list(path: &Path, rows: u64) -> Result<(), Error> {
    let io = |e: std::io::Error| Error::io(&format!("Cannot write {}", path.display()), &e);
    let file = std::fs::File::create(path).map_err(io)?;
    let mut out = csv::Writer::from_writer(std::io::BufWriter::new(file));
    let csv_err = |e: csv::Error| Error::new(ErrorCode::Io, format!("Cannot write the file: {e}"));
    out.write_record(LIST_HEADER).map_err(csv_err)?;
    let mut rng = demo::Rng::new(1_000_003);
    for i in 0..rows {
        out.write_record(list_row(&mut rng, i).0).map_err(csv_err)?;
    }
    out.flush().map_err(io)
}

/// Writes the same kind of list as an `.xlsx` sheet the way spreadsheets hold it: phone
/// numbers and postal codes as number cells, and a birthday column of date cells
/// (instead of the department).
fn write_contact_workbook(path: &Path, rows: u64) -> Result<(), Error> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let err = |e: rust_xlsxwriter::XlsxError| Error::new(ErrorCode::Io, format!("Cannot write the workbook: {e}"));
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let sheet = book.add_worksheet_with_constant_memory().map_err(err)?;
    for (col, title) in LIST_HEADER.iter().enumerate() {
        sheet.write_string(0, col as u16, if col == 3 { "Birthday" } else { title }).map_err(err)?;
    }
    let mut rng = demo::Rng::new(2_000_003);
    for i in 0..rows {
        let (cells, birthday) = list_row(&mut rng, i);
        let row = i as u32 + 1;
        for (col, cell) in cells.iter().enumerate().filter(|(col, c)| *col != 3 && !c.is_empty()) {
            let digits: String = cell.chars().filter(char::is_ascii_digit).collect();
            // Phones (`+49 30 …`) and postal codes typed into a spreadsheet become numbers.
            if matches!(col, 7 | 10) && !digits.is_empty() && !digits.starts_with('0') {
                sheet.write_number(row, col as u16, digits.parse::<f64>().unwrap_or_default()).map_err(err)?;
            } else {
                sheet.write_string(row, col as u16, cell).map_err(err)?;
            }
        }
        if let Some(b) = birthday {
            let part = |r: std::ops::Range<usize>| b.get(r).and_then(|p| p.parse().ok()).unwrap_or(1);
            let day = ExcelDateTime::from_ymd(part(0..4), part(5..7) as u8, part(8..10) as u8).map_err(err)?;
            sheet.write_datetime_with_format(row, 3, &day, &date).map_err(err)?;
        }
    }
    book.save(path).map_err(err)
}

/// Rows of the `.xlsx` import benchmark.
const XLSX_ROWS: u64 = 100_000;

/// Imports a generated list file into the store; returns the seconds it took and the report.
fn timed_import(store: &Store, path: &Path) -> Result<(f64, import::ImportReport), Error> {
    let t = Instant::now();
    let args = ImportArgs { path: path.display().to_string(), ..Default::default() };
    let report = import::import(store, args, &mut |_| true)?;
    Ok((t.elapsed().as_secs_f64(), report))
}

/// A contact list of `n` rows as CSV and one of 100,000 rows as `.xlsx`, imported into the
/// store: matching by e-mail against what is there, normalisation, accounts by company,
/// search index and change log.
fn imports(
    store: &Store,
    dir: &Path,
    n: u64,
    add: &mut impl FnMut(String, f64, &'static str, f64),
) -> Result<(), Error> {
    let csv = dir.join("import.csv");
    write_contact_list(&csv, n)?;
    let (secs, report) = timed_import(store, &csv)?;
    let _ = std::fs::remove_file(&csv);
    add(format!("import a {n}-row, 12-column CSV ({} created)", report.created), secs, "s", 10.0 * n as f64 / 1e6);
    let rows = XLSX_ROWS;
    let xlsx = dir.join("import.xlsx");
    write_contact_workbook(&xlsx, rows)?;
    let (secs, report) = timed_import(store, &xlsx)?;
    let _ = std::fs::remove_file(&xlsx);
    add(format!("import a {rows}-row, 12-column .xlsx ({} created)", report.created), secs, "s", 5.0);
    Ok(())
}

/// Writes the import benchmark's files, `import.csv` of `n` rows and `import.xlsx` of
/// 100,000 rows, into `dir`.
pub fn write_lists(dir: &Path, n: u64) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(&format!("Cannot create {}", dir.display()), &e))?;
    write_contact_list(&dir.join("import.csv"), n)?;
    write_contact_workbook(&dir.join("import.xlsx"), XLSX_ROWS)
}

/// Runs `f` `runs` times and returns (p50, p95) in milliseconds.
pub(crate) fn percentiles(runs: usize, mut f: impl FnMut(usize) -> Result<(), Error>) -> Result<(f64, f64), Error> {
    let mut times = Vec::with_capacity(runs);
    for i in 0..runs {
        let t = Instant::now();
        f(i)?;
        times.push(ms(t.elapsed()));
    }
    times.sort_by(f64::total_cmp);
    Ok((times[runs / 2], times[(runs * 95 / 100).min(runs - 1)]))
}

/// `n` opportunities over the demo accounts (stages, EUR and USD, amounts, close dates), then the
/// pipeline list's first page with its totals, the funnel and the board.
fn pipeline(store: &Store, n: u64, add: &mut impl FnMut(String, f64, &'static str, f64)) -> Result<(), Error> {
    use crm_core::opportunities::{self, OpportunityInput};
    use crm_core::pipeline::{self, BoardQuery, FunnelQuery, OpportunityListQuery, OpportunitySort};
    let accounts: Vec<String> = store.read(|c| {
        let mut stmt = c.prepare("SELECT id FROM accounts WHERE deleted_at IS NULL LIMIT 1000")?;
        let ids = stmt.query_map([], |r| r.get(0))?.collect::<Result<Vec<String>, _>>()?;
        Ok(ids)
    })?;
    if accounts.is_empty() {
        return Err(Error::internal("the pipeline benchmark needs accounts"));
    }
    let stages = ["prospecting", "qualification", "needs_analysis", "proposal", "negotiation", "closed_won"];
    let mut rng = demo::Rng::new(11);
    let t = Instant::now();
    for chunk in (0..n).collect::<Vec<_>>().chunks(10_000) {
        store.write(|w| {
            for &i in chunk {
                let amount = format!("{}.{:02}", rng.below(100_000), rng.below(100));
                let input = OpportunityInput {
                    name: format!("Deal {i:06}"),
                    account_id: accounts[i as usize % accounts.len()].clone(),
                    amount: Some(amount.parse().map_err(|_| Error::internal("a bench amount"))?),
                    currency: if i % 3 == 0 { "USD" } else { "EUR" }.into(),
                    close_date: Some(format!("2027-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28))),
                    stage: stages[rng.below(stages.len())].into(),
                    ..Default::default()
                };
                opportunities::create(w, input)?;
            }
            Ok(())
        })?;
    }
    add(format!("create {n} opportunities through the write path"), t.elapsed().as_secs_f64(), "s", 60.0);
    let list = |sort: OpportunitySort, desc: bool| {
        store.read(|c| pipeline::list(c, OpportunityListQuery { sort, desc, ..Default::default() })).map(|_| ())
    };
    let sorts = [OpportunitySort::Amount, OpportunitySort::CloseDate, OpportunitySort::Stage, OpportunitySort::Name];
    let (p50, p95) = percentiles(40, |i| list(sorts[i % sorts.len()], i % 2 == 1))?;
    add("pipeline list, first page with totals, p50".into(), p50, "ms", 50.0);
    add("pipeline list, first page with totals, p95".into(), p95, "ms", 50.0);
    let open = OpportunityListQuery {
        stage_kind: Some(crm_core::stages::StageKind::Open),
        sort: OpportunitySort::Amount,
        ..Default::default()
    };
    let (p50, p95) = percentiles(20, |_| store.read(|c| pipeline::list(c, open.clone())).map(|_| ()))?;
    add("pipeline list of open deals by amount with totals, p50".into(), p50, "ms", 50.0);
    add("pipeline list of open deals by amount with totals, p95".into(), p95, "ms", 50.0);
    let (p50, p95) = percentiles(20, |_| store.read(|c| pipeline::funnel(c, FunnelQuery::default())).map(|_| ()))?;
    add("pipeline funnel, p50".into(), p50, "ms", 50.0);
    add("pipeline funnel, p95".into(), p95, "ms", 50.0);
    let (p50, p95) = percentiles(20, |_| store.read(|c| pipeline::board(c, BoardQuery::default())).map(|_| ()))?;
    add("pipeline board (20 cards a stage), p50".into(), p50, "ms", 50.0);
    add("pipeline board (20 cards a stage), p95".into(), p95, "ms", 50.0);
    Ok(())
}

struct PdfTimes {
    pages: u32,
    first: f64,
    p50: f64,
}

/// Writes a 200-line invoice as PDF: the first time (fonts parsed) and the median of 10 more.
fn invoice_pdf(store: &Store, dir: &std::path::Path) -> Result<PdfTimes, Error> {
    let account = store.write(|w| {
        let input = accounts::AccountInput { name: "Müller & Söhne GmbH".into(), ..Default::default() };
        accounts::create(w, input)
    })?;
    let lines = (1..=200)
        .map(|i| LineItem {
            description: format!("Position {i}: Bohrmaschine Größe M mit Koffer"),
            product_code: String::new(),
            quantity: Decimal::from(i % 7 + 1),
            unit: "Stück".into(),
            unit_price: Some(Decimal::new(i * 1_299, 2)),
            tax_rate: Some(Decimal::new(if i % 3 == 0 { 7 } else { 19 }, 2)),
            ..Default::default()
        })
        .collect();
    let input = invoices::InvoiceInput {
        subject: "Werkzeug".into(),
        account_id: Some(account.id),
        currency: "EUR".into(),
        lines,
        ..Default::default()
    };
    let invoice = store.write(|w| {
        let draft = invoices::create(w, input)?;
        invoices::issue(w, invoices::InvoiceIssue { id: draft.id, date: None })
    })?;
    let path = dir.join("invoice.pdf").display().to_string();
    let args =
        || pdf::DocumentPdf { record_type: pdf::DocumentKind::Invoice, id: invoice.id.clone(), path: path.clone() };
    let t = Instant::now();
    let pages = pdf::write(store, args())?.pages;
    let first = ms(t.elapsed());
    let (p50, _) = percentiles(10, |_| pdf::write(store, args()).map(|_| ()))?;
    Ok(PdfTimes { pages, first, p50 })
}

/// What `crm bench` measures.
pub struct Options {
    pub contacts: u64,
    pub events: usize,
    pub opportunities: u64,
    /// Keep the database at this path.
    pub keep: Option<PathBuf>,
    /// Fill the database, then measure only the imports.
    pub import_only: bool,
}

pub fn run(options: Options, json: bool) -> Result<(), Error> {
    let Options { contacts, events, opportunities, keep, import_only } = options;
    let dir = std::env::temp_dir().join(format!("outpost-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| Error::io("Cannot create the bench directory", &e))?;
    let path = keep.clone().unwrap_or_else(|| dir.join("bench.db"));
    if path.exists() {
        return Err(Error::new(
            ErrorCode::Conflict,
            format!("{} exists; the benchmark needs a new file", path.display()),
        ));
    }
    let mut rows = Vec::new();
    let mut add = |name: String, value: f64, unit: &'static str, goal: f64| {
        rows.push(Row { name, value, unit, goal: format!("< {goal} {unit}"), met: value < goal });
    };
    let n = contacts;

    let store = Store::open(&path)?;
    let t = Instant::now();
    demo::fill(&store, n, 42)?;
    let create = t.elapsed();
    add(
        format!("create {n} contacts (+ {} accounts) through the write path", n.div_ceil(20)),
        create.as_secs_f64(),
        "s",
        15.0 * n as f64 / 1e6,
    );
    drop(store);

    let t = Instant::now();
    let store = Store::open(&path)?;
    if import_only {
        imports(&store, &dir, n, &mut add)?;
        return finish(store, keep, &dir, rows, json);
    }
    add("open the database".into(), ms(t.elapsed()), "ms", 100.0);

    let first = |store: &Store| store.read(|c| contacts::list(c, ContactListQuery::default()));
    let t = Instant::now();
    let page = first(&store)?;
    add("first page by last name, cold (with total)".into(), ms(t.elapsed()), "ms", 20.0);
    let (p50, _) = percentiles(20, |_| first(&store).map(|_| ()))?;
    add("first page by last name, warm p50".into(), p50, "ms", 20.0);
    if page.total != Some(n) {
        return Err(Error::internal(format!("expected {n} contacts, the list counts {:?}", page.total)));
    }

    let depth = n / 2;
    let after = store.read(|c| {
        let (key, id): (String, String) = c.query_row(
            "SELECT sort_name, id FROM contacts WHERE deleted_at IS NULL ORDER BY sort_name, id LIMIT 1 OFFSET ?1",
            [depth as i64 - 1],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(Cursor { key: Key::Text(key), id }.encode())
    })?;
    let deep = ContactListQuery { after: Some(after), ..Default::default() };
    let (p50, _) = percentiles(20, |_| store.read(|c| contacts::list(c, deep.clone())).map(|_| ()))?;
    add(format!("page {depth} rows deep by keyset, p50"), p50, "ms", 20.0);

    let queries = [
        "mül",
        "schm",
        "шевч",
        "иван",
        "smith",
        "jür",
        "gross",
        "олен",
        "new y",
        "coval",
        "bä",
        "sales",
        "@example.de",
        "+49 30",
        "kozl",
    ];
    let (p50, p95) = percentiles(queries.len() * 4, |i| {
        let q = queries[i % queries.len()].to_owned();
        store.read(|c| search::search(c, SearchArgs { q, limit: 8 })).map(|_| ())
    })?;
    add("global search as you type, p50".into(), p50, "ms", 20.0);
    add("global search as you type, p95".into(), p95, "ms", 20.0);

    // A new contact checked against everything before it is saved.
    let candidates: Vec<_> = {
        let mut rng = demo::Rng::new(7);
        (0..40).map(|_| demo::contact(&mut rng)).collect()
    };
    let (p50, p95) = percentiles(candidates.len(), |i| {
        let query = DuplicateQuery { contact: Some(candidates[i].clone()), ..Default::default() };
        store.read(|c| duplicates::find(c, query)).map(|_| ())
    })?;
    add("duplicates of a new contact, p50".into(), p50, "ms", 50.0);
    add("duplicates of a new contact, p95".into(), p95, "ms", 50.0);

    imports(&store, &dir, n, &mut add)?;
    if events > 0 {
        crate::bench_calendar::measure(&store, events, &mut add)?;
        crate::bench_calendar::ics(&store, &dir, &mut add)?;
    }
    if opportunities > 0 {
        pipeline(&store, opportunities, &mut add)?;
    }
    let pdf = invoice_pdf(&store, &dir)?;
    add(format!("a 200-line invoice PDF ({} pages), first in the process", pdf.pages), pdf.first, "ms", 100.0);
    add(format!("a 200-line invoice PDF ({} pages), p50", pdf.pages), pdf.p50, "ms", 100.0);

    finish(store, keep, &dir, rows, json)
}

/// Removes the temporary files (the database too unless kept) and prints the table.
fn finish(store: Store, keep: Option<PathBuf>, dir: &Path, rows: Vec<Row>, json: bool) -> Result<(), Error> {
    drop(store);
    if keep.is_none() {
        let _ = std::fs::remove_dir_all(dir);
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&rows).unwrap_or_default());
    } else {
        println!("| benchmark | result | goal | met |");
        println!("|---|---:|---:|:-:|");
        for r in &rows {
            println!("| {} | {:.1} {} | {} | {} |", r.name, r.value, r.unit, r.goal, if r.met { "yes" } else { "no" });
        }
    }
    Ok(())
}
