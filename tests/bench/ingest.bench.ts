import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { getRequestListener } from '@hono/node-server';
import { issueSourceKey, loadWorkingCalendar, seedProvincePack } from '@pantau/db';
import { loadProvincePack, type ProvincePack } from '@pantau/provinces';
import { ComplaintSimulator } from '@pantau/simulator';
import { from as copyFrom } from 'pg-copy-streams';
import { createApp } from '../../apps/server/src/app.ts';
import { createLogger } from '../../apps/server/src/logger.ts';
import { benchDatabase, fmt, type BenchResult } from './support.ts';

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
      for (let b = 0; b < lane.length; b += BATCH) {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${keys[i]}` },
          body: JSON.stringify({ source: names[i], items: lane.slice(b, b + BATCH) }),
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
