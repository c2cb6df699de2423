import { localDateOf, type IsoDate } from './local-date.ts';
import {
  addWorkingDays,
  workingDaysBetween,
  type CalendarWarning,
  type DeadlineResult,
  type WorkingCalendar,
} from './working-calendar.ts';

/** A stretch during which a case waits (ditunda, waiting for the reporter); `end: null` is still open. */
export interface Pause {
  start: Date;
  end: Date | null;
}

export type PausedDeadline =
  DeadlineResult | { deadline: null; dueDate: null; reason: 'paused'; warnings: CalendarWarning[] };

/**
 * N working days from `from`, not counting any working day during which the case was paused. A working
 * day counts as paused when a pause covers any part of it (its local date lies between the local dates
 * of the pause's start and end, inclusive), so pauses only ever push a deadline later. While a pause is
 * still open the deadline is undefined: the clock is stopped.
 */
export function addWorkingDaysWithPauses(
  cal: WorkingCalendar,
  from: Date,
  n: number,
  pauses: readonly Pause[],
): PausedDeadline {
  if (pauses.some((p) => p.end === null && p.start.getTime() >= from.getTime())) {
    return { deadline: null, dueDate: null, reason: 'paused', warnings: [] };
  }
  const ranges = pauses
    .filter((p) => p.end === null || p.end.getTime() > from.getTime())
    .map((p) => [localDateOf(p.start, cal.timeZone), p.end ? localDateOf(p.end, cal.timeZone) : '9999-12-31'] as const);
  const paused = (date: IsoDate) => ranges.some(([a, b]) => date >= a && date <= b);
  return addWorkingDays(cal, from, n, paused);
}

/**
 * Recomputes a deadline from its anchor after the calendar changed (an admin added a cuti bersama):
 * the same pure function over the new calendar, so every open case can be recomputed from its events.
 */
export const recomputeDeadline = addWorkingDaysWithPauses;

export interface RemainingTime {
  overdue: boolean;
  /** Working days left after today (0 = due today), or working days late when overdue. */
  workingDays: number;
  warnings: CalendarWarning[];
}

/** How much working time is left before a deadline, or how late it is, in working days. */
export function remainingWorkingTime(cal: WorkingCalendar, now: Date, deadline: Date): RemainingTime {
  const overdue = now.getTime() > deadline.getTime();
  const between = overdue ? workingDaysBetween(cal, deadline, now) : workingDaysBetween(cal, now, deadline);
  return { overdue, workingDays: between.days, warnings: between.warnings };
}

/** "sisa 2 HK" / "terlambat 3 HK", or "2 working days left" / "3 working days late". */
export function formatRemaining(rem: Pick<RemainingTime, 'overdue' | 'workingDays'>, locale: 'id' | 'en'): string {
  if (locale === 'id') {
    if (rem.overdue) return `terlambat ${Math.max(rem.workingDays, 0)} HK`;
    return rem.workingDays === 0 ? 'jatuh tempo hari ini' : `sisa ${rem.workingDays} HK`;
  }
  if (rem.overdue) return `${Math.max(rem.workingDays, 0)} working day${rem.workingDays === 1 ? '' : 's'} late`;
  return rem.workingDays === 0 ? 'due today' : `${rem.workingDays} working day${rem.workingDays === 1 ? '' : 's'} left`;
}
