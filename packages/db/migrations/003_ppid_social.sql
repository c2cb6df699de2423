-- PPID information requests (UU 14/2008) and OPD social media: current rows derived from append-only
-- event logs, the Daftar Informasi Publik, Komisi Informasi monev scores, and the connectors' cursors.

CREATE TABLE ppid_request (
  id bigserial PRIMARY KEY,
  source text NOT NULL,
  external_id text NOT NULL,
  reg_no text NOT NULL,
  ppid_level text NOT NULL CHECK (ppid_level IN ('utama', 'pembantu')),
  opd_id text REFERENCES opd (id),
  channel text NOT NULL,
  requester_type text NOT NULL,
  subject text NOT NULL,
  format text NOT NULL,
  status text NOT NULL,
  decision text,
  exclusion_ground text,
  received_at timestamptz NOT NULL,
  extended_at timestamptz,
  decided_at timestamptz,
  delivered_at timestamptz,
  objection_filed_at timestamptz,
  dispute_filed_at timestamptz,
  deadline_step text,
  deadline_at timestamptz,
  deadline_state text NOT NULL DEFAULT 'none' CHECK (deadline_state IN ('none', 'on_time', 'at_risk', 'overdue')),
  escalation_level integer NOT NULL DEFAULT 0,
  -- The folded lifecycle state (domain PpidState); rebuildable from ppid_event.
  state jsonb NOT NULL,
  version integer NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source, external_id)
);
CREATE INDEX ppid_request_received_idx ON ppid_request (received_at);
CREATE INDEX ppid_request_opd_idx ON ppid_request (opd_id, received_at);
CREATE INDEX ppid_request_open_deadline_idx ON ppid_request (deadline_state, deadline_at)
  WHERE status IN ('diterima', 'diperpanjang', 'keberatan');

-- Personal data (Pasal 22: name, address) apart from the request, so no query over ppid_request leaks it.
CREATE TABLE ppid_requester (
  request_id bigint PRIMARY KEY REFERENCES ppid_request (id),
  name text,
  address text,
  contact text,
  email text
);

-- Every PPID item a source delivered (request events, DIP entries, monev scores): the idempotency key
-- and the log the current rows are rebuilt from. Append-only.
CREATE TABLE ppid_event (
  id bigserial PRIMARY KEY,
  source text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('request', 'dip_entry', 'monev')),
  external_id text NOT NULL,
  event_id text NOT NULL,
  request_id bigint REFERENCES ppid_request (id),
  type text NOT NULL,
  payload jsonb NOT NULL,
  actor text NOT NULL,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source, kind, external_id, event_id)
);
CREATE INDEX ppid_event_request_idx ON ppid_event (request_id, id);
CREATE TRIGGER ppid_event_append_only BEFORE UPDATE OR DELETE ON ppid_event
  FOR EACH ROW EXECUTE FUNCTION pantau_forbid_change();

CREATE TABLE ppid_escalation (
  id bigserial PRIMARY KEY,
  request_id bigint NOT NULL REFERENCES ppid_request (id),
  level integer NOT NULL,
  deadline_at timestamptz NOT NULL,
  raised_at timestamptz NOT NULL DEFAULT now(),
  acknowledged_at timestamptz,
  acknowledged_by text,
  reason text,
  UNIQUE (request_id, level, deadline_at)
);

-- The Daftar Informasi Publik of each OPD, with the running download count.
CREATE TABLE dip_entry (
  id bigserial PRIMARY KEY,
  source text NOT NULL,
  external_id text NOT NULL,
  opd_id text NOT NULL REFERENCES opd (id),
  category text NOT NULL CHECK (category IN ('berkala', 'serta_merta', 'setiap_saat', 'dikecualikan')),
  ringkasan text NOT NULL,
  unit text,
  penanggung_jawab text,
  waktu_tempat text,
  bentuk text,
  retensi text,
  url text,
  downloads bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL,
  UNIQUE (source, external_id)
);
CREATE INDEX dip_entry_opd_idx ON dip_entry (opd_id, category);

