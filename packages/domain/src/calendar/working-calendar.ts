import { addDays, endOfLocalDay, localDateOf, parseIsoDate, weekday, type IsoDate } from './local-date.ts';

/** A non-working date besides weekends. */
export interface Holiday {
  date: IsoDate;
  kind: 'libur_nasional' | 'cuti_bersama' | 'libur_daerah';
  name: string;
}

/** The province's working-day calendar; build it with {@link createWorkingCalendar}. */
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

/** A deadline counted in working days. */
export interface DeadlineResult {
  /** 23:59:59.999 local time of the N-th working day. */
  deadline: Date;
  dueDate: IsoDate;
  warnings: CalendarWarning[];
}

/**
 * Hari kerja: Monday–Friday in the province's zone, minus national holidays, cuti bersama and regional
 * holidays from the editable calendar. Build one per province and reuse it; lookups are O(1).
 * `loadedYears` are the years whose official list is entered: arithmetic that reaches any other year
 * still counts Monday–Friday but carries a `calendar_year_missing` warning.
 * @throws RangeError on an unknown IANA zone or a date that is not `YYYY-MM-DD`.
 * @example
 * createWorkingCalendar({
 *   timeZone: 'Asia/Makassar',
 *   holidays: [{ date: '2025-08-18', kind: 'cuti_bersama', name: 'Cuti bersama HUT RI' }],
 *   loadedYears: [2025],
 * })
 */
export function createWorkingCalendar(input: {
  timeZone: string;
  holidays: readonly Holiday[];
  loadedYears: readonly number[];
}): WorkingCalendar {
  new Intl.DateTimeFormat('en', { timeZone: input.timeZone }); // throws RangeError on an unknown zone
  for (const h of input.holidays) parseIsoDate(h.date);
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

/** A century: a `skip` that never lets a day count must fail loudly, not hang the caller. */
const MAX_SCAN_DAYS = 36_525;

function warn(cal: WorkingCalendar, date: IsoDate, into: Map<number, CalendarWarning>): void {
  const year = Number(date.slice(0, 4));
  if (!cal.loadedYears.has(year) && !into.has(year)) into.set(year, { kind: 'calendar_year_missing', year });
}

/**
 * THE CONVENTION: N hari kerja from an event at time t end at 23:59:59.999 local time of the N-th
 * working day after the local day of t. The day of t never counts, even when it is a working day; an
 * event on a weekend or holiday starts counting at the next working day (which is day 1).
 * `skip(date)` lets callers exclude more days (pauses); N = 0 ends on the local day of t itself.
 * Warnings name every year after the day of t that the count walked through without a loaded calendar.
 * @throws RangeError when `n` is not a whole number ≥ 0, or `skip` leaves no day to count for a century.
 * @example
 * // Thursday 27 Mar 2025 10:00 WITA + 3 HK, past Nyepi, Idul Fitri and cuti bersama:
 * addWorkingDays(kalsel, new Date('2025-03-27T10:00:00+08:00'), 3)
 * // → { dueDate: '2025-04-10', deadline: 2025-04-10T15:59:59.999Z, warnings: [] }
 */
export function addWorkingDays(
  cal: WorkingCalendar,
  from: Date,
  n: number,
  skip?: (date: IsoDate) => boolean,
): DeadlineResult {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  const warnings = new Map<number, CalendarWarning>();
  // The day of t never counts, so its year needs no calendar: only the days scanned after it are checked.
  let date = localDateOf(from, cal.timeZone);
  let counted = 0;
  for (let scanned = 0; counted < n; scanned++) {
    if (scanned > MAX_SCAN_DAYS) throw new RangeError(`no working day found within ${MAX_SCAN_DAYS} days of ${date}`);
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
  const da = localDateOf(a, cal.timeZone);
  const db = localDateOf(b, cal.timeZone);
  const [lo, hi, sign] = da <= db ? [da, db, 1] : [db, da, -1];
  // Arithmetic rather than a walk over every day: ingest and the watcher ask this for cases months old.
  const loN = dayNumber(lo);
  const hiN = dayNumber(hi);
  const days = weekdaysThrough(hiN) - weekdaysThrough(loN) - countInRange(weekdayHolidays(cal), loN, hiN);
  const warnings: CalendarWarning[] = [];
  if (hiN > loN) {
    for (let y = Number(addDays(lo, 1).slice(0, 4)); y <= Number(hi.slice(0, 4)); y++) {
      if (!cal.loadedYears.has(y)) warnings.push({ kind: 'calendar_year_missing', year: y });
    }
  }
  return { days: days * sign, warnings };
}

/** Days since 1970-01-01 of a calendar day. */
function dayNumber(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** Monday–Friday days among day numbers 0…n (day 0, 1970-01-01, was a Thursday). */
function weekdaysThrough(n: number): number {
  const upTo = (x: number) => Math.floor((x + 1) / 7) * 5 + Math.min((x + 1) % 7, 5); // t in [0, x] with t % 7 < 5
  return upTo(n + 3) - upTo(2);
}

const sortedHolidays = new WeakMap<WorkingCalendar, number[]>();

/** The calendar's holidays that fall on weekdays, as sorted day numbers (computed once per calendar). */
function weekdayHolidays(cal: WorkingCalendar): number[] {
  let list = sortedHolidays.get(cal);
  if (!list) {
    list = [...cal.holidays.keys()]
      .filter((d) => weekday(d) !== 0 && weekday(d) !== 6)
      .map(dayNumber)
      .sort((x, y) => x - y);
    sortedHolidays.set(cal, list);
  }
  return list;
}

/** How many of the sorted numbers lie in (lo, hi]. */
function countInRange(sorted: number[], lo: number, hi: number): number {
  const upper = (v: number) => {
    let l = 0;
    let h = sorted.length;
    while (l < h) {
      const mid = (l + h) >> 1;
      if (sorted[mid]! <= v) l = mid + 1;
      else h = mid;
    }
    return l;
  };
  return upper(hi) - upper(lo);
}

/** Years between `fromYear` and `toYear` (inclusive) with no official calendar loaded. */
export function yearsMissing(cal: WorkingCalendar, fromYear: number, toYear: number): number[] {
  const out: number[] = [];
  for (let y = fromYear; y <= toYear; y++) if (!cal.loadedYears.has(y)) out.push(y);
  return out;
}

/** From this month of the year before, a missing calendar is an admin's task (the SKB comes in September). */
export const CALENDAR_DUE_FROM_MONTH = 10;

/**
 * The years an admin must load now: this year when it is missing, and next year when it is missing from
 * 1 October on (`today` is the province's local date). Years further ahead are nobody's task yet.
 */
export function calendarYearsDue(cal: WorkingCalendar, today: IsoDate): number[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return yearsMissing(cal, year, month >= CALENDAR_DUE_FROM_MONTH ? year + 1 : year);
}
