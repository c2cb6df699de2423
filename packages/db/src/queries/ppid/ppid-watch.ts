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

/** Sets a request's deadline state, only if its deadline is still the one the watcher saw. */
export async function setPpidDeadlineState(
  client: PoolClient,
  id: number,
  deadlineAt: Date,
  state: string,
): Promise<boolean> {
  const { rowCount } = await client.query(
    `UPDATE ppid_request SET deadline_state = $3, updated_at = now()
     WHERE id = $1 AND deadline_at = $2 AND deadline_state <> $3`,
    [id, deadlineAt, state],
  );
  return (rowCount ?? 0) > 0;
}

/** Raises a request up the escalation ladder for its current deadline, each step once. */
export async function raisePpidEscalation(
  client: PoolClient,
  id: number,
  deadlineAt: Date,
  fromLevel: number,
  toLevel: number,
): Promise<number[]> {
  const raised: number[] = [];
  for (let level = fromLevel + 1; level <= toLevel; level++) {
    const { rowCount } = await client.query(
      'INSERT INTO ppid_escalation (request_id, level, deadline_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [id, level, deadlineAt],
    );
    if (rowCount) raised.push(level);
  }
  if (raised.length > 0) {
    await client.query(
      'UPDATE ppid_request SET escalation_level = GREATEST(escalation_level, $2) WHERE id = $1 AND deadline_at = $3',
      [id, toLevel, deadlineAt],
    );
  }
  return raised;
}
