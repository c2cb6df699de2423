import type { PublicCount } from '@pantau/contracts';
import { addDays } from '@pantau/domain';
import { suppress } from '../public/figures.ts';

/** How finely a trend is drawn: per day, per 7-day week, or not at all (one total for the window). */
export type TrendGranularity = 'day' | 'week' | 'total';

/** One point of a trend: a day or a 7-day week (`from`..`to`, local dates, inclusive). */
export interface TrendBucket {
  from: string;
  to: string;
  received: number;
  resolved: number;
}

/**
 * A trend as a widget draws it. Every bucket holds an exact count that is either zero or at least the
 * public minimum, so the chart never needs a "<N" point and never draws a suppressed count as zero.
 * The totals are summed over the unsuppressed days first and suppressed once.
 */
export interface TrendSeries {
  granularity: TrendGranularity;
  /** The window the buckets and the totals cover (local dates, inclusive). */
  period: { from: string; to: string };
  /** Continuous: a day or week with no complaint is a bucket of zeros. Empty for `total`. */
  buckets: TrendBucket[];
  received: PublicCount;
  resolved: PublicCount;
  /** The bucket with the most complaints received, when one has any. */
  peak: TrendBucket | null;
}

/** Daily totals as the rollups give them: only days that had something, in any order. */
export type DailyTotals = ReadonlyArray<{ day: string; received: number; completed: number }>;

const DAYS = 30;
const WEEKS = 4;

/**
 * Picks the finest granularity whose every bucket is publishable as an exact number (zero, or at least
 * `min`): 30 days, else the last 4 whole weeks (28 days, ending today), else one total for the 30 days.
 * Coarsening instead of suppressing keeps the chart honest — a line of "<5" days would have to be drawn
 * as gaps or zeros — and leaves no suppressed cell inside the widget to recover by subtraction.
 */
export function trendSeries(daily: DailyTotals, today: string, min: number): TrendSeries {
  const byDay = new Map(daily.map((d) => [d.day, d]));
  const bucket = (from: string, length: number): TrendBucket => {
    const b: TrendBucket = { from, to: addDays(from, length - 1), received: 0, resolved: 0 };
    for (let i = 0; i < length; i++) {
      const d = byDay.get(addDays(from, i));
      b.received += d?.received ?? 0;
      b.resolved += d?.completed ?? 0;
    }
    return b;
  };
  const series = (count: number, length: number) =>
    Array.from({ length: count }, (_, i) => bucket(addDays(today, -(count - i) * length + 1), length));
  const publishable = (bs: TrendBucket[]) =>
    bs.every((b) => (b.received === 0 || b.received >= min) && (b.resolved === 0 || b.resolved >= min));

  const days = series(DAYS, 1);
  const weeks = series(WEEKS, 7);
  const [granularity, buckets] = publishable(days)
    ? (['day', days] as const)
    : publishable(weeks)
      ? (['week', weeks] as const)
      : (['total', [] as TrendBucket[]] as const);
  const window = granularity === 'week' ? weeks : days;
  const sum = (k: 'received' | 'resolved') => window.reduce((a, b) => a + b[k], 0);
  const peak = buckets.reduce<TrendBucket | null>((best, b) => (b.received > (best?.received ?? 0) ? b : best), null);
  return {
    granularity,
    period: { from: window[0]!.from, to: window[window.length - 1]!.to },
    buckets,
    received: suppress(sum('received'), min),
    resolved: suppress(sum('resolved'), min),
    peak,
  };
}
