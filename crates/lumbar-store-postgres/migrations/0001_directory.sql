-- The therapist directory: provenance, therapists and places, claimed licenses, state
-- rosters, verification records, ZIP centroids. Dates are ISO-8601 text (YYYY-MM-DD),
-- timestamps RFC 3339 UTC text, flags 0/1 integers: identical on both backends
-- (docs/decisions/0002-one-sql-implementation.md).

CREATE TABLE import_runs (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        TEXT NOT NULL,
    source      TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    summary     TEXT
);

CREATE TABLE therapists (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    npi           TEXT UNIQUE,
    kind          TEXT NOT NULL CHECK (kind IN ('individual', 'organization')),
    name          TEXT NOT NULL,
    last_name     TEXT NOT NULL,
    first_name    TEXT NOT NULL,
    credential    TEXT NOT NULL,
    sex           TEXT,
    address_line1 TEXT NOT NULL,
    address_line2 TEXT NOT NULL,
    city          TEXT NOT NULL,
    state         TEXT,
    postal_code   TEXT,
    phone         TEXT NOT NULL,
    lat           DOUBLE PRECISION,
    lon           DOUBLE PRECISION,
    active        BIGINT NOT NULL CHECK (active IN (0, 1)),
    last_update   TEXT,
    deactivated   TEXT,
    reactivated   TEXT,
    content_hash  TEXT NOT NULL,
    source_run    BIGINT REFERENCES import_runs (id),
    source_line   BIGINT
);
CREATE INDEX therapists_state ON therapists (state);

CREATE TABLE licenses (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    therapist_id BIGINT NOT NULL REFERENCES therapists (id) ON DELETE CASCADE,
    state        TEXT NOT NULL,
    number       TEXT NOT NULL,
    license_key  TEXT NOT NULL,
    UNIQUE (therapist_id, state, license_key)
);

CREATE TABLE roster_rows (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id          BIGINT NOT NULL REFERENCES import_runs (id),
    state           TEXT NOT NULL,
    license_number  TEXT NOT NULL,
    license_key     TEXT NOT NULL,
    credential_type TEXT NOT NULL,
    last_name       TEXT NOT NULL,
    first_name      TEXT NOT NULL,
    status          TEXT NOT NULL,
    status_text     TEXT NOT NULL,
    expires         TEXT,
    disciplined     BIGINT NOT NULL CHECK (disciplined IN (0, 1)),
    discipline_text TEXT NOT NULL,
    source_line     BIGINT NOT NULL
);
CREATE INDEX roster_rows_lookup ON roster_rows (run_id, state, license_key);

CREATE TABLE current_rosters (
    state       TEXT PRIMARY KEY,
    run_id      BIGINT NOT NULL REFERENCES import_runs (id),
    imported_on TEXT NOT NULL,
    content_hash TEXT NOT NULL
);

CREATE TABLE verifications (
    license_id  BIGINT PRIMARY KEY REFERENCES licenses (id) ON DELETE CASCADE,
    status      TEXT NOT NULL,
    expires     TEXT,
    discipline  TEXT NOT NULL,
    source      TEXT NOT NULL,
    source_run  BIGINT,
    source_line BIGINT,
    checked_at  TEXT NOT NULL
);

CREATE TABLE zip_centroids (
    zip TEXT PRIMARY KEY,
    lat DOUBLE PRECISION NOT NULL,
    lon DOUBLE PRECISION NOT NULL
);
