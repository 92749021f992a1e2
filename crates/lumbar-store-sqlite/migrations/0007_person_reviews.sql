-- Reviews written by people who logged a session with a listing (issue #10): one per person
-- and listing, held for moderation. Earlier rows (the demo's fictional reviews) have no
-- user and stay published. Only `approved` reviews are counted on profiles and in ranking.

ALTER TABLE reviews ADD COLUMN user_id INTEGER REFERENCES users (id) ON DELETE CASCADE;
ALTER TABLE reviews ADD COLUMN moderation TEXT NOT NULL DEFAULT 'approved'
    CHECK (moderation IN ('pending', 'approved', 'hidden'));
ALTER TABLE reviews ADD COLUMN helped_back INTEGER CHECK (helped_back IN (0, 1));
ALTER TABLE reviews ADD COLUMN listened INTEGER CHECK (listened IN (0, 1));
ALTER TABLE reviews ADD COLUMN respected_precautions INTEGER CHECK (respected_precautions IN (0, 1));
ALTER TABLE reviews ADD COLUMN updated_at TEXT;
CREATE UNIQUE INDEX reviews_person_listing ON reviews (user_id, therapist_id);
