// Generated from the Rust types by crm-core; do not edit.
// Regenerate: UPDATE_BINDINGS=1 cargo test -p crm-core --test bindings

export type ErrorCode = "validation" | "not_found" | "conflict" | "io" | "database" | "not_a_database" | "schema_too_new" | "unknown_command" | "bad_arguments" | "internal";

export type CrmError = { code: ErrorCode, message: string, field?: string, row?: number, column?: string, };

export type NoArgs = Record<string, never>;

export type IdArgs = { id: string, };

export type AppInfo = { version: string, schema_version: number, db_path: string, device_id: string, 
/**
 * The user this device writes as (the owner of what is created here).
 */
user_id: string, };

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
birthday: string | null, lead_source: string, notes: string, tags: Array<string>, 
/**
 * The record's id in the system it was imported from ("" for none); imports match by it.
 */
external_id?: string, };

export type Contact = { id: string, created_at: string, updated_at: string, deleted_at: string | null, owner_id: string | null, display_name: string, 
/**
 * The account (company) the contact works for.
 */
account_id?: string | null, salutation: string, first_name: string, last_name: string, title: string, department: string, emails: Array<LabeledValue>, phones: Array<LabeledValue>, addresses: Array<Address>, 
/**
 * ISO date, `YYYY-MM-DD`.
 */
birthday: string | null, lead_source: string, notes: string, tags: Array<string>, 
/**
 * The record's id in the system it was imported from ("" for none); imports match by it.
 */
external_id?: string, };

export type ContactUpdate = { id: string, changes: Partial<ContactInput>, };

export type ContactSort = "name" | "email" | "city" | "updated" | "title" | "phone";

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
annual_revenue: string | null, employees: number | null, rating: Rating | null, description: string, tags: Array<string>, 
/**
 * The record's id in the system it was imported from ("" for none); imports match by it.
 */
external_id?: string, };

export type Account = { id: string, created_at: string, updated_at: string, deleted_at: string | null, owner_id: string | null, name: string, account_type: AccountType, 
/**
 * The parent company (holding structure); never the account itself or one of its subsidiaries.
 */
parent_id: string | null, industry: string, website: string, emails: Array<LabeledValue>, phones: Array<LabeledValue>, billing_address: Address | null, shipping_address: Address | null, tax_id: string, 
/**
 * Decimal text, e.g. "1250000.00".
 */
annual_revenue: string | null, employees: number | null, rating: Rating | null, description: string, tags: Array<string>, 
/**
 * The record's id in the system it was imported from ("" for none); imports match by it.
 */
external_id?: string, };

export type AccountUpdate = { id: string, changes: Partial<AccountInput>, };

export type AccountSort = "name" | "type" | "industry" | "city" | "website" | "updated";

export type AccountListQuery = { 
/**
 * Name when left out.
 */
sort?: AccountSort, desc: boolean, after: string | null, limit: number, q: string, starts_with: string, 
/**
 * Only records with this tag.
 */
tag?: string | null, owner_id?: string | null, conditions?: Array<Condition>, };

export type AccountRow = { id: string, name: string, account_type: AccountType, industry: string, city: string, website: string, parent_id: string | null, updated_at: string, };

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
answers: { [key in string]: string }, tags: Array<string>, 
/**
 * The record's id in the system it was imported from ("" for none); imports match by it.
 */
external_id?: string, };

export type ScoreReason = { reason: string, points: number, };

export type Lead = { id: string, created_at: string, updated_at: string, deleted_at: string | null, owner_id: string | null, display_name: string, status: LeadStatus, disqualified_reason: string, 
/**
 * 0–100.
 */
score: number, score_reasons: Array<ScoreReason>, converted_at: string | null, converted_account_id: string | null, converted_contact_id: string | null, converted_opportunity_id: string | null, salutation: string, first_name: string, last_name: string, title: string, company: string, industry: string, website: string, emails: Array<LabeledValue>, phones: Array<LabeledValue>, address: Address | null, source: LeadSource, rating: Rating | null, description: string, 
/**
 * Qualification answers: question id → answer value.
 */
answers: { [key in string]: string }, tags: Array<string>, 
/**
 * The record's id in the system it was imported from ("" for none); imports match by it.
 */
external_id?: string, };

export type LeadUpdate = { id: string, changes: Partial<LeadInput>, };

export type LeadStatusChange = { id: string, status: LeadStatus, 
/**
 * Required when disqualifying.
 */
reason: string, };

export type LeadSort = "name" | "company" | "email" | "status" | "source" | "score" | "updated";

export type LeadListQuery = { sort: LeadSort, desc: boolean, after: string | null, limit: number, q: string, 
/**
 * Start the list at the first row whose sort value starts with (or comes after) this text.
 */
starts_with?: string, 
/**
 * Only leads in this status.
 */
status?: LeadStatus | null, 
/**
 * Only records with this tag.
 */
tag?: string | null, owner_id?: string | null, conditions?: Array<Condition>, };

export type LeadRow = { id: string, display_name: string, company: string, email: string, status: LeadStatus, source: LeadSource, score: number, updated_at: string, };

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

export type StageKind = "open" | "won" | "lost";

export type Stage = { key: string, name: string, 
/**
 * The probability a deal takes when it enters the stage (0–100).
 */
probability: number, 
/**
 * Won or lost: the deal is over.
 */
closed: boolean, won: boolean, 
/**
 * 0 for the first stage.
 */
position: number, kind: StageKind, 
/**
 * What to do in this stage and which documents to prepare.
 */
coaching: string, };

export type StageInput = { key: string, name: string, probability: number, kind: StageKind, coaching: string, };

export type StageMove = { from: string, to: string, };

export type StageSave = { 
/**
 * The whole list in its new order: stages left out are removed.
 */
stages: Array<StageInput>, 
/**
 * Where the deals of removed stages go.
 */
moves: Array<StageMove>, };

export type ForecastCategory = "pipeline" | "best_case" | "commit" | "closed" | "omitted";

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
 * A stage key; empty is the first open stage.
 */
stage: string, 
/**
 * 0–100; null takes the stage's probability.
 */
probability: number | null, 
/**
 * Null takes the default of the stage and probability; won deals are always closed, lost ones omitted.
 */
