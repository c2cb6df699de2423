import type { Pool } from '../../connection.ts';

/** The next tracking id for a complaint entered at the desk: `9` and 11 digits. */
export async function nextWalkInTrackingId(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ n: string }>(`SELECT nextval('walk_in_tracking_seq')::text AS n`);
  return `9${rows[0]!.n.padStart(11, '0')}`;
}

/** A complaint's id by its tracking id (null when there is none). */
export async function complaintIdByTracking(pool: Pool, trackingId: string): Promise<string | null> {
  const { rows } = await pool.query<{ id: string }>('SELECT id::text FROM complaint WHERE tracking_id = $1', [
    trackingId,
  ]);
  return rows[0]?.id ?? null;
}
