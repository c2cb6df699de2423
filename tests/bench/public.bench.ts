import { spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import autocannon from 'autocannon';
import { seedProvincePack } from '@pantau/db';
import { loadProvincePack } from '@pantau/provinces';
import { benchDatabase, fmt, type BenchResult } from './support.ts';

const DURATION = Number(process.env.BENCH_PUBLIC_SECONDS ?? 10);
const CONNECTIONS = 50;

/**
 * The public routes under load from one node on loopback: a cached public API answer and a cached widget
 * page, each beside the bare /healthz of the same node in the same run (the ceiling of this machine's
 * HTTP stack). Answers come from the node's cache, so the database's size does not enter; the first
 * computation is not measured. Also the bytes each one sends.
 */
export async function publicBench(): Promise<BenchResult> {
  const db = await benchDatabase('public');
  const pack = loadProvincePack('kalteng');
  await seedProvincePack(db.pool, pack);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'public-server.ts'), db.url, db.schema],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => {
      const m = /PORT (\d+)/.exec(b.toString());
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`bench server exited ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const targets = [
    ['/healthz (baseline)', '/healthz'],
    ['public API /summary', '/api/public/v1/summary?scope=province'],
    ['widget page /embed/trend', '/embed/trend?scope=province'],
    ['widget 304 (If-None-Match)', '/embed/trend?scope=province'],
  ] as const;
  const lines: string[] = [];
  let baseline = 0;
  try {
    for (const [name, p] of targets) {
      // As a browser asks: it always accepts gzip (Node's fetch decompresses; the bytes shown are the body's).
      const first = await fetch(`${base}${p}`);
      const body = Buffer.from(await first.arrayBuffer());
      const headers: Record<string, string> = { 'accept-encoding': 'gzip' };
      if (name.includes('304')) headers['if-none-match'] = first.headers.get('etag') ?? '';
      // Warm the cache and the JIT, then measure.
      await autocannon({ url: `${base}${p}`, connections: 10, duration: 2, headers });
      const r = await autocannon({ url: `${base}${p}`, connections: CONNECTIONS, duration: DURATION, headers });
      if (!baseline) baseline = r.requests.average;
      // A 304 is the expected answer of the revalidation target.
      const non2xx = name.includes('304') ? r['2xx'] : r.non2xx;
      lines.push(
        `${name.padEnd(28)} ${fmt(r.requests.average, 0).padStart(7)} req/s  p99 ${fmt(r.latency.p99, 0).padStart(4)} ms  ` +
          `${(r.requests.average / baseline).toFixed(2)}× baseline  ${name.includes('304') ? '0' : body.length} B ` +
          `(${name.includes('304') ? 0 : gzipSync(body).length} B gzip)${non2xx ? `  ${non2xx} errors` : ''}${r.errors ? `  ${r.errors} socket errors` : ''}`,
      );
    }
  } finally {
    child.kill('SIGTERM');
    await db.close();
  }
  return {
    name: `public routes, ${CONNECTIONS} connections × ${DURATION} s on loopback (server in its own process)`,
    lines,
  };
}
