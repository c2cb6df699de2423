import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { getRequestListener } from '@hono/node-server';
import {
  IngestRollupBatch,
  issueSourceKey,
  loadWorkingCalendar,
  seedProvincePack,
  type CurrentComplaint,
} from '@pantau/db';
import type { IngestItemResult } from '@pantau/contracts';
import type { WorkingCalendar } from '@pantau/domain';
import { loadProvincePack, type ProvincePack } from '@pantau/provinces';
import { ComplaintSimulator } from '@pantau/simulator';
import { from as copyFrom } from 'pg-copy-streams';
import { createApp } from '../../apps/server/src/app.ts';
import {
  complaintRows,
  foldComplaintEvents,
  validateComplaintItems,
} from '../../apps/server/src/ingest/complaint-ingest.ts';
import { createLogger } from '../../apps/server/src/logger.ts';
import { benchDatabase, fmt, type BenchDatabase, type BenchResult } from './support.ts';

const EVENTS = Number(process.env.BENCH_INGEST_EVENTS ?? 20_000);
const BATCH = 1000;

type SimEvent = ReturnType<ComplaintSimulator['advance']>[number];

interface Run {
  events: number;
  accepted: number;
  batches: number;
  apiRate: number;
  apiSeconds: number;
  copyRate: number;
  copySeconds: number;
  /** The same batches through ingest's JavaScript alone, no database (see domainOnly). */
  domainRate: number;
  /** What ingest stores, written once with no logic (see storageOnly). */
  storageRate: number;
}

/** A lane's events in batches of at most BATCH, in order. */
function batchesOf(lane: SimEvent[]): SimEvent[][] {
  const out: SimEvent[][] = [];
  for (let b = 0; b < lane.length; b += BATCH) out.push(lane.slice(b, b + BATCH));
  return out;
}

/** Each source's events in time order: a complaint belongs to one source, so its events stay in one lane. */
function splitBySource(events: SimEvent[], sources: number): SimEvent[][] {
  const lanes: SimEvent[][] = Array.from({ length: sources }, () => []);
  const laneOf = new Map<string, number>();
  for (const e of events) {
    let lane = laneOf.get(e.externalId);
    if (lane === undefined) {
      lane = laneOf.size % sources;
      laneOf.set(e.externalId, lane);
    }
    lanes[lane]!.push(e);
  }
  return lanes;
}

/**
 * The floor no change of storage can lower: the same batches through the work ingest does in JavaScript
 * whatever it stores — the request body parsed, each item validated against the contract, checked
 * against the province, folded through the state machine, its deadline on the working-day calendar and
 * its rollup contribution computed — with no database at all (no duplicate lookup, no ladder, no flush).
 * Each case carries its state from batch to batch as its locked row would. One thread, as the server.
 */
function domainOnly(pack: ProvincePack, calendar: WorkingCalendar, lanes: SimEvent[][]): number {
  const ctx = { pack, calendar: () => calendar };
  const bodies = lanes.flatMap((lane) => batchesOf(lane).map((items) => JSON.stringify({ source: 'bench', items })));
  const known = new Map<string, CurrentComplaint>();
  const now = new Date();
  let events = 0;
  const started = performance.now();
  for (const body of bodies) {
    const { items } = JSON.parse(body) as { items: unknown[] };
    const results = new Array<IngestItemResult>(items.length);
    const valid = validateComplaintItems(items, results);
    const current = new Map<string, CurrentComplaint>();
    for (const v of valid) {
      const k = known.get(v.externalId);
      if (k) current.set(v.externalId, k);
    }
    const { accepted, changed } = foldComplaintEvents(ctx, valid, current, new Set(), results, now);
    const { rows, facts } = complaintRows(ctx, changed, new Map());
    const rollups = new IngestRollupBatch(pack.timeZone);
    for (const f of facts) rollups.add(...f());
    for (const r of rows)
      known.set(r.externalId, {
        id: known.get(r.externalId)?.id ?? known.size + 1,
        state: r.state,
        deadlineAt: r.deadlineAt,
        deadlineState: r.deadlineState,
        escalationLevel: r.escalationLevel,
      });
    events += accepted.length;
  }
  return events / ((performance.now() - started) / 1000);
}

/**
 * The floor on the database's side: what ingest must keep, written once, with none of its logic — every
 * event into a copy of the event log and every case's final row (body and reporter apart) into copies of
 * their tables, with the same indexes (the console's search among them), server-side from the rows the
 * run stored, so no parsing and no network. Ingest writes more: each case is updated once per batch it
 * appears in, and the rollups and the outbox besides; so this is an upper bound on its rate.
 */
async function storageOnly(db: BenchDatabase, events: number): Promise<number> {
  const client = await db.pool.connect();
  try {
    const tables = ['complaint_event', 'complaint', 'complaint_body', 'complaint_reporter'];
    for (const t of tables) await client.query(`CREATE TABLE floor_${t} (LIKE ${t} INCLUDING ALL)`);
    const started = performance.now();
    await client.query('BEGIN');
    for (const t of tables) await client.query(`INSERT INTO floor_${t} SELECT * FROM ${t}`);
    await client.query('COMMIT');
    return events / ((performance.now() - started) / 1000);
  } finally {
    client.release();
  }
}

