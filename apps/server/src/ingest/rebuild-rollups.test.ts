import { loadWorkingCalendar, seedProvincePack } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { ComplaintSimulator } from '@pantau/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchDeadlines } from '../deadlines/watcher.ts';
import { ingestComplaintBatch, type ComplaintContext } from './complaint-ingest.ts';
import { rebuildComplaintRollups } from './rebuild-rollups.ts';

describe('complaint rollups', () => {
  let db: TestDatabase;
  let ctx: ComplaintContext;
  const pack = loadProvincePack('kalteng');
  const snapshot = async () => ({
    flows: (await db.pool.query('SELECT * FROM complaint_rollup_day ORDER BY scope, dim, day, key')).rows,
    stock: (
      await db.pool.query(
        'SELECT * FROM complaint_stock WHERE n <> 0 ORDER BY scope, dim, key, status, deadline_state, escalated',
      )
    ).rows,
    hours: (
      await db.pool.query(
        'SELECT * FROM complaint_rollup_hour WHERE received + verified + followed_up + completed + deleted <> 0 ORDER BY scope, bucket',
      )
    ).rows,
    minutes: (await db.pool.query('SELECT * FROM complaint_rollup_minute WHERE received <> 0 ORDER BY scope, bucket'))
      .rows,
  });

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'rebuild' });
    await seedProvincePack(db.pool, pack);
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    const now = new Date('2026-03-20T06:00:00Z');
    ctx = { pack, calendar: () => calendar, now: () => now };
    // Two months of simulated history, ingested in batches the way a source sends them.
    const events = new ComplaintSimulator({
      pack,
      start: new Date('2026-01-15T00:00:00Z'),
      seed: 99,
      perDay: 60,
    }).advance(now);
    for (let i = 0; i < events.length; i += 400)
      await ingestComplaintBatch(db.pool, ctx, 'simulator', events.slice(i, i + 400));
    await watchDeadlines(db.pool, ctx, now);
  });
  afterAll(async () => db.drop());

  it('a rebuild from the event log equals the rollups maintained incrementally', async () => {
    const incremental = await snapshot();
    expect(incremental.flows.length).toBeGreaterThan(100);
    expect(incremental.stock.length).toBeGreaterThan(5);
    expect(incremental.hours.length).toBeGreaterThan(100);
    const { complaints } = await rebuildComplaintRollups(db.pool, ctx);
    expect(complaints).toBeGreaterThan(1000);
    expect(await snapshot()).toEqual(incremental);
  });

  it('the open stock equals a count of the open complaint rows', async () => {
    const { rows } = await db.pool.query(
      `SELECT (SELECT coalesce(sum(n), 0)::int FROM complaint_stock WHERE scope = 'province' AND dim = 'total') AS stock,
              (SELECT count(*)::int FROM complaint WHERE status IN ('belum_diverifikasi','terverifikasi_didisposisi','ditindaklanjuti','ditunda','bukan_wewenang')) AS rows,
              (SELECT coalesce(sum(n), 0)::int FROM complaint_stock WHERE scope = 'province' AND dim = 'total' AND deadline_state = 'overdue') AS stock_overdue,
              (SELECT count(*)::int FROM complaint WHERE deadline_state = 'overdue' AND status IN ('belum_diverifikasi','terverifikasi_didisposisi','ditindaklanjuti','ditunda','bukan_wewenang')) AS rows_overdue`,
    );
    expect(rows[0].stock).toBe(rows[0].rows);
    expect(rows[0].stock_overdue).toBe(rows[0].rows_overdue);
    expect(rows[0].rows_overdue).toBeGreaterThan(0);
  });
});

