-- Version 3: a relative timex keeps its unresolved meaning (JSON of temporal.relative),
-- so a new publication date re-anchors it without tagging the text again. Rows stored
-- before have NULL: the corpus stage tags such an article again to recover its meanings.
ALTER TABLE timexes ADD COLUMN IF NOT EXISTS relative TEXT;
