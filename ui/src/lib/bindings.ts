// Generated from the Rust types by crm-core; do not edit.
// Regenerate: UPDATE_BINDINGS=1 cargo test -p crm-core --test bindings

export type ErrorCode = "validation" | "not_found" | "conflict" | "io" | "database" | "not_a_database" | "schema_too_new" | "unknown_command" | "bad_arguments" | "internal";

export type CrmError = { code: ErrorCode, message: string, field?: string, row?: number, column?: string, };

export type NoArgs = Record<string, never>;

export type IdArgs = { id: string, };

export type AppInfo = { version: string, schema_version: number, db_path: string, device_id: string, };

export type Settings = { company_name: string, company_address: string, tax_id: string, 
/**
 * A `data:image/png;base64,…` or `data:image/jpeg;base64,…` URL.
 */
logo: string | null, 
/**
 * ISO 4217 code for new documents.
 */
default_currency: string, 
/**
 * BCP 47 tag for formatting dates, numbers and money, e.g. `de-DE`.
 */
locale: string, };

export type SettingsUpdate = { changes: Partial<Settings>, };

export type LabeledValue = { value: string, label: string, primary: boolean, };

export type Address = { label: string, street: string, city: string, region: string, postal_code: string, country: string, };

export type ContactInput = { 
/**
 * The account (company) the contact works for.
 */
account_id?: string | null, salutation: string, first_name: string, last_name: string, title: string, department: string, emails: Array<LabeledValue>, phones: Array<LabeledValue>, addresses: Array<Address>, 
/**
 * ISO date, `YYYY-MM-DD`.
 */
birthday: string | null, lead_source: string, notes: string, tags: Array<string>, };

export type Contact = { id: string, created_at: string, updated_at: string, deleted_at: string | null, owner_id: string | null, display_name: string, 
/**
 * The account (company) the contact works for.
 */
account_id?: string | null, salutation: string, first_name: string, last_name: string, title: string, department: string, emails: Array<LabeledValue>, phones: Array<LabeledValue>, addresses: Array<Address>, 
/**
 * ISO date, `YYYY-MM-DD`.
 */
birthday: string | null, lead_source: string, notes: string, tags: Array<string>, };

export type ContactUpdate = { id: string, changes: Partial<ContactInput>, };

export type ContactSort = "name" | "email" | "city" | "updated";

export type ContactListQuery = { sort: ContactSort, desc: boolean, 
/**
 * The `next` cursor of the previous page; null for the first page.
 */
after: string | null, limit: number, 
/**
 * Quick filter: every word must match a name, e-mail, phone or other field as a prefix.
 */
q: string, 
/**
 * Start the list at the first row whose sort value is at or after this text.
 */
starts_with: string, 
/**
 * Only the contacts of this account.
 */
account_id?: string | null, 
/**
 * Only records with this tag.
 */
tag?: string | null, owner_id?: string | null, conditions?: Array<Condition>, };

export type ContactRow = { id: string, display_name: string, first_name: string, last_name: string, title: string, email: string, phone: string, city: string, updated_at: string, };

export type AccountType = "customer" | "prospect" | "partner" | "competitor" | "reseller" | "other";

export type Rating = "hot" | "warm" | "cold";

export type AccountInput = { name: string, account_type: AccountType, 
/**
 * The parent company (holding structure); never the account itself or one of its subsidiaries.
 */
parent_id: string | null, industry: string, website: string, emails: Array<LabeledValue>, phones: Array<LabeledValue>, billing_address: Address | null, shipping_address: Address | null, tax_id: string, 
/**
 * Decimal text, e.g. "1250000.00".
 */
annual_revenue: string | null, employees: number | null, rating: Rating | null, description: string, tags: Array<string>, };

export type Account = { id: string, created_at: string, updated_at: string, deleted_at: string | null, owner_id: string | null, name: string, account_type: AccountType, 
/**
 * The parent company (holding structure); never the account itself or one of its subsidiaries.
 */
parent_id: string | null, industry: string, website: string, emails: Array<LabeledValue>, phones: Array<LabeledValue>, billing_address: Address | null, shipping_address: Address | null, tax_id: string, 
/**
 * Decimal text, e.g. "1250000.00".
 */
annual_revenue: string | null, employees: number | null, rating: Rating | null, description: string, tags: Array<string>, };

