import { inject, vi } from 'vitest';
import { issueServiceToken, issueWallDevice, type Role } from '@pantau/db';
import { createTestDatabase, urlWithSchema, type TestDatabase } from '@pantau/db/testing';
import { createLogger, loadEnv, startServer, type RunningServer } from '@pantau/server';

export interface Pantau {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  server: RunningServer;
  db: TestDatabase;
  /** A fresh wall device token (what an admin issues for a screen). */
  wallToken(id?: string): Promise<string>;
  /** Stops the node (the database stays), as an outage does. */
  stop(): Promise<void>;
  /** Starts the node again on the same port and schema (after `stop`). */
  start(): Promise<void>;
  /** A bearer token with a role, for API calls the test makes on a user's behalf. */
  bearer(role: Role, opdId?: string | null): Promise<string>;
  close(): Promise<void>;
}

/**
 * A real Pantau node in this process for browser and API tests: its own schema on the test PostgreSQL,
 * the web app built once per run (tests/support/web-dist-setup.ts), port 0, the demo feed off unless
 * asked. `env` overrides any variable of apps/server/src/env.ts.
 */
export async function startPantau(options: { label?: string; env?: Record<string, string> } = {}): Promise<Pantau> {
  const db = await createTestDatabase({ migrate: false, label: options.label ?? 'e2e' });
  const env = loadEnv({
    NODE_ENV: 'test',
    DATABASE_URL: urlWithSchema(db.url, db.schema),
    PORT: '0',
    PANTAU_DEMO: 'off',
    // No load balancer watches these nodes: a stop need not wait for one to notice /readyz.
    PANTAU_SHUTDOWN_GRACE_SECONDS: '0',
    PANTAU_WEB_DIST: inject('webDist'),
    LOG_LEVEL: process.env.PANTAU_TEST_LOG ?? 'silent',
    ...options.env,
  });
  let server = await startServer(env, createLogger(env.LOG_LEVEL));
  let n = 0;
  const pantau: Pantau = {
    url: server.url,
    server,
    db,
    async stop() {
      await server.close();
    },
    async start() {
      server = await startServer({ ...env, PORT: server.port }, createLogger(env.LOG_LEVEL));
      pantau.server = server;
    },
    wallToken: (id = `test-wall-${++n}`) => issueWallDevice(server.pool, id, id),
    bearer: (role, opdId = null) => issueServiceToken(server.pool, `test-${role}-${++n}`, `test ${role}`, role, opdId),
    async close() {
      await server.close();
      await db.drop();
    },
  };
  return pantau;
}

/**
 * Waits until the demo's streams have each delivered once (by default all three): the PPID and social
 * backfill (90 days) takes from 20 s to a few minutes on a loaded machine, and a scene read before it
 * says "belum ada data".
 */
export async function demoStreamsDelivered(
  pantau: Pantau,
  sources: readonly string[] = ['simulator', 'simulator-ppid', 'simulator-social'],
): Promise<void> {
  await vi.waitFor(
    async () => {
      const { rows } = await pantau.server.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM source WHERE id = ANY($1::text[]) AND last_delivery_at IS NOT NULL`,
        [sources],
      );
      if (rows[0]!.n !== sources.length) throw new Error('a demo stream has not delivered yet');
    },
    { timeout: 200_000, interval: 1_000 },
  );
}
