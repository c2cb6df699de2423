import type { Pool } from '../../connection.ts';

export interface IngestSourceRow {
  id: string;
  label: string;
  /** Whether the source holds a key that can be used over HTTP (keys themselves are never stored). */
  hasKey: boolean;
  createdAt: Date;
  /** When it last delivered, from the freshness table (null: never). */
  lastDeliveryAt: Date | null;
  lastError: string | null;
}

/** Every ingest source with its freshness, for the operator's `source-key list`. */
export async function listIngestSources(pool: Pool): Promise<IngestSourceRow[]> {
  const { rows } = await pool.query<{
    id: string;
    label: string;
    has_key: boolean;
    created_at: Date;
    last_delivery_at: Date | null;
    last_error: string | null;
  }>(
    `SELECT i.id, i.label, i.key_hash IS NOT NULL AS has_key, i.created_at, s.last_delivery_at, s.last_error
     FROM ingest_source i LEFT JOIN source s ON s.id = i.id ORDER BY i.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    hasKey: r.has_key,
    createdAt: r.created_at,
    lastDeliveryAt: r.last_delivery_at,
    lastError: r.last_error,
  }));
}
