import { revivePpidState, type PpidState } from '@pantau/domain';
import type { Pool } from '../../connection.ts';

/**
 * The states of the requests received in [from, to] (local dates in `timeZone`), optionally of one OPD
 * (its PPID pembantu). PPID volumes are hundreds a year per province, so KPIs fold these in memory.
 */
export async function ppidPeriodStates(
  pool: Pool,
  q: { from: string; to: string; timeZone: string; opdId?: string | undefined },
): Promise<PpidState[]> {
  const { rows } = await pool.query<{ state: PpidState }>(
    `SELECT state FROM ppid_request
     WHERE received_at >= ($1::date::timestamp AT TIME ZONE $3)
       AND received_at < (($2::date + 1)::timestamp AT TIME ZONE $3)
       AND ($4::text IS NULL OR opd_id = $4)
     ORDER BY received_at`,
    [q.from, q.to, q.timeZone, q.opdId ?? null],
  );
  return rows.map((r) => revivePpidState(r.state));
}
