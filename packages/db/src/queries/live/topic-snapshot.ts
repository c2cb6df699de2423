import type { JsonObject } from '@pantau/domain';
import type { Pool } from '../../connection.ts';

/** The latest published state of a topic and the seq it reflects, or null before its first publish. */
export async function topicSnapshot(pool: Pool, topic: string): Promise<{ seq: number; state: JsonObject } | null> {
  const { rows } = await pool.query<{ seq: number; snapshot: JsonObject }>(
    'SELECT seq, snapshot FROM live_topic WHERE topic = $1',
    [topic],
  );
  const row = rows[0];
  return row ? { seq: row.seq, state: row.snapshot } : null;
}

/** Every topic that has been published (the publisher refreshes them when time moves on). */
export async function publishedTopics(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ topic: string }>('SELECT topic FROM live_topic ORDER BY topic');
  return rows.map((r) => r.topic);
}
