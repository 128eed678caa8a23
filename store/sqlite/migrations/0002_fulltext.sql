-- Full-text search over document titles and texts (Filter.Q): an FTS5 index
-- over the documents table's own columns, kept in step by triggers, and
-- filled from the documents already stored. Tokens are maximal runs of
-- letters and digits, case-folded, diacritics kept (as PostgreSQL's
-- 'simple' configuration does).
CREATE VIRTUAL TABLE documents_fts USING fts5(
	title, text,
	content = 'documents', content_rowid = 'rid',
	tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
	INSERT INTO documents_fts (rowid, title, text) VALUES (new.rid, new.title, new.text);
END;

CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
	INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.rid, old.title, old.text);
END;

CREATE TRIGGER documents_fts_update AFTER UPDATE ON documents BEGIN
	INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.rid, old.title, old.text);
	INSERT INTO documents_fts (rowid, title, text) VALUES (new.rid, new.title, new.text);
END;

INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
