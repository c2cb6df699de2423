import { spawn } from 'node:child_process';
import path from 'node:path';
import {
  loadWorkingCalendar,
  reviveComplaintState,
  saveComplaintSettings,
  seedProvincePack,
  withTransaction,
} from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { complaintDeadline } from '@pantau/domain';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { loadComplaintSettings } from '../deadlines/complaint-settings.ts';
import { createLogger } from '../logger.ts';
import * as recompute from '../deadlines/recompute.ts';
import { ingestComplaintBatch, type ComplaintContext } from '../ingest/complaint-ingest.ts';
import { verifyComplaintRollups } from '../ingest/verify-rollups.ts';

const pack = loadProvincePack('kalsel');
const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const now = new Date('2026-11-04T02:00:00Z');
const N = 3000;

describe('recompute after a rule change, killed mid-way', { timeout: 90_000 }, () => {
  let db: TestDatabase;
  let ctx: ComplaintContext;
  const onRuleB = async () => {
    const expected = complaintDeadline(
      reviveComplaintState((await db.pool.query(`SELECT state FROM complaint LIMIT 1`)).rows[0].state),
      ctx.calendar(),
      now,
      ctx.rules,
    );
    return expected;
  };

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'recomputecrash' });
    await seedProvincePack(db.pool, pack);
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    ctx = { pack, calendar: () => calendar, now: () => new Date('2026-11-02T01:05:00Z') };
    for (let i = 0; i < N; i += 1000)
      await ingestComplaintBatch(
        db.pool,
        ctx,
        'lapor',
        Array.from({ length: 1000 }, (_, j) => ({
          externalId: `K${i + j}`,
          event: {
            type: 'submitted',
            eventId: 's',
            occurredAt: '2026-11-02T01:00:00Z',
            trackingId: `${i + j}`,
            channel: 'web',
            classification: 'pengaduan',
            title: 'Aduan',
            body: 'x',
          },
        })),
      );
  }, 60_000);
  afterAll(async () => db.drop());

  it('completes on another node after the recomputing node is SIGKILLed, every open complaint on the new rule', async () => {
    // The rule change commits (verify within 20 HK instead of 3); the node that made it starts recomputing.
    await withTransaction(db.pool, (client) =>
      saveComplaintSettings(
        client,
        pack.code,
        { rules: { verifyDispatchHK: 20 }, ladder: null, labels: {} },
        'user:admin',
      ),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/faults/support/recompute-child.ts'], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: db.url, SCHEMA: db.schema, NOW: now.toISOString(), PAGE_SIZE: '50' },
      stdio: 'ignore',
    });
    const exited = new Promise((r) => child.once('exit', r));
    const old = (await db.pool.query(`SELECT deadline_at FROM complaint LIMIT 1`)).rows[0].deadline_at as Date;
    const moved = async () =>
      (await db.pool.query(`SELECT count(*)::int AS n FROM complaint WHERE deadline_at <> $1`, [old])).rows[0]
        .n as number;
    const until = Date.now() + 30_000;
    while ((await moved()) < 200 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    await exited;
    const stranded = N - (await moved());
    expect(stranded).toBeGreaterThan(0); // killed mid-way, as a crash would

    // Another node (the next leader) finds the recompute owed and finishes it with the rules it reads.
    const next: ComplaintContext = { pack, calendar: ctx.calendar };
    await loadComplaintSettings(db.pool, next);
    await new Promise((r) => setTimeout(r, 1200));
    expect(typeof recompute.resumeRecomputeJobs, `no durable job: ${stranded} of ${N} stranded on the old rule`).toBe(
      'function',
    );
    expect(await recompute.recomputeStatus(db.pool)).toMatchObject({ inProgress: true });
    await recompute.resumeRecomputeJobs(db.pool, next, { now, staleMs: 1000 });

    ctx = next;
    const expected = await onRuleB();
    const { rows } = await db.pool.query(`SELECT deadline_at, count(*)::int AS n FROM complaint GROUP BY 1`);
    expect(rows).toEqual([{ deadline_at: expected.at, n: N }]);
    const app = createApp({ pool: db.pool, pack, logger: createLogger('silent'), webDist: '/nonexistent' });
    expect(await (await app.request('/api/status/recompute')).json()).toMatchObject({ inProgress: false, pending: 0 });
    expect(await verifyComplaintRollups(db.pool, next)).toMatchObject({ ok: true });
  });
});
