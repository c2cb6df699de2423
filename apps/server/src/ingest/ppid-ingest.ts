import {
  opdTopic,
  ppidIngestItem,
  publicTopic,
  type IngestItemResult,
  type PpidEvent,
  type PpidIngestItem,
} from '@pantau/contracts';
import {
  appendPpidEvents,
  lockPpidRequests,
  markSourceDelivered,
  savePpidRequesters,
  seenPpidEvents,
  touchTopics,
  upsertDipEntries,
  upsertMonev,
  upsertPpidRequests,
  type DipEntryWrite,
  type MonevWrite,
  type Pool,
  type PoolClient,
  type PpidEventWrite,
  type PpidRequesterWrite,
  type PpidRowWrite,
} from '@pantau/db';
import {
  applyPpidEvent,
  DEFAULT_PPID_RULES,
  kiBandOf,
  ppidDeadline,
  type PpidDeadlineRules,
  type PpidState,
  type WorkingCalendar,
} from '@pantau/domain';
import type { ProvincePack } from '@pantau/provinces';
import { parseBatchItems } from './batch-items.ts';
import { isTransientDbError, withRetriedTransaction } from './transient.ts';
import { metricsFor } from '../metrics/node-metrics.ts';

/** What PPID ingest needs about its province (a ComplaintContext fits: same pack and calendar). */
export interface PpidContext {
  pack: ProvincePack;
  calendar: () => WorkingCalendar;
  ppidRules?: PpidDeadlineRules;
  now?: () => Date;
}

type ItemError = { field: string; message: string };
type Valid = { index: number; item: PpidIngestItem };

const eventIdOf = (item: PpidIngestItem) => (item.kind === 'request' ? item.event.eventId : item.eventId);
const keyOf = (item: PpidIngestItem) => `${item.kind}\u0000${item.externalId}\u0000${eventIdOf(item)}`;

function parseItems(items: readonly unknown[], results: IngestItemResult[]): Valid[] {
  return parseBatchItems(ppidIngestItem, items, results, {
    key: keyOf,
    externalId: (i) => i.externalId,
    eventId: eventIdOf,
    duplicateField: (i) => (i.kind === 'request' ? 'event.eventId' : 'eventId'),
  });
}

function reject(index: number, item: PpidIngestItem, error: ItemError): IngestItemResult {
  return {
    index,
    externalId: item.externalId,
    eventId: eventIdOf(item),
    status: 'rejected',
    error: { ...error, field: `items.${index}.${error.field}` },
  };
}

/** The OPD must be one of the province's, and still exist at the time of the item. */
function checkOpd(opdId: string | undefined, at: string, pack: ProvincePack, field: string): ItemError | null {
  if (!opdId) return null;
  const opd = pack.opds.find((o) => o.id === opdId);
  if (!opd) return { field, message: `unknown OPD ${opdId}` };
  if (opd.activeTo && opd.activeTo < at.slice(0, 10)) return { field, message: `OPD ${opdId} no longer exists` };
  return null;
}

function checkReferences(item: PpidIngestItem, pack: ProvincePack): ItemError | null {
  if (item.kind === 'request') {
    return item.event.type === 'received'
      ? checkOpd(item.event.opdId, item.event.occurredAt, pack, 'event.opdId')
      : null;
  }
  return checkOpd(item.opdId, item.occurredAt, pack, 'opdId');
}

/** The live topics a request change touches; `worklist` when it is (or was) at risk or overdue. */
function topicsFor(opdIds: Iterable<string | null>, worklist: boolean): string[] {
  const topics = new Set(['province', 'public:province']);
  for (const id of opdIds) if (id) topics.add(opdTopic(id)).add(publicTopic(opdTopic(id)));
  if (worklist) topics.add('worklist');
  return [...topics];
}

