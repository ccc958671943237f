-- The corpus: articles and the facts found in them. Spans are half-open byte
-- offsets into articles.text. Fact ids written by the pipeline ("e1", "q2")
-- are kept in "ref" columns; speakers, stances and claims refer to entities
-- and quotes by those refs, within one article.
CREATE TABLE articles (
	id                INTEGER PRIMARY KEY,
	hash              TEXT NOT NULL UNIQUE,    -- dossier.ContentHash of text
	fingerprint           INTEGER NOT NULL,        -- dossier.Fingerprint, as a signed 64-bit integer
	band0             INTEGER,                 -- its four 16-bit bands; NULL when the
	band1             INTEGER,                 -- text is too short for near-duplicate
	band2             INTEGER,                 -- detection
	band3             INTEGER,
	near_duplicate_of INTEGER REFERENCES articles (id),
	title             TEXT NOT NULL DEFAULT '',
	date              TEXT,                    -- RFC 3339, NULL when unknown
	source            TEXT NOT NULL DEFAULT '',
	url               TEXT NOT NULL DEFAULT '',
	text              TEXT NOT NULL,
	origin_name       TEXT NOT NULL DEFAULT '',
	origin_format     TEXT NOT NULL DEFAULT '',
	raw               BLOB,
	ingested_at       INTEGER NOT NULL         -- Unix nanoseconds
);
CREATE INDEX articles_band0 ON articles (band0) WHERE band0 IS NOT NULL;
CREATE INDEX articles_band1 ON articles (band1) WHERE band1 IS NOT NULL;
CREATE INDEX articles_band2 ON articles (band2) WHERE band2 IS NOT NULL;
CREATE INDEX articles_band3 ON articles (band3) WHERE band3 IS NOT NULL;
CREATE INDEX articles_near_duplicate_of ON articles (near_duplicate_of) WHERE near_duplicate_of IS NOT NULL;

CREATE TABLE producers (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	layer      TEXT NOT NULL,
	component  TEXT NOT NULL,
	PRIMARY KEY (article_id, layer)
) WITHOUT ROWID;

CREATE TABLE entities (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	ref        TEXT NOT NULL,
	name       TEXT NOT NULL,
	type       TEXT NOT NULL,
	title      TEXT NOT NULL DEFAULT '',
	party      TEXT NOT NULL DEFAULT '',
	region     TEXT NOT NULL DEFAULT '',
	linked_to  TEXT NOT NULL DEFAULT '',
	UNIQUE (article_id, ref)
);

CREATE TABLE mentions (
	entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
	start     INTEGER NOT NULL CHECK (start >= 0),
	"end"     INTEGER NOT NULL CHECK ("end" >= start),
	kind      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mentions_entity ON mentions (entity_id);

CREATE TABLE quotes (
	id              INTEGER PRIMARY KEY,
	article_id      INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	ref             TEXT NOT NULL,
	kind            TEXT NOT NULL,
	content_start   INTEGER NOT NULL CHECK (content_start >= 0),
	content_end     INTEGER NOT NULL CHECK (content_end >= content_start),
	cue_start       INTEGER NOT NULL,
	cue_end         INTEGER NOT NULL,
	source_start    INTEGER NOT NULL,
	source_end      INTEGER NOT NULL,
	addressee_start INTEGER NOT NULL,
	addressee_end   INTEGER NOT NULL,
	speaker         TEXT NOT NULL DEFAULT '',  -- entity ref
	speaker_name    TEXT NOT NULL DEFAULT '',
	source_type     TEXT NOT NULL DEFAULT '',
	source_count    INTEGER NOT NULL DEFAULT 0,
	stance          TEXT NOT NULL DEFAULT '',
	UNIQUE (article_id, ref)
);

CREATE TABLE claims (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	ref        TEXT NOT NULL,
	statement  TEXT NOT NULL,
	entities   TEXT NOT NULL DEFAULT '',       -- entity refs separated by spaces
	UNIQUE (article_id, ref)
);

CREATE TABLE stances (
	claim_id       INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
	speaker        TEXT NOT NULL DEFAULT '',
	speaker_name   TEXT NOT NULL DEFAULT '',
	source_start   INTEGER NOT NULL,
	source_end     INTEGER NOT NULL,
	source_type    TEXT NOT NULL DEFAULT '',
	source_count   INTEGER NOT NULL DEFAULT 0,
	stance         TEXT NOT NULL,
	cue_start      INTEGER NOT NULL,
	cue_end        INTEGER NOT NULL,
	hedge          TEXT NOT NULL DEFAULT '',
	evidence_start INTEGER NOT NULL,
	evidence_end   INTEGER NOT NULL,
	quote          TEXT NOT NULL DEFAULT ''    -- quote ref
);
CREATE INDEX stances_claim ON stances (claim_id);

CREATE TABLE timex (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	start      INTEGER NOT NULL CHECK (start >= 0),
	"end"      INTEGER NOT NULL CHECK ("end" >= start),
	type       TEXT NOT NULL,
	value      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX timex_article ON timex (article_id);

CREATE TABLE figures (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	start      INTEGER NOT NULL CHECK (start >= 0),
	"end"      INTEGER NOT NULL CHECK ("end" >= start),
	kind       TEXT NOT NULL,
	value      REAL,
	unit       TEXT NOT NULL DEFAULT '',
	instrument TEXT NOT NULL DEFAULT '',
	direction  TEXT NOT NULL DEFAULT '',
	change_pct REAL,
	change_pts REAL,
	level      REAL
);
CREATE INDEX figures_article ON figures (article_id);

-- Full text: articles (external content) and quotes (their own copy of the
-- quoted words), stemmed English.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
	title, text,
	content = 'articles', content_rowid = 'id',
	tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE quotes_fts USING fts5 (
	text, article_id UNINDEXED,
	tokenize = 'porter unicode61 remove_diacritics 2'
);

-- The work queue shared by ingest workers.
CREATE TABLE jobs (
	id          INTEGER PRIMARY KEY,
	batch       TEXT NOT NULL,
	item        TEXT NOT NULL,
	state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'claimed', 'done', 'failed')),
	worker      TEXT NOT NULL DEFAULT '',
	attempts    INTEGER NOT NULL DEFAULT 0,
	claimed_at  INTEGER,                       -- Unix nanoseconds
	finished_at INTEGER,
	error       TEXT NOT NULL DEFAULT '',
	UNIQUE (batch, item)
);
CREATE INDEX jobs_batch_state ON jobs (batch, state, id);
