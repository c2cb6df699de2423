-- Who owns a worklist item: one person per complaint, PPID request or social comment. No row means no
-- owner. Every change is also an audit entry (worklist.assign), so the history is in the audit trail.
CREATE TABLE item_assignment (
  kind text NOT NULL CHECK (kind IN ('complaint', 'ppid_request', 'social_comment')),
  item_id bigint NOT NULL,
  assignee_id text NOT NULL REFERENCES app_user (id),
  assigned_by text NOT NULL,
  assigned_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, item_id)
);
CREATE INDEX item_assignment_assignee ON item_assignment (assignee_id);
