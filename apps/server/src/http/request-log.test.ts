import { Writable } from 'node:stream';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { Hono } from 'hono';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { NodeMetrics } from '../metrics/node-metrics.ts';
import { requestIdOf, requestLog } from './request-log.ts';

/** A pino logger whose JSON lines are kept for the test to read. */
function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

describe('the request log', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ label: 'requestlog' });
  });
  afterAll(async () => db.drop());

  it('writes one JSON line per request with the route pattern, status, duration and the caller’s X-Request-Id', async () => {
    const { logger, lines } = capturingLogger();
    const app = createApp({ pool: db.pool, pack: loadProvincePack('kalteng'), logger, webDist: '/nonexistent' });
    const res = await app.request('/api/province', { headers: { 'x-request-id': 'proxy-abc.123' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('proxy-abc.123');
    const line = lines.find((l) => l.msg === 'request');
    expect(line).toMatchObject({
      level: 30,
      requestId: 'proxy-abc.123',
      method: 'GET',
      path: '/api/province',
      route: '/api/province',
      status: 200,
    });
    expect(typeof line?.ms).toBe('number');
  });

  it('makes an id when the caller sent none or an unusable one, and returns it in an error body', async () => {
    const { logger, lines } = capturingLogger();
    const app = createApp({ pool: db.pool, pack: loadProvincePack('kalteng'), logger, webDist: '/nonexistent' });
    const attempts: Array<Record<string, string>> = [
      {},
      { 'x-request-id': 'has spaces and "quotes"' },
      { 'x-request-id': 'x'.repeat(200) },
    ];
    for (const headers of attempts) {
      const res = await app.request('/api/nope', { headers });
      expect(res.status).toBe(404);
      const id = res.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await res.json()).toEqual({ error: { message: 'no route for GET /api/nope' }, requestId: id });
      expect(lines.at(-1)).toMatchObject({ requestId: id, route: 'unmatched', status: 404 });
    }
    // A refused sign-in names its request too, and its route is the pattern, not the path.
    const refused = await app.request('/api/users/nobody', { method: 'PATCH' });
    expect(refused.status).toBe(401);
    expect((await refused.json()).requestId).toBe(refused.headers.get('x-request-id'));
    expect(lines.at(-1)).toMatchObject({ route: '/api/users/:id', status: 401 });
  });

  it('logs a failing request at error level with its id, and the error body carries the same id', async () => {
    const { logger, lines } = capturingLogger();
    const app = new Hono();
    app.use('*', requestLog({ logger, metrics: new NodeMetrics(db.pool) }));
    app.onError((err, c) => {
      logger.error({ err, requestId: requestIdOf(c) }, 'unhandled error');
      return c.json({ error: { message: 'internal error' } }, 500);
    });
    app.get('/boom', () => {
      throw new Error('kaput');
    });
    const res = await app.request('/boom', { headers: { 'x-request-id': 'req-500' } });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { message: 'internal error' }, requestId: 'req-500' });
    expect(lines.map((l) => [l.level, l.msg, l.requestId])).toEqual([
      [50, 'unhandled error', 'req-500'],
      [50, 'request', 'req-500'],
    ]);
  });

  it('logs health probes at debug level, so info shows the traffic', async () => {
    const { logger, lines } = capturingLogger();
    const app = createApp({ pool: db.pool, pack: loadProvincePack('kalteng'), logger, webDist: '/nonexistent' });
    await app.request('/healthz');
    expect(lines.find((l) => l.msg === 'request')).toMatchObject({ level: 20, path: '/healthz' });
  });
});
