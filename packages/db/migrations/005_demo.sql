-- The demo feed's position, so a restarted node continues the same simulated history.
CREATE TABLE demo_feed (
  id text PRIMARY KEY,
  seed integer NOT NULL,
  started_at timestamptz NOT NULL,
  cursor_at timestamptz NOT NULL
);
