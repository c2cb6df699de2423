import type { Pool } from '../../connection.ts';

export interface OverviewFilter {
  timeZone: string;
  opdId?: string | null;
  regencyCode?: string | null;
  /** 'now' by default; benchmarks and tests pin it. */
  now?: Date;
}

export interface ComplaintOverview {
  today: { received: number; verified: number; followedUp: number; completed: number };
  month: {
    received: number;
    followedUp: number;
    completed: number;
    onTimeShare: number | null;
    avgFollowUpHK: number | null;
    avgVerifyHours: number | null;
  };
  byChannel: Record<string, number>;
  byClassification: Record<string, number>;
  byTopic: Array<{ topic: string; received: number }>;
  trend: Array<{ day: string; received: number; completed: number }>;
  open: { total: number; overdue: number; atRisk: number; byStatus: Record<string, number>; escalated: number };
  opdRanking: Array<{ opdId: string; received: number; followedUp: number; onTime: number; overdue: number }>;
  regencyRanking: Array<{ regencyCode: string; received: number; followedUp: number; onTime: number; overdue: number }>;
}

const num = (v: unknown) => Number(v ?? 0);

/**
 * Every complaint figure a screen shows for the province, one OPD or one regency, read from the hourly
 * rollups (flows: today, this month, 30-day trend) and the current complaint rows (stocks: open,
 * overdue). Never scans the event log. Local days are in `timeZone`.
 */
