import { addDays, parseIsoDate, weekday, type IsoDate } from '../calendar/local-date.ts';

/** The kinds of period a leadership report covers; a schedule sends weekly or monthly. */
export const REPORT_PERIOD_KINDS = ['week', 'month', 'quarter', 'year', 'custom'] as const;
export type ReportPeriodKind = (typeof REPORT_PERIOD_KINDS)[number];

/** Local days `from`…`to` (inclusive) in the province's zone. */
export interface ReportPeriod {
  from: IsoDate;
  to: IsoDate;
}

/**
 * A period with its kind and its key: `2026-W48` (ISO week, Monday to Sunday), `2026-11`, `2026-Q4`,
 * `2026`, or `2026-11-01..2026-11-15` for any range of days.
 */
export interface NamedPeriod extends ReportPeriod {
  kind: ReportPeriodKind;
  key: string;
}

/** The longest custom range: two years of days, a little more than the longest calendar period. */
export const MAX_CUSTOM_DAYS = 731;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const daysBetween = (from: IsoDate, to: IsoDate) =>
  Math.round((Date.UTC(...ymd(to)) - Date.UTC(...ymd(from))) / 86_400_000);
function ymd(d: IsoDate): [number, number, number] {
  const [y, m, day] = parseIsoDate(d);
  return [y, m - 1, day];
}
const validDate = (d: string) => {
  try {
    const [y, m, day] = parseIsoDate(d);
    return addDays(d, 0) === d && y >= 2000 && m >= 1 && day >= 1;
  } catch {
    return false;
  }
};

/** Monday of the ISO week that holds `date`. */
function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, -((weekday(date) + 6) % 7));
}

/** The ISO week key (`2026-W48`) of a day: the week belongs to the year of its Thursday. */
export function isoWeekKey(date: IsoDate): string {
  const thursday = addDays(mondayOf(date), 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${pad(week)}`;
}

/** `2026-11` → 1–30 November 2026. */
export function monthPeriod(month: string): ReportPeriod {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${pad(last)}` };
}

/** The month before a month period. */
export function previousMonth(p: ReportPeriod): ReportPeriod {
  return monthPeriod(addDays(p.from, -1).slice(0, 7));
}

/** Reads a period key; null when it names no period (or a custom range longer than two years). */
export function parseReportPeriod(key: string): NamedPeriod | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-W(\d{2})$/.exec(key))) {
    const [year, week] = [Number(m[1]), Number(m[2])];
    if (year < 2000 || week < 1) return null;
    const from = addDays(mondayOf(`${year}-01-04`), (week - 1) * 7);
    if (isoWeekKey(from) !== key) return null;
    return { kind: 'week', key, from, to: addDays(from, 6) };
  }
  if ((m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key))) {
    if (Number(m[1]) < 2000) return null;
    return { kind: 'month', key, ...monthPeriod(key) };
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(key))) {
    const [year, q] = [Number(m[1]), Number(m[2])];
    if (year < 2000) return null;
    const first = `${year}-${pad(q * 3 - 2)}`;
    return { kind: 'quarter', key, from: `${first}-01`, to: monthPeriod(`${year}-${pad(q * 3)}`).to };
  }
  if ((m = /^(\d{4})$/.exec(key))) {
    if (Number(m[1]) < 2000) return null;
    return { kind: 'year', key, from: `${key}-01-01`, to: `${key}-12-31` };
  }
  if ((m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(key))) {
    const [from, to] = [m[1]!, m[2]!];
    if (!validDate(from) || !validDate(to) || to < from || daysBetween(from, to) + 1 > MAX_CUSTOM_DAYS) return null;
    return { kind: 'custom', key, from, to };
  }
  return null;
}

/** A custom period of local days. */
export function customPeriod(from: IsoDate, to: IsoDate): NamedPeriod | null {
  return parseReportPeriod(`${from}..${to}`);
}

/** The week, month, quarter or year that holds `date`. */
export function periodContaining(kind: Exclude<ReportPeriodKind, 'custom'>, date: IsoDate): NamedPeriod {
  const [y, mo] = parseIsoDate(date);
  const key =
    kind === 'week'
      ? isoWeekKey(date)
      : kind === 'month'
        ? date.slice(0, 7)
        : kind === 'quarter'
          ? `${y}-Q${Math.ceil(mo / 3)}`
          : String(y);
  return parseReportPeriod(key)!;
}

/**
 * The period before, of equal length for the trend: the week, month, quarter or year before, or the
 * same number of days just before a custom range.
 */
export function previousPeriod(p: NamedPeriod): NamedPeriod {
  if (p.kind === 'custom') {
    const days = daysBetween(p.from, p.to) + 1;
    const [from, to] = [addDays(p.from, -days), addDays(p.from, -1)];
    return { kind: 'custom', key: `${from}..${to}`, from, to };
  }
  return periodContaining(p.kind, addDays(p.from, -1));
}

const longDate = (d: IsoDate) =>
  new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${d}T00:00:00Z`),
  );
const ROMAN = ['I', 'II', 'III', 'IV'];

/** A date as "1 November 2026". */
export function dateLabel(d: IsoDate): string {
  return longDate(d);
}

/**
 * The period in Bahasa Indonesia: "November 2026", "Minggu ke-48 2026 (23 November 2026 – 29 November
 * 2026)", "Triwulan IV 2026", "Tahun 2026", or "1 November 2026 – 15 November 2026".
 */
export function periodLabel(p: ReportPeriod | NamedPeriod): string {
  const kind = 'kind' in p ? p.kind : null;
  const whole = monthPeriod(p.from.slice(0, 7));
  if ((kind === null || kind === 'month') && whole.from === p.from && whole.to === p.to)
    return new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
      new Date(`${p.from}T00:00:00Z`),
    );
  if (kind === 'week' && 'key' in p)
    return `Minggu ke-${Number(p.key.slice(6))} ${p.key.slice(0, 4)} (${longDate(p.from)} – ${longDate(p.to)})`;
  if (kind === 'quarter' && 'key' in p) return `Triwulan ${ROMAN[Number(p.key.slice(6)) - 1]} ${p.key.slice(0, 4)}`;
  if (kind === 'year') return `Tahun ${p.from.slice(0, 4)}`;
  return `${longDate(p.from)} – ${longDate(p.to)}`;
}

/** The period's key as a file-name part: `2026-W48`, `2026-11`, `2026-11-01_2026-11-15`. */
export function periodFileKey(p: NamedPeriod): string {
  return p.key.replace('..', '_');
}