export type AccountUpdate = { id: string, changes: Partial<AccountInput>, };

export type AccountListQuery = { desc: boolean, after: string | null, limit: number, q: string, starts_with: string, 
/**
 * Only records with this tag.
 */
tag?: string | null, owner_id?: string | null, conditions?: Array<Condition>, };

export type AccountRow = { id: string, name: string, account_type: AccountType, industry: string, city: string, website: string, parent_id: string | null, };

export type AccountNode = { id: string, name: string, account_type: AccountType, children: Array<AccountNode>, };

export type LeadSource = "web" | "phone" | "email" | "campaign" | "partner" | "trade_show" | "referral" | "import" | "other";

export type LeadStatus = "new" | "contacted" | "qualified" | "disqualified" | "converted";

export type AnswerOption = { value: string, label: string, points: number, };

export type Question = { id: string, text: string, answers: Array<AnswerOption>, };

export type LeadSettings = { required_fields: Array<string>, questions: Array<Question>, };

export type LeadSettingsUpdate = { changes: Partial<LeadSettings>, };

export type LeadInput = { salutation: string, first_name: string, last_name: string, title: string, company: string, industry: string, website: string, emails: Array<LabeledValue>, phones: Array<LabeledValue>, address: Address | null, source: LeadSource, rating: Rating | null, description: string, 
/**
 * Qualification answers: question id → answer value.
 */
answers: { [key in string]: string }, tags: Array<string>, };

export type ScoreReason = { reason: string, points: number, };

export type Lead = { id: string, created_at: string, updated_at: string, deleted_at: string | null, owner_id: string | null, display_name: string, status: LeadStatus, disqualified_reason: string, 
/**
 * 0–100.
 */
score: number, score_reasons: Array<ScoreReason>, converted_at: string | null, converted_account_id: string | null, converted_contact_id: string | null, converted_opportunity_id: string | null, salutation: string, first_name: string, last_name: string, title: string, company: string, industry: string, website: string, emails: Array<LabeledValue>, phones: Array<LabeledValue>, address: Address | null, source: LeadSource, rating: Rating | null, description: string, 
/**
 * Qualification answers: question id → answer value.
 */
answers: { [key in string]: string }, tags: Array<string>, };

export type LeadUpdate = { id: string, changes: Partial<LeadInput>, };

export type LeadStatusChange = { id: string, status: LeadStatus, 
/**
 * Required when disqualifying.
 */
reason: string, };

export type LeadSort = "name" | "score";

export type LeadListQuery = { sort: LeadSort, desc: boolean, after: string | null, limit: number, q: string, 
/**
 * Only leads in this status.
 */
status?: LeadStatus | null, 
/**
 * Only records with this tag.
 */
tag?: string | null, owner_id?: string | null, conditions?: Array<Condition>, };

export type LeadRow = { id: string, display_name: string, company: string, email: string, status: LeadStatus, source: LeadSource, score: number, };

export type Match = { id: string, name: string, 
/**
 * What matched: `company name`, `e-mail` or `phone`.
 */
matched_by: string, };

export type ConversionPreview = { lead: Lead, accounts: Array<Match>, contacts: Array<Match>, };

export type LeadConversion = { id: string, 
/**
 * Use this existing account instead of creating one from the lead's company.
 */
account_id?: string | null, 
/**
 * Use this existing contact instead of creating one from the lead's person.
 */
contact_id?: string | null, 
/**
 * Leave out the opportunity (true when the lead is not a deal yet).
 */
no_opportunity: boolean, 
/**
 * The opportunity's name; empty takes the company (or person) name.
 */
opportunity_name: string, amount: string | null, close_date?: string | null, };

export type ConversionResult = { lead: Lead, account: Account, contact: Contact, opportunity: Opportunity | null, };

export type Stage = { key: string, name: string, probability: number, closed: boolean, won: boolean, };

