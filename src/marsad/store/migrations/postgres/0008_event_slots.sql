-- Version 8: an event mention's slots (date basis, actor, predicate and object spans) as
-- one JSON record, from which the timeline writes titles. Rows stored before have NULL:
-- their mentions have no slots, and the timeline titles them from their sentence.
ALTER TABLE events ADD COLUMN IF NOT EXISTS slots TEXT;
