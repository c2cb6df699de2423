import { revivePpidState, type PpidState } from '@pantau/domain';
import type { PoolClient } from '../../connection.ts';

export interface CurrentPpidRequest {
  id: number;
  state: PpidState;
  deadlineAt: Date | null;
  deadlineState: string;
  escalationLevel: number;
}

/** Locks the named requests of a source for the rest of the transaction (FOR UPDATE, in id order). */
export async function lockPpidRequests(
  client: PoolClient,
  source: string,
  externalIds: string[],
): Promise<Map<string, CurrentPpidRequest>> {
  const { rows } = await client.query<{
    id: number;
    external_id: string;
    state: PpidState;
    deadline_at: Date | null;
    deadline_state: string;
    escalation_level: number;
  }>(
    `SELECT id, external_id, state, deadline_at, deadline_state, escalation_level FROM ppid_request
     WHERE source = $1 AND external_id = ANY($2::text[]) ORDER BY id FOR UPDATE`,
    [source, externalIds],
  );
  return new Map(
    rows.map((r) => [
      r.external_id,
      {
        id: Number(r.id),
        state: revivePpidState(r.state),
        deadlineAt: r.deadline_at,
        deadlineState: r.deadline_state,
        escalationLevel: r.escalation_level,
      },
    ]),
  );
}

/** The `kind\0externalId\0eventId` keys of these items that this source already delivered. */
export async function seenPpidEvents(
  client: PoolClient,
  source: string,
  keys: Array<{ kind: string; externalId: string; eventId: string }>,
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const { rows } = await client.query<{ kind: string; external_id: string; event_id: string }>(
    `SELECT e.kind, e.external_id, e.event_id FROM ppid_event e
     JOIN jsonb_to_recordset($2::jsonb) AS k(kind text, external_id text, event_id text)
       ON e.kind = k.kind AND e.external_id = k.external_id AND e.event_id = k.event_id
     WHERE e.source = $1`,
    [source, JSON.stringify(keys.map((k) => ({ kind: k.kind, external_id: k.externalId, event_id: k.eventId })))],
  );
  return new Set(rows.map((r) => `${r.kind}\u0000${r.external_id}\u0000${r.event_id}`));
}

export interface PpidRowWrite {
  externalId: string;
  state: PpidState;
  deadlineStep: string | null;
  deadlineAt: Date | null;
  deadlineState: string;
  escalationLevel: number;
}

