import { createHash, randomBytes } from 'node:crypto';
import type { Pool } from '../../connection.ts';

const hash = (key: string) => createHash('sha256').update(key).digest('hex');

/** Creates (or re-keys) an ingest source and returns its new API key, shown once. */
export async function issueSourceKey(pool: Pool, id: string, label: string): Promise<string> {
  const key = `src_${randomBytes(24).toString('base64url')}`;
  await pool.query(
    `INSERT INTO ingest_source (id, label, key_hash) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET label = EXCLUDED.label, key_hash = EXCLUDED.key_hash`,
    [id, label, hash(key)],
  );
  return key;
}

/** The source an API key belongs to, or null. */
export async function sourceForKey(pool: Pool, key: string): Promise<string | null> {
  const { rows } = await pool.query<{ id: string }>('SELECT id FROM ingest_source WHERE key_hash = $1', [hash(key)]);
  return rows[0]?.id ?? null;
}
