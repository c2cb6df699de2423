-- Intraday rollups beside the daily ones: per scope, counts per hour (today's curve on the wall) and
-- intake per minute (the live rate; pruned after two days).
CREATE TABLE complaint_rollup_hour (
  scope text NOT NULL,
  bucket timestamptz NOT NULL,
  received integer NOT NULL DEFAULT 0,
  verified integer NOT NULL DEFAULT 0,
  followed_up integer NOT NULL DEFAULT 0,
  completed integer NOT NULL DEFAULT 0,
  deleted integer NOT NULL DEFAULT 0,
  PRIMARY KEY (scope, bucket)
);

CREATE TABLE complaint_rollup_minute (
  scope text NOT NULL,
  bucket timestamptz NOT NULL,
  received integer NOT NULL DEFAULT 0,
  PRIMARY KEY (scope, bucket)
);
