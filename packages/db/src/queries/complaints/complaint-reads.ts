import type { ComplaintListRow } from '@pantau/contracts';
import { caseTimeline, type CaseTimelineEntry } from '../deadlines/case-timeline.ts';
import { acknowledgeCaseEscalations } from '../deadlines/escalation-writes.ts';
import type { Pool, PoolClient } from '../../connection.ts';

export interface ComplaintListFilter {
  status?: string[];
  opdId?: string;
  regencyCode?: string;
  channel?: string;
  deadlineState?: Array<'on_time' | 'at_risk' | 'overdue' | 'paused' | 'none'>;
  minEscalationLevel?: number;
  topic?: string;
  /** Submitted at or after this instant (a drilldown's period start). */
  submittedFrom?: Date;
  /** Submitted before this instant (a drilldown's period end). */
  submittedBefore?: Date;
  /** Matches the tracking id or words of the title (never the body, which may be rahasia). */
  q?: string;
  /**
   * Whether `q` may match the titles of rahasia reports: only for a principal allowed to read them
   * (else a search would reveal a title word by word). @default false
   */
  searchRahasiaTitles?: boolean;
}

export type { ComplaintListRow } from '@pantau/contracts';

export type ComplaintSort = 'deadline' | 'newest';

const COLUMNS = `id::text, tracking_id, title, status, opd_id, regency_code, channel, classification, topic, is_anonim, is_rahasia,
  submitted_at, deadline_step, deadline_at, deadline_state, escalation_level, completion_due_at, version`;

function toRow(r: Record<string, unknown>): ComplaintListRow {
  return {
    id: String(r.id),
    trackingId: String(r.tracking_id),
    title: String(r.title),
    status: String(r.status),
    opdId: (r.opd_id as string | null) ?? null,
    regencyCode: (r.regency_code as string | null) ?? null,
    channel: String(r.channel),
    classification: String(r.classification),
    topic: (r.topic as string | null) ?? null,
    isAnonim: Boolean(r.is_anonim),
    isRahasia: Boolean(r.is_rahasia),
    submittedAt: (r.submitted_at as Date).toISOString(),
    deadlineStep: (r.deadline_step as string | null) ?? null,
    deadlineAt: r.deadline_at ? (r.deadline_at as Date).toISOString() : null,
    deadlineState: String(r.deadline_state),
    escalationLevel: Number(r.escalation_level),
    completionDueAt: r.completion_due_at ? (r.completion_due_at as Date).toISOString() : null,
    version: Number(r.version),
  };
}

/**
 * A page of complaints with server-side filters and keyset pagination: `after` is the last row of the
 * previous page, so pages stay fast at any depth. No reporter data and no body text, ever.
 */
export async function listComplaints(
  pool: Pool,
  filter: ComplaintListFilter,
  sort: ComplaintSort,
  limit: number,
  after: { key: string | null; id: number } | null,
): Promise<ComplaintListRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (filter.status?.length) where.push(`status = ANY(${p(filter.status)}::text[])`);
  if (filter.opdId) where.push(`opd_id = ${p(filter.opdId)}`);
  if (filter.regencyCode) where.push(`regency_code = ${p(filter.regencyCode)}`);
  if (filter.channel) where.push(`channel = ${p(filter.channel)}`);
  if (filter.deadlineState?.length) where.push(`deadline_state = ANY(${p(filter.deadlineState)}::text[])`);
  if (filter.topic) where.push(`topic = ${p(filter.topic)}`);
  if (filter.submittedFrom) where.push(`submitted_at >= ${p(filter.submittedFrom)}`);
  if (filter.submittedBefore) where.push(`submitted_at < ${p(filter.submittedBefore)}`);
  if (filter.minEscalationLevel) where.push(`escalation_level >= ${p(filter.minEscalationLevel)}`);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    const rahasia = filter.searchRahasiaTitles ? '' : ' AND NOT is_rahasia';
    where.push(`(tracking_id = ${p(filter.q)} OR (title ILIKE ${p(like)}${rahasia}))`);
  }
  // Keyset: (deadline_at, id) ascending with NULLs last, or (submitted_at, id) descending.
  const far = '9999-12-31T00:00:00Z';
  if (after) {
    if (sort === 'deadline')
      where.push(
        `(coalesce(deadline_at, ${p(far)}::timestamptz), id) > (${p(after.key ?? far)}::timestamptz, ${p(after.id)})`,
      );
    else where.push(`(submitted_at, id) < (${p(after.key)}::timestamptz, ${p(after.id)})`);
  }
  const order = sort === 'deadline' ? `coalesce(deadline_at, '${far}'::timestamptz), id` : 'submitted_at DESC, id DESC';
  const { rows } = await pool.query(
    `SELECT ${COLUMNS} FROM complaint ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ${p(limit)}`,
    params,
  );
  return rows.map(toRow);
}

export type ComplaintTimelineEntry = CaseTimelineEntry;

/** One complaint with its timeline (events, escalations, acknowledgements, notes); no personal data. */
export async function complaintDetail(
  pool: Pool,
  id: number,
): Promise<{ row: ComplaintListRow; timeline: ComplaintTimelineEntry[] } | null> {
  const { rows } = await pool.query(`SELECT ${COLUMNS} FROM complaint WHERE id = $1`, [id]);
  if (!rows[0]) return null;
  const timeline: ComplaintTimelineEntry[] = await caseTimeline(pool, 'complaint', id);
  return { row: toRow(rows[0]), timeline };
}

/** PERSONAL DATA: the reporter and the body. Only for callers that passed `canSeePersonalData`. */
export async function complaintPersonalData(
  pool: Pool,
  id: number,
): Promise<{
  body: string | null;
  reporter: { name: string | null; contact: string | null; email: string | null } | null;
}> {
  const body = await pool.query<{ body: string }>('SELECT body FROM complaint_body WHERE complaint_id = $1', [id]);
  const rep = await pool.query<{ name: string | null; contact: string | null; email: string | null }>(
    'SELECT name, contact, email FROM complaint_reporter WHERE complaint_id = $1',
    [id],
  );
  return { body: body.rows[0]?.body ?? null, reporter: rep.rows[0] ?? null };
}

/** Locks a complaint for an action; null when it does not exist. */
export interface LockedComplaintRow {
  source: string;
  externalId: string;
  version: number;
  status: string;
  opdId: string | null;
  regencyCode: string | null;
  isRahasia: boolean;
  escalationLevel: number;
  deadlineAt: Date | null;
  deadlineState: string;
}

export async function lockComplaintById(client: PoolClient, id: number): Promise<LockedComplaintRow | null> {
  const { rows } = await client.query(
    'SELECT source, external_id, version, status, opd_id, regency_code, is_rahasia, escalation_level, deadline_at, deadline_state FROM complaint WHERE id = $1 FOR UPDATE',
    [id],
  );
  const r = rows[0];
  return r
    ? {
        source: r.source,
        externalId: r.external_id,
        version: r.version,
        status: r.status,
        opdId: r.opd_id,
        regencyCode: r.regency_code,
        isRahasia: r.is_rahasia,
        escalationLevel: r.escalation_level,
        deadlineAt: r.deadline_at,
        deadlineState: r.deadline_state,
      }
    : null;
}

/** Marks the complaint's raised, unacknowledged escalation steps as acknowledged; returns their levels. */
/** Acknowledges a complaint's open escalation levels (see acknowledgeCaseEscalations). */
export const acknowledgeEscalations = (client: PoolClient, id: number, by: string, reason: string): Promise<number[]> =>
  acknowledgeCaseEscalations(client, 'complaint', id, by, reason);
