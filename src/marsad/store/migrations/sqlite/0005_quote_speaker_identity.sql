-- Version 5: a quote's speaker as an Arabic name and the id of the entity it names, so
-- that a carried-over ("وأضاف") quote still says who spoke. Rows stored before have empty
-- values: re-ingest to fill them.
ALTER TABLE quotes ADD COLUMN speaker_ar TEXT NOT NULL DEFAULT '';
ALTER TABLE quotes ADD COLUMN speaker_id TEXT NOT NULL DEFAULT '';
