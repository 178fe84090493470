-- Outpost schema 5: the catalog: products and services, price books and their entries.

CREATE TABLE products (
    id            TEXT PRIMARY KEY,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT,
    owner_id      TEXT REFERENCES users (id),
    code          TEXT NOT NULL,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL DEFAULT 'product' CHECK (kind IN ('product', 'service')),
    unit          TEXT NOT NULL DEFAULT '',
    description   TEXT NOT NULL DEFAULT '',
    active        INTEGER NOT NULL DEFAULT 1,
    tax_rate      TEXT NOT NULL DEFAULT '0', -- decimal fraction, 0.19 is 19 %
    default_price TEXT,                      -- decimal, in currency
    currency      TEXT NOT NULL,             -- ISO 4217, of the default price
    tags          TEXT NOT NULL DEFAULT '[]',
    -- Derived by the core, for sorting and the unique code.
    sort_name     TEXT NOT NULL DEFAULT '',
    code_key      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX products_by_name ON products (sort_name, id) WHERE deleted_at IS NULL;
-- A code names one live product, whatever its case; a deleted product frees its code.
CREATE UNIQUE INDEX products_by_code ON products (code_key) WHERE deleted_at IS NULL;

CREATE VIRTUAL TABLE products_fts USING fts5 (
    name, code, other,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2',
    columnsize = 0
);

CREATE TABLE price_books (
    id          TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    owner_id    TEXT REFERENCES users (id),
    name        TEXT NOT NULL,
    currency    TEXT NOT NULL, -- ISO 4217, of every price in the book
    active      INTEGER NOT NULL DEFAULT 1,
    is_default  INTEGER NOT NULL DEFAULT 0, -- at most one live default per currency (kept by the core)
    description TEXT NOT NULL DEFAULT '',
    sort_name   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX price_books_by_name ON price_books (sort_name, id) WHERE deleted_at IS NULL;

CREATE TABLE price_book_entries (
    id            TEXT PRIMARY KEY,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT,
    price_book_id TEXT NOT NULL REFERENCES price_books (id),
    product_id    TEXT NOT NULL REFERENCES products (id),
    unit_price    TEXT NOT NULL -- decimal, in the book's currency
);
CREATE UNIQUE INDEX price_book_entries_by_book ON price_book_entries (price_book_id, product_id)
    WHERE deleted_at IS NULL;
CREATE INDEX price_book_entries_by_product ON price_book_entries (product_id) WHERE deleted_at IS NULL;

-- An opportunity's line items and their totals (JSON {price_book_id, tax_mode, discount, shipping,
-- shipping_tax_rate, lines, totals}); while it has lines, its amount is their grand total.
ALTER TABLE opportunities ADD COLUMN line_items TEXT;

-- Saved views of every list: which record types have lists is the core's to say (bulk::ListType),
-- so the table no longer names them.
CREATE TABLE saved_views_new (
    id          TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    owner_id    TEXT REFERENCES users (id),
    record_type TEXT NOT NULL,
    name        TEXT NOT NULL,
    query       TEXT NOT NULL, -- JSON: the list query
    columns     TEXT NOT NULL DEFAULT '[]' -- JSON: the columns shown, in order
);
INSERT INTO saved_views_new (id, created_at, updated_at, deleted_at, owner_id, record_type, name, query, columns)
    SELECT id, created_at, updated_at, deleted_at, owner_id, record_type, name, query, columns FROM saved_views;
DROP TABLE saved_views;
ALTER TABLE saved_views_new RENAME TO saved_views;
CREATE INDEX saved_views_by_type ON saved_views (record_type, name) WHERE deleted_at IS NULL;
