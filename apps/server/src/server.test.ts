import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, urlWithSchema, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { createApp } from './app.ts';
import { loadEnv } from './env.ts';
import { createLogger } from './logger.ts';
import { startServer, type RunningServer } from './server.ts';

describe('a Pantau node', () => {
  let db: TestDatabase;
  let server: RunningServer;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false, label: 'server' });
    const env = loadEnv({
      DATABASE_URL: urlWithSchema(db.url, db.schema),
      PANTAU_PROVINCE: 'kalsel',
      PORT: '0',
      PANTAU_DEMO: 'off',
    });
    server = await startServer(env, createLogger('silent'));
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  it('migrates an empty database on start and answers /readyz with 200', async () => {
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    const { rows } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(rows[0]!.n).toBeGreaterThan(0);
  });

  it('runs the province named by PANTAU_PROVINCE and seeds it', async () => {
    const res = await fetch(`${server.url}/api/province`);
    expect(await res.json()).toMatchObject({
      slug: 'kalsel',
      name: 'Kalimantan Selatan',
      timeZone: 'Asia/Makassar',
      timeZoneLabel: 'WITA',
    });
    const { rows } = await db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM regency WHERE province_code = '63'`,
    );
    expect(rows[0]!.n).toBe(13);
  });

  it('sets security headers and answers unknown API routes with a JSON 404', async () => {
    const res = await fetch(`${server.url}/api/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { message: 'no route for GET /api/nope' },
      requestId: res.headers.get('x-request-id'),
    });
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers /healthz without touching the database', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('readiness', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false, label: 'ready' });
  });
  afterAll(async () => db.drop());

  it('reports 503 while migrations are pending', async () => {
    await db.pool.query(
      'CREATE TABLE schema_migrations (version int PRIMARY KEY, name text, checksum text, applied_at timestamptz)',
    );
    const app = createApp({
      pool: db.pool,
      pack: loadProvincePack('kalteng'),
      logger: createLogger('silent'),
      webDist: '/nonexistent',
    });
    const res = await app.request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'not_ready', reason: 'migrations_pending' });
  });

  it('says the web app is not built rather than answering 404 for /wall', async () => {
    const app = createApp({
      pool: db.pool,
      pack: loadProvincePack('kalteng'),
      logger: createLogger('silent'),
      webDist: '/nonexistent',
    });
    const res = await app.request('/wall');
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/pnpm build/);
  });
});

describe('environment', () => {
  it('names the variable that is wrong', () => {
    expect(() => loadEnv({ PORT: 'lots' })).toThrow(/PORT/);
    expect(() => loadEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('refuses an unknown province at start, naming the known ones', async () => {
    const env = loadEnv({ PANTAU_PROVINCE: 'jabar', DATABASE_URL: 'postgres://127.0.0.1:1/x' });
    await expect(startServer(env, createLogger('silent'))).rejects.toThrow(/kalteng, kalsel, kalbar/);
  });
});