export async function complaintOverview(pool: Pool, f: OverviewFilter): Promise<ComplaintOverview> {
  const now = f.now ?? new Date();
  const params = [f.timeZone, now, f.opdId ?? null, f.regencyCode ?? null];
  const where = `($3::text IS NULL OR opd_id = $3) AND ($4::text IS NULL OR regency_code = $4)`;
  const flows = await pool.query(
    `WITH bounds AS (
       SELECT date_trunc('day', $2::timestamptz AT TIME ZONE $1) AT TIME ZONE $1 AS day_start,
              date_trunc('month', $2::timestamptz AT TIME ZONE $1) AT TIME ZONE $1 AS month_start
     )
     SELECT
       coalesce(sum(received) FILTER (WHERE bucket >= day_start), 0) AS today_received,
       coalesce(sum(verified) FILTER (WHERE bucket >= day_start), 0) AS today_verified,
       coalesce(sum(followed_up) FILTER (WHERE bucket >= day_start), 0) AS today_followed_up,
       coalesce(sum(completed) FILTER (WHERE bucket >= day_start), 0) AS today_completed,
       coalesce(sum(received), 0) AS month_received,
       coalesce(sum(verified), 0) AS month_verified,
       coalesce(sum(followed_up), 0) AS month_followed_up,
       coalesce(sum(completed), 0) AS month_completed,
       coalesce(sum(followed_up_on_time), 0) AS month_on_time,
       coalesce(sum(follow_up_hk_sum), 0) AS month_hk_sum,
       coalesce(sum(verify_hours_sum), 0) AS month_verify_hours
     FROM complaint_rollup_hour, bounds
     WHERE bucket >= month_start AND bucket <= $2 AND ${where}`,
    params,
  );
  const r = flows.rows[0] ?? {};
  const monthFollowed = num(r.month_followed_up);
  const monthVerified = num(r.month_verified);

  const dims = await pool.query<{ dim: string; key: string; n: number }>(
    `WITH bounds AS (SELECT date_trunc('month', $2::timestamptz AT TIME ZONE $1) AT TIME ZONE $1 AS month_start)
     SELECT 'channel' AS dim, channel AS key, sum(received)::int AS n FROM complaint_rollup_hour, bounds
       WHERE bucket >= month_start AND ${where} GROUP BY channel
     UNION ALL
     SELECT 'classification', classification, sum(received)::int FROM complaint_rollup_hour, bounds
       WHERE bucket >= month_start AND ${where} GROUP BY classification
     UNION ALL
     SELECT 'topic', topic, sum(received)::int FROM complaint_rollup_hour, bounds
       WHERE bucket >= month_start AND topic <> '' AND ${where} GROUP BY topic`,
    params,
  );
  const byChannel: Record<string, number> = {};
  const byClassification: Record<string, number> = {};
  const topics: Array<{ topic: string; received: number }> = [];
  for (const d of dims.rows) {
    if (d.n === 0) continue;
    if (d.dim === 'channel') byChannel[d.key] = d.n;
    else if (d.dim === 'classification') byClassification[d.key] = d.n;
    else topics.push({ topic: d.key, received: d.n });
  }
  topics.sort((a, b) => b.received - a.received || a.topic.localeCompare(b.topic));

  const trend = await pool.query<{ day: string; received: number; completed: number }>(
    `SELECT to_char((bucket AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS day, sum(received)::int AS received,
            sum(completed)::int AS completed
     FROM complaint_rollup_hour
     WHERE bucket >= (date_trunc('day', $2::timestamptz AT TIME ZONE $1) - interval '29 days') AT TIME ZONE $1
       AND bucket <= $2 AND ${where}
     GROUP BY 1 ORDER BY 1`,
    params,
  );

  const ranking = async (column: 'opd_id' | 'regency_code') =>
    pool.query<{ key: string; received: number; followed_up: number; on_time: number }>(
      `WITH bounds AS (SELECT date_trunc('month', $2::timestamptz AT TIME ZONE $1) AT TIME ZONE $1 AS month_start)
       SELECT ${column} AS key, sum(received)::int AS received, sum(followed_up)::int AS followed_up,
              sum(followed_up_on_time)::int AS on_time
       FROM complaint_rollup_hour, bounds
       WHERE bucket >= month_start AND ${column} <> '' AND ${where}
       GROUP BY ${column}`,
      params,
    );
  const [opdFlows, regencyFlows] = await Promise.all([ranking('opd_id'), ranking('regency_code')]);

  const hasComplaintTable =
    (await pool.query(`SELECT to_regclass('complaint') IS NOT NULL AS ok`)).rows[0]?.ok === true;
  const open = { total: 0, overdue: 0, atRisk: 0, byStatus: {} as Record<string, number>, escalated: 0 };
  const overdueBy = { opd: new Map<string, number>(), regency: new Map<string, number>() };
  if (hasComplaintTable) {
    const stocks = await pool.query<{
      status: string;
      opd_id: string | null;
      regency_code: string | null;
      overdue: number;
      at_risk: number;
      escalated: number;
      n: number;
    }>(
      `SELECT status, opd_id, regency_code,
              count(*) FILTER (WHERE deadline_state = 'overdue')::int AS overdue,
              count(*) FILTER (WHERE deadline_state = 'at_risk')::int AS at_risk,
              count(*) FILTER (WHERE escalation_level > 0)::int AS escalated,
              count(*)::int AS n
       FROM complaint
       WHERE status IN ('belum_diverifikasi', 'terverifikasi_didisposisi', 'ditindaklanjuti', 'ditunda', 'bukan_wewenang')
         AND ${where.replaceAll('$3', '$1').replaceAll('$4', '$2')}
       GROUP BY status, opd_id, regency_code`,
      [f.opdId ?? null, f.regencyCode ?? null],
    );
    for (const s of stocks.rows) {
      open.total += s.n;
      open.overdue += s.overdue;
      open.atRisk += s.at_risk;
      open.escalated += s.escalated;
      open.byStatus[s.status] = (open.byStatus[s.status] ?? 0) + s.n;
      if (s.opd_id) overdueBy.opd.set(s.opd_id, (overdueBy.opd.get(s.opd_id) ?? 0) + s.overdue);
      if (s.regency_code)
        overdueBy.regency.set(s.regency_code, (overdueBy.regency.get(s.regency_code) ?? 0) + s.overdue);
    }
  }
  const rank = <K extends string>(rows: typeof opdFlows.rows, overdue: Map<string, number>, keyName: K) => {
    const keys = new Set([...rows.map((x) => x.key), ...overdue.keys()]);
    const byKey = new Map(rows.map((x) => [x.key, x]));
    return [...keys]
      .map((key) => {
        const x = byKey.get(key);
        return {
          [keyName]: key,
          received: x?.received ?? 0,
          followedUp: x?.followed_up ?? 0,
          onTime: x?.on_time ?? 0,
          overdue: overdue.get(key) ?? 0,
        } as { [P in K]: string } & { received: number; followedUp: number; onTime: number; overdue: number };
      })
      .sort(
        (a, b) =>
          b.overdue - a.overdue || b.received - a.received || String(a[keyName]).localeCompare(String(b[keyName])),
      );
  };

  return {
    today: {
      received: num(r.today_received),
      verified: num(r.today_verified),
      followedUp: num(r.today_followed_up),
      completed: num(r.today_completed),
    },
    month: {
      received: num(r.month_received),
      followedUp: monthFollowed,
      completed: num(r.month_completed),
      onTimeShare: monthFollowed > 0 ? num(r.month_on_time) / monthFollowed : null,
      avgFollowUpHK: monthFollowed > 0 ? num(r.month_hk_sum) / monthFollowed : null,
      avgVerifyHours: monthVerified > 0 ? num(r.month_verify_hours) / monthVerified : null,
    },
    byChannel,
    byClassification,
    byTopic: topics.slice(0, 10),
    trend: trend.rows,
    open,
    opdRanking: rank(opdFlows.rows, overdueBy.opd, 'opdId'),
    regencyRanking: rank(regencyFlows.rows, overdueBy.regency, 'regencyCode'),
  };
}