-- Komisi Informasi monev results; an OPD's latest is its highest year.
CREATE TABLE ppid_monev (
  opd_id text NOT NULL REFERENCES opd (id),
  year integer NOT NULL,
  score numeric(5, 2) NOT NULL CHECK (score >= 0 AND score <= 100),
  band text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (opd_id, year)
);

-- The platform's own id of an account (ig-user-id, page id, YouTube channel id, X user id), which the
-- connectors poll; NULL for accounts that are only fed by ingest or the simulator.
ALTER TABLE social_account ADD COLUMN platform_account_id text;

CREATE TABLE social_daily_metric (
  account_id text NOT NULL REFERENCES social_account (id),
  day date NOT NULL,
  followers bigint,
  total_posts bigint,
  posts bigint,
  reach bigint,
  impressions bigint,
  likes bigint,
  comments bigint,
  shares bigint,
  saves bigint,
  views bigint,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, day)
);
CREATE INDEX social_daily_metric_day_idx ON social_daily_metric (day);

CREATE TABLE social_post (
  id bigserial PRIMARY KEY,
  source text NOT NULL,
  external_id text NOT NULL,
  account_id text NOT NULL REFERENCES social_account (id),
  published_at timestamptz NOT NULL,
  format text NOT NULL,
  url text,
  figures jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source, external_id)
);
CREATE INDEX social_post_account_idx ON social_post (account_id, published_at);

CREATE TABLE social_interaction (
  id bigserial PRIMARY KEY,
  source text NOT NULL,
  external_id text NOT NULL,
  account_id text NOT NULL REFERENCES social_account (id),
  kind text NOT NULL CHECK (kind IN ('comment', 'mention', 'dm')),
  received_at timestamptz NOT NULL,
  needs_reply boolean NOT NULL,
  replied_at timestamptz,
  sentiment text CHECK (sentiment IN ('positive', 'neutral', 'negative')),
  issue_tag text,
  hoax_suspect boolean NOT NULL DEFAULT false,
  clarification_status text CHECK (clarification_status IN ('belum', 'proses', 'diklarifikasi', 'bukan_hoaks')),
  clarified_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source, external_id)
);
CREATE INDEX social_interaction_account_idx ON social_interaction (account_id, received_at);
CREATE INDEX social_interaction_open_issue_idx ON social_interaction (account_id)
  WHERE (issue_tag IS NOT NULL OR hoax_suspect) AND clarification_status IS DISTINCT FROM 'diklarifikasi'
    AND clarification_status IS DISTINCT FROM 'bukan_hoaks';

-- The text of a comment or mention: written by citizens, kept apart and never served publicly.
CREATE TABLE social_interaction_text (
  interaction_id bigint PRIMARY KEY REFERENCES social_interaction (id),
  text text NOT NULL
);

CREATE TABLE social_event (
  id bigserial PRIMARY KEY,
  source text NOT NULL,
  external_id text NOT NULL,
  event_id text NOT NULL,
  type text NOT NULL,
  payload jsonb NOT NULL,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source, external_id, event_id)
);
CREATE TRIGGER social_event_append_only BEFORE UPDATE OR DELETE ON social_event
  FOR EACH ROW EXECUTE FUNCTION pantau_forbid_change();

-- Where each connector stands per account, so a restarted node resumes instead of re-polling or
-- hammering a platform that asked it to wait.
CREATE TABLE social_connector_cursor (
  account_id text PRIMARY KEY REFERENCES social_account (id),
  platform text NOT NULL,
  -- platform-specific resume point (e.g. the last insights end_time), opaque to SQL
  cursor jsonb NOT NULL DEFAULT '{}',
  next_poll_at timestamptz NOT NULL DEFAULT now(),
  failures integer NOT NULL DEFAULT 0,
  last_success_at timestamptz,
  last_error text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
