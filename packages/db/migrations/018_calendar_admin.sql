-- Running the working-day calendar from the console. An admin's removal of a day is kept as an inactive
-- row with its reason and decree (a tombstone), so re-seeding the province pack at the next start does not
-- bring the day back; an admin's edit of a pack day makes it the admin's (the pack no longer overwrites it).
ALTER TABLE calendar_day ADD COLUMN active boolean NOT NULL DEFAULT true;
ALTER TABLE calendar_day ADD COLUMN reason text;
ALTER TABLE calendar_day ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- A year an admin loaded from a decree (rather than shipped in the pack).
ALTER TABLE calendar_year ADD COLUMN source text NOT NULL DEFAULT 'pack' CHECK (source IN ('pack', 'admin'));
ALTER TABLE calendar_year ADD COLUMN loaded_at timestamptz NOT NULL DEFAULT now();