forecast_category?: ForecastCategory | null, lead_source: string, 
/**
 * The campaign that brought the deal.
 */
campaign?: string, 
/**
 * The partner (reseller, integrator) working the deal with us.
 */
partner_account_id?: string | null, next_step?: string, competitors?: Array<string>, 
/**
 * Why the deal was won (kept while it is won).
 */
won_reason?: string, 
/**
 * Why the deal was lost: required when it moves to a lost stage, cleared when it re-opens.
 */
lost_reason?: string, description: string, tags: Array<string>, };

export type LineItem = { 
/**
 * A catalog product; null for a free-text line.
 */
product_id: string | null, 
/**
 * Copied from the product (a given value is replaced).
 */
product_code: string, 
/**
 * Empty takes the product's name; required on a free-text line.
 */
description: string, 
/**
 * Empty takes the product's unit.
 */
unit: string, 
/**
 * Negative for a credit line.
 */
quantity: string, 
/**
 * Null takes the price from the price book (or the product's default price).
 */
unit_price: string | null, discount: Discount | null, 
/**
 * Null takes the product's tax rate (0 on a free-text line).
 */
tax_rate: string | null, };

export type LinesSet = { id: string, 
/**
 * In the opportunity's currency.
 */
price_book_id?: string | null, tax_mode: TaxMode, 
/**
 * An empty list removes the lines (the amount is editable again).
 */
lines: Array<LineItem>, discount?: Discount | null, shipping: string, shipping_tax_rate: string, };

export type LineItems = { price_book_id: string | null, tax_mode: TaxMode, discount: Discount | null, shipping: string, shipping_tax_rate: string, lines: Array<LineItem>, totals: Totals, };

export type Opportunity = { id: string, created_at: string, updated_at: string, deleted_at: string | null, owner_id: string | null, 
/**
 * The lead this deal was converted from.
 */
lead_id: string | null, 
/**
 * The day the deal was won or lost; null while it is open.
 */
closed_on: string | null, 
/**
 * Products and services with their totals; while there are lines, the amount is their grand total.
 */
line_items?: LineItems | null, name: string, account_id: string, contact_id: string | null, 
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
 * A stage key; empty is the first open stage.
 */
stage: string, 
/**
 * 0–100; null takes the stage's probability.
 */
probability: number | null, 
/**
 * Null takes the default of the stage and probability; won deals are always closed, lost ones omitted.
 */
forecast_category?: ForecastCategory | null, lead_source: string, 
/**
 * The campaign that brought the deal.
 */
campaign?: string, 
/**
 * The partner (reseller, integrator) working the deal with us.
 */
partner_account_id?: string | null, next_step?: string, competitors?: Array<string>, 
/**
 * Why the deal was won (kept while it is won).
 */
won_reason?: string, 
/**
 * Why the deal was lost: required when it moves to a lost stage, cleared when it re-opens.
 */
lost_reason?: string, description: string, tags: Array<string>, };

export type OpportunityUpdate = { id: string, changes: Partial<OpportunityInput>, };

export type OpportunitySort = "name" | "close_date" | "amount" | "stage" | "probability" | "updated";

export type OpportunityListQuery = { 
/**
 * Name when left out.
 */
sort?: OpportunitySort, desc: boolean, after: string | null, limit: number, q: string, 
/**
 * Only the deals of this account.
 */
account_id?: string | null, 
/**
 * Only deals in this stage.
 */
stage?: string | null, 
/**
 * Only open, won or lost deals.
 */
stage_kind?: StageKind | null, 
/**
 * Close date from (inclusive, ISO date).
 */
close_from?: string | null, 
/**
 * Close date to (inclusive, ISO date).
 */
close_to?: string | null, 
/**
 * Only records with this tag.
 */
tag?: string | null, owner_id?: string | null, conditions?: Array<Condition>, };

export type OpportunityRow = { id: string, name: string, account_id: string, amount: string | null, currency: string, close_date: string | null, stage: string, probability: number, updated_at: string, };

export type CurrencyTotal = { currency: string, count: number, amount: string, weighted: string, };

export type OpportunityPage = { rows: Array<OpportunityRow>, next: string | null, total: number | null, 
/**
 * Per currency, over every deal the filter matches; null on later pages.
 */
totals: Array<CurrencyTotal> | null, };

export type ArchiveQuery = { 
/**
 * Open deals unchanged for this many days count as stale (default 30).
 */
stale_days?: number | null, after: string | null, limit: number, owner_id?: string | null, };

export type FunnelQuery = { owner_id?: string | null, close_from?: string | null, close_to?: string | null, };

export type StageAmount = { currency: string, count: number, amount: string, 
/**
 * Σ amount × the deal's probability, as in the list's totals.
 */
weighted: string, };

export type FunnelStage = { stage: Stage, count: number, 
/**
 * Per currency, by currency code.
 */
amounts: Array<StageAmount>, };

export type BoardQuery = { 
/**
 * Cards per column (default 20, at most 200); the rest come from `opportunity_list` with the stage.
 */
cards: number, owner_id?: string | null, };

export type BoardColumn = { stage: Stage, count: number, amounts: Array<StageAmount>, 
/**
 * The first deals by close date (those without one first).
 */
cards: Array<OpportunityRow>, };

export type StageChange = { id: string, created_at: string, opportunity_id: string, stage: string, 
/**
 * The stage it left; null when the deal was created.
 */
from_stage: string | null, 
/**
 * ISO date of the change.
 */
changed_on: string, amount: string | null, currency: string, probability: number, };

export type ContactRole = "decision_maker" | "economic_buyer" | "technical_buyer" | "influencer" | "user" | "other";

export type ContactWithRole = { contact_id: string, role: ContactRole, };

export type OpportunityContactsSet = { opportunity_id: string, contacts: Array<ContactWithRole>, };

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

export type ListType = "contact" | "account" | "lead" | "opportunity" | "product" | "quote" | "sales_order" | "invoice";

export type BulkTag = { record_type: ListType, ids: Array<string>, add: Array<string>, remove: Array<string>, };

export type BulkOwner = { record_type: ListType, ids: Array<string>, owner_id: string, };

export type BulkDelete = { record_type: ListType, ids: Array<string>, };

