import { diffJson, type JsonObject } from '@pantau/domain';
import type { Pool } from '../../connection.ts';

export type TopicBuilder = (pool: Pool, topic: string) => Promise<JsonObject | null>;

export interface PublishResult {
  /** Topics consumed from the outbox or asked for. */
  considered: number;
  /** Deltas appended (topics whose state actually changed). */
  appended: number;
  headSeq: number;
}

/**
 * One publishing step, in one transaction: takes the changed topics out of the outbox (plus `extra`),
 * rebuilds each from rollups and current-state tables, and appends a diff for each topic whose state
 * changed. The `live_seq` row stays locked until commit, so seq order is commit order; on any error the
 * transaction rolls back and the outbox rows are still there for the next step.
 */
export async function publishTopics(
  pool: Pool,
  build: TopicBuilder,
  extra: readonly string[] = [],
): Promise<PublishResult> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows: seqRows } = await client.query<{ last: number }>('SELECT last FROM live_seq WHERE id = 1 FOR UPDATE');
    let seq = seqRows[0]?.last ?? 0;
    const { rows: consumed } = await client.query<{ topic: string }>('DELETE FROM live_outbox RETURNING topic');
    const topics = [...new Set([...consumed.map((r) => r.topic), ...extra])].sort();
    let appended = 0;
    for (const topic of topics) {
      // Built on the pool (not this transaction) so builders can run their own read queries freely;
      // they read committed data, which includes every change whose outbox row we just consumed.
      const state = await build(pool, topic);
      if (!state) continue;
      const { rows } = await client.query<{ seq: number; snapshot: JsonObject }>(
        'SELECT seq, snapshot FROM live_topic WHERE topic = $1',
        [topic],
      );
      const prior = rows[0];
      const diff = diffJson(prior?.snapshot ?? {}, state);
      if (prior && diff.length === 0) continue;
      seq += 1;
      await client.query(
        `INSERT INTO live_delta (seq, topic, prev_seq, kind, payload) VALUES ($1, $2, $3, 'diff', $4)`,
        [seq, topic, prior?.seq ?? 0, JSON.stringify(diff)],
      );
      await client.query(
        `INSERT INTO live_topic (topic, seq, snapshot, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (topic) DO UPDATE SET seq = EXCLUDED.seq, snapshot = EXCLUDED.snapshot, updated_at = now()`,
        [topic, seq, JSON.stringify(state)],
      );
      appended += 1;
    }
    if (appended > 0) {
      await client.query('UPDATE live_seq SET last = $1 WHERE id = 1', [seq]);
      await client.query(`SELECT pg_notify('pantau_delta:' || current_schema(), $1)`, [String(seq)]);
    }
    await client.query('COMMIT');
    return { considered: topics.length, appended, headSeq: seq };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
