-- What an operator sent to a wall screen from the dashboard: a scene (and its OPD or kabupaten/kota)
-- shown until released or until `override_until`; then the screen's rotation resumes.
ALTER TABLE wall_device ADD COLUMN override jsonb;
ALTER TABLE wall_device ADD COLUMN override_until timestamptz;
