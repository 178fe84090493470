-- Outpost schema 3: leads with qualification, opportunities, lead settings, relationships, contact phone matching.

CREATE TABLE lead_settings (
    id              TEXT PRIMARY KEY CHECK (id = 'leads'),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT,
    required_fields TEXT NOT NULL, -- JSON ["last_name", "company", …]
    questions       TEXT NOT NULL  -- JSON [{id, text, answers: [{value, label, points}]}]
);

CREATE TABLE opportunities (
    id          TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    owner_id    TEXT REFERENCES users (id),
    name        TEXT NOT NULL,
    account_id  TEXT NOT NULL REFERENCES accounts (id),
    contact_id  TEXT REFERENCES contacts (id),
    amount      TEXT,            -- decimal
    currency    TEXT NOT NULL,   -- ISO 4217
    close_date  TEXT,            -- ISO date
    stage       TEXT NOT NULL,
    probability INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100),
    lead_source TEXT NOT NULL DEFAULT '',
    lead_id     TEXT,            -- the lead it was converted from
    description TEXT NOT NULL DEFAULT '',
    sort_name   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX opportunities_by_name    ON opportunities (sort_name, id) WHERE deleted_at IS NULL;
CREATE INDEX opportunities_by_account ON opportunities (account_id);
CREATE INDEX opportunities_by_contact ON opportunities (contact_id) WHERE contact_id IS NOT NULL;

CREATE VIRTUAL TABLE opportunities_fts USING fts5 (
    name, other,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2',
    columnsize = 0
);

CREATE TABLE leads (
    id                       TEXT PRIMARY KEY,
    created_at               TEXT NOT NULL,
    updated_at               TEXT NOT NULL,
    deleted_at               TEXT,
    owner_id                 TEXT REFERENCES users (id),
    salutation               TEXT NOT NULL DEFAULT '',
    first_name               TEXT NOT NULL DEFAULT '',
    last_name                TEXT NOT NULL DEFAULT '',
    title                    TEXT NOT NULL DEFAULT '',
    company                  TEXT NOT NULL DEFAULT '',
    industry                 TEXT NOT NULL DEFAULT '',
    website                  TEXT NOT NULL DEFAULT '',
    emails                   TEXT NOT NULL DEFAULT '[]',
    phones                   TEXT NOT NULL DEFAULT '[]',
    address                  TEXT,
    source                   TEXT NOT NULL DEFAULT 'other'
                             CHECK (source IN ('web', 'phone', 'email', 'campaign', 'partner', 'trade_show', 'referral', 'import', 'other')),
    status                   TEXT NOT NULL DEFAULT 'new'
                             CHECK (status IN ('new', 'contacted', 'qualified', 'disqualified', 'converted')),
    disqualified_reason      TEXT NOT NULL DEFAULT '',
    rating                   TEXT CHECK (rating IN ('hot', 'warm', 'cold')),
    description              TEXT NOT NULL DEFAULT '',
    answers                  TEXT NOT NULL DEFAULT '{}', -- JSON {question id: answer value}
    score                    INTEGER NOT NULL DEFAULT 0,
    converted_at             TEXT,
    converted_account_id     TEXT REFERENCES accounts (id),
    converted_contact_id     TEXT REFERENCES contacts (id),
    converted_opportunity_id TEXT REFERENCES opportunities (id),
    -- Derived by the core, for sorting, lists and matching.
    sort_name                TEXT NOT NULL DEFAULT '',
    email                    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX leads_by_name   ON leads (sort_name, id) WHERE deleted_at IS NULL;
CREATE INDEX leads_by_status ON leads (status, sort_name, id) WHERE deleted_at IS NULL;
CREATE INDEX leads_by_score  ON leads (score, id) WHERE deleted_at IS NULL;

CREATE VIRTUAL TABLE leads_fts USING fts5 (
    name, email, phone, other,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2',
    columnsize = 0
);

-- Matching a lead to an existing contact by phone (the last nine digits of the primary phone).
ALTER TABLE contacts ADD COLUMN phone_key TEXT NOT NULL DEFAULT '';
CREATE INDEX contacts_by_phone_key ON contacts (phone_key) WHERE deleted_at IS NULL;
-- Existing contacts: the same key the core derives (digits of the primary phone, last nine).
UPDATE contacts SET phone_key = (
    WITH d (v) AS (SELECT replace(replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', ''), '/', ''))
    SELECT CASE WHEN length(v) >= 7 THEN substr(v, -9) ELSE '' END FROM d
) WHERE phone != '';

-- Relationships between any two accounts or contacts; both sides show them.
CREATE TABLE relationships (
    id         TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    from_type  TEXT NOT NULL CHECK (from_type IN ('account', 'contact')),
    from_id    TEXT NOT NULL,
    to_type    TEXT NOT NULL CHECK (to_type IN ('account', 'contact')),
    to_id      TEXT NOT NULL,
    kind       TEXT NOT NULL
               CHECK (kind IN ('employee_of', 'family', 'parent_company', 'decision_influencer', 'partner', 'custom')),
    label      TEXT NOT NULL DEFAULT '',
    notes      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX relationships_from ON relationships (from_id) WHERE deleted_at IS NULL;
CREATE INDEX relationships_to   ON relationships (to_id) WHERE deleted_at IS NULL;

-- A merged record points at the record it was merged into (its history shows there).
ALTER TABLE contacts ADD COLUMN merged_into TEXT;
ALTER TABLE accounts ADD COLUMN merged_into TEXT;
CREATE INDEX contacts_merged ON contacts (merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX accounts_merged ON accounts (merged_into) WHERE merged_into IS NOT NULL;

-- Tags on the main records (a JSON list on the record, indexed here by the write path).
ALTER TABLE contacts ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
ALTER TABLE accounts ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
ALTER TABLE leads ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
ALTER TABLE opportunities ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
CREATE TABLE record_tags (
    tag         TEXT NOT NULL, -- folded: one tag whatever its case or accents
    record_id   TEXT NOT NULL,
    record_type TEXT NOT NULL,
    label       TEXT NOT NULL, -- as the user wrote it
    PRIMARY KEY (tag, record_id)
) WITHOUT ROWID;
CREATE INDEX record_tags_by_record ON record_tags (record_id);

-- Notes on any record; they show on its timeline.
CREATE TABLE notes (
    id          TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    owner_id    TEXT REFERENCES users (id),
    record_type TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    body        TEXT NOT NULL,
    pinned      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX notes_by_record ON notes (record_id, created_at) WHERE deleted_at IS NULL;

-- Files attached to any record; the file itself lives in the attachments folder beside the database, named by its SHA-256.
CREATE TABLE attachments (
    id          TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    owner_id    TEXT REFERENCES users (id),
    record_type TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    folder      TEXT NOT NULL DEFAULT '',
    file_name   TEXT NOT NULL,
    size        INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    media_type  TEXT NOT NULL
);
CREATE INDEX attachments_by_record ON attachments (record_id, folder, file_name) WHERE deleted_at IS NULL;

-- Saved list views: a named list query (sort, filters, tag) of one record type.
CREATE TABLE saved_views (
    id          TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    owner_id    TEXT REFERENCES users (id),
    record_type TEXT NOT NULL CHECK (record_type IN ('contact', 'account', 'lead', 'opportunity')),
    name        TEXT NOT NULL,
    query       TEXT NOT NULL, -- JSON: the list query
    columns     TEXT NOT NULL DEFAULT '[]' -- JSON: the columns shown, in order
);
CREATE INDEX saved_views_by_type ON saved_views (record_type, name) WHERE deleted_at IS NULL;
