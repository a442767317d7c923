package postgres

// migration is one versioned schema step, applied once, in order, inside
// the transaction Open runs; never edit a released step, append a new one.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations is the schema history. It follows store/sqlite's layout:
// document rows are keyed by seq (commit order), child tables refer to it;
// documents.json is the document's JSON contract without "text".
//
// Child tables carry no foreign keys: Put writes a document and its rows in
// one transaction, and a per-row key check would be a large part of the
// server's work per document (the server is what all workers share). Prune
// deletes documents with their rows.
//
// Code, date and actor columns use the "C" collation so that range and
// prefix comparisons mean byte order whatever the database's locale.
//
// The full-text vector indexes the title and the first 256 KiB of text
// (a tsvector is capped at 1 MB; positions beyond 16383 are clamped anyway).
var migrations = []migration{
	{1, "initial schema", `
CREATE SEQUENCE documents_seq;

CREATE TABLE documents (
	seq               bigint PRIMARY KEY,
	id                text   NOT NULL UNIQUE,
	url               text   NOT NULL DEFAULT '',
	source            text   NOT NULL DEFAULT '',
	origin            text   NOT NULL DEFAULT '',
	title             text   NOT NULL DEFAULT '',
	pubdate           text   COLLATE "C" NOT NULL DEFAULT '',
	lang              text   NOT NULL DEFAULT '',
	text              text   NOT NULL,
	json              bytea  NOT NULL,
	near_duplicate_of text,
	added_at          timestamptz NOT NULL DEFAULT now(),
	tsv               tsvector GENERATED ALWAYS AS (
		setweight(to_tsvector('english'::regconfig, title), 'A') ||
		setweight(to_tsvector('english'::regconfig, left(text, 262144)), 'B')) STORED
);
CREATE INDEX documents_pubdate ON documents(pubdate);
CREATE INDEX documents_source ON documents(source);
CREATE INDEX documents_url ON documents(url) WHERE url <> '';
CREATE INDEX documents_tsv ON documents USING gin(tsv);
CREATE INDEX documents_added ON documents(added_at);

-- lz4 compresses the large values several times faster than the default
-- pglz: the database server is the one part all workers share.
DO $$ BEGIN
	IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)) THEN
		ALTER TABLE documents ALTER COLUMN json SET COMPRESSION lz4, ALTER COLUMN text SET COMPRESSION lz4;
	END IF;
END $$;

-- MinHash signatures (dedupe.Signature.Bytes).
CREATE TABLE minhash (
	doc bigint PRIMARY KEY,
	sig bytea  NOT NULL
);

-- LSH buckets: each band key with the earliest document that had it.
CREATE TABLE lsh_bands (
	band bigint PRIMARY KEY,
	doc  bigint NOT NULL
);
CREATE INDEX lsh_bands_doc ON lsh_bands(doc);

CREATE TABLE sentences (
	doc   bigint  NOT NULL,
	idx   integer NOT NULL,
	start integer NOT NULL,
	"end" integer NOT NULL,
	hash  bigint  NOT NULL,
	PRIMARY KEY (doc, idx)
);
CREATE INDEX sentences_hash ON sentences(hash);

CREATE TABLE entities (
	doc      bigint  NOT NULL,
	idx      integer NOT NULL,
	start    integer NOT NULL,
	"end"    integer NOT NULL,
	text     text    NOT NULL,
	type     text    NOT NULL,
	entity   text    NOT NULL DEFAULT '',
	actor    text    COLLATE "C" NOT NULL DEFAULT '',
	sentence integer NOT NULL,
	PRIMARY KEY (doc, idx)
);
CREATE INDEX entities_entity ON entities(entity) WHERE entity <> '';

CREATE TABLE events (
	id         bigserial PRIMARY KEY,
	doc        bigint  NOT NULL,
	idx        integer NOT NULL,
	src_actor  text    COLLATE "C" NOT NULL DEFAULT '',
	src_text   text    NOT NULL DEFAULT '',
	tgt_actor  text    COLLATE "C" NOT NULL DEFAULT '',
	tgt_text   text    NOT NULL DEFAULT '',
	cameo      text    COLLATE "C" NOT NULL,
	root       text    COLLATE "C" NOT NULL,
	quad       integer NOT NULL,
	goldstein  double precision NOT NULL,
	negated    boolean NOT NULL,
	modality   text    NOT NULL DEFAULT '',
	date       text    COLLATE "C" NOT NULL DEFAULT '',
	day        text    COLLATE "C",
	place_name text    NOT NULL DEFAULT '',
	country    text    COLLATE "C" NOT NULL DEFAULT '',
	lat        double precision,
	lon        double precision,
	killed     bigint,
	sentence   integer NOT NULL,
	start      integer NOT NULL,
	"end"      integer NOT NULL,
	confidence double precision NOT NULL,
	evidence   text    NOT NULL DEFAULT '',
	UNIQUE (doc, idx)
);
CREATE INDEX events_src ON events(src_actor);
CREATE INDEX events_tgt ON events(tgt_actor);
CREATE INDEX events_root ON events(root);
CREATE INDEX events_country ON events(country) WHERE country <> '';
CREATE INDEX events_day ON events(day);
CREATE INDEX events_lat ON events(lat) WHERE lat IS NOT NULL;

CREATE TABLE quotes (
	doc            bigint  NOT NULL,
	idx            integer NOT NULL,
	start          integer NOT NULL,
	"end"          integer NOT NULL,
	text           text    NOT NULL,
	speaker_text   text,
	speaker_entity text,
	speaker_actor  text,
	method         text    NOT NULL DEFAULT '',
	PRIMARY KEY (doc, idx)
);

CREATE TABLE places (
	doc           bigint  NOT NULL,
	idx           integer NOT NULL,
	start         integer NOT NULL,
	"end"         integer NOT NULL,
	text          text    NOT NULL,
	name          text    NOT NULL DEFAULT '',
	country       text    COLLATE "C" NOT NULL DEFAULT '',
	adm1          text    NOT NULL DEFAULT '',
	lat           double precision NOT NULL,
	lon           double precision NOT NULL,
	geonames      bigint  NOT NULL DEFAULT 0,
	feature_class text    NOT NULL DEFAULT '',
	geo_type      integer NOT NULL DEFAULT 0,
	PRIMARY KEY (doc, idx)
);
CREATE INDEX places_country ON places(country) WHERE country <> '';

CREATE TABLE dates (
	doc       bigint  NOT NULL,
	idx       integer NOT NULL,
	start     integer NOT NULL,
	"end"     integer NOT NULL,
	text      text    NOT NULL,
	value     text    NOT NULL,
	precision text    NOT NULL DEFAULT '',
	PRIMARY KEY (doc, idx)
);

CREATE TABLE counts (
	doc       bigint  NOT NULL,
	idx       integer NOT NULL,
	start     integer NOT NULL,
	"end"     integer NOT NULL,
	text      text    NOT NULL,
	what      text    NOT NULL DEFAULT '',
	number    bigint,
	min       bigint,
	max       bigint,
	qualifier text,
	who       text    NOT NULL DEFAULT '',
	PRIMARY KEY (doc, idx)
);

CREATE TABLE flags (
	doc     bigint  NOT NULL,
	idx     integer NOT NULL,
	kind    text    NOT NULL,
	start   integer NOT NULL,
	"end"   integer NOT NULL,
	message text    NOT NULL DEFAULT '',
	PRIMARY KEY (doc, idx)
);
CREATE INDEX flags_kind ON flags(kind);

CREATE TABLE errors (
	doc     bigint  NOT NULL,
	idx     integer NOT NULL,
	origin  text    NOT NULL DEFAULT '',
	"offset" bigint NOT NULL DEFAULT 0,
	line    integer NOT NULL DEFAULT 0,
	stage   text    NOT NULL DEFAULT '',
	message text    NOT NULL,
	PRIMARY KEY (doc, idx)
);
CREATE INDEX errors_origin ON errors(origin);

-- Items the distributed workers gave up on (internal/queue): the
-- dead-letter record kept next to the data, by message ID.
CREATE TABLE dead_letters (
	msg_id     text PRIMARY KEY,
	origin     text NOT NULL DEFAULT '',
	url        text NOT NULL DEFAULT '',
	deliveries integer NOT NULL DEFAULT 0,
	error      text NOT NULL,
	failed_at  timestamptz NOT NULL DEFAULT now()
);
`},
	{2, "events day order index", `
-- Events pages newest (or oldest) first by (day, id): one index serves the
-- order, the cursor and day ranges, so it replaces events_day.
CREATE INDEX events_day_id ON events(day, id);
DROP INDEX events_day;
`},
}
