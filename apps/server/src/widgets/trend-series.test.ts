import type { PublicCount } from '@pantau/contracts';
import { addDays } from '@pantau/domain';
import { describe, expect, it } from 'vitest';
import { trendNotes, trendSeries, type TrendCells } from './trend-series.ts';

const today = '2026-11-30';

/** Cells as the public cube publishes them: days from a map (absent = 0), weeks and totals given. */
function cells(
  days: Record<string, [PublicCount, PublicCount]>,
  weeks: Array<[PublicCount, PublicCount]>,
  total30: [PublicCount, PublicCount],
  total28: [PublicCount, PublicCount],
): TrendCells {
  const dayList = Array.from({ length: 30 }, (_, i) => addDays(today, i - 29));
  const weekStart = (i: number) => addDays(today, -(4 - i) * 7 + 1);
  return {
    days: dayList.map((d) => ({ from: d, to: d, received: days[d]?.[0] ?? 0, resolved: days[d]?.[1] ?? 0 })),
    weeks: weeks.map(([received, resolved], i) => ({
      from: weekStart(i),
      to: addDays(weekStart(i), 6),
      received,
      resolved,
    })),
    total30: { from: dayList[0]!, to: today, received: total30[0], resolved: total30[1] },
    total28: { from: weekStart(0), to: today, received: total28[0], resolved: total28[1] },
  };
}

describe('trendSeries', () => {
  it('covers 1–30 November day by day when every day is published exactly, zeros included', () => {
    const s = trendSeries(
      cells(
        { '2026-11-30': [6, 0], '2026-11-03': [5, 5] },
        [
          [5, 5],
          [0, 0],
          [0, 0],
          [6, 0],
        ],
        [11, 5],
        [11, 5],
      ),
    );
    expect(s.granularity).toBe('day');
    expect(s.period).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(s.buckets).toHaveLength(30);
    expect(s.buckets.map((b) => b.received).filter((n) => n > 0)).toEqual([5, 6]);
    expect(s.received).toBe(11);
    expect(s.resolved).toBe(5);
    expect(s.peak?.from).toBe('2026-11-30');
  });

  it('goes to 4 whole weeks when a day is not exact, and the totals then cover those 28 days', () => {
    const s = trendSeries(
      cells(
        { '2026-11-30': ['<5', 0], '2026-11-29': ['<5', 0], '2026-11-01': [9, 0] },
        [
          [0, 0],
          [0, 0],
          [0, 0],
          [5, 0],
        ],
        [14, 0],
        [5, 0],
      ),
    );
    expect(s.granularity).toBe('week');
    expect(s.period).toEqual({ from: '2026-11-03', to: '2026-11-30' });
    expect(s.buckets.map((b) => [b.from, b.to, b.received])).toEqual([
      ['2026-11-03', '2026-11-09', 0],
      ['2026-11-10', '2026-11-16', 0],
      ['2026-11-17', '2026-11-23', 0],
      ['2026-11-24', '2026-11-30', 5],
    ]);
    expect(s.received).toBe(5);
  });

  it('draws nothing and shows the 30-day total as published when even a week is not exact', () => {
    const s = trendSeries(
      cells(
        { '2026-11-30': ['<5', '<5'] },
        [
          [0, 0],
          [0, 0],
          [0, 0],
          ['<5', '<5'],
        ],
        ['<5', '<5'],
        ['<5', '<5'],
      ),
    );
    expect(s.granularity).toBe('total');
    expect(s.buckets).toEqual([]);
    expect(s.received).toBe('<5');
    expect(s.resolved).toBe('<5');
  });

  it('does not draw weeks when one is withheld to protect another cell', () => {
    const s = trendSeries(
      cells(
        { '2026-11-30': ['<5', 0] },
        [
          [7, 0],
          ['withheld', 0],
          [0, 0],
          ['<5', 0],
        ],
        [20, 0],
        ['withheld', 0],
      ),
    );
    expect(s.granularity).toBe('total');
    expect(s.received).toBe(20);
  });

  it('keeps a real zero as zero, drawn day by day', () => {
    const s = trendSeries(
      cells(
        {},
        [
          [0, 0],
          [0, 0],
          [0, 0],
          [0, 0],
        ],
        [0, 0],
        [0, 0],
      ),
    );
    expect(s.granularity).toBe('day');
    expect(s.received).toBe(0);
    expect(s.buckets.every((b) => b.received === 0)).toBe(true);
  });
});

describe('trendNotes', () => {
  const days = Array.from({ length: 30 }, (_, i) => addDays(today, i - 29));
  const daily = {
    period: { from: days[0]!, to: today },
    buckets: days.map((d) => ({ from: d, to: d, received: 0, resolved: 0 })),
  };
  const wib = 'Asia/Jakarta';

  it('shades the local days a note covers: 00:30 WIB on the 27th is the 27th, though still the 26th in UTC', () => {
    const [n] = trendNotes(
      daily,
      [{ startsAt: new Date('2026-11-26T17:30:00Z'), endsAt: new Date('2026-11-28T16:59:00Z'), text: 'Banjir' }],
      wib,
    );
    // 26 Nov 17:30Z is 27 Nov 00:30 WIB; 28 Nov 16:59Z is 28 Nov 23:59 WIB.
    expect(n).toEqual({ n: 1, from: '2026-11-27', to: '2026-11-28', buckets: [26, 27], text: 'Banjir' });
  });

  it('clips a note that began before the window, leaves off one wholly outside, and numbers what remains', () => {
    const notes = trendNotes(
      daily,
      [
        { startsAt: new Date('2026-09-01T02:00:00Z'), endsAt: new Date('2026-09-02T02:00:00Z'), text: 'lama' },
        { startsAt: new Date('2026-10-20T02:00:00Z'), endsAt: new Date('2026-11-02T02:00:00Z'), text: 'panjang' },
        { startsAt: new Date('2026-11-30T05:00:00Z'), endsAt: null, text: 'hari ini' },
      ],
      wib,
    );
    expect(notes.map((n) => [n.n, n.text, n.from, n.to, n.buckets])).toEqual([
      [1, 'panjang', '2026-11-01', '2026-11-02', [0, 1]],
      [2, 'hari ini', '2026-11-30', '2026-11-30', [29, 29]],
    ]);
  });

  it('covers the weeks a note touches on a weekly trend, and no bucket on a trend drawn as one total', () => {
    const weeks = [0, 1, 2, 3].map((i) => ({
      from: addDays(today, -(4 - i) * 7 + 1),
      to: addDays(today, -(3 - i) * 7),
      received: 0,
      resolved: 0,
    }));
    const weekly = { period: { from: weeks[0]!.from, to: today }, buckets: weeks };
    const note = { startsAt: new Date('2026-11-16T03:00:00Z'), endsAt: new Date('2026-11-18T03:00:00Z'), text: 'x' };
    // Weeks: 3–9, 10–16, 17–23, 24–30 November.
    expect(trendNotes(weekly, [note], wib)[0]!.buckets).toEqual([1, 2]);
    expect(trendNotes({ period: weekly.period, buckets: [] }, [note], wib)[0]!.buckets).toBeNull();
  });
});
