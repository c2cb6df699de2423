import type { Pool } from '../../connection.ts';

export interface SubjectDayRow {
  kind: 'topic' | 'regency';
  /** The topic as LAPOR names it, or the kabupaten/kota code. */
  key: string;
  /** Local day, `YYYY-MM-DD`. */
  day: string;
  received: number;
}

/**
 * Complaints received per local day, per topic and per kabupaten/kota, across the province, from the
 * daily rollup (a month is a few hundred rows, never a scan of complaints). Days with none are absent.
 */
export async function complaintSubjectDays(pool: Pool, range: { from: string; to: string }): Promise<SubjectDayRow[]> {
  const { rows } = await pool.query<SubjectDayRow>(
    `SELECT dim AS kind, key, to_char(day, 'YYYY-MM-DD') AS day, sum(received)::int AS received
     FROM complaint_rollup_day
     WHERE scope = 'province' AND dim IN ('topic', 'regency') AND day BETWEEN $1::date AND $2::date
     GROUP BY dim, key, day
     HAVING sum(received) > 0
     ORDER BY dim, key, day`,
    [range.from, range.to],
  );
  return rows;
}

/** Complaints received per topic in each kabupaten/kota over a range (local dates, inclusive). */
export interface RegencyTopicRow {
  regencyCode: string;
  topic: string;
  received: number;
}

/**
 * Complaints per topic in each kabupaten/kota over `from`..`to`, from the regencies' topic rollups:
 * what a topic issue and a kabupaten/kota issue share, to tell one event from two.
 */
export async function regencyTopicComplaints(
  pool: Pool,
  range: { from: string; to: string },
): Promise<RegencyTopicRow[]> {
  const { rows } = await pool.query<RegencyTopicRow>(
    `SELECT substr(scope, 9) AS "regencyCode", key AS topic, sum(received)::int AS received
     FROM complaint_rollup_day
     WHERE scope LIKE 'regency:%' AND dim = 'topic' AND day BETWEEN $1::date AND $2::date
     GROUP BY scope, key
     HAVING sum(received) > 0`,
    [range.from, range.to],
  );
  return rows;
}
