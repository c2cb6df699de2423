import type { Pool } from '../../connection.ts';

export interface TagDayRow {
  /** The issue desk's tag, as free text ("Banjir di Kapuas"). */
  tag: string;
  /** Local day, `YYYY-MM-DD`. */
  day: string;
  negative: number;
}

/**
 * Negative comments and mentions carrying an issue tag, per tag and local day, over every OPD account.
 * Untagged negative comments are left out: they cannot be set beside the complaints of any one subject.
 */
export async function negativeMentionDays(
  pool: Pool,
  range: { from: string; to: string; timeZone: string },
): Promise<TagDayRow[]> {
  const { rows } = await pool.query<TagDayRow>(
    `SELECT issue_tag AS tag, to_char((received_at AT TIME ZONE $3)::date, 'YYYY-MM-DD') AS day,
            count(*)::int AS negative
     FROM social_interaction
     WHERE sentiment = 'negative' AND issue_tag IS NOT NULL
       AND received_at >= ($1::date)::timestamp AT TIME ZONE $3
       AND received_at < ($2::date + 1)::timestamp AT TIME ZONE $3
     GROUP BY 1, 2
     ORDER BY 1, 2`,
    [range.from, range.to, range.timeZone],
  );
  return rows;
}
