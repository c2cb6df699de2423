import type { Pool } from '../../connection.ts';

/** Where a comment or mention came from (its source and id there) and whose account it is on. */
export async function socialInteractionRef(
  pool: Pool,
  id: number,
): Promise<{ source: string; externalId: string; opdId: string | null; repliedAt: string | null } | null> {
  const { rows } = await pool.query<{
    source: string;
    external_id: string;
    opd_id: string | null;
    replied_at: Date | null;
  }>(
    `SELECT i.source, i.external_id, a.opd_id, i.replied_at FROM social_interaction i
     JOIN social_account a ON a.id = i.account_id WHERE i.id = $1`,
    [id],
  );
  const r = rows[0];
  return r
    ? { source: r.source, externalId: r.external_id, opdId: r.opd_id, repliedAt: r.replied_at?.toISOString() ?? null }
    : null;
}
