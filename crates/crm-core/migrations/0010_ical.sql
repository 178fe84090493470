-- Outpost schema 10: iCalendar exchange and reminders. Events and tasks read from a calendar
-- file remember its UID, so importing the file again updates them instead of adding copies;
-- reminders due in a time window are found from the few rows that have one.

ALTER TABLE events ADD COLUMN ical_uid TEXT;
ALTER TABLE tasks ADD COLUMN ical_uid TEXT;
CREATE INDEX events_by_ical_uid ON events (ical_uid) WHERE ical_uid IS NOT NULL;
CREATE INDEX tasks_by_ical_uid ON tasks (ical_uid) WHERE ical_uid IS NOT NULL;

-- Short events with a reminder by their start, series and long events by their end (as the calendar reads them).
CREATE INDEX events_reminder_short ON events (span_start)
    WHERE deleted_at IS NULL AND reminder_minutes IS NOT NULL AND span_long = 0;
CREATE INDEX events_reminder_long ON events (span_end)
    WHERE deleted_at IS NULL AND reminder_minutes IS NOT NULL AND span_long = 1;
CREATE INDEX tasks_by_reminder ON tasks (reminder_at)
    WHERE deleted_at IS NULL AND reminder_at IS NOT NULL AND status <> 'completed';
