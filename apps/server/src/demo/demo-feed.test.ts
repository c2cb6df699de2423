import { loadWorkingCalendar, seedProvincePack } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintContext } from '../ingest/complaint-ingest.ts';
import { openComplaintFeed } from './demo-feed.ts';
import { openPpidSocialFeed } from './demo-feed-ppid-social.ts';
import { demoFeedRates, historyUntil } from './demo-rates.ts';

const DAY = 86_400_000;
const pack = loadProvincePack('kalsel');
const now = new Date('2026-11-20T03:00:00Z');

describe('the demo feed runs at the province’s real volume', () => {
  let db: TestDatabase;
  let ctx: ComplaintContext;
  const count = async (sql: string, params: unknown[] = []) =>
    (await db.pool.query<{ n: number }>(sql, params)).rows[0]!.n;

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'demorates' });
    await seedProvincePack(db.pool, pack);
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    ctx = { pack, calendar: () => calendar, now: () => now };
  });
  afterAll(async () => db.drop());

  it('takes the pack’s rates unless PANTAU_DEMO_PER_DAY asks for a busy demo (complaints only)', () => {
    const real = demoFeedRates(pack, {});
    expect(real.complaints).toEqual({ perDay: 3, historyPerDay: 3 });
    expect(real.ppid.perDay).toBe(2);
    const busy = demoFeedRates(pack, { PANTAU_DEMO_PER_DAY: 300 });
    expect(busy.complaints).toEqual({ perDay: 300, historyPerDay: 3 });
    expect(busy.ppid).toEqual(real.ppid);
    expect(demoFeedRates(pack, { PANTAU_DEMO_PER_DAY: 300, PANTAU_DEMO_HISTORY_PER_DAY: 4 }).complaints).toEqual({
      perDay: 300,
      historyPerDay: 4,
    });
  });

  it('backfills 13 months at Kalsel’s 60–170 complaints a month, and a few PPID requests a day', async () => {
    const rates = demoFeedRates(pack, {});
    const complaints = await openComplaintFeed(db.pool, pack, ctx, rates.complaints, now);
    let started = Date.now();
    const c = await complaints.step(now);
    console.info(`complaint backfill: ${c.events} events in ${Date.now() - started} ms`);
    expect(c.rejected).toEqual([]);
    const ppid = await openPpidSocialFeed(db.pool, pack, ctx, now, rates);
    started = Date.now();
    const p = await ppid.step(now);
    console.info(`PPID/social backfill: ${p.ppid.items} + ${p.social.items} items in ${Date.now() - started} ms`);
    expect(p.ppid.rejected).toEqual([]);
    // Every one of the last 12 whole months was lived through at the real rate (DOMAIN.md §2.2).
    const { rows } = await db.pool.query<{ month: string; n: number }>(
      `SELECT to_char(date_trunc('month', submitted_at AT TIME ZONE $1), 'YYYY-MM') AS month, count(*)::int AS n
       FROM complaint WHERE submitted_at >= date_trunc('month', $2::timestamptz - interval '12 months')
         AND submitted_at < date_trunc('month', $2::timestamptz)
       GROUP BY 1 ORDER BY 1`,
      [pack.timeZone, now],
    );
    expect(rows.length).toBe(12);
    for (const r of rows) {
      expect(r.n, r.month).toBeGreaterThanOrEqual(50);
      expect(r.n, r.month).toBeLessThanOrEqual(170);
    }
    const ppidWeeks = 90 / 7;
    const ppidRequests = await count(`SELECT count(*)::int AS n FROM ppid_request`);
    expect(ppidRequests / ppidWeeks).toBeGreaterThanOrEqual(7); // a few a week at the busy OPDs, ~14 in all
    expect(ppidRequests / ppidWeeks).toBeLessThanOrEqual(21);
  }, 120_000);

  it('keeps the 90-day history of a feed stored before the 13-month one, so its restart replays what it ingested', () => {
    const start = new Date('2026-01-01T00:00:00Z');
    expect(historyUntil({ startedAt: start, cursorAt: start })).toEqual(new Date(start.getTime() + 400 * DAY));
    // A 13-month feed: its cursor is at or past its first start.
    expect(historyUntil({ startedAt: start, cursorAt: new Date(start.getTime() + 401 * DAY) })).toEqual(
      new Date(start.getTime() + 400 * DAY),
    );
    // A 90-day feed that ran for a month after its first start.
    expect(historyUntil({ startedAt: start, cursorAt: new Date(start.getTime() + 120 * DAY) })).toEqual(
      new Date(start.getTime() + 90 * DAY),
    );
  });
});
