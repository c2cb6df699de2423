import { loadWorkingCalendar, seedProvincePack } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestComplaintBatch, type ComplaintContext } from '../ingest/complaint-ingest.ts';
import { ingestPpidBatch } from '../ingest/ppid-ingest.ts';
import { createTopicBuilder } from './topic-builders.ts';

const pack = loadProvincePack('kalteng');
// 25 days ago, 09:00 WIB: inside the 30-day trend, and past both the 3-HK and the 10-HK deadlines.
const longAgo = `${new Date(Date.now() - 25 * 86_400_000).toISOString().slice(0, 10)}T09:00:00+07:00`;

describe('topic builders', () => {
  let db: TestDatabase;
  const build = createTopicBuilder(pack);
  beforeAll(async () => {
    db = await createTestDatabase({ label: 'topics' });
    await seedProvincePack(db.pool, pack);
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    const ctx: ComplaintContext = { pack, calendar: () => calendar };
    const c = await ingestComplaintBatch(db.pool, ctx, 'lapor', [
      {
        externalId: 'T1',
        event: {
          type: 'submitted',
          eventId: 's',
          occurredAt: longAgo,
          trackingId: '4400001',
          channel: 'web',
          classification: 'pengaduan',
          title: 'SECRET-TITLE',
          body: 'SECRET-BODY',
          regencyCode: '62.71',
          isRahasia: true,
          reporter: { name: 'SECRET-NAME' },
        },
      },
    ]);
    expect(c[0]?.status).toBe('accepted');
    const p = await ingestPpidBatch(db.pool, ctx, 'ppid', [
      {
        kind: 'request',
        externalId: 'P1',
        event: {
          type: 'received',
          eventId: 'r',
          occurredAt: longAgo,
          regNo: 'REG/P1',
          ppidLevel: 'pembantu',
          opdId: 'kalteng.dinkes',
          channel: 'email',
          requesterType: 'mahasiswa',
          subject: 'Data puskesmas',
          format: 'softcopy',
          requester: { name: 'SECRET-REQUESTER' },
        },
      },
    ]);
    expect(p[0]?.status).toBe('accepted');
  });
  afterAll(async () => db.drop());

  it('the worklist carries late complaints and late PPID requests, with no text or personal data', async () => {
    const worklist = await build(db.pool, 'worklist');
    const items = (worklist?.items ?? []) as Array<{ kind: string; trackingId: string; deadlineState: string }>;
    expect(items.map((i) => [i.kind, i.trackingId, i.deadlineState]).sort()).toEqual([
      ['complaint', '4400001', 'overdue'],
      ['ppid_request', 'REG/P1', 'overdue'],
    ]);
    expect(JSON.stringify(worklist)).not.toMatch(/SECRET/);
  });

  it('the public province topic carries aggregates only, a count under 5 shown as "<5"', async () => {
    const pub = await build(db.pool, 'public:province');
    expect(JSON.stringify(pub)).not.toMatch(/SECRET|4400001|REG\/P1/);
    const trend = (pub?.complaints as { trend: Array<{ received: number | string }> }).trend;
    expect(trend.some((t) => t.received === '<5')).toBe(true);
  });

  it('the province ticker names the newest complaints by kind, OPD, place and channel, never by text or id', async () => {
    const province = await build(db.pool, 'province');
    const recent = (province?.recent as { items: Array<Record<string, unknown>> }).items;
    expect(recent.length).toBeGreaterThan(0);
    expect(Object.keys(recent[0]!).sort()).toEqual([
      'channel',
      'classification',
      'opdId',
      'regencyCode',
      'submittedAt',
      'topic',
    ]);
    expect(JSON.stringify(province)).not.toMatch(/SECRET|4400001/);
  });

  it('builds nothing for an unknown OPD or regency', async () => {
    expect(await build(db.pool, 'opd:kalteng.no-such-opd')).toBeNull();
    expect(await build(db.pool, 'regency:63.71')).toBeNull();
  });
});
