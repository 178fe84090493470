-- Outpost schema 7: activities — tasks, events (with recurrence, exceptions and moved occurrences), attendees, calls.
-- Every activity has an owner and a date so it can be counted; each may link to one record
-- (record_type, record_id) and to one person (a contact or a lead).

CREATE TABLE tasks (
    id           TEXT PRIMARY KEY,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT,
    owner_id     TEXT NOT NULL REFERENCES users (id),
    subject      TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    due_date     TEXT,            -- ISO date (floating: the owner's day)
    due_time     TEXT,            -- HH:MM, only with a due date
    priority     TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high')),
    status       TEXT NOT NULL DEFAULT 'not_started'
                 CHECK (status IN ('not_started', 'in_progress', 'waiting', 'deferred', 'completed')),
    completed_at TEXT,            -- instant, set when the status becomes completed
    record_type  TEXT,
    record_id    TEXT,
    person_type  TEXT CHECK (person_type IN ('contact', 'lead')),
    person_id    TEXT,
    reminder_at  TEXT,            -- instant
    call_id      TEXT,            -- the call this task follows up
    -- Derived by the core: sort key (undated last) and the date the task counts on.
    due_key      TEXT NOT NULL,
    activity_date TEXT NOT NULL
);
CREATE INDEX tasks_by_due    ON tasks (due_key, id) WHERE deleted_at IS NULL;
CREATE INDEX tasks_by_record ON tasks (record_id) WHERE record_id IS NOT NULL;
CREATE INDEX tasks_by_person ON tasks (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX tasks_by_owner  ON tasks (owner_id, activity_date) WHERE deleted_at IS NULL;

CREATE VIRTUAL TABLE tasks_fts USING fts5 (
    subject, other,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2',
    columnsize = 0
);

-- A single event, a recurring series (rrule set) or a moved/changed occurrence of a series
-- (series_id + recurrence_id, the occurrence's original start: RFC 5545 RECURRENCE-ID).
CREATE TABLE events (
    id               TEXT PRIMARY KEY,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT,
    owner_id         TEXT NOT NULL REFERENCES users (id),
    subject          TEXT NOT NULL,
    location         TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'not_held')),
    all_day          INTEGER NOT NULL DEFAULT 0,
    tz               TEXT NOT NULL,   -- IANA zone of start and end ('' for all-day: floating dates)
    start_local      TEXT NOT NULL,   -- YYYY-MM-DDTHH:MM:SS in tz, or YYYY-MM-DD when all-day
    end_local        TEXT NOT NULL,   -- exclusive end (DTEND)
    rrule            TEXT,            -- RFC 5545 RRULE value, without DTSTART
    exdates          TEXT NOT NULL DEFAULT '[]', -- JSON: original starts (local) taken out of the series
    series_id        TEXT REFERENCES events (id),
    recurrence_id    TEXT,            -- original start (local) of the occurrence this row replaces
    record_type      TEXT,
    record_id        TEXT,
    reminder_minutes INTEGER,         -- before each start (VALARM TRIGGER)
    -- Derived by the core: UTC bounds of every occurrence, for the calendar range query
    -- (all-day events are widened by 14 hours each side, so any zone's day is inside).
    span_start       TEXT NOT NULL,
    span_end         TEXT NOT NULL,   -- '9999-12-31T23:59:59Z' for a series without end
    -- 1 for a series or an event longer than a week: a range finds short events by their start alone.
    span_long        INTEGER NOT NULL,
    activity_date    TEXT NOT NULL    -- the first start's date
);
CREATE INDEX events_short_by_start ON events (span_start, span_end, owner_id) WHERE deleted_at IS NULL AND span_long = 0;
CREATE INDEX events_long_by_end    ON events (span_end, span_start, owner_id) WHERE deleted_at IS NULL AND span_long = 1;
CREATE INDEX events_by_series ON events (series_id) WHERE series_id IS NOT NULL;
CREATE INDEX events_by_record ON events (record_id) WHERE record_id IS NOT NULL;
CREATE INDEX events_by_owner  ON events (owner_id, activity_date) WHERE deleted_at IS NULL;

CREATE VIRTUAL TABLE events_fts USING fts5 (
    subject, other,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2',
    columnsize = 0
);

CREATE TABLE event_attendees (
    id            TEXT PRIMARY KEY,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT,
    event_id      TEXT NOT NULL REFERENCES events (id),
    attendee_type TEXT NOT NULL CHECK (attendee_type IN ('contact', 'lead', 'user')),
    attendee_id   TEXT NOT NULL
);
CREATE INDEX event_attendees_by_event    ON event_attendees (event_id) WHERE deleted_at IS NULL;
CREATE INDEX event_attendees_by_attendee ON event_attendees (attendee_id);

CREATE TABLE calls (
    id               TEXT PRIMARY KEY,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT,
    owner_id         TEXT NOT NULL REFERENCES users (id),
    direction        TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    at               TEXT NOT NULL,   -- instant the call started
    duration_seconds INTEGER NOT NULL CHECK (duration_seconds >= 0),
    outcome          TEXT NOT NULL,
    subject          TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT '',
    record_type      TEXT,
    record_id        TEXT,
    person_type      TEXT CHECK (person_type IN ('contact', 'lead')),
    person_id        TEXT,
    activity_date    TEXT NOT NULL
);
CREATE INDEX calls_by_record ON calls (record_id) WHERE record_id IS NOT NULL;
CREATE INDEX calls_by_person ON calls (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX calls_by_owner  ON calls (owner_id, activity_date) WHERE deleted_at IS NULL;
