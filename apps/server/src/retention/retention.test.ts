import { seedProvincePack } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackgroundContext, BackgroundService } from '../service-context.ts';
import { backgroundStarters } from '../background.ts';
import { loadEnv } from '../env.ts';
import { createLogger } from '../logger.ts';
import { retention, startRetention } from './retention.ts';

const pack = loadProvincePack('kalteng');

describe('retention of tables that grow with time', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ label: 'retention' });
    await seedProvincePack(db.pool, pack);
    await db.pool.query(
      `INSERT INTO app_user (id, username, display_name, password_hash, role) VALUES ('u1', 'piket', 'Piket', 'x', 'duty_officer')`,
    );
    await db.pool.query(
      `INSERT INTO user_session (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES
         ('expired', 'u1', 'c', now() - interval '13 hours', now() - interval '2 hours', now() - interval '1 hour'),
         ('idle', 'u1', 'c', now() - interval '3 hours', now() - interval '2 hours', now() + interval '9 hours'),
         ('live', 'u1', 'c', now() - interval '1 hour', now() - interval '1 minute', now() + interval '11 hours')`,
    );
    await db.pool.query(
      `INSERT INTO login_attempt (username, address, at, ok) VALUES
         ('piket', '10.0.0.1', now() - interval '40 days', false),
         ('piket', '10.0.0.1', now() - interval '1 day', false),
         ('piket', '10.0.0.1', now() - interval '1 minute', true)`,
    );
  });
  afterAll(async () => db.drop());

  it('runs on the leader of two nodes: dead sessions and sign-in attempts past 30 days go, the rest stays', async () => {
    expect(backgroundStarters).toContain(startRetention);
    const env = loadEnv({ PANTAU_SESSION_IDLE_MINUTES: '30', PANTAU_SESSION_MAX_HOURS: '12' });
    const services: BackgroundService[] = [];
    for (const pool of [db.newPool(2), db.newPool(2)]) {
      const ctx = { env, pool, pack, logger: createLogger('silent') } as unknown as BackgroundContext;
      services.push((await retention({ intervalMs: 200 })(ctx))!);
    }
    try {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM user_session`);
        if (rows[0].n === 1 || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      for (const s of services) await s.stop();
    }
    const sessions = await db.pool.query(`SELECT id_hash FROM user_session ORDER BY id_hash`);
    expect(sessions.rows).toEqual([{ id_hash: 'live' }]);
    const attempts = await db.pool.query(
      `SELECT (now() - at < interval '2 days') AS recent FROM login_attempt ORDER BY at`,
    );
    expect(attempts.rows).toEqual([{ recent: true }, { recent: true }]);
  });
});
