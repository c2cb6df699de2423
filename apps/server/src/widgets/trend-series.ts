import type { PublicCount } from '@pantau/contracts';
import { localDateOf } from '@pantau/domain';

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
 * A trend as a widget draws it. Every bucket holds an exact published count, so the chart never needs
 * a "<N" point and never draws a suppressed count as zero. The totals are the window's published cells.
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

/** One published cell pair of a trend: a day, a week or a window's total (local dates, inclusive). */
export interface TrendCell {
  from: string;
  to: string;
  received: PublicCount;
  resolved: PublicCount;
}

/** The trend cells of one scope as the protected public cube publishes them (see public/cube.ts). */
export interface TrendCells {
  /** The last 30 days, oldest first; null where the scope publishes no days (OPDs, regencies). */
  days: TrendCell[] | null;
  /** The last 4 whole weeks ending today, oldest first. */
  weeks: TrendCell[];
  total30: TrendCell;
  total28: TrendCell;
}

/**
 * Picks the finest granularity whose every bucket is published exactly: 30 days (the province), else the last 4
 * whole weeks (28 days, ending today), else one total for the 30 days. Coarsening instead of showing
 * "<N" keeps the chart honest — a line of "<5" days would have to be drawn as gaps or zeros. Which
 * cells are exact is decided once for every public answer together (the public cube), so the weeks a
 * widget draws cannot be set against the days another answer publishes.
 */
export function trendSeries(cells: TrendCells): TrendSeries {
  const exact = (bs: TrendCell[]) => bs.every((b) => typeof b.received === 'number' && typeof b.resolved === 'number');
  const asBuckets = (bs: TrendCell[]): TrendBucket[] =>
    bs.map((b) => ({ from: b.from, to: b.to, received: b.received as number, resolved: b.resolved as number }));
  const [granularity, buckets] =
    cells.days && exact(cells.days)
      ? (['day', asBuckets(cells.days)] as const)
      : exact(cells.weeks)
        ? (['week', asBuckets(cells.weeks)] as const)
        : (['total', [] as TrendBucket[]] as const);
  const total = granularity === 'week' ? cells.total28 : cells.total30;
  const peak = buckets.reduce<TrendBucket | null>((best, b) => (b.received > (best?.received ?? 0) ? b : best), null);
  return {
    granularity,
    period: { from: total.from, to: total.to },
    buckets,
    received: total.received,
    resolved: total.resolved,
    peak,
  };
}

/** A public annotation as a trend widget shows it: numbered, its local dates within the trend's window. */
export interface TrendNote {
  /** 1, 2, …: the number the chart's shaded area and the list under it share. */
  n: number;
  /** Local dates (inclusive), clipped to the trend's window. */
  from: string;
  to: string;
  /** The first and last bucket it covers; null when the trend draws no buckets (`total`). */
  buckets: [number, number] | null;
  text: string;
}

/**
 * Places public annotations on a trend: each one's instants become local dates in the province's time
 * zone, clipped to the window; those wholly outside it are left off; on a drawn trend each gets the range
 * of buckets (days or weeks) it touches, so the chart can shade them.
 */
export function trendNotes(
  series: Pick<TrendSeries, 'period' | 'buckets'>,
  annotations: ReadonlyArray<{ startsAt: Date; endsAt: Date | null; text: string }>,
  timeZone: string,
): TrendNote[] {
  const notes: TrendNote[] = [];
  for (const a of annotations) {
    const start = localDateOf(a.startsAt, timeZone);
    const end = localDateOf(a.endsAt ?? a.startsAt, timeZone);
    if (end < series.period.from || start > series.period.to) continue;
    const from = start < series.period.from ? series.period.from : start;
    const to = end > series.period.to ? series.period.to : end;
    const first = series.buckets.findIndex((b) => b.to >= from);
    const last = series.buckets.findLastIndex((b) => b.from <= to);
    notes.push({
      n: notes.length + 1,
      from,
      to,
      buckets: first >= 0 && last >= first ? [first, last] : null,
      text: a.text,
    });
  }
  return notes;
}
