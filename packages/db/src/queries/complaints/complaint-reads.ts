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
}

export interface ComplaintListRow {
  id: string;
  trackingId: string;
  title: string;
  status: string;
  opdId: string | null;
  regencyCode: string | null;
  channel: string;
  classification: string;
  topic: string | null;
  isAnonim: boolean;
  isRahasia: boolean;
  submittedAt: string;
  deadlineStep: string | null;
  deadlineAt: string | null;
  deadlineState: string;
  escalationLevel: number;
  /** The overall completion target (62/2018 tier), null once closed. */
  completionDueAt: string | null;
  version: number;
}

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
    where.push(`(tracking_id = ${p(filter.q)} OR title ILIKE ${p(like)})`);
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

export interface ComplaintTimelineEntry {
  at: string;
  kind: 'event' | 'escalation' | 'acknowledgement' | 'note';
  type: string;
  actor: string;
  details: Record<string, unknown>;
}

/** One complaint with its timeline (events, escalations, acknowledgements, notes); no personal data. */
export async function complaintDetail(
  pool: Pool,
  id: number,
): Promise<{ row: ComplaintListRow; timeline: ComplaintTimelineEntry[] } | null> {
  const { rows } = await pool.query(`SELECT ${COLUMNS} FROM complaint WHERE id = $1`, [id]);
  if (!rows[0]) return null;
  const events = await pool.query<{ type: string; actor: string; occurred_at: Date; payload: Record<string, unknown> }>(
    'SELECT type, actor, occurred_at, payload FROM complaint_event WHERE complaint_id = $1 ORDER BY occurred_at, id',
    [id],
  );
  const escalations = await pool.query<{
    level: number;
    raised_at: Date;
    acknowledged_at: Date | null;
    acknowledged_by: string | null;
    reason: string | null;
  }>(
    // People are shown by name: actors are stored as ids (`user:<id>`), names can change.
    `SELECT e.level, e.raised_at, e.acknowledged_at, coalesce(u.display_name, e.acknowledged_by) AS acknowledged_by, e.reason
     FROM escalation e LEFT JOIN app_user u ON e.acknowledged_by IN (u.id, 'user:' || u.id)
     WHERE e.complaint_id = $1 ORDER BY e.raised_at, e.level`,
    [id],
  );
  const audited = await pool.query<{
    at: Date;
    action: string;
    actor: string;
    details: { text?: string; level?: number; reason?: string };
  }>(
    `SELECT a.at, a.action, coalesce(u.display_name, a.actor) AS actor, a.details FROM audit_log a
     LEFT JOIN app_user u ON a.actor IN (u.id, 'user:' || u.id)
     WHERE a.entity = 'complaint' AND a.entity_id = $1 AND a.action IN ('complaint.note', 'complaint.escalate') ORDER BY a.seq`,
    [String(id)],
  );
  const notes = { rows: audited.rows.filter((a) => a.action === 'complaint.note') };
  // A step raised by hand names who raised it and why; the others come from the deadline watcher.
  const manual = new Map(
    audited.rows.filter((a) => a.action === 'complaint.escalate').map((a) => [Number(a.details.level), a]),
  );
  const timeline: ComplaintTimelineEntry[] = [
    ...events.rows.map((e) => {
      const { type: _t, eventId: _e, occurredAt: _o, ...details } = e.payload;
      return { at: e.occurred_at.toISOString(), kind: 'event' as const, type: e.type, actor: e.actor, details };
    }),
    ...escalations.rows.flatMap((e) => [
      {
        at: e.raised_at.toISOString(),
        kind: 'escalation' as const,
        type: `level_${e.level}`,
        actor: manual.get(e.level)?.actor ?? 'system:deadline-watcher',
        details: {
          level: e.level,
          ...(manual.get(e.level)?.details.reason ? { reason: manual.get(e.level)!.details.reason } : {}),
        },
      },
      ...(e.acknowledged_at
        ? [
            {
              at: e.acknowledged_at.toISOString(),
              kind: 'acknowledgement' as const,
              type: `level_${e.level}`,
              actor: e.acknowledged_by ?? '',
              details: { reason: e.reason },
            },
          ]
        : []),
    ]),
    ...notes.rows.map((n) => ({
      at: n.at.toISOString(),
      kind: 'note' as const,
      type: 'note',
      actor: n.actor,
      details: { text: n.details.text ?? '' },
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
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
export async function acknowledgeEscalations(
  client: PoolClient,
  id: number,
  by: string,
  reason: string,
): Promise<number[]> {
  const { rows } = await client.query<{ level: number }>(
    `UPDATE escalation SET acknowledged_at = now(), acknowledged_by = $2, reason = $3
     WHERE complaint_id = $1 AND acknowledged_at IS NULL RETURNING level`,
    [id, by, reason],
  );
  return rows.map((r) => r.level).sort();
}
