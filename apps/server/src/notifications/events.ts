import { caseRef, enqueueNotification, staleSources, type Pool, type PoolClient } from '@pantau/db';
import type { NotificationEvent, NotificationFacts } from '@pantau/contracts';
import { DEFAULT_ESCALATION_LADDER, type EscalationLadder } from '@pantau/domain';
import type { ProvincePack } from '@pantau/provinces';

type CaseKind = 'complaint' | 'ppid_request';

export interface CaseEvent {
  kind: CaseKind;
  id: number;
  event: Exclude<NotificationEvent, 'source_stale'>;
  /** The running deadline the event is about (null: none runs any more, e.g. acknowledged after closing). */
  deadlineAt: Date | null;
  /** The ladder level raised or acknowledged (the highest acknowledged). */
  level?: number;
  /** A user who acted (an acknowledgement) and needs no message about it. */
  actorUserId?: string | null;
  now: Date;
}

/**
 * Queues the messages of a case event in the caller's transaction — the one that records the event —
 * for every subscriber of its event, OPD and ladder level. The tracking id and OPD are read from the
 * locked case; a message carries nothing else about it (no title, no body, no reporter).
 */
export async function notifyCaseEvent(
  client: PoolClient,
  ctx: { pack: ProvincePack; ladder?: EscalationLadder },
  e: CaseEvent,
): Promise<number> {
  const ref = await caseRef(client, e.kind, e.id);
  if (!ref) return 0;
  const c = { tracking_id: ref.trackingId, opd_id: ref.opdId };
  const ladder = ctx.ladder ?? DEFAULT_ESCALATION_LADDER;
  const step = e.level ? ladder.find((s) => s.level === e.level) : undefined;
  const opd = ctx.pack.opds.find((o) => o.id === c.opd_id);
  const facts: NotificationFacts = {
    event: e.event,
    caseKind: e.kind,
    caseId: e.id,
    trackingId: c.tracking_id,
    opdId: c.opd_id,
    opdName: opd?.shortName ?? c.opd_id,
    deadlineAt: e.deadlineAt?.toISOString() ?? null,
    level: e.level ?? null,
    levelLabel: step
      ? { id: step.label.id, en: step.label.en }
      : e.level
        ? { id: `Tingkat ${e.level}`, en: `Level ${e.level}` }
        : null,
    sourceId: null,
    sourceLabel: null,
    lastDeliveryAt: null,
    path: `/console?q=${encodeURIComponent(c.tracking_id)}`,
    occurredAt: e.now.toISOString(),
  };
  // The step in the key: an escalation per level, an acknowledgement per level acknowledged, an at-risk
  // or overdue crossing per deadline (a new deadline step may cross again and is a new message).
  const step_ = e.level ? `L${e.level}` : 'L0';
  const levels = e.event === 'escalated' ? [e.level!] : e.event === 'acknowledged' ? range(1, e.level ?? 1) : null;
  return enqueueNotification(client, {
    event: e.event,
    key: `${e.kind}|${e.id}|${e.event}|${step_}|${e.deadlineAt?.toISOString() ?? 'none'}`,
    entity: e.kind,
    entityId: String(e.id),
    opdId: c.opd_id,
    levels,
    excludeUserId: e.actorUserId ?? null,
    facts,
  });
}

const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => a + i);

/**
 * Queues a message for every source past its freshness target: one per stale episode (the source's
 * last delivery), so a source that stays silent is reported once, and again only after it reported
 * and went silent anew.
 */
export async function notifyStaleSources(pool: Pool, now: Date): Promise<number> {
  let queued = 0;
  for (const s of await staleSources(pool, now)) {
    queued += await enqueueNotification(pool, {
      event: 'source_stale',
      key: `source|${s.id}|source_stale|${s.lastDeliveryAt.toISOString()}`,
      entity: 'source',
      entityId: s.id,
      opdId: null,
      levels: null,
      facts: {
        event: 'source_stale',
        caseKind: null,
        caseId: null,
        trackingId: null,
        opdId: null,
        opdName: null,
        deadlineAt: null,
        level: null,
        levelLabel: null,
        sourceId: s.id,
        sourceLabel: s.label,
        lastDeliveryAt: s.lastDeliveryAt.toISOString(),
        path: '/console/sources',
        occurredAt: now.toISOString(),
      },
    });
  }
  return queued;
}
