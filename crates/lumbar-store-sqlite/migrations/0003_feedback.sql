-- "Was this helpful?" feedback: the page, yes/no, an optional comment and the time. Never
-- screening answers. `moderation` is pending | approved | hidden.

CREATE TABLE feedback (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    page       TEXT NOT NULL,
    helpful    INTEGER NOT NULL CHECK (helpful IN (0, 1)),
    comment    TEXT NOT NULL,
    moderation TEXT NOT NULL DEFAULT 'pending' CHECK (moderation IN ('pending', 'approved', 'hidden')),
    created_at TEXT NOT NULL
);
CREATE INDEX feedback_created ON feedback (created_at);
