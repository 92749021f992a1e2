-- Profiles beyond NPPES, listings without an NPI (demo, therapist sign-up), client reviews
-- and clinician endorsements.

ALTER TABLE therapists ADD COLUMN listing_key TEXT;
CREATE UNIQUE INDEX therapists_listing_key ON therapists (listing_key);

CREATE TABLE profiles (
    therapist_id BIGINT PRIMARY KEY REFERENCES therapists (id) ON DELETE CASCADE,
    document     TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

CREATE TABLE reviews (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    therapist_id BIGINT NOT NULL REFERENCES therapists (id) ON DELETE CASCADE,
    rating       BIGINT NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment      TEXT NOT NULL,
    source       TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE INDEX reviews_therapist ON reviews (therapist_id);

CREATE TABLE endorsements (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    therapist_id BIGINT NOT NULL REFERENCES therapists (id) ON DELETE CASCADE,
    clinician    TEXT NOT NULL,
    note         TEXT NOT NULL,
    source       TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE INDEX endorsements_therapist ON endorsements (therapist_id);
