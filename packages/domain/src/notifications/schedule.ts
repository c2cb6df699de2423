import { localDateOf, startOfLocalDay, zoneOffsetMinutes, type IsoDate } from '../calendar/local-date.ts';
import { isWorkingDay, type WorkingCalendar } from '../calendar/working-calendar.ts';

/** Local quiet hours, `HH:MM` in the province's zone; `end` before `start` wraps past midnight. */
export interface QuietHours {
  start: string;
  end: string;
}

/** Minutes past local midnight of an instant in a zone. */
function localMinutes(instant: Date, timeZone: string): number {
  const local = instant.getTime() + zoneOffsetMinutes(instant, timeZone) * 60_000;
  return Math.floor((((local % 86_400_000) + 86_400_000) % 86_400_000) / 60_000);
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether `now` falls in the quiet hours, start inclusive, end exclusive, in the province's zone.
 * @example isQuietAt(new Date('2026-11-06T23:30:00+08:00'), 'Asia/Makassar', { start: '22:00', end: '06:00' }) // true
 */
export function isQuietAt(now: Date, timeZone: string, quiet: QuietHours | null): boolean {
  if (!quiet) return false;
  const m = localMinutes(now, timeZone);
  const s = minutesOf(quiet.start);
  const e = minutesOf(quiet.end);
  return s < e ? m >= s && m < e : m >= s || m < e;
}

/**
 * The local day whose daily digest is due at `now`: today, once its set time has passed, on working days
 * only (no digest on weekends, national holidays or cuti bersama); null otherwise. A digest is keyed by
 * this day, so it is sent once per day however often this is asked.
 */
export function digestDateDue(cal: WorkingCalendar, now: Date, time: string): IsoDate | null {
  const today = localDateOf(now, cal.timeZone);
  if (!isWorkingDay(cal, today)) return null;
  return localMinutes(now, cal.timeZone) >= minutesOf(time) ? today : null;
}

/**
 * The instant of a day's digest (its set local time). A digest carries only what was held before it:
 * a message held later that day waits for the next working day's digest instead of going out at once.
 */
export function digestAt(date: IsoDate, time: string, timeZone: string): Date {
  return new Date(startOfLocalDay(date, timeZone).getTime() + minutesOf(time) * 60_000);
}

/**
 * The wait before retry number `attempt` (1 = after the first failure): doubling from `baseMs`, capped
 * at `maxMs`, so a channel that is down is asked less and less often.
 */
export function retryDelayMs(attempt: number, o: { baseMs: number; maxMs: number }): number {
  return Math.min(o.maxMs, o.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
}
