-- An admin can pause a pull connector (the LAPOR feed, one social account) and resume it: a paused one
-- is not polled, whatever its schedule says, until resumed.
ALTER TABLE lapor_connector_state ADD COLUMN paused_at timestamptz;
ALTER TABLE lapor_connector_state ADD COLUMN paused_by text;
ALTER TABLE social_connector_cursor ADD COLUMN paused_at timestamptz;
ALTER TABLE social_connector_cursor ADD COLUMN paused_by text;