export type OpportunityInput = { name: string, account_id: string, contact_id: string | null, 
/**
 * Decimal text in `currency`, e.g. "12500.00".
 */
amount: string | null, 
/**
 * ISO 4217; empty takes the company's default currency.
 */
currency: string, 
/**
 * ISO date.
 */
close_date: string | null, 
/**
 * A stage key; empty is the first stage.
 */
stage: string, 
/**
 * 0–100; null takes the stage's probability.
 */
probability: number | null, lead_source: string, description: string, tags: Array<string>, };

export type Opportunity = { id: string, created_at: string, updated_at: string, deleted_at: string | null, owner_id: string | null, 
/**
 * The lead this deal was converted from.
 */
lead_id: string | null, name: string, account_id: string, contact_id: string | null, 
/**
 * Decimal text in `currency`, e.g. "12500.00".
 */
amount: string | null, 
/**
 * ISO 4217; empty takes the company's default currency.
 */
currency: string, 
/**
 * ISO date.
 */
close_date: string | null, 
/**
 * A stage key; empty is the first stage.
 */
stage: string, 
/**
 * 0–100; null takes the stage's probability.
 */
probability: number | null, lead_source: string, description: string, tags: Array<string>, };

export type OpportunityUpdate = { id: string, changes: Partial<OpportunityInput>, };

export type OpportunityListQuery = { desc: boolean, after: string | null, limit: number, q: string, 
/**
 * Only the deals of this account.
 */
account_id?: string | null, 
/**
 * Only records with this tag.
 */
tag?: string | null, owner_id?: string | null, conditions?: Array<Condition>, };

export type OpportunityRow = { id: string, name: string, account_id: string, amount: string | null, currency: string, close_date: string | null, stage: string, probability: number, };

export type PartyType = "account" | "contact";

export type RelationshipKind = "employee_of" | "family" | "parent_company" | "decision_influencer" | "partner" | "custom";

export type Party = { type: PartyType, id: string, };

export type RelationshipInput = { from: Party, to: Party, kind: RelationshipKind, 
/**
 * Required for `custom`; a note on the others.
 */
label: string, notes: string, };

export type RelationshipView = { id: string, kind: RelationshipKind, 
/**
 * In this side's words, e.g. "Subsidiary of".
 */
label: string, notes: string, other: Party, other_name: string, };

export type RelationshipListQuery = { 
/**
 * The account or contact whose relationships to list.
 */
id: string, };

export type DuplicateQuery = { contact_id?: string | null, contact?: ContactInput | null, account_id?: string | null, account?: AccountInput | null, };

export type Duplicate = { record_type: string, id: string, name: string, 
/**
 * 0–100: how sure the match is.
 */
score: number, reasons: Array<string>, };

export type MergeType = "contact" | "account";

export type MergeArgs = { record_type: MergeType, 
/**
 * The record that stays.
 */
winner_id: string, 
/**
 * The duplicate that goes.
 */
loser_id: string, 
/**
 * Fields whose value is taken from the loser.
 */
take: Array<string>, };

export type MergeResult = { 
/**
 * Pass to `batch_undo` to take the merge back.
 */
batch_id: string, winner_id: string, 
/**
 * Records that pointed at the loser and now point at the winner.
 */
relinked: number, };

export type BatchArgs = { batch_id: string, };

export type UndoReport = { batch_id: string, 
/**
 * Record writes reversed.
 */
reverted: number, };

export type TagQuery = { 
/**
 * Only tags of this record type (`contact`, `account`, `lead`, `opportunity`); null for all.
 */
record_type?: string | null, };

export type TagCount = { tag: string, count: number, };

export type UserRow = { id: string, name: string, email: string, };

export type ListType = "contact" | "account" | "lead" | "opportunity";

export type BulkTag = { record_type: ListType, ids: Array<string>, add: Array<string>, remove: Array<string>, };

export type BulkOwner = { record_type: ListType, ids: Array<string>, owner_id: string, };

export type BulkDelete = { record_type: ListType, ids: Array<string>, };

export type BulkLeadStatus = { ids: Array<string>, status: LeadStatus, reason: string, };

export type BulkResult = { 
/**
 * Pass to `batch_undo` to take the action back.
 */
batch_id: string, 
/**
 * Records that changed.
 */
changed: number, };

export type NoteInput = { record_type: string, record_id: string, body: string, pinned: boolean, };

export type NoteUpdate = { id: string, body?: string, pinned?: boolean, };

