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

/** A deadline recompute owed (table `recompute_job`, written by triggers with each rule or calendar change). */
export interface RecomputeJob {
  id: number;
  afterId: number;
  moved: number;
  /** The database's clock at the claim: settings read after it cover every job requested before it. */
  claimedAt: Date;
}

/** Asks for a recompute now (a caller that changed something the triggers do not see). Returns its id. */
export async function requestRecompute(pool: Pool | PoolClient, reason: string): Promise<number> {
  const { rows } = await pool.query<{ id: number }>('INSERT INTO recompute_job (reason) VALUES ($1) RETURNING id', [
    reason,
  ]);
  return Number(rows[0]!.id);
}

/**
 * Claims an unfinished job for `node`: a given one, or else the newest that nobody claimed or whose
 * claimant went silent for `staleSeconds` (a node that crashed mid-way). Null when there is none.
 */
export async function claimRecomputeJob(
  pool: Pool,
  node: string,
  staleSeconds: number,
  id: number | null = null,
): Promise<RecomputeJob | null> {
  const { rows } = await pool.query<{ id: number; after_id: number; moved: number; claimed_at: Date }>(
    `UPDATE recompute_job SET claimed_by = $1, heartbeat_at = now(), started_at = coalesce(started_at, now())
     WHERE id = (SELECT id FROM recompute_job
                 WHERE finished_at IS NULL AND ($3::bigint IS NULL OR id = $3)
                   AND (claimed_by IS NULL OR claimed_by = $1 OR heartbeat_at < now() - make_interval(secs => $2))
                 ORDER BY id DESC LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING id, after_id, moved, clock_timestamp() AS claimed_at`,
    [node, staleSeconds, id],
  );
  const r = rows[0];
  return r ? { id: Number(r.id), afterId: Number(r.after_id), moved: r.moved, claimedAt: r.claimed_at } : null;
}

/**
 * Records a page done, in the page's own transaction (so progress and the page commit together).
 * False when another node took the job over meanwhile: stop.
 */
export async function recordRecomputeProgress(
  client: PoolClient,
  job: { id: number; node: string },
  afterId: number,
  moved: number,
): Promise<boolean> {
  const { rowCount } = await client.query(
    `UPDATE recompute_job SET after_id = $3, moved = moved + $4, heartbeat_at = now()
     WHERE id = $1 AND claimed_by = $2 AND finished_at IS NULL`,
    [job.id, job.node, afterId, moved],
  );
  return (rowCount ?? 0) > 0;
}

/**
 * Marks a job finished. A job that ran from the first complaint (not resumed half-way) on settings read
 * after `claimedAt` also covers every job requested before then — finished with it, even if a node is
 * still running one (its next progress write fails and it stops). A resumed job covers only itself: its
 * first pages were computed by the node that died, on what it had read.
 */
export async function finishRecomputeJob(
  pool: Pool,
  job: { id: number; node: string; claimedAt: Date; fromStart: boolean },
): Promise<void> {
  await pool.query(
    `UPDATE recompute_job SET finished_at = now(), heartbeat_at = now()
     WHERE finished_at IS NULL AND ((id = $1 AND claimed_by = $2) OR ($4 AND requested_at <= $3))`,
    [job.id, job.node, job.claimedAt, job.fromStart],
  );
}

/** Whether a recompute is owed or running, for the console to show. */
export async function recomputeStatus(
  pool: Pool,
): Promise<{ inProgress: boolean; pending: number; since: Date | null; doneUpToId: number | null }> {
  const { rows } = await pool.query<{ pending: number; since: Date | null; after_id: number | null }>(
    `SELECT count(*)::int AS pending, min(requested_at) AS since, max(after_id) AS after_id
     FROM recompute_job WHERE finished_at IS NULL`,
  );
  const r = rows[0]!;
  return { inProgress: r.pending > 0, pending: r.pending, since: r.since, doneUpToId: r.after_id };
}
