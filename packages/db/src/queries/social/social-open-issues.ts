import type { Pool } from '../../connection.ts';

/**
 * Flagged interactions (issue tag or hoax suspect) not yet clarified, whenever they came in, for the
 * province or one OPD. Served by the partial index on open issues.
 */
export async function socialOpenIssues(
  pool: Pool,
  opdId?: string,
): Promise<{ openIssues: number; openHoaxSuspects: number }> {
  const { rows } = await pool.query<{ openIssues: number; openHoaxSuspects: number }>(
    `SELECT count(*)::int AS "openIssues", count(*) FILTER (WHERE i.hoax_suspect)::int AS "openHoaxSuspects"
     FROM social_interaction i JOIN social_account a ON a.id = i.account_id
     WHERE (i.issue_tag IS NOT NULL OR i.hoax_suspect)
       AND i.clarification_status IS DISTINCT FROM 'diklarifikasi'
       AND i.clarification_status IS DISTINCT FROM 'bukan_hoaks'
       AND ($1::text IS NULL OR a.opd_id = $1)`,
    [opdId ?? null],
  );
  return rows[0]!;
}
