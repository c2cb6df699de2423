import type { ComplaintState } from '@pantau/domain';
import type { Pool, PoolClient } from '../../connection.ts';
import { reviveComplaintState } from './complaint-writes.ts';

export interface OpenComplaintState {
  id: number;
  state: ComplaintState;
  deadlineAt: Date | null;
  completionDueAt: Date | null;
  deadlineStep: string | null;
  deadlineState: string;
  escalationLevel: number;
  status: string;
  opdId: string | null;
  regencyCode: string | null;
}

/**
 * Locks a page of open complaints (by id) for the rest of the transaction and returns their folded
 * state and current deadlines. Locked, so an event ingested meanwhile waits and then folds on top of
 * the recomputed row instead of being overwritten by a deadline computed from an older state.
 */
export async function lockOpenComplaints(
  client: PoolClient,
  afterId: number,
  limit: number,
): Promise<OpenComplaintState[]> {
  return openComplaintPage(client, afterId, limit, 'FOR UPDATE');
}

/** The same page without locks: for a preview of what a recompute would move (it writes nothing). */
export async function readOpenComplaints(
  db: Pool | PoolClient,
  afterId: number,
  limit: number,
): Promise<OpenComplaintState[]> {
  return openComplaintPage(db, afterId, limit, '');
}

async function openComplaintPage(
  db: Pool | PoolClient,
  afterId: number,
  limit: number,
  lock: 'FOR UPDATE' | '',
): Promise<OpenComplaintState[]> {
  const { rows } = await db.query(
    `SELECT id, state, deadline_at, completion_due_at, deadline_step, deadline_state, escalation_level, status, opd_id, regency_code
     FROM complaint
     WHERE status IN ('belum_diverifikasi', 'terverifikasi_didisposisi', 'ditindaklanjuti', 'ditunda', 'bukan_wewenang') AND id > $1
     ORDER BY id LIMIT $2 ${lock}`,
    [afterId, limit],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    state: reviveComplaintState(r.state),
    deadlineAt: r.deadline_at,
    completionDueAt: r.completion_due_at,
    deadlineStep: r.deadline_step,
    deadlineState: r.deadline_state,
    escalationLevel: r.escalation_level,
    status: r.status,
    opdId: r.opd_id,
    regencyCode: r.regency_code,
  }));
}

/**
 * Writes a recomputed step deadline and completion target. A new step deadline takes the ladder of that
 * deadline: level 0, or the highest step already recorded for it (a deadline that moved away and back).
 * Returns the level the complaint now has.
 */
export async function updateComplaintDeadline(
  client: PoolClient,
  id: number,
  d: { step: string | null; at: Date | null; state: string; completionDueAt: Date | null },
): Promise<number> {
  const { rows } = await client.query<{ escalation_level: number }>(
    `UPDATE complaint SET deadline_step = $2, deadline_at = $3, deadline_state = $4, completion_due_at = $5,
       escalation_level = CASE WHEN deadline_at IS DISTINCT FROM $3
         THEN coalesce((SELECT max(e.level) FROM escalation e WHERE e.complaint_id = $1 AND e.deadline_at = $3), 0)
         ELSE escalation_level END,
       updated_at = now()
     WHERE id = $1 RETURNING escalation_level`,
    [id, d.step, d.at, d.state, d.completionDueAt],
  );
  return rows[0]?.escalation_level ?? 0;
}
