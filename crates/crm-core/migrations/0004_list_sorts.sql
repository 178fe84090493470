-- Outpost schema 4: every column a list shows can sort it; search stops early on short prefixes.
--
-- Text sorts use folded copies (case and Latin accents removed by the core's `fold`, the same key
-- the write path derives), not SQLite's lower() or NOCASE, which only know ASCII: Ärzte must sort
-- with the a's and Müller with the mu's, as sort_name and sort_city already do. The copies are
-- NOT NULL (empty when there is no value), since a NULL in the keyset's row-value comparison
-- would end paging. Existing rows get the keys from outpost_fold / outpost_site_key, the core's
-- functions registered for the migration.
--
-- Each sort has an index (sort key, id) over live rows: keyset paging walks it.

ALTER TABLE contacts ADD COLUMN sort_title TEXT NOT NULL DEFAULT '';
UPDATE contacts SET sort_title = outpost_fold(title) WHERE title != '';
CREATE INDEX contacts_by_title ON contacts (sort_title, id) WHERE deleted_at IS NULL;
-- Phone numbers sort as written (they have no case).
CREATE INDEX contacts_by_phone ON contacts (phone, id) WHERE deleted_at IS NULL;

ALTER TABLE accounts ADD COLUMN sort_city TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN sort_industry TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN sort_website TEXT NOT NULL DEFAULT '';
UPDATE accounts SET
    sort_city = outpost_fold(city),
    sort_industry = outpost_fold(industry),
    sort_website = outpost_site_key(website);
CREATE INDEX accounts_by_type     ON accounts (account_type, id) WHERE deleted_at IS NULL;
CREATE INDEX accounts_by_industry ON accounts (sort_industry, id) WHERE deleted_at IS NULL;
CREATE INDEX accounts_by_city     ON accounts (sort_city, id) WHERE deleted_at IS NULL;
CREATE INDEX accounts_by_website  ON accounts (sort_website, id) WHERE deleted_at IS NULL;
CREATE INDEX accounts_by_updated  ON accounts (updated_at, id) WHERE deleted_at IS NULL;

ALTER TABLE leads ADD COLUMN sort_company TEXT NOT NULL DEFAULT '';
UPDATE leads SET sort_company = outpost_fold(company) WHERE company != '';
CREATE INDEX leads_by_company     ON leads (sort_company, id) WHERE deleted_at IS NULL;
CREATE INDEX leads_by_email       ON leads (email, id) WHERE deleted_at IS NULL;
CREATE INDEX leads_by_status_sort ON leads (status, id) WHERE deleted_at IS NULL;
CREATE INDEX leads_by_source      ON leads (source, id) WHERE deleted_at IS NULL;
CREATE INDEX leads_by_updated     ON leads (updated_at, id) WHERE deleted_at IS NULL;

-- Search: prefix indexes for 1 to 4 characters (was 2 only). FTS5 reads a prefix that has its
-- own index lazily, stopping after the hits it needs; any other prefix first merges the postings
-- of every word it matches. Typed phone numbers are digit prefixes (`+49 30` is `4930`) matching
-- tens of thousands of different numbers, and the first letters typed (`m`, `anna m`, `mül`)
-- match thousands of words: all of them now stop early. Each table is rebuilt from its content.
CREATE VIRTUAL TABLE contacts_fts_4 USING fts5 (
    name, email, phone, other,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3 4',
    columnsize = 0
);
INSERT INTO contacts_fts_4 (rowid, name, email, phone, other) SELECT rowid, name, email, phone, other FROM contacts_fts;
DROP TABLE contacts_fts;
ALTER TABLE contacts_fts_4 RENAME TO contacts_fts;

CREATE VIRTUAL TABLE accounts_fts_4 USING fts5 (
    name, email, phone, other,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3 4',
    columnsize = 0
);
INSERT INTO accounts_fts_4 (rowid, name, email, phone, other) SELECT rowid, name, email, phone, other FROM accounts_fts;
DROP TABLE accounts_fts;
ALTER TABLE accounts_fts_4 RENAME TO accounts_fts;

CREATE VIRTUAL TABLE leads_fts_4 USING fts5 (
    name, email, phone, other,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3 4',
    columnsize = 0
);
INSERT INTO leads_fts_4 (rowid, name, email, phone, other) SELECT rowid, name, email, phone, other FROM leads_fts;
DROP TABLE leads_fts;
ALTER TABLE leads_fts_4 RENAME TO leads_fts;

CREATE VIRTUAL TABLE opportunities_fts_4 USING fts5 (
    name, other,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3 4',
    columnsize = 0
);
INSERT INTO opportunities_fts_4 (rowid, name, other) SELECT rowid, name, other FROM opportunities_fts;
DROP TABLE opportunities_fts;
ALTER TABLE opportunities_fts_4 RENAME TO opportunities_fts;
