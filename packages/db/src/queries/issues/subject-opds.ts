import type { Pool } from '../../connection.ts';

/**
 * The OPDs a subject's complaints went to between two local days, most first: for a topic, the OPD
 * scopes' topic rows of the daily rollup; for a kabupaten/kota, its scope's OPD rows.
 */
export async function subjectOpds(
  pool: Pool,
  subject: { kind: 'topic' | 'regency'; key: string },
  range: { from: string; to: string },
): Promise<Array<{ opdId: string; received: number }>> {
  const { rows } = await pool.query<{ opdId: string; received: number }>(
    subject.kind === 'topic'
      ? `SELECT substr(scope, 5) AS "opdId", sum(received)::int AS received
         FROM complaint_rollup_day
         WHERE scope LIKE 'opd:%' AND dim = 'topic' AND key = $1 AND day BETWEEN $2::date AND $3::date
         GROUP BY scope HAVING sum(received) > 0
         ORDER BY 2 DESC, 1`
      : `SELECT key AS "opdId", sum(received)::int AS received
         FROM complaint_rollup_day
         WHERE scope = 'regency:' || $1 AND dim = 'opd' AND day BETWEEN $2::date AND $3::date
         GROUP BY key HAVING sum(received) > 0
         ORDER BY 2 DESC, 1`,
    [subject.key, range.from, range.to],
  );
  return rows;
}
