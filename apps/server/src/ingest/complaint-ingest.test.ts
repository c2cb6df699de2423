import fc from 'fast-check';
import { issueSourceKey, loadWorkingCalendar, seedProvincePack } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createLogger } from '../logger.ts';
import type { ComplaintContext } from './complaint-ingest.ts';

const pack = loadProvincePack('kalsel');
let n = 0;
const submitted = (externalId: string, extra: Record<string, unknown> = {}) => ({
  externalId,
  event: {
    type: 'submitted',
    eventId: `s-${externalId}`,
    occurredAt: '2026-11-02T09:00:00+08:00',
    trackingId: String(2_400_000 + ++n),
    channel: 'web',
    classification: 'pengaduan',
    title: 'Jalan rusak di Banjarbaru',
    body: `RAHASIA-BODY-${externalId}`,
    regencyCode: '63.72',
    isAnonim: false,
    isRahasia: true,
    reporter: { name: `REPORTER-${externalId}`, contact: '081200000000' },
    ...extra,
  },
});
const verified = (externalId: string, opdId = 'kalsel.pupr', eventId = `v-${externalId}`) => ({
  externalId,
  event: { type: 'verified', eventId, occurredAt: '2026-11-03T10:00:00+08:00', opdId },
});

describe('complaint ingest API', () => {
  let db: TestDatabase;
  let key: string;
  let app: ReturnType<typeof createApp>;
  const post = (body: unknown, auth = key, path = '/api/ingest/complaints') =>
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}` },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const count = async (table: string) =>
    (await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'ingest' });
    await seedProvincePack(db.pool, pack);
    key = await issueSourceKey(db.pool, 'lapor', 'LAPOR sync');
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    const complaints: ComplaintContext = {
      pack,
      calendar: () => calendar,
      now: () => new Date('2026-11-05T12:00:00+08:00'),
    };
    app = createApp({ pool: db.pool, pack, logger: createLogger('silent'), webDist: '/nonexistent', complaints });
  });
  afterAll(async () => db.drop());

  it('accepts a batch, derives the row from the events, and keeps reporter and body apart', async () => {
    const res = await post({ source: 'lapor', items: [submitted('A1'), verified('A1')] });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ accepted: 2, duplicate: 0, rejected: 0 });
    const { rows } = await db.pool.query(
      'SELECT status, opd_id, regency_code, is_rahasia, version, deadline_step FROM complaint',
    );
    expect(rows).toEqual([
      {
        status: 'terverifikasi_didisposisi',
        opd_id: 'kalsel.pupr',
        regency_code: '63.72',
        is_rahasia: true,
        version: 2,
        deadline_step: 'opd_follow_up',
      },
    ]);
    const row = JSON.stringify((await db.pool.query('SELECT * FROM complaint')).rows);
    expect(row).not.toMatch(/RAHASIA-BODY|REPORTER-/);
    expect((await db.pool.query('SELECT name FROM complaint_reporter')).rows).toEqual([{ name: 'REPORTER-A1' }]);
    expect(JSON.stringify((await db.pool.query('SELECT payload FROM complaint_event')).rows)).not.toMatch(
      /RAHASIA-BODY|REPORTER-/,
    );
  });

  it('replaying a batch three times yields the same rows', async () => {
    const batch = { source: 'lapor', items: [submitted('B1'), verified('B1'), submitted('B2')] };
    const first = await (await post(batch)).json();
    expect(first).toMatchObject({ accepted: 3 });
    const snapshot = async () =>
      (await db.pool.query('SELECT external_id, status, version, deadline_at FROM complaint ORDER BY id')).rows;
    const before = {
      rows: await snapshot(),
      events: await count('complaint_event'),
      rollup: (
        await db.pool.query(
          `SELECT sum(received)::int AS r, sum(verified)::int AS v FROM complaint_rollup_day WHERE scope = 'province' AND dim = 'total'`,
        )
      ).rows,
    };
    for (let i = 0; i < 2; i++) expect(await (await post(batch)).json()).toMatchObject({ accepted: 0, duplicate: 3 });
    expect(await snapshot()).toEqual(before.rows);
    expect(await count('complaint_event')).toBe(before.events);
    expect(
      (
        await db.pool.query(
          `SELECT sum(received)::int AS r, sum(verified)::int AS v FROM complaint_rollup_day WHERE scope = 'province' AND dim = 'total'`,
        )
      ).rows,
    ).toEqual(before.rollup);
  });

  it('rejects bad items with the field, writes nothing for them, and commits the good ones', async () => {
    const events = await count('complaint_event');
    const res = await post({
      source: 'lapor',
      items: [
        submitted('C1'),
        verified('C1', 'kalsel.no-such-opd'),
        { externalId: 'C2', event: { ...submitted('C2').event, body: 'x'.repeat(10_001) } },
        submitted('C3', { regencyCode: '62.71' }),
        { externalId: 'C9', event: { type: 'completed', eventId: 'x', occurredAt: '2026-11-03T10:00:00+08:00' } },
        submitted('C1'),
        'not an object',
      ],
    });
    const body = await res.json();
    expect(body.accepted).toBe(1);
    const errors = body.results.map((r: { error?: { field: string } }) => r.error?.field ?? null);
    expect(errors).toEqual([
      null,
      'items.1.event.opdId',
      'items.2.event.body',
      'items.3.event.regencyCode',
      'items.4.event.type',
      'items.5.event.eventId',
      'items.6',
    ]);
    expect(await count('complaint_event')).toBe(events + 1);
  });

  it('refuses an impossible transition, naming event.type', async () => {
    await post({ source: 'lapor', items: [submitted('D1')] });
    const res = await post({
      source: 'lapor',
      items: [
        { externalId: 'D1', event: { type: 'completed', eventId: 'c', occurredAt: '2026-11-03T10:00:00+08:00' } },
      ],
    });
    expect((await res.json()).results[0].error).toEqual({
      field: 'items.0.event.type',
      message: 'cannot completed a complaint that is belum_diverifikasi',
    });
  });

  it('answers 401 without a key, 403 for another source, 400 for broken JSON or shape, naming the field', async () => {
    expect((await post({ source: 'lapor', items: [submitted('E1')] }, 'wrong')).status).toBe(401);
    const other = await post({ source: 'sms', items: [submitted('E1')] });
    expect(other.status).toBe(403);
    expect((await other.json()).error.field).toBe('source');
    const broken = await post('{"source": "lapor", "items": [');
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.field).toBe('body');
    const tooMany = await post({ source: 'lapor', items: Array.from({ length: 1001 }, (_, i) => submitted(`F${i}`)) });
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).error.field).toBe('items');
  });

  it('never answers 5xx to malformed bodies, and writes nothing for them', async () => {
    const before = await count('complaint_event');
    const garbage = fc.oneof(
      fc.jsonValue(),
      fc.record({
        source: fc.oneof(fc.string(), fc.constant('lapor'), fc.integer()),
        items: fc.oneof(fc.array(fc.jsonValue(), { maxLength: 5 }), fc.jsonValue()),
      }),
      fc.record({
        source: fc.constant('lapor'),
        items: fc.array(
          fc.record({
            externalId: fc.oneof(fc.string({ maxLength: 200 }), fc.integer()),
            event: fc.record({
              type: fc.constantFrom('submitted', 'verified', 'completed', 'x'),
              eventId: fc.oneof(fc.string(), fc.constant('')),
              occurredAt: fc.oneof(fc.string(), fc.constant('2026-11-03T10:00:00+08:00')),
              opdId: fc.string(),
              body: fc.string(),
            }),
          }),
          { maxLength: 4 },
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(garbage, async (body) => {
        const res = await post(body);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
    for (const raw of [
      '',
      'null',
      '[]',
      '{"source":',
      '\u0000',
      '{"source":"lapor","items":[{"externalId":"x","event":null}]}',
    ]) {
      expect((await post(raw)).status).toBeLessThan(500);
    }
    expect(await count('complaint_event')).toBe(before);
  });
});

describe('SMS 1708 webhook', () => {
  let db: TestDatabase;
  let key: string;
  let app: ReturnType<typeof createApp>;
  const sms = (text: string, messageId = `m-${Math.random()}`) =>
    app.request('/api/ingest/sms', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ messageId, from: '+6281234567890', text, receivedAt: '2026-11-04T19:00:00+08:00' }),
    });

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'sms' });
    await seedProvincePack(db.pool, pack);
    key = await issueSourceKey(db.pool, 'sms1708', 'SMS gateway');
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    app = createApp({
      pool: db.pool,
      pack,
      logger: createLogger('silent'),
      webDist: '/nonexistent',
      complaints: { pack, calendar: () => calendar },
    });
  });
  afterAll(async () => db.drop());

  it.each([
    'LAPORPAMAN Lampu jalan mati di Martapura',
    'laporpaman lampu jalan mati',
    '  Lapor Paman: lampu jalan mati',
    'LAPORPAMAN\nlampu jalan mati',
  ])('takes "%s" as a complaint', async (text) => {
    const res = await sms(text);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe('accepted');
    expect(body.reply).toMatch(/Terima kasih/);
  });

  it('stores the sender as personal data, the channel as SMS 1708, and is idempotent by message id', async () => {
    await sms('LAPORPAMAN jembatan putus', 'msg-42');
    const again = await (await sms('LAPORPAMAN jembatan putus', 'msg-42')).json();
    expect(again.status).toBe('duplicate');
    const { rows } = await db.pool.query(
      `SELECT c.channel, r.contact, b.body FROM complaint c JOIN complaint_reporter r ON r.complaint_id = c.id JOIN complaint_body b ON b.complaint_id = c.id WHERE c.external_id = 'sms-msg-42'`,
    );
    expect(rows).toEqual([{ channel: 'sms1708', contact: '+6281234567890', body: 'jembatan putus' }]);
  });

  it.each(['', 'LAPORPAMAN', 'halo admin', 'LAPORPAMAN    '])(
    'rejects "%s" with a reply the gateway can send back',
    async (text) => {
      const res = await sms(text);
      expect(res.status).toBe(422);
      const body = await res.json();
      expect(body.error.field).toBe('text');
      expect(body.error.reply).toBe('Format salah. Ketik LAPORPAMAN <isi aduan> kirim ke 1708.');
    },
  );

  it('takes the same message posted as a form, as many gateways send it', async () => {
    const res = await app.request('/api/ingest/sms', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${key}` },
      body: new URLSearchParams({
        messageId: 'form-1',
        from: '+6281300000001',
        text: 'LAPOR PAMAN  drainase tersumbat',
        receivedAt: '2026-11-04T20:00:00+08:00',
      }).toString(),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe('accepted');
    const { rows } = await db.pool.query(
      `SELECT b.body FROM complaint c JOIN complaint_body b ON b.complaint_id = c.id WHERE c.external_id = 'sms-form-1'`,
    );
    expect(rows).toEqual([{ body: 'drainase tersumbat' }]);
    const bad = await app.request('/api/ingest/sms', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${key}` },
      body: 'messageId=form-2&text=LAPORPAMAN+x',
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('from');
  });

  it('never answers 5xx to malformed webhook bodies, and writes nothing for them', async () => {
    const events = async () =>
      (await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM complaint_event')).rows[0]!.n;
    const before = await events();
    const garbage = fc.oneof(
      fc.jsonValue(),
      fc.record({
        messageId: fc.oneof(fc.string({ maxLength: 300 }), fc.integer(), fc.constant(null)),
        from: fc.oneof(fc.string(), fc.integer(), fc.constant('+62812')),
        text: fc.oneof(fc.string({ maxLength: 3000 }), fc.jsonValue(), fc.constant('LAPORPAMAN')),
        receivedAt: fc.oneof(fc.string(), fc.integer(), fc.constant('2026-13-45T99:00:00+08:00')),
      }),
    );
    await fc.assert(
      fc.asyncProperty(garbage, fc.boolean(), async (body, asForm) => {
        const res = await app.request('/api/ingest/sms', {
          method: 'POST',
          headers: {
            'content-type': asForm ? 'application/x-www-form-urlencoded' : 'application/json',
            authorization: `Bearer ${key}`,
          },
          body: asForm
            ? new URLSearchParams(
                body && typeof body === 'object' && !Array.isArray(body)
                  ? Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])
                  : [['x', JSON.stringify(body)]],
              ).toString()
            : JSON.stringify(body),
        });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
    expect(await events()).toBe(before);
  });
});
