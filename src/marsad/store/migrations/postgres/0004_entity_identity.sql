-- Version 4: an entity's Arabic canonical name, where its Latin name comes from, and the
-- identity every mention of the same person or body shares. Rows stored before have
-- empty values: re-ingest to fill them.
ALTER TABLE entities ADD COLUMN IF NOT EXISTS canonical_ar TEXT NOT NULL DEFAULT '';
ALTER TABLE entities ADD COLUMN IF NOT EXISTS name_source TEXT NOT NULL DEFAULT '';
ALTER TABLE entities ADD COLUMN IF NOT EXISTS entity_id TEXT NOT NULL DEFAULT '';
CREATE INDEX IF NOT EXISTS entities_entity_id ON entities (entity_id);
