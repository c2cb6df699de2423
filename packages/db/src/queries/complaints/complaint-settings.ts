import type { Pool, PoolClient } from '../../connection.ts';
import { CALENDAR_CHANNEL_PREFIX } from './calendar-edit.ts';

/** The stored overrides, unparsed: the server checks them against its schema when it reads them. */
export interface StoredComplaintSettings {
  rules: unknown;
  ladder: unknown;
  labels: unknown;
  updatedAt: Date;
  updatedBy: string | null;
}

/** A province's complaint-rule overrides, or null when it uses the domain defaults throughout. */
export async function complaintSettings(pool: Pool, provinceCode: string): Promise<StoredComplaintSettings | null> {
  const { rows } = await pool.query<{
    rules: unknown;
    ladder: unknown;
    labels: unknown;
    updated_at: Date;
    updated_by: string | null;
  }>('SELECT rules, ladder, labels, updated_at, updated_by FROM complaint_settings WHERE province_code = $1', [
    provinceCode,
  ]);
  const r = rows[0];
  return r
    ? { rules: r.rules, ladder: r.ladder, labels: r.labels, updatedAt: r.updated_at, updatedBy: r.updated_by }
    : null;
}

/**
 * Replaces a province's overrides in the caller's transaction and, at commit, tells every node to
 * re-read its complaint configuration (the calendar channel carries both).
 */
export async function saveComplaintSettings(
  client: PoolClient,
  provinceCode: string,
  s: { rules: object; ladder: readonly object[] | null; labels: object },
  by: string,
): Promise<void> {
  await client.query(
    `WITH up AS (
       INSERT INTO complaint_settings (province_code, rules, ladder, labels, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, now(), $5)
       ON CONFLICT (province_code) DO UPDATE SET rules = EXCLUDED.rules, ladder = EXCLUDED.ladder, labels = EXCLUDED.labels,
         updated_at = now(), updated_by = EXCLUDED.updated_by
       RETURNING 1)
     SELECT pg_notify('${CALENDAR_CHANNEL_PREFIX}' || current_schema(), 'settings') FROM up`,
    [
      provinceCode,
      JSON.stringify(s.rules),
      s.ladder === null ? null : JSON.stringify(s.ladder),
      JSON.stringify(s.labels),
      by,
    ],
  );
}