export type BulkLeadStatus = { ids: Array<string>, status: LeadStatus, reason: string, };

export type BulkOpportunityStage = { ids: Array<string>, stage: string, 
/**
 * Needed when the stage is a lost one.
 */
lost_reason?: string | null, won_reason?: string | null, };

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

export type ListTarget = "contact" | "account" | "lead" | "product";

export type Field = "ignore" | "first_name" | "middle_name" | "last_name" | "full_name" | "salutation" | "title" | "department" | "company" | "email" | "email_label" | "phone" | "phone_label" | "street" | "address_label" | "city" | "region" | "postal_code" | "country" | "birthday" | "notes" | "lead_source" | "tags" | "industry" | "website" | "account_type" | "rating" | "tax_id" | "annual_revenue" | "employees" | "status" | "parent_account" | "external_id" | "name" | "code" | "product_kind" | "unit" | "price" | "tax_rate" | "currency" | "active";

export type ImportFieldsArgs = { 
/**
 * Contacts when null.
 */
target?: ListTarget | null, };

export type FieldGroup = "person" | "company" | "product" | "email" | "phone" | "address" | "more";

export type ImportField = { field: Field, 
/**
 * The English name (the app shows its own words for the field where it has them).
 */
label: string, group: FieldGroup, 
/**
 * The file must map this field (it alone makes one of `required`).
 */
required: boolean, 
/**
 * Several columns may fill it, each its own slot (`email:2`, `phone:mobile`).
 */
several: boolean, 
/**
 * The targets to offer: `field` and, for fields of several values, `field:slot`.
 */
targets: Array<string>, };

export type RequiredFields = { fields: Array<Field>, message: string, };

export type ImportFields = { target: ListTarget, fields: Array<ImportField>, 
/**
 * Each list needs one of its fields mapped, else the import stops with the message.
 */
required: Array<RequiredFields>, 
/**
 * What rows may be matched by, the default first.
 */
match_keys: Array<MatchOn>, };

export type MatchOn = "email" | "phone" | "name_company" | "code" | "external_id" | "none";

export type OnMatch = "skip" | "update" | "overwrite" | "create";

export type Preset = "google" | "outlook" | "linkedin";

export type ImportArgs = { 
/**
 * The file to import.
 */
path: string, 
/**
 * What the file holds: contacts (when null), accounts, leads or products.
 */
target?: ListTarget | null, 
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
mapping?: Record<string, string | null> | null, 
/**
 * One of the target's match keys (`import_fields`); null takes its first (e-mail, a product's code).
 */
match_on?: MatchOn | null, on_match: OnMatch, 
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
date_format: string | null, rows: number, created: number, updated: number, skipped: number, failed: number, 
/**
 * Accounts created for the companies of imported contacts.
 */
accounts_created: number, 
/**
 * Rows not imported, with the reason. A dry run whose mapping lacks a field the
 * target needs reads no rows and names it here as an error of line 0.
 */
errors: Array<RowError>, 
/**
 * Rows imported with something left out (a ragged row, a birthday without a year).
 */
warnings: Array<RowError>, 
/**
 * The first contacts as they are stored (contact imports).
 */
preview: Array<ContactInput>, 
/**
 * The first accounts, leads or products as they are stored (imports of those).
 */
preview_records: Array<AccountInput | (LeadInput & { status: LeadStatus }) | ProductInput>, };

export type ExportFormat = "csv" | "xlsx" | "vcf";

