//! The command registry: every command the UI and the CLI can call, declared
//! once with its argument and result types. From this one table come
//! [`dispatch`] (used by the Tauri shell and `crm call`), [`COMMANDS`] (for
//! `crm call --list`) and [`typescript`] (the UI's generated bindings).

use crate::error::{Error, ErrorCode, Result};
use crate::store::Store;
use crate::{
    accounts, attachments, batches, bulk, calendar, calls, contacts, contracts, credit_notes, duplicates, events,
    invoices, leads, merge, notes, numbering, opportunities, opportunity_contacts, opportunity_lines, orders, payments,
    pdf, pipeline, price_books, products, quote_versions, quotes, relationships, search, service_acts, settings,
    stage_history, stages, tags, tasks, timeline, totals, users, views, waybills, AppInfo, IdArgs, NoArgs,
};
use serde::de::DeserializeOwned;
use serde_json::Value;
use ts_rs::{Config, TS};

/// One command as listed by `crm call --list`.
#[derive(Debug, Clone, Copy)]
pub struct CommandInfo {
    pub name: &'static str,
    pub summary: &'static str,
    /// Whether the command writes (runs in a write transaction).
    pub writes: bool,
}

fn parse_args<T: DeserializeOwned>(command: &str, args: Value) -> Result<T> {
    let args = if args.is_null() { Value::Object(Default::default()) } else { args };
    serde_json::from_value(args)
        .map_err(|e| Error::new(ErrorCode::BadArguments, format!("Arguments of {command} do not fit: {e}")))
}

/// Runs a command in a read (`read`) or write (`write`) context.
macro_rules! run {
    (read, $store:expr, $f:path, $a:expr) => {
        $store.read(|conn| $f(conn, $a))
    };
    (write, $store:expr, $f:path, $a:expr) => {
        $store.write(|w| $f(w, $a))
    };
    (store, $store:expr, $f:path, $a:expr) => {
        $f($store, $a)
    };
}

