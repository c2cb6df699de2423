import { revivePpidState, type PpidState } from '@pantau/domain';
import type { Pool, PoolClient } from '../../connection.ts';

export interface WatchedPpidRequest {
  id: number;
  source: string;
  externalId: string;
  opdId: string | null;
  state: PpidState;
  deadlineStep: string | null;
  deadlineAt: Date;
  deadlineState: string;
  escalationLevel: number;
}

/** Open requests with an escalating deadline within `horizonDays` calendar days, or already overdue. */
export async function ppidRequestsToWatch(
  pool: Pool,
  now: Date,
  horizonDays: number,
  limit = 5000,
): Promise<WatchedPpidRequest[]> {
  const { rows } = await pool.query(
    `SELECT id, source, external_id, opd_id, state, deadline_step, deadline_at, deadline_state, escalation_level
     FROM ppid_request
     WHERE status IN ('diterima', 'diperpanjang', 'keberatan') AND deadline_at IS NOT NULL
       AND deadline_at < $1::timestamptz + make_interval(days => $2)
     ORDER BY deadline_at LIMIT $3`,
    [now, horizonDays, limit],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    source: r.source,
    externalId: r.external_id,
    opdId: r.opd_id,
    state: revivePpidState(r.state),
    deadlineStep: r.deadline_step,
    deadlineAt: r.deadline_at,
    deadlineState: r.deadline_state,
    escalationLevel: r.escalation_level,
  }));
}

/** A watched request as it is now, locked for the caller's transaction. */
export interface LockedPpidRequest {
  open: boolean;
  opdId: string | null;
  deadlineStep: string | null;
  deadlineAt: Date | null;
  deadlineState: string;
  escalationLevel: number;
}

/**
 * Re-reads and locks (FOR UPDATE) a request the watcher decided to act on, so it acts on what the
 * request is now — not on its candidate list, which a decision ingested meanwhile has made stale.
 */
export async function lockWatchedPpidRequest(client: PoolClient, id: number): Promise<LockedPpidRequest | null> {
  const { rows } = await client.query(
    `SELECT status IN ('diterima', 'diperpanjang', 'keberatan') AS open, opd_id, deadline_step, deadline_at,
            deadline_state, escalation_level
     FROM ppid_request WHERE id = $1 FOR UPDATE`,
    [id],
  );
  const r = rows[0];
  return r
    ? {
        open: r.open,
        opdId: r.opd_id,
        deadlineStep: r.deadline_step,
        deadlineAt: r.deadline_at,
        deadlineState: r.deadline_state,
        escalationLevel: r.escalation_level,
      }
    : null;
}