async function applyBatch(
  client: PoolClient,
  ctx: PpidContext,
  source: string,
  valid: Valid[],
  results: IngestItemResult[],
  actor: string,
): Promise<void> {
  const requestIds = [...new Set(valid.filter((v) => v.item.kind === 'request').map((v) => v.item.externalId))];
  const current = await lockPpidRequests(client, source, requestIds);
  const seen = await seenPpidEvents(
    client,
    source,
    valid.map(({ item }) => ({ kind: item.kind, externalId: item.externalId, eventId: eventIdOf(item) })),
  );
  const states = new Map<string, PpidState>([...current].map(([k, c]) => [k, c.state]));
  const accepted: Valid[] = [];
  for (const v of valid) {
    const { index, item } = v;
    const refError = checkReferences(item, ctx.pack);
    if (refError) {
      results[index] = reject(index, item, refError);
      continue;
    }
    if (seen.has(keyOf(item))) {
      results[index] = { index, externalId: item.externalId, eventId: eventIdOf(item), status: 'duplicate' };
      continue;
    }
    if (item.kind === 'request') {
      const applied = applyPpidEvent(states.get(item.externalId) ?? null, item.event);
      if (!applied.ok) {
        results[index] = reject(index, item, applied.error);
        continue;
      }
      states.set(item.externalId, applied.state);
    }
    accepted.push(v);
    results[index] = { index, externalId: item.externalId, eventId: eventIdOf(item), status: 'accepted' };
  }
  if (accepted.length === 0) return;

  const now = ctx.now?.() ?? new Date();
  const cal = ctx.calendar();
  const rules = ctx.ppidRules ?? DEFAULT_PPID_RULES;
  const rows: PpidRowWrite[] = [];
  const touchedOpds = new Set<string | null>();
  let worklist = false;
  for (const externalId of new Set(accepted.filter((a) => a.item.kind === 'request').map((a) => a.item.externalId))) {
    const state = states.get(externalId)!;
    const before = current.get(externalId);
    const d = ppidDeadline(state, cal, now, rules);
    const sameDeadline = before && (before.deadlineAt?.getTime() ?? null) === (d.at?.getTime() ?? null);
    rows.push({
      externalId,
      state,
      deadlineStep: d.step,
      deadlineAt: d.at,
      deadlineState: d.state,
      // A new deadline starts a new ladder.
      escalationLevel: sameDeadline ? before.escalationLevel : 0,
    });
    touchedOpds.add(state.opdId);
    if (before) touchedOpds.add(before.state.opdId);
    worklist ||= d.state === 'at_risk' || d.state === 'overdue';
    worklist ||= before?.deadlineState === 'at_risk' || before?.deadlineState === 'overdue';
  }
  const ids = await upsertPpidRequests(client, source, rows);
  const events: PpidEventWrite[] = [];
  const requesters: PpidRequesterWrite[] = [];
  const dip: DipEntryWrite[] = [];
  const monev: MonevWrite[] = [];
  for (const { item } of accepted) {
    if (item.kind === 'request') {
      const requestId = ids.get(item.externalId)!;
      let payload: Omit<PpidEvent, 'requester'> = item.event;
      if (item.event.type === 'received') {
        const { requester, ...rest } = item.event;
        payload = rest;
        if (requester && Object.values(requester).some(Boolean)) requesters.push({ requestId, requester });
      }
      events.push({
        kind: 'request',
        externalId: item.externalId,
        eventId: item.event.eventId,
        requestId,
        type: item.event.type,
        payload,
        actor,
        occurredAt: item.event.occurredAt,
      });
      continue;
    }
    touchedOpds.add(item.opdId);
    events.push({
      kind: item.kind,
      externalId: item.externalId,
      eventId: item.eventId,
      requestId: null,
      type: item.kind,
      payload: item,
      actor,
      occurredAt: item.occurredAt,
    });
    if (item.kind === 'dip_entry') {
      const { kind: _k, eventId: _e, ...entry } = item;
      dip.push(entry);
    } else {
      monev.push({
        opdId: item.opdId,
        year: item.year,
        score: item.score,
        band: kiBandOf(item.score),
        occurredAt: item.occurredAt,
      });
    }
  }
  await appendPpidEvents(client, source, events);
  await savePpidRequesters(client, requesters);
  await upsertDipEntries(client, source, dip);
  await upsertMonev(client, monev);
  await touchTopics(client, topicsFor(touchedOpds, worklist));
  await markSourceDelivered(client, { id: source, stream: 'ppid', label: source, freshnessTargetSeconds: 86_400 });
}

/**
 * Applies items inside the caller's transaction (a caller that must hold the transaction open, as a
 * fault test does to race the watcher). Returns the per-item results; the caller commits.
 */
export async function applyPpidItems(
  client: PoolClient,
  ctx: PpidContext,
  source: string,
  items: readonly unknown[],
  actor = `source:${source}`,
): Promise<IngestItemResult[]> {
  const results: IngestItemResult[] = new Array<IngestItemResult>(items.length);
  const valid = parseItems(items, results);
  if (valid.length > 0) await applyBatch(client, ctx, source, valid, results, actor);
  return results;
}

/**
 * Ingests a batch of PPID items (request events, DIP entries, monev scores) from one source, exactly
 * once: each item is idempotent by (source, kind, external id, event id); a bad item is rejected with
 * the field that is wrong and writes nothing, the others commit together, and results are returned only
 * after COMMIT. The HTTP route, the CSV import and the simulator all come through here.
 */
export async function ingestPpidBatch(
  pool: Pool,
  ctx: PpidContext,
  source: string,
  items: readonly unknown[],
  actor = `source:${source}`,
): Promise<IngestItemResult[]> {
  const results: IngestItemResult[] = new Array<IngestItemResult>(items.length);
  const valid = parseItems(items, results);
  if (valid.length === 0) return metricsFor(pool).countIngested('ppid', results);
  try {
    await withRetriedTransaction(pool, (client) => applyBatch(client, ctx, source, valid, results, actor));
  } catch (err) {
    // An outage or a lock conflict that outlived the retries is no verdict on the data: the whole
    // request fails (503 at the edge) and the source sends it again.
    if (isTransientDbError(err)) throw err;
    // The database refused something the checks let through: retry item by item, so one bad item
    // never costs the rest of the batch.
    for (const v of valid) {
      const one: IngestItemResult[] = [];
      try {
        await withRetriedTransaction(pool, (client) =>
          applyBatch(client, ctx, source, [{ ...v, index: 0 }], one, actor),
        );
        const r = one[0]!;
        results[v.index] = {
          ...r,
          index: v.index,
          ...(r.error ? { error: { ...r.error, field: r.error.field.replace(/^items\.0/, `items.${v.index}`) } } : {}),
        };
      } catch (e) {
        if (isTransientDbError(e)) throw e;
        results[v.index] = reject(v.index, v.item, {
          field: '',
          message: `not stored: ${(e as { message?: string }).message || String(err)}`,
        });
        results[v.index]!.error!.field = `items.${v.index}`;
      }
    }
  }
  return metricsFor(pool).countIngested('ppid', results);
}
