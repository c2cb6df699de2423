import type { Pool } from '../../connection.ts';

export interface PpidStockFigures {
  /** Requests whose PPID or atasan clock runs now (diterima, diperpanjang, keberatan). */
  open: number;
  atRisk: number;
  overdue: number;
  /** Keberatan waiting for the atasan's answer, and disputes at the Komisi Informasi. */
  objectionsOpen: number;
  disputesOpen: number;
  /** Keberatan and disputes filed since `since` (a local date), whenever their request was received. */
  objectionsFiled: number;
  disputesFiled: number;
}

/**
 * Where the PPID register stands now, for the province or one OPD: open requests by deadline state,
 * running keberatan and disputes, and those filed since a local date. One pass over the current-state
 * table (hundreds of rows a year), never over the event log.
 */
export async function ppidStockFigures(
  pool: Pool,
  q: { since: string; timeZone: string; opdId?: string | undefined },
): Promise<PpidStockFigures> {
  const { rows } = await pool.query<Record<keyof PpidStockFigures, number>>(
    `SELECT
       count(*) FILTER (WHERE status IN ('diterima', 'diperpanjang', 'keberatan'))::int AS "open",
       count(*) FILTER (WHERE status IN ('diterima', 'diperpanjang', 'keberatan') AND deadline_state = 'at_risk')::int
         AS "atRisk",
       count(*) FILTER (WHERE status IN ('diterima', 'diperpanjang', 'keberatan') AND deadline_state = 'overdue')::int
         AS "overdue",
       count(*) FILTER (WHERE status = 'keberatan')::int AS "objectionsOpen",
       count(*) FILTER (WHERE status = 'sengketa')::int AS "disputesOpen",
       count(*) FILTER (WHERE objection_filed_at >= ($1::date::timestamp AT TIME ZONE $2))::int AS "objectionsFiled",
       count(*) FILTER (WHERE dispute_filed_at >= ($1::date::timestamp AT TIME ZONE $2))::int AS "disputesFiled"
     FROM ppid_request WHERE ($3::text IS NULL OR opd_id = $3)`,
    [q.since, q.timeZone, q.opdId ?? null],
  );
  return rows[0]!;
}
