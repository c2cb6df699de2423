import type { Pool } from '../../connection.ts';

/**
 * Drops deltas older than the retention window (a client further behind gets a snapshot instead) and
 * minute rollups older than two days. Returns the number of deltas removed.
 */
export async function pruneLiveLog(pool: Pool, retainSeconds: number): Promise<number> {
  const { rowCount } = await pool.query(`DELETE FROM live_delta WHERE created_at < now() - make_interval(secs => $1)`, [
    retainSeconds,
  ]);
  await pool.query(`DELETE FROM complaint_rollup_minute WHERE bucket < now() - interval '2 days'`);
  return rowCount ?? 0;
}
