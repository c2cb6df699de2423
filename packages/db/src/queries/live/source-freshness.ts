import type { Pool } from '../../connection.ts';

export interface SourceFreshnessRow {
  id: string;
  stream: 'complaints' | 'ppid' | 'social';
  label: string;
  lastDeliveryAt: string | null;
  freshnessTargetSeconds: number;
  lastError: string | null;
}

/** Every source with its last delivery and freshness target (carried by heartbeats). */
export async function sourceFreshness(pool: Pool): Promise<SourceFreshnessRow[]> {
  const { rows } = await pool.query<{
    id: string;
    stream: SourceFreshnessRow['stream'];
    label: string;
    last_delivery_at: Date | null;
    freshness_target_seconds: number;
    last_error: string | null;
  }>('SELECT id, stream, label, last_delivery_at, freshness_target_seconds, last_error FROM source ORDER BY id');
  return rows.map((r) => ({
    id: r.id,
    stream: r.stream,
    label: r.label,
    lastDeliveryAt: r.last_delivery_at?.toISOString() ?? null,
    freshnessTargetSeconds: r.freshness_target_seconds,
    lastError: r.last_error,
  }));
}

/** Records that a source delivered now (call inside the ingest transaction). */
export async function markSourceDelivered(
  pool: Pick<Pool, 'query'>,
  source: { id: string; stream: SourceFreshnessRow['stream']; label: string; freshnessTargetSeconds: number },
): Promise<void> {
  await pool.query(
    `INSERT INTO source (id, stream, label, freshness_target_seconds, last_delivery_at) VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (id) DO UPDATE SET last_delivery_at = now(), last_error = NULL`,
    [source.id, source.stream, source.label, source.freshnessTargetSeconds],
  );
}

/**
 * A push source's explicit heartbeat: it is alive and has nothing to send. Marks it fresh exactly as a
 * delivered batch does (and clears its last error); returns the time recorded.
 */
export async function recordHeartbeat(
  pool: Pick<Pool, 'query'>,
  source: { id: string; stream: SourceFreshnessRow['stream']; label: string },
): Promise<Date> {
  const { rows } = await pool.query<{ at: Date }>(
    `INSERT INTO source (id, stream, label, freshness_target_seconds, last_delivery_at)
     VALUES ($1, $2, $3, CASE WHEN $2 = 'complaints' THEN 900 ELSE 86400 END, now())
     ON CONFLICT (id) DO UPDATE SET last_delivery_at = now(), last_error = NULL
     RETURNING last_delivery_at AS at`,
    [source.id, source.stream, source.label],
  );
  return rows[0]!.at;
}