describe('the complaint overview read from rollups', () => {
  let db: TestDatabase;
  const pack = loadProvincePack('kalsel');
  const now = new Date('2026-03-20T06:00:00Z');
  beforeAll(async () => {
    db = await createTestDatabase({ label: 'overview' });
    await seedProvincePack(db.pool, pack);
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    const ctx: ComplaintContext = { pack, calendar: () => calendar, now: () => now };
    const events = new ComplaintSimulator({
      pack,
      start: new Date('2026-01-20T00:00:00Z'),
      seed: 5,
      perDay: 50,
    }).advance(now);
    for (let i = 0; i < events.length; i += 500)
      await ingestComplaintBatch(db.pool, ctx, 'simulator', events.slice(i, i + 500));
    await watchDeadlines(db.pool, ctx, now);
  });
  afterAll(async () => db.drop());

  it('equals the same figures counted straight from the complaint rows, for the province and for one OPD', async () => {
    const { complaintOverview } = await import('@pantau/db');
    for (const opdId of [null, 'kalsel.pupr']) {
      const o = await complaintOverview(db.pool, { timeZone: pack.timeZone, now, opdId });
      const { rows } = await db.pool.query(
        `SELECT count(*) FILTER (WHERE (submitted_at AT TIME ZONE 'Asia/Makassar')::date >= '2026-03-01')::int AS month,
                count(*) FILTER (WHERE (submitted_at AT TIME ZONE 'Asia/Makassar')::date = '2026-03-20')::int AS today,
                count(*) FILTER (WHERE status IN ('belum_diverifikasi','terverifikasi_didisposisi','ditindaklanjuti','ditunda','bukan_wewenang'))::int AS open,
                count(*) FILTER (WHERE deadline_state = 'overdue' AND status IN ('belum_diverifikasi','terverifikasi_didisposisi','ditindaklanjuti','ditunda','bukan_wewenang'))::int AS overdue,
                count(*) FILTER (WHERE channel = 'web' AND (submitted_at AT TIME ZONE 'Asia/Makassar')::date >= '2026-03-01')::int AS web
         FROM complaint WHERE ($1::text IS NULL OR opd_id = $1)`,
        [opdId],
      );
      const raw = rows[0];
      expect(raw.month).toBeGreaterThan(0);
      expect(o.month.received).toBe(raw.month);
      expect(o.today.received).toBe(raw.today);
      expect(o.open.total).toBe(raw.open);
      expect(o.open.overdue).toBe(raw.overdue);
      expect(o.byChannel.web ?? 0).toBe(raw.web);
      expect(o.todayByHour.reduce((a, h) => a + h.received, 0)).toBe(raw.today);
    }
  });

  it('gives the year to date, each of the last 12 months and 12-month rankings, equal to the complaint rows', async () => {
    const { complaintOverview } = await import('@pantau/db');
    const o = await complaintOverview(db.pool, { timeZone: pack.timeZone, now });
    const { rows } = await db.pool.query<{ month: string; received: number; followed: number; completed: number }>(
      `SELECT m AS month,
              (SELECT count(*) FROM complaint WHERE to_char(submitted_at AT TIME ZONE 'Asia/Makassar', 'YYYY-MM') = m)::int AS received,
              (SELECT count(*) FROM complaint WHERE to_char(first_follow_up_at AT TIME ZONE 'Asia/Makassar', 'YYYY-MM') = m)::int AS followed,
              (SELECT count(*) FROM complaint WHERE status = 'selesai' AND to_char(closed_at AT TIME ZONE 'Asia/Makassar', 'YYYY-MM') = m)::int AS completed
       FROM unnest(ARRAY['2025-04','2025-05','2025-06','2025-07','2025-08','2025-09','2025-10','2025-11','2025-12','2026-01','2026-02','2026-03']) AS m`,
    );
    // Every month is there, the quiet ones as zeros, oldest first.
    expect(o.months.map((m) => m.month)).toEqual(rows.map((r) => r.month));
    expect(o.months.map((m) => [m.received, m.followedUp, m.completed])).toEqual(
      rows.map((r) => [r.received, r.followed, r.completed]),
    );
    const ytd = rows.filter((r) => r.month >= '2026-01');
    const sum = (k: 'received' | 'followed' | 'completed') => ytd.reduce((a, r) => a + r[k], 0);
    expect(o.year.received).toBe(sum('received'));
    expect(o.year.followedUp).toBe(sum('followed'));
    expect(o.year.completed).toBe(sum('completed'));
    expect(o.year.followUpRate).toBeCloseTo(Math.min(1, sum('followed') / sum('received')), 6);
    expect(o.year.completionRate).toBeCloseTo(Math.min(1, sum('completed') / sum('received')), 6);
    // Rankings count the last 12 months, not the month alone (a few complaints a day spread over 45 OPDs).
    const { rows: byOpd } = await db.pool.query<{ opd_id: string; n: number }>(
      `SELECT opd_id, count(*)::int AS n FROM complaint WHERE opd_id IS NOT NULL GROUP BY opd_id`,
    );
    for (const r of byOpd) expect(o.opdRanking.find((x) => x.opdId === r.opd_id)?.received, r.opd_id).toBe(r.n);
  });
});
