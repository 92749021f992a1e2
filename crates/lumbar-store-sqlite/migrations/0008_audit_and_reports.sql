-- The operators' side (issue #11): an append-only audit log of every moderation decision,
-- "report this listing" reports from the public profile, and hiding a listing with a reason
-- (nothing is deleted by moderation). A hidden listing leaves the finder and its profile.

CREATE TABLE audit_log (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    at     TEXT NOT NULL,
    actor  TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX audit_log_action ON audit_log (action);
CREATE INDEX audit_log_target ON audit_log (target);

CREATE TABLE reports (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    therapist_id INTEGER NOT NULL REFERENCES therapists (id) ON DELETE CASCADE,
    category     TEXT NOT NULL CHECK (category IN
                     ('wrong_license', 'not_a_massage_therapist', 'unsafe_practice', 'wrong_details', 'other')),
    text         TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'listing_hidden')),
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    closed_at    TEXT
);
CREATE INDEX reports_status ON reports (status, id);

ALTER TABLE therapists ADD COLUMN hidden_reason TEXT;
