-- Version 2: where an event happened (canonical place name), when the text ties one to it.
-- Rows stored before have no place: NULL, as for an event whose place the text leaves open.
ALTER TABLE events ADD COLUMN IF NOT EXISTS place TEXT;
CREATE INDEX IF NOT EXISTS events_place ON events (place);
