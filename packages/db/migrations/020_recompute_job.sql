-- A deadline recompute owed after a change of the complaint rules or of the working-day calendar. The
-- triggers below write it in the same transaction as the change, so a crash after the commit can never
-- lose it: whichever node runs it (the one that made the change, or the next leader after a crash)
-- records its progress page by page and marks it finished.
CREATE TABLE recompute_job (
  id bigserial PRIMARY KEY,
  reason text NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now(),
  -- Open complaints with an id up to this one are done.
  after_id bigint NOT NULL DEFAULT 0,
  moved integer NOT NULL DEFAULT 0,
  -- The node running it, and when it last made progress; a silent claim is taken over.
  claimed_by text,
  heartbeat_at timestamptz,
  started_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX recompute_job_open_idx ON recompute_job (id) WHERE finished_at IS NULL;

CREATE FUNCTION pantau_request_recompute() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- One unclaimed job covers any number of changes; a job already running started on older settings,
  -- so a change made meanwhile asks for a new one.
  INSERT INTO recompute_job (reason)
  SELECT TG_TABLE_NAME || ' ' || lower(TG_OP)
  WHERE NOT EXISTS (SELECT 1 FROM recompute_job WHERE finished_at IS NULL AND claimed_by IS NULL);
  RETURN NULL;
END $$;

CREATE TRIGGER complaint_settings_recompute AFTER INSERT OR DELETE ON complaint_settings
  FOR EACH ROW EXECUTE FUNCTION pantau_request_recompute();
CREATE TRIGGER complaint_settings_recompute_update AFTER UPDATE ON complaint_settings
  FOR EACH ROW WHEN (OLD.rules IS DISTINCT FROM NEW.rules OR OLD.ladder IS DISTINCT FROM NEW.ladder OR OLD.labels IS DISTINCT FROM NEW.labels)
  EXECUTE FUNCTION pantau_request_recompute();
CREATE TRIGGER calendar_day_recompute AFTER INSERT OR DELETE ON calendar_day
  FOR EACH ROW EXECUTE FUNCTION pantau_request_recompute();
CREATE TRIGGER calendar_day_recompute_update AFTER UPDATE ON calendar_day
  FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW) EXECUTE FUNCTION pantau_request_recompute();
CREATE TRIGGER calendar_year_recompute AFTER INSERT OR DELETE ON calendar_year
  FOR EACH ROW EXECUTE FUNCTION pantau_request_recompute();
CREATE TRIGGER calendar_year_recompute_update AFTER UPDATE ON calendar_year
  FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW) EXECUTE FUNCTION pantau_request_recompute();
