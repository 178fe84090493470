-- Outpost schema 13: the calendar's range indexes hold every column a calendar item is made of,
-- so a month view reads its events from the index alone: a team's month is thousands of rows,
-- and looking each one up in the table was a third of the view.

DROP INDEX events_short_by_start;
CREATE INDEX events_short_by_start ON events (
    span_start, span_end, owner_id,
    id, series_id, recurrence_id, subject, location, status, all_day, start_local, end_local, tz,
    record_type, record_id
) WHERE deleted_at IS NULL AND span_long = 0;

DROP INDEX events_long_by_end;
CREATE INDEX events_long_by_end ON events (
    span_end, span_start, owner_id,
    id, series_id, recurrence_id, subject, location, status, all_day, start_local, end_local, tz,
    record_type, record_id, rrule, exdates
) WHERE deleted_at IS NULL AND span_long = 1;
