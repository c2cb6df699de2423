import type { RecentComplaint } from '@pantau/contracts';
import type { Pool } from '../../connection.ts';

export type { RecentComplaint };

/**
 * The newest complaints for the wall's ticker: when, what kind, which OPD, where, by which channel. No
 * tracking id, no title, no text, no reporter — the same for rahasia reports as for the rest.
 */
export async function recentComplaints(
  pool: Pool,
  scope: { opdId?: string | null; regencyCode?: string | null },
  limit = 12,
): Promise<RecentComplaint[]> {
  const { rows } = await pool.query<{
    submitted_at: Date;
    classification: string;
    topic: string | null;
    opd_id: string | null;
    regency_code: string | null;
    channel: string;
  }>(
    `SELECT submitted_at, classification, topic, opd_id, regency_code, channel FROM complaint
     WHERE ($1::text IS NULL OR opd_id = $1) AND ($2::text IS NULL OR regency_code = $2)
     ORDER BY submitted_at DESC LIMIT $3`,
    [scope.opdId ?? null, scope.regencyCode ?? null, limit],
  );
  return rows.map((r) => ({
    submittedAt: r.submitted_at.toISOString(),
    classification: r.classification,
    topic: r.topic,
    opdId: r.opd_id,
    regencyCode: r.regency_code,
    channel: r.channel,
  }));
}
