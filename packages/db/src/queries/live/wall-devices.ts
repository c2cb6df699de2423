import { createHash, randomBytes } from 'node:crypto';
import type { Pool } from '../../connection.ts';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Issues a device token for a wall screen; only its hash is stored, the token is shown once. */
export async function issueWallDevice(pool: Pool, id: string, name: string): Promise<string> {
  const token = `wall_${randomBytes(24).toString('base64url')}`;
  await pool.query(
    `INSERT INTO wall_device (id, name, token_hash) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, token_hash = EXCLUDED.token_hash, revoked_at = NULL`,
    [id, name, hashToken(token)],
  );
  return token;
}

/** The device a token belongs to, or null when unknown or revoked. Marks it seen. */
export async function findWallDevice(pool: Pool, token: string): Promise<{ id: string; name: string } | null> {
  const { rows } = await pool.query<{ id: string; name: string }>(
    `UPDATE wall_device SET last_seen_at = now() WHERE token_hash = $1 AND revoked_at IS NULL RETURNING id, name`,
    [hashToken(token)],
  );
  return rows[0] ?? null;
}

export async function revokeWallDevice(pool: Pool, id: string): Promise<boolean> {
  const { rowCount } = await pool.query(
    'UPDATE wall_device SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL',
    [id],
  );
  return (rowCount ?? 0) > 0;
}
