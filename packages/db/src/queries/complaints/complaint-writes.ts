import type { ComplaintState } from '@pantau/domain';
import type { PoolClient } from '../../connection.ts';

export interface CurrentComplaint {
  id: number;
  state: ComplaintState;
  deadlineAt: Date | null;
  deadlineState: string;
  escalationLevel: number;
}

/** Turns a state read back from jsonb into one with real Dates. */
export function reviveComplaintState(s: ComplaintState): ComplaintState {
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
}

/** Locks the named complaints of a source for the rest of the transaction (FOR UPDATE, in id order). */
export async function lockComplaints(
  client: PoolClient,
  source: string,
  externalIds: string[],
): Promise<Map<string, CurrentComplaint>> {
  const { rows } = await client.query<{
    id: number;
    external_id: string;
    state: ComplaintState;
    deadline_at: Date | null;
    deadline_state: string;
    escalation_level: number;
  }>(
    `SELECT id, external_id, state, deadline_at, deadline_state, escalation_level FROM complaint
     WHERE source = $1 AND external_id = ANY($2::text[]) ORDER BY id FOR UPDATE`,
    [source, externalIds],
  );
  return new Map(
    rows.map((r) => [
      r.external_id,
      {
        id: Number(r.id),
        state: reviveComplaintState(r.state),
        deadlineAt: r.deadline_at,
        deadlineState: r.deadline_state,
        escalationLevel: r.escalation_level,
      },
    ]),
  );
}

/**
 * The (external id, event id) pairs this source already delivered for these complaints, given as
 * external id → complaint id (the ones `lockComplaints` found: a complaint not stored yet has no events).
 */
export async function seenComplaintEvents(
  client: PoolClient,
  source: string,
  complaints: ReadonlyMap<string, { id: number }>,
): Promise<Set<string>> {
  if (complaints.size === 0) return new Set();
  const externalIdOf = new Map([...complaints].map(([externalId, c]) => [c.id, externalId]));
  const { rows } = await client.query<{ complaint_id: string; event_id: string }>(
    `SELECT complaint_id, event_id FROM complaint_event WHERE complaint_id = ANY($1::bigint[]) AND source = $2`,
    [[...externalIdOf.keys()], source],
  );
  return new Set(rows.map((r) => `${externalIdOf.get(Number(r.complaint_id))}\u0000${r.event_id}`));
}

export interface ComplaintRowWrite {
  externalId: string;
  state: ComplaintState;
  deadlineStep: string | null;
  deadlineAt: Date | null;
  deadlineState: string;
  escalationLevel: number;
  completionDueAt: Date | null;
}

/**
 * Inserts or updates the current rows of a batch in one statement, in external-id order (the one order
 * every batch takes its insert locks in, so two batches cannot deadlock on new rows). Returns external
 * id → id, and which of them this statement inserted.
 */
