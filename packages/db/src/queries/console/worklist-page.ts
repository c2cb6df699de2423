import type { WorklistKind, WorklistRow } from '@pantau/contracts';
import type { WorklistSort } from '@pantau/contracts/constants';
import type { Pool } from '../../connection.ts';

export interface WorklistFilter {
  kinds?: WorklistKind[];
  opdId?: string;
  regencyCode?: string;
  channel?: string;
  topic?: string;
  status?: string[];
  deadlineState?: Array<'overdue' | 'at_risk'>;
  minStep?: number;
  /** A tracking id or registration number. */
  q?: string;
  /** Owned by this user; null: owned by no one; absent: anyone's. */
  assigneeId?: string | null;
}

export type { WorklistKind, WorklistRow } from '@pantau/contracts';

const OPEN_COMPLAINT = ['belum_diverifikasi', 'terverifikasi_didisposisi', 'ditindaklanjuti', 'bukan_wewenang'];

/**
 * Every branch names its columns: a UNION takes its column names from its first branch, and the first
 * branch is whichever kinds the filter asks for (`kind=ppid_request` alone once failed with `column
 * "kind" does not exist`).
 *
 * What is late or about to be, across the three streams, filtered, sorted and paged in SQL (so it stays
 * fast with 100,000 open items): complaints and PPID requests by their working-day deadline state,
 * social comments that need a reply by the reply target (at risk after three quarters of it). No free
 * text and no personal data: an officer opens an item for those.
 */
function worklistUnion(f: WorklistFilter, replyTargetMinutes: number): { sql: string | null; params: unknown[] } {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const states = f.deadlineState?.length ? f.deadlineState : ['overdue', 'at_risk'];
  const kinds = f.kinds?.length ? f.kinds : ['complaint', 'ppid_request', 'social_comment'];
  const parts: string[] = [];
  // Filters that every branch can apply inside itself, so each uses its own indexes.
  const common = (alias: { opd: string; channel: string; state: string; tracking: string }) => {
    const w: string[] = [`${alias.state} = ANY(${p(states)}::text[])`];
    if (f.assigneeId === null) w.push('asg.assignee_id IS NULL');
    else if (f.assigneeId !== undefined) w.push(`asg.assignee_id = ${p(f.assigneeId)}`);
    if (f.opdId) w.push(`${alias.opd} = ${p(f.opdId)}`);
    if (f.channel) w.push(`${alias.channel} = ${p(f.channel)}`);
    if (f.q) w.push(`${alias.tracking} = ${p(f.q)}`);
    return w;
  };
  if (kinds.includes('complaint')) {
    const w = common({ opd: 'c.opd_id', channel: 'c.channel', state: 'c.deadline_state', tracking: 'c.tracking_id' });
    w.push(`c.status = ANY(${p(OPEN_COMPLAINT)}::text[])`);
    if (f.regencyCode) w.push(`c.regency_code = ${p(f.regencyCode)}`);
    if (f.topic) w.push(`c.topic = ${p(f.topic)}`);
    if (f.status?.length) w.push(`c.status = ANY(${p(f.status)}::text[])`);
    if (f.minStep) w.push(`c.escalation_level >= ${p(f.minStep)}`);
    parts.push(`SELECT 'complaint' AS kind, c.id::text AS id, c.tracking_id, c.opd_id, c.regency_code, c.channel, c.topic,
        c.status, c.submitted_at AS started_at, c.deadline_at, c.deadline_state, c.deadline_step, c.escalation_level,
        coalesce(ack.display_name, e.acknowledged_by) AS acknowledged_by, e.acknowledged_at, c.version,
        asg.assignee_id, own.display_name AS assignee_name
      FROM complaint c
      LEFT JOIN item_assignment asg ON asg.kind = 'complaint' AND asg.item_id = c.id
      LEFT JOIN app_user own ON own.id = asg.assignee_id
      LEFT JOIN LATERAL (SELECT acknowledged_by, acknowledged_at FROM escalation
                         WHERE complaint_id = c.id AND acknowledged_at IS NOT NULL ORDER BY acknowledged_at DESC LIMIT 1) e ON true
      LEFT JOIN app_user ack ON e.acknowledged_by IN ('user:' || ack.id, ack.id)
      WHERE ${w.join(' AND ')}`);
  }
  if (kinds.includes('ppid_request') && !f.regencyCode && !f.topic) {
    const w = common({ opd: 'r.opd_id', channel: 'r.channel', state: 'r.deadline_state', tracking: 'r.reg_no' });
    if (f.status?.length) w.push(`r.status = ANY(${p(f.status)}::text[])`);
    if (f.minStep) w.push(`r.escalation_level >= ${p(f.minStep)}`);
    parts.push(`SELECT 'ppid_request' AS kind, r.id::text AS id, r.reg_no AS tracking_id, r.opd_id, NULL::text AS regency_code,
        r.channel, NULL::text AS topic, r.status, r.received_at AS started_at, r.deadline_at, r.deadline_state,
        r.deadline_step, r.escalation_level, coalesce(ack.display_name, e.acknowledged_by) AS acknowledged_by,
        e.acknowledged_at, r.version, asg.assignee_id, own.display_name AS assignee_name
      FROM ppid_request r
      LEFT JOIN item_assignment asg ON asg.kind = 'ppid_request' AND asg.item_id = r.id
      LEFT JOIN app_user own ON own.id = asg.assignee_id
      LEFT JOIN LATERAL (SELECT acknowledged_by, acknowledged_at FROM ppid_escalation
                         WHERE request_id = r.id AND acknowledged_at IS NOT NULL ORDER BY acknowledged_at DESC LIMIT 1) e ON true
      LEFT JOIN app_user ack ON e.acknowledged_by IN ('user:' || ack.id, ack.id)
      WHERE ${w.join(' AND ')}`);
  }
  if (kinds.includes('social_comment') && !f.regencyCode && !f.topic && !f.minStep && !f.status?.length) {
    const target = p(replyTargetMinutes);
    const state = `CASE WHEN i.received_at + make_interval(mins => ${target}) < now() THEN 'overdue' ELSE 'at_risk' END`;
    const w = common({ opd: 'a.opd_id', channel: 'a.platform', state, tracking: 'i.external_id' });
    w.push('i.needs_reply', 'i.replied_at IS NULL', `i.received_at < now() - make_interval(mins => ${target}) * 0.75`);
    parts.push(`SELECT 'social_comment' AS kind, i.id::text AS id, i.external_id AS tracking_id, a.opd_id,
        NULL::text AS regency_code, a.platform AS channel, i.issue_tag AS topic, 'belum_dibalas' AS status,
        i.received_at AS started_at, i.received_at + make_interval(mins => ${target}) AS deadline_at,
        ${state} AS deadline_state, 'reply' AS deadline_step, 0 AS escalation_level, NULL::text AS acknowledged_by,
        NULL::timestamptz AS acknowledged_at, 0 AS version, asg.assignee_id, own.display_name AS assignee_name
      FROM social_interaction i JOIN social_account a ON a.id = i.account_id
      LEFT JOIN item_assignment asg ON asg.kind = 'social_comment' AND asg.item_id = i.id
      LEFT JOIN app_user own ON own.id = asg.assignee_id
      WHERE ${w.join(' AND ')}`);
  }
  return { sql: parts.length ? parts.join(' UNION ALL ') : null, params };
}

