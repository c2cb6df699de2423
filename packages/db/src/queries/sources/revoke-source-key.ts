import type { Pool } from '../../connection.ts';

/**
 * Withdraws a source's API key: its next request gets 401. The source and everything it delivered stay;
 * `issueSourceKey` gives it a new key. Returns false when there is no such source.
 */
export async function revokeSourceKey(pool: Pool, id: string): Promise<boolean> {
  const { rowCount } = await pool.query('UPDATE ingest_source SET key_hash = NULL WHERE id = $1', [id]);
  return (rowCount ?? 0) > 0;
}
