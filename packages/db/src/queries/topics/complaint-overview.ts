import { addDays, flowShare, lastMonths, localDateOf, worstFirst } from '@pantau/domain';
import type { ComplaintFigures, MonthFlows, RankedFlows as Ranked } from '@pantau/contracts';
import type { Pool } from '../../connection.ts';

export interface OverviewFilter {
  timeZone: string;
  opdId?: string | null;
  regencyCode?: string | null;
  /** 'now' by default; benchmarks and tests pin it. */
  now?: Date;
}

/** The wire type is the contract's: this query builds it, the wall and the dashboard read it. */
export type ComplaintOverview = ComplaintFigures;
export type { MonthFlows };

const OPEN = ['belum_diverifikasi', 'terverifikasi_didisposisi', 'ditindaklanjuti', 'ditunda', 'bukan_wewenang'];

/**
 * Every complaint figure a screen shows for the province, one OPD or one regency: flows from the daily
 * per-dimension rollups (a month of any breakdown is a few hundred rows), stocks from the open-complaint
 * counters. Never reads complaints or events. Days are local days in `timeZone`.
 */
export async function complaintOverview(pool: Pool, f: OverviewFilter): Promise<ComplaintOverview> {
  const scope = f.opdId ? `opd:${f.opdId}` : f.regencyCode ? `regency:${f.regencyCode}` : 'province';
  const now = f.now ?? new Date();
  const today = localDateOf(now, f.timeZone);
  const monthStart = `${today.slice(0, 8)}01`;
  const trendStart = addDays(today, -29);
  const from = monthStart < trendStart ? monthStart : trendStart;
  // Daily totals for the trend and the month; breakdowns summed over the month in SQL (a few dozen rows).
  const { rows } = await pool.query<{
    day: string;
    dim: string;
    key: string;
    received: number;
    verified: number;
    followed_up: number;
    completed: number;
    followed_up_on_time: number;
    follow_up_hk_sum: number;
    verify_seconds_sum: number;
  }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, dim, key, received, verified, followed_up, completed, followed_up_on_time,
            follow_up_hk_sum, verify_seconds_sum
     FROM complaint_rollup_day WHERE scope = $1 AND dim = 'total' AND day >= $2::date AND day <= $3::date
     UNION ALL
     SELECT $4::text, dim, key, sum(received)::int, sum(verified)::int, sum(followed_up)::int, sum(completed)::int,
            sum(followed_up_on_time)::int, sum(follow_up_hk_sum)::int, sum(verify_seconds_sum)::bigint
     FROM complaint_rollup_day WHERE scope = $1 AND dim <> 'total' AND day >= $4::date AND day <= $3::date
     GROUP BY dim, key`,
    [scope, from, today, monthStart],
  );
  const o: ComplaintOverview = {
    today: { received: 0, verified: 0, followedUp: 0, completed: 0 },
    todayByHour: [],
    lastHourReceived: 0,
    month: { received: 0, followedUp: 0, completed: 0, onTimeShare: null, avgFollowUpHK: null, avgVerifyHours: null },
    year: { received: 0, followedUp: 0, completed: 0, onTimeShare: null, followUpRate: null, completionRate: null },
    months: [],
    byChannel: {},
    byClassification: {},
    byTopic: [],
    trend: [],
    open: { total: 0, overdue: 0, atRisk: 0, byStatus: {}, escalated: 0 },
    opdRanking: [],
    regencyRanking: [],
  };
  let verified = 0;
  let onTime = 0;
  let hkSum = 0;
  let verifyHours = 0;
  const topics = new Map<string, number>();
  const rank = { opd: new Map<string, Ranked>(), regency: new Map<string, Ranked>() };
  const ranked = (m: Map<string, Ranked>, k: string) => {
    let r = m.get(k);
    if (!r) m.set(k, (r = { received: 0, followedUp: 0, onTime: 0, overdue: 0 }));
    return r;
  };
  for (const r of rows) {
    const inMonth = r.day >= monthStart;
    if (r.dim === 'total') {
      if (r.day >= trendStart) o.trend.push({ day: r.day, received: r.received, completed: r.completed });
      if (r.day === today)
        o.today = { received: r.received, verified: r.verified, followedUp: r.followed_up, completed: r.completed };
      if (inMonth) {
        o.month.received += r.received;
        o.month.followedUp += r.followed_up;
        o.month.completed += r.completed;
        verified += r.verified;
        onTime += r.followed_up_on_time;
        hkSum += r.follow_up_hk_sum;
        verifyHours += r.verify_seconds_sum / 3600;
      }
      continue;
    }
    if (!inMonth) continue;
    if (r.dim === 'channel') o.byChannel[r.key] = (o.byChannel[r.key] ?? 0) + r.received;
    else if (r.dim === 'classification') o.byClassification[r.key] = (o.byClassification[r.key] ?? 0) + r.received;
    else if (r.dim === 'topic') topics.set(r.key, (topics.get(r.key) ?? 0) + r.received);
  }
  o.trend.sort((a, b) => a.day.localeCompare(b.day));
  for (const m of [o.byChannel, o.byClassification]) for (const k of Object.keys(m)) if (m[k] === 0) delete m[k];
  o.byTopic = [...topics]
    .filter(([, n]) => n > 0)
    .map(([topic, received]) => ({ topic, received }))
    .sort((a, b) => b.received - a.received || a.topic.localeCompare(b.topic))
    .slice(0, 10);
  o.month.onTimeShare = o.month.followedUp > 0 ? onTime / o.month.followedUp : null;
  o.month.avgFollowUpHK = o.month.followedUp > 0 ? hkSum / o.month.followedUp : null;
  o.month.avgVerifyHours = verified > 0 ? verifyHours / verified : null;

  // The last 12 months and the rankings over them: a few hundred day rows summed in SQL.
  const months = lastMonths(today.slice(0, 7), 12);
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const { rows: long } = await pool.query<{
    dim: string;
    key: string;
    received: number;
    followed_up: number;
    completed: number;
    followed_up_on_time: number;
  }>(
    `SELECT dim, CASE WHEN dim = 'total' THEN to_char(day, 'YYYY-MM') ELSE key END AS key, sum(received)::int AS received,
            sum(followed_up)::int AS followed_up, sum(completed)::int AS completed, sum(followed_up_on_time)::int AS followed_up_on_time
     FROM complaint_rollup_day WHERE scope = $1 AND dim IN ('total', 'opd', 'regency') AND day >= $2::date AND day <= $3::date
     GROUP BY 1, 2`,
    [scope, `${months[0]}-01`, today],
  );
  const byMonth = new Map<string, MonthFlows>(
    months.map((month) => [month, { month, received: 0, followedUp: 0, completed: 0 }]),
  );
  let yearOnTime = 0;
  for (const r of long) {
    if (r.dim === 'total') {
      const m = byMonth.get(r.key);
      if (!m) continue;
      m.received = r.received;
      m.followedUp = r.followed_up;
      m.completed = r.completed;
      if (r.key >= yearStart.slice(0, 7)) yearOnTime += r.followed_up_on_time;
    } else if (r.dim === 'opd' || r.dim === 'regency') {
      const x = ranked(rank[r.dim], r.key);
      x.received += r.received;
      x.followedUp += r.followed_up;
      x.onTime += r.followed_up_on_time;
    }
  }
  o.months = [...byMonth.values()];
  for (const m of o.months) {
    if (m.month < yearStart.slice(0, 7)) continue;
    o.year.received += m.received;
    o.year.followedUp += m.followedUp;
    o.year.completed += m.completed;
  }
  o.year.onTimeShare = o.year.followedUp > 0 ? yearOnTime / o.year.followedUp : null;
  o.year.followUpRate = flowShare(o.year.followedUp, o.year.received);
  o.year.completionRate = flowShare(o.year.completed, o.year.received);

  const { rows: hours } = await pool.query<{ hour: string; received: number; completed: number }>(
    `SELECT to_char(bucket AT TIME ZONE $2, 'HH24') AS hour, received, completed FROM complaint_rollup_hour
     WHERE scope = $1 AND (bucket AT TIME ZONE $2)::date = $3::date ORDER BY bucket`,
    [scope, f.timeZone, today],
  );
  o.todayByHour = hours.filter((h) => h.received !== 0 || h.completed !== 0);
  const { rows: minutes } = await pool.query<{ n: number }>(
    `SELECT coalesce(sum(received), 0)::int AS n FROM complaint_rollup_minute WHERE scope = $1 AND bucket > $2::timestamptz - interval '60 minutes' AND bucket <= $2`,
    [scope, now],
  );
  o.lastHourReceived = minutes[0]?.n ?? 0;

  const { rows: stock } = await pool.query<{
    dim: string;
    key: string;
    status: string;
    deadline_state: string;
    escalated: boolean;
    n: number;
  }>(
    `SELECT dim, key, status, deadline_state, escalated, n FROM complaint_stock WHERE scope = $1 AND n <> 0 AND status = ANY($2)`,
    [scope, OPEN],
  );
  for (const s of stock) {
    if (s.dim === 'total') {
      o.open.total += s.n;
      o.open.byStatus[s.status] = (o.open.byStatus[s.status] ?? 0) + s.n;
      if (s.deadline_state === 'overdue') o.open.overdue += s.n;
      if (s.deadline_state === 'at_risk') o.open.atRisk += s.n;
      if (s.escalated) o.open.escalated += s.n;
    } else if ((s.dim === 'opd' || s.dim === 'regency') && s.deadline_state === 'overdue') {
      ranked(rank[s.dim], s.key).overdue += s.n;
    }
  }
  const facts = ([k, r]: [string, Ranked]) => ({ key: k, ...r });
  o.opdRanking = worstFirst([...rank.opd], facts).map(([k, r]) => ({ opdId: k, ...r }));
  o.regencyRanking = worstFirst([...rank.regency], facts).map(([k, r]) => ({ regencyCode: k, ...r }));
  return o;
}
