import type { Pool } from '../../connection.ts';

/** Complaints received and completed on one local day. */
export interface ComplaintDay {
  day: string;
  received: number;
  completed: number;
}

/**
 * Received and completed per local day of `from`…`to` for a scope, every day present (zeros included),
 * from the same daily rollups as the dashboard's figures; the report's trend chart.
 */
export async function complaintDailySeries(
  pool: Pool,
  f: { scope: string; from: string; to: string },
): Promise<ComplaintDay[]> {
  const { rows } = await pool.query<{ day: string; received: number; completed: number }>(
    `SELECT to_char(d, 'YYYY-MM-DD') AS day, coalesce(sum(r.received), 0)::int AS received,
            coalesce(sum(r.completed), 0)::int AS completed
     FROM generate_series($2::date, $3::date, interval '1 day') AS d
     LEFT JOIN complaint_rollup_day r ON r.scope = $1 AND r.dim = 'total' AND r.day = d::date
     GROUP BY d ORDER BY d`,
    [f.scope, f.from, f.to],
  );
  return rows;
}
