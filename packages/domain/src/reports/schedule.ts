import { addDays, localDateOf } from '../calendar/local-date.ts';
import { digestAt } from '../notifications/schedule.ts';
import { periodContaining, previousPeriod, type NamedPeriod } from './period.ts';

/** A schedule's cadence: the week (Monday to Sunday) or the calendar month before. */
export type ScheduleCadence = 'weekly' | 'monthly';

/**
 * The latest finished period a schedule sends, and when: a weekly report goes out on Monday at `time`
 * (province time) for the week before, a monthly one on the 1st for the month before. Before this
 * period's send time, it is the one before that (already due).
 */
export function dueScheduledPeriod(
  cadence: ScheduleCadence,
  now: Date,
  timeZone: string,
  time: string,
): { period: NamedPeriod; sendAt: Date } {
  const today = localDateOf(now, timeZone);
  let period = previousPeriod(periodContaining(cadence === 'weekly' ? 'week' : 'month', today));
  let sendAt = digestAt(addDays(period.to, 1), time, timeZone);
  if (now < sendAt) {
    period = previousPeriod(period);
    sendAt = digestAt(addDays(period.to, 1), time, timeZone);
  }
  return { period, sendAt };
}

/**
 * Whether a schedule made at `created` sends a period due at `sendAt`: its first report is the first one
 * due after it was made (a new schedule does not mail last month's report at once).
 */
export function scheduleSends(created: Date, sendAt: Date): boolean {
  return sendAt.getTime() >= created.getTime();
}
