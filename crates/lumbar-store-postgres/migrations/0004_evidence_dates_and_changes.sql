-- The date of a roster's data (not only the day it was imported), kept with every
-- verification that rests on it, so a page can say "checked 2026-11-20 against the WA
-- roster of 2026-11-18" and a roster older than the freshness limit is labelled stale.
-- directory_changes: one counter, raised in the same transaction as every change to what
-- the finder shows (imports, verifications, listings, profiles, recommendations, ZIP
-- centroids); a running server reads it to refresh its search index within seconds.

ALTER TABLE current_rosters ADD COLUMN data_date TEXT;
ALTER TABLE verifications ADD COLUMN roster_date TEXT;

CREATE TABLE directory_changes (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO directory_changes (id, version) VALUES (1, 0);