export type Note = { id: string, created_at: string, updated_at: string, record_type: string, record_id: string, body: string, pinned: boolean, author: string, };

export type NoteListQuery = { record_id: string, };

export type AttachmentAdd = { record_type: string, record_id: string, 
/**
 * The file to attach (it is copied).
 */
path: string, 
/**
 * A folder of the record's document library; empty for none.
 */
folder: string, };

export type Attachment = { id: string, created_at: string, record_type: string, record_id: string, folder: string, file_name: string, size: number, sha256: string, media_type: string, };

export type AttachmentListQuery = { record_id: string, };

export type StoredFile = { 
/**
 * Where the stored copy is, to open with the system's viewer.
 */
path: string, };

export type ViewInput = { record_type: ListType, name: string, 
/**
 * The list query: the arguments of `contact_list`, `account_list`, … (its cursor is dropped).
 */
query: Record<string, unknown>, columns: Array<string>, };

export type View = { id: string, record_type: ListType, name: string, query: Record<string, unknown>, columns: Array<string>, };

export type ViewListQuery = { record_type: ListType, };

export type ConditionOp = "equals" | "not_equals" | "contains" | "starts_with" | "is_empty" | "is_not_empty";

export type Condition = { field: string, op: ConditionOp, value: string, };

export type ListFilters = { owner_id?: string | null, conditions?: Array<Condition>, };

export type MatchOn = "email" | "phone" | "name_company" | "none";

export type OnMatch = "skip" | "update" | "overwrite" | "create";

export type Preset = "google" | "outlook" | "linkedin";

export type ImportArgs = { 
/**
 * The file to import.
 */
path: string, 
/**
 * Overrides the detected encoding (`UTF-8`, `windows-1251`, `UTF-16LE`, …).
 */
encoding?: string | null, 
/**
 * Overrides the detected delimiter: `,` `;` `tab` `|` `:`.
 */
delimiter?: string | null, 
/**
 * The sheet of an Excel or OpenDocument workbook to read (default: the first).
 */
sheet?: string | null, preset?: Preset | null, 
/**
 * Header → `field[:slot]` (or null to ignore the column); unnamed columns are guessed.
 */
mapping?: Record<string, string | null> | null, match_on: MatchOn, on_match: OnMatch, 
/**
 * The format of date columns (chrono syntax, e.g. `%d/%m/%Y`) when the file is ambiguous.
 */
date_format?: string | null, 
/**
 * Check and count everything, write nothing.
 */
dry_run: boolean, 
/**
 * How many rows to return as they would be stored.
 */
preview_rows?: number | null, };

export type RowError = { 
/**
 * The line of the file the row starts on.
 */
row: number, column: string | null, message: string, };

export type ColumnMapping = { column: string, 
/**
 * `field` or `field:slot`; `ignore` for columns not imported.
 */
target: string, };

export type ImportReport = { 
/**
 * Pass to `batch_undo` to take the import back; null for a dry run or when nothing was written.
 */
batch_id: string | null, dry_run: boolean, encoding: string, delimiter: string, columns: Array<ColumnMapping>, 
/**
 * The date format used for date columns, if the file has dates.
 */
date_format: string | null, rows: number, created: number, updated: number, skipped: number, failed: number, accounts_created: number, 
/**
 * Rows not imported, with the reason.
 */
errors: Array<RowError>, 
/**
 * Rows imported with something left out (a ragged row, a birthday without a year).
 */
warnings: Array<RowError>, 
/**
 * The first rows as they are stored.
 */
preview: Array<ContactInput>, };

export type ExportFormat = "csv" | "xlsx" | "vcf";

export type ExportArgs = { 
/**
 * Where to write the file.
 */
path: string, format: ExportFormat, 
/**
 * The list to export (its filters and sort); all contacts when null.
 */
query?: ContactListQuery | null, 
/**
 * CSV only: `,` (default), `;` or `tab`.
 */
delimiter?: string | null, 
/**
 * CSV only: start with a UTF-8 byte-order mark (Excel then reads the accents right).
 */
bom: boolean, };

export type ExportReport = { path: string, rows: number, };

