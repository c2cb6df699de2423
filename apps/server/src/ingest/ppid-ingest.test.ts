import fc from 'fast-check';
import { issueServiceToken, issueSourceKey, loadWorkingCalendar, seedProvincePack } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createLogger } from '../logger.ts';
import type { ComplaintContext } from './complaint-ingest.ts';
import { ingestPpidBatch } from './ppid-ingest.ts';

const pack = loadProvincePack('kalteng');
const opd = pack.opds.find((o) => o.shortName === 'Dinkes')!;
const received = (externalId: string, local: string, extra: Record<string, unknown> = {}) => ({
  kind: 'request',
  externalId,
  event: {
    type: 'received',
    eventId: `r-${externalId}`,
    occurredAt: `${local}+07:00`,
    regNo: `REG/${externalId}`,
    ppidLevel: 'pembantu',
    opdId: opd.id,
    channel: 'email',
    requesterType: 'mahasiswa',
    subject: 'Data jumlah puskesmas',
    format: 'softcopy',
    requester: { name: `REQUESTER-${externalId}`, address: 'Jl. Rahasia 1' },
    ...extra,
  },
});
const event = (externalId: string, type: string, local: string, extra: Record<string, unknown> = {}) => ({
  kind: 'request',
  externalId,
  event: { type, eventId: `${type}-${externalId}-${local}`, occurredAt: `${local}+07:00`, ...extra },
});