export type ExportArgs = { 
/**
 * Where to write the file.
 */
path: string, 
/**
 * The list exported (contacts when null).
 */
target?: ListTarget | null, format: ExportFormat, 
/**
 * The list's query (filters, tag, sort, a saved view's query) as its list command takes
 * it; the whole list when null.
 */
query?: ContactListQuery | AccountListQuery | LeadListQuery | null, 
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

export type CalendarItem = { 
/**
 * The occurrence's original start (local in the series' zone): pass as `occurrence` to edit "this one".
 */
occurrence: string | null, 
/**
 * RFC 3339 with the calendar zone's offset; a date for all-day items.
 */
start: string, 
/**
 * Exclusive end, like `start`; null for a task.
 */
end: string | null, type: ItemType, 
/**
 * The event row (a single event, a series or a moved occurrence) or the task.
 */
id: string, 
/**
 * The series this occurrence belongs to (the series' own id for an expanded occurrence).
 */
series_id: string | null, subject: string, all_day: boolean, 
/**
 * The event's or task's status.
 */
status: string, location: string, owner_id: string, record: RecordLink | null, };

export type Issue = { line: number, message: string, };

export type IcsImportArgs = { 
/**
 * The `.ics` file to read (or give its `text`).
 */
path?: string | null, text?: string | null, 
/**
 * IANA zone of times the file leaves floating (and of tasks due in UTC), when the file names
 * none (X-WR-TIMEZONE); UTC when null.
 */
tz?: string | null, 
/**
 * Check and count everything, write nothing.
 */
dry_run: boolean, };

export type IcsImportReport = { 
/**
 * Pass to `batch_undo` to take the import back; null for a dry run or when nothing was written.
 */
batch_id: string | null, dry_run: boolean, 
/**
 * Events (series, single events and moved occurrences) and tasks created.
 */
created: number, 
/**
 * Changed, or restored after being deleted.
 */
updated: number, 
/**
 * Already there as the file has them.
 */
unchanged: number, 
/**
 * Components Outpost does not keep (journals, free/busy, an event without a start).
 */
skipped: number, 
/**
 * Components not imported, with the reason.
 */
errors: Array<Issue>, 
/**
 * Parts of components left out (RDATE, a second RRULE, a component without a start).
 */
warnings: Array<Issue>, };

export type IcsExportArgs = { 
/**
 * These events (a moved occurrence brings its series) and tasks; else the range or everything.
 */
ids?: Array<string> | null, 
/**
 * With `to`: the events with an occurrence in [from, to) and the tasks due then (instants, RFC 3339).
 */
from?: string | null, to?: string | null, 
/**
 * Leave tasks out.
 */
no_tasks: boolean, 
/**
 * Leave events out.
 */
no_events: boolean, 
/**
 * Write the calendar to this file instead of returning its text.
 */
path?: string | null, };

export type IcsExport = { 
/**
 * The calendar; empty when it was written to `path`.
 */
text: string, path: string | null, events: number, tasks: number, };

export type ReminderQuery = { 
/**
 * The end of the window (RFC 3339), usually now.
 */
until: string, 
/**
 * The start of the window (exclusive); by default the instant acknowledged last, else a day before `until`.
 */
from?: string | null, 
/**
 * The IANA zone whose midnight starts an all-day event (UTC when null).
 */
tz?: string | null, };

export type Reminder = { type: ItemType, 
/**
 * The event row (series, single event or moved occurrence) or the task.
 */
id: string, 
/**
 * For an occurrence of a series: the series and the occurrence's original start (local).
 */
series_id: string | null, occurrence: string | null, subject: string, 
/**
 * When the reminder is due (UTC, RFC 3339).
 */
remind_at: string, 
/**
 * The occurrence's start (UTC), or the all-day event's date, or the task's due date (and time).
 */
start: string | null, all_day: boolean, };

export type RemindersDue = { 
/**
 * The window read: (from, until].
 */
from: string, until: string, 
/**
 * By the time they are due.
 */
reminders: Array<Reminder>, };

export type ReminderAck = { 
/**
 * Every reminder due up to this instant has been shown.
 */
until: string, };

export type ReminderAcked = { 
/**
 * The instant acknowledged (it never moves back).
 */
acknowledged_until: string, };

export type CallDirection = "inbound" | "outbound";

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

export type CallInput = { direction: CallDirection, outcome: Outcome, duration_seconds: number, 
/**
 * When the call started (RFC 3339); empty: now.
 */
at?: string, subject: string, notes: string, record?: RecordLink, person?: PersonLink, owner_id?: string, follow_up?: FollowUp, };

export type Call = { id: string, created_at: string, deleted_at: string | null, owner_id: string, direction: CallDirection, outcome: Outcome, duration_seconds: number, at: string, subject: string, notes: string, record: RecordLink | null, person: PersonLink | null, };

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

export type ProductKind = "product" | "service";

export type ProductInput = { 
/**
 * Unique among live products, ignoring case.
 */
code: string, name: string, kind: ProductKind, 
/**
 * "pcs", "h", "kg", …
 */
unit: string, description: string, 
/**
 * Inactive products stay on existing documents but are not offered for new lines.
 */
active: boolean, 
/**
 * A fraction from 0 to 1 ("0.19" is 19 %).
 */
tax_rate: string, 
/**
 * Decimal text in `currency`; null when the product has only price book prices.
 */
default_price: string | null, 
/**
 * ISO 4217 of the default price; empty takes the company's default currency.
 */
currency: string, tags: Array<string>, 
/**
 * The record's id in the system it was imported from ("" for none); imports match by it.
 */
external_id?: string, };

export type Product = { id: string, created_at: string, updated_at: string, deleted_at: string | null, owner_id: string | null, 
/**
 * Unique among live products, ignoring case.
 */
code: string, name: string, kind: ProductKind, 
/**
 * "pcs", "h", "kg", …
 */
unit: string, description: string, 
/**
 * Inactive products stay on existing documents but are not offered for new lines.
 */
active: boolean, 
/**
 * A fraction from 0 to 1 ("0.19" is 19 %).
 */
tax_rate: string, 
/**
 * Decimal text in `currency`; null when the product has only price book prices.
 */
default_price: string | null, 
/**
 * ISO 4217 of the default price; empty takes the company's default currency.
 */
currency: string, tags: Array<string>, 
/**
 * The record's id in the system it was imported from ("" for none); imports match by it.
 */
external_id?: string, };

export type ProductUpdate = { id: string, changes: Partial<ProductInput>, };

export type ProductSort = "name" | "code";

export type ProductListQuery = { sort: ProductSort, desc: boolean, after: string | null, limit: number, 
/**
 * Quick filter on name, code and description.
 */
q: string, 
/**
 * Only active (true) or inactive (false) products.
 */
active?: boolean | null, tag?: string | null, owner_id?: string | null, conditions?: Array<Condition>, };

export type ProductRow = { id: string, code: string, name: string, kind: ProductKind, unit: string, active: boolean, tax_rate: string, default_price: string | null, currency: string, };

export type PriceBookInput = { name: string, 
/**
 * ISO 4217 of every price in the book; empty takes the company's default currency.
 */
currency: string, 
/**
 * Inactive books are kept but offer no prices.
 */
active: boolean, 
/**
 * The book new documents in its currency start from; setting it clears the previous default.
 */
is_default: boolean, description: string, };

export type PriceBook = { id: string, created_at: string, updated_at: string, deleted_at: string | null, owner_id: string | null, name: string, 
/**
 * ISO 4217 of every price in the book; empty takes the company's default currency.
 */
currency: string, 
/**
 * Inactive books are kept but offer no prices.
 */
active: boolean, 
/**
 * The book new documents in its currency start from; setting it clears the previous default.
 */
is_default: boolean, description: string, };

export type PriceBookUpdate = { id: string, changes: Partial<PriceBookInput>, };

export type PriceBookListQuery = { desc: boolean, after: string | null, limit: number, 
/**
 * Only active (true) or inactive (false) books.
 */
active?: boolean | null, owner_id?: string | null, conditions?: Array<Condition>, };

export type EntrySet = { price_book_id: string, product_id: string, 
/**
 * Decimal text in the book's currency.
 */
unit_price: string, };

export type EntryKey = { price_book_id: string, product_id: string, };

export type EntryListQuery = { price_book_id: string, };

export type EntryRow = { id: string, price_book_id: string, product_id: string, product_code: string, product_name: string, unit: string, unit_price: string, 
/**
 * False when the product was deleted or made inactive: the price stays but is not offered.
 */
available: boolean, };

export type PriceQuery = { product_id: string, price_book_id?: string | null, };

export type PriceSource = "price_book" | "default_price";

export type Price = { product_id: string, price_book_id: string | null, unit_price: string, currency: string, 
/**
 * The product's tax rate, for the line.
 */
tax_rate: string, source: PriceSource, };

export type QuoteStatus = "draft" | "sent" | "accepted" | "rejected" | "expired";

export type QuoteInput = { 
/**
 * Empty takes the opportunity's name.
 */
subject: string, account_id: string | null, contact_id: string | null, 
/**
 * The deal the quote is for; a new quote without lines copies the deal's lines.
 */
opportunity_id: string | null, 
/**
 * ISO date.
 */
valid_until: string | null, 
/**
 * ISO 4217; empty takes the opportunity's, else the company's default currency.
 */
currency: string, price_book_id: string | null, tax_mode: TaxMode, discount: Discount | null, shipping: string, shipping_tax_rate: string, billing_address: Address | null, shipping_address: Address | null, 
/**
 * Payment and delivery terms printed on the quote.
 */
terms: string, lines: Array<LineItem>, tags: Array<string>, };

export type Quote = { id: string, created_at: string, updated_at: string, deleted_at: string | null, owner_id: string | null, 
/**
 * Given on creation: Q-00001, Q-00002, …
 */
number: string, status: QuoteStatus, 
/**
 * 1 for the first version; a new version keeps the number.
 */
version: number, 
/**
 * The first version of this quote, on later versions.
 */
revision_of: string | null, 
/**
 * Computed by the core when the lines or terms last changed.
 */
totals: Totals, 
/**
 * Empty takes the opportunity's name.
 */
subject: string, account_id: string | null, contact_id: string | null, 
/**
 * The deal the quote is for; a new quote without lines copies the deal's lines.
 */
opportunity_id: string | null, 
/**
 * ISO date.
 */
valid_until: string | null, 
/**
 * ISO 4217; empty takes the opportunity's, else the company's default currency.
 */
currency: string, price_book_id: string | null, tax_mode: TaxMode, discount: Discount | null, shipping: string, shipping_tax_rate: string, billing_address: Address | null, shipping_address: Address | null, 
/**
 * Payment and delivery terms printed on the quote.
 */
terms: string, lines: Array<LineItem>, tags: Array<string>, };

export type QuoteUpdate = { id: string, changes: Partial<QuoteInput>, };

export type QuoteStatusChange = { id: string, status: QuoteStatus, };

export type QuoteListQuery = { 
/**
 * Newest number first when true.
 */
desc: boolean, after: string | null, limit: number, 
/**
 * Quick filter on number and subject.
 */
q: string, status?: QuoteStatus | null, tag?: string | null, owner_id?: string | null, conditions?: Array<Condition>, };

export type QuoteRow = { id: string, number: string, subject: string, status: QuoteStatus, account_id: string | null, valid_until: string | null, currency: string, total: string, };

export type QuoteVersion = { id: string, number: string, version: number, status: QuoteStatus, updated_at: string, currency: string, total: string, 
/**
 * A later version exists: this one is kept as it was.
 */
superseded: boolean, };

export type QuoteCompareArgs = { from: string, to: string, };

export type QuoteFieldChange = { field: string, before: unknown, after: unknown, };

export type QuoteLineChangeKind = "added" | "removed" | "changed";

export type QuoteLineChange = { kind: QuoteLineChangeKind, description: string, product_code: string, before: LineItem | null, after: LineItem | null, 
/**
 * The line's fields that differ (quantity, unit_price, discount, tax_rate, unit, description).
 */
fields: Array<string>, };

export type QuoteComparison = { from: QuoteVersion, to: QuoteVersion, fields: Array<QuoteFieldChange>, lines: Array<QuoteLineChange>, totals_before: Totals, totals_after: Totals, };

export type OrderStatus = "draft" | "confirmed" | "delivered" | "cancelled";

export type OrderInput = { subject: string, account_id: string | null, contact_id: string | null, opportunity_id: string | null, 
/**
 * The accepted quote the order was made from.
 */
quote_id: string | null, 
/**
 * ISO 4217; empty takes the company's default currency.
 */
currency: string, price_book_id: string | null, tax_mode: TaxMode, discount: Discount | null, shipping: string, shipping_tax_rate: string, billing_address: Address | null, shipping_address: Address | null, terms: string, lines: Array<LineItem>, tags: Array<string>, };

export type Order = { id: string, created_at: string, updated_at: string, deleted_at: string | null, owner_id: string | null, 
/**
 * Given on creation: SO-00001, SO-00002, …
 */
number: string, status: OrderStatus, totals: Totals, subject: string, account_id: string | null, contact_id: string | null, opportunity_id: string | null, 
/**
 * The accepted quote the order was made from.
 */
quote_id: string | null, 
/**
 * ISO 4217; empty takes the company's default currency.
 */
currency: string, price_book_id: string | null, tax_mode: TaxMode, discount: Discount | null, shipping: string, shipping_tax_rate: string, billing_address: Address | null, shipping_address: Address | null, terms: string, lines: Array<LineItem>, tags: Array<string>, };

export type OrderUpdate = { id: string, changes: Partial<OrderInput>, };

export type OrderStatusChange = { id: string, status: OrderStatus, };

export type FromQuote = { quote_id: string, };

export type OrderListQuery = { 
/**
 * Newest number first when true.
 */
desc: boolean, after: string | null, limit: number, 
/**
 * Quick filter on number and subject.
 */
q: string, status?: OrderStatus | null, tag?: string | null, owner_id?: string | null, conditions?: Array<Condition>, };

export type OrderRow = { id: string, number: string, subject: string, status: OrderStatus, account_id: string | null, quote_id: string | null, currency: string, total: string, };

export type WaybillLine = { 
/**
 * The order line's position (0-based).
 */
line: number, quantity: string, 
/**
 * Copied from the order line.
 */
description: string, unit: string, };

export type WaybillCreate = { order_id: string, 
/**
 * ISO date; empty is today.
 */
date: string, 
/**
 * Empty delivers everything not yet delivered.
 */
lines: Array<WaybillLine>, note: string, 
/**
 * Leave the order confirmed even when this delivers the rest.
 */
keep_order_open: boolean, };

export type Waybill = { id: string, created_at: string, updated_at: string, deleted_at: string | null, owner_id: string | null, 
/**
 * WB-00001, WB-00002, …
 */
number: string, order_id: string, date: string, lines: Array<WaybillLine>, note: string, };

export type WaybillListQuery = { desc: boolean, after: string | null, limit: number, q: string, 
/**
 * Only the waybills of this order.
 */
order_id?: string | null, owner_id?: string | null, conditions?: Array<Condition>, };

export type WaybillRow = { id: string, number: string, order_id: string, date: string, };

export type Outstanding = { line: number, description: string, ordered: string, delivered: string, 
/**
 * Ordered less delivered, never below zero.
 */
remaining: string, };

export type DocumentSettings = { invoice_pattern: string, credit_note_pattern: string, 
/**
 * Days from the issue date to the due date when an invoice names none.
 */
payment_terms_days: number, };

export type DocumentSettingsUpdate = { changes: Partial<DocumentSettings>, };

export type InvoiceStatus = "draft" | "issued" | "partly_paid" | "paid" | "void";

export type InvoiceInput = { subject: string, account_id: string | null, contact_id: string | null, 
/**
 * The order it was made from.
 */
order_id: string | null, 
/**
 * The quote it was made from (directly or through its order).
 */
quote_id: string | null, currency: string, price_book_id: string | null, tax_mode: TaxMode, discount: Discount | null, shipping: string, shipping_tax_rate: string, billing_address: Address | null, shipping_address: Address | null, terms: string, 
/**
 * Days from issue to due date; null takes the document settings' days.
 */
payment_terms_days: number | null, lines: Array<LineItem>, tags: Array<string>, };

export type Invoice = { id: string, created_at: string, updated_at: string, deleted_at: string | null, owner_id: string | null, 
/**
 * Given when issued, from the invoice pattern; null on a draft.
 */
number: string | null, status: InvoiceStatus, issue_date: string | null, due_date: string | null, totals: Totals, 
/**
 * Issued credit notes (a positive amount).
 */
credited: string, 
/**
 * Payments allocated.
 */
paid: string, 
/**
 * total − credited − paid.
 */
balance: string, 
/**
 * Past its due date with a balance left (derived, not stored).
 */
overdue: boolean, subject: string, account_id: string | null, contact_id: string | null, 
/**
 * The order it was made from.
 */
order_id: string | null, 
/**
 * The quote it was made from (directly or through its order).
 */
quote_id: string | null, currency: string, price_book_id: string | null, tax_mode: TaxMode, discount: Discount | null, shipping: string, shipping_tax_rate: string, billing_address: Address | null, shipping_address: Address | null, terms: string, 
/**
 * Days from issue to due date; null takes the document settings' days.
 */
payment_terms_days: number | null, lines: Array<LineItem>, tags: Array<string>, };

export type InvoiceUpdate = { id: string, changes: Partial<InvoiceInput>, };

export type InvoiceIssue = { id: string, 
/**
 * ISO date of issue; null is today.
 */
date?: string | null, };

export type FromOrder = { order_id: string, };

export type InvoiceListQuery = { 
/**
 * Newest first when true.
 */
desc: boolean, after: string | null, limit: number, 
/**
 * Quick filter on number and subject.
 */
q: string, status?: InvoiceStatus | null, tag?: string | null, owner_id?: string | null, conditions?: Array<Condition>, };

export type OverdueQuery = { 
/**
 * ISO date to judge by; null is today.
 */
today?: string | null, account_id?: string | null, };

export type InvoiceRow = { id: string, number: string | null, subject: string, status: InvoiceStatus, account_id: string | null, due_date: string | null, currency: string, total: string, balance: string, overdue: boolean, };

export type CreditNoteStatus = "draft" | "issued";

export type CreditNoteInput = { 
/**
 * The issued invoice credited.
 */
invoice_id: string, reason: string, 
/**
 * Negative quantities (a product line takes the product's default price unless one is given).
 */
lines: Array<LineItem>, };

export type CreditNote = { id: string, created_at: string, updated_at: string, deleted_at: string | null, owner_id: string | null, 
/**
 * Given when issued, from the credit note pattern.
 */
number: string | null, status: CreditNoteStatus, issue_date: string | null, 
/**
 * The invoice's.
 */
currency: string, tax_mode: TaxMode, 
/**
 * Negative.
 */
totals: Totals, 
/**
 * The issued invoice credited.
 */
invoice_id: string, reason: string, 
/**
 * Negative quantities (a product line takes the product's default price unless one is given).
 */
lines: Array<LineItem>, };

export type CreditNoteListQuery = { desc: boolean, after: string | null, limit: number, q: string, 
/**
 * Only the credit notes of this invoice.
 */
invoice_id?: string | null, owner_id?: string | null, conditions?: Array<Condition>, };

export type CreditNoteRow = { id: string, number: string | null, status: CreditNoteStatus, invoice_id: string, reason: string, currency: string, total: string, };

export type Direction = "in" | "out";

export type Method = "cash" | "bank_transfer" | "card" | "other";

export type Allocation = { invoice_id: string, amount: string, };

export type PaymentInput = { direction: Direction, 
/**
 * ISO date; empty is today.
 */
date: string, 
/**
 * Positive, in the currency's minor unit.
 */
amount: string, 
/**
 * ISO 4217; empty takes the company's default currency.
 */
currency: string, method: Method, 
/**
 * Bank reference, receipt number.
 */
reference: string, 
/**
 * The payer (in) or payee (out).
 */
account_id: string | null, note: string, 
/**
 * Only on payments in; each invoice once, in the payment's currency.
 */
allocations: Array<Allocation>, };

export type Payment = { id: string, created_at: string, updated_at: string, deleted_at: string | null, owner_id: string | null, number: string, 
/**
 * The sum of the allocations.
 */
allocated: string, direction: Direction, 
/**
 * ISO date; empty is today.
 */
date: string, 
/**
 * Positive, in the currency's minor unit.
 */
amount: string, 
/**
 * ISO 4217; empty takes the company's default currency.
 */
currency: string, method: Method, 
/**
 * Bank reference, receipt number.
 */
reference: string, 
/**
 * The payer (in) or payee (out).
 */
account_id: string | null, note: string, 
/**
 * Only on payments in; each invoice once, in the payment's currency.
 */
allocations: Array<Allocation>, };

export type PaymentUpdate = { id: string, changes: Partial<PaymentInput>, };

export type PaymentAllocate = { id: string, 
/**
 * Replaces the payment's allocations.
 */
allocations: Array<Allocation>, };

export type PaymentListQuery = { 
/**
 * Newest number first when true.
 */
desc: boolean, after: string | null, limit: number, q: string, direction?: Direction | null, owner_id?: string | null, conditions?: Array<Condition>, };

export type PaymentRow = { id: string, number: string, direction: Direction, date: string, amount: string, currency: string, method: Method, reference: string, account_id: string | null, allocated: string, };

export type ActCreate = { invoice_id: string, 
/**
 * ISO date the work was accepted; empty is today.
 */
date: string, note: string, };

export type ServiceAct = { id: string, created_at: string, updated_at: string, deleted_at: string | null, owner_id: string | null, 
/**
 * ACT-00001, ACT-00002, …
 */
number: string, invoice_id: string, date: string, currency: string, lines: Array<LineItem>, totals: Totals, note: string, };

export type ActListQuery = { desc: boolean, after: string | null, limit: number, q: string, 
/**
 * Only the acts of this invoice.
 */
invoice_id?: string | null, owner_id?: string | null, conditions?: Array<Condition>, };

export type ActRow = { id: string, number: string, invoice_id: string, date: string, currency: string, total: string, };

export type ContractStatus = "draft" | "active" | "expired" | "terminated";

export type ContractInput = { subject: string, account_id: string, opportunity_id: string | null, quote_id: string | null, 
/**
 * ISO date.
 */
start_date: string, 
/**
 * The end date is derived from it when none is given.
 */
term_months: number | null, 
/**
 * ISO date, the last day of the contract; empty is derived from the term.
 */
end_date: string | null, value: string, 
/**
 * ISO 4217; empty takes the company's default currency.
 */
currency: string, 
/**
 * Remind this many days before the end.
 */
reminder_days: number, description: string, tags: Array<string>, };

export type Contract = { id: string, created_at: string, updated_at: string, deleted_at: string | null, owner_id: string | null, 
/**
 * C-00001, C-00002, …
 */
number: string, status: ContractStatus, 
/**
 * The end date less the reminder days.
 */
remind_on: string, subject: string, account_id: string, opportunity_id: string | null, quote_id: string | null, 
/**
 * ISO date.
 */
start_date: string, 
/**
 * The end date is derived from it when none is given.
 */
term_months: number | null, 
/**
 * ISO date, the last day of the contract; empty is derived from the term.
 */
end_date: string | null, value: string, 
/**
 * ISO 4217; empty takes the company's default currency.
 */
currency: string, 
/**
 * Remind this many days before the end.
 */
reminder_days: number, description: string, tags: Array<string>, };

export type ContractUpdate = { id: string, changes: Partial<ContractInput>, };

export type ContractStatusChange = { id: string, status: ContractStatus, };

export type ContractListQuery = { desc: boolean, after: string | null, limit: number, q: string, status?: ContractStatus | null, tag?: string | null, owner_id?: string | null, conditions?: Array<Condition>, };

export type RenewalQuery = { 
/**
 * ISO date to judge by; empty is today.
 */
today: string, limit: number, };

export type ContractRow = { id: string, number: string, subject: string, status: ContractStatus, account_id: string, start_date: string, end_date: string, value: string, currency: string, remind_on: string, };

export type TaxMode = "per_line" | "on_total" | "tax_included";

export type Discount = { "percent": string } | { "amount": string };

export type LineInput = { 
/**
 * Negative for a credit line.
 */
quantity: string, unit_price: string, discount?: Discount | null, 
/**
 * A fraction, 0 to 1 ("0.19" is 19 %).
 */
tax_rate: string, };

export type TotalsInput = { 
/**
 * ISO 4217; gives the minor unit everything is rounded to.
 */
currency: string, tax_mode: TaxMode, lines: Array<LineInput>, 
/**
 * The overall discount, spread over the lines.
 */
discount?: Discount | null, 
/**
 * Shipping and handling (never discounted).
 */
shipping: string, shipping_tax_rate: string, };

export type LineTotals = { 
/**
 * Quantity × unit price, rounded.
 */
amount: string, 
/**
 * The line's own discount: amount − net.
 */
discount: string, net: string, 
/**
 * The line's share of the overall discount.
 */
discount_share: string, 
/**
 * Net − discount share.
 */
discounted_net: string, tax: string, };

export type RateTotals = { rate: string, 
/**
 * Without tax.
 */
net: string, tax: string, 
/**
 * Net + tax.
 */
gross: string, };

export type Totals = { currency: string, tax_mode: TaxMode, lines: Array<LineTotals>, 
/**
 * One entry per rate, highest rate first.
 */
rates: Array<RateTotals>, 
/**
 * Sum of the line nets, before the overall discount.
 */
subtotal: string, 
/**
 * The overall discount (negative on a credit document).
 */
discount: string, shipping: string, shipping_tax: string, 
/**
 * Everything without tax, shipping included.
 */
net: string, tax: string, 
/**
 * What the customer pays.
 */
total: string, };

export type DocumentKind = "quote" | "sales_order" | "invoice" | "credit_note" | "service_act" | "waybill";

export type DocumentPdf = { record_type: DocumentKind, 
/**
 * The document's id or its number (`INV-2026-0001`).
 */
id: string, 
/**
 * Where to write the PDF file (replaced when it exists).
 */
path: string, };

export type PdfFile = { path: string, pages: number, 
/**
 * The document printed.
 */
id: string, };

export type DocumentRef = { record_type: DocumentKind, 
/**
 * The document's id or its number.
 */
id: string, };

export type DocumentMessage = { 
/**
 * The customer's e-mail (the contact's, else the account's); empty when there is none.
 */
to: string, subject: string, body: string, 
/**
 * The PDF's file name: "Invoice INV-2026-0001.pdf".
 */
file_name: string, };

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
  opportunity_list: { args: OpportunityListQuery, result: OpportunityPage },
  opportunity_archive: { args: ArchiveQuery, result: Page<OpportunityRow> },
  opportunity_stage_history: { args: IdArgs, result: Array<StageChange> },
  opportunity_contacts: { args: IdArgs, result: Array<ContactWithRole> },
  opportunity_contacts_set: { args: OpportunityContactsSet, result: Array<ContactWithRole> },
  pipeline_funnel: { args: FunnelQuery, result: Array<FunnelStage> },
  pipeline_board: { args: BoardQuery, result: Array<BoardColumn> },
  opportunity_lines_set: { args: LinesSet, result: Opportunity },
  stage_list: { args: NoArgs, result: Array<Stage> },
  stage_save: { args: StageSave, result: Array<Stage> },
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
  bulk_opportunity_stage: { args: BulkOpportunityStage, result: BulkResult },
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
  import_fields: { args: ImportFieldsArgs, result: ImportFields },
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
  ics_export: { args: IcsExportArgs, result: IcsExport },
  ics_import: { args: IcsImportArgs, result: IcsImportReport },
  reminder_due: { args: ReminderQuery, result: RemindersDue },
  reminder_ack: { args: ReminderAck, result: ReminderAcked },
  call_log: { args: CallInput, result: CallLogged },
  call_get: { args: IdArgs, result: Call },
  timeline_get: { args: TimelineQuery, result: Array<TimelineEntry> },
  search: { args: SearchArgs, result: SearchResults },
  product_create: { args: ProductInput, result: Product },
  product_get: { args: IdArgs, result: Product },
  product_update: { args: ProductUpdate, result: Product },
  product_delete: { args: IdArgs, result: Product },
  product_restore: { args: IdArgs, result: Product },
  product_list: { args: ProductListQuery, result: Page<ProductRow> },
  price_book_create: { args: PriceBookInput, result: PriceBook },
  price_book_get: { args: IdArgs, result: PriceBook },
  price_book_update: { args: PriceBookUpdate, result: PriceBook },
  price_book_delete: { args: IdArgs, result: PriceBook },
  price_book_list: { args: PriceBookListQuery, result: Page<PriceBook> },
  price_book_entry_set: { args: EntrySet, result: EntryRow },
  price_book_entry_remove: { args: EntryKey, result: null },
  price_book_entries: { args: EntryListQuery, result: Array<EntryRow> },
  price_for: { args: PriceQuery, result: Price },
  quote_create: { args: QuoteInput, result: Quote },
  quote_get: { args: IdArgs, result: Quote },
  quote_update: { args: QuoteUpdate, result: Quote },
  quote_set_status: { args: QuoteStatusChange, result: Quote },
  quote_delete: { args: IdArgs, result: Quote },
  quote_restore: { args: IdArgs, result: Quote },
  quote_list: { args: QuoteListQuery, result: Page<QuoteRow> },
  quote_revise: { args: IdArgs, result: Quote },
  quote_versions: { args: IdArgs, result: Array<QuoteVersion> },
  quote_compare: { args: QuoteCompareArgs, result: QuoteComparison },
  order_create: { args: OrderInput, result: Order },
  order_from_quote: { args: FromQuote, result: Order },
  order_get: { args: IdArgs, result: Order },
  order_update: { args: OrderUpdate, result: Order },
  order_set_status: { args: OrderStatusChange, result: Order },
  order_delete: { args: IdArgs, result: Order },
  order_restore: { args: IdArgs, result: Order },
  order_list: { args: OrderListQuery, result: Page<OrderRow> },
  waybill_create: { args: WaybillCreate, result: Waybill },
  waybill_get: { args: IdArgs, result: Waybill },
  waybill_delete: { args: IdArgs, result: Waybill },
  waybill_restore: { args: IdArgs, result: Waybill },
  waybill_list: { args: WaybillListQuery, result: Page<WaybillRow> },
  waybill_outstanding: { args: IdArgs, result: Array<Outstanding> },
  document_settings_get: { args: NoArgs, result: DocumentSettings },
  document_settings_update: { args: DocumentSettingsUpdate, result: DocumentSettings },
  invoice_create: { args: InvoiceInput, result: Invoice },
  invoice_from_order: { args: FromOrder, result: Invoice },
  invoice_from_quote: { args: FromQuote, result: Invoice },
  invoice_get: { args: IdArgs, result: Invoice },
  invoice_update: { args: InvoiceUpdate, result: Invoice },
  invoice_issue: { args: InvoiceIssue, result: Invoice },
  invoice_void: { args: IdArgs, result: Invoice },
  invoice_delete: { args: IdArgs, result: Invoice },
  invoice_restore: { args: IdArgs, result: Invoice },
  invoice_list: { args: InvoiceListQuery, result: Page<InvoiceRow> },
  invoice_overdue: { args: OverdueQuery, result: Array<InvoiceRow> },
  credit_note_create: { args: CreditNoteInput, result: CreditNote },
  credit_note_issue: { args: InvoiceIssue, result: CreditNote },
  credit_note_get: { args: IdArgs, result: CreditNote },
  credit_note_delete: { args: IdArgs, result: CreditNote },
  credit_note_restore: { args: IdArgs, result: CreditNote },
  credit_note_list: { args: CreditNoteListQuery, result: Page<CreditNoteRow> },
  payment_create: { args: PaymentInput, result: Payment },
  payment_get: { args: IdArgs, result: Payment },
  payment_update: { args: PaymentUpdate, result: Payment },
  payment_allocate: { args: PaymentAllocate, result: Payment },
  payment_delete: { args: IdArgs, result: Payment },
  payment_restore: { args: IdArgs, result: Payment },
  payment_list: { args: PaymentListQuery, result: Page<PaymentRow> },
  act_create: { args: ActCreate, result: ServiceAct },
  act_get: { args: IdArgs, result: ServiceAct },
  act_delete: { args: IdArgs, result: ServiceAct },
  act_restore: { args: IdArgs, result: ServiceAct },
  act_list: { args: ActListQuery, result: Page<ActRow> },
  contract_create: { args: ContractInput, result: Contract },
  contract_get: { args: IdArgs, result: Contract },
  contract_update: { args: ContractUpdate, result: Contract },
  contract_set_status: { args: ContractStatusChange, result: Contract },
  contract_delete: { args: IdArgs, result: Contract },
  contract_restore: { args: IdArgs, result: Contract },
  contract_list: { args: ContractListQuery, result: Page<ContractRow> },
  contracts_due_for_renewal: { args: RenewalQuery, result: Array<ContractRow> },
  totals_compute: { args: TotalsInput, result: Totals },
  document_pdf: { args: DocumentPdf, result: PdfFile },
  document_message: { args: DocumentRef, result: DocumentMessage },
};
