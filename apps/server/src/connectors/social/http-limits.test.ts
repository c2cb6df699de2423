import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, type PlatformErrorReader } from './http.ts';

const errors: PlatformErrorReader = { message: () => null, isRateLimit: () => false, resetAt: () => null };
const MiB = 1024 * 1024;

describe('platform answers that are too big or too slow', () => {
  let server: Server;
  let base: string;
  let sentHuge = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/huge') {
        // A JSON array that never seems to end: 1 MiB chunks, up to 400 MiB, as fast as the reader takes them.
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(MiB, '1,');
        res.write('[');
        const pump = () => {
          while (sentHuge < 400 * MiB) {
            sentHuge += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end('1]');
        };
        res.on('close', () => (sentHuge = Number.MAX_SAFE_INTEGER));
        pump();
      } else if (req.url === '/declared') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(400 * MiB) });
        res.write('[');
      } else if (req.url === '/stall') {
        // Headers at once, then the body never comes.
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"items": [');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('stops reading a body past the size cap, says which limit was hit, and does not buffer it', async () => {
    const before = process.memoryUsage().rss;
    const r = await getJson(`${base}/huge`, { timeoutMs: 20_000, maxBytes: 4 * MiB }, errors);
    expect(r).toMatchObject({ ok: false, failure: { kind: 'too_large' } });
    if (!r.ok) expect(r.failure.message).toMatch(/4194304 bytes/);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MiB);
  });

  it('refuses a declared Content-Length over the cap before reading', async () => {
    const r = await getJson(`${base}/declared`, { timeoutMs: 5_000, maxBytes: 4 * MiB }, errors);
    expect(r).toMatchObject({ ok: false, failure: { kind: 'too_large' } });
  });

  it('gives up on a body that stalls after the headers, naming the timeout', async () => {
    const started = Date.now();
    const r = await getJson(`${base}/stall`, { timeoutMs: 500 }, errors);
    expect(r).toMatchObject({ ok: false, failure: { kind: 'timeout', message: 'no answer within 500 ms' } });
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
