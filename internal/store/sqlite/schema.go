package sqlite

// migration is one versioned schema step. Steps are applied in order, each
// once, inside the transaction Open runs; never edit a released step, append
// a new one.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations is the schema history. Document rows are keyed by seq (their
// insertion order); child tables refer to seq, not to the longer content ID.
// documents.json is the full JSON contract of the document except "text",
// which lives once in documents.text (Get puts it back).
var migrations = []migration{
	{1, "initial schema", `
CREATE TABLE documents (
	seq               INTEGER PRIMARY KEY,
	id                TEXT    NOT NULL UNIQUE,
	url               TEXT    NOT NULL DEFAULT '',
	source            TEXT    NOT NULL DEFAULT '',
	origin            TEXT    NOT NULL DEFAULT '',
	title             TEXT    NOT NULL DEFAULT '',
	pubdate           TEXT    NOT NULL DEFAULT '',
	lang              TEXT    NOT NULL DEFAULT '',
	text              TEXT    NOT NULL,
	json              BLOB    NOT NULL,
	near_duplicate_of TEXT,
	added_at          TEXT    NOT NULL
);
CREATE INDEX documents_pubdate ON documents(pubdate);
CREATE INDEX documents_source ON documents(source);
CREATE INDEX documents_url ON documents(url) WHERE url <> '';

CREATE VIRTUAL TABLE documents_fts USING fts5(
	title, text,
	content = 'documents', content_rowid = 'seq',
	tokenize = 'porter unicode61 remove_diacritics 2'
);

-- MinHash signatures (dedupe.Signature.Bytes), appended in document order;
-- the LSH buckets are rebuilt from them in memory by the writer.
CREATE TABLE minhash (
	doc INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
	sig BLOB    NOT NULL
);

CREATE TABLE sentences (
	doc   INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	idx   INTEGER NOT NULL,
	start INTEGER NOT NULL,
	"end" INTEGER NOT NULL,
	hash  INTEGER NOT NULL,
	PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX sentences_hash ON sentences(hash);

CREATE TABLE entities (
	doc      INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	idx      INTEGER NOT NULL,
	start    INTEGER NOT NULL,
	"end"    INTEGER NOT NULL,
	text     TEXT    NOT NULL,
	type     TEXT    NOT NULL,
	entity   TEXT    NOT NULL DEFAULT '',
	actor    TEXT    NOT NULL DEFAULT '',
	sentence INTEGER NOT NULL,
	PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX entities_entity ON entities(entity) WHERE entity <> '';

CREATE TABLE events (
	id         INTEGER PRIMARY KEY,
	doc        INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	src_actor  TEXT    NOT NULL DEFAULT '',
	src_text   TEXT    NOT NULL DEFAULT '',
	tgt_actor  TEXT    NOT NULL DEFAULT '',
	tgt_text   TEXT    NOT NULL DEFAULT '',
	cameo      TEXT    NOT NULL,
	root       TEXT    NOT NULL,
	quad       INTEGER NOT NULL,
	goldstein  REAL    NOT NULL,
	negated    INTEGER NOT NULL,
	modality   TEXT    NOT NULL DEFAULT '',
	date       TEXT    NOT NULL DEFAULT '',
	day        TEXT,
	place_name TEXT    NOT NULL DEFAULT '',
	country    TEXT    NOT NULL DEFAULT '',
	lat        REAL,
	lon        REAL,
	killed     INTEGER,
	sentence   INTEGER NOT NULL,
	start      INTEGER NOT NULL,
	"end"      INTEGER NOT NULL,
	confidence REAL    NOT NULL,
	UNIQUE (doc, idx)
);
CREATE INDEX events_src ON events(src_actor);
CREATE INDEX events_tgt ON events(tgt_actor);
CREATE INDEX events_root ON events(root);
CREATE INDEX events_country ON events(country) WHERE country <> '';
CREATE INDEX events_day ON events(day);
CREATE INDEX events_lat ON events(lat) WHERE lat IS NOT NULL;

CREATE TABLE quotes (
	doc            INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	idx            INTEGER NOT NULL,
	start          INTEGER NOT NULL,
	"end"          INTEGER NOT NULL,
	text           TEXT    NOT NULL,
	speaker_text   TEXT,
	speaker_entity TEXT,
	speaker_actor  TEXT,
	method         TEXT    NOT NULL DEFAULT '',
	PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE places (
	doc           INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	idx           INTEGER NOT NULL,
	start         INTEGER NOT NULL,
	"end"         INTEGER NOT NULL,
	text          TEXT    NOT NULL,
	name          TEXT    NOT NULL DEFAULT '',
	country       TEXT    NOT NULL DEFAULT '',
	adm1          TEXT    NOT NULL DEFAULT '',
	lat           REAL    NOT NULL,
	lon           REAL    NOT NULL,
	geonames      INTEGER NOT NULL DEFAULT 0,
	feature_class TEXT    NOT NULL DEFAULT '',
	geo_type      INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX places_country ON places(country) WHERE country <> '';

CREATE TABLE dates (
	doc       INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	idx       INTEGER NOT NULL,
	start     INTEGER NOT NULL,
	"end"     INTEGER NOT NULL,
	text      TEXT    NOT NULL,
	value     TEXT    NOT NULL,
	precision TEXT    NOT NULL DEFAULT '',
	PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE counts (
	doc       INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	idx       INTEGER NOT NULL,
	start     INTEGER NOT NULL,
	"end"     INTEGER NOT NULL,
	text      TEXT    NOT NULL,
	what      TEXT    NOT NULL DEFAULT '',
	number    INTEGER,
	min       INTEGER,
	max       INTEGER,
	qualifier TEXT,
	who       TEXT    NOT NULL DEFAULT '',
	PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE flags (
	doc     INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	idx     INTEGER NOT NULL,
	kind    TEXT    NOT NULL,
	start   INTEGER NOT NULL,
	"end"   INTEGER NOT NULL,
	message TEXT    NOT NULL DEFAULT '',
	PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX flags_kind ON flags(kind);

CREATE TABLE errors (
	doc     INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	idx     INTEGER NOT NULL,
	origin  TEXT    NOT NULL DEFAULT '',
	offset  INTEGER NOT NULL DEFAULT 0,
	line    INTEGER NOT NULL DEFAULT 0,
	stage   TEXT    NOT NULL DEFAULT '',
	message TEXT    NOT NULL,
	PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX errors_origin ON errors(origin);
`},
	{2, "events day order index", `
-- Events pages newest (or oldest) first by (day, id). This index holds the
-- order and every column an event filter tests, so a page of a broad
-- filter is one walk of it in order, without reading table rows; it serves
-- day ranges too, and so replaces events_day.
CREATE INDEX events_day_walk ON events(day, id, root, quad, negated, country, src_actor, tgt_actor, lat, lon);
DROP INDEX events_day;
`},
}
