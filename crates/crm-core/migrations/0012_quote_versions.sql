-- Outpost schema 12: versions of a quote. A new version of a sent, rejected or expired quote is a
-- new draft with the same number and the next version; it points at the first version of its
-- quote (`revision_of`), so all versions are found together. The earlier versions stay as they
-- were: superseded while a later version lives.

ALTER TABLE quotes ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE quotes ADD COLUMN revision_of TEXT REFERENCES quotes (id);

-- The versions of a quote share its number and its counter.
DROP INDEX quotes_by_seq;
CREATE UNIQUE INDEX quotes_by_seq ON quotes (seq, version);
CREATE INDEX quotes_by_revision ON quotes (revision_of, version) WHERE revision_of IS NOT NULL;
