import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { issueSourceKey, loadWorkingCalendar, seedProvincePack, withTransaction } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { pullLaporOnce } from '../connectors/lapor/lapor-connector.ts';
import { watchDeadlines } from '../deadlines/watcher.ts';
import { createLogger } from '../logger.ts';
import { applyComplaintItems, ingestComplaintBatch, type ComplaintContext } from './complaint-ingest.ts';
import { verifyComplaintRollups } from './verify-rollups.ts';

const pack = loadProvincePack('kalsel');
const wita = (s: string) => new Date(`${s}+08:00`);
const submitted = (externalId: string) => ({
  externalId,
  event: {
    type: 'submitted',
    eventId: 's',
    occurredAt: '2026-11-02T09:00:00+08:00',
    trackingId: externalId.replace(/\D/g, '') || '1',
    channel: 'web',
    classification: 'pengaduan',
    title: 'Aduan',
    body: 'x',
    regencyCode: '63.72',
  },
});

describe('source freshness', () => {
  let db: TestDatabase;
  let ctx: ComplaintContext;
  let feed: Server;
  let feedUrl: string;
  const logger = createLogger('silent');

  /** Makes `source` look dead: last delivery an hour ago, with an error. */
  const goStale = (source: string) =>
    db.pool.query(
      `UPDATE source SET last_delivery_at = now() - interval '1 hour', last_error = 'timeout: no answer in 10 s' WHERE id = $1`,
      [source],
    );
  const freshness = async (source: string) =>
    (
      await db.pool.query(
        `SELECT extract(epoch FROM now() - last_delivery_at)::int AS age, last_error FROM source WHERE id = $1`,
        [source],
      )
    ).rows[0] as { age: number; last_error: string | null };

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'freshness' });
    await seedProvincePack(db.pool, pack);
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    ctx = { pack, calendar: () => calendar, now: () => wita('2026-11-02T09:05:00') };
    // A LAPOR-like feed with nothing new: always an empty page.
    feed = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: [], nextCursor: null })),
    );
    await new Promise<void>((r) => feed.listen(0, '127.0.0.1', r));
    feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => feed.close(r));
    await db.drop();
  });

  it('a console action or the watcher auto-closing a complaint leaves a dead source stale, with its error', async () => {
    await ingestComplaintBatch(db.pool, ctx, 'lapor', [
      submitted('F1'),
      submitted('F2'),
      {
        externalId: 'F2',
        event: { type: 'verified', eventId: 'v', occurredAt: '2026-11-02T10:00:00+08:00', opdId: 'kalsel.pupr' },
      },
      { externalId: 'F2', event: { type: 'follow_up_posted', eventId: 'f', occurredAt: '2026-11-02T11:00:00+08:00' } },
    ]);
    await goStale('lapor');
    await withTransaction(db.pool, (client) =>
      applyComplaintItems(
        client,
        ctx,
        'lapor',
        [
          {
            externalId: 'F1',
            event: {
              type: 'verified',
              eventId: 'console:1',
              occurredAt: '2026-11-03T09:00:00+08:00',
              opdId: 'kalsel.pupr',
            },
          },
        ],
        'user:piket',
      ),
    );
    expect(await freshness('lapor')).toMatchObject({ last_error: 'timeout: no answer in 10 s' });
    expect((await freshness('lapor')).age).toBeGreaterThanOrEqual(3590);

    const r = await watchDeadlines(db.pool, ctx, wita('2026-11-17T10:00:00'));
    expect(r.autoClosed).toBe(1);
    expect(await freshness('lapor')).toMatchObject({ last_error: 'timeout: no answer in 10 s' });
    expect((await freshness('lapor')).age).toBeGreaterThanOrEqual(3590);
  });

  it('a pull connector whose poll succeeds with nothing new is fresh, and its error is cleared', async () => {
    await goStale('lapor');
    const report = await pullLaporOnce(
      db.pool,
      ctx,
      { baseUrl: feedUrl, token: 't', source: 'lapor', settings: { intervalMs: 60_000 } },
      logger,
    );
    expect(report).toMatchObject({ pages: 1, accepted: 0, failure: null });
    expect(await freshness('lapor')).toMatchObject({ last_error: null });
    expect((await freshness('lapor')).age).toBeLessThan(5);
  });

  it('a push source is fresh after a batch of repeats or a heartbeat call, and nothing else', async () => {
    const key = await issueSourceKey(db.pool, 'sms', 'SMS 1708');
    await ingestComplaintBatch(db.pool, ctx, 'sms', [submitted('S1')]);
    await goStale('sms');
    // The same batch again: nothing new, but the source did report successfully.
    await ingestComplaintBatch(db.pool, ctx, 'sms', [submitted('S1')]);
    expect(await freshness('sms')).toMatchObject({ last_error: null });
    expect((await freshness('sms')).age).toBeLessThan(5);

    await goStale('sms');
    const app = createApp({ pool: db.pool, pack, complaints: ctx, logger, webDist: '/nonexistent' });
    const heartbeat = (body: unknown, bearer = key) =>
      app.request('/api/ingest/heartbeat', {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await heartbeat({ source: 'lapor' })).status).toBe(403);
    expect((await heartbeat({ source: 'sms' }, 'wrong')).status).toBe(401);
    const bad = await heartbeat({ sauce: 'sms' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('source');
    expect(await freshness('sms')).toMatchObject({ last_error: 'timeout: no answer in 10 s' });
    const ok = await heartbeat({ source: 'sms' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ source: 'sms' });
    expect(await freshness('sms')).toMatchObject({ last_error: null });
    expect((await freshness('sms')).age).toBeLessThan(5);
    expect(await verifyComplaintRollups(db.pool, ctx)).toMatchObject({ ok: true });
  });
});
