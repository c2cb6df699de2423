-- Restricted-widget tokens: an admin issues one for exact widget kinds and OPDs; the token itself is
-- signed (HMAC) and carries its scope and expiry, this table only records who issued it and whether it
-- was revoked. The signing secret is generated on first use unless PANTAU_EMBED_SECRET is set.
CREATE TABLE embed_token (
  id text PRIMARY KEY,
  label text NOT NULL,
  kinds text[] NOT NULL,
  opds text[] NOT NULL,
  ttl_minutes integer NOT NULL CHECK (ttl_minutes > 0),
  issued_by text NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now(),
  last_renewed_at timestamptz,
  revoked_at timestamptz
);

CREATE TABLE embed_secret (
  id integer PRIMARY KEY CHECK (id = 1),
  secret text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
