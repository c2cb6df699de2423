import type { Diff } from '@pantau/domain';
import type { Pool } from '../../connection.ts';

export interface DeltaRow {
  seq: number;
  topic: string;
  prevSeq: number;
  diff: Diff;
}

/** Deltas after `afterSeq` in seq (= commit) order, optionally for one topic and up to `untilSeq`. */
export async function readDeltas(
  pool: Pool,
  options: { afterSeq: number; topic?: string; untilSeq?: number; limit?: number },
): Promise<DeltaRow[]> {
  const { rows } = await pool.query<{ seq: number; topic: string; prev_seq: number; payload: Diff }>(
    `SELECT seq, topic, prev_seq, payload FROM live_delta
     WHERE seq > $1 AND ($2::text IS NULL OR topic = $2) AND ($3::bigint IS NULL OR seq <= $3)
     ORDER BY seq LIMIT $4`,
    [options.afterSeq, options.topic ?? null, options.untilSeq ?? null, options.limit ?? 1000],
  );
  return rows.map((r) => ({ seq: r.seq, topic: r.topic, prevSeq: r.prev_seq, diff: r.payload }));
}

/** The newest seq handed out (0 before the first delta). */
export async function headSeq(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ last: number }>('SELECT last FROM live_seq WHERE id = 1');
  return rows[0]?.last ?? 0;
}
