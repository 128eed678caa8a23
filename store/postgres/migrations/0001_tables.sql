-- Documents, their sentences (without tokens), events, quotes and actor
-- suggestions; the same tables as the SQLite store. Text columns that are
-- compared or sorted use COLLATE "C" (byte order), as SQLite does, so both
-- stores order and match prefixes identically.
CREATE TABLE documents (
	id TEXT COLLATE "C" NOT NULL PRIMARY KEY,
	title TEXT NOT NULL,
	source TEXT NOT NULL,
	url TEXT NOT NULL,
	date TEXT NOT NULL,
	dateline TEXT NOT NULL,
	text TEXT NOT NULL,
	hash TEXT NOT NULL
);

CREATE TABLE sentences (
	doc_id TEXT COLLATE "C" NOT NULL,
	idx INTEGER NOT NULL,
	span_start INTEGER NOT NULL,
	span_end INTEGER NOT NULL,
	text TEXT NOT NULL,
	kind TEXT NOT NULL,
	PRIMARY KEY (doc_id, idx)
);

-- day is the first day of the event's date (YYYY-MM-DD, '' without a date);
-- data is the whole annalist.Event as JSON (text, not jsonb: kept byte for byte).
CREATE TABLE events (
	doc_id TEXT COLLATE "C" NOT NULL,
	seq INTEGER NOT NULL,
	day TEXT COLLATE "C" NOT NULL,
	sentence_index INTEGER NOT NULL,
	source TEXT COLLATE "C" NOT NULL,
	target TEXT COLLATE "C" NOT NULL,
	code TEXT COLLATE "C" NOT NULL,
	root TEXT COLLATE "C" NOT NULL,
	quad INTEGER NOT NULL,
	plover TEXT COLLATE "C" NOT NULL,
	goldstein DOUBLE PRECISION NOT NULL,
	loc_country TEXT COLLATE "C" NOT NULL,
	data TEXT NOT NULL,
	PRIMARY KEY (doc_id, seq)
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
	doc_id TEXT COLLATE "C" NOT NULL,
	seq INTEGER NOT NULL,
	data TEXT NOT NULL,
	PRIMARY KEY (doc_id, seq)
);

CREATE TABLE suggestions (
	doc_id TEXT COLLATE "C" NOT NULL,
	seq INTEGER NOT NULL,
	name TEXT NOT NULL,
	code TEXT NOT NULL,
	data TEXT NOT NULL,
	PRIMARY KEY (doc_id, seq)
);
CREATE INDEX suggestions_name ON suggestions (name);
