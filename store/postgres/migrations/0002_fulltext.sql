-- Full-text search over document titles and texts (Filter.Q): a generated
-- tsvector with the 'simple' configuration (lower-cased words, no stemming,
-- no stop words: the same matching as the SQLite store's FTS5 index) and a
-- GIN index. Adding the column computes it for the documents already stored.
ALTER TABLE documents ADD COLUMN fts tsvector
	GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, title || ' ' || text)) STORED;
CREATE INDEX documents_fts ON documents USING gin (fts);
