import { issueServiceToken, loadWorkingCalendar, seedProvincePack, verifyAuditChain } from '@pantau/db';
import { createTestDatabase, urlWithSchema, type TestDatabase } from '@pantau/db/testing';
import type { WorkingCalendar } from '@pantau/domain';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import type { BackgroundContext, BackgroundService } from '../service-context.ts';
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
    expect(await res.json()).toMatchObject({ added: true, deadlinesMoved: 1, deadlinesMoving: 1, preview: false });
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

describe('running the calendar from the console: preview, remove, move, load a year, regional days', () => {
  let db: TestDatabase;
  let n: Awaited<ReturnType<typeof node>>;
  const tokens: Record<string, string> = {};
  const call = (who: string, path: string, body?: object) =>
    n.app.request(path, {
      method: body ? 'POST' : 'GET',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[who]}` },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const deadline = async () =>
    (
      await db.pool.query(`SELECT deadline_at FROM complaint WHERE external_id = 'MAR1'`)
    ).rows[0].deadline_at.toISOString() as string;
  const auditActions = async () =>
    (await db.pool.query<{ action: string }>('SELECT action FROM audit_log ORDER BY seq')).rows.map((r) => r.action);
  const skb = 'KMA contoh/2027 (hasil sidang isbat)';

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'calendaradmin' });
    await seedProvincePack(db.pool, pack);
    n = await node(db);
    tokens.admin = await issueServiceToken(db.pool, 'admin', 'Admin', 'admin');
    tokens.duty = await issueServiceToken(db.pool, 'duty', 'Piket', 'duty_officer');
    tokens.opd = await issueServiceToken(db.pool, 'opd', 'Admin PUPR', 'opd_admin', 'kalsel.pupr');
    tokens.viewer = await issueServiceToken(db.pool, 'viewer', 'Pimpinan', 'viewer');
    // Thu 4 Mar 2027, 3 HK: Fri 5 (1), [8 Nyepi, 9 cuti, 10–11 Idulfitri, 12 cuti, 15 cuti] 16 (2), 17 (3).
    await ingestComplaintBatch(db.pool, n.ctx, 'lapor', submitted('MAR1', '2027-03-04T09:00:00+08:00'));
  });
  afterAll(async () => db.drop());

  it('starts on the SKB: the verification deadline from Thu 4 Mar 2027 is Wed 17 Mar', async () => {
    expect(await deadline()).toBe('2027-03-17T15:59:59.999Z');
  });

  it('previews a removal: says how many open deadlines would move and writes nothing', async () => {
    const res = await call('admin', '/api/calendar/days/remove', {
      date: '2027-03-15',
      kind: 'cuti_bersama',
      legalBasis: skb,
      reason: 'contoh pratinjau',
      preview: true,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ preview: true, deadlinesMoving: 1, changed: true });
    expect(await deadline()).toBe('2027-03-17T15:59:59.999Z');
    expect(n.ctx.calendar().holidays.has('2027-03-15')).toBe(true);
    const still = await db.pool.query(`SELECT active FROM calendar_day WHERE day = '2027-03-15'`);
    expect(still.rows[0].active).toBe(true);
    expect(await auditActions()).toEqual([]);
  });

  it('moves a day with its decree and reason: open deadlines follow, the old day is kept as removed, audited', async () => {
    const res = await call('admin', '/api/calendar/days/move', {
      date: '2027-03-15',
      kind: 'cuti_bersama',
      to: '2027-03-19',
      legalBasis: skb,
      reason: 'cuti bersama digeser setelah sidang isbat',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ preview: false, deadlinesMoved: 1 });
    // Fri 5 (1), Mon 15 (2), Tue 16 (3).
    expect(await deadline()).toBe('2027-03-16T15:59:59.999Z');
    const year = await (await call('admin', '/api/calendar/years/2027')).json();
    const on = (date: string) => year.days.find((d: { date: string }) => d.date === date);
    expect(on('2027-03-15')).toMatchObject({ active: false, source: 'admin', legalBasis: skb });
    expect(on('2027-03-15').reason).toMatch(/dipindah ke 2027-03-19/);
    expect(on('2027-03-19')).toMatchObject({
      active: true,
      kind: 'cuti_bersama',
      name: 'Cuti bersama Idulfitri 1448 H',
    });
    expect(await auditActions()).toEqual(['calendar.day_moved']);
    expect(await verifyAuditChain(db.pool)).toMatchObject({ ok: true });
  });

  it("adds a regional day off by the governor's decree, and the deadline moves again", async () => {
    const res = await call('admin', '/api/calendar/days', {
      date: '2027-03-16',
      kind: 'libur_daerah',
      name: 'Dispensasi Gubernur (contoh)',
      legalBasis: 'SE Gubernur Kalsel contoh/2027',
    });
    expect(res.status).toBe(201);
    expect(await deadline()).toBe('2027-03-17T15:59:59.999Z'); // 5 (1), 15 (2), [16] 17 (3)
  });

  it('removes a day with a reason, and answers 404 naming the date for a day that is not there', async () => {
    const missing = await call('admin', '/api/calendar/days/remove', {
      date: '2027-03-17',
      kind: 'libur_daerah',
      legalBasis: 'SE contoh',
      reason: 'tidak ada',
    });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.field).toBe('date');
    const res = await call('admin', '/api/calendar/days/remove', {
      date: '2027-03-16',
      kind: 'libur_daerah',
      legalBasis: 'SE Gubernur Kalsel contoh/2027 dicabut',
      reason: 'dispensasi dibatalkan',
    });
    expect(res.status).toBe(200);
    expect(await deadline()).toBe('2027-03-16T15:59:59.999Z');
    expect((await auditActions()).slice(-2)).toEqual(['calendar.day_added', 'calendar.day_removed']);
  });

  it('loads a year from a pasted decree list; the year counts as loaded on this node', async () => {
    expect(n.ctx.calendar().loadedYears.has(2028)).toBe(false);
    const bad = await call('admin', '/api/calendar/years', {
      year: 2028,
      legalBasis: 'SKB contoh 2028',
      days: [{ date: '2029-01-01', kind: 'libur_nasional', name: 'Tahun Baru' }],
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('days.0.date');
    const res = await call('admin', '/api/calendar/years', {
      year: 2028,
      legalBasis: 'SKB contoh 2028',
      days: [
        { date: '2028-01-01', kind: 'libur_nasional', name: 'Tahun Baru 2028 Masehi' },
        { date: '2028-01-26', kind: 'libur_nasional', name: 'Tahun Baru Imlek' },
      ],
    });
    expect(res.status).toBe(200);
    expect(n.ctx.calendar().loadedYears.has(2028)).toBe(true);
    expect(n.ctx.calendar().holidays.has('2028-01-26')).toBe(true);
    const year = await (await call('admin', '/api/calendar/years/2028')).json();
    expect(year.loaded).toMatchObject({ legalBasis: 'SKB contoh 2028', source: 'admin' });
    expect(year.days).toHaveLength(2);
  });

  it('lets duty officers and OPD admins read the calendar but only admins edit it; a viewer has no calendar page', async () => {
    const duty = await call('duty', '/api/calendar/years/2027');
    expect(duty.status).toBe(200);
    expect((await duty.json()).canEdit).toBe(false);
    expect((await call('opd', '/api/calendar/years/2027')).status).toBe(200);
    expect((await call('viewer', '/api/calendar/years/2027')).status).toBe(403);
    const edit = { date: '2027-04-01', kind: 'libur_daerah', name: 'Contoh', legalBasis: 'SE contoh' };
    expect((await call('opd', '/api/calendar/days', edit)).status).toBe(403);
    expect((await call('duty', '/api/calendar/days', edit)).status).toBe(403);
    expect(n.ctx.calendar().holidays.has('2027-04-01')).toBe(false);
  });
});
