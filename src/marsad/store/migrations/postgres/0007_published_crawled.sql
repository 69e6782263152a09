-- Version 7: when an article's page was fetched (a record's crawled field): an upper bound
-- for its publication time, never the publication time. Rows stored before have NULL.
ALTER TABLE articles ADD COLUMN IF NOT EXISTS published_crawled TEXT;
