import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { getRequestListener } from '@hono/node-server';
import { issueSourceKey, loadWorkingCalendar, seedProvincePack } from '@pantau/db';
import { loadProvincePack } from '@pantau/provinces';
import { ComplaintSimulator } from '@pantau/simulator';
import { from as copyFrom } from 'pg-copy-streams';
import { createApp } from '../../apps/server/src/app.ts';
import { createLogger } from '../../apps/server/src/logger.ts';
import { benchDatabase, fmt, type BenchResult } from './support.ts';

const EVENTS = Number(process.env.BENCH_INGEST_EVENTS ?? 20_000);

/**
 * Ingest through the real HTTP API (validation, state machine, deadlines, rollups, outbox; 1,000-item
 * batches, two requests in flight) against a bare COPY of the same rows into the same PostgreSQL.
 */
export async function ingestBench(): Promise<BenchResult> {
  const db = await benchDatabase('ingest');
  const pack = loadProvincePack('kalteng');
  await seedProvincePack(db.pool, pack);
  const key = await issueSourceKey(db.pool, 'bench', 'bench');
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

  // Realistic events: whole lifecycles from the simulator, in time order.
  const sim = new ComplaintSimulator({ pack, start: new Date('2026-01-05T00:00:00Z'), seed: 42, perDay: 2000 });
  const events = sim.advance(new Date('2026-03-01T00:00:00Z')).slice(0, EVENTS);
  const batches: (typeof events)[] = [];
  for (let i = 0; i < events.length; i += 1000) batches.push(events.slice(i, i + 1000));

  // A batch may depend on an earlier one (same complaint), so each complaint's events stay in one lane.
  const started = performance.now();
  let accepted = 0;
  for (const batch of batches) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ source: 'bench', items: batch }),
    });
    const body = (await res.json()) as { accepted: number };
    accepted += body.accepted;
  }
  const apiSeconds = (performance.now() - started) / 1000;

  // Baseline: COPY the same events (as rows) into a plain table with the event log's columns.
  await db.pool.query(
    'CREATE TABLE copy_event (source text, external_id text, event_id text, type text, payload jsonb, occurred_at timestamptz)',
  );
  const client = await db.pool.connect();
  const copyStarted = performance.now();
  const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  await pipeline(
    Readable.from(
      events.map(
        (e) =>
          `bench\t${esc(e.externalId)}\t${esc(e.event.eventId)}\t${e.event.type}\t${esc(JSON.stringify(e.event))}\t${e.event.occurredAt}\n`,
      ),
    ),
    client.query(copyFrom('COPY copy_event FROM STDIN')),
  );
  const copySeconds = (performance.now() - copyStarted) / 1000;
  client.release();
  await new Promise<void>((r) => http.close(() => r()));
  await db.close();
  const apiRate = events.length / apiSeconds;
  const copyRate = events.length / copySeconds;
  return {
    name: 'ingest: HTTP API with rollups and outbox vs bare COPY',
    lines: [
      `${events.length} events (${accepted} accepted) in ${batches.length} batches of ≤1,000`,
      `HTTP ingest   ${fmt(apiRate, 0)} events/s  (${fmt(apiSeconds, 2)} s)`,
      `bare COPY     ${fmt(copyRate, 0)} rows/s  (${fmt(copySeconds, 2)} s)`,
      `ratio ingest/COPY = ${fmt(apiRate / copyRate, 3)} (budget ≥ 0.5 → ${apiRate / copyRate >= 0.5 ? 'within' : 'OVER'})`,
    ],
  };
}
