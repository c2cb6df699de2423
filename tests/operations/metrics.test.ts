import { issueSourceKey } from '@pantau/db';
import { createTestDatabase, urlWithSchema, type TestDatabase } from '@pantau/db/testing';
import { createLogger, loadEnv, startServer, type RunningServer } from '@pantau/server';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const TOKEN = 'metrics-token-for-the-test-0123456789';

/** The value of one sample of a Prometheus text exposition (labels in any order), or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

const complaint = (id: string) => ({
  externalId: id,
  event: {
    type: 'submitted',
    eventId: 's',
    occurredAt: new Date(Date.now() - 30 * 86_400_000).toISOString(),
    trackingId: id,
    channel: 'web',
    classification: 'pengaduan',
    topic: 'Jalan',
    title: `Jalan rusak ${id}`,
    body: 'Lubang besar di jalan.',
    regencyCode: '62.71',
    isRahasia: false,
  },
});

describe('GET /metrics on a running node', () => {
  let db: TestDatabase;
  let server: RunningServer;
  const sockets: Socket[] = [];
  const scrape = async () => {
    const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false, label: 'metrics' });
    const env = loadEnv({
      DATABASE_URL: urlWithSchema(db.url, db.schema),
      PORT: '0',
      PANTAU_DEMO: 'off',
      PANTAU_WATCH_SECONDS: '1',
      PANTAU_METRICS_TOKEN: TOKEN,
    });
    server = await startServer(env, createLogger('silent'));
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server?.close();
    await db?.drop();
  });

  it('refuses a scraper without the token, naming the request in the answer', async () => {
    const attempts: Array<Record<string, string>> = [
      {},
      { authorization: 'Bearer wrong-token-0123456789' },
      { authorization: TOKEN },
    ];
    for (const headers of attempts) {
      const res = await fetch(`${server.url}/metrics`, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const body = (await res.json()) as { requestId: string };
      expect(body.requestId).toBe(res.headers.get('x-request-id'));
    }
  });

  it('reports requests, ingest, sockets, leadership, the watcher, the pool and the live engine — and they move with load', async () => {
    const before = await scrape();
    for (const name of [
      'pantau_db_pool_connections',
      'pantau_live_outbox_depth',
      'pantau_live_publisher_lag',
      'pantau_process_cpu_user_seconds_total',
      'pantau_nodejs_eventloop_lag_seconds',
    ])
      expect(sample(before, name), name).toBeGreaterThanOrEqual(0);
    const provinceRequests = () =>
      sample(before, 'pantau_http_requests_total', { method: 'GET', route: '/api/province', status: '200' }) ?? 0;

    // Load: five API reads, a batch of three complaints sent twice (the second time all duplicates),
    // one bad item, and two live clients.
    for (let i = 0; i < 5; i++) expect((await fetch(`${server.url}/api/province`)).status).toBe(200);
    const key = await issueSourceKey(server.pool, 'metrics-test', 'Metrics test');
    const send = (items: unknown[]) =>
      fetch(`${server.url}/api/ingest/complaints`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ source: 'metrics-test', items }),
      });
    const batch = ['8800001', '8800002', '8800003'].map(complaint);
    const firstBody = await (await send(batch)).json();
    expect(firstBody, JSON.stringify(firstBody)).toMatchObject({ accepted: 3 });
    expect(await (await send([...batch, { externalId: '8800004', event: { type: 'nonsense' } }])).json()).toMatchObject(
      {
        duplicate: 3,
        rejected: 1,
      },
    );
    for (let i = 0; i < 2; i++) {
      const socket = io(`${server.url}/public`, { transports: ['websocket'], forceNew: true, reconnection: false });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
    }

    // The watcher runs every second on the leader: wait for its pass over the month-old complaints, which
    // are overdue and escalate.
    let after = await scrape();
    const passes = (text: string) => sample(text, 'pantau_watcher_passes_total', { watcher: 'complaints' }) ?? 0;
    const escalations = (text: string) => sample(text, 'pantau_escalations_total', { watcher: 'complaints' }) ?? 0;
    const deadline = Date.now() + 15_000;
    while (escalations(after) <= escalations(before) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      after = await scrape();
    }

    const ingested = (text: string, result: string) =>
      sample(text, 'pantau_ingest_items_total', { stream: 'complaint', result }) ?? 0;
    expect(sample(after, 'pantau_http_requests_total', { method: 'GET', route: '/api/province', status: '200' })).toBe(
      provinceRequests() + 5,
    );
    expect(
      sample(after, 'pantau_http_requests_total', { method: 'POST', route: '/api/ingest/complaints', status: '200' }),
    ).toBe(2);
    expect(ingested(after, 'accepted') - ingested(before, 'accepted')).toBe(3);
    expect(ingested(after, 'duplicate') - ingested(before, 'duplicate')).toBe(3);
    expect(ingested(after, 'rejected') - ingested(before, 'rejected')).toBe(1);
    expect(sample(after, 'pantau_sockets', { namespace: '/public' })).toBe(2);
    expect(passes(after)).toBeGreaterThan(passes(before));
    expect(escalations(after)).toBeGreaterThan(escalations(before));
    // One node: it leads every role.
    for (const role of ['live-publisher', 'deadline-watcher', 'ppid-deadline-watcher', 'notification-sender'])
      expect(sample(after, 'pantau_leader', { role }), role).toBe(1);
    expect(sample(after, 'pantau_db_pool_connections', { state: 'total' })).toBeGreaterThan(0);
    expect(sample(after, 'pantau_db_pool_connections', { state: 'waiting' })).toBe(0);

    // The publisher turns the ingest's outbox rows into deltas and this node emits them: both gauges
    // settle at zero.
    await expect
      .poll(
        async () => {
          const text = await scrape();
          return [sample(text, 'pantau_live_outbox_depth'), sample(text, 'pantau_live_publisher_lag')];
        },
        { timeout: 15_000 },
      )
      .toEqual([0, 0]);
  });
});
