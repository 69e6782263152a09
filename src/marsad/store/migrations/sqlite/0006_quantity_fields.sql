-- Version 6: a quantity's category (killed, injured, arrested, ...), its counted noun phrase
-- (head) and its sentence, so that a later stage ties figures to their events. A range is
-- stored in value as a JSON [low, high]. Rows stored before have NULL in the new columns.
ALTER TABLE quantities ADD COLUMN category TEXT;
ALTER TABLE quantities ADD COLUMN head_start INTEGER;
ALTER TABLE quantities ADD COLUMN head_end INTEGER;
ALTER TABLE quantities ADD COLUMN sentence_start INTEGER;
ALTER TABLE quantities ADD COLUMN sentence_end INTEGER;
