-- Filter indexes that carry the event order (day, doc_id, sentence_index,
-- seq): a page of events matching a filter is sorted and cut from the index
-- alone, without reading every matching row. Measured on 3,000 articles
-- (docs/performance.md): an actor-prefix page fell from 17.5 ms to 2.1 ms,
-- a full-text page from 29 ms to 10 ms.
DROP INDEX events_source;
DROP INDEX events_target;
DROP INDEX events_code;
DROP INDEX events_root;
DROP INDEX events_quad;
DROP INDEX events_plover;
DROP INDEX events_loc_country;
CREATE INDEX events_source ON events (source, day, doc_id, sentence_index, seq);
CREATE INDEX events_target ON events (target, day, doc_id, sentence_index, seq);
CREATE INDEX events_code ON events (code, day, doc_id, sentence_index, seq);
CREATE INDEX events_root ON events (root, day, doc_id, sentence_index, seq);
CREATE INDEX events_quad ON events (quad, day, doc_id, sentence_index, seq);
CREATE INDEX events_plover ON events (plover, day, doc_id, sentence_index, seq);
CREATE INDEX events_loc_country ON events (loc_country, day, doc_id, sentence_index, seq);
CREATE INDEX events_doc ON events (doc_id, day, sentence_index, seq);
