import { complaintIngestItem, firstIssue, type ComplaintEvent, type IngestItemResult } from '@pantau/contracts';
import {
  appendComplaintEvent,
  eventSeen,
  lockComplaint,
  markSourceDelivered,
  recordComplaintChange,
  saveComplaint,
  savePersonalData,
  touchTopics,
  withTransaction,
  type ComplaintRollupFacts,
  type Pool,
  type PoolClient,
} from '@pantau/db';
import {
  addWorkingDaysWithPauses,
  applyEvent,
  DEFAULT_COMPLAINT_RULES,
  DEFAULT_LAPOR_LABELS,
  nextDeadlineStep,
  remainingWorkingTime,
  workingDaysBetween,
  type ComplaintDeadlineRules,
  type ComplaintState,
  type LaporLabelMap,
  type WorkingCalendar,
} from '@pantau/domain';
import type { ProvincePack } from '@pantau/provinces';

/** What complaint ingest needs to know about the province it runs for. */
export interface ComplaintContext {
  pack: ProvincePack;
  /** The current working-day calendar; replaced when an admin edits it. */
  calendar: () => WorkingCalendar;
  rules?: ComplaintDeadlineRules;
  labels?: LaporLabelMap;
  now?: () => Date;
}

export type DeadlineState = 'none' | 'on_time' | 'at_risk' | 'overdue' | 'paused';

/** The running deadline of a complaint and where it stands now. */
export function deadlineOf(state: ComplaintState, ctx: ComplaintContext, now: Date) {
  const rules = ctx.rules ?? DEFAULT_COMPLAINT_RULES;
  const clock = nextDeadlineStep(state, rules);
  if (!clock) return { step: null, at: null, state: 'none' as DeadlineState, warnings: [] };
  const cal = ctx.calendar();
  const r = addWorkingDaysWithPauses(cal, clock.anchor, clock.workingDays, clock.pauses);
  if (r.deadline === null)
    return { step: clock.step, at: null, state: 'paused' as DeadlineState, warnings: r.warnings };
  let st: DeadlineState = 'none';
  if (clock.escalates) {
    const rem = remainingWorkingTime(cal, now, r.deadline);
    st = rem.overdue ? 'overdue' : rem.workingDays <= rules.atRiskHK ? 'at_risk' : 'on_time';
  }
  return { step: clock.step, at: r.deadline, state: st, warnings: r.warnings };
}

/** The rollup view of a state (see recordComplaintChange). */
export function rollupFacts(s: ComplaintState, ctx: ComplaintContext): ComplaintRollupFacts {
  let followUpWorkingDays: number | null = null;
  let followUpOnTime: boolean | null = null;
  if (s.firstFollowUpAt && s.dispatchedAt) {
    const cal = ctx.calendar();
    followUpWorkingDays = Math.max(0, workingDaysBetween(cal, s.dispatchedAt, s.firstFollowUpAt).days);
    const due = addWorkingDaysWithPauses(
      cal,
      s.dispatchedAt,
      (ctx.rules ?? DEFAULT_COMPLAINT_RULES).opdFollowUpHK,
      s.pauses,
    );
    followUpOnTime = due.deadline !== null && s.firstFollowUpAt.getTime() <= due.deadline.getTime();
  }
  return {
    opdId: s.opdId,
    regencyCode: s.regencyCode,
    channel: s.channel,
    topic: s.topic,
    classification: s.classification,
    submittedAt: s.submittedAt,
    verifiedAt: s.verifiedAt,
    firstFollowUpAt: s.firstFollowUpAt,
    completedAt: s.status === 'selesai' ? s.closedAt : null,
    deletedAt: s.deletedAt,
    followUpWorkingDays,
    followUpOnTime,
  };
}

function checkReferences(event: ComplaintEvent, pack: ProvincePack): { field: string; message: string } | null {
  const opd = 'opdId' in event ? event.opdId : undefined;
  if (opd) {
    const known = pack.opds.find((o) => o.id === opd);
    if (!known) return { field: 'event.opdId', message: `unknown OPD ${opd}` };
    if (known.activeTo && known.activeTo < event.occurredAt.slice(0, 10))
      return { field: 'event.opdId', message: `OPD ${opd} no longer exists` };
  }
  if (event.type === 'submitted' && event.regencyCode && !pack.regencies.some((r) => r.code === event.regencyCode)) {
    return { field: 'event.regencyCode', message: `unknown kabupaten/kota ${event.regencyCode}` };
  }
  return null;
}

