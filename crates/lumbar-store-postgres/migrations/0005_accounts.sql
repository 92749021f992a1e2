-- Accounts (issue #10): email + argon2id hash, one role; server-side sessions, reset and
-- API tokens stored as SHA-256 hashes of their secrets; failed sign-ins counted here so the
-- backoff holds across server nodes; the mail outbox of the embedded default. Deleting an
-- account deletes everything that references it (ON DELETE CASCADE).

CREATE TABLE users (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email           TEXT NOT NULL UNIQUE,
    password_hash   TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('person', 'therapist', 'clinician', 'operator')),
    created_at      TEXT NOT NULL,
    privacy_version TEXT
);

CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_secs BIGINT NOT NULL,
    expires_secs BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE sign_in_failures (
    key       TEXT PRIMARY KEY,
    failures  BIGINT NOT NULL,
    last_secs BIGINT NOT NULL
);

CREATE TABLE password_resets (
    token_hash   TEXT PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_secs BIGINT NOT NULL,
    used         BIGINT NOT NULL DEFAULT 0 CHECK (used IN (0, 1))
);

CREATE TABLE api_tokens (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    last_used_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE mail_outbox (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    to_addr    TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL
);
