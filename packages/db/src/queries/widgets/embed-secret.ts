import { randomBytes } from 'node:crypto';
import type { Pool } from '../../connection.ts';

/** The cluster's widget-signing secret: created once (first node wins), then read by every node. */
export async function embedSecret(pool: Pool): Promise<string> {
  await pool.query('INSERT INTO embed_secret (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING', [
    randomBytes(32).toString('base64url'),
  ]);
  const { rows } = await pool.query<{ secret: string }>('SELECT secret FROM embed_secret WHERE id = 1');
  return rows[0]!.secret;
}
