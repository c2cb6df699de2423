import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { laporConnectorState, loadWorkingCalendar, seedProvincePack } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintContext } from '../../ingest/complaint-ingest.ts';
import { createLogger } from '../../logger.ts';
import { pullLaporOnce, type LaporConnectorOptions } from './lapor-connector.ts';

type Reply = { status: number; body: string; headers?: Record<string, string>; delayMs?: number };

/** A local stand-in for a LAPOR-like feed: answers with whatever the test queued, records requests. */
function fakeFeed(): Promise<{ url: string; replies: Reply[]; requests: URL[]; server: Server }> {
  const replies: Reply[] = [];
  const requests: URL[] = [];
  const server = createServer((req, res) => {
    requests.push(new URL(req.url ?? '/', 'http://x'));
    const reply = replies.shift() ?? { status: 200, body: JSON.stringify({ items: [], nextCursor: null }) };
    if (req.headers.authorization !== 'Bearer rahasia-token') {
      res
        .writeHead(401, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: 'bad token' } }));
      return;
    }
    setTimeout(
      () => res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(reply.body),
      reply.delayMs ?? 0,
    );
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, replies, requests, server }),
    ),
  );
}

const submitted = (id: string) => ({
  externalId: id,
  event: {
    type: 'submitted',
    eventId: `${id}-s`,
    occurredAt: '2026-11-02T09:00:00+08:00',
    trackingId: id,
    channel: 'web',
    classification: 'pengaduan',
    title: 'Aduan',
    body: 'x',
    regencyCode: '63.71',
  },
});
const page = (items: unknown[], nextCursor: string | null): Reply => ({
  status: 200,
  body: JSON.stringify({ items, nextCursor }),
});

describe('LAPOR connector', () => {
  let db: TestDatabase;
  let ctx: ComplaintContext;
  let feed: Awaited<ReturnType<typeof fakeFeed>>;
  let options: LaporConnectorOptions;
  const log = createLogger('silent');
  const count = async () => (await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM complaint')).rows[0]!.n;

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'lapor' });
    const pack = loadProvincePack('kalsel');
    await seedProvincePack(db.pool, pack);
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    ctx = { pack, calendar: () => calendar };
    feed = await fakeFeed();
    options = {
      baseUrl: feed.url,
      token: 'rahasia-token',
      source: 'lapor',
      // Generous for a loaded CI machine; the no-answer case below waits longer than this.
      timeoutMs: 2000,
      settings: { intervalMs: 60_000, backoffBaseMs: 60_000 },
    };
  });
  afterAll(async () => {
    feed.server.close();
    await db.drop();
  });

  it('drains the feed page by page and keeps its cursor, so the next pull (or a restarted node) resumes after it', async () => {
    feed.replies.push(page([submitted('501'), submitted('502')], 'c2'), page([submitted('503')], 'c3'), page([], 'c3'));
    const r = await pullLaporOnce(db.pool, ctx, options, log);
    expect(r).toMatchObject({ pages: 3, accepted: 3, failure: null });
    expect(await count()).toBe(3);
    expect((await laporConnectorState(db.pool, 'lapor')).cursor).toBe('c3');
    feed.replies.push(page([submitted('504')], 'c4'), page([], 'c4'));
    await pullLaporOnce(db.pool, ctx, options, log);
    expect(feed.requests.at(-2)?.searchParams.get('cursor')).toBe('c3');
    expect(await count()).toBe(4);
  });

  it('backs off on a 429 until Retry-After, marks the source late, and then resumes from the same cursor', async () => {
    feed.replies.push({
      status: 429,
      body: JSON.stringify({ error: { message: 'slow down' } }),
      headers: { 'retry-after': '120' },
    });
    const now = new Date();
    const r = await pullLaporOnce(db.pool, ctx, options, log, now);
    expect(r.failure).toMatchObject({ kind: 'rate_limited', message: 'slow down' });
    const state = await laporConnectorState(db.pool, 'lapor');
    expect(state.failures).toBe(1);
    expect(state.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(now.getTime() + 110_000);
    const source = await db.pool.query(`SELECT last_error FROM source WHERE id = 'lapor'`);
    expect(source.rows[0].last_error).toMatch(/rate_limited/);
    // Inside the back-off window nothing is requested.
    const before = feed.requests.length;
    await pullLaporOnce(db.pool, ctx, options, log, new Date(now.getTime() + 60_000));
    expect(feed.requests.length).toBe(before);
    feed.replies.push(page([submitted('505')], 'c5'), page([], 'c5'));
    const after = await pullLaporOnce(db.pool, ctx, options, log, new Date(now.getTime() + 200_000));
    expect(after.accepted).toBe(1);
    expect(feed.requests.at(-2)?.searchParams.get('cursor')).toBe('c4');
  });

  it.each<[string, Reply, string]>([
    ['garbage that is not JSON', { status: 200, body: '<html>maintenance</html>' }, 'garbage'],
    ['JSON of the wrong shape', { status: 200, body: JSON.stringify({ data: [] }) }, 'garbage'],
    ['an error body', { status: 500, body: JSON.stringify({ error: { message: 'database down' } }) }, 'http'],
    [
      'no answer in time',
      { status: 200, body: JSON.stringify({ items: [], nextCursor: null }), delayMs: 4000 },
      'timeout',
    ],
  ])('treats %s as a failure, backs off, keeps its cursor and never throws', async (_name, reply, kind) => {
    await db.pool.query('UPDATE lapor_connector_state SET failures = 0, next_attempt_at = NULL');
    const now = new Date();
    feed.replies.push(reply);
    const r = await pullLaporOnce(db.pool, ctx, options, log, now);
    expect(r.failure?.kind).toBe(kind);
    const state = await laporConnectorState(db.pool, 'lapor');
    expect(state.nextAttemptAt!.getTime()).toBe(now.getTime() + 60_000);
    expect(state.cursor).toBe('c5'); // the cursor never moves on a failure
  });
});
