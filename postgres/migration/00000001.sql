-- The corpus: articles and the facts found in them. Spans are half-open byte
-- offsets into articles.text. Fact ids written by the pipeline ("e1", "q2")
-- are kept in "ref" columns; speakers, stances and claims refer to entities
-- and quotes by those refs, within one article.
CREATE TABLE articles (
	id                BIGSERIAL PRIMARY KEY,
	hash              TEXT NOT NULL UNIQUE,    -- dossier.ContentHash of text
	fingerprint       BIGINT NOT NULL,         -- dossier.Fingerprint, as a signed 64-bit integer
	band0             INTEGER,                 -- its four 16-bit bands; NULL when the
	band1             INTEGER,                 -- text is too short for near-duplicate
	band2             INTEGER,                 -- detection
	band3             INTEGER,
	near_duplicate_of BIGINT REFERENCES articles (id),
	title             TEXT NOT NULL DEFAULT '',
	date              TIMESTAMPTZ,
	source            TEXT NOT NULL DEFAULT '',
	url               TEXT NOT NULL DEFAULT '',
	text              TEXT NOT NULL,
	origin_name       TEXT NOT NULL DEFAULT '',
	origin_format     TEXT NOT NULL DEFAULT '',
	raw               BYTEA,
	ingested_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
	tsv               TSVECTOR GENERATED ALWAYS AS (
		setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', text), 'B')) STORED
);
CREATE INDEX articles_band0 ON articles (band0) WHERE band0 IS NOT NULL;
CREATE INDEX articles_band1 ON articles (band1) WHERE band1 IS NOT NULL;
CREATE INDEX articles_band2 ON articles (band2) WHERE band2 IS NOT NULL;
CREATE INDEX articles_band3 ON articles (band3) WHERE band3 IS NOT NULL;
CREATE INDEX articles_near_duplicate_of ON articles (near_duplicate_of) WHERE near_duplicate_of IS NOT NULL;
CREATE INDEX articles_tsv ON articles USING GIN (tsv);

CREATE TABLE producers (
	article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	layer      TEXT NOT NULL,
	component  TEXT NOT NULL,
	PRIMARY KEY (article_id, layer)
);

CREATE TABLE entities (
	id         BIGSERIAL PRIMARY KEY,
	article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
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
	id        BIGSERIAL PRIMARY KEY,
	entity_id BIGINT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
	start     INTEGER NOT NULL CHECK (start >= 0),
	"end"     INTEGER NOT NULL CHECK ("end" >= start),
	kind      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mentions_entity ON mentions (entity_id);

CREATE TABLE quotes (
	id              BIGSERIAL PRIMARY KEY,
	article_id      BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
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
	text            TEXT NOT NULL,             -- the quoted words, for full-text search
	tsv             TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
	UNIQUE (article_id, ref)
);
CREATE INDEX quotes_tsv ON quotes USING GIN (tsv);

CREATE TABLE claims (
	id         BIGSERIAL PRIMARY KEY,
	article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	ref        TEXT NOT NULL,
	statement  TEXT NOT NULL,
	entities   TEXT NOT NULL DEFAULT '',       -- entity refs separated by spaces
	UNIQUE (article_id, ref)
);

CREATE TABLE stances (
	id             BIGSERIAL PRIMARY KEY,
	claim_id       BIGINT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
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
	id         BIGSERIAL PRIMARY KEY,
	article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	start      INTEGER NOT NULL CHECK (start >= 0),
	"end"      INTEGER NOT NULL CHECK ("end" >= start),
	type       TEXT NOT NULL,
	value      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX timex_article ON timex (article_id);

CREATE TABLE figures (
	id         BIGSERIAL PRIMARY KEY,
	article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	start      INTEGER NOT NULL CHECK (start >= 0),
	"end"      INTEGER NOT NULL CHECK ("end" >= start),
	kind       TEXT NOT NULL,
	value      DOUBLE PRECISION,
	unit       TEXT NOT NULL DEFAULT '',
	instrument TEXT NOT NULL DEFAULT '',
	direction  TEXT NOT NULL DEFAULT '',
	change_pct DOUBLE PRECISION,
	change_pts DOUBLE PRECISION,
	level      DOUBLE PRECISION
);
CREATE INDEX figures_article ON figures (article_id);

-- The work queue shared by ingest workers on any number of machines.
CREATE TABLE jobs (
	id          BIGSERIAL PRIMARY KEY,
	batch       TEXT NOT NULL,
	item        TEXT NOT NULL,
	state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'claimed', 'done', 'failed')),
	worker      TEXT NOT NULL DEFAULT '',
	attempts    INTEGER NOT NULL DEFAULT 0,
	claimed_at  TIMESTAMPTZ,
	finished_at TIMESTAMPTZ,
	error       TEXT NOT NULL DEFAULT '',
	UNIQUE (batch, item)
);
CREATE INDEX jobs_batch_state ON jobs (batch, state, id);
