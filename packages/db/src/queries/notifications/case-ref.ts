import type { PoolClient } from '../../connection.ts';

/** A complaint's or PPID request's tracking id and OPD, in the caller's transaction; null if none. */
export async function caseRef(
  client: PoolClient,
  kind: 'complaint' | 'ppid_request',
  id: number | string,
): Promise<{ trackingId: string; opdId: string | null } | null> {
  const { rows } = await client.query<{ tracking_id: string; opd_id: string | null }>(
    kind === 'complaint'
      ? 'SELECT tracking_id, opd_id FROM complaint WHERE id = $1'
      : 'SELECT reg_no AS tracking_id, opd_id FROM ppid_request WHERE id = $1',
    [id],
  );
  return rows[0] ? { trackingId: rows[0].tracking_id, opdId: rows[0].opd_id } : null;
}
