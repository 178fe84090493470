-- Outpost schema 8 (after 6): the rest of the document chain — sales orders, waybills, invoices
-- with credit notes and their number series, payments allocated to invoices, service acts, contracts.

-- The pricing columns (currency … totals, total) are those of quotes: one body shared by documents.

CREATE TABLE sales_orders (
    id                TEXT PRIMARY KEY,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT,
    owner_id          TEXT REFERENCES users (id),
    seq               INTEGER NOT NULL,
    number            TEXT NOT NULL,
    status            TEXT NOT NULL DEFAULT 'draft'
                      CHECK (status IN ('draft', 'confirmed', 'delivered', 'cancelled')),
    subject           TEXT NOT NULL,
    account_id        TEXT REFERENCES accounts (id),
    contact_id        TEXT REFERENCES contacts (id),
    opportunity_id    TEXT REFERENCES opportunities (id),
    quote_id          TEXT REFERENCES quotes (id),      -- the accepted quote it was made from
    currency          TEXT NOT NULL,
    price_book_id     TEXT REFERENCES price_books (id),
    tax_mode          TEXT NOT NULL CHECK (tax_mode IN ('per_line', 'on_total', 'tax_included')),
    discount          TEXT,
    shipping          TEXT NOT NULL DEFAULT '0',
    shipping_tax_rate TEXT NOT NULL DEFAULT '0',
    billing_address   TEXT,
    shipping_address  TEXT,
    terms             TEXT NOT NULL DEFAULT '',
    lines             TEXT NOT NULL DEFAULT '[]',
    totals            TEXT NOT NULL,
    total             TEXT NOT NULL,
    tags              TEXT NOT NULL DEFAULT '[]'
);
CREATE UNIQUE INDEX sales_orders_by_seq ON sales_orders (seq);
CREATE INDEX sales_orders_by_number ON sales_orders (number, id) WHERE deleted_at IS NULL;
CREATE INDEX sales_orders_by_account ON sales_orders (account_id) WHERE account_id IS NOT NULL;
CREATE INDEX sales_orders_by_quote ON sales_orders (quote_id) WHERE quote_id IS NOT NULL;
CREATE VIRTUAL TABLE sales_orders_fts USING fts5 (
    number, other, tokenize = 'unicode61 remove_diacritics 2', prefix = '2', columnsize = 0
);

