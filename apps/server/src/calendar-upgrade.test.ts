import { loadWorkingCalendar, seedProvincePack } from '@pantau/db';
import { createTestDatabase, urlWithSchema, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from './env.ts';
import { ingestComplaintBatch } from './ingest/complaint-ingest.ts';
import { createLogger } from './logger.ts';
import { startServer, type RunningServer } from './server.ts';

const pack = loadProvincePack('kalsel');
/** The pack as an install had it before the 2027 SKB shipped. */
const packBefore2027 = {
  ...pack,
  calendar: {
    years: pack.calendar.years.filter((y) => y.year !== 2027),
    days: pack.calendar.days.filter((d) => !d.date.startsWith('2027-')),
  },
};

describe('upgrading to a pack with the 2027 calendar', () => {
  let db: TestDatabase;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    db = await createTestDatabase({ label: 'calupgrade' });
  });
  afterAll(async () => {
    await server?.close();
    await db.drop();
  });

  it('recomputes at start the open deadlines that reach into 2027, counted on the SKB instead of Monday–Friday', async () => {
    await seedProvincePack(db.pool, packBefore2027);
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    const ctx = { pack, calendar: () => calendar, now: () => new Date('2026-12-21T10:00:00+08:00') };
    const results = await ingestComplaintBatch(db.pool, ctx, 'lapor', [
      {
        externalId: 'up-1',
        event: {
          type: 'submitted',
          eventId: 's',
          occurredAt: '2026-12-21T09:00:00+08:00',
          trackingId: '9901',
          channel: 'web',
          classification: 'pengaduan',
          title: 'Jalan rusak',
          body: 'Jalan rusak di depan sekolah',
          regencyCode: '63.71',
          isRahasia: false,
          reporter: { name: 'Warga', contact: '081200000000' },
        },
      },
    ]);
    expect(results[0], JSON.stringify(results[0])).toMatchObject({ status: 'accepted' });
    const due = async () =>
      (await db.pool.query(`SELECT completion_due_at FROM complaint WHERE tracking_id = '9901'`)).rows[0]
        .completion_due_at as Date;
    // 14 HK Monday–Friday from Mon 21 Dec 2026: 22–23 (2), [24 cuti, 25 Natal] 28–31 (6), 1 Jan (7), 4–8 (12),
    // 11–12 (14) → Tue 12 Jan 2027.
    expect((await due()).toISOString()).toBe('2027-01-12T15:59:59.999Z');

    server = await startServer(
      loadEnv({
        DATABASE_URL: urlWithSchema(db.url, db.schema),
        PANTAU_PROVINCE: 'kalsel',
        PORT: '0',
        PANTAU_DEMO: 'off',
      }),
      createLogger('silent'),
    );
    // On the SKB: 22–23 (2), 28–31 (6), [1 Jan] 4 (7), [5 Jan Isra Mikraj] 6–8 (10), 11–14 (14) → Thu 14 Jan.
    expect((await due()).toISOString()).toBe('2027-01-14T15:59:59.999Z');
  });
});
