import { loadWorkingCalendar, seedProvincePack, withTransaction, type Pool } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyComplaintItems, ingestComplaintBatch, type ComplaintContext } from '../ingest/complaint-ingest.ts';
import { verifyComplaintRollups } from '../ingest/verify-rollups.ts';
import { watchDeadlines } from './watcher.ts';

const pack = loadProvincePack('kalsel');
const wita = (s: string) => new Date(`${s}+08:00`);

const submitted = (externalId: string) => ({
  externalId,
  event: {
    type: 'submitted',
    eventId: 's',
    occurredAt: '2026-11-02T09:00:00+08:00',
    trackingId: externalId.replace(/\D/g, ''),
    channel: 'web',
    classification: 'pengaduan',
    title: 'Aduan',
    body: 'x',
    regencyCode: '63.72',
  },
});

/** Waits until some backend of this test's pools is blocked on a row lock. */
async function untilSomeoneWaits(pool: Pool, schema: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`,
      [`pantau-test-${schema}`],
    );
    if (rows[0].n > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the watcher never reached a locked complaint');
}

describe('deadline watcher racing ingest', () => {
  let db: TestDatabase;
  let ctx: ComplaintContext;
  const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${100 + i}`);

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'watchrace' });
    await seedProvincePack(db.pool, pack);
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    ctx = { pack, calendar: () => calendar, now: () => wita('2026-11-02T09:05:00') };
    // Due Thursday 5 Nov; by Thursday 12 Nov each is 5 HK late and owes three ladder steps.
    await ingestComplaintBatch(db.pool, ctx, 'lapor', [...ids('D', 20), ...ids('V', 20)].map(submitted));
  });
  afterAll(async () => db.drop());

  it('raises nothing and moves no stock for complaints that were deleted or got a new deadline while its pass ran', async () => {
    const now = wita('2026-11-12T10:00:00');
    const later: ComplaintContext = { ...ctx, now: () => now };
    const source = await db.pool.connect();
    let watching: Promise<unknown> | undefined;
    try {
      await source.query('BEGIN');
      // The source deletes half of them and verifies (dispatches) the other half: the first leave the
      // open stock, the second get a new 5-HK follow-up deadline. Not committed yet.
      const results = await applyComplaintItems(
        source,
        later,
        'lapor',
        [
          ...ids('D', 20).map((externalId) => ({
            externalId,
            event: { type: 'deleted', eventId: 'del', occurredAt: '2026-11-12T09:00:00+08:00', reason: 'duplikat' },
          })),
          ...ids('V', 20).map((externalId) => ({
            externalId,
            event: { type: 'verified', eventId: 'ver', occurredAt: '2026-11-12T09:00:00+08:00', opdId: 'kalsel.pupr' },
          })),
        ],
        'source:lapor',
      );
      expect(results.every((r) => r.status === 'accepted')).toBe(true);
      // The watcher reads its candidates (the committed, overdue rows) and reaches the first locked one.
      watching = watchDeadlines(db.newPool(2), ctx, now);
      await untilSomeoneWaits(db.pool, db.schema);
      await source.query('COMMIT');
    } finally {
      source.release();
    }
    await watching;

    const { rows: escalations } = await db.pool.query(
      `SELECT c.external_id, e.level FROM escalation e JOIN complaint c ON c.id = e.complaint_id`,
    );
    expect(escalations).toEqual([]);
    const { rows: audits } = await db.pool.query(`SELECT count(*)::int AS n FROM audit_log`);
    expect(audits[0].n).toBe(0);
    const { rows: negative } = await db.pool.query(`SELECT * FROM complaint_stock WHERE n < 0`);
    expect(negative).toEqual([]);
    const verdict = await verifyComplaintRollups(db.pool, ctx);
    expect(verdict).toMatchObject({ ok: true, differences: [], negativeStock: [], escalations: [] });

    // The next pass sees the verified ones on their new deadline (due 19 Nov): at risk, not escalated.
    await watchDeadlines(db.pool, ctx, wita('2026-11-18T10:00:00'));
    const { rows } = await db.pool.query(
      `SELECT DISTINCT status, deadline_state, escalation_level FROM complaint WHERE external_id LIKE 'V%'`,
    );
    expect(rows).toEqual([{ status: 'terverifikasi_didisposisi', deadline_state: 'at_risk', escalation_level: 0 }]);
    expect((await verifyComplaintRollups(db.pool, ctx)).ok).toBe(true);
  });

  it('does not auto-close a complaint that got a new follow-up while its pass ran', async () => {
    await ingestComplaintBatch(db.pool, ctx, 'lapor', [
      submitted('A900'),
      {
        externalId: 'A900',
        event: { type: 'verified', eventId: 'v', occurredAt: '2026-11-02T10:00:00+08:00', opdId: 'kalsel.pupr' },
      },
      {
        externalId: 'A900',
        event: { type: 'follow_up_posted', eventId: 'f1', occurredAt: '2026-11-02T11:00:00+08:00' },
      },
    ]);
    // 10 HK after the follow-up have passed by Tuesday 17 Nov: due to be deemed complete…
    const now = wita('2026-11-17T10:00:00');
    const source = await db.pool.connect();
    let watching: Promise<{ autoClosed: number }> | undefined;
    try {
      await source.query('BEGIN');
      // …but the OPD posts a new follow-up that morning, which restarts the 10-HK window.
      const [r] = await applyComplaintItems(
        source,
        { ...ctx, now: () => now },
        'lapor',
        [
          {
            externalId: 'A900',
            event: { type: 'follow_up_posted', eventId: 'f2', occurredAt: '2026-11-17T09:00:00+08:00' },
          },
        ],
        'source:lapor',
      );
      expect(r?.status).toBe('accepted');
      watching = watchDeadlines(db.newPool(2), ctx, now);
      await untilSomeoneWaits(db.pool, db.schema);
      await source.query('COMMIT');
    } finally {
      source.release();
    }
    expect((await watching)?.autoClosed).toBe(0);
    const { rows } = await db.pool.query(`SELECT status FROM complaint WHERE external_id = 'A900'`);
    expect(rows).toEqual([{ status: 'ditindaklanjuti' }]);
    expect((await verifyComplaintRollups(db.pool, ctx)).ok).toBe(true);
  });

  it('the invariant check names a stock row moved by hand', async () => {
    await withTransaction(db.pool, (c) =>
      c.query(`UPDATE complaint_stock SET n = n - 1 WHERE scope = 'province' AND dim = 'total' AND n > 0`),
    );
    const verdict = await verifyComplaintRollups(db.pool, ctx);
    expect(verdict.ok).toBe(false);
    expect(verdict.differences.join('\n')).toMatch(/complaint_stock province\|total\|/);
  });
});
