-- Documents, their sentences (without tokens), events, quotes and actor
-- suggestions. Child rows are replaced with their document by Put.
-- Text columns compare as bytes (BINARY), like COLLATE "C" in PostgreSQL.
CREATE TABLE documents (
	rid INTEGER PRIMARY KEY,
	id TEXT NOT NULL UNIQUE,
	title TEXT NOT NULL,
	source TEXT NOT NULL,
	url TEXT NOT NULL,
	date TEXT NOT NULL,
	dateline TEXT NOT NULL,
	text TEXT NOT NULL,
	hash TEXT NOT NULL
);

CREATE TABLE sentences (
	doc_id TEXT NOT NULL,
	idx INTEGER NOT NULL,
	span_start INTEGER NOT NULL,
	span_end INTEGER NOT NULL,
	text TEXT NOT NULL,
	kind TEXT NOT NULL,
	PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;

-- day is the first day of the event's date (YYYY-MM-DD, '' without a date);
-- data is the whole annalist.Event as JSON.
CREATE TABLE events (
	rid INTEGER PRIMARY KEY,
	doc_id TEXT NOT NULL,
	seq INTEGER NOT NULL,
	day TEXT NOT NULL,
	sentence_index INTEGER NOT NULL,
	source TEXT NOT NULL,
	target TEXT NOT NULL,
	code TEXT NOT NULL,
	root TEXT NOT NULL,
	quad INTEGER NOT NULL,
	plover TEXT NOT NULL,
	goldstein REAL NOT NULL,
	loc_country TEXT NOT NULL,
	data TEXT NOT NULL,
	UNIQUE (doc_id, seq)
);
CREATE INDEX events_order ON events (day, doc_id, sentence_index, seq);
CREATE INDEX events_source ON events (source);
CREATE INDEX events_target ON events (target);
CREATE INDEX events_code ON events (code);
CREATE INDEX events_root ON events (root, day);
CREATE INDEX events_quad ON events (quad, day);
CREATE INDEX events_plover ON events (plover);
CREATE INDEX events_loc_country ON events (loc_country);

CREATE TABLE quotes (
	doc_id TEXT NOT NULL,
	seq INTEGER NOT NULL,
	data TEXT NOT NULL,
	PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;

CREATE TABLE suggestions (
	doc_id TEXT NOT NULL,
	seq INTEGER NOT NULL,
	name TEXT NOT NULL,
	code TEXT NOT NULL,
	data TEXT NOT NULL,
	PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;
CREATE INDEX suggestions_name ON suggestions (name);
