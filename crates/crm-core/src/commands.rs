//! The command registry: every command the UI and the CLI can call, declared
//! once with its argument and result types. From this one table come
//! [`dispatch`] (used by the Tauri shell and `crm call`), [`COMMANDS`] (for
//! `crm call --list`) and [`typescript`] (the UI's generated bindings).

use crate::error::{Error, ErrorCode, Result};
use crate::store::Store;
use crate::{
    accounts, attachments, batches, bulk, calendar, calls, contacts, duplicates, events, leads, merge, notes,
    opportunities, relationships, search, settings, tags, tasks, timeline, users, views, AppInfo, IdArgs, NoArgs,
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
    /// A page of opportunities by name.
    opportunity_list: read opportunities::list, (opportunities::OpportunityListQuery) -> crate::list::Page<opportunities::OpportunityRow>;
    /// The sales stages in order, with their probabilities.
    stage_list: read opportunities::stages, (NoArgs) -> Vec<opportunities::Stage>;
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
    /// Imports a CSV file of contacts (`dry_run` to check and preview it first); undo with batch_undo.
    import_contacts: store crate::import::run, (crate::import::ImportArgs) -> crate::import::ImportReport;
    /// Writes a list of contacts to a CSV, .xlsx or vCard file.
    export_contacts: store crate::export::contacts, (crate::export::ExportArgs) -> crate::export::ExportReport;
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
    calendar_range: read calendar::range, (calendar::CalendarQuery) -> Vec<calendar::CalendarItem>;
    /// Logs a call on a record and person, with an optional follow-up task.
    call_log: write calls::log, (calls::CallInput) -> calls::CallLogged;
    /// One logged call by id.
    call_get: read calls::get, (IdArgs) -> calls::Call;
    /// A record's history, newest first: `{"id": "…", "before": seq|null}`.
    timeline_get: read timeline::get, (timeline::TimelineQuery) -> Vec<timeline::TimelineEntry>;
    /// Searches all records as you type; hits grouped by record type.
    search: read search::search, (search::SearchArgs) -> search::SearchResults;
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
        opportunities::Stage::decl(cfg),
        opportunities::OpportunityInput::decl(cfg),
        opportunities::Opportunity::decl(cfg),
        opportunities::OpportunityUpdate::decl(cfg),
        opportunities::OpportunityListQuery::decl(cfg),
        opportunities::OpportunityRow::decl(cfg),
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
        calls::Direction::decl(cfg),
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
