-- Scheduled leadership reports (issue 15): weekly or monthly, to chosen e-mail addresses, sent through
-- the notification outbox so they share its exactly-once key, leader-only sender, retries and log.

CREATE TABLE report_schedule (
  id bigserial PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  cadence text NOT NULL CHECK (cadence IN ('weekly', 'monthly')),
  -- Null: the province's report.
  opd_id text REFERENCES opd (id),
  recipients text[] NOT NULL CHECK (cardinality(recipients) BETWEEN 1 AND 50),
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Soft delete: the outbox rows and the delivery log keep naming the schedule.
  deleted_at timestamptz,
  -- The latest period queued (e.g. 2026-W48, 2026-11) and when; informational, the outbox key decides.
  last_period text,
  last_queued_at timestamptz
);

-- A report goes to an e-mail address, not to a Pantau user: a row names a user or an address.
ALTER TABLE notification_outbox ALTER COLUMN user_id DROP NOT NULL;
ALTER TABLE notification_outbox ADD COLUMN address text;
ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_recipient
  CHECK (user_id IS NOT NULL OR (address IS NOT NULL AND channel = 'email'));
