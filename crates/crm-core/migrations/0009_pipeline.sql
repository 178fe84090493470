-- Outpost schema 9: the pipeline. Configurable sales stages, the opportunity's forecast, partner,
-- competitors and close reasons, contacts with roles, the stage history, and sort keys for every
-- list column (with the amount as an exact integer in thousandths, so totals are integer sums).

-- The sales stages in order; the id is the stage key that opportunities store.
CREATE TABLE sales_stages (
    id          TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    probability INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100),
    kind        TEXT NOT NULL CHECK (kind IN ('open', 'won', 'lost')),
    coaching    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sales_stages_by_position ON sales_stages (position) WHERE deleted_at IS NULL;

INSERT INTO sales_stages (position, id, name, probability, kind, coaching, created_at, updated_at) VALUES
    (0, 'prospecting', 'Prospecting', 10, 'open', 'Find out who decides and whether there is a need. Prepare: company profile.', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    (1, 'qualification', 'Qualification', 20, 'open', 'Confirm budget, authority, need and timing. Prepare: qualification notes.', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    (2, 'needs_analysis', 'Needs analysis', 40, 'open', 'Agree the requirements with the decision makers. Prepare: needs summary.', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    (3, 'proposal', 'Proposal', 60, 'open', 'Present the solution and the price. Prepare: quote, presentation.', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    (4, 'negotiation', 'Negotiation', 80, 'open', 'Settle terms and answer objections. Prepare: contract draft, revised quote.', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    (5, 'closed_won', 'Closed won', 100, 'won', 'Hand over to delivery. Prepare: sales order, invoice.', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    (6, 'closed_lost', 'Closed lost', 0, 'lost', 'Record why the deal was lost and what to do differently.', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

ALTER TABLE opportunities ADD COLUMN forecast_category TEXT NOT NULL DEFAULT 'pipeline'
    CHECK (forecast_category IN ('pipeline', 'best_case', 'commit', 'closed', 'omitted'));
ALTER TABLE opportunities ADD COLUMN campaign TEXT NOT NULL DEFAULT '';
ALTER TABLE opportunities ADD COLUMN partner_account_id TEXT REFERENCES accounts (id);
ALTER TABLE opportunities ADD COLUMN next_step TEXT NOT NULL DEFAULT '';
ALTER TABLE opportunities ADD COLUMN competitors TEXT NOT NULL DEFAULT '[]';
ALTER TABLE opportunities ADD COLUMN won_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE opportunities ADD COLUMN lost_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE opportunities ADD COLUMN closed_on TEXT;              -- ISO date the deal was won or lost
-- Sort keys: the amount in thousandths of the currency unit (0 without an amount; exact for every
-- ISO 4217 currency, so sums are exact), the close date ('' without one), the stage's position.
ALTER TABLE opportunities ADD COLUMN amount_key INTEGER NOT NULL DEFAULT 0;
ALTER TABLE opportunities ADD COLUMN sort_close_date TEXT NOT NULL DEFAULT '';
ALTER TABLE opportunities ADD COLUMN stage_rank INTEGER NOT NULL DEFAULT 0;

UPDATE opportunities SET
    amount_key = outpost_amount_key(amount),
    sort_close_date = coalesce(close_date, ''),
    stage_rank = coalesce((SELECT position FROM sales_stages WHERE id = stage), 0),
    forecast_category = CASE
        WHEN (SELECT kind FROM sales_stages WHERE id = stage) = 'won' THEN 'closed'
        WHEN (SELECT kind FROM sales_stages WHERE id = stage) = 'lost' THEN 'omitted'
        WHEN probability >= 80 THEN 'commit'
        WHEN probability >= 50 THEN 'best_case'
        ELSE 'pipeline' END,
    closed_on = CASE WHEN (SELECT kind FROM sales_stages WHERE id = stage) IN ('won', 'lost')
        THEN substr(updated_at, 1, 10) END;

CREATE INDEX opportunities_by_close       ON opportunities (sort_close_date, id) WHERE deleted_at IS NULL;
CREATE INDEX opportunities_by_amount      ON opportunities (amount_key, id) WHERE deleted_at IS NULL;
CREATE INDEX opportunities_by_stage_rank  ON opportunities (stage_rank, id) WHERE deleted_at IS NULL;
CREATE INDEX opportunities_by_probability ON opportunities (probability, id) WHERE deleted_at IS NULL;
CREATE INDEX opportunities_by_updated     ON opportunities (updated_at, id) WHERE deleted_at IS NULL;
-- The funnel and the board's columns read only this index.
CREATE INDEX opportunities_by_stage       ON opportunities (stage, currency, amount_key, probability)
    WHERE deleted_at IS NULL;
-- The list's totals per currency read only this index, also when filtered by stage, owner or close date
-- (so no separate owner index: the planner would prefer it and then read every row).
CREATE INDEX opportunities_totals         ON opportunities
    (currency, stage, amount_key, probability, owner_id, close_date) WHERE deleted_at IS NULL;
CREATE INDEX opportunities_by_stage_close ON opportunities (stage, sort_close_date, id) WHERE deleted_at IS NULL;
CREATE INDEX opportunities_by_partner     ON opportunities (partner_account_id) WHERE partner_account_id IS NOT NULL;

-- Every stage an opportunity entered, with its amount and probability then.
CREATE TABLE opportunity_stage_history (
    id             TEXT PRIMARY KEY,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT,
    opportunity_id TEXT NOT NULL REFERENCES opportunities (id),
    stage          TEXT NOT NULL,
    from_stage     TEXT,
    changed_on     TEXT NOT NULL,   -- ISO date
    amount         TEXT,            -- decimal
    currency       TEXT NOT NULL,
    probability    INTEGER NOT NULL
);
CREATE INDEX opportunity_stage_history_by_opportunity ON opportunity_stage_history (opportunity_id, created_at);
CREATE INDEX opportunity_stage_history_by_date ON opportunity_stage_history (changed_on, stage);

-- The stage the existing deals are in, dated when they were created.
INSERT INTO opportunity_stage_history
    (id, created_at, updated_at, opportunity_id, stage, changed_on, amount, currency, probability)
SELECT lower(hex(randomblob(16))), created_at, created_at, id, stage, substr(created_at, 1, 10), amount, currency,
       probability
FROM opportunities;

-- The people of a deal and their part in it.
CREATE TABLE opportunity_contacts (
    id             TEXT PRIMARY KEY,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT,
    opportunity_id TEXT NOT NULL REFERENCES opportunities (id),
    contact_id     TEXT NOT NULL REFERENCES contacts (id),
    role           TEXT NOT NULL CHECK (role IN
                   ('decision_maker', 'economic_buyer', 'technical_buyer', 'influencer', 'user', 'other'))
);
CREATE UNIQUE INDEX opportunity_contacts_by_opportunity ON opportunity_contacts (opportunity_id, contact_id)
    WHERE deleted_at IS NULL;
CREATE INDEX opportunity_contacts_by_contact ON opportunity_contacts (contact_id) WHERE deleted_at IS NULL;
