import type { Pool } from '../connection.ts';

export interface LaporConnectorState {
  cursor: string | null;
  failures: number;
  nextAttemptAt: Date | null;
}

export async function laporConnectorState(pool: Pool, source: string): Promise<LaporConnectorState> {
  // A paused connector reads as not due until far in the future, so no poll starts until it is resumed.
  const { rows } = await pool.query<{ cursor: string | null; failures: number; next_attempt_at: Date | null }>(
    `SELECT cursor, failures,
       CASE WHEN paused_at IS NOT NULL THEN timestamptz '9999-12-31T00:00:00Z' ELSE next_attempt_at END AS next_attempt_at
     FROM lapor_connector_state WHERE source = $1`,
    [source],
  );
  const r = rows[0];
  return { cursor: r?.cursor ?? null, failures: r?.failures ?? 0, nextAttemptAt: r?.next_attempt_at ?? null };
}

export async function saveLaporConnectorState(pool: Pool, source: string, s: LaporConnectorState): Promise<void> {
  await pool.query(
    `INSERT INTO lapor_connector_state (source, cursor, failures, next_attempt_at, updated_at) VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (source) DO UPDATE SET cursor = EXCLUDED.cursor, failures = EXCLUDED.failures,
       next_attempt_at = EXCLUDED.next_attempt_at, updated_at = now()`,
    [source, s.cursor, s.failures, s.nextAttemptAt],
  );
}
