-- A covering index for the dyad counts: GROUP BY source, target with the
-- Goldstein sum reads this index in order instead of every event row
-- (each row carries the sentence and the event's JSON).
CREATE INDEX events_dyad ON events (source, target, goldstein);