/** Inserts or updates the current rows of a batch in one statement; returns external id → id. */
export async function upsertPpidRequests(
  client: PoolClient,
  source: string,
  rows: PpidRowWrite[],
): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const payload = rows.map(({ externalId, state: s, deadlineStep, deadlineAt, deadlineState, escalationLevel }) => ({
    external_id: externalId,
    reg_no: s.regNo,
    ppid_level: s.ppidLevel,
    opd_id: s.opdId,
    channel: s.channel,
    requester_type: s.requesterType,
    subject: s.subject,
    format: s.format,
    status: s.status,
    decision: s.decision,
    exclusion_ground: s.exclusionGround,
    received_at: s.receivedAt,
    extended_at: s.extendedAt,
    decided_at: s.decidedAt,
    delivered_at: s.deliveredAt,
    objection_filed_at: s.objectionFiledAt,
    dispute_filed_at: s.disputeFiledAt,
    deadline_step: deadlineStep,
    deadline_at: deadlineAt,
    deadline_state: deadlineState,
    escalation_level: escalationLevel,
    state: s,
    version: s.version,
  }));
  const { rows: out } = await client.query<{ id: number; external_id: string }>(
    `INSERT INTO ppid_request (source, external_id, reg_no, ppid_level, opd_id, channel, requester_type, subject, format,
       status, decision, exclusion_ground, received_at, extended_at, decided_at, delivered_at, objection_filed_at,
       dispute_filed_at, deadline_step, deadline_at, deadline_state, escalation_level, state, version, updated_at)
     SELECT $1, external_id, reg_no, ppid_level, opd_id, channel, requester_type, subject, format, status, decision,
       exclusion_ground, received_at, extended_at, decided_at, delivered_at, objection_filed_at, dispute_filed_at,
       deadline_step, deadline_at, deadline_state, escalation_level, state, version, now()
     FROM jsonb_to_recordset($2::jsonb) AS x(external_id text, reg_no text, ppid_level text, opd_id text, channel text,
       requester_type text, subject text, format text, status text, decision text, exclusion_ground text,
       received_at timestamptz, extended_at timestamptz, decided_at timestamptz, delivered_at timestamptz,
       objection_filed_at timestamptz, dispute_filed_at timestamptz, deadline_step text, deadline_at timestamptz,
       deadline_state text, escalation_level int, state jsonb, version int)
     ON CONFLICT (source, external_id) DO UPDATE SET status = EXCLUDED.status, decision = EXCLUDED.decision,
       exclusion_ground = EXCLUDED.exclusion_ground, extended_at = EXCLUDED.extended_at, decided_at = EXCLUDED.decided_at,
       delivered_at = EXCLUDED.delivered_at, objection_filed_at = EXCLUDED.objection_filed_at,
       dispute_filed_at = EXCLUDED.dispute_filed_at, deadline_step = EXCLUDED.deadline_step,
       deadline_at = EXCLUDED.deadline_at, deadline_state = EXCLUDED.deadline_state,
       escalation_level = EXCLUDED.escalation_level, state = EXCLUDED.state, version = EXCLUDED.version, updated_at = now()
     RETURNING id, external_id`,
    [source, JSON.stringify(payload)],
  );
  return new Map(out.map((r) => [r.external_id, Number(r.id)]));
}

export interface PpidEventWrite {
  kind: 'request' | 'dip_entry' | 'monev';
  externalId: string;
  eventId: string;
  requestId: number | null;
  type: string;
  /** The item as received, minus the requester's personal data. */
  payload: unknown;
  actor: string;
  occurredAt: string;
}

/** Appends a batch's items to the PPID log in one statement. */
export async function appendPpidEvents(client: PoolClient, source: string, events: PpidEventWrite[]): Promise<void> {
  if (events.length === 0) return;
  await client.query(
    `INSERT INTO ppid_event (source, kind, external_id, event_id, request_id, type, payload, actor, occurred_at)
     SELECT $1, kind, external_id, event_id, request_id, type, payload, actor, occurred_at
     FROM jsonb_to_recordset($2::jsonb) AS x(kind text, external_id text, event_id text, request_id bigint, type text,
       payload jsonb, actor text, occurred_at timestamptz)`,
    [
      source,
      JSON.stringify(
        events.map((e) => ({
          kind: e.kind,
          external_id: e.externalId,
          event_id: e.eventId,
          request_id: e.requestId,
          type: e.type,
          payload: e.payload,
          actor: e.actor,
          occurred_at: e.occurredAt,
        })),
      ),
    ],
  );
}

export interface PpidRequesterWrite {
  requestId: number;
  requester: { name?: string; address?: string; contact?: string; email?: string };
}

/** Stores requesters' personal data apart from the requests. */
export async function savePpidRequesters(client: PoolClient, items: PpidRequesterWrite[]): Promise<void> {
  if (items.length === 0) return;
  await client.query(
    `INSERT INTO ppid_requester (request_id, name, address, contact, email)
     SELECT request_id, name, address, contact, email
     FROM jsonb_to_recordset($1::jsonb) AS x(request_id bigint, name text, address text, contact text, email text)
     ON CONFLICT (request_id) DO UPDATE SET name = EXCLUDED.name, address = EXCLUDED.address,
       contact = EXCLUDED.contact, email = EXCLUDED.email`,
    [JSON.stringify(items.map((i) => ({ request_id: i.requestId, ...i.requester })))],
  );
}
