import { createTestDatabase, urlWithSchema, type TestDatabase } from '@pantau/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from './env.ts';
import { createLogger } from './logger.ts';
import { startServer, type RunningServer } from './server.ts';

const status = async (url: string) => {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).status;
  } catch {
    return null; // nothing listens
  }
};

describe('stopping a node', () => {
  let db: TestDatabase;
  let server: RunningServer;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false, label: 'shutdown' });
    const env = loadEnv({
      DATABASE_URL: urlWithSchema(db.url, db.schema),
      PORT: '0',
      PANTAU_DEMO: 'off',
      PANTAU_SHUTDOWN_GRACE_SECONDS: '1.5',
    });
    server = await startServer(env, createLogger('silent'));
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  it('withdraws readiness first and keeps serving through the grace period, then drains and stops listening', async () => {
    expect(await status(`${server.url}/readyz`)).toBe(200);
    const started = Date.now();
    const closed = server.close();
    // During the grace period a load balancer sees the node as not ready; requests already routed here
    // (and its liveness) are still answered.
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'not_ready', reason: 'shutting_down' });
    expect(await status(`${server.url}/healthz`)).toBe(200);
    expect(await status(`${server.url}/api/province`)).toBe(200);
    await closed;
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    expect(await status(`${server.url}/healthz`)).toBeNull();
  });
});
