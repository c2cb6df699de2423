import { issueServiceToken, loadWorkingCalendar, seedProvincePack } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { ingestComplaintBatch } from '../ingest/complaint-ingest.ts';
import { ingestPpidBatch } from '../ingest/ppid-ingest.ts';
import { createLogger } from '../logger.ts';

const pack = loadProvincePack('kalteng');
const [pupr, dinkes] = [pack.opds[0]!.id, pack.opds[1]!.id];

describe('console API: every route for every role, the worklist, and what each may see', () => {
  let db: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const tokens: Record<string, string> = {};
  const call = (who: string, method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[who]}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const submitted = (id: string, opd: string, daysAgo: number, rahasia = false) => [
    {
      externalId: id,
      event: {
        type: 'submitted',
        eventId: 's',
        occurredAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
        trackingId: id,
        channel: 'web',
        classification: 'pengaduan',
        topic: 'Jalan',
        title: `Judul ${id}`,
        body: `MARKER-BODY-${id}`,
        regencyCode: pack.capitalRegencyCode,
        isRahasia: rahasia,
        reporter: { name: `MARKER-NAME-${id}`, contact: '081200000000' },
      },
    },
    {
      externalId: id,
      event: {
        type: 'verified',
        eventId: 'v',
        occurredAt: new Date(Date.now() - daysAgo * 86_400_000 + 60_000).toISOString(),
        opdId: opd,
      },
    },
  ];

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'consoleapi' });
    await seedProvincePack(db.pool, pack);
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    const ctx = { pack, calendar: () => calendar };
    app = createApp({ pool: db.pool, pack, logger: createLogger('silent'), webDist: '/nonexistent', complaints: ctx });
    tokens.admin = await issueServiceToken(db.pool, 'adm', 'Admin', 'admin');
    tokens.duty = await issueServiceToken(db.pool, 'duty', 'Piket', 'duty_officer');
    tokens.opd = await issueServiceToken(db.pool, 'opd', 'Admin PUPR', 'opd_admin', pupr);
    tokens.viewer = await issueServiceToken(db.pool, 'viewer', 'Pimpinan', 'viewer');
    // Dispatched 20 and 12 days ago: past the 5-HK follow-up step, so overdue.
    const items = [
      ...submitted('5100001', pupr, 20, true),
      ...submitted('5100002', dinkes, 12),
      ...submitted('5100003', pupr, 1),
    ];
    const r = await ingestComplaintBatch(db.pool, ctx, 'lapor', items);
    expect(r.every((x) => x.status === 'accepted')).toBe(true);
    // The watcher would mark them; the test sets the states it needs directly.
    await db.pool.query(`UPDATE complaint SET deadline_state = 'overdue' WHERE tracking_id IN ('5100001', '5100002')`);
  });
  afterAll(async () => db.drop());

  it('answers each admin route to admins only, and each read route to every role', async () => {
    const routes: Array<[string, string, unknown, Record<string, number>]> = [
      ['GET', '/api/users', undefined, { admin: 200, duty: 403, opd: 403, viewer: 403 }],
      [
        'POST',
        '/api/users',
        { username: 'x-user', displayName: 'X User', role: 'viewer' },
        { admin: 201, duty: 403, opd: 403, viewer: 403 },
      ],
      ['GET', '/api/devices', undefined, { admin: 200, duty: 403, opd: 403, viewer: 403 }],
      ['POST', '/api/devices', { name: 'Layar' }, { admin: 201, duty: 403, opd: 403, viewer: 403 }],
      ['GET', '/api/audit', undefined, { admin: 200, duty: 403, opd: 403, viewer: 403 }],
      ['POST', '/api/audit/verify', undefined, { admin: 200, duty: 403, opd: 403, viewer: 403 }],
      ['GET', '/api/widgets/tokens', undefined, { admin: 200, duty: 403, opd: 403, viewer: 403 }],
      ['GET', '/api/worklist', undefined, { admin: 200, duty: 200, opd: 200, viewer: 200 }],
      ['GET', '/api/worklist/groups', undefined, { admin: 200, duty: 200, opd: 200, viewer: 200 }],
      ['GET', '/api/worklist.csv', undefined, { admin: 200, duty: 200, opd: 200, viewer: 200 }],
      ['GET', '/api/complaints', undefined, { admin: 200, duty: 200, opd: 200, viewer: 200 }],
    ];
    for (const [method, path, body, expected] of routes) {
      for (const [who, status] of Object.entries(expected)) {
        const b = body && typeof body === 'object' && 'username' in body ? { ...body, username: `u-${who}` } : body;
        expect((await call(who, method, path, b)).status, `${who} ${method} ${path}`).toBe(status);
      }
      expect((await app.request(path, { method })).status, `anonymous ${method} ${path}`).toBe(401);
    }
  });

  it('lists what is late across OPDs, worst first, with working days, and only its own OPD to an OPD admin', async () => {
    const all = await (await call('duty', 'GET', '/api/worklist?sort=deadline')).json();
    expect(all.items.map((i: { trackingId: string }) => i.trackingId)).toEqual(['5100001', '5100002']);
    expect(all.total).toBe(2);
    const first = all.items[0];
    expect(first).toMatchObject({ kind: 'complaint', opdId: pupr, deadlineState: 'overdue', escalationLevel: 0 });
    expect(first.ageHK).toBeGreaterThanOrEqual(12);
    expect(first.overdueHK).toBeGreaterThan(0);
    const own = await (await call('opd', 'GET', `/api/worklist?opd=${dinkes}`)).json();
    expect(own.items.map((i: { trackingId: string }) => i.trackingId)).toEqual(['5100001']);
    const groups = await (await call('duty', 'GET', '/api/worklist/groups')).json();
    expect(groups.groups).toEqual(
      expect.arrayContaining([
        { opdId: pupr, total: 1, overdue: 1, atRisk: 0 },
        { opdId: dinkes, total: 1, overdue: 1, atRisk: 0 },
      ]),
    );
    const csv = await (await call('viewer', 'GET', `/api/worklist.csv?opd=${pupr}`)).text();
    // For people: Indonesian headers with the zone, names not ids, local times.
    expect(csv.split('\r\n')[0]).toBe(
      'Jenis,Nomor,OPD,Kabupaten/Kota,Kanal,Topik,Status,Diterima (WIB),Umur (HK),Tenggat (WIB),Sisa (HK),' +
        'Terlambat (HK),Keadaan tenggat,Tingkat eskalasi,Diakui oleh,Diakui pada (WIB),Pemilik',
    );
    const row = csv.split('\r\n').find((l) => l.startsWith('Aduan,5100001,'))!;
    expect(row).toContain(`,${pack.opds.find((o) => o.id === pupr)!.name},`);
    expect(row).toMatch(/,\d{4}-\d{2}-\d{2} \d{2}:\d{2},/);
    expect(row).toContain(',Terlambat,');
    expect(row).not.toMatch(/kalteng\./);
    expect((await call('duty', 'GET', '/api/worklist?deadlineState=late')).status).toBe(400);
  });

  it('never shows a reporter or a rahasia text to a viewer or to another OPD, on any console route', async () => {
    const id = (await db.pool.query(`SELECT id FROM complaint WHERE tracking_id = '5100001'`)).rows[0].id;
    for (const who of ['viewer', 'duty', 'opd', 'admin'])
      for (const path of [
        '/api/worklist',
        '/api/worklist.csv',
        '/api/worklist/groups',
        '/api/complaints',
        '/api/audit',
      ])
        expect(await (await call(who, 'GET', path)).text(), `${who} ${path}`).not.toMatch(/MARKER/);
    const viewer = await (await call('viewer', 'GET', `/api/complaints/${id}`)).text();
    expect(viewer).not.toMatch(/MARKER/);
    const otherOpd = await issueServiceToken(db.pool, 'dinkes', 'Admin Dinkes', 'opd_admin', dinkes);
    const res = await app.request(`/api/complaints/${id}`, { headers: { authorization: `Bearer ${otherOpd}` } });
    expect([403, 404]).toContain(res.status);
    expect(await res.text()).not.toMatch(/MARKER/);
  });

  it('refuses an action on a stale revision: another officer’s note or escalation counts as acting first', async () => {
    const id = (await db.pool.query(`SELECT id FROM complaint WHERE tracking_id = '5100002'`)).rows[0].id;
    const seen = await (await call('duty', 'GET', `/api/complaints/${id}`)).json();
    const note = await call('admin', 'POST', `/api/complaints/${id}/actions`, {
      action: 'note',
      expectedVersion: seen.version,
      expectedRevision: seen.revision,
      text: 'Sudah ditelepon',
    });
    expect(note.status).toBe(200);
    const late = await call('duty', 'POST', `/api/complaints/${id}/actions`, {
      action: 'escalate',
      expectedVersion: seen.version,
      expectedRevision: seen.revision,
      reason: 'Naik ke kepala bidang',
    });
    expect(late.status).toBe(409);
    const body = await late.json();
    expect(body.error.field).toBe('expectedVersion');
    expect(body.current.trackingId).toBe('5100002');
    const fresh = await (await call('duty', 'GET', `/api/complaints/${id}`)).json();
    expect(fresh.revision).toBe(seen.revision + 1);
  });

  it('lets an officer escalate, note and acknowledge a late PPID request, never showing its requester', async () => {
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    const at = new Date(Date.now() - 20 * 86_400_000).toISOString();
    const r = await ingestPpidBatch(db.pool, { pack, calendar: () => calendar }, 'ppid', [
      {
        kind: 'request',
        externalId: 'P-LATE',
        event: {
          type: 'received',
          eventId: 'r',
          occurredAt: at,
          regNo: 'REG/LATE/1',
          ppidLevel: 'pembantu',
          opdId: dinkes,
          channel: 'email',
          requesterType: 'perorangan',
          subject: 'Data puskesmas',
          format: 'softcopy',
          requester: { name: 'MARKER-REQUESTER', address: 'MARKER-ADDRESS' },
        },
      },
    ]);
    expect(r[0]!.status).toBe('accepted');
    const id = (await db.pool.query(`SELECT id FROM ppid_request WHERE reg_no = 'REG/LATE/1'`)).rows[0].id;
    const path = `/api/ppid/requests/${id}`;
    const seen = await (await call('duty', 'GET', path)).json();
    expect(seen).toMatchObject({ regNo: 'REG/LATE/1', opdId: dinkes, escalationLevel: 0 });
    expect(JSON.stringify(seen)).not.toMatch(/MARKER/);
    expect((await call('opd', 'GET', path)).status).toBe(404); // another OPD's request
    expect(
      (await call('viewer', 'POST', `${path}/actions`, { action: 'note', expectedRevision: seen.revision, text: 'x' }))
        .status,
    ).toBe(403);
    const noReason = await call('duty', 'POST', `${path}/actions`, {
      action: 'escalate',
      expectedRevision: seen.revision,
      reason: '',
    });
    expect((await noReason.json()).error.field).toBe('reason');
    const up = await call('duty', 'POST', `${path}/actions`, {
      action: 'escalate',
      expectedRevision: seen.revision,
      reason: 'Lewat 10 hari kerja tanpa keputusan',
    });
    expect(await up.json()).toEqual({ escalationLevel: 1 });
    const stale = await call('admin', 'POST', `${path}/actions`, {
      action: 'note',
      expectedRevision: seen.revision,
      text: 'Cek',
    });
    expect(stale.status).toBe(409);
    const after = await (await call('duty', 'GET', path)).json();
    expect(after.escalationLevel).toBe(1);
    expect(
      after.timeline.some(
        (e: { details: { reason?: string } }) => e.details.reason === 'Lewat 10 hari kerja tanpa keputusan',
      ),
    ).toBe(true);
    const ack = await call('admin', 'POST', `${path}/actions`, {
      action: 'acknowledge',
      expectedRevision: after.revision,
      reason: 'PPID Dinkes dihubungi',
    });
    expect(ack.status).toBe(200);
  });

  it('records user and device changes in the audit trail, filterable, and verifies the chain', async () => {
    const audit = await (await call('admin', 'GET', '/api/audit?actor=adm')).json();
    expect(audit.entries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['user.create', 'device.issue']),
    );
    const verify = await (await call('admin', 'POST', '/api/audit/verify')).json();
    expect(verify).toMatchObject({ ok: true });
    expect(verify.checked).toBeGreaterThanOrEqual(2);
    expect((await call('admin', 'GET', '/api/audit?from=yesterday')).status).toBe(400);
  });

  it('stays fast over 100,000 open items (figure printed, not asserted)', async () => {
    await db.pool.query(
      `INSERT INTO complaint (source, external_id, tracking_id, status, opd_id, regency_code, channel, classification, topic, title,
          submitted_at, deadline_at, deadline_state, escalation_level, state, version)
       SELECT 'bulk', 'b' || g, (6000000 + g)::text, 'terverifikasi_didisposisi', CASE WHEN g % 2 = 0 THEN $1 ELSE $2 END,
              NULL, 'web', 'pengaduan', 'Jalan', 'x', now() - (g % 40) * interval '1 day', now() - (g % 9 - 4) * interval '1 day',
              (ARRAY['on_time', 'at_risk', 'overdue'])[1 + g % 3], g % 3, '{}'::jsonb, 1
       FROM generate_series(1, 100000) g`,
      [pupr, dinkes],
    );
    await db.pool.query('ANALYZE complaint');
    const started = performance.now();
    const page = await (
      await call('duty', 'GET', `/api/worklist?opd=${pupr}&deadlineState=overdue&sort=step&dir=desc&limit=100`)
    ).json();
    const ms = performance.now() - started;
    expect(page.items).toHaveLength(100);
    expect(
      page.items.every(
        (i: { opdId: string; deadlineState: string }) => i.opdId === pupr && i.deadlineState === 'overdue',
      ),
    ).toBe(true);
    const steps = page.items.map((i: { escalationLevel: number }) => i.escalationLevel);
    expect([...steps].sort((a: number, b: number) => b - a)).toEqual(steps);
    console.log(`worklist page over 100k open items: ${ms.toFixed(0)} ms (total ${page.total})`);
  });
});
