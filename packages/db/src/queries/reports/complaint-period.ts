import { worstFirst } from '@pantau/domain';
import type { Pool } from '../../connection.ts';

/** A period's complaint flows for one scope, from the daily rollups (the same ones the dashboard reads). */
export interface ComplaintPeriodFigures {
  received: number;
  verified: number;
  followedUp: number;
  followedUpOnTime: number;
  completed: number;
  /** Followed up on time ÷ followed up; null when nothing was followed up. */
  onTimeShare: number | null;
  avgFollowUpHK: number | null;
}

export interface ComplaintPeriodRow extends ComplaintPeriodFigures {
  key: string;
  /** Open and overdue now (the stock counters), for the ranking's "worst first". */
  overdueNow: number;
}

export interface ComplaintPeriodReport {
  total: ComplaintPeriodFigures;
  byOpd: ComplaintPeriodRow[];
  byRegency: ComplaintPeriodRow[];
  openNow: { total: number; overdue: number; atRisk: number; escalated: number };
}

const empty = (): ComplaintPeriodFigures => ({
  received: 0,
  verified: 0,
  followedUp: 0,
  followedUpOnTime: 0,
  completed: 0,
  onTimeShare: null,
  avgFollowUpHK: null,
});

const OPEN = ['belum_diverifikasi', 'terverifikasi_didisposisi', 'ditindaklanjuti', 'ditunda', 'bukan_wewenang'];

/**
 * Complaint figures of local days `from`…`to` (inclusive) for a scope (`province`, `opd:<id>`,
 * `regency:<code>`), in total and by OPD and kabupaten/kota, plus the open stock now. Sums the same
 * daily rollups as the dashboard's month figures, so a report of this month equals the dashboard.
 */
export async function complaintPeriodReport(
  pool: Pool,
  f: { scope: string; from: string; to: string },
): Promise<ComplaintPeriodReport> {
  const { rows } = await pool.query<{
    dim: string;
    key: string;
    received: number;
    verified: number;
    followed_up: number;
    completed: number;
    on_time: number;
    hk_sum: number;
  }>(
    `SELECT dim, key, sum(received)::int AS received, sum(verified)::int AS verified,
            sum(followed_up)::int AS followed_up, sum(completed)::int AS completed,
            sum(followed_up_on_time)::int AS on_time, sum(follow_up_hk_sum)::int AS hk_sum
     FROM complaint_rollup_day
     WHERE scope = $1 AND dim IN ('total', 'opd', 'regency') AND day >= $2::date AND day <= $3::date
     GROUP BY dim, key`,
    [f.scope, f.from, f.to],
  );
  const figures = (r: (typeof rows)[number]): ComplaintPeriodFigures => ({
    received: r.received,
    verified: r.verified,
    followedUp: r.followed_up,
    followedUpOnTime: r.on_time,
    completed: r.completed,
    onTimeShare: r.followed_up > 0 ? r.on_time / r.followed_up : null,
    avgFollowUpHK: r.followed_up > 0 ? r.hk_sum / r.followed_up : null,
  });
  const report: ComplaintPeriodReport = {
    total: empty(),
    byOpd: [],
    byRegency: [],
    openNow: { total: 0, overdue: 0, atRisk: 0, escalated: 0 },
  };
  const rowsBy = { opd: new Map<string, ComplaintPeriodRow>(), regency: new Map<string, ComplaintPeriodRow>() };
  const row = (dim: 'opd' | 'regency', key: string) => {
    let r = rowsBy[dim].get(key);
    if (!r) rowsBy[dim].set(key, (r = { key, overdueNow: 0, ...empty() }));
    return r;
  };
  for (const r of rows) {
    if (r.dim === 'total') report.total = figures(r);
    else if (r.dim === 'opd' || r.dim === 'regency') Object.assign(row(r.dim, r.key), figures(r));
  }
  const { rows: stock } = await pool.query<{
    dim: string;
    key: string;
    deadline_state: string;
    escalated: boolean;
    n: number;
  }>(
    `SELECT dim, key, deadline_state, escalated, sum(n)::int AS n FROM complaint_stock
     WHERE scope = $1 AND n <> 0 AND status = ANY ($2) GROUP BY dim, key, deadline_state, escalated`,
    [f.scope, OPEN],
  );
  for (const s of stock) {
    if (s.dim === 'total') {
      report.openNow.total += s.n;
      if (s.deadline_state === 'overdue') report.openNow.overdue += s.n;
      if (s.deadline_state === 'at_risk') report.openNow.atRisk += s.n;
      if (s.escalated) report.openNow.escalated += s.n;
    } else if ((s.dim === 'opd' || s.dim === 'regency') && s.deadline_state === 'overdue') {
      row(s.dim, s.key).overdueNow += s.n;
    }
  }
  // Worst first, by the one ranking rule (domain): most overdue now, lowest judged share, most received.
  const facts = (r: ComplaintPeriodRow) => ({
    key: r.key,
    overdue: r.overdueNow,
    onTime: r.followedUpOnTime,
    followedUp: r.followedUp,
    received: r.received,
  });
  report.byOpd = worstFirst(
    [...rowsBy.opd.values()].filter((r) => r.key !== ''),
    facts,
  );
  report.byRegency = worstFirst(
    [...rowsBy.regency.values()].filter((r) => r.key !== ''),
    facts,
  );
  return report;
}

/** A case on the late list: what the report may show (no title, no body, no reporter). */
export interface LateComplaint {
  trackingId: string;
  opdId: string | null;
  regencyCode: string | null;
  status: string;
  deadlineAt: Date;
  escalationLevel: number;
}

/** Open complaints past their step deadline, longest overdue first. */
export async function lateComplaints(
  pool: Pool,
  f: { opdId?: string | null; regencyCode?: string | null; limit: number },
): Promise<LateComplaint[]> {
  const { rows } = await pool.query<{
    tracking_id: string;
    opd_id: string | null;
    regency_code: string | null;
    status: string;
    deadline_at: Date;
    escalation_level: number;
  }>(
    `SELECT tracking_id, opd_id, regency_code, status, deadline_at, escalation_level FROM complaint
     WHERE deadline_state = 'overdue' AND status = ANY ($1)
       AND ($2::text IS NULL OR opd_id = $2) AND ($3::text IS NULL OR regency_code = $3)
     ORDER BY deadline_at, id LIMIT $4`,
    [OPEN, f.opdId ?? null, f.regencyCode ?? null, f.limit],
  );
  return rows.map((r) => ({
    trackingId: r.tracking_id,
    opdId: r.opd_id,
    regencyCode: r.regency_code,
    status: r.status,
    deadlineAt: r.deadline_at,
    escalationLevel: r.escalation_level,
  }));
}
