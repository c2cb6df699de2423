import type { CaseTimelineEntry } from '@pantau/contracts';
import type { Pool } from '../../connection.ts';
import type { CaseKind } from './escalation-writes.ts';

export type { CaseTimelineEntry } from '@pantau/contracts';

// Identifiers come from this fixed map only, never from input.
const SOURCES: Record<
  CaseKind,
  { events: string; eventFk: string; escalations: string; escalationFk: string; audit: string; prefix: string }
> = {
  complaint: {
    events: 'complaint_event',
    eventFk: 'complaint_id',
    escalations: 'escalation',
    escalationFk: 'complaint_id',
    audit: 'complaint',
    prefix: 'complaint',
  },
  ppid_request: {
    events: 'ppid_event',
    eventFk: 'request_id',
    escalations: 'ppid_escalation',
    escalationFk: 'request_id',
    audit: 'ppid_request',
    prefix: 'ppid',
  },
};

/** Event payload keys never shown in a timeline: the envelope, and personal data (a PPID requester). */
const HIDDEN = new Set(['type', 'eventId', 'occurredAt', 'requester']);

/**
 * A case's whole history in time order: lifecycle events, escalation levels (who raised a level by hand
 * and why, else the deadline watcher), acknowledgements and notes. People are shown by display name
 * (actors are stored as `user:<id>`, names can change).
 */
export async function caseTimeline(pool: Pool, kind: CaseKind, id: number): Promise<CaseTimelineEntry[]> {
  const s = SOURCES[kind];
  const [events, escalations, audited] = await Promise.all([
    pool.query<{ type: string; actor: string; occurred_at: Date; payload: Record<string, unknown> }>(
      `SELECT type, actor, occurred_at, payload FROM ${s.events} WHERE ${s.eventFk} = $1 ORDER BY occurred_at, id`,
      [id],
    ),
    pool.query<{
      level: number;
      raised_at: Date;
      acknowledged_at: Date | null;
      acknowledged_by: string | null;
      reason: string | null;
    }>(
      `SELECT e.level, e.raised_at, e.acknowledged_at, coalesce(u.display_name, e.acknowledged_by) AS acknowledged_by, e.reason
       FROM ${s.escalations} e LEFT JOIN app_user u ON e.acknowledged_by IN (u.id, 'user:' || u.id)
       WHERE e.${s.escalationFk} = $1 ORDER BY e.raised_at, e.level`,
      [id],
    ),
    pool.query<{
      at: Date;
      action: string;
      actor: string;
      details: { text?: string; level?: number; reason?: string };
    }>(
      `SELECT a.at, a.action, coalesce(u.display_name, a.actor) AS actor, a.details FROM audit_log a
       LEFT JOIN app_user u ON a.actor IN (u.id, 'user:' || u.id)
       WHERE a.entity = $2 AND a.entity_id = $1 AND a.action IN ($3, $4) ORDER BY a.seq`,
      [String(id), s.audit, `${s.prefix}.note`, `${s.prefix}.escalate`],
    ),
  ]);
  const manual = new Map(
    audited.rows.filter((a) => a.action.endsWith('.escalate')).map((a) => [Number(a.details.level), a]),
  );
  return [
    ...events.rows.map((e) => ({
      at: e.occurred_at.toISOString(),
      kind: 'event' as const,
      type: e.type,
      actor: e.actor,
      details: Object.fromEntries(Object.entries(e.payload).filter(([k]) => !HIDDEN.has(k))),
    })),
    ...escalations.rows.flatMap((e) => {
      const byHand = manual.get(e.level);
      return [
        {
          at: e.raised_at.toISOString(),
          kind: 'escalation' as const,
          type: `level_${e.level}`,
          actor: byHand?.actor ?? 'system:deadline-watcher',
          details: { level: e.level, ...(byHand?.details.reason ? { reason: byHand.details.reason } : {}) },
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
      ];
    }),
    ...audited.rows
      .filter((a) => a.action.endsWith('.note'))
      .map((n) => ({
        at: n.at.toISOString(),
        kind: 'note' as const,
        type: 'note',
        actor: n.actor,
        details: { text: n.details.text ?? '' },
      })),
  ].sort((a, b) => a.at.localeCompare(b.at));
}
