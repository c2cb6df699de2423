import type { Pool } from '../../connection.ts';

export interface CubeRollupRow {
  scope: string;
  dim: string;
  key: string;
  /** The local day for `total` rows; null for the month's channel and topic sums. */
  day: string | null;
  received: number;
  completed: number;
  followed_up: number;
  on_time: number;
  hk: number;
}

/**
 * Every scope's daily totals from `from` to `today`, and its channel and topic sums from `monthStart`:
 * the rows the public cube is built from (apps/server/src/public/cube.ts), for the whole province at once.
 */
export async function publicCubeRollups(
  pool: Pool,
  r: { from: string; today: string; monthStart: string },
): Promise<CubeRollupRow[]> {
  const { rows } = await pool.query<CubeRollupRow>(
    `SELECT scope, dim, key, to_char(day, 'YYYY-MM-DD') AS day, received, completed, followed_up,
            followed_up_on_time AS on_time, follow_up_hk_sum AS hk
     FROM complaint_rollup_day WHERE dim = 'total' AND day >= $1::date AND day <= $2::date
     UNION ALL
     SELECT scope, dim, key, NULL, sum(received)::int, 0, 0, 0, 0
     FROM complaint_rollup_day WHERE dim IN ('channel', 'topic') AND day >= $3::date AND day <= $2::date
     GROUP BY scope, dim, key`,
    [r.from, r.today, r.monthStart],
  );
  return rows;
}

/** Open and overdue complaints now, per scope. */
export async function publicCubeStock(
  pool: Pool,
  openStatuses: readonly string[],
): Promise<Array<{ scope: string; open: number; overdue: number }>> {
  const { rows } = await pool.query<{ scope: string; open: number; overdue: number }>(
    `SELECT scope, sum(n)::int AS open, coalesce(sum(n) FILTER (WHERE deadline_state = 'overdue'), 0)::int AS overdue
     FROM complaint_stock WHERE dim = 'total' AND n <> 0 AND status = ANY($1) GROUP BY scope`,
    [openStatuses],
  );
  return rows;
}

/** The live outbox's sequence: it moves with every write that changes a figure (the cube's cache key). */
export async function liveOutboxSequence(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ seq: string }>(
    `SELECT CASE WHEN is_called THEN last_value ELSE 0 END::text AS seq FROM live_outbox_id_seq`,
  );
  return rows[0]?.seq ?? '0';
}
