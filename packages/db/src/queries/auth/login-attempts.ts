import { withTransaction, type Pool } from '../../connection.ts';

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

export type LoginAttemptReservation =
  { ok: true; id: string } | { ok: false; byUser: number; byAddress: number; oldestAt: Date | null };

/**
 * Reserves one password check for a username from an address, or refuses it when either already has
 * `maxFailures` failures in the window. The reservation is recorded as a failure before the password is
 * checked (and turned into a success by {@link markLoginAttemptOk}), under advisory locks on the username
 * and the address, so a burst of parallel attempts sees the attempts still being checked: at most
 * `maxFailures` checks per window, however the requests are timed. Locks are taken username first, then
 * address, so two reservations never wait on each other in a cycle.
 */
export async function reserveLoginAttempt(
  pool: Pool,
  username: string,
  address: string,
  windowSeconds: number,
  maxFailures: number,
): Promise<LoginAttemptReservation> {
  return withTransaction(pool, async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('pantau.login.user:' || $1))`, [username]);
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('pantau.login.address:' || $1))`, [address]);
    const { rows } = await client.query<{ by_user: number; by_address: number; oldest: Date | null }>(
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
    if (r.by_user >= maxFailures || r.by_address >= maxFailures)
      return { ok: false, byUser: r.by_user, byAddress: r.by_address, oldestAt: r.oldest ? new Date(r.oldest) : null };
    // clock_timestamp(), not now(): reservations queued behind the lock must stay in arrival order.
    const ins = await client.query<{ id: string }>(
      `INSERT INTO login_attempt (username, address, ok, at) VALUES ($1, $2, false, clock_timestamp()) RETURNING id::text`,
      [username, address],
    );
    return { ok: true, id: ins.rows[0]!.id };
  });
}

/** The reserved check succeeded: the failures before it stop counting. */
export async function markLoginAttemptOk(pool: Pool, id: string): Promise<void> {
  await pool.query('UPDATE login_attempt SET ok = true WHERE id = $1', [id]);
}
