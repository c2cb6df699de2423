import type { ComplaintState } from '@pantau/domain';
import type { Pool, PoolClient } from '../../connection.ts';

export interface WatchedComplaint {
  id: number;
  source: string;
  externalId: string;
  opdId: string | null;
  regencyCode: string | null;
  status: string;
  deadlineStep: string | null;
  deadlineAt: Date;
  deadlineState: string;
  escalationLevel: number;
}

/**
 * Open complaints whose deadline state may have moved with time: due within `horizonDays` calendar
 * days, or already overdue (for the ladder). Served by the partial index on open complaints.
 */
export async function complaintsToWatch(
  pool: Pool,
  now: Date,
  horizonDays: number,
  limit = 5000,
): Promise<WatchedComplaint[]> {
  const { rows } = await pool.query(
    `SELECT id, source, external_id, opd_id, regency_code, status, deadline_step, deadline_at, deadline_state, escalation_level
     FROM complaint
     WHERE status IN ('belum_diverifikasi', 'terverifikasi_didisposisi', 'ditindaklanjuti', 'ditunda', 'bukan_wewenang')
       AND deadline_state IN ('on_time', 'at_risk', 'overdue', 'none') AND deadline_at IS NOT NULL
       AND deadline_at < $1::timestamptz + make_interval(days => $2)
     ORDER BY deadline_at LIMIT $3`,
    [now, horizonDays, limit],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    source: r.source,
    externalId: r.external_id,
    opdId: r.opd_id,
    regencyCode: r.regency_code,
    status: r.status,
    deadlineStep: r.deadline_step,
    deadlineAt: r.deadline_at,
    deadlineState: r.deadline_state,
    escalationLevel: r.escalation_level,
  }));
}

/** Sets a complaint's deadline state (only if its deadline is still the one the watcher saw). */
export async function setDeadlineState(
  client: PoolClient,
  id: number,
  deadlineAt: Date,
  state: string,
): Promise<boolean> {
  const { rowCount } = await client.query(
    'UPDATE complaint SET deadline_state = $3, updated_at = now() WHERE id = $1 AND deadline_at = $2 AND deadline_state <> $3',
    [id, deadlineAt, state],
  );
  return (rowCount ?? 0) > 0;
}

/**
 * Raises a complaint to `level` for its current deadline, recording each new step once: the unique
 * (complaint, level, deadline) key means two watchers can never raise the same step twice.
 * Returns the levels actually raised.
 */
export async function raiseEscalation(
  client: PoolClient,
  id: number,
  deadlineAt: Date,
  fromLevel: number,
  toLevel: number,
): Promise<number[]> {
  const raised: number[] = [];
  for (let level = fromLevel + 1; level <= toLevel; level++) {
    const { rowCount } = await client.query(
      'INSERT INTO escalation (complaint_id, level, deadline_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [id, level, deadlineAt],
    );
    if (rowCount) raised.push(level);
  }
  if (raised.length > 0) {
    await client.query(
      'UPDATE complaint SET escalation_level = GREATEST(escalation_level, $2) WHERE id = $1 AND deadline_at = $3',
      [id, toLevel, deadlineAt],
    );
  }
  return raised;
}

/** The state of one complaint, for a system event (auto-close). */
export async function complaintState(pool: Pool, id: number): Promise<ComplaintState | null> {
  const { rows } = await pool.query<{ state: ComplaintState }>('SELECT state FROM complaint WHERE id = $1', [id]);
  return rows[0]?.state ?? null;
}
