import type { Pool } from '../../connection.ts';

/** Asks the publisher to build a topic that has no snapshot yet (a first viewer of an OPD, say). */
export async function requestTopic(pool: Pool, topic: string): Promise<void> {
  await pool.query(
    `WITH ins AS (INSERT INTO live_outbox (topic) VALUES ($1)) SELECT pg_notify('pantau_outbox:' || current_schema(), '')`,
    [topic],
  );
}
