-- The deadline-crossing trigger (041) computed its locals — to_jsonb of the whole row, its state jsonb
-- included, and a formatted due date — before it looked whether anyone subscribes at all. With no
-- subscription (the common case) that was a fifth of an ingest batch's upsert: a backfill inserts many
-- cases already at risk or overdue. Same function, same result; the early return now comes first.
CREATE OR REPLACE FUNCTION pantau_notify_deadline_crossing() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kind text;
  tracking text;
  ev text;
  due text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM notification_subscription WHERE enabled) THEN
    RETURN NULL;
  END IF;
  kind := CASE TG_TABLE_NAME WHEN 'complaint' THEN 'complaint' ELSE 'ppid_request' END;
  tracking := CASE TG_TABLE_NAME WHEN 'complaint' THEN to_jsonb(NEW)->>'tracking_id' ELSE to_jsonb(NEW)->>'reg_no' END;
  ev := NEW.deadline_state;
  due := to_char(NEW.deadline_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  -- A PPID request nearing its 10-HK (or extended 17-HK) decision is its own event.
  IF kind = 'ppid_request' AND ev = 'at_risk' AND NEW.deadline_step = 'decision' THEN
    ev := 'ppid_decision_near';
  END IF;
  PERFORM pantau_enqueue_notification(
    kind || '|' || NEW.id || '|' || ev || '|L0|' || coalesce(due, 'none'),
    ev, kind, NEW.id::text, NEW.opd_id, NULL, NULL,
    jsonb_build_object(
      'event', ev, 'caseKind', kind, 'caseId', NEW.id, 'trackingId', tracking, 'opdId', NEW.opd_id,
      'opdName', (SELECT short_name FROM opd WHERE id = NEW.opd_id), 'deadlineAt', due, 'level', NULL,
      'levelLabel', NULL, 'sourceId', NULL, 'sourceLabel', NULL, 'lastDeliveryAt', NULL,
      -- The tracking id as a query value (registration numbers may hold '/', spaces, '&' or '#').
      'path', '/console?q=' || replace(replace(replace(replace(replace(replace(
        tracking, '%', '%25'), '&', '%26'), '#', '%23'), '+', '%2B'), ' ', '%20'), '/', '%2F'),
      'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    )
  );
  RETURN NULL;
END $$;
