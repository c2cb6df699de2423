import { createHash, randomBytes } from 'node:crypto';
import type { Pool } from '../connection.ts';

export type Role = 'admin' | 'duty_officer' | 'opd_admin' | 'viewer';
const hash = (t: string) => createHash('sha256').update(t).digest('hex');

/** Issues a bearer token with a role (and an OPD for opd_admin); returns it once. */
export async function issueServiceToken(
  pool: Pool,
  id: string,
  label: string,
  role: Role,
  opdId: string | null = null,
): Promise<string> {
  const token = `tok_${randomBytes(24).toString('base64url')}`;
  await pool.query(
    `INSERT INTO service_token (id, label, token_hash, role, opd_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET label = EXCLUDED.label, token_hash = EXCLUDED.token_hash, role = EXCLUDED.role,
       opd_id = EXCLUDED.opd_id, revoked_at = NULL`,
    [id, label, hash(token), role, opdId],
  );
  return token;
}

/** The holder of a token, or null when unknown or revoked. */
export async function findServiceToken(
  pool: Pool,
  token: string,
): Promise<{ id: string; role: Role; opdId: string | null; name: string } | null> {
  const { rows } = await pool.query<{ id: string; role: Role; opd_id: string | null; label: string }>(
    'SELECT id, role, opd_id, label FROM service_token WHERE token_hash = $1 AND revoked_at IS NULL',
    [hash(token)],
  );
  const r = rows[0];
  return r ? { id: r.id, role: r.role, opdId: r.opd_id, name: r.label } : null;
}
