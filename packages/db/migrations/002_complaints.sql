-- Complaints (SP4N-LAPOR!): the case, its append-only events, the reporter and body kept apart,
-- escalations, and a hash-chained audit log.

-- A source that may ingest (the LAPOR connector, the SMS gateway, an import, the simulator).
CREATE TABLE ingest_source (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9_-]{1,64}$'),
  label text NOT NULL,
  -- sha256 of the API key; NULL for in-process sources that never come over HTTP.
  key_hash text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE complaint (
  id bigserial PRIMARY KEY,
  source text NOT NULL,
  external_id text NOT NULL,
  tracking_id text NOT NULL,
  status text NOT NULL,
  opd_id text REFERENCES opd (id),
  regency_code text REFERENCES regency (code),
  channel text NOT NULL,
  classification text NOT NULL,
  topic text,
  title text NOT NULL,
  is_anonim boolean NOT NULL DEFAULT false,
  is_rahasia boolean NOT NULL DEFAULT false,
  submitted_at timestamptz NOT NULL,
  verified_at timestamptz,
  first_follow_up_at timestamptz,
  closed_at timestamptz,
  deadline_step text,
  deadline_at timestamptz,
  deadline_state text NOT NULL DEFAULT 'none' CHECK (deadline_state IN ('none', 'on_time', 'at_risk', 'overdue', 'paused')),
  escalation_level integer NOT NULL DEFAULT 0,
  -- The folded lifecycle state (domain ComplaintState); rebuildable from complaint_event.
  state jsonb NOT NULL,
  version integer NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source, external_id)
);
CREATE INDEX complaint_open_deadline_idx ON complaint (deadline_state, deadline_at)
  WHERE status IN ('belum_diverifikasi', 'terverifikasi_didisposisi', 'ditindaklanjuti', 'ditunda', 'bukan_wewenang');
CREATE INDEX complaint_opd_idx ON complaint (opd_id, status);
CREATE INDEX complaint_regency_idx ON complaint (regency_code, status);
CREATE INDEX complaint_submitted_idx ON complaint (submitted_at DESC);
CREATE INDEX complaint_tracking_idx ON complaint (tracking_id);

-- Personal data lives apart from the case, so no query over `complaint` can leak it by accident.
CREATE TABLE complaint_body (
  complaint_id bigint PRIMARY KEY REFERENCES complaint (id),
  body text NOT NULL
);
CREATE TABLE complaint_reporter (
  complaint_id bigint PRIMARY KEY REFERENCES complaint (id),
  name text,
  contact text,
  email text
);

CREATE TABLE complaint_event (
  id bigserial PRIMARY KEY,
  complaint_id bigint NOT NULL REFERENCES complaint (id),
  source text NOT NULL,
  event_id text NOT NULL,
  type text NOT NULL,
  -- The event as received, minus the reporter and body (kept in their own tables).
  payload jsonb NOT NULL,
  actor text NOT NULL,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (complaint_id, source, event_id)
);
CREATE INDEX complaint_event_complaint_idx ON complaint_event (complaint_id, id);

CREATE TABLE escalation (
  id bigserial PRIMARY KEY,
  complaint_id bigint NOT NULL REFERENCES complaint (id),
  level integer NOT NULL,
  deadline_at timestamptz NOT NULL,
  raised_at timestamptz NOT NULL DEFAULT now(),
  acknowledged_at timestamptz,
  acknowledged_by text,
  reason text,
  UNIQUE (complaint_id, level, deadline_at)
);

-- Append-only, hash-chained: hash = sha256(prev_hash || canonical row). Nobody edits history.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  details jsonb NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);

CREATE FUNCTION pantau_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION pantau_forbid_change();
CREATE TRIGGER complaint_event_append_only BEFORE UPDATE OR DELETE ON complaint_event
  FOR EACH ROW EXECUTE FUNCTION pantau_forbid_change();
