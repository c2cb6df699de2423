import type { Pool } from '../connection.ts';

export interface DemoFeedRow {
  seed: number;
  startedAt: Date;
  cursorAt: Date;
}

/** The demo feed's stored position, creating it at `startedAt` when absent. */
export async function demoFeedPosition(pool: Pool, id: string, seed: number, startedAt: Date): Promise<DemoFeedRow> {
  const { rows } = await pool.query<{ seed: number; started_at: Date; cursor_at: Date }>(
    `INSERT INTO demo_feed (id, seed, started_at, cursor_at) VALUES ($1, $2, $3, $3)
     ON CONFLICT (id) DO UPDATE SET id = EXCLUDED.id RETURNING seed, started_at, cursor_at`,
    [id, seed, startedAt],
  );
  const r = rows[0]!;
  return { seed: r.seed, startedAt: r.started_at, cursorAt: r.cursor_at };
}

export async function saveDemoFeedCursor(pool: Pool, id: string, cursorAt: Date): Promise<void> {
  await pool.query('UPDATE demo_feed SET cursor_at = $2 WHERE id = $1', [id, cursorAt]);
}
