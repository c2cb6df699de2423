import type { Pool } from '../../connection.ts';

/** A PPID request's source and id there (to record an officer's event as that source's). */
export async function ppidSourceRef(pool: Pool, id: number): Promise<{ source: string; externalId: string } | null> {
  const { rows } = await pool.query<{ source: string; external_id: string }>(
    'SELECT source, external_id FROM ppid_request WHERE id = $1',
    [id],
  );
  return rows[0] ? { source: rows[0].source, externalId: rows[0].external_id } : null;
}
