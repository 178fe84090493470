-- Outpost schema 2: accounts (companies and organisations) and the contact → account link.

CREATE TABLE accounts (
    id               TEXT PRIMARY KEY,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT,
    owner_id         TEXT REFERENCES users (id),
    name             TEXT NOT NULL,
    account_type     TEXT NOT NULL DEFAULT 'customer'
                     CHECK (account_type IN ('customer', 'prospect', 'partner', 'competitor', 'reseller', 'other')),
    parent_id        TEXT REFERENCES accounts (id),
    industry         TEXT NOT NULL DEFAULT '',
    website          TEXT NOT NULL DEFAULT '',
    emails           TEXT NOT NULL DEFAULT '[]', -- JSON [{value, label, primary}]
    phones           TEXT NOT NULL DEFAULT '[]', -- JSON [{value, label, primary}]
    billing_address  TEXT,                       -- JSON {label, street, city, region, postal_code, country}
    shipping_address TEXT,
    tax_id           TEXT NOT NULL DEFAULT '',
    annual_revenue   TEXT,                       -- decimal, in the company's default currency
    employees        INTEGER,
    rating           TEXT CHECK (rating IN ('hot', 'warm', 'cold')),
    description      TEXT NOT NULL DEFAULT '',
    -- Derived by the core, for sorting and lists.
    sort_name        TEXT NOT NULL DEFAULT '',
    name_key         TEXT NOT NULL DEFAULT '', -- company name reduced for matching
    city             TEXT NOT NULL DEFAULT ''
);
CREATE INDEX accounts_by_name   ON accounts (sort_name, id) WHERE deleted_at IS NULL;
CREATE INDEX accounts_by_parent ON accounts (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX accounts_by_name_key ON accounts (name_key) WHERE deleted_at IS NULL;

CREATE VIRTUAL TABLE accounts_fts USING fts5 (
    name, email, phone, other,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2',
    columnsize = 0
);

ALTER TABLE contacts ADD COLUMN account_id TEXT REFERENCES accounts (id);
CREATE INDEX contacts_by_account ON contacts (account_id) WHERE account_id IS NOT NULL;
