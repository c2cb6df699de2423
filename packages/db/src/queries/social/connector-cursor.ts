import type { Pool } from '../../connection.ts';

export interface ConnectorCursor {
  accountId: string;
  platform: string;
  cursor: Record<string, unknown>;
  nextPollAt: Date;
  failures: number;
  lastSuccessAt: Date | null;
  lastError: string | null;
}

/** The saved cursors of a platform's accounts (absent accounts have never been polled). */
export async function loadConnectorCursors(pool: Pool, platform: string): Promise<Map<string, ConnectorCursor>> {
  const { rows } = await pool.query(
    // A paused account reads as not due until far in the future, so no poll starts until it is resumed.
    `SELECT account_id, platform, cursor, failures, last_success_at, last_error,
       CASE WHEN paused_at IS NOT NULL THEN timestamptz '9999-12-31T00:00:00Z' ELSE next_poll_at END AS next_poll_at
     FROM social_connector_cursor WHERE platform = $1`,
    [platform],
  );
  return new Map(
    rows.map((r) => [
      r.account_id,
      {
        accountId: r.account_id,
        platform: r.platform,
        cursor: r.cursor,
        nextPollAt: r.next_poll_at,
        failures: r.failures,
        lastSuccessAt: r.last_success_at,
        lastError: r.last_error,
      },
    ]),
  );
}

/** Saves where a connector stands for one account after a poll (success or failure). */
export async function saveConnectorCursor(
  pool: Pick<Pool, 'query'>,
  c: {
    accountId: string;
    platform: string;
    cursor: Record<string, unknown>;
    nextPollAt: Date;
    failures: number;
    success: boolean;
    error: string | null;
  },
): Promise<void> {
  await pool.query(
    `INSERT INTO social_connector_cursor AS s (account_id, platform, cursor, next_poll_at, failures, last_success_at,
       last_error, updated_at)
     VALUES ($1, $2, $3, $4, $5, CASE WHEN $6 THEN now() END, $7, now())
     ON CONFLICT (account_id) DO UPDATE SET cursor = EXCLUDED.cursor, next_poll_at = EXCLUDED.next_poll_at,
       failures = EXCLUDED.failures, last_success_at = coalesce(EXCLUDED.last_success_at, s.last_success_at),
       last_error = EXCLUDED.last_error, updated_at = now()`,
    [c.accountId, c.platform, JSON.stringify(c.cursor), c.nextPollAt, c.failures, c.success, c.error],
  );
}

/**
 * Records that a source failed (garbage, 429, timeout): the freshness panel shows it late with the
 * reason, while `last_delivery_at` keeps the last good delivery.
 */
export async function markSourceError(
  pool: Pick<Pool, 'query'>,
  source: { id: string; stream: 'complaints' | 'ppid' | 'social'; label: string; freshnessTargetSeconds: number },
  error: string,
): Promise<void> {
  await pool.query(
    `INSERT INTO source (id, stream, label, freshness_target_seconds, last_error, last_error_at)
     VALUES ($1, $2, $3, $4, $5, now())
     ON CONFLICT (id) DO UPDATE SET last_error = EXCLUDED.last_error, last_error_at = now()`,
    [source.id, source.stream, source.label, source.freshnessTargetSeconds, error.slice(0, 1000)],
  );
}
