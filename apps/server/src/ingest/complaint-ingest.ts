import { complaintIngestItem, type ComplaintEvent, type IngestItemResult } from '@pantau/contracts';
import {
  appendComplaintEvents,
  ladderLevels,
  lockComplaints,
  markSourceDelivered,
  IngestRollupBatch,
  savePersonalData,
  seenComplaintEvents,
  upsertComplaints,
  type ComplaintRowWrite,
  type CurrentComplaint,
  type EventWrite,
  type PersonalDataWrite,
  type Pool,
  type PoolClient,
} from '@pantau/db';
import {
  applyEvent,
  complaintDeadline,
  complaintFacts,
  completionDue,
  DEFAULT_LAPOR_LABELS,
  type ComplaintDeadlineRules,
  type ComplaintFacts,
  type ComplaintState,
  type EscalationLadder,
  type LaporLabelMap,
  type WorkingCalendar,
} from '@pantau/domain';
import type { ProvincePack } from '@pantau/provinces';
import { parseBatchItems } from './batch-items.ts';
import { ConcurrentChangeError, isTransientDbError, withRetriedTransaction } from './transient.ts';
import { metricsFor } from '../metrics/node-metrics.ts';

/** What complaint ingest needs to know about the province it runs for. */
export interface ComplaintContext {
  pack: ProvincePack;
  /** The current working-day calendar; replaced when an admin edits it. */
  calendar: () => WorkingCalendar;
  rules?: ComplaintDeadlineRules;
  /** Pantau's escalation ladder. @default DEFAULT_ESCALATION_LADDER */
  ladder?: EscalationLadder;
  labels?: LaporLabelMap;
  now?: () => Date;
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

export interface ValidComplaintItem {
  index: number;
  externalId: string;
  event: ComplaintEvent;
}
type Valid = ValidComplaintItem;

/** Validates every item against the contract; duplicates inside the batch are refused by index. */
export function validateComplaintItems(items: readonly unknown[], results: IngestItemResult[]): Valid[] {
  return parseBatchItems(complaintIngestItem, items, results, {
    key: (i) => `${i.externalId}\u0000${i.event.eventId}`,
    externalId: (i) => i.externalId,
    eventId: (i) => i.event.eventId,
    duplicateField: () => 'event.eventId',
  }).map(({ index, item }) => ({ index, externalId: item.externalId, event: item.event }));
}

/** A case the batch changed: its folded state, the row it was locked as (absent: new) and its deadline. */
export interface ChangedComplaint {
  externalId: string;
  state: ComplaintState;
  before: CurrentComplaint | undefined;
  deadline: ReturnType<typeof complaintDeadline>;
}

/**
 * The batch's events folded in memory, no database: each item checked against the province's OPDs and
 * regions, skipped when already stored (`seen`), run through the state machine from the case's locked
 * state (`current`); the accepted items in order, and each changed case with its new deadline.
 */
export function foldComplaintEvents(
  ctx: ComplaintContext,
  valid: readonly Valid[],
  current: ReadonlyMap<string, CurrentComplaint>,
  seen: ReadonlySet<string>,
  results: IngestItemResult[],
  now: Date,
): { accepted: Valid[]; changed: ChangedComplaint[] } {
  const states = new Map<string, ComplaintState>([...current].map(([k, c]) => [k, c.state]));
  const accepted: Valid[] = [];
  for (const v of valid) {
    const { index, externalId, event } = v;
    const refError = checkReferences(event, ctx.pack);
    if (refError) {
      results[index] = {
        index,
        externalId,
        eventId: event.eventId,
        status: 'rejected',
        error: { ...refError, field: `items.${index}.${refError.field}` },
      };
      continue;
    }
    if (seen.has(`${externalId}\u0000${event.eventId}`)) {
      results[index] = { index, externalId, eventId: event.eventId, status: 'duplicate' };
      continue;
    }
    const applied = applyEvent(states.get(externalId) ?? null, event, ctx.labels ?? DEFAULT_LAPOR_LABELS);
    if (!applied.ok) {
      results[index] = {
        index,
        externalId,
        eventId: event.eventId,
        status: 'rejected',
        error: { ...applied.error, field: `items.${index}.${applied.error.field}` },
      };
      continue;
    }
    states.set(externalId, applied.state);
    accepted.push(v);
    results[index] = { index, externalId, eventId: event.eventId, status: 'accepted' };
  }
  const changed = [...new Set(accepted.map((a) => a.externalId))].map((externalId) => {
    const state = states.get(externalId)!;
    return {
      externalId,
      state,
      before: current.get(externalId),
      deadline: complaintDeadline(state, ctx.calendar(), now, ctx.rules),
    };
  });
  return { accepted, changed };
}

/** The changed cases whose deadline moved: each takes its own escalation ladder (see `complaintRows`). */
export function movedDeadlines(changed: readonly ChangedComplaint[]): Array<{ id: number; deadlineAt: Date | null }> {
  return changed
    .filter((c) => c.before && (c.before.deadlineAt?.getTime() ?? null) !== (c.deadline.at?.getTime() ?? null))
    .map((c) => ({ id: c.before!.id, deadlineAt: c.deadline.at }));
}

/**
 * The rows the changed cases are written as, and each one's rollup contribution (facts before and
 * after, computed when the rollups gather them). A new deadline takes its own ladder: level 0, or the
 * steps already recorded for that same deadline (`ladders`, by complaint id).
 */
export function complaintRows(
  ctx: ComplaintContext,
  changed: readonly ChangedComplaint[],
  ladders: ReadonlyMap<number, number>,
): { rows: ComplaintRowWrite[]; facts: Array<() => [before: ComplaintFacts | null, after: ComplaintFacts]> } {
  const rows: ComplaintRowWrite[] = [];
  const facts: Array<() => [before: ComplaintFacts | null, after: ComplaintFacts]> = [];
  for (const { externalId, state, before, deadline } of changed) {
    const sameDeadline = before && (before.deadlineAt?.getTime() ?? null) === (deadline.at?.getTime() ?? null);
    const escalationLevel = sameDeadline ? before.escalationLevel : before ? (ladders.get(before.id) ?? 0) : 0;
    rows.push({
      externalId,
      state,
      deadlineStep: deadline.step,
      deadlineAt: deadline.at,
      deadlineState: deadline.state,
      escalationLevel,
      completionDueAt: completionDue(state, ctx.calendar(), ctx.rules),
    });
    facts.push(() => [
      before ? complaintFacts(before.state, ctx.calendar(), before, ctx.rules) : null,
      complaintFacts(state, ctx.calendar(), { deadlineState: deadline.state, escalationLevel }, ctx.rules),
    ]);
  }
  return { rows, facts };
}

/**
 * Applies validated items in one transaction with a fixed number of statements, whatever the batch
 * size: lock the batch's complaints, read which events they already have, fold the new events in
 * memory through the state machine, then write rows, events, personal data, rollups and the outbox
 * in bulk. A refused item changes nothing; the others commit together.
 */
async function applyBatch(
  client: PoolClient,
  ctx: ComplaintContext,
  source: string,
  valid: Valid[],
  results: IngestItemResult[],
  actor: string,
): Promise<void> {
  const externalIds = [...new Set(valid.map((v) => v.externalId))];
  const current = await lockComplaints(client, source, externalIds);
  const seen = await seenComplaintEvents(client, source, current);
  const now = ctx.now?.() ?? new Date();
  const { accepted, changed } = foldComplaintEvents(ctx, valid, current, seen, results, now);
  if (accepted.length === 0) return;

  const rollups = new IngestRollupBatch(ctx.pack.timeZone);
  const ladders = await ladderLevels(client, 'complaint', movedDeadlines(changed));
  const { rows, facts } = complaintRows(ctx, changed, ladders);
  // The statements of one transaction run one after another, but the JavaScript between them need not
  // wait: the rollup deltas are gathered while PostgreSQL writes the rows (the longest statement). No
  // other statement is sent meanwhile (one query at a time per connection).
  const upsert = upsertComplaints(client, source, rows);
  try {
    for (const f of facts) rollups.add(...f());
  } catch (err) {
    // Let the statement finish before the caller rolls back, and never leave its failure unobserved.
    await upsert.catch(() => undefined);
    throw err;
  }
  const { ids, inserted } = await upsert;
  // A complaint this batch took for new was created by a concurrent batch after our lock: the fold
  // above started from nothing instead of from its state. Start again (the retry sees and locks it).
  const takenByOther = rows.find((r) => !current.has(r.externalId) && !inserted.has(r.externalId));
  if (takenByOther)
    throw new ConcurrentChangeError(`complaint ${takenByOther.externalId} was created by a concurrent batch`);
  const events: EventWrite[] = [];
  const personal: PersonalDataWrite[] = [];
  for (const { externalId, event } of accepted) {
    const complaintId = ids.get(externalId)!;
    if (event.type === 'submitted') {
      const { reporter, body, ...rest } = event;
      personal.push({ complaintId, body, reporter });
      events.push({
        complaintId,
        eventId: event.eventId,
        type: event.type,
        payload: rest,
        actor,
        occurredAt: event.occurredAt,
      });
    } else {
      events.push({
        complaintId,
        eventId: event.eventId,
        type: event.type,
        payload: event,
        actor,
        occurredAt: event.occurredAt,
      });
    }
  }
  await appendComplaintEvents(client, source, events);
  await savePersonalData(client, personal);
  await rollups.flush(client);
}

/**
 * Records that `source` itself reported successfully (a committed batch, even of repeats only). Only the
 * source's own deliveries call this — never a console action or the watcher acting on its complaints —
 * so a dead feed stays visibly stale. Last in the transaction: the source row is the last lock taken.
 */
function sourceReported(client: PoolClient, source: string): Promise<void> {
  return markSourceDelivered(client, { id: source, stream: 'complaints', label: source, freshnessTargetSeconds: 900 });
}

/**
 * Applies items inside the caller's transaction (the console's actions check a version first, then
 * append their event in the same transaction; the watcher's auto-close). Returns the per-item results.
 * Does not mark the source fresh: the source did not report.
 */
export async function applyComplaintItems(
  client: PoolClient,
  ctx: ComplaintContext,
  source: string,
  items: readonly unknown[],
  actor: string,
): Promise<IngestItemResult[]> {
  const results: IngestItemResult[] = new Array<IngestItemResult>(items.length);
  const valid = validateComplaintItems(items, results);
  if (valid.length > 0) await applyBatch(client, ctx, source, valid, results, actor);
  return results;
}

/**
 * Ingests a batch of complaint events from one source, exactly once: each item is idempotent by
 * (source, external id, event id); a bad item is rejected with the field that is wrong and writes
 * nothing, the others commit together. Results are returned only after COMMIT. The HTTP route, the
 * SMS webhook, the watcher's auto-close and the simulator all come through here.
 */
export async function ingestComplaintBatch(
  pool: Pool,
  ctx: ComplaintContext,
  source: string,
  items: readonly unknown[],
  actor = `source:${source}`,
): Promise<IngestItemResult[]> {
  const results: IngestItemResult[] = new Array<IngestItemResult>(items.length);
  const valid = validateComplaintItems(items, results);
  if (valid.length > 0) {
    try {
      await withRetriedTransaction(pool, async (client) => {
        await applyBatch(client, ctx, source, valid, results, actor);
        await sourceReported(client, source);
      });
    } catch (err) {
      // An outage or a lock conflict that outlived the retries says nothing about the data: the whole
      // request fails (503 at the edge) and the source sends it again. Never a per-item rejection.
      if (isTransientDbError(err)) throw err;
      if (valid.length === 1) {
        const v = valid[0]!;
        results[v.index] = {
          index: v.index,
          externalId: v.externalId,
          eventId: v.event.eventId,
          status: 'rejected',
          error: { field: `items.${v.index}`, message: `not stored: ${(err as Error).message}` },
        };
      } else {
        // The database refused something the checks above let through: find it item by item, so
        // one bad item never costs the rest of the batch.
        for (const v of valid) {
          const one: IngestItemResult[] = [];
          await withRetriedTransaction(pool, async (client) => {
            await applyBatch(client, ctx, source, [{ ...v, index: 0 }], one, actor);
            await sourceReported(client, source);
          }).catch((e: unknown) => {
            if (isTransientDbError(e)) throw e;
            one[0] = {
              index: 0,
              externalId: v.externalId,
              eventId: v.event.eventId,
              status: 'rejected',
              error: { field: 'items.0', message: `not stored: ${(e as Error).message}` },
            };
          });
          const r = one[0]!;
          results[v.index] = {
            ...r,
            index: v.index,
            ...(r.error
              ? { error: { ...r.error, field: r.error.field.replace(/^items\.0/, `items.${v.index}`) } }
              : {}),
          };
        }
      }
    }
  }
  return metricsFor(pool).countIngested('complaint', results);
}
