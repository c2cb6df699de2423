-- The live engine: rollups maintained inside ingest transactions, an outbox of changed topics, and the
-- delta log that every node tails.

-- Complaint flow per local hour × OPD × regency × channel × topic × classification. Indonesian zones have
-- whole-hour offsets, so local days and months are exact sums of these hours. '' stands for "none".
CREATE TABLE complaint_rollup_hour (
  bucket timestamptz NOT NULL,
  opd_id text NOT NULL DEFAULT '',
  regency_code text NOT NULL DEFAULT '',
  channel text NOT NULL,
  topic text NOT NULL DEFAULT '',
  classification text NOT NULL,
  received integer NOT NULL DEFAULT 0,
  verified integer NOT NULL DEFAULT 0,
  followed_up integer NOT NULL DEFAULT 0,
  completed integer NOT NULL DEFAULT 0,
  deleted integer NOT NULL DEFAULT 0,
  followed_up_on_time integer NOT NULL DEFAULT 0,
  -- sums for averages: working days from dispatch to first follow-up, hours from submit to verification
  follow_up_hk_sum double precision NOT NULL DEFAULT 0,
  verify_hours_sum double precision NOT NULL DEFAULT 0,
  PRIMARY KEY (bucket, opd_id, regency_code, channel, topic, classification)
);
CREATE INDEX complaint_rollup_hour_opd_idx ON complaint_rollup_hour (opd_id, bucket);

-- Intake per minute for the last hours (sparklines and the live rate); pruned by the publisher.
CREATE TABLE complaint_rollup_minute (
  bucket timestamptz NOT NULL,
  channel text NOT NULL,
  received integer NOT NULL DEFAULT 0,
  PRIMARY KEY (bucket, channel)
);

-- Topics whose state changed, written in the same transaction as the change; the live publisher
-- consumes them (only committed rows are visible to it, so nothing is read early).
CREATE TABLE live_outbox (
  id bigserial PRIMARY KEY,
  topic text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The single row that hands out the global delta sequence. A writer locks it for the rest of its
-- transaction, so sequence order is commit order and a tailer reading `seq > cursor` never skips a row.
CREATE TABLE live_seq (
  id integer PRIMARY KEY CHECK (id = 1),
  last bigint NOT NULL
);
INSERT INTO live_seq VALUES (1, 0);

CREATE TABLE live_delta (
  seq bigint PRIMARY KEY,
  topic text NOT NULL,
  -- the topic's previous seq: a client whose last applied seq differs has missed something
  prev_seq bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('snapshot', 'diff')),
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX live_delta_topic_idx ON live_delta (topic, seq);

-- The latest snapshot of each topic and the seq it reflects; a subscriber too far behind starts here.
CREATE TABLE live_topic (
  topic text PRIMARY KEY,
  seq bigint NOT NULL,
  snapshot jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Wall screens sign in with a long-lived, revocable device token (no user session to expire).
CREATE TABLE wall_device (
  id text PRIMARY KEY,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  last_seen_at timestamptz
);
