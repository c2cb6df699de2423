import {
  createPool,
  issueServiceToken,
  issueSourceKey,
  loadWorkingCalendar,
  migrate,
  seedProvincePack,
  type Pool,
} from '@pantau/db';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { ingestComplaintBatch, type ComplaintContext } from '../ingest/complaint-ingest.ts';
import { StoreUnavailableError } from '../ingest/transient.ts';
import { verifyComplaintRollups } from '../ingest/verify-rollups.ts';
import { createLogger } from '../logger.ts';
import { startOwnCluster, type OwnCluster } from './own-cluster.ts';

const pack = loadProvincePack('kalteng');

const batch = (prefix: string) => ({
  source: 'lapor',
  items: Array.from({ length: 20 }, (_, i) => ({
    externalId: `${prefix}-${i}`,
    event: {
      type: 'submitted',
      eventId: 's',
      occurredAt: '2026-11-02T01:00:00Z',
      trackingId: `7${i}`,
      channel: 'web',
      classification: 'pengaduan',
      title: 'Aduan',
      body: 'x',
    },
  })),
});

describe('ingest during a database outage', { timeout: 60_000 }, () => {
  let cluster: OwnCluster;
  let pool: Pool;
  let ctx: ComplaintContext;
  let app: ReturnType<typeof createApp>;
  let adminToken = '';
  let key: string;
  const post = (body: unknown) =>
    app.request('/api/ingest/complaints', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    cluster = await startOwnCluster('ingest');
    pool = createPool({ connectionString: cluster.url, max: 4 });
    await migrate(pool);
    await seedProvincePack(pool, pack);
    key = await issueSourceKey(pool, 'lapor', 'LAPOR');
    adminToken = await issueServiceToken(pool, 'admin', 'Admin', 'admin');
    const calendar = await loadWorkingCalendar(pool, pack.code, pack.timeZone);
    ctx = { pack, calendar: () => calendar };
    app = createApp({ pool, pack, complaints: ctx, logger: createLogger('silent'), webDist: '/nonexistent' });
  }, 60_000);
  afterAll(async () => {
    await pool?.end().catch(() => undefined);
    await cluster?.destroy();
  });

  it('answers 503 with Retry-After saying the store is unavailable, /readyz 503, and stores it once after the database returns', async () => {
    expect((await post(batch('before'))).status).toBe(200);

    await cluster.stop();
    const during = await post(batch('during'));
    expect(during.status).toBe(503);
    expect(Number(during.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await during.json()).error.message).toMatch(/unavailable/i);
    expect((await app.request('/readyz')).status).toBe(503);
    // Every other route that needs the database says the same, never 500 and never 401.
    for (const [method, path, body] of [
      ['GET', '/api/worklist', undefined],
      ['POST', '/api/auth/login', JSON.stringify({ username: 'admin', password: 'bukan-kata-sandi' })],
      ['GET', '/api/calendar/status', undefined],
    ] as const) {
      const res = await app.request(path, {
        method,
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        ...(body ? { body } : {}),
      });
      expect(res.status, `${method} ${path}`).toBe(503);
      expect(Number(res.headers.get('retry-after')), `${method} ${path}`).toBeGreaterThan(0);
    }
    // Past the key check too: the batch is never answered item by item as rejected.
    await expect(ingestComplaintBatch(pool, ctx, 'lapor', batch('during').items)).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );

    await cluster.start();
    const again = await post(batch('during'));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ accepted: 20, rejected: 0 });
    expect((await app.request('/readyz')).status).toBe(200);
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM complaint_event`);
    expect(rows[0].n).toBe(40);
    expect(await verifyComplaintRollups(pool, ctx)).toMatchObject({ ok: true });
  });
});
