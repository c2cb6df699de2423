import type { Pool } from '../../connection.ts';
import type { Role } from '../service-tokens.ts';

export interface SessionRow {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  opdId: string | null;
  mustChangePassword: boolean;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
}

export async function insertSession(
  pool: Pool,
  s: { idHash: string; userId: string; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await pool.query('INSERT INTO user_session (id_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)', [
    s.idHash,
    s.userId,
    s.csrfToken,
    s.expiresAt,
  ]);
}

/** A live session with its user (a disabled user has none). */
export async function findSession(pool: Pool, idHash: string): Promise<SessionRow | null> {
  const { rows } = await pool.query(
    `SELECT s.user_id, u.username, u.display_name, u.role, u.opd_id, u.must_change_password, s.csrf_token, s.last_seen_at, s.expires_at
     FROM user_session s JOIN app_user u ON u.id = s.user_id
     WHERE s.id_hash = $1 AND u.disabled_at IS NULL`,
    [idHash],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    userId: r.user_id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    opdId: r.opd_id ?? null,
    mustChangePassword: r.must_change_password,
    csrfToken: r.csrf_token,
    lastSeenAt: new Date(r.last_seen_at),
    expiresAt: new Date(r.expires_at),
  };
}

export async function touchSession(pool: Pool, idHash: string): Promise<void> {
  await pool.query('UPDATE user_session SET last_seen_at = now() WHERE id_hash = $1', [idHash]);
}

export async function deleteSession(pool: Pool, idHash: string): Promise<void> {
  await pool.query('DELETE FROM user_session WHERE id_hash = $1', [idHash]);
}

/** Ends every session of a user (password reset, disabling), optionally but one. */
export async function deleteUserSessions(pool: Pool, userId: string, except: string | null = null): Promise<void> {
  await pool.query('DELETE FROM user_session WHERE user_id = $1 AND id_hash IS DISTINCT FROM $2', [userId, except]);
}
