import { issueServiceToken, loadWorkingCalendar, seedProvincePack, verifyAuditChain } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { ingestComplaintBatch, type ComplaintContext } from '../ingest/complaint-ingest.ts';
import { createLogger } from '../logger.ts';

const pack = loadProvincePack('kalsel');
const submitted = (id: string, opd: string | null, at = '2026-11-02T09:00:00+08:00') => [
  {
    externalId: id,
    event: {
      type: 'submitted',
      eventId: 's',
      occurredAt: at,
      trackingId: id,
      channel: 'web',
      classification: 'pengaduan',
      title: `Aduan ${id}`,
      body: `BODY-MARKER-${id}`,
      regencyCode: '63.71',
      isRahasia: true,
      reporter: { name: `REPORTER-MARKER-${id}`, contact: '081299990000' },
    },
  },
  ...(opd
    ? [
        {
          externalId: id,
          event: { type: 'verified', eventId: 'v', occurredAt: '2026-11-02T10:00:00+08:00', opdId: opd },
        },
      ]
    : []),
];

describe('complaint read API and actions', () => {
  let db: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let ctx: ComplaintContext;
  const tokens: Record<string, string> = {};
  const call = (who: string | null, path: string, init: RequestInit = {}) =>
    app.request(path, {
      ...init,
      headers: { 'content-type': 'application/json', ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}) },
    });
  const idOf = async (tracking: string) =>
    Number((await db.pool.query('SELECT id FROM complaint WHERE tracking_id = $1', [tracking])).rows[0].id);
  const act = (who: string, id: number, body: object) =>
    call(who, `/api/complaints/${id}/actions`, { method: 'POST', body: JSON.stringify(body) });

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'complaintapi' });
    await seedProvincePack(db.pool, pack);
    let calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    ctx = { pack, calendar: () => calendar, now: () => new Date('2026-11-10T10:00:00+08:00') };
    const reloadCalendar = async () => {
      calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    };
    app = createApp({
      pool: db.pool,
      pack,
      logger: createLogger('silent'),
      webDist: '/nonexistent',
      complaints: ctx,
      reloadCalendar,
    });
    tokens.admin = await issueServiceToken(db.pool, 'admin', 'Admin', 'admin');
    tokens.duty = await issueServiceToken(db.pool, 'duty', 'Piket', 'duty_officer');
    tokens.duty2 = await issueServiceToken(db.pool, 'duty2', 'Piket 2', 'duty_officer');
    tokens.pupr = await issueServiceToken(db.pool, 'pupr', 'Admin PUPR', 'opd_admin', 'kalsel.pupr');
    tokens.viewer = await issueServiceToken(db.pool, 'viewer', 'Pimpinan', 'viewer');
    const items = [...submitted('701', 'kalsel.pupr'), ...submitted('702', 'kalsel.dinsos'), ...submitted('703', null)];
    for (let i = 0; i < 30; i++)
      items.push(...submitted(String(800 + i), 'kalsel.pupr', `2026-11-0${1 + (i % 5)}T0${i % 9}:00:00+08:00`));
    const r = await ingestComplaintBatch(db.pool, ctx, 'lapor', items);
    expect(r.every((x) => x.status === 'accepted')).toBe(true);
  });
  afterAll(async () => db.drop());

  it('carries the 62/2018 completion target: 14 HK for a pengaduan submitted Monday 2 Nov 2026 → Friday 20 Nov', async () => {
    const body = await (await call('duty', `/api/complaints/${await idOf('701')}`)).json();
    expect(body.completionDueAt).toBe('2026-11-20T15:59:59.999Z'); // 3–6 (4), 9–13 (9), 16–20 (14), 23:59:59.999 WITA
  });

  it('puts the deadline in front of the officer: time left in working days and who is next on the ladder', async () => {
    const body = await (await call('duty', `/api/complaints/${await idOf('701')}`)).json();
    // Verified Mon 2 Nov → OPD follow-up 5 HK: 3, 4, 5, 6, 9 Nov; on Tue 10 Nov it is 1 HK late.
    expect(body.deadline).toEqual({
      at: '2026-11-09T15:59:59.999Z',
      overdue: true,
      workingDays: 1,
      label: { id: 'terlambat 1 HK', en: '1 working day late' },
    });
    expect(body.nextLevel).toMatchObject({ level: body.escalationLevel + 1 });
    expect(body.nextLevel.label.id.length).toBeGreaterThan(2);
  });

  it('refuses every route without a valid token', async () => {
    expect((await call(null, '/api/complaints')).status).toBe(401);
    expect((await call(null, `/api/complaints/${await idOf('701')}`)).status).toBe(401);
    expect((await app.request('/api/complaints', { headers: { authorization: 'Bearer tok_nope' } })).status).toBe(401);
  });

  it('lists with filters and keyset pages that cover every row exactly once, never with reporter or body', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await call(
        'duty',
        `/api/complaints?opd=kalsel.pupr&limit=7&sort=newest${cursor ? `&cursor=${cursor}` : ''}`,
      );
      const body = (await res.json()) as {
        items: Array<{ trackingId: string; opdId: string }>;
        nextCursor: string | null;
      };
      expect(JSON.stringify(body)).not.toMatch(/MARKER/);
      for (const item of body.items) expect(item.opdId).toBe('kalsel.pupr');
      seen.push(...body.items.map((i) => i.trackingId));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(31);
    expect(new Set(seen).size).toBe(31);
    const overdue = await (await call('duty', '/api/complaints?deadline=overdue,at_risk&q=Aduan%20702')).json();
    expect(overdue.items.map((i: { trackingId: string }) => i.trackingId)).toEqual(['702']);
    expect((await call('duty', '/api/complaints?regency=6371')).status).toBe(400);
  });

  it('narrows a list to local days in the province zone: midnight WITA belongs to the day it starts', async () => {
    const list = async (q: string) =>
      (
        (await (await call('duty', `/api/complaints?opd=kalsel.pupr&limit=200&${q}`)).json()) as {
          items: Array<{ trackingId: string }>;
        }
      ).items.map((i) => i.trackingId);
    // The 30 seeded items fall on 1–5 Nov by i % 5; #827 is at 00:00 WITA on 3 Nov (16:00 UTC on the 2nd).
    const third = await list('from=2026-11-03&to=2026-11-03');
    expect(third.sort()).toEqual(['802', '807', '812', '817', '822', '827']);
    const second = await list('from=2026-11-02&to=2026-11-02');
    expect(second).not.toContain('827');
    expect(second.sort()).toEqual(['701', '801', '806', '811', '816', '821', '826']);
    expect(await list('topic=tidak-ada')).toEqual([]);
    const bad = await call('duty', '/api/complaints?from=2026-02-30');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('from');
  });

  it('an OPD admin sees only its own OPD, in lists and details', async () => {
    const list = await (await call('pupr', '/api/complaints?opd=kalsel.dinsos&limit=200')).json();
    expect(list.items.every((i: { opdId: string }) => i.opdId === 'kalsel.pupr')).toBe(true);
    expect((await call('pupr', `/api/complaints/${await idOf('702')}`)).status).toBe(404);
    const own = await (await call('pupr', `/api/complaints/${await idOf('701')}`)).json();
    expect(own.personal.reporter.name).toBe('REPORTER-MARKER-701');
  });

  it('shows the reporter and rahasia text to a duty officer but never to a viewer', async () => {
    const id = await idOf('701');
    const duty = await (await call('duty', `/api/complaints/${id}`)).json();
    expect(duty.personal.body).toBe('BODY-MARKER-701');
    const viewer = await (await call('viewer', `/api/complaints/${id}`)).text();
    expect(viewer).not.toMatch(/MARKER/);
    expect(JSON.parse(viewer).timeline.map((t: { type: string }) => t.type)).toEqual(['submitted', 'verified']);
  });

  it('shows the text of a public report to a viewer without its reporter, and hides an anonim reporter from the OPD', async () => {
    const item = (id: string, isAnonim: boolean) =>
      submitted(id, 'kalsel.pupr').map((i) =>
        i.event.type === 'submitted' ? { ...i, event: { ...i.event, isRahasia: false, isAnonim } } : i,
      );
    await ingestComplaintBatch(db.pool, ctx, 'lapor', [...item('751', false), ...item('752', true)]);
    const viewer = await (await call('viewer', `/api/complaints/${await idOf('751')}`)).json();
    expect(viewer.personal).toEqual({ body: 'BODY-MARKER-751', reporter: null });
    const opd = await (await call('pupr', `/api/complaints/${await idOf('752')}`)).json();
    expect(opd.personal).toEqual({ body: 'BODY-MARKER-752', reporter: null });
    const duty = await (await call('duty', `/api/complaints/${await idOf('752')}`)).json();
    expect(duty.personal.reporter.name).toBe('REPORTER-MARKER-752');
    const list = await (await call('viewer', '/api/complaints?limit=200')).text();
    expect(list).not.toMatch(/MARKER/);
  });

  it('a viewer cannot act; an OPD admin cannot reassign', async () => {
    const id = await idOf('701');
    expect((await act('viewer', id, { action: 'note', expectedVersion: 2, text: 'x' })).status).toBe(403);
    expect(
      (
        await act('pupr', id, {
          action: 'reassign',
          expectedVersion: 2,
          opdId: 'kalsel.dinsos',
          reason: 'salah instansi',
        })
      ).status,
    ).toBe(403);
  });

  it('escalates with a reason, and the second officer acting on the old version gets 409 with the newer state', async () => {
    const id = await idOf('702');
    const first = await act('duty', id, {
      action: 'reassign',
      expectedVersion: 2,
      opdId: 'kalsel.dishub',
      reason: 'Kewenangan Dishub',
    });
    expect(first.status).toBe(200);
    const second = await act('duty2', id, {
      action: 'reassign',
      expectedVersion: 2,
      opdId: 'kalsel.pupr',
      reason: 'Kewenangan PUPR',
    });
    expect(second.status).toBe(409);
    const body = await second.json();
    expect(body.current).toMatchObject({ opdId: 'kalsel.dishub', version: 3 });
    const esc = await act('duty', id, { action: 'escalate', expectedVersion: 3, reason: 'Tidak ada respons' });
    expect(esc.status).toBe(200);
    expect((await esc.json()).complaint.escalationLevel).toBe(1);
    const ack = await act('duty', id, {
      action: 'acknowledge',
      expectedVersion: 3,
      reason: 'Sudah ditelepon kepala bidang',
    });
    expect(await ack.json()).toMatchObject({ acknowledged: [1] });
    expect((await act('duty', id, { action: 'acknowledge', expectedVersion: 3, reason: 'lagi' })).status).toBe(422);
    const timeline = (await (await call('duty', `/api/complaints/${id}`)).json()).timeline.map(
      (t: { kind: string; type: string }) => `${t.kind}:${t.type}`,
    );
    expect(timeline).toEqual(
      expect.arrayContaining(['event:reassigned', 'escalation:level_1', 'acknowledgement:level_1']),
    );
  });

  it('refuses a status change the lifecycle forbids, naming the reason, and requires a reason', async () => {
    const id = await idOf('703'); // never verified
    const res = await act('duty', id, {
      action: 'change_status',
      expectedVersion: 1,
      to: 'selesai',
      reason: 'tutup saja',
    });
    expect(res.status).toBe(422);
    expect((await res.json()).error).toEqual({
      field: 'event.type',
      message: 'cannot completed a complaint that is belum_diverifikasi',
    });
    const noReason = await act('duty', id, { action: 'change_status', expectedVersion: 1, to: 'ditunda', reason: '' });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).error.field).toBe('reason');
    const ok = await act('duty', id, {
      action: 'change_status',
      expectedVersion: 1,
      to: 'ditunda',
      reason: 'Menunggu data pelapor',
    });
    expect((await ok.json()).complaint).toMatchObject({ status: 'ditunda', deadlineState: 'paused' });
  });

  it('records every action in a verifiable audit chain, notes included', async () => {
    const id = await idOf('701');
    expect((await act('pupr', id, { action: 'note', expectedVersion: 2, text: 'Tim sudah ke lokasi' })).status).toBe(
      200,
    );
    // 701 is rahasia: its notes are read by the complaint desk (a viewer gets the entry without its text).
    const detail = await (await call('duty', `/api/complaints/${id}`)).json();
    expect(detail.timeline.at(-1)).toMatchObject({
      kind: 'note',
      actor: 'user:pupr',
      details: { text: 'Tim sudah ke lokasi' },
    });
    const chain = await verifyAuditChain(db.pool);
    expect(chain).toMatchObject({ ok: true });
    const { rows } = await db.pool.query('SELECT action FROM audit_log ORDER BY seq');
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'complaint.reassign',
        'complaint.escalate',
        'complaint.acknowledge',
        'complaint.change_status',
        'complaint.note',
      ]),
    );
  });

  it('never answers 5xx to malformed action bodies', async () => {
    const id = await idOf('701');
    for (const body of [
      '',
      '[]',
      'null',
      '{"action":"escalate"}',
      '{"action":"nope","expectedVersion":1}',
      JSON.stringify({ action: 'reassign', expectedVersion: 'x' }),
    ]) {
      const res = await call('duty', `/api/complaints/${id}/actions`, { method: 'POST', body });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect((await call('duty', '/api/complaints/abc')).status).toBe(400);
    expect((await call('duty', '/api/complaints?cursor=garbage')).status).toBe(400);
  });
});

