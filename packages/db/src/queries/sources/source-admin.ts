import type { Pool, PoolClient } from '../../connection.ts';

/** An ingest source as the console's Sumber data page lists it. */
export interface SourceAdminRow {
  id: string;
  label: string;
  stream: 'complaints' | 'ppid' | 'social' | null;
  hasKey: boolean;
  createdAt: Date | null;
  lastDeliveryAt: Date | null;
  freshnessTargetSeconds: number | null;
  lastError: string | null;
  lastErrorAt: Date | null;
}

/** A pull connector's position and schedule: the LAPOR feed of a source, or one social account. */
export interface ConnectorAdminRow {
  kind: 'lapor' | 'social';
  id: string;
  label: string;
  opdId: string | null;
  cursor: unknown;
  failures: number;
  nextAttemptAt: Date | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  pausedAt: Date | null;
  pausedBy: string | null;
}

/** Every source that holds a key or has delivered, with its freshness and last error. */
export async function listSourcesForAdmin(pool: Pool): Promise<SourceAdminRow[]> {
  const { rows } = await pool.query<{
    id: string;
    label: string;
    stream: SourceAdminRow['stream'];
    has_key: boolean;
    created_at: Date | null;
    last_delivery_at: Date | null;
    freshness_target_seconds: number | null;
    last_error: string | null;
    last_error_at: Date | null;
  }>(
    `SELECT coalesce(i.id, s.id) AS id, coalesce(i.label, s.label) AS label, s.stream,
            coalesce(i.key_hash IS NOT NULL, false) AS has_key, i.created_at,
            s.last_delivery_at, s.freshness_target_seconds, s.last_error, s.last_error_at
     FROM ingest_source i FULL JOIN source s ON s.id = i.id
     ORDER BY 1`,
  );
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    stream: r.stream,
    hasKey: r.has_key,
    createdAt: r.created_at,
    lastDeliveryAt: r.last_delivery_at,
    freshnessTargetSeconds: r.freshness_target_seconds,
    lastError: r.last_error,
    lastErrorAt: r.last_error_at,
  }));
}

/** The LAPOR connector states and every social account's connector state (accounts never polled too). */
export async function listConnectorsForAdmin(pool: Pool): Promise<ConnectorAdminRow[]> {
  const lapor = await pool.query<{
    source: string;
    cursor: string | null;
    failures: number;
    next_attempt_at: Date | null;
    updated_at: Date;
    paused_at: Date | null;
    paused_by: string | null;
  }>(
    'SELECT source, cursor, failures, next_attempt_at, updated_at, paused_at, paused_by FROM lapor_connector_state ORDER BY source',
  );
  const social = await pool.query<{
    id: string;
    opd_id: string;
    platform: string;
    handle: string;
    cursor: unknown;
    failures: number | null;
    next_poll_at: Date | null;
    last_success_at: Date | null;
    last_error: string | null;
    paused_at: Date | null;
    paused_by: string | null;
  }>(
    `SELECT a.id, a.opd_id, a.platform, a.handle, c.cursor, c.failures, c.next_poll_at, c.last_success_at,
            c.last_error, c.paused_at, c.paused_by
     FROM social_account a LEFT JOIN social_connector_cursor c ON c.account_id = a.id
     WHERE NOT a.demo ORDER BY a.opd_id, a.platform`,
  );
  return [
    ...lapor.rows.map((r): ConnectorAdminRow => ({
      kind: 'lapor',
      id: r.source,
      label: `SP4N-LAPOR! (${r.source})`,
      opdId: null,
      cursor: r.cursor,
      failures: r.failures,
      nextAttemptAt: r.next_attempt_at,
      lastSuccessAt: r.failures === 0 ? r.updated_at : null,
      lastError: null,
      pausedAt: r.paused_at,
      pausedBy: r.paused_by,
    })),
    ...social.rows.map((r): ConnectorAdminRow => ({
      kind: 'social',
      id: r.id,
      label: `${r.platform} @${r.handle}`,
      opdId: r.opd_id,
      cursor: r.cursor ?? null,
      failures: r.failures ?? 0,
      nextAttemptAt: r.next_poll_at,
      lastSuccessAt: r.last_success_at,
      lastError: r.last_error,
      pausedAt: r.paused_at,
      pausedBy: r.paused_by,
    })),
  ];
}

/**
 * Pauses (by whom) or resumes a connector; returns false when there is no such connector. A resumed one is
 * due at once.
 */
export async function setConnectorPaused(
  client: PoolClient,
  kind: 'lapor' | 'social',
  id: string,
  by: string | null,
): Promise<boolean> {
  if (kind === 'lapor') {
    const { rowCount } = await client.query(
      `INSERT INTO lapor_connector_state (source, paused_at, paused_by, next_attempt_at)
       SELECT $1, CASE WHEN $2::text IS NULL THEN NULL ELSE now() END, $2, now()
       WHERE EXISTS (SELECT 1 FROM ingest_source WHERE id = $1) OR EXISTS (SELECT 1 FROM lapor_connector_state WHERE source = $1)
       ON CONFLICT (source) DO UPDATE SET paused_at = EXCLUDED.paused_at, paused_by = EXCLUDED.paused_by,
         next_attempt_at = CASE WHEN EXCLUDED.paused_at IS NULL THEN now() ELSE lapor_connector_state.next_attempt_at END,
         updated_at = now()`,
      [id, by],
    );
    return (rowCount ?? 0) > 0;
  }
  const { rowCount } = await client.query(
    `INSERT INTO social_connector_cursor (account_id, platform, paused_at, paused_by, next_poll_at)
     SELECT a.id, a.platform, CASE WHEN $2::text IS NULL THEN NULL ELSE now() END, $2, now()
     FROM social_account a WHERE a.id = $1
     ON CONFLICT (account_id) DO UPDATE SET paused_at = EXCLUDED.paused_at, paused_by = EXCLUDED.paused_by,
       next_poll_at = CASE WHEN EXCLUDED.paused_at IS NULL THEN now() ELSE social_connector_cursor.next_poll_at END,
       updated_at = now()`,
    [id, by],
  );
  return (rowCount ?? 0) > 0;
}
