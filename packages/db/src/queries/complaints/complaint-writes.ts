import type { ComplaintState } from '@pantau/domain';
import type { PoolClient } from '../../connection.ts';

export interface LockedComplaint {
  id: number;
  state: ComplaintState;
  escalationLevel: number;
}

const revive = (s: ComplaintState): ComplaintState => {
  const d = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  return {
    ...s,
    submittedAt: new Date(s.submittedAt),
    verifiedAt: d(s.verifiedAt),
    dispatchedAt: d(s.dispatchedAt),
    firstFollowUpAt: d(s.firstFollowUpAt),
    lastFollowUpAt: d(s.lastFollowUpAt),
    reporterRepliedAt: d(s.reporterRepliedAt),
    closedAt: d(s.closedAt),
    deletedAt: d(s.deletedAt),
    pauses: s.pauses.map((p) => ({ start: new Date(p.start), end: d(p.end) })),
  };
};

/** Locks a complaint row for the rest of the transaction (FOR UPDATE), or null when it is new. */
export async function lockComplaint(
  client: PoolClient,
  source: string,
  externalId: string,
): Promise<LockedComplaint | null> {
  const { rows } = await client.query<{ id: number; state: ComplaintState; escalation_level: number }>(
    'SELECT id, state, escalation_level FROM complaint WHERE source = $1 AND external_id = $2 FOR UPDATE',
    [source, externalId],
  );
  const row = rows[0];
  return row ? { id: Number(row.id), state: revive(row.state), escalationLevel: row.escalation_level } : null;
}

/** Whether this source already delivered this event for this complaint (idempotency). */
export async function eventSeen(
  client: PoolClient,
  complaintId: number,
  source: string,
  eventId: string,
): Promise<boolean> {
  const { rowCount } = await client.query(
    'SELECT 1 FROM complaint_event WHERE complaint_id = $1 AND source = $2 AND event_id = $3',
    [complaintId, source, eventId],
  );
  return (rowCount ?? 0) > 0;
}

export interface ComplaintRowWrite {
  source: string;
  externalId: string;
  state: ComplaintState;
  deadlineStep: string | null;
  deadlineAt: Date | null;
  deadlineState: 'none' | 'on_time' | 'at_risk' | 'overdue' | 'paused';
}

/** Inserts or updates the current row from the folded state; returns its id. */
export async function saveComplaint(client: PoolClient, w: ComplaintRowWrite): Promise<number> {
  const s = w.state;
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO complaint (source, external_id, tracking_id, status, opd_id, regency_code, channel, classification, topic,
       title, is_anonim, is_rahasia, submitted_at, verified_at, first_follow_up_at, closed_at, deadline_step, deadline_at,
       deadline_state, state, version, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21, now())
     ON CONFLICT (source, external_id) DO UPDATE SET status = EXCLUDED.status, opd_id = EXCLUDED.opd_id,
       regency_code = EXCLUDED.regency_code, topic = EXCLUDED.topic, is_anonim = EXCLUDED.is_anonim,
       is_rahasia = EXCLUDED.is_rahasia, verified_at = EXCLUDED.verified_at, first_follow_up_at = EXCLUDED.first_follow_up_at,
       closed_at = EXCLUDED.closed_at, deadline_step = EXCLUDED.deadline_step, deadline_at = EXCLUDED.deadline_at,
       deadline_state = EXCLUDED.deadline_state,
       -- a new deadline starts a new ladder
       escalation_level = CASE WHEN complaint.deadline_at IS DISTINCT FROM EXCLUDED.deadline_at THEN 0 ELSE complaint.escalation_level END,
       state = EXCLUDED.state, version = EXCLUDED.version, updated_at = now()
     RETURNING id`,
    [
      w.source,
      w.externalId,
      s.trackingId,
      s.status,
      s.opdId,
      s.regencyCode,
      s.channel,
      s.classification,
      s.topic,
      s.title,
      s.isAnonim,
      s.isRahasia,
      s.submittedAt,
      s.verifiedAt,
      s.firstFollowUpAt,
      s.closedAt ?? s.deletedAt,
      w.deadlineStep,
      w.deadlineAt,
      w.deadlineState,
      JSON.stringify(s),
      s.version,
    ],
  );
  return Number(rows[0]!.id);
}

/** Appends an event (the payload without reporter or body). */
export async function appendComplaintEvent(
  client: PoolClient,
  e: {
    complaintId: number;
    source: string;
    eventId: string;
    type: string;
    payload: unknown;
    actor: string;
    occurredAt: Date;
  },
): Promise<void> {
  await client.query(
    `INSERT INTO complaint_event (complaint_id, source, event_id, type, payload, actor, occurred_at) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
    [e.complaintId, e.source, e.eventId, e.type, JSON.stringify(e.payload), e.actor, e.occurredAt],
  );
}

/** Stores the personal parts of a submission apart from the case. */
export async function savePersonalData(
  client: PoolClient,
  complaintId: number,
  body: string,
  reporter: { name?: string; contact?: string; email?: string } | undefined,
): Promise<void> {
  await client.query(
    'INSERT INTO complaint_body (complaint_id, body) VALUES ($1, $2) ON CONFLICT (complaint_id) DO UPDATE SET body = EXCLUDED.body',
    [complaintId, body],
  );
  if (reporter && (reporter.name || reporter.contact || reporter.email)) {
    await client.query(
      `INSERT INTO complaint_reporter (complaint_id, name, contact, email) VALUES ($1, $2, $3, $4)
       ON CONFLICT (complaint_id) DO UPDATE SET name = EXCLUDED.name, contact = EXCLUDED.contact, email = EXCLUDED.email`,
      [complaintId, reporter.name ?? null, reporter.contact ?? null, reporter.email ?? null],
    );
  }
}
