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

export interface WatchPage {
  /** Complaints whose deadline falls before now + this many calendar days. */
  horizonDays: number;
  /**
   * The top of the ladder: an overdue complaint already at this level cannot move with time, so it is
   * left out. Without this a large backlog at the top would fill every page and starve the rest.
   */
  maxLevel: number;
  limit: number;
  /** The last row of the previous page (keyset on deadline, id). */
  after: { deadlineAt: Date; id: number } | null;
}

/**
 * A page of open complaints whose deadline state may have moved with time: due within the horizon, or
 * overdue below the top of the ladder. Ordered by (deadline, id) and served by the partial index on
 * open complaints.
 */
export async function complaintsToWatch(pool: Pool, now: Date, page: WatchPage): Promise<WatchedComplaint[]> {
  const { rows } = await pool.query(
    `SELECT id, source, external_id, opd_id, regency_code, status, deadline_step, deadline_at, deadline_state, escalation_level
     FROM complaint
     WHERE status IN ('belum_diverifikasi', 'terverifikasi_didisposisi', 'ditindaklanjuti', 'ditunda', 'bukan_wewenang')
       AND deadline_state IN ('on_time', 'at_risk', 'overdue', 'none') AND deadline_at IS NOT NULL
       AND deadline_at < $1::timestamptz + make_interval(days => $2)
       AND NOT (deadline_state = 'overdue' AND escalation_level >= $3)
       AND ($5::timestamptz IS NULL OR (deadline_at, id) > ($5::timestamptz, $6::bigint))
     ORDER BY deadline_at, id LIMIT $4`,
    [now, page.horizonDays, page.maxLevel, page.limit, page.after?.deadlineAt ?? null, page.after?.id ?? 0],
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

/** The state of one complaint, for a system event (auto-close). */
export async function complaintState(pool: Pool, id: number): Promise<ComplaintState | null> {
  const { rows } = await pool.query<{ state: ComplaintState }>('SELECT state FROM complaint WHERE id = $1', [id]);
  return rows[0]?.state ?? null;
}

/** A watched complaint as it is now, locked for the caller's transaction. */
export interface LockedWatchedComplaint extends Omit<WatchedComplaint, 'deadlineAt'> {
  /** Null once the complaint has no running deadline (closed, paused). */
  deadlineAt: Date | null;
  /** Whether the complaint is still open (a closed one has nothing left to watch). */
  open: boolean;
}

/**
 * Re-reads and locks (FOR UPDATE, in id order: the same order ingest and recompute lock in) the
 * complaints the watcher decided to act on, so it acts on what they are now rather than on what its
 * candidate list said. A complaint that no longer exists is absent from the map.
 */
export async function lockWatchedComplaints(
  client: PoolClient,
  ids: number[],
): Promise<Map<number, LockedWatchedComplaint>> {
  const { rows } = await client.query(
    `SELECT id, source, external_id, opd_id, regency_code, status, deadline_step, deadline_at, deadline_state, escalation_level,
            status IN ('belum_diverifikasi', 'terverifikasi_didisposisi', 'ditindaklanjuti', 'ditunda', 'bukan_wewenang') AS open
     FROM complaint WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE`,
    [ids],
  );
  return new Map(
    rows.map((r) => [
      Number(r.id),
      {
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
        open: r.open,
      },
    ]),
  );
}
