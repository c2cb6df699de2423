import type { Pool } from '../../connection.ts';

/** The next tracking id for a complaint entered at the desk: `9` and 11 digits. */
export async function nextWalkInTrackingId(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ n: string }>(`SELECT nextval('walk_in_tracking_seq')::text AS n`);
  return `9${rows[0]!.n.padStart(11, '0')}`;
}
