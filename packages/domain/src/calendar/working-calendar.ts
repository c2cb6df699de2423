import { addDays, endOfLocalDay, localDateOf, weekday, type IsoDate } from './local-date.ts';

/** A non-working date besides weekends. */
export interface Holiday {
  date: IsoDate;
  kind: 'libur_nasional' | 'cuti_bersama' | 'libur_daerah';
  name: string;
}

export interface WorkingCalendar {
  timeZone: string;
  holidays: ReadonlyMap<IsoDate, Holiday>;
  /** Years whose official calendar (SKB) is loaded. */
  loadedYears: ReadonlySet<number>;
}

/** Arithmetic that reached a year with no official calendar: counted Monday–Friday only, flagged. */
export interface CalendarWarning {
  kind: 'calendar_year_missing';
  year: number;
}

export interface DeadlineResult {
  /** 23:59:59.999 local time of the N-th working day. */
  deadline: Date;
  dueDate: IsoDate;
  warnings: CalendarWarning[];
}

/**
 * Hari kerja: Monday–Friday in the province's zone, minus national holidays, cuti bersama and regional
 * holidays from the editable calendar. Build one per province and reuse it; lookups are O(1).
 */
export function createWorkingCalendar(input: {
  timeZone: string;
  holidays: Holiday[];
  loadedYears: number[];
}): WorkingCalendar {
  return {
    timeZone: input.timeZone,
    holidays: new Map(input.holidays.map((h) => [h.date, h])),
    loadedYears: new Set(input.loadedYears),
  };
}

/** Mon–Fri and not a holiday or cuti bersama. */
export function isWorkingDay(cal: WorkingCalendar, date: IsoDate): boolean {
  const d = weekday(date);
  return d !== 0 && d !== 6 && !cal.holidays.has(date);
}

function warn(cal: WorkingCalendar, date: IsoDate, into: Map<number, CalendarWarning>): void {
  const year = Number(date.slice(0, 4));
  if (!cal.loadedYears.has(year) && !into.has(year)) into.set(year, { kind: 'calendar_year_missing', year });
}

/**
 * THE CONVENTION: N hari kerja from an event at time t end at 23:59:59.999 local time of the N-th
 * working day after the local day of t. The day of t never counts, even when it is a working day; an
 * event on a weekend or holiday starts counting at the next working day (which is day 1).
 * `skip(date)` lets callers exclude more days (pauses); N = 0 ends on the local day of t itself.
 */
export function addWorkingDays(
  cal: WorkingCalendar,
  from: Date,
  n: number,
  skip?: (date: IsoDate) => boolean,
): DeadlineResult {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  const warnings = new Map<number, CalendarWarning>();
  let date = localDateOf(from, cal.timeZone);
  warn(cal, date, warnings);
  let counted = 0;
  while (counted < n) {
    date = addDays(date, 1);
    warn(cal, date, warnings);
    if (isWorkingDay(cal, date) && !skip?.(date)) counted += 1;
  }
  return { deadline: endOfLocalDay(date, cal.timeZone), dueDate: date, warnings: [...warnings.values()] };
}

/**
 * The number of working days d with localDay(a) < d ≤ localDay(b); negative when b is before a. So
 * `workingDaysBetween(cal, t, addWorkingDays(cal, t, n).deadline).days === n`.
 */
export function workingDaysBetween(
  cal: WorkingCalendar,
  a: Date,
  b: Date,
): { days: number; warnings: CalendarWarning[] } {
  const warnings = new Map<number, CalendarWarning>();
  const da = localDateOf(a, cal.timeZone);
  const db = localDateOf(b, cal.timeZone);
  const [lo, hi, sign] = da <= db ? [da, db, 1] : [db, da, -1];
  let days = 0;
  for (let d = lo; d < hi;) {
    d = addDays(d, 1);
    warn(cal, d, warnings);
    if (isWorkingDay(cal, d)) days += 1;
  }
  return { days: days * sign, warnings: [...warnings.values()] };
}

/** Years between `fromYear` and `toYear` (inclusive) with no official calendar loaded. */
export function yearsMissing(cal: WorkingCalendar, fromYear: number, toYear: number): number[] {
  const out: number[] = [];
  for (let y = fromYear; y <= toYear; y++) if (!cal.loadedYears.has(y)) out.push(y);
  return out;
}
