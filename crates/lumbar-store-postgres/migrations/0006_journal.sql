-- The journal (issue #10): what a signed-in person chose to keep. `sealed` columns hold
-- health data sealed with the data key (XChaCha20-Poly1305, `lv1.<key id>.<base64>`,
-- lumbar-store's vault module); nothing else here says anything about a person's health.

CREATE TABLE saved_checks (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    sealed     TEXT NOT NULL
);
CREATE INDEX saved_checks_user ON saved_checks (user_id);

CREATE TABLE plans (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    check_id   BIGINT NOT NULL REFERENCES saved_checks (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    ended      BIGINT NOT NULL DEFAULT 0 CHECK (ended IN (0, 1)),
    sealed     TEXT NOT NULL
);
CREATE INDEX plans_user ON plans (user_id);

CREATE TABLE journal_entries (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    plan_id    BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    sealed     TEXT NOT NULL
);
CREATE INDEX journal_entries_plan ON journal_entries (plan_id);

CREATE TABLE shares (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    check_id     BIGINT NOT NULL REFERENCES saved_checks (id) ON DELETE CASCADE,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    expires_secs BIGINT NOT NULL,
    revoked      BIGINT NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)),
    sealed       TEXT NOT NULL
);
CREATE INDEX shares_user ON shares (user_id);

CREATE TABLE share_opens (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    share_id  BIGINT NOT NULL REFERENCES shares (id) ON DELETE CASCADE,
    opened_at TEXT NOT NULL
);
CREATE INDEX share_opens_share ON share_opens (share_id);
