-- Annotations: an operator marks what explains a figure (a flood, a new policy, a system outage) with a
-- time range, a scope and a line of text; the wall's and the dashboard's trends show them.
CREATE TABLE annotation (
  id bigserial PRIMARY KEY,
  -- 'province', 'opd:<id>' or 'regency:<code>': the live topic whose trends show it.
  scope text NOT NULL DEFAULT 'province',
  starts_at timestamptz NOT NULL,
  ends_at timestamptz,
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 200),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at IS NULL OR ends_at >= starts_at)
);
CREATE INDEX annotation_scope_time_idx ON annotation (scope, starts_at);