export type Page<T> = { rows: Array<T>, 
/**
 * Pass as `after` to get the next page; null on the last page.
 */
next: string | null, 
/**
 * Rows matching the filter; given with the first page only (null on later pages).
 */
total: number | null, };

export type PersonType = "contact" | "lead";

export type RecordLink = { type: string, id: string, };

export type PersonLink = { type: PersonType, id: string, };

export type Priority = "low" | "normal" | "high";

export type TaskStatus = "not_started" | "in_progress" | "waiting" | "deferred" | "completed";

export type TaskInput = { subject: string, description: string, 
/**
 * ISO date.
 */
due_date: string | null, 
/**
 * HH:MM on the due date.
 */
due_time: string | null, priority: Priority, status: TaskStatus, record: RecordLink | null, person: PersonLink | null, 
/**
 * Empty: the current user.
 */
owner_id: string | null, 
/**
 * When to remind, an instant (RFC 3339).
 */
reminder_at: string | null, };

export type Task = { id: string, created_at: string, updated_at: string, deleted_at: string | null, completed_at: string | null, 
/**
 * The call this task follows up.
 */
call_id: string | null, subject: string, description: string, 
/**
 * ISO date.
 */
due_date: string | null, 
/**
 * HH:MM on the due date.
 */
due_time: string | null, priority: Priority, status: TaskStatus, record: RecordLink | null, person: PersonLink | null, 
/**
 * Empty: the current user.
 */
owner_id: string | null, 
/**
 * When to remind, an instant (RFC 3339).
 */
reminder_at: string | null, };

export type TaskUpdate = { id: string, changes: Partial<TaskInput>, };

export type TaskListQuery = { desc: boolean, after: string | null, limit: number, q: string, status?: TaskStatus | null, 
/**
 * Open tasks due before today.
 */
overdue: boolean, 
/**
 * Tasks due today.
 */
due_today: boolean, 
/**
 * Only the tasks linked to this record.
 */
record_id?: string | null, 
/**
 * The IANA zone whose "today" counts (default UTC).
 */
tz?: string | null, owner_id?: string | null, conditions?: Array<Condition>, };

export type TaskRow = { id: string, subject: string, due_date: string | null, due_time: string | null, priority: Priority, status: TaskStatus, owner_id: string, record: RecordLink | null, person: PersonLink | null, };

export type EventStatus = "planned" | "held" | "not_held";

export type AttendeeType = "contact" | "lead" | "user";

export type Attendee = { type: AttendeeType, id: string, };

export type EventInput = { subject: string, location: string, notes: string, status: EventStatus, all_day: boolean, 
/**
 * Local start in `tz`: `2026-03-05T09:00`; all-day: the date `2026-03-05`.
 */
start: string, 
/**
 * Local end (exclusive; all-day: the day after the last day). Empty: one hour, or one day.
 */
end: string | null, 
/**
 * IANA time zone of start and end (empty for all-day events).
 */
tz: string, 
/**
 * RFC 5545 RRULE value, e.g. `FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=10`.
 */
rrule: string | null, record: RecordLink | null, attendees: Array<Attendee>, 
/**
 * Empty: the current user.
 */
owner_id: string | null, 
/**
 * Minutes before each start.
 */
reminder_minutes: number | null, };

export type Event = { id: string, created_at: string, updated_at: string, deleted_at: string | null, 
/**
 * Original starts (local) taken out of the series (EXDATE).
 */
exdates: Array<string>, 
/**
 * For a moved or changed occurrence: its series and original start (RECURRENCE-ID).
 */
series_id: string | null, recurrence_id: string | null, subject: string, location: string, notes: string, status: EventStatus, all_day: boolean, 
/**
 * Local start in `tz`: `2026-03-05T09:00`; all-day: the date `2026-03-05`.
 */
start: string, 
/**
 * Local end (exclusive; all-day: the day after the last day). Empty: one hour, or one day.
 */
end: string | null, 
/**
 * IANA time zone of start and end (empty for all-day events).
 */
tz: string, 
/**
 * RFC 5545 RRULE value, e.g. `FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=10`.
 */
rrule: string | null, record: RecordLink | null, attendees: Array<Attendee>, 
/**
 * Empty: the current user.
 */
owner_id: string | null, 
/**
 * Minutes before each start.
 */
reminder_minutes: number | null, };

