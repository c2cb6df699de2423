import { describe, expect, it } from 'vitest';
import { trendSeries } from './trend-series.ts';

const today = '2026-11-30';

describe('trendSeries', () => {
  it('covers 1–30 November day by day, filling days without rows with zeros', () => {
    const s = trendSeries(
      [
        { day: '2026-11-30', received: 6, completed: 0 },
        { day: '2026-11-03', received: 5, completed: 5 },
      ],
      today,
      5,
    );
    expect(s.granularity).toBe('day');
    expect(s.period).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(s.buckets).toHaveLength(30);
    expect(s.buckets.map((b) => b.received).filter((n) => n > 0)).toEqual([5, 6]);
    expect(s.received).toBe(11);
    expect(s.resolved).toBe(5);
    expect(s.peak?.from).toBe('2026-11-30');
  });

  it('goes to 4 whole weeks when a day is small, and the totals then cover those 28 days', () => {
    const s = trendSeries(
      [
        { day: '2026-11-30', received: 2, completed: 0 },
        { day: '2026-11-29', received: 3, completed: 0 },
        { day: '2026-11-01', received: 9, completed: 0 }, // outside the 4 weeks
      ],
      today,
      5,
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

  it('draws nothing and suppresses the 30-day total once when even a week is small', () => {
    const s = trendSeries([{ day: '2026-11-30', received: 3, completed: 1 }], today, 5);
    expect(s.granularity).toBe('total');
    expect(s.buckets).toEqual([]);
    expect(s.received).toBe('<5');
    expect(s.resolved).toBe('<5');
  });

  it('keeps a real zero as zero, drawn day by day', () => {
    const s = trendSeries([], today, 5);
    expect(s.granularity).toBe('day');
    expect(s.received).toBe(0);
    expect(s.buckets.every((b) => b.received === 0)).toBe(true);
  });
});
