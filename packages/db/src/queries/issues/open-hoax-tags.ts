import type { Pool } from '../../connection.ts';

/**
 * The tags of hoax suspects still open (neither clarified nor found not to be a hoax), with how many
 * mentions carry each. Served by the partial index on open issues.
 */
export async function openHoaxTags(pool: Pool): Promise<Array<{ tag: string; mentions: number }>> {
  const { rows } = await pool.query<{ tag: string; mentions: number }>(
    `SELECT issue_tag AS tag, count(*)::int AS mentions
     FROM social_interaction
     WHERE hoax_suspect AND issue_tag IS NOT NULL
       AND clarification_status IS DISTINCT FROM 'diklarifikasi'
       AND clarification_status IS DISTINCT FROM 'bukan_hoaks'
     GROUP BY 1
     ORDER BY 2 DESC, 1`,
  );
  return rows;
}
