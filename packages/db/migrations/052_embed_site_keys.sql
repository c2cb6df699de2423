-- A restricted embed on a static OPD website: the loader line carries a long-lived site key (stored
-- here only as a hash), and each page view trades it, from an allowed origin, for a short-lived token.
ALTER TABLE embed_token
  ADD COLUMN origins text[] NOT NULL DEFAULT '{}',
  ADD COLUMN site_key_hash text UNIQUE,
  ADD COLUMN site_key_expires_at timestamptz;
