-- Outpost schema 6: quotes, with their lines and the totals the core computed for them.

CREATE TABLE quotes (
    id                TEXT PRIMARY KEY,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT,
    owner_id          TEXT REFERENCES users (id),
    seq               INTEGER NOT NULL, -- the number's counter; a deleted quote keeps its number
    number            TEXT NOT NULL,
    status            TEXT NOT NULL DEFAULT 'draft'
                      CHECK (status IN ('draft', 'sent', 'accepted', 'rejected', 'expired')),
    subject           TEXT NOT NULL,
    account_id        TEXT REFERENCES accounts (id),
    contact_id        TEXT REFERENCES contacts (id),
    opportunity_id    TEXT REFERENCES opportunities (id),
    valid_until       TEXT,                    -- ISO date
    currency          TEXT NOT NULL,           -- ISO 4217
    price_book_id     TEXT REFERENCES price_books (id),
    tax_mode          TEXT NOT NULL CHECK (tax_mode IN ('per_line', 'on_total', 'tax_included')),
    discount          TEXT,                    -- JSON {"percent": "10"} or {"amount": "5.00"}
    shipping          TEXT NOT NULL DEFAULT '0',
    shipping_tax_rate TEXT NOT NULL DEFAULT '0',
    billing_address   TEXT,                    -- JSON address
    shipping_address  TEXT,                    -- JSON address
    terms             TEXT NOT NULL DEFAULT '',
    lines             TEXT NOT NULL DEFAULT '[]', -- JSON line items
    totals            TEXT NOT NULL,           -- JSON totals, as computed when the lines last changed
    total             TEXT NOT NULL,           -- the grand total (decimal), for lists
    tags              TEXT NOT NULL DEFAULT '[]'
);
CREATE UNIQUE INDEX quotes_by_seq ON quotes (seq);
CREATE INDEX quotes_by_number ON quotes (number, id) WHERE deleted_at IS NULL;
CREATE INDEX quotes_by_account ON quotes (account_id) WHERE account_id IS NOT NULL;
CREATE INDEX quotes_by_opportunity ON quotes (opportunity_id) WHERE opportunity_id IS NOT NULL;

CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    number, other,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2',
    columnsize = 0
);