export type EditScope = "this" | "this_and_following" | "all";

export type EventUpdate = { id: string, scope?: EditScope, 
/**
 * The occurrence's original start (local, as `calendar_range` gives it) for `this` and `this_and_following`.
 */
occurrence?: string, changes: Partial<EventInput>, };

export type EventDelete = { id: string, scope?: EditScope, occurrence?: string, };

export type ItemType = "event" | "task";

export type CalendarQuery = { 
/**
 * First instant of the range (RFC 3339).
 */
start: string, 
/**
 * The instant the range ends before.
 */
end: string, 
/**
 * IANA zone the calendar is shown in (dates of all-day items and tasks are read in it).
 */
tz: string, owner_id?: string | null, 
/**
 * Only these kinds of item; all when empty.
 */
types?: Array<ItemType>, };

export type CalendarItem = { type: ItemType, 
/**
 * The event row (a single event, a series or a moved occurrence) or the task.
 */
id: string, 
/**
 * The series this occurrence belongs to (the series' own id for an expanded occurrence).
 */
series_id: string | null, 
/**
 * The occurrence's original start (local in the series' zone): pass as `occurrence` to edit "this one".
 */
occurrence: string | null, subject: string, all_day: boolean, 
/**
 * RFC 3339 with the calendar zone's offset; a date for all-day items.
 */
start: string, 
/**
 * Exclusive end, like `start`; null for a task.
 */
end: string | null, 
/**
 * The event's or task's status.
 */
status: string, location: string, owner_id: string, record: RecordLink | null, };

export type Direction = "inbound" | "outbound";

export type Outcome = "connected" | "no_answer" | "busy" | "left_voicemail" | "wrong_number";

export type FollowUp = { 
/**
 * ISO date.
 */
due_date: string, due_time?: string, 
/**
 * Empty: "Follow up: " and the call's subject or the person's name.
 */
subject?: string, priority?: Priority, };

export type CallInput = { direction: Direction, outcome: Outcome, duration_seconds: number, 
/**
 * When the call started (RFC 3339); empty: now.
 */
at?: string, subject: string, notes: string, record?: RecordLink, person?: PersonLink, owner_id?: string, follow_up?: FollowUp, };

export type Call = { id: string, created_at: string, deleted_at: string | null, owner_id: string, direction: Direction, outcome: Outcome, duration_seconds: number, at: string, subject: string, notes: string, record: RecordLink | null, person: PersonLink | null, };

export type CallLogged = { call: Call, follow_up: Task | null, };

export type TimelineQuery = { id: string, 
/**
 * Entries older than this `seq` (the last entry of the previous page); null for the newest.
 */
before: number | null, limit?: number, };

export type FieldChange = { field: string, old: unknown, new: unknown, };

export type TimelineEntry = { seq: number, record_type: string, 
/**
 * The record the entry is about: this record, or its note, file, task, event or call.
 */
record_id?: string, 
/**
 * When, UTC RFC 3339.
 */
at: string, 
/**
 * `create`, `update`, `delete` or `restore`.
 */
op: string, 
/**
 * Who made the change (the user's name), when known.
 */
actor: string, changes: Array<FieldChange>, };

export type SearchArgs = { q: string, 
/**
 * Hits per record type.
 */
limit: number, };

export type SearchHit = { record_type: string, id: string, title: string, subtitle: string, 
/**
 * The title with each match between U+E000 and U+E001.
 */
marked: string, };

export type SearchGroup = { record_type: string, hits: Array<SearchHit>, };

export type SearchResults = { query: string, groups: Array<SearchGroup>, };

