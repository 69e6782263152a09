-- Version 6: a quantity's category (killed, injured, arrested, ...), its counted noun phrase
-- (head) and its sentence, so that a later stage ties figures to their events. A range is
-- stored in value as a JSON [low, high]. Rows stored before have NULL in the new columns.
ALTER TABLE quantities ADD COLUMN IF NOT EXISTS category TEXT;
ALTER TABLE quantities ADD COLUMN IF NOT EXISTS head_start INTEGER;
ALTER TABLE quantities ADD COLUMN IF NOT EXISTS head_end INTEGER;
ALTER TABLE quantities ADD COLUMN IF NOT EXISTS sentence_start INTEGER;
ALTER TABLE quantities ADD COLUMN IF NOT EXISTS sentence_end INTEGER;
