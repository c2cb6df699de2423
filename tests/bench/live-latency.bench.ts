import { createServer } from 'node:http';
import { Worker } from 'node:worker_threads';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connectClient, type Socket } from 'socket.io-client';
import type { JsonObject } from '@pantau/domain';
import { createLogger } from '../../apps/server/src/logger.ts';
import { startLiveEngine } from '../../apps/server/src/live/live-engine.ts';
import { LiveClient } from '../../apps/web/src/live/live-client.ts';
import { benchDatabase, fmt, summarize, type BenchResult } from './support.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 500);
const RATE = Number(process.env.BENCH_RATE ?? 1000); // events per second
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const HZ = 4;

/**
 * Commit → client latency of the live engine with CLIENTS viewers while RATE events/s are committed,
 * against a bare socket.io broadcast of a same-size payload to the same number of clients.
 */
export async function liveLatencyBench(): Promise<BenchResult> {
  const db = await benchDatabase('latency');
  await db.pool.query('CREATE TABLE bench_marker (id int PRIMARY KEY, n bigint NOT NULL)');
  await db.pool.query('INSERT INTO bench_marker VALUES (1, 0)');
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  const engine = await startLiveEngine({
    io,
    pool: db.pool,
    connectionString: db.url,
    logger: createLogger('silent'),
    hz: HZ,
    refreshMs: 3_600_000,
    build: async (pool, topic): Promise<JsonObject | null> => {
      if (topic !== 'province') return null;
      const { rows } = await pool.query<{ n: number }>('SELECT n FROM bench_marker WHERE id = 1');
      // A payload the size of a real province delta: a few counters that move.
      const n = rows[0]?.n ?? 0;
      return { last: n, complaints: { today: { received: n }, open: { total: n % 97, overdue: n % 13 } } };
    },
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const token = await (await import('@pantau/db')).issueWallDevice(db.pool, 'bench', 'bench');

  const clients: LiveClient[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const c = new LiveClient({
      url,
      namespace: '/live',
      auth: { deviceToken: token },
      socketOptions: { transports: ['websocket'], forceNew: true },
    });
    c.subscribe('province');
    clients.push(c);
  }
  await waitFor(() => clients.every((c) => c.state === 'live' || c.topics.has('province')), 60_000);

  // Writer: RATE commits a second, each bumping the marker and marking the topic changed.
  const commitAt = new Map<number, number>();
  const latencies: number[] = [];
  const seen = clients.map(() => 0);
  clients.forEach((c, idx) =>
    c.onChange(() => {
      const last = Number(c.topics.get('province')?.state.last ?? 0);
      const now = performance.timeOrigin + performance.now();
      for (let k = seen[idx]! + 1; k <= last; k++) {
        const at = commitAt.get(k);
        if (at !== undefined && k % 10 === 0) latencies.push(now - at);
      }
      if (last > seen[idx]!) seen[idx] = last;
    }),
  );
  const total = RATE * SECONDS;
  // A worker thread registers tsx itself (Node 20 workers do not inherit --import loaders for .ts).
  const writerUrl = new URL('./latency-writer.ts', import.meta.url).href;
  const worker = new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(writerUrl)}); })`,
    { eval: true, workerData: { url: db.url, schema: db.schema, rate: RATE, total } },
  );
  const achieved = await new Promise<number>((resolve, reject) => {
    worker.on('message', (m: [number | 'done', number]) => {
      if (m[0] === 'done') resolve(m[1]);
      else commitAt.set(m[0], m[1]);
    });
    worker.on('error', reject);
  });
  await waitFor(() => seen.every((s) => s >= total), 30_000).catch(() => undefined);
  const live = summarize(latencies);
  const payloadBytes = Buffer.byteLength(
    JSON.stringify({
      topic: 'province',
      seq: 123456,
      prevSeq: 123455,
      diff: [
        { op: 'set', path: ['last'], value: 12345 },
        { op: 'set', path: ['complaints', 'today', 'received'], value: 12345 },
      ],
    }),
  );
  for (const c of clients) c.close();
  await engine.stop();

  // Baseline: the same number of clients, a bare io.emit of a same-size payload, 40 times.
  const bare = await bareBroadcast(io, url, payloadBytes);
  await new Promise<void>((r) => void io.close(() => r()));
  await db.close();
  return {
    name: 'live: commit → client latency',
    lines: [
      `clients ${CLIENTS}, target ${RATE} events/s for ${SECONDS}s (achieved ${fmt(achieved, 0)}/s), coalescing ${HZ} Hz (tick ${1000 / HZ} ms)`,
      `live engine   p50 ${fmt(live.p50)} ms  p95 ${fmt(live.p95)} ms  p99 ${fmt(live.p99)} ms  (n=${live.n})`,
      `bare emit     p50 ${fmt(bare.p50)} ms  p95 ${fmt(bare.p95)} ms  p99 ${fmt(bare.p99)} ms  (${payloadBytes} B payload)`,
      `budget: p99 ≤ tick + 2 × bare p99 = ${fmt(1000 / HZ + 2 * bare.p99)} ms → ${live.p99 <= 1000 / HZ + 2 * bare.p99 ? 'within' : 'OVER'}`,
    ],
  };
}

async function bareBroadcast(io: Server, url: string, bytes: number) {
  const ns = io.of('/bare');
  const sockets: Socket[] = [];
  for (let i = 0; i < CLIENTS; i++)
    sockets.push(connectClient(`${url}/bare`, { transports: ['websocket'], forceNew: true }));
  await waitFor(() => sockets.every((s) => s.connected), 60_000);
  const samples: number[] = [];
  for (let round = 0; round < 40; round++) {
    const sentAt = performance.now();
    let got = 0;
    const done = new Promise<void>((resolve) => {
      for (const s of sockets)
        s.once('tick', () => {
          samples.push(performance.now() - sentAt);
          if (++got === sockets.length) resolve();
        });
    });
    ns.emit('tick', { pad: 'x'.repeat(Math.max(0, bytes - 12)) });
    await done;
    await new Promise((r) => setTimeout(r, (1000 / RATE) * 25));
  }
  for (const s of sockets) s.close();
  return summarize(samples);
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