export async function upsertComplaints(
  client: PoolClient,
  source: string,
  rows: ComplaintRowWrite[],
): Promise<{ ids: Map<string, number>; inserted: Set<string> }> {
  if (rows.length === 0) return { ids: new Map(), inserted: new Set() };
  const sorted = [...rows].sort((a, b) => (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0));
  const payload = sorted.map(
    ({ externalId, state: s, deadlineStep, deadlineAt, deadlineState, escalationLevel, completionDueAt }) => ({
      external_id: externalId,
      tracking_id: s.trackingId,
      status: s.status,
      opd_id: s.opdId,
      regency_code: s.regencyCode,
      channel: s.channel,
      classification: s.classification,
      topic: s.topic,
      title: s.title,
      is_anonim: s.isAnonim,
      is_rahasia: s.isRahasia,
      submitted_at: s.submittedAt,
      verified_at: s.verifiedAt,
      first_follow_up_at: s.firstFollowUpAt,
      closed_at: s.closedAt ?? s.deletedAt,
      deadline_step: deadlineStep,
      deadline_at: deadlineAt,
      deadline_state: deadlineState,
      escalation_level: escalationLevel,
      completion_due_at: completionDueAt,
      state: s,
      version: s.version,
    }),
  );
  const { rows: out } = await client.query<{ id: number; external_id: string; inserted: boolean }>(
    `INSERT INTO complaint (source, external_id, tracking_id, status, opd_id, regency_code, channel, classification, topic, title,
       is_anonim, is_rahasia, submitted_at, verified_at, first_follow_up_at, closed_at, deadline_step, deadline_at, deadline_state,
       escalation_level, completion_due_at, state, version, updated_at)
     SELECT $1, external_id, tracking_id, status, opd_id, regency_code, channel, classification, topic, title, is_anonim, is_rahasia,
       submitted_at, verified_at, first_follow_up_at, closed_at, deadline_step, deadline_at, deadline_state, escalation_level, completion_due_at, state,
       version, now()
     FROM jsonb_to_recordset($2::jsonb) AS x(external_id text, tracking_id text, status text, opd_id text, regency_code text,
       channel text, classification text, topic text, title text, is_anonim boolean, is_rahasia boolean, submitted_at timestamptz,
       verified_at timestamptz, first_follow_up_at timestamptz, closed_at timestamptz, deadline_step text, deadline_at timestamptz,
       deadline_state text, escalation_level int, completion_due_at timestamptz, state jsonb, version int)
     ON CONFLICT (source, external_id) DO UPDATE SET status = EXCLUDED.status, opd_id = EXCLUDED.opd_id,
       regency_code = EXCLUDED.regency_code, topic = EXCLUDED.topic, is_anonim = EXCLUDED.is_anonim, is_rahasia = EXCLUDED.is_rahasia,
       verified_at = EXCLUDED.verified_at, first_follow_up_at = EXCLUDED.first_follow_up_at, closed_at = EXCLUDED.closed_at,
       deadline_step = EXCLUDED.deadline_step, deadline_at = EXCLUDED.deadline_at, deadline_state = EXCLUDED.deadline_state,
       escalation_level = EXCLUDED.escalation_level, completion_due_at = EXCLUDED.completion_due_at, state = EXCLUDED.state, version = EXCLUDED.version, updated_at = now()
     RETURNING id, external_id, (xmax = 0) AS inserted`,
    [source, JSON.stringify(payload)],
  );
  return {
    ids: new Map(out.map((r) => [r.external_id, Number(r.id)])),
    inserted: new Set(out.filter((r) => r.inserted).map((r) => r.external_id)),
  };
}

export interface EventWrite {
  complaintId: number;
  eventId: string;
  type: string;
  /** The event as received, minus the reporter and body. */
  payload: unknown;
  actor: string;
  occurredAt: string;
}

/** Appends a batch's events in one statement. */
export async function appendComplaintEvents(client: PoolClient, source: string, events: EventWrite[]): Promise<void> {
  if (events.length === 0) return;
  await client.query(
    `INSERT INTO complaint_event (complaint_id, source, event_id, type, payload, actor, occurred_at)
     SELECT complaint_id, $1, event_id, type, payload, actor, occurred_at
     FROM jsonb_to_recordset($2::jsonb) AS x(complaint_id bigint, event_id text, type text, payload jsonb, actor text, occurred_at timestamptz)`,
    [
      source,
      JSON.stringify(
        events.map((e) => ({
          complaint_id: e.complaintId,
          event_id: e.eventId,
          type: e.type,
          payload: e.payload,
          actor: e.actor,
          occurred_at: e.occurredAt,
        })),
      ),
    ],
  );
}

export interface PersonalDataWrite {
  complaintId: number;
  body: string;
  reporter?: { name?: string; contact?: string; email?: string };
}

/** Stores the personal parts of submissions apart from the cases (two statements per batch). */
export async function savePersonalData(client: PoolClient, items: PersonalDataWrite[]): Promise<void> {
  if (items.length === 0) return;
  await client.query(
    `INSERT INTO complaint_body (complaint_id, body) SELECT complaint_id, body FROM jsonb_to_recordset($1::jsonb) AS x(complaint_id bigint, body text)
     ON CONFLICT (complaint_id) DO UPDATE SET body = EXCLUDED.body`,
    [
      JSON.stringify(
        [...items]
          .sort((a, b) => a.complaintId - b.complaintId)
          .map((i) => ({ complaint_id: i.complaintId, body: i.body })),
      ),
    ],
  );
  const reporters = [...items]
    .sort((a, b) => a.complaintId - b.complaintId)
    .filter((i) => i.reporter && (i.reporter.name || i.reporter.contact || i.reporter.email));
  if (reporters.length === 0) return;
  await client.query(
    `INSERT INTO complaint_reporter (complaint_id, name, contact, email)
     SELECT complaint_id, name, contact, email FROM jsonb_to_recordset($1::jsonb) AS x(complaint_id bigint, name text, contact text, email text)
     ON CONFLICT (complaint_id) DO UPDATE SET name = EXCLUDED.name, contact = EXCLUDED.contact, email = EXCLUDED.email`,
    [JSON.stringify(reporters.map((i) => ({ complaint_id: i.complaintId, ...i.reporter })))],
  );
}
