-- Bearer tokens for programs and, until the console's sign-in lands, for people: each carries a role
-- and, for opd_admin, the one OPD it may act on.
CREATE TABLE service_token (
  id text PRIMARY KEY,
  label text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('admin', 'duty_officer', 'opd_admin', 'viewer')),
  opd_id text REFERENCES opd (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  CHECK ((role = 'opd_admin') = (opd_id IS NOT NULL))
);