/**
 * One measurement on a fresh schema: `sources` sources post their own events concurrently through the
 * HTTP API (each one batch at a time, in order), then the same rows are COPYed into a plain table with
 * the event log's columns, one COPY stream per source, concurrently too: same rows, same concurrency.
 */
async function measure(pack: ProvincePack, events: SimEvent[], sources: number): Promise<Run> {
  const db = await benchDatabase(`ingest${sources}`);
  await seedProvincePack(db.pool, pack);
  const names = Array.from({ length: sources }, (_, i) => (sources === 1 ? 'bench' : `bench${i + 1}`));
  const keys = await Promise.all(names.map((n) => issueSourceKey(db.pool, n, n)));
  const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
  const app = createApp({
    pool: db.pool,
    pack,
    logger: createLogger('silent'),
    webDist: '/nonexistent',
    complaints: { pack, calendar: () => calendar },
  });
  const http = createServer(getRequestListener(app.fetch));
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/api/ingest/complaints`;
  const lanes = splitBySource(events, sources);

  // A batch may depend on an earlier one of its source (same complaint): each source posts in order.
  let accepted = 0;
  let batches = 0;
  const started = performance.now();
  await Promise.all(
    lanes.map(async (lane, i) => {
      for (const items of batchesOf(lane)) {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${keys[i]}` },
          body: JSON.stringify({ source: names[i], items }),
        });
        if (!res.ok) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
        accepted += ((await res.json()) as { accepted: number }).accepted;
        batches += 1;
      }
    }),
  );
  const apiSeconds = (performance.now() - started) / 1000;

  // Baseline: COPY the same events (as rows) into a plain table with the event log's columns.
  await db.pool.query(
    'CREATE TABLE copy_event (source text, external_id text, event_id text, type text, payload jsonb, occurred_at timestamptz)',
  );
  const clients = await Promise.all(lanes.map(() => db.pool.connect()));
  const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  const copyStarted = performance.now();
  await Promise.all(
    lanes.map((lane, i) =>
      pipeline(
        Readable.from(
          lane.map(
            (e) =>
              `${names[i]}\t${esc(e.externalId)}\t${esc(e.event.eventId)}\t${e.event.type}\t${esc(JSON.stringify(e.event))}\t${e.event.occurredAt}\n`,
          ),
        ),
        clients[i]!.query(copyFrom('COPY copy_event FROM STDIN')),
      ),
    ),
  );
  const copySeconds = (performance.now() - copyStarted) / 1000;
  const domainRate = domainOnly(pack, calendar, lanes);
  const storageRate = await storageOnly(db, events.length);
  for (const c of clients) c.release();
  await new Promise<void>((r) => http.close(() => r()));
  await db.close();
  return {
    events: events.length,
    accepted,
    batches,
    apiSeconds,
    apiRate: events.length / apiSeconds,
    copySeconds,
    domainRate,
    storageRate,
    copyRate: events.length / copySeconds,
  };
}

function report(label: string, r: Run): string[] {
  const ratio = r.apiRate / r.copyRate;
  return [
    `${label}: ${r.events} events (${r.accepted} accepted) in ${r.batches} batches of ≤1,000`,
    `  HTTP ingest   ${fmt(r.apiRate, 0)} events/s  (${fmt(r.apiSeconds, 2)} s)`,
    `  bare COPY     ${fmt(r.copyRate, 0)} rows/s  (${fmt(r.copySeconds, 2)} s)`,
    `  ratio ingest/COPY = ${fmt(ratio, 3)} (budget ≥ 0.5 → ${ratio >= 0.5 ? 'within' : 'OVER'})`,
    // However the rows are stored, the server does this work on its one thread for every event.
    `  ingest's JavaScript alone, no database: ${fmt(r.domainRate, 0)} events/s → the ratio can reach at most ${fmt(r.domainRate / r.copyRate, 3)}`,
    `  what it stores, written once, no logic: ${fmt(r.storageRate, 0)} events/s → at most ${fmt(r.storageRate / r.copyRate, 3)}`,
  ];
}

/**
 * Ingest through the real HTTP API (validation, state machine, deadlines, rollups, outbox; 1,000-item
 * batches) against a bare COPY of the same rows into the same PostgreSQL: once with one source posting
 * its batches in order, once with four sources posting concurrently (against four concurrent COPYs).
 */
export async function ingestBench(): Promise<BenchResult> {
  const pack = loadProvincePack('kalteng');
  // Realistic events: whole lifecycles from the simulator, in time order.
  const sim = new ComplaintSimulator({ pack, start: new Date('2026-01-05T00:00:00Z'), seed: 42, perDay: 2000 });
  const events = sim.advance(new Date('2026-03-01T00:00:00Z')).slice(0, EVENTS);
  const single = await measure(pack, events, 1);
  const four = await measure(pack, events, 4);
  return {
    name: 'ingest: HTTP API with rollups and outbox vs bare COPY',
    lines: [...report('1 source', single), ...report('4 concurrent sources', four)],
  };
}