describe('PPID ingest, KPIs and the annual report', () => {
  let db: TestDatabase;
  let key: string;
  let ctx: ComplaintContext;
  let app: ReturnType<typeof createApp>;
  let viewerToken = '';
  /** Reads need a signed-in principal; a viewer is the least privileged one. */
  const read = (path: string) => app.request(path, { headers: { authorization: `Bearer ${viewerToken}` } });
  const post = (body: unknown, auth = key) =>
    app.request('/api/ingest/ppid', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}` },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const count = async (table: string) =>
    (await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'ppid' });
    await seedProvincePack(db.pool, pack);
    key = await issueSourceKey(db.pool, 'ppid-portal', 'Portal PPID');
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    ctx = { pack, calendar: () => calendar, now: () => new Date('2025-03-20T12:00:00+07:00') };
    app = createApp({ pool: db.pool, pack, logger: createLogger('silent'), webDist: '/nonexistent', complaints: ctx });
    viewerToken = await issueServiceToken(db.pool, 'viewer', 'Pimpinan', 'viewer');
  });
  afterAll(async () => db.drop());

  it('accepts a request, keeps the requester apart, and sets its 10-HK decision deadline', async () => {
    const res = await post({ source: 'ppid-portal', items: [received('P1', '2025-03-03T09:00:00')] });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ accepted: 1, rejected: 0 });
    const { rows } = await db.pool.query(
      `SELECT status, opd_id, deadline_step, to_char(deadline_at AT TIME ZONE 'Asia/Pontianak', 'YYYY-MM-DD') AS due,
         deadline_state FROM ppid_request`,
    );
    // Received Mon 3 Mar 2025; 10 HK later is Mon 17 Mar. "Now" is 20 Mar: overdue.
    expect(rows).toEqual([
      { status: 'diterima', opd_id: opd.id, deadline_step: 'decision', due: '2025-03-17', deadline_state: 'overdue' },
    ]);
    expect(JSON.stringify((await db.pool.query('SELECT * FROM ppid_request')).rows)).not.toMatch(/REQUESTER-/);
    expect(JSON.stringify((await db.pool.query('SELECT payload FROM ppid_event')).rows)).not.toMatch(/REQUESTER-/);
    expect((await db.pool.query('SELECT name FROM ppid_requester')).rows).toEqual([{ name: 'REQUESTER-P1' }]);
    const topics = (await db.pool.query('SELECT DISTINCT topic FROM live_outbox ORDER BY topic')).rows.map(
      (r) => r.topic,
    );
    expect(topics).toEqual(expect.arrayContaining(['province', `opd:${opd.id}`, `public:opd:${opd.id}`, 'worklist']));
  });

  it('replaying a batch changes nothing', async () => {
    const batch = {
      source: 'ppid-portal',
      items: [
        received('P2', '2025-03-03T09:00:00'),
        event('P2', 'decided', '2025-03-10T09:00:00', { decision: 'dipenuhi' }),
      ],
    };
    expect(await (await post(batch)).json()).toMatchObject({ accepted: 2 });
    const events = await count('ppid_event');
    for (let i = 0; i < 2; i++) expect(await (await post(batch)).json()).toMatchObject({ accepted: 0, duplicate: 2 });
    expect(await count('ppid_event')).toBe(events);
  });

  it('rejects bad items with the field and commits the good ones', async () => {
    const events = await count('ppid_event');
    const res = await post({
      source: 'ppid-portal',
      items: [
        received('P3', '2025-03-04T09:00:00'),
        received('P4', '2025-03-04T09:00:00', { opdId: 'kalteng.no-such-opd' }),
        event('P3', 'decided', '2025-03-05T09:00:00', { decision: 'ditolak' }),
        event('P9', 'delivered', '2025-03-05T09:00:00'),
        event('P2', 'extended', '2025-03-11T09:00:00', { reason: 'Terlambat' }),
        {
          kind: 'monev',
          externalId: 'm',
          eventId: 'm1',
          occurredAt: '2025-12-01T09:00:00+07:00',
          opdId: opd.id,
          year: 2025,
          score: 120,
        },
        42,
      ],
    });
    const body = await res.json();
    expect(body.accepted).toBe(1);
    expect(body.results.map((r: { error?: { field: string } }) => r.error?.field ?? null)).toEqual([
      null,
      'items.1.event.opdId',
      'items.2.event.exclusionGround',
      'items.3.event.type',
      'items.4.event.type',
      'items.5.score',
      'items.6',
    ]);
    expect(await count('ppid_event')).toBe(events + 1);
  });

  it('answers 401 without a key, 403 for another source, 400 for bad JSON', async () => {
    expect((await post({ source: 'ppid-portal', items: [1] }, 'nope')).status).toBe(401);
    expect((await post({ source: 'other', items: [1] })).status).toBe(403);
    expect((await post('{not json')).status).toBe(400);
  });

  it('stores DIP entries and monev scores with their band', async () => {
    const at = '2025-12-01T09:00:00+07:00';
    const res = await post({
      source: 'ppid-portal',
      items: [
        {
          kind: 'dip_entry',
          externalId: 'd1',
          eventId: 'v1',
          occurredAt: at,
          opdId: opd.id,
          category: 'berkala',
          ringkasan: 'LKPD 2024',
          downloads: 10,
        },
        {
          kind: 'dip_entry',
          externalId: 'd2',
          eventId: 'v1',
          occurredAt: at,
          opdId: opd.id,
          category: 'berkala',
          ringkasan: 'Renstra',
          downloads: 5,
        },
        { kind: 'monev', externalId: 'm-2024', eventId: 'v1', occurredAt: at, opdId: opd.id, year: 2024, score: 85.5 },
        { kind: 'monev', externalId: 'm-2025', eventId: 'v1', occurredAt: at, opdId: opd.id, year: 2025, score: 91.2 },
      ],
    });
    expect(await res.json()).toMatchObject({ accepted: 4 });
    expect(await (await read(`/api/ppid/dip?opdId=${opd.id}`)).json()).toEqual({
      categories: [{ opdId: opd.id, category: 'berkala', entries: 2, downloads: 15 }],
    });
    expect(await (await read('/api/ppid/monev')).json()).toEqual({
      scores: [{ opdId: opd.id, year: 2025, score: 91.2, band: 'informatif', bandLabel: 'Informatif' }],
    });
  });

  it('computes KPIs for the period and exports the annual report as CSV', async () => {
    // P1 undecided and overdue; P2 dipenuhi after 5 HK; P3 still open (received 4 Mar, due 18 Mar: overdue on 20 Mar).
    const res = await read(`/api/ppid/kpis?from=2025-03-01&to=2025-03-31&opdId=${opd.id}`);
    expect(res.status).toBe(200);
    const { kpis } = await res.json();
    expect(kpis).toMatchObject({ requests: 3, decided: 1, avgWorkingDaysToDecide: 5, onTimeShare: 1 / 3, overdue: 2 });
    expect(kpis.byDecision.dipenuhi).toEqual({ count: 1, share: 1 });
    const csv = await read(`/api/ppid/report.csv?from=2025-03-01&to=2025-03-31&opdId=${opd.id}`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="laporan-layanan-informasi-/);
    const text = await csv.text();
    expect(text).toContain('rincian_pelayanan,Jumlah permohonan,3');
    expect(text).not.toMatch(/REQUESTER-|Rahasia/);
    // Signed-in users only: the public widgets serve their own suppressed aggregates.
    expect((await app.request('/api/ppid/kpis?from=2025-03-01&to=2025-03-31')).status).toBe(401);
    expect((await app.request('/api/ppid/report.csv?from=2025-03-01&to=2025-03-31')).status).toBe(401);
    expect((await read('/api/ppid/kpis?from=2025-03-31&to=2025-03-01')).status).toBe(400);
    expect(await (await read('/api/ppid/kpis?from=2025-13-01&to=2025-03-01')).json()).toMatchObject({
      error: { field: 'from' },
    });
  });

  it('is callable in process, as the simulator does', async () => {
    const r = await ingestPpidBatch(db.pool, ctx, 'simulator', [received('S1', '2025-03-05T09:00:00')]);
    expect(r).toEqual([{ index: 0, externalId: 'S1', eventId: 'r-S1', status: 'accepted' }]);
  });

  it('never answers 5xx to random malformed bodies and writes nothing for them', async () => {
    const events = await count('ppid_event');
    const item = fc.oneof(
      fc.anything(),
      fc.record({
        kind: fc.constantFrom('request', 'dip_entry', 'monev', 'x'),
        externalId: fc.anything(),
        event: fc.anything(),
      }),
      fc.record({
        kind: fc.constant('request'),
        externalId: fc.string({ minLength: 1, maxLength: 5 }),
        event: fc.record({
          type: fc.constantFrom('received', 'decided', 'extended', 'objection_filed'),
          eventId: fc.oneof(fc.string(), fc.integer()),
          occurredAt: fc.oneof(fc.string(), fc.constant('not-a-date')),
          decision: fc.string(),
          ground: fc.string({ maxLength: 2 }),
        }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({ source: fc.constantFrom('ppid-portal', 'x'), items: fc.array(item, { maxLength: 5 }) }),
        ),
        async (body) => {
          const res = await post(body);
          expect(res.status).toBeLessThan(500);
          if (res.status === 200) {
            const json = await res.json();
            expect(json.accepted).toBe(0);
          }
        },
      ),
      { numRuns: 150 },
    );
    expect(await count('ppid_event')).toBe(events);
  });
});
