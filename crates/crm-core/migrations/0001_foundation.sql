-- Outpost schema 1: the store's bookkeeping, the change log, users, settings, contacts.
-- Conventions: TEXT UUIDv7 ids; UTC RFC 3339 instants; soft delete through deleted_at.

PRAGMA application_id = 1330664276; -- 'OPST': marks the file as an Outpost database

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- One row per record write. It is both the sync outbox (this device's rows after
-- the last pushed seq, kept in meta) and the record's history for the timeline
-- (fields = new values, previous = old ones).
CREATE TABLE change_log (
    seq         INTEGER PRIMARY KEY,
    hlc         TEXT NOT NULL,
    device_id   TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    op          TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete', 'restore')),
    fields      TEXT NOT NULL,
    previous    TEXT,
    actor_id    TEXT,
    batch_id    TEXT
);
CREATE INDEX change_log_by_record ON change_log (record_id, seq);
CREATE INDEX change_log_by_batch ON change_log (batch_id) WHERE batch_id IS NOT NULL;

-- Live (not deleted) rows per record table, kept by the write path so list
-- totals stay instant at millions of rows.
CREATE TABLE record_counts (
    record_table TEXT PRIMARY KEY,
    live         INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE users (
    id         TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    name       TEXT NOT NULL,
    email      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE settings (
    id               TEXT PRIMARY KEY CHECK (id = 'company'),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT,
    company_name     TEXT NOT NULL DEFAULT '',
    company_address  TEXT NOT NULL DEFAULT '',
    tax_id           TEXT NOT NULL DEFAULT '',
    logo             TEXT,
    default_currency TEXT NOT NULL DEFAULT 'EUR',
    locale           TEXT NOT NULL DEFAULT 'en-US'
);

CREATE TABLE contacts (
    id          TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    owner_id    TEXT REFERENCES users (id),
    salutation  TEXT NOT NULL DEFAULT '',
    first_name  TEXT NOT NULL DEFAULT '',
    last_name   TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL DEFAULT '',
    department  TEXT NOT NULL DEFAULT '',
    emails      TEXT NOT NULL DEFAULT '[]', -- JSON [{value, label, primary}]
    phones      TEXT NOT NULL DEFAULT '[]', -- JSON [{value, label, primary}]
    addresses   TEXT NOT NULL DEFAULT '[]', -- JSON [{label, street, city, region, postal_code, country}]
    birthday    TEXT,
    lead_source TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    -- Derived by the core from the fields above, for sorting and lists.
    sort_name   TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    city        TEXT NOT NULL DEFAULT '',
    sort_city   TEXT NOT NULL DEFAULT ''
);
-- One index per sortable list column; keyset pagination walks them.
CREATE INDEX contacts_by_name    ON contacts (sort_name, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_by_email   ON contacts (email, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_by_city    ON contacts (sort_city, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_by_updated ON contacts (updated_at, id) WHERE deleted_at IS NULL;

-- Full-text search over live contacts; rowid = contacts.rowid.
CREATE VIRTUAL TABLE contacts_fts USING fts5 (
    name, email, phone, other,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2',
    columnsize = 0 -- no bm25 ranking: saves a write per document
);