/** Applies one event inside the caller's transaction. Returns null on success, or the refusal. */
export async function applyComplaintEvent(
  client: PoolClient,
  ctx: ComplaintContext,
  source: string,
  externalId: string,
  event: ComplaintEvent,
  actor: string,
  changedTopics?: Set<string>,
): Promise<{ status: 'accepted' | 'duplicate' } | { status: 'rejected'; error: { field: string; message: string } }> {
  const refError = checkReferences(event, ctx.pack);
  if (refError) return { status: 'rejected', error: refError };
  const locked = await lockComplaint(client, source, externalId);
  if (locked && (await eventSeen(client, locked.id, source, event.eventId))) return { status: 'duplicate' };
  const applied = applyEvent(locked?.state ?? null, event, ctx.labels ?? DEFAULT_LAPOR_LABELS);
  if (!applied.ok) return { status: 'rejected', error: applied.error };
  const now = ctx.now?.() ?? new Date();
  const deadline = deadlineOf(applied.state, ctx, now);
  const complaintId = await saveComplaint(client, {
    source,
    externalId,
    state: applied.state,
    deadlineStep: deadline.step,
    deadlineAt: deadline.at,
    deadlineState: deadline.state,
  });
  const { reporter, body, ...rest } = event as ComplaintEvent & { reporter?: unknown; body?: string };
  if (event.type === 'submitted') await savePersonalData(client, complaintId, event.body, event.reporter);
  void reporter;
  void body;
  await appendComplaintEvent(client, {
    complaintId,
    source,
    eventId: event.eventId,
    type: event.type,
    payload: rest,
    actor,
    occurredAt: new Date(event.occurredAt),
  });
  await recordComplaintChange(
    client,
    locked ? rollupFacts(locked.state, ctx) : null,
    rollupFacts(applied.state, ctx),
    changedTopics,
  );
  return { status: 'accepted' };
}

/**
 * Ingests a batch of complaint events from one source, exactly once: each item is idempotent by
 * (source, external id, event id); a bad item is rejected with the field that is wrong and writes
 * nothing, the others commit together. Results are returned only after COMMIT. The HTTP route, the
 * SMS webhook, the CSV import and the simulator all come through here.
 */
export async function ingestComplaintBatch(
  pool: Pool,
  ctx: ComplaintContext,
  source: string,
  items: readonly unknown[],
): Promise<IngestItemResult[]> {
  const results: IngestItemResult[] = [];
  const seen = new Set<string>();
  const topics = new Set<string>();
  await withTransaction(pool, async (client) => {
    for (const [index, raw] of items.entries()) {
      const parsed = complaintIngestItem.safeParse(raw);
      if (!parsed.success) {
        const r = raw as { externalId?: unknown; event?: { eventId?: unknown } } | null;
        results.push({
          index,
          externalId: typeof r?.externalId === 'string' ? r.externalId : null,
          eventId: typeof r?.event?.eventId === 'string' ? r.event.eventId : null,
          status: 'rejected',
          error: firstIssue(parsed.error, `items.${index}`),
        });
        continue;
      }
      const { externalId, event } = parsed.data;
      const key = `${externalId}\u0000${event.eventId}`;
      if (seen.has(key)) {
        results.push({
          index,
          externalId,
          eventId: event.eventId,
          status: 'rejected',
          error: { field: `items.${index}.event.eventId`, message: 'repeats an earlier item of this batch' },
        });
        continue;
      }
      seen.add(key);
      await client.query('SAVEPOINT item');
      try {
        const r = await applyComplaintEvent(client, ctx, source, externalId, event, `source:${source}`, topics);
        if (r.status === 'rejected') {
          await client.query('ROLLBACK TO SAVEPOINT item');
          results.push({
            index,
            externalId,
            eventId: event.eventId,
            status: 'rejected',
            error: { ...r.error, field: `items.${index}.${r.error.field}` },
          });
        } else {
          await client.query('RELEASE SAVEPOINT item');
          results.push({ index, externalId, eventId: event.eventId, status: r.status });
        }
      } catch (err) {
        // A database refusal of this item (a constraint) rejects the item, not the batch.
        await client.query('ROLLBACK TO SAVEPOINT item');
        results.push({
          index,
          externalId,
          eventId: event.eventId,
          status: 'rejected',
          error: { field: `items.${index}`, message: `not stored: ${(err as Error).message}` },
        });
      }
    }
    if (results.some((r) => r.status === 'accepted')) {
      // Topics of rejected items may be in the set too; touching them only costs a rebuild.
      await touchTopics(client, [...topics]);
      await markSourceDelivered(client, {
        id: source,
        stream: 'complaints',
        label: source,
        freshnessTargetSeconds: 900,
      });
    }
  });
  return results;
}
