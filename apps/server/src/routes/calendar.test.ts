import { issueServiceToken, loadWorkingCalendar, seedProvincePack, verifyAuditChain } from '@pantau/db';
import { createTestDatabase, urlWithSchema, type TestDatabase } from '@pantau/db/testing';
import type { WorkingCalendar } from '@pantau/domain';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import type { BackgroundContext, BackgroundService } from '../background.ts';
import { calendarSync } from '../deadlines/calendar-sync.ts';
import { ingestComplaintBatch, type ComplaintContext } from '../ingest/complaint-ingest.ts';
import { createLogger } from '../logger.ts';

const pack = loadProvincePack('kalsel');
const logger = createLogger('silent');
const submitted = (externalId: string, occurredAt: string) => [
  {
    externalId,
    event: {
      type: 'submitted',
      eventId: 's',
      occurredAt,
      trackingId: externalId.replace(/\D/g, ''),
      channel: 'web',
      classification: 'pengaduan',
      title: 'Jalan berlubang',
      body: 'x',
    },
  },
];

/** One "node": its own in-memory calendar, reloaded from the table like server.ts does. */
async function node(db: TestDatabase) {
  let calendar: WorkingCalendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
  const ctx: ComplaintContext = { pack, calendar: () => calendar, now: () => new Date('2025-08-14T12:00:00+08:00') };
  const reloadCalendar = async () => {
    calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
  };
  const app = createApp({ pool: db.pool, pack, logger, webDist: '/nonexistent', complaints: ctx, reloadCalendar });
  return { ctx, app, reloadCalendar };
}

describe('calendar edits move open deadlines, on every node', () => {
  let db: TestDatabase;
  let a: Awaited<ReturnType<typeof node>>;
  let b: Awaited<ReturnType<typeof node>>;
  let sync: BackgroundService | null;
  let admin: string;
  const deadlineOf = async (externalId: string) => {
    const { rows } = await db.pool.query(
      'SELECT deadline_at, completion_due_at FROM complaint WHERE external_id = $1',
      [externalId],
    );
    return { deadline: rows[0].deadline_at.toISOString(), completion: rows[0].completion_due_at.toISOString() };
  };

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'calendaredit' });
    await seedProvincePack(db.pool, pack);
    // A database seeded before the SKB amendment that made 18 Aug 2025 a cuti bersama.
    await db.pool.query(`DELETE FROM calendar_day WHERE day = '2025-08-18'`);
    a = await node(db);
    b = await node(db);
    admin = await issueServiceToken(db.pool, 'admin', 'Admin', 'admin');
    // Node B follows calendar edits the way every server node does.
    sync = await calendarSync({ pollMs: 60_000 })({
      pool: db.pool,
      logger,
      databaseUrl: urlWithSchema(db.url, db.schema),
      reloadCalendar: b.reloadCalendar,
      complaints: b.ctx,
    } as unknown as BackgroundContext);
  });
  afterAll(async () => {
    await sync?.stop();
    await db.drop();
  });

  it('adding 18 Aug 2025 moves a verification deadline spanning it by one working day, and its completion target', async () => {
    // Thursday 14 Aug 2025: 3 HK → Fri 15, Mon 18, Tue 19 (17 Aug is a Sunday).
    await ingestComplaintBatch(db.pool, a.ctx, 'lapor', submitted('AUG1', '2025-08-14T09:00:00+08:00'));
    // Submitted after the new holiday: not moved.
    await ingestComplaintBatch(db.pool, a.ctx, 'lapor', submitted('AUG2', '2025-08-19T09:00:00+08:00'));
    const before = await deadlineOf('AUG1');
    expect(before.deadline).toBe('2025-08-19T15:59:59.999Z');
    const unmoved = await deadlineOf('AUG2');

    const res = await a.app.request('/api/calendar/days', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({
        date: '2025-08-18',
        kind: 'cuti_bersama',
        name: 'Cuti bersama Hari Kemerdekaan RI',
        legalBasis: 'SKB 3 Menteri (perubahan) 2025',
      }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ added: true, deadlinesMoved: 1 });
    const after = await deadlineOf('AUG1');
    expect(after.deadline).toBe('2025-08-20T15:59:59.999Z'); // Fri 15, Tue 19, Wed 20
    expect(new Date(after.completion).getTime() - new Date(before.completion).getTime()).toBe(86_400_000);
    expect(await deadlineOf('AUG2')).toEqual(unmoved);
  });

  it('audits the edit in the hash chain', async () => {
    const { rows } = await db.pool.query(`SELECT actor, action, entity_id FROM audit_log ORDER BY seq`);
    expect(rows).toEqual([
      { actor: 'user:admin', action: 'calendar.day_added', entity_id: '63:2025-08-18:cuti_bersama' },
    ]);
    expect(await verifyAuditChain(db.pool)).toEqual({ ok: true, entries: 1 });
  });

  it('another node re-reads its calendar at the commit and counts the new day when it ingests', async () => {
    const deadline = Date.now() + 5000;
    while (!b.ctx.calendar().holidays.has('2025-08-18') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await ingestComplaintBatch(db.pool, b.ctx, 'lapor', submitted('AUG3', '2025-08-14T10:00:00+08:00'));
    expect((await deadlineOf('AUG3')).deadline).toBe('2025-08-20T15:59:59.999Z');
  });
});
