import { issueServiceToken, loadWorkingCalendar, seedProvincePack } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { DEFAULT_COMPLAINT_RULES } from '@pantau/domain';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { ingestComplaintBatch, type ComplaintContext } from '../ingest/complaint-ingest.ts';
import { createLogger } from '../logger.ts';
import { verifyComplaintRollups } from '../ingest/verify-rollups.ts';
import { recomputeOpenDeadlines } from './recompute.ts';
import { watchDeadlines } from './watcher.ts';

const pack = loadProvincePack('kalsel');
const wita = (s: string) => new Date(`${s}+08:00`);
const RULE_A = DEFAULT_COMPLAINT_RULES; // verify within 3 HK
const RULE_B = { ...DEFAULT_COMPLAINT_RULES, verifyDispatchHK: 20 };

describe('escalation ladder across a rule change and back', () => {
  let db: TestDatabase;
  let ctx: ComplaintContext;
  const now = wita('2026-11-12T10:00:00'); // 5 HK after the 3-HK deadline of Thursday 5 Nov
  const rows = async () =>
    (await db.pool.query(`SELECT external_id, deadline_state, escalation_level FROM complaint ORDER BY external_id`))
      .rows;

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'ruleback' });
    await seedProvincePack(db.pool, pack);
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    ctx = { pack, calendar: () => calendar, rules: RULE_A, now: () => wita('2026-11-02T09:05:00') };
    await ingestComplaintBatch(
      db.pool,
      ctx,
      'lapor',
      ['R1', 'R2'].map((externalId, i) => ({
        externalId,
        event: {
          type: 'submitted',
          eventId: 's',
          occurredAt: '2026-11-02T09:00:00+08:00',
          trackingId: `90${i}`,
          channel: 'web',
          classification: 'pengaduan',
          title: 'Aduan',
          body: 'x',
          regencyCode: '63.72',
        },
      })),
    );
  });
  afterAll(async () => db.drop());

  it('ends exactly where rule A alone would after A → B → A', async () => {
    await watchDeadlines(db.pool, ctx, now);
    const underA = await rows();
    expect(underA).toEqual([
      { external_id: 'R1', deadline_state: 'overdue', escalation_level: 3 },
      { external_id: 'R2', deadline_state: 'overdue', escalation_level: 3 },
    ]);

    ctx.rules = RULE_B;
    await recomputeOpenDeadlines(db.pool, ctx, now);
    await watchDeadlines(db.pool, ctx, now);
    expect((await rows()).map((r) => r.escalation_level)).toEqual([0, 0]);

    ctx.rules = RULE_A;
    await recomputeOpenDeadlines(db.pool, ctx, now);
    await watchDeadlines(db.pool, ctx, now);
    await watchDeadlines(db.pool, ctx, now);
    expect(await rows()).toEqual(underA);
    // No step raised twice, nothing audited twice.
    const { rows: steps } = await db.pool.query(`SELECT count(*)::int AS n FROM escalation`);
    expect(steps[0].n).toBe(6);
    const verdict = await verifyComplaintRollups(db.pool, ctx);
    expect(verdict).toMatchObject({ ok: true, differences: [], escalations: [] });
    const { rows: stock } = await db.pool.query(
      `SELECT deadline_state, escalated, n FROM complaint_stock WHERE scope = 'province' AND dim = 'total' AND n <> 0`,
    );
    expect(stock).toEqual([{ deadline_state: 'overdue', escalated: true, n: 2 }]);
  });
});

describe('the console escalating after a rule change and back', () => {
  let db: TestDatabase;
  let ctx: ComplaintContext;
  const now = wita('2026-11-06T10:00:00'); // 1 HK after the 3-HK deadline: level 1 under rule A

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'rulebackesc' });
    await seedProvincePack(db.pool, pack);
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    ctx = { pack, calendar: () => calendar, rules: RULE_A, now: () => wita('2026-11-02T09:05:00') };
    await ingestComplaintBatch(db.pool, ctx, 'lapor', [
      {
        externalId: 'E1',
        event: {
          type: 'submitted',
          eventId: 's',
          occurredAt: '2026-11-02T09:00:00+08:00',
          trackingId: '991',
          channel: 'web',
          classification: 'pengaduan',
          title: 'Aduan',
          body: 'x',
          regencyCode: '63.72',
        },
      },
    ]);
  });
  afterAll(async () => db.drop());

  it('raises the next step instead of answering 409 "already escalated"', async () => {
    await watchDeadlines(db.pool, ctx, now);
    for (const rules of [RULE_B, RULE_A]) {
      ctx.rules = rules;
      await recomputeOpenDeadlines(db.pool, ctx, now);
      await watchDeadlines(db.pool, ctx, now);
    }
    const token = await issueServiceToken(db.pool, 'piket', 'Piket', 'duty_officer');
    const app = createApp({ pool: db.pool, pack, complaints: ctx, logger: createLogger('silent'), webDist: '/x' });
    const { rows } = await db.pool.query(
      `SELECT id, version, escalation_level FROM complaint WHERE external_id = 'E1'`,
    );
    expect(rows[0].escalation_level).toBe(1);
    const res = await app.request(`/api/complaints/${rows[0].id}/actions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'escalate', expectedVersion: rows[0].version, reason: 'Belum ada respons' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ escalationLevel: 2 });
    expect(await verifyComplaintRollups(db.pool, ctx)).toMatchObject({ ok: true });
  });
});