CREATE TABLE waybills (
    id          TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    owner_id    TEXT REFERENCES users (id),
    seq         INTEGER NOT NULL,
    number      TEXT NOT NULL,
    order_id    TEXT NOT NULL REFERENCES sales_orders (id),
    date        TEXT NOT NULL,                 -- ISO date of delivery
    lines       TEXT NOT NULL DEFAULT '[]',    -- JSON [{line, description, unit, quantity}]
    note        TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX waybills_by_seq ON waybills (seq);
CREATE INDEX waybills_by_number ON waybills (number, id) WHERE deleted_at IS NULL;
CREATE INDEX waybills_by_order ON waybills (order_id);
CREATE VIRTUAL TABLE waybills_fts USING fts5 (
    number, other, tokenize = 'unicode61 remove_diacritics 2', prefix = '2', columnsize = 0
);

-- Patterns of the invoice and credit note numbers; one row, id 'documents'.
CREATE TABLE document_settings (
    id                   TEXT PRIMARY KEY CHECK (id = 'documents'),
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    deleted_at           TEXT,
    invoice_pattern      TEXT NOT NULL,
    credit_note_pattern  TEXT NOT NULL,
    payment_terms_days   INTEGER NOT NULL
);

-- The last number given per series and period (the pattern's date part), e.g. ('invoice', 'INV-2026-').
CREATE TABLE number_counters (
    id          TEXT PRIMARY KEY,               -- series || ':' || period
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    series      TEXT NOT NULL,
    period      TEXT NOT NULL,
    last        INTEGER NOT NULL
);

CREATE TABLE invoices (
    id                 TEXT PRIMARY KEY,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    deleted_at         TEXT,
    owner_id           TEXT REFERENCES users (id),
    number             TEXT,                    -- given when issued; a draft has none
    status             TEXT NOT NULL DEFAULT 'draft'
                       CHECK (status IN ('draft', 'issued', 'partly_paid', 'paid', 'void')),
    subject            TEXT NOT NULL,
    account_id         TEXT REFERENCES accounts (id),
    contact_id         TEXT REFERENCES contacts (id),
    order_id           TEXT REFERENCES sales_orders (id),
    quote_id           TEXT REFERENCES quotes (id),
    currency           TEXT NOT NULL,
    price_book_id      TEXT REFERENCES price_books (id),
    tax_mode           TEXT NOT NULL CHECK (tax_mode IN ('per_line', 'on_total', 'tax_included')),
    discount           TEXT,
    shipping           TEXT NOT NULL DEFAULT '0',
    shipping_tax_rate  TEXT NOT NULL DEFAULT '0',
    billing_address    TEXT,
    shipping_address   TEXT,
    terms              TEXT NOT NULL DEFAULT '',
    payment_terms_days INTEGER,                 -- null takes the document settings' days
    issue_date         TEXT,                    -- ISO date, set when issued
    due_date           TEXT,                    -- issue date + payment terms
    lines              TEXT NOT NULL DEFAULT '[]',
    totals             TEXT NOT NULL,
    total              TEXT NOT NULL,
    credited           TEXT NOT NULL DEFAULT '0', -- issued credit notes (positive)
    paid               TEXT NOT NULL DEFAULT '0', -- payments allocated
    balance            TEXT NOT NULL,             -- total − credited − paid
    tags               TEXT NOT NULL DEFAULT '[]'
);
CREATE UNIQUE INDEX invoices_by_number_unique ON invoices (number) WHERE number IS NOT NULL;
CREATE INDEX invoices_by_created ON invoices (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX invoices_by_account ON invoices (account_id) WHERE account_id IS NOT NULL;
CREATE INDEX invoices_by_order ON invoices (order_id) WHERE order_id IS NOT NULL;
CREATE INDEX invoices_by_due ON invoices (due_date) WHERE status IN ('issued', 'partly_paid');
CREATE VIRTUAL TABLE invoices_fts USING fts5 (
    number, other, tokenize = 'unicode61 remove_diacritics 2', prefix = '2', columnsize = 0
);

CREATE TABLE credit_notes (
    id                TEXT PRIMARY KEY,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT,
    owner_id          TEXT REFERENCES users (id),
    number            TEXT,                    -- given when issued
    status            TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued')),
    invoice_id        TEXT NOT NULL REFERENCES invoices (id),
    reason            TEXT NOT NULL DEFAULT '',
    issue_date        TEXT,
    currency          TEXT NOT NULL,
    tax_mode          TEXT NOT NULL CHECK (tax_mode IN ('per_line', 'on_total', 'tax_included')),
    lines             TEXT NOT NULL DEFAULT '[]', -- negative quantities
    totals            TEXT NOT NULL,
    total             TEXT NOT NULL             -- negative
);
CREATE UNIQUE INDEX credit_notes_by_number_unique ON credit_notes (number) WHERE number IS NOT NULL;
CREATE INDEX credit_notes_by_created ON credit_notes (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX credit_notes_by_invoice ON credit_notes (invoice_id);
CREATE VIRTUAL TABLE credit_notes_fts USING fts5 (
    number, other, tokenize = 'unicode61 remove_diacritics 2', prefix = '2', columnsize = 0
);

CREATE TABLE payments (
    id           TEXT PRIMARY KEY,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT,
    owner_id     TEXT REFERENCES users (id),
    seq          INTEGER NOT NULL,
    number       TEXT NOT NULL,
    direction    TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    date         TEXT NOT NULL,
    amount       TEXT NOT NULL,               -- decimal, positive
    currency     TEXT NOT NULL,
    method       TEXT NOT NULL CHECK (method IN ('cash', 'bank_transfer', 'card', 'other')),
    reference    TEXT NOT NULL DEFAULT '',
    account_id   TEXT REFERENCES accounts (id), -- payer (in) or payee (out)
    note         TEXT NOT NULL DEFAULT '',
    allocations  TEXT NOT NULL DEFAULT '[]',    -- JSON [{invoice_id, amount}]
    allocated    TEXT NOT NULL DEFAULT '0'
);
CREATE UNIQUE INDEX payments_by_seq ON payments (seq);
CREATE INDEX payments_by_number ON payments (number, id) WHERE deleted_at IS NULL;
CREATE INDEX payments_by_account ON payments (account_id) WHERE account_id IS NOT NULL;
CREATE VIRTUAL TABLE payments_fts USING fts5 (
    number, other, tokenize = 'unicode61 remove_diacritics 2', prefix = '2', columnsize = 0
);

-- One row per live allocation of a payment to an invoice, kept by the payments module beside the
-- payment's own list, so an invoice's payments are found by index rather than by reading every payment.
CREATE TABLE payment_allocations (
    id          TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    payment_id  TEXT NOT NULL REFERENCES payments (id),
    invoice_id  TEXT NOT NULL REFERENCES invoices (id),
    amount      TEXT NOT NULL
);
CREATE INDEX payment_allocations_by_invoice ON payment_allocations (invoice_id) WHERE deleted_at IS NULL;
CREATE INDEX payment_allocations_by_payment ON payment_allocations (payment_id) WHERE deleted_at IS NULL;

CREATE TABLE service_acts (
    id          TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    owner_id    TEXT REFERENCES users (id),
    seq         INTEGER NOT NULL,
    number      TEXT NOT NULL,
    invoice_id  TEXT NOT NULL REFERENCES invoices (id),
    date        TEXT NOT NULL,
    currency    TEXT NOT NULL,
    lines       TEXT NOT NULL DEFAULT '[]',   -- the invoice's lines when the act was drawn up
    totals      TEXT NOT NULL,
    total       TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX service_acts_by_seq ON service_acts (seq);
CREATE INDEX service_acts_by_number ON service_acts (number, id) WHERE deleted_at IS NULL;
CREATE INDEX service_acts_by_invoice ON service_acts (invoice_id);
CREATE VIRTUAL TABLE service_acts_fts USING fts5 (
    number, other, tokenize = 'unicode61 remove_diacritics 2', prefix = '2', columnsize = 0
);

CREATE TABLE contracts (
    id             TEXT PRIMARY KEY,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT,
    owner_id       TEXT REFERENCES users (id),
    seq            INTEGER NOT NULL,
    number         TEXT NOT NULL,
    subject        TEXT NOT NULL,
    status         TEXT NOT NULL DEFAULT 'draft'
                   CHECK (status IN ('draft', 'active', 'expired', 'terminated')),
    account_id     TEXT NOT NULL REFERENCES accounts (id),
    opportunity_id TEXT REFERENCES opportunities (id),
    quote_id       TEXT REFERENCES quotes (id),
    start_date     TEXT NOT NULL,
    term_months    INTEGER,
    end_date       TEXT NOT NULL,
    value          TEXT NOT NULL DEFAULT '0',
    currency       TEXT NOT NULL,
    reminder_days  INTEGER NOT NULL DEFAULT 30,
    remind_on      TEXT NOT NULL,              -- end date − reminder days
    description    TEXT NOT NULL DEFAULT '',
    tags           TEXT NOT NULL DEFAULT '[]'
);
CREATE UNIQUE INDEX contracts_by_seq ON contracts (seq);
CREATE INDEX contracts_by_number ON contracts (number, id) WHERE deleted_at IS NULL;
CREATE INDEX contracts_by_account ON contracts (account_id);
CREATE INDEX contracts_by_reminder ON contracts (remind_on) WHERE status = 'active' AND deleted_at IS NULL;
CREATE VIRTUAL TABLE contracts_fts USING fts5 (
    number, other, tokenize = 'unicode61 remove_diacritics 2', prefix = '2', columnsize = 0
);
