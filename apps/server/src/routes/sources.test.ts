import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { issueServiceToken, loadWorkingCalendar, seedProvincePack, sourceForKey } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { pullLaporOnce } from '../connectors/lapor/lapor-connector.ts';
import type { ComplaintContext } from '../ingest/complaint-ingest.ts';
import { createLogger } from '../logger.ts';

const pack = loadProvincePack('kalsel');

describe('Sumber data: source keys and connectors from the console', () => {
  let db: TestDatabase;
  let ctx: ComplaintContext;
  let app: ReturnType<typeof createApp>;
  let feed: Server;
  let feedUrl = '';
  let feedRequests = 0;
  const tokens: Record<string, string> = {};
  const call = (who: string, method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[who]}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const pull = () =>
    pullLaporOnce(
      db.pool,
      ctx,
      {
        baseUrl: feedUrl,
        token: 't',
        source: 'lapor',
        timeoutMs: 1000,
        settings: { intervalMs: 0, backoffBaseMs: 1000 },
      },
      createLogger('silent'),
    );

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'sources' });
    await seedProvincePack(db.pool, pack);
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    ctx = { pack, calendar: () => calendar };
    app = createApp({ pool: db.pool, pack, logger: createLogger('silent'), webDist: '/nonexistent', complaints: ctx });
    tokens.admin = await issueServiceToken(db.pool, 'admin', 'Admin', 'admin');
    tokens.duty = await issueServiceToken(db.pool, 'duty', 'Piket', 'duty_officer');
    tokens.opd = await issueServiceToken(db.pool, 'opd', 'Admin PUPR', 'opd_admin', 'kalsel.pupr');
    tokens.viewer = await issueServiceToken(db.pool, 'viewer', 'Pimpinan', 'viewer');
    feed = createServer((_req, res) => {
      feedRequests += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: [], nextCursor: null }));
    });
    await new Promise<void>((r) => feed.listen(0, '127.0.0.1', r));
    feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => feed.close(r));
    await db.drop();
  });

  it('an admin issues a key shown once; the list never carries it; revoking it refuses the source', async () => {
    const bad = await call('admin', 'POST', '/api/sources', { id: 'SMS Gateway!', label: 'SMS 1708' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('id');
    const res = await call('admin', 'POST', '/api/sources', { id: 'sms1708', label: 'Gateway SMS 1708' });
    expect(res.status).toBe(201);
    const { key } = (await res.json()) as { key: string };
    expect(await sourceForKey(db.pool, key)).toBe('sms1708');
    const list = await (await call('admin', 'GET', '/api/sources')).text();
    expect(list).not.toContain(key);
    expect(JSON.parse(list).sources).toContainEqual(
      expect.objectContaining({ id: 'sms1708', hasKey: true, fresh: null }),
    );
    expect((await call('admin', 'DELETE', '/api/sources/sms1708/key')).status).toBe(200);
    expect(await sourceForKey(db.pool, key)).toBeNull();
    expect((await call('admin', 'DELETE', '/api/sources/nope/key')).status).toBe(404);
    const audit = await db.pool.query(`SELECT action, entity_id FROM audit_log ORDER BY seq`);
    expect(audit.rows).toEqual([
      { action: 'source.key_issued', entity_id: 'sms1708' },
      { action: 'source.key_revoked', entity_id: 'sms1708' },
    ]);
  });

  it('a paused LAPOR connector makes no request until it is resumed', async () => {
    await pull();
    expect(feedRequests).toBe(1);
    expect((await call('admin', 'POST', '/api/sources/connectors/lapor/lapor/pause')).status).toBe(200);
    await pull();
    await pull();
    expect(feedRequests).toBe(1);
    const listed = (await (await call('duty', 'GET', '/api/sources')).json()) as {
      connectors: Array<{ kind: string; id: string; pausedAt: string | null; pausedBy: string | null }>;
    };
    expect(listed.connectors.find((k) => k.kind === 'lapor')).toMatchObject({ id: 'lapor', pausedBy: 'admin' });
    expect((await call('admin', 'POST', '/api/sources/connectors/lapor/lapor/resume')).status).toBe(200);
    await pull();
    expect(feedRequests).toBe(2);
  });

  it('pauses a social account and answers 404 for one that does not exist', async () => {
    const { rows } = await db.pool.query<{ id: string }>('SELECT id FROM social_account LIMIT 1');
    const id = rows[0]!.id;
    expect((await call('admin', 'POST', `/api/sources/connectors/social/${encodeURIComponent(id)}/pause`)).status).toBe(
      200,
    );
    const paused = await db.pool.query(`SELECT paused_by FROM social_connector_cursor WHERE account_id = $1`, [id]);
    expect(paused.rows).toEqual([{ paused_by: 'admin' }]);
    expect((await call('admin', 'POST', '/api/sources/connectors/social/tidak-ada/pause')).status).toBe(404);
    expect((await call('admin', 'POST', '/api/sources/connectors/ftp/x/pause')).status).toBe(400);
  });

  it('duty officers read the sources; only admins change them; OPD admins and viewers have no such page', async () => {
    const duty = await call('duty', 'GET', '/api/sources');
    expect(duty.status).toBe(200);
    expect((await duty.json()).canEdit).toBe(false);
    expect((await call('duty', 'POST', '/api/sources', { id: 'x1', label: 'Uji' })).status).toBe(403);
    expect((await call('duty', 'POST', '/api/sources/connectors/lapor/lapor/pause')).status).toBe(403);
    expect((await call('opd', 'GET', '/api/sources')).status).toBe(403);
    expect((await call('viewer', 'GET', '/api/sources')).status).toBe(403);
  });
});
