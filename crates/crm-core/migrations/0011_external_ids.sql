-- Outpost schema 10: the id a record has in the system it was imported from (another CRM, a
-- shop, an ERP), so a later import of the same list updates the records instead of adding them.
--
-- Not unique: two systems may use the same ids, "create anyway" imports the same row twice, and a
-- deleted record must come back without a conflict. Imports match the oldest live record with the
-- id. Empty means none; the index only holds live rows.

ALTER TABLE contacts ADD COLUMN external_id TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN external_id TEXT NOT NULL DEFAULT '';
ALTER TABLE leads ADD COLUMN external_id TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN external_id TEXT NOT NULL DEFAULT '';

CREATE INDEX contacts_by_external_id ON contacts (external_id, id) WHERE deleted_at IS NULL;
CREATE INDEX accounts_by_external_id ON accounts (external_id, id) WHERE deleted_at IS NULL;
CREATE INDEX leads_by_external_id ON leads (external_id, id) WHERE deleted_at IS NULL;
CREATE INDEX products_by_external_id ON products (external_id, id) WHERE deleted_at IS NULL;
