import type { Pool } from '../../connection.ts';

export interface OutboxDepth {
  /** Outbox rows the live publisher has not turned into deltas yet. */
  rows: number;
  /** Age of the oldest such row, in seconds (0 when empty). */
  oldestSeconds: number;
}

/** How far the live publisher is behind the committed changes (for /metrics). */
export async function liveOutboxDepth(pool: Pool): Promise<OutboxDepth> {
  const { rows } = await pool.query<{ rows: number; oldest_seconds: number }>(
    `SELECT count(*)::int AS rows,
            coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 AS oldest_seconds
     FROM live_outbox`,
  );
  return { rows: rows[0]?.rows ?? 0, oldestSeconds: rows[0]?.oldest_seconds ?? 0 };
}