export async function worklistPage(
  pool: Pool,
  f: WorklistFilter,
  sort: WorklistSort,
  dir: 'asc' | 'desc',
  limit: number,
  offset: number,
  replyTargetMinutes = 1440,
): Promise<{ rows: WorklistRow[]; total: number }> {
  const { sql, params } = worklistUnion(f, replyTargetMinutes);
  if (!sql) return { rows: [], total: 0 };
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const order: Record<WorklistSort, string> = {
    deadline: `deadline_at ${dir} NULLS LAST`,
    age: `started_at ${dir === 'asc' ? 'desc' : 'asc'}`,
    step: `escalation_level ${dir}, deadline_at ASC NULLS LAST`,
    opd: `opd_id ${dir} NULLS LAST, deadline_at ASC NULLS LAST`,
    kind: `kind ${dir}, deadline_at ASC NULLS LAST`,
    status: `status ${dir}, deadline_at ASC NULLS LAST`,
  };
  const { rows } = await pool.query(
    `SELECT *, count(*) OVER () AS total FROM (${sql}) items
     ORDER BY ${order[sort]}, kind, id LIMIT ${p(limit)} OFFSET ${p(offset)}`,
    params,
  );
  let total = rows.length ? Number(rows[0].total) : 0;
  if (rows.length === 0 && offset > 0) {
    const { rows: c } = await pool.query(`SELECT count(*)::int AS n FROM (${sql}) items`, params.slice(0, -2));
    total = c[0].n;
  }
  return {
    total,
    rows: rows.map((r) => ({
      kind: r.kind,
      id: r.id,
      trackingId: r.tracking_id,
      opdId: r.opd_id ?? null,
      regencyCode: r.regency_code ?? null,
      channel: r.channel,
      topic: r.topic ?? null,
      status: r.status,
      startedAt: new Date(r.started_at).toISOString(),
      deadlineAt: r.deadline_at ? new Date(r.deadline_at).toISOString() : null,
      deadlineState: r.deadline_state,
      deadlineStep: r.deadline_step ?? null,
      escalationLevel: Number(r.escalation_level),
      acknowledgedBy: r.acknowledged_by ?? null,
      acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at).toISOString() : null,
      version: Number(r.version),
      assigneeId: r.assignee_id ?? null,
      assigneeName: r.assignee_name ?? null,
    })),
  };
}

/** Late and at-risk counts per OPD for the same filter (the console's grouping). */
export async function worklistGroups(
  pool: Pool,
  f: WorklistFilter,
  replyTargetMinutes = 1440,
): Promise<Array<{ opdId: string | null; total: number; overdue: number; atRisk: number }>> {
  const { sql, params } = worklistUnion(f, replyTargetMinutes);
  if (!sql) return [];
  const { rows } = await pool.query<{ opd_id: string | null; total: number; overdue: number; at_risk: number }>(
    `SELECT opd_id, count(*)::int AS total, count(*) FILTER (WHERE deadline_state = 'overdue')::int AS overdue,
            count(*) FILTER (WHERE deadline_state = 'at_risk')::int AS at_risk
     FROM (${sql}) items GROUP BY opd_id ORDER BY overdue DESC, total DESC, opd_id NULLS LAST`,
    params,
  );
  return rows.map((r) => ({ opdId: r.opd_id, total: r.total, overdue: r.overdue, atRisk: r.at_risk }));
}
