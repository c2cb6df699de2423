-- The LAPOR connector's position in the source's event feed, so a restarted node resumes where the
-- last one stopped, and its back-off state.
CREATE TABLE lapor_connector_state (
  source text PRIMARY KEY,
  cursor text,
  failures integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