/** Every command of the registry: its arguments and its result. */
export type Commands = {
  app_info: { args: NoArgs, result: AppInfo },
  settings_get: { args: NoArgs, result: Settings },
  settings_update: { args: SettingsUpdate, result: Settings },
  contact_create: { args: ContactInput, result: Contact },
  contact_get: { args: IdArgs, result: Contact },
  contact_update: { args: ContactUpdate, result: Contact },
  contact_delete: { args: IdArgs, result: Contact },
  contact_restore: { args: IdArgs, result: Contact },
  contact_list: { args: ContactListQuery, result: Page<ContactRow> },
  account_create: { args: AccountInput, result: Account },
  account_get: { args: IdArgs, result: Account },
  account_update: { args: AccountUpdate, result: Account },
  account_delete: { args: IdArgs, result: Account },
  account_restore: { args: IdArgs, result: Account },
  account_list: { args: AccountListQuery, result: Page<AccountRow> },
  account_tree: { args: IdArgs, result: AccountNode },
  lead_create: { args: LeadInput, result: Lead },
  lead_get: { args: IdArgs, result: Lead },
  lead_update: { args: LeadUpdate, result: Lead },
  lead_set_status: { args: LeadStatusChange, result: Lead },
  lead_delete: { args: IdArgs, result: Lead },
  lead_restore: { args: IdArgs, result: Lead },
  lead_list: { args: LeadListQuery, result: Page<LeadRow> },
  lead_convert_preview: { args: IdArgs, result: ConversionPreview },
  lead_convert: { args: LeadConversion, result: ConversionResult },
  lead_settings_get: { args: NoArgs, result: LeadSettings },
  lead_settings_update: { args: LeadSettingsUpdate, result: LeadSettings },
  opportunity_create: { args: OpportunityInput, result: Opportunity },
  opportunity_get: { args: IdArgs, result: Opportunity },
  opportunity_update: { args: OpportunityUpdate, result: Opportunity },
  opportunity_delete: { args: IdArgs, result: Opportunity },
  opportunity_restore: { args: IdArgs, result: Opportunity },
  opportunity_list: { args: OpportunityListQuery, result: Page<OpportunityRow> },
  stage_list: { args: NoArgs, result: Array<Stage> },
  relationship_create: { args: RelationshipInput, result: RelationshipView },
  relationship_delete: { args: IdArgs, result: null },
  relationship_list: { args: RelationshipListQuery, result: Array<RelationshipView> },
  duplicates_find: { args: DuplicateQuery, result: Array<Duplicate> },
  records_merge: { args: MergeArgs, result: MergeResult },
  batch_undo: { args: BatchArgs, result: UndoReport },
  tag_list: { args: TagQuery, result: Array<TagCount> },
  user_list: { args: NoArgs, result: Array<UserRow> },
  bulk_tag: { args: BulkTag, result: BulkResult },
  bulk_owner: { args: BulkOwner, result: BulkResult },
  bulk_delete: { args: BulkDelete, result: BulkResult },
  bulk_lead_status: { args: BulkLeadStatus, result: BulkResult },
  note_create: { args: NoteInput, result: Note },
  note_update: { args: NoteUpdate, result: Note },
  note_delete: { args: IdArgs, result: null },
  note_list: { args: NoteListQuery, result: Array<Note> },
  attachment_add: { args: AttachmentAdd, result: Attachment },
  attachment_list: { args: AttachmentListQuery, result: Array<Attachment> },
  attachment_path: { args: IdArgs, result: StoredFile },
  attachment_delete: { args: IdArgs, result: null },
  view_save: { args: ViewInput, result: View },
  view_list: { args: ViewListQuery, result: Array<View> },
  view_delete: { args: IdArgs, result: null },
  import_contacts: { args: ImportArgs, result: ImportReport },
  export_contacts: { args: ExportArgs, result: ExportReport },
  task_create: { args: TaskInput, result: Task },
  task_get: { args: IdArgs, result: Task },
  task_update: { args: TaskUpdate, result: Task },
  task_complete: { args: IdArgs, result: Task },
  task_delete: { args: IdArgs, result: Task },
  task_restore: { args: IdArgs, result: Task },
  task_list: { args: TaskListQuery, result: Page<TaskRow> },
  event_create: { args: EventInput, result: Event },
  event_get: { args: IdArgs, result: Event },
  event_update: { args: EventUpdate, result: Event },
  event_delete: { args: EventDelete, result: Event },
  event_restore: { args: IdArgs, result: Event },
  calendar_range: { args: CalendarQuery, result: Array<CalendarItem> },
  call_log: { args: CallInput, result: CallLogged },
  call_get: { args: IdArgs, result: Call },
  timeline_get: { args: TimelineQuery, result: Array<TimelineEntry> },
  search: { args: SearchArgs, result: SearchResults },
};
