import type { Pool } from '../connection.ts';

/**
 * Deletes sessions that can no longer be used: past their absolute expiry, or idle longer than the idle
 * limit. (Reading such a session already refuses and deletes it; this removes the ones never read again.)
 * Returns how many went.
 */
export async function pruneDeadSessions(pool: Pool, idleSeconds: number): Promise<number> {
  const { rowCount } = await pool.query(
    `DELETE FROM user_session WHERE expires_at <= now() OR last_seen_at <= now() - make_interval(secs => $1)`,
    [idleSeconds],
  );
  return rowCount ?? 0;
}

/** Deletes sign-in attempts older than `keepDays` (the lockout looks back minutes; forensics a month). */
export async function pruneLoginAttempts(pool: Pool, keepDays: number): Promise<number> {
  const { rowCount } = await pool.query(`DELETE FROM login_attempt WHERE at < now() - make_interval(days => $1)`, [
    keepDays,
  ]);
  return rowCount ?? 0;
}
