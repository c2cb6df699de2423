import type { WorklistKind } from '@pantau/contracts';
import type { Pool, PoolClient } from '../../connection.ts';
import type { HandoverGroup } from '@pantau/contracts';

/** The item an assignment is about, as the permission predicates need it; null when there is none. */
export async function lockAssignableItem(
  client: PoolClient,
  kind: WorklistKind,
  itemId: number,
): Promise<{ opdId: string | null; isRahasia: boolean; trackingId: string } | null> {
  const sql: Record<WorklistKind, string> = {
    complaint: 'SELECT opd_id, is_rahasia, tracking_id FROM complaint WHERE id = $1 FOR UPDATE',
    ppid_request:
      'SELECT opd_id, false AS is_rahasia, reg_no AS tracking_id FROM ppid_request WHERE id = $1 FOR UPDATE',
    social_comment: `SELECT a.opd_id, false AS is_rahasia, i.external_id AS tracking_id
                     FROM social_interaction i JOIN social_account a ON a.id = i.account_id WHERE i.id = $1 FOR UPDATE OF i`,
  };
  const { rows } = await client.query<{ opd_id: string | null; is_rahasia: boolean; tracking_id: string }>(sql[kind], [
    itemId,
  ]);
  const r = rows[0];
  return r ? { opdId: r.opd_id, isRahasia: r.is_rahasia, trackingId: r.tracking_id } : null;
}

/** Sets (or with null, clears) an item's owner; returns the previous owner's id. */
export async function assignItem(
  client: PoolClient,
  a: { kind: WorklistKind; itemId: number; assigneeId: string | null; by: string },
): Promise<{ previous: string | null }> {
  const { rows } = await client.query<{ assignee_id: string }>(
    'SELECT assignee_id FROM item_assignment WHERE kind = $1 AND item_id = $2',
    [a.kind, a.itemId],
  );
  const previous = rows[0]?.assignee_id ?? null;
  if (a.assigneeId === null) {
    await client.query('DELETE FROM item_assignment WHERE kind = $1 AND item_id = $2', [a.kind, a.itemId]);
  } else {
    await client.query(
      `INSERT INTO item_assignment (kind, item_id, assignee_id, assigned_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (kind, item_id) DO UPDATE SET assignee_id = EXCLUDED.assignee_id,
         assigned_by = EXCLUDED.assigned_by, assigned_at = now()`,
      [a.kind, a.itemId, a.assigneeId, a.by],
    );
  }
  return { previous };
}

export interface Assignee {
  id: string;
  displayName: string;
  role: string;
  opdId: string | null;
}

/** The people who can own an item of `opdId`: enabled admins and duty officers, and that OPD's admins. */
export async function assignableUsers(pool: Pool | PoolClient, opdId: string | null): Promise<Assignee[]> {
  const { rows } = await pool.query<{ id: string; display_name: string; role: string; opd_id: string | null }>(
    `SELECT id, display_name, role, opd_id FROM app_user
     WHERE disabled_at IS NULL AND (role IN ('admin', 'duty_officer') OR (role = 'opd_admin' AND opd_id = $1))
     ORDER BY display_name, id`,
    [opdId],
  );
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role, opdId: r.opd_id }));
}

export type { HandoverGroup, HandoverItem } from '@pantau/contracts';

/**
 * What each person owns that is still open (complaints not finished, PPID requests not decided,
 * comments not answered), most urgent first: the list a shift hands over. `opdId` narrows to one OPD.
 */
export async function handoverGroups(pool: Pool, opdId: string | null): Promise<HandoverGroup[]> {
  const { rows } = await pool.query<{
    kind: WorklistKind;
    id: string;
    tracking_id: string;
    opd_id: string | null;
    deadline_at: Date | null;
    deadline_state: string;
    assigned_at: Date;
    assignee_id: string;
    assignee_name: string;
  }>(
    `WITH open_items AS (
       SELECT 'complaint' AS kind, c.id, c.tracking_id, c.opd_id, c.deadline_at, c.deadline_state
       FROM complaint c
       WHERE c.status IN ('belum_diverifikasi', 'terverifikasi_didisposisi', 'ditindaklanjuti', 'ditunda', 'bukan_wewenang')
       UNION ALL
       SELECT 'ppid_request', r.id, r.reg_no, r.opd_id, r.deadline_at, r.deadline_state
       FROM ppid_request r WHERE r.decided_at IS NULL
       UNION ALL
       SELECT 'social_comment', i.id, i.external_id, a.opd_id, NULL::timestamptz, 'on_track'
       FROM social_interaction i JOIN social_account a ON a.id = i.account_id
       WHERE i.needs_reply AND i.replied_at IS NULL
     )
     SELECT o.kind, o.id::text AS id, o.tracking_id, o.opd_id, o.deadline_at, o.deadline_state, s.assigned_at,
            s.assignee_id, u.display_name AS assignee_name
     FROM item_assignment s
     JOIN open_items o ON o.kind = s.kind AND o.id = s.item_id
     JOIN app_user u ON u.id = s.assignee_id
     WHERE ($1::text IS NULL OR o.opd_id = $1)
     ORDER BY u.display_name, s.assignee_id,
       CASE o.deadline_state WHEN 'overdue' THEN 0 WHEN 'at_risk' THEN 1 ELSE 2 END, o.deadline_at NULLS LAST, o.kind, o.id`,
    [opdId],
  );
  const groups = new Map<string, HandoverGroup>();
  for (const r of rows) {
    let g = groups.get(r.assignee_id);
    if (!g) {
      g = { assigneeId: r.assignee_id, assigneeName: r.assignee_name, total: 0, overdue: 0, atRisk: 0, items: [] };
      groups.set(r.assignee_id, g);
    }
    g.total++;
    if (r.deadline_state === 'overdue') g.overdue++;
    if (r.deadline_state === 'at_risk') g.atRisk++;
    g.items.push({
      kind: r.kind,
      id: r.id,
      trackingId: r.tracking_id,
      opdId: r.opd_id,
      deadlineAt: r.deadline_at ? r.deadline_at.toISOString() : null,
      deadlineState: r.deadline_state,
      assignedAt: r.assigned_at.toISOString(),
    });
  }
  return [...groups.values()];
}