describe('calendar administration', () => {
  let db: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    db = await createTestDatabase({ label: 'calendarapi' });
    await seedProvincePack(db.pool, pack);
    let calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    const ctx: ComplaintContext = { pack, calendar: () => calendar, now: () => new Date('2026-11-25T10:00:00+08:00') };
    app = createApp({
      pool: db.pool,
      pack,
      logger: createLogger('silent'),
      webDist: '/nonexistent',
      complaints: ctx,
      reloadCalendar: async () => {
        calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
      },
    });
    tokens.admin = await issueServiceToken(db.pool, 'admin', 'Admin', 'admin');
    tokens.duty = await issueServiceToken(db.pool, 'duty', 'Piket', 'duty_officer');
    // Submitted Wed 25 Nov 2026: verification due in 3 HK → Thu 26, Fri 27, Mon 30 Nov.
    await ingestComplaintBatch(db.pool, ctx, 'lapor', submitted('901', null, '2026-11-25T09:00:00+08:00'));
  });
  afterAll(async () => db.drop());
  const post = (who: string, body: object) =>
    app.request('/api/calendar/days', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[who]}` },
      body: JSON.stringify(body),
    });
  const deadline = async () =>
    (
      await db.pool.query(`SELECT deadline_at FROM complaint WHERE tracking_id = '901'`)
    ).rows[0].deadline_at.toISOString();

  it('has 2027 loaded and warns about no year while this year and the next are loaded', async () => {
    const res = await app.request('/api/calendar/status', { headers: { authorization: `Bearer ${tokens.duty}` } });
    const body = await res.json();
    expect(body.loadedYears).toEqual([2023, 2024, 2025, 2026, 2027]);
    expect(body.warnings).toEqual([]);
  });

  it('an admin adds a cuti bersama and open deadlines spanning it move by one working day; others may not', async () => {
    expect(await deadline()).toBe('2026-11-30T15:59:59.999Z');
    const day = { date: '2026-11-27', kind: 'cuti_bersama', name: 'Cuti bersama (contoh)', legalBasis: 'SKB contoh' };
    expect((await post('duty', day)).status).toBe(403);
    const res = await post('admin', day);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ added: true, deadlinesMoved: 1, deadlinesMoving: 1, preview: false });
    expect(await deadline()).toBe('2026-12-01T15:59:59.999Z'); // 26, 30 Nov, 1 Dec
    expect((await post('admin', { ...day, date: '2026-02-30' })).status).toBe(400);
  });
});
