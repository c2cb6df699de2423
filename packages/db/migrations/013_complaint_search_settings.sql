-- Complaint search by words of the title, the status filter of the console, and per-province complaint
-- rules (deadlines, ladder, LAPOR label map, at-risk threshold) that override the domain defaults.

-- Extensions are per database and live in public; test schemas and nodes migrating at once take turns,
-- so two concurrent CREATE EXTENSION never race.
SELECT pg_advisory_xact_lock(hashtext('pantau:extension:pg_trgm'));
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- `q` matches `title ILIKE '%…%'` (never the body, which may be rahasia); trigrams serve any substring.
CREATE INDEX complaint_title_trgm_idx ON complaint USING gin (title public.gin_trgm_ops);
CREATE INDEX complaint_status_submitted_idx ON complaint (status, submitted_at DESC);

-- One row per province; a missing row or a missing key means the domain default. Values are checked by
-- the server (contracts) before they are written, and read back through the same schema.
CREATE TABLE complaint_settings (
  province_code text PRIMARY KEY REFERENCES province (code),
  -- Partial ComplaintDeadlineRules: verifyDispatchHK, opdFollowUpHK, autoCloseHK, completionTiersHK, atRiskHK…
  rules jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(rules) = 'object'),
  -- The whole EscalationLadder, or NULL for the default ladder.
  ladder jsonb CHECK (ladder IS NULL OR jsonb_typeof(ladder) = 'array'),
  -- LAPOR label → internal status, merged over the default map (v4 labels are unconfirmed).
  labels jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(labels) = 'object'),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);
