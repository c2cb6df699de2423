import { loadWorkingCalendar, seedProvincePack } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PpidContext } from '../ingest/ppid-ingest.ts';
import { openPpidSocialFeed } from './demo-feed-ppid-social.ts';

const pack = loadProvincePack('kalteng');
const now = new Date('2026-11-20T03:00:00Z');

describe('PPID and social demo feed', () => {
  let db: TestDatabase;
  let ctx: PpidContext;
  const count = async (sql: string) => (await db.pool.query<{ n: number }>(sql)).rows[0]!.n;

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'demoppidsocial' });
    await seedProvincePack(db.pool, pack);
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    ctx = { pack, calendar: () => calendar, now: () => now };
  });
  afterAll(async () => db.drop());

  it('backfills 90 days of both streams through the real ingest, every item accepted, in well under a minute', async () => {
    const feed = await openPpidSocialFeed(db.pool, pack, ctx, now);
    const started = Date.now();
    const r = await feed.step(now);
    const ms = Date.now() - started;
    console.info(`PPID/social backfill: ${r.ppid.items} PPID + ${r.social.items} social items in ${ms} ms`);
    expect(r.ppid.rejected).toEqual([]);
    expect(r.social.rejected).toEqual([]);
    expect(ms).toBeLessThan(45_000);
    // Kalteng's real rate, 1.5 requests a day, over 90 days.
    expect(await count('SELECT count(*)::int AS n FROM ppid_request')).toBeGreaterThan(100);
    expect(await count('SELECT count(DISTINCT opd_id)::int AS n FROM dip_entry')).toBe(pack.opds.length);
    expect(await count('SELECT count(*)::int AS n FROM ppid_monev')).toBe(pack.opds.length);
    expect(await count('SELECT count(DISTINCT account_id)::int AS n FROM social_daily_metric')).toBe(
      pack.socialAccounts.length,
    );
    expect(await count('SELECT count(*)::int AS n FROM social_interaction')).toBeGreaterThan(1000);
    expect(await count("SELECT count(*)::int AS n FROM source WHERE id LIKE 'simulator-%'")).toBe(2);
  }, 120_000);

  it('resumes from the stored cursors after a restart: only what is new, nothing rejected or repeated', async () => {
    const before = await count('SELECT count(*)::int AS n FROM social_event');
    const feed = await openPpidSocialFeed(db.pool, pack, ctx, new Date(now.getTime() + 3_600_000));
    const r = await feed.step(new Date(now.getTime() + 6 * 3_600_000));
    expect(r.ppid.rejected).toEqual([]);
    expect(r.social.rejected).toEqual([]);
    expect(r.social.items).toBeGreaterThan(0);
    expect(r.social.items).toBeLessThan(1000);
    expect(await count('SELECT count(*)::int AS n FROM social_event')).toBe(before + r.social.items);
  });
});
