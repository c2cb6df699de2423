import type { PoolClient } from '../../connection.ts';

/**
 * Marks live topics as changed, inside the caller's transaction, and wakes the publisher once the
 * transaction commits (NOTIFY is delivered at commit; the payload is empty — ids, never data).
 */
export async function touchTopics(client: PoolClient, topics: readonly string[]): Promise<void> {
  if (topics.length === 0) return;
  await client.query('INSERT INTO live_outbox (topic) SELECT unnest($1::text[])', [topics]);
  await client.query(`SELECT pg_notify('pantau_outbox:' || current_schema(), '')`);
}
