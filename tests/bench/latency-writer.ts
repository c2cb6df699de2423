// Worker thread for the latency benchmark: commits RATE events a second on its own pool and reports
// each commit's absolute time, so writing does not compete with the 500 clients' event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { createPool, touchTopics, withTransaction } from '@pantau/db';

const { url, schema, rate, total } = workerData as { url: string; schema: string; rate: number; total: number };
const pool = createPool({ connectionString: url, schema, max: 16 });
const now = () => performance.timeOrigin + performance.now();
const started = now();
let n = 0;
await Promise.all(
  Array.from({ length: 16 }, async () => {
    while (n < total) {
      const wait = started + (n / rate) * 1000 - now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      n += 1;
      const k = await withTransaction(pool, async (c) => {
        const { rows } = await c.query<{ n: number }>('UPDATE bench_marker SET n = n + 1 WHERE id = 1 RETURNING n');
        await touchTopics(c, ['province']);
        return rows[0]!.n;
      });
      parentPort!.postMessage([k, now()]);
    }
  }),
);
parentPort!.postMessage(['done', total / ((now() - started) / 1000)]);
await pool.end();
