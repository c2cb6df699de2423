import { revivePpidState, type PpidState } from '@pantau/domain';
import type { Pool } from '../../connection.ts';

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
