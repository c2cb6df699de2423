import type { Pool } from '../connection.ts';

export interface LaporConnectorState {
  cursor: string | null;
  failures: number;
  nextAttemptAt: Date | null;
}

export async function laporConnectorState(pool: Pool, source: string): Promise<LaporConnectorState> {
  const { rows } = await pool.query<{ cursor: string | null; failures: number; next_attempt_at: Date | null }>(
    'SELECT cursor, failures, next_attempt_at FROM lapor_connector_state WHERE source = $1',
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
