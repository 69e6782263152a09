-- marsad store, schema version 1 (PostgreSQL): the SQLite schema in PostgreSQL types.
-- One row per annotation, keyed by article id.
-- Offsets are Python string indices into articles.text. `seq` keeps each layer's order;
-- the (article_id, seq) primary keys also index every layer by article_id.

CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER NOT NULL
);

-- num is the stable row number that the search index points at (kept on re-save).
CREATE TABLE IF NOT EXISTS articles (
    num              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    doc              TEXT NOT NULL,
    source           TEXT NOT NULL,
    text             TEXT NOT NULL,
    title            TEXT,
    url              TEXT,
    outlet           TEXT,
    published_value  TEXT,
    published_source TEXT NOT NULL,
    published_start  INTEGER,
    published_end    INTEGER,
    published_note   TEXT,
    language         TEXT NOT NULL,
    encoding         TEXT,
    raw              TEXT
);
CREATE INDEX IF NOT EXISTS articles_doc ON articles (doc);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published_value);

CREATE TABLE IF NOT EXISTS boilerplate (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
);

CREATE TABLE IF NOT EXISTS sentences (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    PRIMARY KEY (article_id, seq)
);

CREATE TABLE IF NOT EXISTS timexes (
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    type        TEXT NOT NULL,
    value       TEXT,
    anchor      TEXT,
    granularity TEXT,
    vague       INTEGER NOT NULL,
    hijri       TEXT,
    rule        TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX IF NOT EXISTS timexes_value ON timexes (value);

CREATE TABLE IF NOT EXISTS entities (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    type       TEXT NOT NULL,
    canonical  TEXT NOT NULL,
    role       TEXT,
    rule       TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX IF NOT EXISTS entities_canonical ON entities (canonical);

CREATE TABLE IF NOT EXISTS quotes (
    article_id    TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    speaker       TEXT,
    cue           TEXT NOT NULL,
    cue_start     INTEGER NOT NULL,
    cue_end       INTEGER NOT NULL,
    content_start INTEGER NOT NULL,
    content_end   INTEGER NOT NULL,
    speaker_start INTEGER,
    speaker_end   INTEGER,
    implicit      INTEGER NOT NULL,
    date          TEXT,
    date_note     TEXT,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker);

-- value is JSON (an int stays an int, a float a float, null stays null).
CREATE TABLE IF NOT EXISTS quantities (
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    value       TEXT NOT NULL,
    unit        TEXT,
    subject     TEXT,
    approximate INTEGER NOT NULL,
    vague       INTEGER NOT NULL,
    PRIMARY KEY (article_id, seq)
);

-- participants is a JSON list of canonical names.
CREATE TABLE IF NOT EXISTS events (
    article_id     TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    kind           TEXT NOT NULL,
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL,
    trigger_text   TEXT NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL,
    date           TEXT,
    timex_start    INTEGER,
    timex_end      INTEGER,
    participants   TEXT NOT NULL,
    name           TEXT,
    undated_reason TEXT,
    rule           TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX IF NOT EXISTS events_date ON events (date);
CREATE INDEX IF NOT EXISTS events_name ON events (name);

-- Search over the matching-normalised title and text (marsad.arabic.normalize), as
-- words of the 'simple' configuration (no stemming: the text is already folded).
CREATE TABLE IF NOT EXISTS article_search (
    num  BIGINT PRIMARY KEY REFERENCES articles (num) ON DELETE CASCADE,
    body TEXT NOT NULL,
    tsv  TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED
);
CREATE INDEX IF NOT EXISTS article_search_tsv ON article_search USING GIN (tsv);
