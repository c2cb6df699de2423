import type { Pool } from '../../connection.ts';

export async function recordLoginAttempt(pool: Pool, username: string, address: string, ok: boolean): Promise<void> {
  await pool.query('INSERT INTO login_attempt (username, address, ok) VALUES ($1, $2, $3)', [username, address, ok]);
}

/**
 * Failed sign-ins since the last success within the window, for a username and for an address: the
 * lockout counts both, so neither guessing one account's password nor spraying many accounts works.
 * Returns the counts and when the oldest counted failure leaves the window.
 */
export async function recentLoginFailures(
  pool: Pool,
  username: string,
  address: string,
  windowSeconds: number,
): Promise<{ byUser: number; byAddress: number; oldestAt: Date | null }> {
  const { rows } = await pool.query<{ by_user: number; by_address: number; oldest: Date | null }>(
    `WITH w AS (SELECT * FROM login_attempt WHERE at > now() - make_interval(secs => $3)),
          u AS (SELECT * FROM w WHERE username = $1
                  AND at > coalesce((SELECT max(at) FROM w WHERE username = $1 AND ok), '-infinity') AND NOT ok),
          a AS (SELECT * FROM w WHERE address = $2
                  AND at > coalesce((SELECT max(at) FROM w WHERE address = $2 AND ok), '-infinity') AND NOT ok)
     SELECT (SELECT count(*)::int FROM u) AS by_user, (SELECT count(*)::int FROM a) AS by_address,
            least((SELECT min(at) FROM u), (SELECT min(at) FROM a)) AS oldest`,
    [username, address, windowSeconds],
  );
  const r = rows[0]!;
  return { byUser: r.by_user, byAddress: r.by_address, oldestAt: r.oldest ? new Date(r.oldest) : null };
}