macro_rules! registry {
    ($( $(#[doc = $doc:literal])+ $name:ident: $kind:ident $f:path, ($args:ty) -> $ret:ty; )*) => {
        pub const COMMANDS: &[CommandInfo] = &[
            $( CommandInfo { name: stringify!($name), summary: concat!($($doc),+), writes: registry!(@writes $kind) }, )*
        ];

        /// Runs the command `name` with JSON arguments and returns its JSON result.
        pub fn dispatch(store: &Store, name: &str, args: Value) -> Result<Value> {
            match name {
                $( stringify!($name) => {
                    let args: $args = parse_args(name, args)?;
                    let result: $ret = run!($kind, store, $f, args)?;
                    Ok(serde_json::to_value(result)?)
                } )*
                _ => Err(Error::new(ErrorCode::UnknownCommand, format!("No command named {name:?} (crm call --list shows them)"))),
            }
        }

        /// The `Commands` map of the TypeScript bindings.
        fn command_map(cfg: &Config) -> String {
            let mut out = String::from("/** Every command of the registry: its arguments and its result. */\nexport type Commands = {\n");
            $( out.push_str(&format!("  {}: {{ args: {}, result: {} }},\n", stringify!($name), <$args as TS>::name(cfg), <$ret as TS>::name(cfg))); )*
            out.push_str("};\n");
            out
        }
    };
    (@writes write) => { true };
    (@writes read) => { false };
    (@writes store) => { false };
}

registry! {
    /// Version, schema version, database path and device id.
    app_info: store crate::app_info, (NoArgs) -> AppInfo;
    /// The company settings.
    settings_get: read settings::get, (NoArgs) -> settings::Settings;
    /// Changes company settings: `{"changes": {"company_name": "…"}}`.
    settings_update: write settings::update, (settings::SettingsUpdate) -> settings::Settings;
    /// Creates a contact.
    contact_create: write contacts::create, (contacts::ContactInput) -> contacts::Contact;
    /// One contact by id.
    contact_get: read contacts::get, (IdArgs) -> contacts::Contact;
    /// Changes a contact: `{"id": "…", "changes": {"title": "…"}}`.
    contact_update: write contacts::update, (contacts::ContactUpdate) -> contacts::Contact;
    /// Deletes a contact (it can be restored).
    contact_delete: write contacts::delete, (IdArgs) -> contacts::Contact;
    /// Restores a deleted contact.
    contact_restore: write contacts::restore, (IdArgs) -> contacts::Contact;
    /// A page of contacts in keyset order, with quick filter.
    contact_list: read contacts::list, (contacts::ContactListQuery) -> crate::list::Page<contacts::ContactRow>;
    /// Creates an account.
    account_create: write accounts::create, (accounts::AccountInput) -> accounts::Account;
    /// One account by id.
    account_get: read accounts::get, (IdArgs) -> accounts::Account;
    /// Changes an account: `{"id": "…", "changes": {"industry": "…"}}`; a parent that would loop is refused.
    account_update: write accounts::update, (accounts::AccountUpdate) -> accounts::Account;
    /// Deletes an account without subsidiaries (it can be restored).
    account_delete: write accounts::delete, (IdArgs) -> accounts::Account;
    /// Restores a deleted account.
    account_restore: write accounts::restore, (IdArgs) -> accounts::Account;
    /// A page of accounts by name, with quick filter.
    account_list: read accounts::list, (accounts::AccountListQuery) -> crate::list::Page<accounts::AccountRow>;
    /// The hierarchy an account belongs to, from its top parent down.
    account_tree: read accounts::tree, (IdArgs) -> accounts::AccountNode;
    /// Creates a lead (the required fields come from the lead settings).
    lead_create: write leads::create, (leads::LeadInput) -> leads::Lead;
    /// One lead by id, with its score and the reasons for it.
    lead_get: read leads::get, (IdArgs) -> leads::Lead;
    /// Changes a lead's fields or qualification answers: `{"id": "…", "changes": {"answers": {"budget": "yes"}}}`.
    lead_update: write leads::update, (leads::LeadUpdate) -> leads::Lead;
    /// Moves a lead to another status: `{"id": "…", "status": "disqualified", "reason": "…"}`.
    lead_set_status: write leads::set_status, (leads::LeadStatusChange) -> leads::Lead;
    /// Deletes a lead (it can be restored).
    lead_delete: write leads::delete, (IdArgs) -> leads::Lead;
    /// Restores a deleted lead.
    lead_restore: write leads::restore, (IdArgs) -> leads::Lead;
    /// A page of leads by name or score, filtered by status.
    lead_list: read leads::list, (leads::LeadListQuery) -> crate::list::Page<leads::LeadRow>;
    /// The existing accounts and contacts a lead matches, before converting it.
    lead_convert_preview: read leads::convert_preview, (IdArgs) -> leads::ConversionPreview;
    /// Converts a lead into account + contact + opportunity in one step.
    lead_convert: write leads::convert, (leads::LeadConversion) -> leads::ConversionResult;
    /// Required lead fields and the qualification questions.
    lead_settings_get: read leads::settings_get, (NoArgs) -> leads::LeadSettings;
    /// Changes the required lead fields or the qualification questions.
    lead_settings_update: write leads::settings_update, (leads::LeadSettingsUpdate) -> leads::LeadSettings;
    /// Creates an opportunity.
    opportunity_create: write opportunities::create, (opportunities::OpportunityInput) -> opportunities::Opportunity;
    /// One opportunity by id.
    opportunity_get: read opportunities::get, (IdArgs) -> opportunities::Opportunity;
    /// Changes an opportunity; a new stage brings its probability unless one is given.
    opportunity_update: write opportunities::update, (opportunities::OpportunityUpdate) -> opportunities::Opportunity;
    /// Deletes an opportunity (it can be restored).
    opportunity_delete: write opportunities::delete, (IdArgs) -> opportunities::Opportunity;
    /// Restores a deleted opportunity.
    opportunity_restore: write opportunities::restore, (IdArgs) -> opportunities::Opportunity;
    /// A page of opportunities in any sort and filter; the first page with totals and weighted totals per currency.
    opportunity_list: read pipeline::list, (pipeline::OpportunityListQuery) -> pipeline::OpportunityPage;
    /// Lost deals and open ones unchanged for `stale_days`, the most recently changed first.
    opportunity_archive: read pipeline::archive, (pipeline::ArchiveQuery) -> crate::list::Page<pipeline::OpportunityRow>;
    /// Every stage a deal entered, with the day, amount and probability then.
    opportunity_stage_history: read stage_history::list, (IdArgs) -> Vec<stage_history::StageChange>;
    /// A deal's contacts with their roles.
    opportunity_contacts: read opportunity_contacts::list, (IdArgs) -> Vec<opportunity_contacts::ContactWithRole>;
    /// Replaces a deal's contacts and their roles.
    opportunity_contacts_set: write opportunity_contacts::set, (opportunity_contacts::OpportunityContactsSet) -> Vec<opportunity_contacts::ContactWithRole>;
    /// Count and amount per open stage and currency (optionally one owner's, closing in a date range).
    pipeline_funnel: read pipeline::funnel, (pipeline::FunnelQuery) -> Vec<pipeline::FunnelStage>;
    /// The kanban: each stage with its count, amounts and first cards.
    pipeline_board: read pipeline::board, (pipeline::BoardQuery) -> Vec<pipeline::BoardColumn>;
    /// Replaces an opportunity's line items (from a price book or free text); its amount becomes their grand total.
    opportunity_lines_set: write opportunity_lines::set, (opportunity_lines::LinesSet) -> opportunities::Opportunity;
    /// The sales stages in order, with their probabilities, kinds and coaching notes.
    stage_list: read stages::list, (NoArgs) -> Vec<stages::Stage>;
    /// Replaces the stages (add, change, reorder, remove with the deals moved) in one transaction.
    stage_save: write stages::save, (stages::StageSave) -> Vec<stages::Stage>;
    /// Relates two accounts or contacts: `{"from": {"type": "contact", "id": "…"}, "to": {…}, "kind": "employee_of"}`.
    relationship_create: write relationships::create, (relationships::RelationshipInput) -> relationships::RelationshipView;
    /// Removes a relationship.
    relationship_delete: write relationships::delete, (IdArgs) -> ();
    /// An account's or contact's relationships, each in its own words.
    relationship_list: read relationships::list, (relationships::RelationshipListQuery) -> Vec<relationships::RelationshipView>;
    /// Likely duplicates of a contact or account (stored or about to be created), best first.
    duplicates_find: read duplicates::find, (duplicates::DuplicateQuery) -> Vec<duplicates::Duplicate>;
    /// Merges a duplicate into the record that stays, keeping every related record; undo with batch_undo.
    records_merge: write merge::merge, (merge::MergeArgs) -> merge::MergeResult;
    /// Takes back a merge (or an import) by its batch id.
    batch_undo: write batches::undo, (batches::BatchArgs) -> batches::UndoReport;
    /// Tags in use with their counts, for one record type or all.
    tag_list: read tags::list, (tags::TagQuery) -> Vec<tags::TagCount>;
    /// The people records can belong to (owners), by name.
    user_list: read users::list, (NoArgs) -> Vec<users::UserRow>;
    /// Adds and removes tags on many records at once (undo with batch_undo).
    bulk_tag: write bulk::tag, (bulk::BulkTag) -> bulk::BulkResult;
    /// Gives many records another owner (undo with batch_undo).
    bulk_owner: write bulk::owner, (bulk::BulkOwner) -> bulk::BulkResult;
    /// Deletes many records (undo with batch_undo).
    bulk_delete: write bulk::delete, (bulk::BulkDelete) -> bulk::BulkResult;
    /// Moves many leads to a status (undo with batch_undo).
    bulk_lead_status: write bulk::lead_status, (bulk::BulkLeadStatus) -> bulk::BulkResult;
    /// Moves many opportunities to a stage, with the reason a lost (or won) stage asks (undo with batch_undo).
    bulk_opportunity_stage: write bulk::opportunity_stage, (bulk::BulkOpportunityStage) -> bulk::BulkResult;
    /// Adds a note to a record.
    note_create: write notes::create, (notes::NoteInput) -> notes::Note;
    /// Changes a note's text or pin.
    note_update: write notes::update, (notes::NoteUpdate) -> notes::Note;
    /// Deletes a note.
    note_delete: write notes::delete, (IdArgs) -> ();
    /// A record's notes, pinned first.
    note_list: read notes::list, (notes::NoteListQuery) -> Vec<notes::Note>;
    /// Attaches a file (copied into the app's attachments folder) to a record.
    attachment_add: store attachments::add, (attachments::AttachmentAdd) -> attachments::Attachment;
    /// A record's files.
    attachment_list: read attachments::list, (attachments::AttachmentListQuery) -> Vec<attachments::Attachment>;
    /// Where a stored file is, to open it with the system viewer.
    attachment_path: store attachments::path, (IdArgs) -> attachments::StoredFile;
    /// Removes a file from a record.
    attachment_delete: write attachments::delete, (IdArgs) -> ();
    /// Saves a named list view (replacing one of the same name).
    view_save: write views::save, (views::ViewInput) -> views::View;
    /// The saved views of a list.
    view_list: read views::list, (views::ViewListQuery) -> Vec<views::View>;
    /// Deletes a saved view.
    view_delete: write views::delete, (IdArgs) -> ();
    /// The fields a column of a file can fill for a kind of record (`target`), which must be mapped, and the match keys.
    import_fields: read crate::import::fields::describe, (crate::import::fields::ImportFieldsArgs) -> crate::import::fields::ImportFields;
    /// Imports a CSV, workbook or vCard file of contacts, accounts, leads or products (`target`; `dry_run` to check and preview it first); undo with batch_undo.
    import_contacts: store crate::import::run, (crate::import::ImportArgs) -> crate::import::ImportReport;
    /// Writes a list of contacts, accounts or leads (`target`) to a CSV or .xlsx file (contacts also vCard).
    export_contacts: store crate::export::run, (crate::export::ExportArgs) -> crate::export::ExportReport;
    /// Creates a task: `{"subject": "…", "due_date": "2026-03-05", "record": {"type": "contact", "id": "…"}}`.
    task_create: write tasks::create, (tasks::TaskInput) -> tasks::Task;
    /// One task by id.
    task_get: read tasks::get, (IdArgs) -> tasks::Task;
    /// Changes a task: `{"id": "…", "changes": {"status": "waiting"}}`; completing it stamps completed_at.
    task_update: write tasks::update, (tasks::TaskUpdate) -> tasks::Task;
    /// Completes a task in one step.
    task_complete: write tasks::complete, (IdArgs) -> tasks::Task;
    /// Deletes a task (it can be restored).
    task_delete: write tasks::delete, (IdArgs) -> tasks::Task;
    /// Restores a deleted task.
    task_restore: write tasks::restore, (IdArgs) -> tasks::Task;
    /// A page of tasks by due date: by status, owner, overdue, due today or linked record.
    task_list: store tasks::list, (tasks::TaskListQuery) -> crate::list::Page<tasks::TaskRow>;
    /// Creates an event, recurring with an RRULE: `{"subject": "…", "start": "2026-03-05T09:00", "tz": "Europe/Berlin", "rrule": "FREQ=WEEKLY"}`.
    event_create: write events::create, (events::EventInput) -> events::Event;
    /// One event (a single event, a series or a moved occurrence) by id.
    event_get: read events::get, (IdArgs) -> events::Event;
    /// Changes an event; for a series, `scope` is this (one `occurrence`), this_and_following or all.
    event_update: write events::update, (events::EventUpdate) -> events::Event;
    /// Deletes an event, one occurrence of a series (an exception), this and the following, or the series.
    event_delete: write events::delete, (events::EventDelete) -> events::Event;
    /// Restores a deleted event.
    event_restore: write events::restore, (IdArgs) -> events::Event;
    /// Every event occurrence and dated task between two instants in a time zone, sorted by start.
    calendar_range: store calendar::range, (calendar::CalendarQuery) -> Vec<calendar::CalendarItem>;
    /// Events (with their moved occurrences) and tasks as one iCalendar text: by `ids`, `from`/`to`, or all.
    ics_export: store crate::ical::export, (crate::ical::IcsExportArgs) -> crate::ical::IcsExport;
    /// Imports an iCalendar file (`path` or `text`) in one batch, updating by UID; undo with batch_undo.
    ics_import: store crate::ical::import, (crate::ical::IcsImportArgs) -> crate::ical::IcsImportReport;
    /// Reminders of events and tasks due after the instant acknowledged last (or `from`) up to `until`.
    reminder_due: store crate::reminders::due, (crate::reminders::ReminderQuery) -> crate::reminders::RemindersDue;
    /// Marks the reminders due up to `until` as shown on this device.
    reminder_ack: write crate::reminders::ack, (crate::reminders::ReminderAck) -> crate::reminders::ReminderAcked;
    /// Logs a call on a record and person, with an optional follow-up task.
    call_log: write calls::log, (calls::CallInput) -> calls::CallLogged;
    /// One logged call by id.
    call_get: read calls::get, (IdArgs) -> calls::Call;
    /// A record's history, newest first: `{"id": "…", "before": seq|null}`.
    timeline_get: read timeline::get, (timeline::TimelineQuery) -> Vec<timeline::TimelineEntry>;
    /// Searches all records as you type; hits grouped by record type.
    search: read search::search, (search::SearchArgs) -> search::SearchResults;
    /// Creates a product or service.
    product_create: write products::create, (products::ProductInput) -> products::Product;
    /// One product by id.
    product_get: read products::get, (IdArgs) -> products::Product;
    /// Changes a product: `{"id": "…", "changes": {"default_price": "12.50"}}`.
    product_update: write products::update, (products::ProductUpdate) -> products::Product;
    /// Deletes a product (it can be restored; its price book entries stay, shown as unavailable).
    product_delete: write products::delete, (IdArgs) -> products::Product;
    /// Restores a deleted product unless another product took its code.
    product_restore: write products::restore, (IdArgs) -> products::Product;
    /// A page of products by name or code, with quick filter.
    product_list: read products::list, (products::ProductListQuery) -> crate::list::Page<products::ProductRow>;
    /// Creates a price book (one currency; a new default replaces the currency's previous default).
    price_book_create: write price_books::create, (price_books::PriceBookInput) -> price_books::PriceBook;
    /// One price book by id.
    price_book_get: read price_books::get, (IdArgs) -> price_books::PriceBook;
    /// Changes a price book; its currency is fixed once it has prices.
    price_book_update: write price_books::update, (price_books::PriceBookUpdate) -> price_books::PriceBook;
    /// Deletes a price book.
    price_book_delete: write price_books::delete, (IdArgs) -> price_books::PriceBook;
    /// A page of price books by name.
    price_book_list: read price_books::list, (price_books::PriceBookListQuery) -> crate::list::Page<price_books::PriceBook>;
    /// Sets a product's unit price in a price book.
    price_book_entry_set: write price_books::entry_set, (price_books::EntrySet) -> price_books::EntryRow;
    /// Removes a product's price from a price book.
    price_book_entry_remove: write price_books::entry_remove, (price_books::EntryKey) -> ();
    /// A price book's prices with their products, by product name.
    price_book_entries: read price_books::entries, (price_books::EntryListQuery) -> Vec<price_books::EntryRow>;
    /// The unit price and tax rate a new line of a product takes from a price book (or its default price).
    price_for: read price_books::price_for, (price_books::PriceQuery) -> price_books::Price;
    /// Creates a draft quote with the next number (from an opportunity, its lines are copied unless lines are given).
    quote_create: write quotes::create, (quotes::QuoteInput) -> quotes::Quote;
    /// One quote by id, with its stored totals.
    quote_get: read quotes::get, (IdArgs) -> quotes::Quote;
    /// Changes a draft quote; its totals are computed again.
    quote_update: write quotes::update, (quotes::QuoteUpdate) -> quotes::Quote;
    /// Moves a quote: draft → sent → accepted, rejected or expired.
    quote_set_status: write quotes::set_status, (quotes::QuoteStatusChange) -> quotes::Quote;
    /// Deletes a draft quote (it can be restored).
    quote_delete: write quotes::delete, (IdArgs) -> quotes::Quote;
    /// Restores a deleted quote.
    quote_restore: write quotes::restore, (IdArgs) -> quotes::Quote;
    /// A page of quotes by number, filtered by status, account, opportunity.
    quote_list: read quotes::list, (quotes::QuoteListQuery) -> crate::list::Page<quotes::QuoteRow>;
    /// Makes the next version of a sent, rejected or expired quote: a draft with the same number.
    quote_revise: write quote_versions::revise, (IdArgs) -> quotes::Quote;
    /// The versions of a quote, the first first.
    quote_versions: read quote_versions::versions, (IdArgs) -> Vec<quote_versions::QuoteVersion>;
    /// The differences between two quotes (two versions): header fields, lines and totals.
    quote_compare: read quote_versions::compare, (quote_versions::QuoteCompareArgs) -> quote_versions::QuoteComparison;
    /// Creates a draft sales order (numbered SO-00001…).
    order_create: write orders::create, (orders::OrderInput) -> orders::Order;
    /// A draft sales order from an accepted quote: lines, customer, currency and totals copied.
    order_from_quote: write orders::from_quote, (orders::FromQuote) -> orders::Order;
    /// One sales order by id.
    order_get: read orders::get, (IdArgs) -> orders::Order;
    /// Changes a draft sales order; its totals are computed again.
    order_update: write orders::update, (orders::OrderUpdate) -> orders::Order;
    /// Moves an order: draft → confirmed → delivered; cancelled from draft or confirmed.
    order_set_status: write orders::set_status, (orders::OrderStatusChange) -> orders::Order;
    /// Deletes a draft sales order (it can be restored).
    order_delete: write orders::delete, (IdArgs) -> orders::Order;
    /// Restores a deleted sales order.
    order_restore: write orders::restore, (IdArgs) -> orders::Order;
    /// A page of sales orders by number, filtered by status, account, quote.
    order_list: read orders::list, (orders::OrderListQuery) -> crate::list::Page<orders::OrderRow>;
    /// Records a delivery of a confirmed order (empty lines: everything left); the last one marks it delivered.
    waybill_create: write waybills::create, (waybills::WaybillCreate) -> waybills::Waybill;
    /// One waybill by id.
    waybill_get: read waybills::get, (IdArgs) -> waybills::Waybill;
    /// Deletes a waybill of an order still being delivered.
    waybill_delete: write waybills::delete, (IdArgs) -> waybills::Waybill;
    /// Restores a deleted waybill.
    waybill_restore: write waybills::restore, (IdArgs) -> waybills::Waybill;
    /// A page of waybills by number, of one order or all.
    waybill_list: read waybills::list, (waybills::WaybillListQuery) -> crate::list::Page<waybills::WaybillRow>;
    /// An order's lines with the quantities delivered so far (id of the order).
    waybill_outstanding: read waybills::outstanding, (IdArgs) -> Vec<waybills::Outstanding>;
    /// The invoice and credit note number patterns and the default payment terms.
    document_settings_get: read numbering::get, (NoArgs) -> numbering::DocumentSettings;
    /// Changes the number patterns (`INV-{YYYY}-{SEQ:4}`) or the default payment terms.
    document_settings_update: write numbering::update, (numbering::DocumentSettingsUpdate) -> numbering::DocumentSettings;
    /// Creates a draft invoice (numbered when issued).
    invoice_create: write invoices::create, (invoices::InvoiceInput) -> invoices::Invoice;
    /// A draft invoice from a confirmed or delivered order.
    invoice_from_order: write invoices::from_order, (invoices::FromOrder) -> invoices::Invoice;
    /// A draft invoice from an accepted quote.
    invoice_from_quote: write invoices::from_quote, (orders::FromQuote) -> invoices::Invoice;
    /// One invoice by id, with its balance and whether it is overdue.
    invoice_get: read invoices::get, (IdArgs) -> invoices::Invoice;
    /// Changes a draft invoice; an issued one takes only tag changes.
    invoice_update: write invoices::update, (invoices::InvoiceUpdate) -> invoices::Invoice;
    /// Issues a draft invoice: its number from the series, its issue and due dates.
    invoice_issue: write invoices::issue, (invoices::InvoiceIssue) -> invoices::Invoice;
    /// Voids an issued invoice without payments (it keeps its number).
    invoice_void: write invoices::void, (IdArgs) -> invoices::Invoice;
    /// Deletes a draft invoice (it can be restored).
    invoice_delete: write invoices::delete, (IdArgs) -> invoices::Invoice;
    /// Restores a deleted draft invoice.
    invoice_restore: write invoices::restore, (IdArgs) -> invoices::Invoice;
    /// A page of invoices, newest or oldest first, filtered by status, account, order.
    invoice_list: read invoices::list, (invoices::InvoiceListQuery) -> crate::list::Page<invoices::InvoiceRow>;
    /// Issued invoices past their due date with a balance left.
    invoice_overdue: read invoices::overdue, (invoices::OverdueQuery) -> Vec<invoices::InvoiceRow>;
    /// Creates a draft credit note (negative lines) for an issued invoice.
    credit_note_create: write credit_notes::create, (credit_notes::CreditNoteInput) -> credit_notes::CreditNote;
    /// Issues a credit note: its number from the series; the invoice's balance is reduced.
    credit_note_issue: write credit_notes::issue, (invoices::InvoiceIssue) -> credit_notes::CreditNote;
    /// One credit note by id.
    credit_note_get: read credit_notes::get, (IdArgs) -> credit_notes::CreditNote;
    /// Deletes a draft credit note.
    credit_note_delete: write credit_notes::delete, (IdArgs) -> credit_notes::CreditNote;
    /// Restores a deleted draft credit note.
    credit_note_restore: write credit_notes::restore, (IdArgs) -> credit_notes::CreditNote;
    /// A page of credit notes, of one invoice or all.
    credit_note_list: read credit_notes::list, (credit_notes::CreditNoteListQuery) -> crate::list::Page<credit_notes::CreditNoteRow>;
    /// Records a payment in or out, allocated to invoices or not.
    payment_create: write payments::create, (payments::PaymentInput) -> payments::Payment;
    /// One payment by id.
    payment_get: read payments::get, (IdArgs) -> payments::Payment;
    /// Changes a payment; the invoices it touches are settled again.
    payment_update: write payments::update, (payments::PaymentUpdate) -> payments::Payment;
    /// Replaces a payment's allocations to invoices.
    payment_allocate: write payments::allocate, (payments::PaymentAllocate) -> payments::Payment;
    /// Deletes a payment; the invoices it paid get their balance back.
    payment_delete: write payments::delete, (IdArgs) -> payments::Payment;
    /// Restores a deleted payment (refused when its allocations no longer fit).
    payment_restore: write payments::restore, (IdArgs) -> payments::Payment;
    /// A page of payments by number, filtered by direction, account, currency.
    payment_list: read payments::list, (payments::PaymentListQuery) -> crate::list::Page<payments::PaymentRow>;
    /// Draws up a service act (certificate of completed work) for an issued invoice.
    act_create: write service_acts::create, (service_acts::ActCreate) -> service_acts::ServiceAct;
    /// One service act by id.
    act_get: read service_acts::get, (IdArgs) -> service_acts::ServiceAct;
    /// Deletes a service act (it can be restored).
    act_delete: write service_acts::delete, (IdArgs) -> service_acts::ServiceAct;
    /// Restores a deleted service act.
    act_restore: write service_acts::restore, (IdArgs) -> service_acts::ServiceAct;
    /// A page of service acts by number, of one invoice or all.
    act_list: read service_acts::list, (service_acts::ActListQuery) -> crate::list::Page<service_acts::ActRow>;
    /// Creates a draft contract; the end date is derived from the term when not given.
    contract_create: write contracts::create, (contracts::ContractInput) -> contracts::Contract;
    /// One contract by id.
    contract_get: read contracts::get, (IdArgs) -> contracts::Contract;
    /// Changes a draft or active contract.
    contract_update: write contracts::update, (contracts::ContractUpdate) -> contracts::Contract;
    /// Moves a contract: draft → active → expired; terminated from draft or active.
    contract_set_status: write contracts::set_status, (contracts::ContractStatusChange) -> contracts::Contract;
    /// Deletes a draft contract (it can be restored).
    contract_delete: write contracts::delete, (IdArgs) -> contracts::Contract;
    /// Restores a deleted contract.
    contract_restore: write contracts::restore, (IdArgs) -> contracts::Contract;
    /// A page of contracts by number, filtered by status, account.
    contract_list: read contracts::list, (contracts::ContractListQuery) -> crate::list::Page<contracts::ContractRow>;
    /// Active contracts whose renewal reminder is due, soonest end first (the home screen).
    contracts_due_for_renewal: read contracts::due_for_renewal, (contracts::RenewalQuery) -> Vec<contracts::ContractRow>;
    /// A document's totals (lines, discounts, shipping, tax per rate) as the core computes them.
    totals_compute: read totals::compute_command, (totals::TotalsInput) -> totals::Totals;
    /// Writes a document as PDF: `{"record_type": "invoice", "id": "INV-2026-0001", "path": "/tmp/x.pdf"}` (id or number).
    document_pdf: store pdf::write, (pdf::DocumentPdf) -> pdf::PdfFile;
    /// The e-mail that sends a document: the customer's address, subject, text and PDF file name.
    document_message: store pdf::message, (pdf::DocumentRef) -> pdf::DocumentMessage;
}

/// Every type the UI sees, declared once in TypeScript.
fn declarations(cfg: &Config) -> Vec<String> {
    vec![
        crate::error::ErrorCode::decl(cfg),
        crate::error::Error::decl(cfg),
        NoArgs::decl(cfg),
        IdArgs::decl(cfg),
        AppInfo::decl(cfg),
        settings::Settings::decl(cfg),
        settings::SettingsUpdate::decl(cfg),
        crate::fields::LabeledValue::decl(cfg),
        crate::fields::Address::decl(cfg),
        contacts::ContactInput::decl(cfg),
        contacts::Contact::decl(cfg),
        contacts::ContactUpdate::decl(cfg),
        contacts::ContactSort::decl(cfg),
        contacts::ContactListQuery::decl(cfg),
        contacts::ContactRow::decl(cfg),
        accounts::AccountType::decl(cfg),
        accounts::Rating::decl(cfg),
        accounts::AccountInput::decl(cfg),
        accounts::Account::decl(cfg),
        accounts::AccountUpdate::decl(cfg),
        accounts::AccountSort::decl(cfg),
        accounts::AccountListQuery::decl(cfg),
        accounts::AccountRow::decl(cfg),
        accounts::AccountNode::decl(cfg),
        leads::LeadSource::decl(cfg),
        leads::LeadStatus::decl(cfg),
        leads::AnswerOption::decl(cfg),
        leads::Question::decl(cfg),
        leads::LeadSettings::decl(cfg),
        leads::LeadSettingsUpdate::decl(cfg),
        leads::LeadInput::decl(cfg),
        leads::ScoreReason::decl(cfg),
        leads::Lead::decl(cfg),
        leads::LeadUpdate::decl(cfg),
        leads::LeadStatusChange::decl(cfg),
        leads::LeadSort::decl(cfg),
        leads::LeadListQuery::decl(cfg),
        leads::LeadRow::decl(cfg),
        leads::Match::decl(cfg),
        leads::ConversionPreview::decl(cfg),
        leads::LeadConversion::decl(cfg),
        leads::ConversionResult::decl(cfg),
        stages::StageKind::decl(cfg),
        stages::Stage::decl(cfg),
        stages::StageInput::decl(cfg),
        stages::StageMove::decl(cfg),
        stages::StageSave::decl(cfg),
        opportunities::ForecastCategory::decl(cfg),
        opportunities::OpportunityInput::decl(cfg),
        crate::line_items::LineItem::decl(cfg),
        opportunity_lines::LinesSet::decl(cfg),
        opportunity_lines::LineItems::decl(cfg),
        opportunities::Opportunity::decl(cfg),
        opportunities::OpportunityUpdate::decl(cfg),
        pipeline::OpportunitySort::decl(cfg),
        pipeline::OpportunityListQuery::decl(cfg),
        pipeline::OpportunityRow::decl(cfg),
        pipeline::CurrencyTotal::decl(cfg),
        pipeline::OpportunityPage::decl(cfg),
        pipeline::ArchiveQuery::decl(cfg),
        pipeline::FunnelQuery::decl(cfg),
        pipeline::StageAmount::decl(cfg),
        pipeline::FunnelStage::decl(cfg),
        pipeline::BoardQuery::decl(cfg),
        pipeline::BoardColumn::decl(cfg),
        stage_history::StageChange::decl(cfg),
        opportunity_contacts::ContactRole::decl(cfg),
        opportunity_contacts::ContactWithRole::decl(cfg),
        opportunity_contacts::OpportunityContactsSet::decl(cfg),
        relationships::PartyType::decl(cfg),
        relationships::RelationshipKind::decl(cfg),
        relationships::Party::decl(cfg),
        relationships::RelationshipInput::decl(cfg),
        relationships::RelationshipView::decl(cfg),
        relationships::RelationshipListQuery::decl(cfg),
        duplicates::DuplicateQuery::decl(cfg),
        duplicates::Duplicate::decl(cfg),
        merge::MergeType::decl(cfg),
        merge::MergeArgs::decl(cfg),
        merge::MergeResult::decl(cfg),
        batches::BatchArgs::decl(cfg),
        batches::UndoReport::decl(cfg),
        tags::TagQuery::decl(cfg),
        tags::TagCount::decl(cfg),
        users::UserRow::decl(cfg),
        bulk::ListType::decl(cfg),
        bulk::BulkTag::decl(cfg),
        bulk::BulkOwner::decl(cfg),
        bulk::BulkDelete::decl(cfg),
        bulk::BulkLeadStatus::decl(cfg),
        bulk::BulkOpportunityStage::decl(cfg),
        bulk::BulkResult::decl(cfg),
        notes::NoteInput::decl(cfg),
        notes::NoteUpdate::decl(cfg),
        notes::Note::decl(cfg),
        notes::NoteListQuery::decl(cfg),
        attachments::AttachmentAdd::decl(cfg),
        attachments::Attachment::decl(cfg),
        attachments::AttachmentListQuery::decl(cfg),
        attachments::StoredFile::decl(cfg),
        views::ViewInput::decl(cfg),
        views::View::decl(cfg),
        views::ViewListQuery::decl(cfg),
        crate::list::ConditionOp::decl(cfg),
        crate::list::Condition::decl(cfg),
        crate::list::ListFilters::decl(cfg),
        crate::import::ListTarget::decl(cfg),
        crate::import::mapping::Field::decl(cfg),
        crate::import::fields::ImportFieldsArgs::decl(cfg),
        crate::import::fields::FieldGroup::decl(cfg),
        crate::import::fields::ImportField::decl(cfg),
        crate::import::fields::RequiredFields::decl(cfg),
        crate::import::fields::ImportFields::decl(cfg),
        crate::import::MatchOn::decl(cfg),
        crate::import::OnMatch::decl(cfg),
        crate::import::mapping::Preset::decl(cfg),
        crate::import::ImportArgs::decl(cfg),
        crate::import::RowError::decl(cfg),
        crate::import::ColumnMapping::decl(cfg),
        crate::import::ImportReport::decl(cfg),
        crate::export::ExportFormat::decl(cfg),
        crate::export::ExportArgs::decl(cfg),
        crate::export::ExportReport::decl(cfg),
        crate::list::Page::<()>::decl(cfg),
        crate::activities::PersonType::decl(cfg),
        crate::activities::RecordLink::decl(cfg),
        crate::activities::PersonLink::decl(cfg),
        tasks::Priority::decl(cfg),
        tasks::TaskStatus::decl(cfg),
        tasks::TaskInput::decl(cfg),
        tasks::Task::decl(cfg),
        tasks::TaskUpdate::decl(cfg),
        tasks::TaskListQuery::decl(cfg),
        tasks::TaskRow::decl(cfg),
        events::EventStatus::decl(cfg),
        events::AttendeeType::decl(cfg),
        events::Attendee::decl(cfg),
        events::EventInput::decl(cfg),
        events::Event::decl(cfg),
        events::EditScope::decl(cfg),
        events::EventUpdate::decl(cfg),
        events::EventDelete::decl(cfg),
        calendar::ItemType::decl(cfg),
        calendar::CalendarQuery::decl(cfg),
        calendar::CalendarItem::decl(cfg),
        crate::ical::Issue::decl(cfg),
        crate::ical::IcsImportArgs::decl(cfg),
        crate::ical::IcsImportReport::decl(cfg),
        crate::ical::IcsExportArgs::decl(cfg),
        crate::ical::IcsExport::decl(cfg),
        crate::reminders::ReminderQuery::decl(cfg),
        crate::reminders::Reminder::decl(cfg),
        crate::reminders::RemindersDue::decl(cfg),
        crate::reminders::ReminderAck::decl(cfg),
        crate::reminders::ReminderAcked::decl(cfg),
        calls::CallDirection::decl(cfg),
        calls::Outcome::decl(cfg),
        calls::FollowUp::decl(cfg),
        calls::CallInput::decl(cfg),
        calls::Call::decl(cfg),
        calls::CallLogged::decl(cfg),
        timeline::TimelineQuery::decl(cfg),
        timeline::FieldChange::decl(cfg),
        timeline::TimelineEntry::decl(cfg),
        search::SearchArgs::decl(cfg),
        search::SearchHit::decl(cfg),
        search::SearchGroup::decl(cfg),
        search::SearchResults::decl(cfg),
        products::ProductKind::decl(cfg),
        products::ProductInput::decl(cfg),
        products::Product::decl(cfg),
        products::ProductUpdate::decl(cfg),
        products::ProductSort::decl(cfg),
        products::ProductListQuery::decl(cfg),
        products::ProductRow::decl(cfg),
        price_books::PriceBookInput::decl(cfg),
        price_books::PriceBook::decl(cfg),
        price_books::PriceBookUpdate::decl(cfg),
        price_books::PriceBookListQuery::decl(cfg),
        price_books::EntrySet::decl(cfg),
        price_books::EntryKey::decl(cfg),
        price_books::EntryListQuery::decl(cfg),
        price_books::EntryRow::decl(cfg),
        price_books::PriceQuery::decl(cfg),
        price_books::PriceSource::decl(cfg),
        price_books::Price::decl(cfg),
        quotes::QuoteStatus::decl(cfg),
        quotes::QuoteInput::decl(cfg),
        quotes::Quote::decl(cfg),
        quotes::QuoteUpdate::decl(cfg),
        quotes::QuoteStatusChange::decl(cfg),
        quotes::QuoteListQuery::decl(cfg),
        quotes::QuoteRow::decl(cfg),
        quote_versions::QuoteVersion::decl(cfg),
        quote_versions::QuoteCompareArgs::decl(cfg),
        quote_versions::QuoteFieldChange::decl(cfg),
        quote_versions::QuoteLineChangeKind::decl(cfg),
        quote_versions::QuoteLineChange::decl(cfg),
        quote_versions::QuoteComparison::decl(cfg),
        orders::OrderStatus::decl(cfg),
        orders::OrderInput::decl(cfg),
        orders::Order::decl(cfg),
        orders::OrderUpdate::decl(cfg),
        orders::OrderStatusChange::decl(cfg),
        orders::FromQuote::decl(cfg),
        orders::OrderListQuery::decl(cfg),
        orders::OrderRow::decl(cfg),
        waybills::WaybillLine::decl(cfg),
        waybills::WaybillCreate::decl(cfg),
        waybills::Waybill::decl(cfg),
        waybills::WaybillListQuery::decl(cfg),
        waybills::WaybillRow::decl(cfg),
        waybills::Outstanding::decl(cfg),
        numbering::DocumentSettings::decl(cfg),
        numbering::DocumentSettingsUpdate::decl(cfg),
        invoices::InvoiceStatus::decl(cfg),
        invoices::InvoiceInput::decl(cfg),
        invoices::Invoice::decl(cfg),
        invoices::InvoiceUpdate::decl(cfg),
        invoices::InvoiceIssue::decl(cfg),
        invoices::FromOrder::decl(cfg),
        invoices::InvoiceListQuery::decl(cfg),
        invoices::OverdueQuery::decl(cfg),
        invoices::InvoiceRow::decl(cfg),
        credit_notes::CreditNoteStatus::decl(cfg),
        credit_notes::CreditNoteInput::decl(cfg),
        credit_notes::CreditNote::decl(cfg),
        credit_notes::CreditNoteListQuery::decl(cfg),
        credit_notes::CreditNoteRow::decl(cfg),
        payments::Direction::decl(cfg),
        payments::Method::decl(cfg),
        payments::Allocation::decl(cfg),
        payments::PaymentInput::decl(cfg),
        payments::Payment::decl(cfg),
        payments::PaymentUpdate::decl(cfg),
        payments::PaymentAllocate::decl(cfg),
        payments::PaymentListQuery::decl(cfg),
        payments::PaymentRow::decl(cfg),
        service_acts::ActCreate::decl(cfg),
        service_acts::ServiceAct::decl(cfg),
        service_acts::ActListQuery::decl(cfg),
        service_acts::ActRow::decl(cfg),
        contracts::ContractStatus::decl(cfg),
        contracts::ContractInput::decl(cfg),
        contracts::Contract::decl(cfg),
        contracts::ContractUpdate::decl(cfg),
        contracts::ContractStatusChange::decl(cfg),
        contracts::ContractListQuery::decl(cfg),
        contracts::RenewalQuery::decl(cfg),
        contracts::ContractRow::decl(cfg),
        totals::TaxMode::decl(cfg),
        totals::Discount::decl(cfg),
        totals::LineInput::decl(cfg),
        totals::TotalsInput::decl(cfg),
        totals::LineTotals::decl(cfg),
        totals::RateTotals::decl(cfg),
        totals::Totals::decl(cfg),
        pdf::DocumentKind::decl(cfg),
        pdf::DocumentPdf::decl(cfg),
        pdf::PdfFile::decl(cfg),
        pdf::DocumentRef::decl(cfg),
        pdf::DocumentMessage::decl(cfg),
    ]
}

/// The UI's `ui/src/lib/bindings.ts`, generated from the Rust types.
pub fn typescript() -> String {
    let cfg = Config::new().with_large_int("number");
    let mut out = String::from(
        "// Generated from the Rust types by crm-core; do not edit.\n\
         // Regenerate: UPDATE_BINDINGS=1 cargo test -p crm-core --test bindings\n\n",
    );
    for decl in declarations(&cfg) {
        out.push_str("export ");
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.push_str(&command_map(&cfg));
    out
}
