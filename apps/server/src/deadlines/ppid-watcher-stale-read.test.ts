import { loadWorkingCalendar, seedProvincePack } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchPpidDeadlines } from './ppid-deadline-watcher.ts';
import { applyPpidItems, ingestPpidBatch, type PpidContext } from '../ingest/ppid-ingest.ts';

const pack = loadProvincePack('kalteng');
const opd = pack.opds.find((o) => o.shortName === 'Dinkes')!;

describe('PPID deadline watcher racing ingest', () => {
  let db: TestDatabase;
  let ctx: PpidContext;
  beforeAll(async () => {
    db = await createTestDatabase({ label: 'ppidrace' });
    await seedProvincePack(db.pool, pack);
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    ctx = { pack, calendar: () => calendar, now: () => new Date('2025-03-03T10:00:00+07:00') };
    await ingestPpidBatch(
      db.pool,
      ctx,
      'portal',
      Array.from({ length: 10 }, (_, i) => ({
        kind: 'request',
        externalId: `P${i}`,
        event: {
          type: 'received',
          eventId: 'r',
          occurredAt: '2025-03-03T09:00:00+07:00',
          regNo: `P/${i}`,
          ppidLevel: 'pembantu',
          opdId: opd.id,
          channel: 'langsung',
          requesterType: 'lsm',
          subject: 'Anggaran program stunting',
          format: 'hardcopy',
        },
      })),
    );
  });
  afterAll(async () => db.drop());

  it('raises nothing for requests decided while its pass ran', async () => {
    // Due Mon 17 Mar (10 HK); by Wed 19 Mar each owes two ladder steps — but the decisions come first.
    const now = new Date('2025-03-19T10:00:00+07:00');
    const source = await db.pool.connect();
    let watching: Promise<{ escalations: number }> | undefined;
    try {
      await source.query('BEGIN');
      const results = await applyPpidItems(
        source,
        { ...ctx, now: () => now },
        'portal',
        Array.from({ length: 10 }, (_, i) => ({
          kind: 'request',
          externalId: `P${i}`,
          event: { type: 'decided', eventId: 'd', occurredAt: '2025-03-19T09:00:00+07:00', decision: 'dipenuhi' },
        })),
      );
      expect(results.every((r) => r.status === 'accepted')).toBe(true);
      watching = watchPpidDeadlines(db.newPool(2), ctx, now);
      const until = Date.now() + 15_000;
      for (;;) {
        const { rows } = await db.pool.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`,
          [`pantau-test-${db.schema}`],
        );
        if (rows[0].n > 0 || Date.now() > until) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await source.query('COMMIT');
    } finally {
      source.release();
    }
    expect((await watching)?.escalations).toBe(0);
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM ppid_escalation`);
    expect(rows[0].n).toBe(0);
    const audit = await db.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'escalation.raised'`);
    expect(audit.rows[0].n).toBe(0);
  });
});
