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

/** A deadline that may be undefined because the clock is stopped by a pause that has not ended. */
export type PausedDeadline =
  DeadlineResult | { deadline: null; dueDate: null; reason: 'paused'; warnings: CalendarWarning[] };

/**
 * N working days from `from` (see {@link addWorkingDays} for the convention), not counting any working
 * day during which the case was paused (ditunda, waiting for the reporter).
 *
 * The rule: a working day is paused when a pause covers any part of it, i.e. its local date lies between
 * the local dates of the pause's start and end, inclusive. A day is therefore either fully counted or
 * not at all, and a pause can only remove days from the count, so it only ever pushes a deadline later.
 * Pauses that ended before `from` change nothing.
 *
 * While any pause is still open (`end: null`) the clock is stopped and the deadline is undefined:
 * `{ deadline: null, reason: 'paused' }`. That holds whether it opened before or after `from`.
 * @example
 * // Mon 3 Mar 2025 + 5 HK is Mon 10 Mar; paused Wed 5 10:00 – Fri 7 09:00 it is Thu 13 Mar.
 */
export function addWorkingDaysWithPauses(
  cal: WorkingCalendar,
  from: Date,
  n: number,
  pauses: readonly Pause[],
): PausedDeadline {
  if (pauses.some((p) => p.end === null)) return { deadline: null, dueDate: null, reason: 'paused', warnings: [] };
  const ranges: Array<readonly [IsoDate, IsoDate]> = [];
  for (const p of pauses) {
    if (p.end === null || p.end.getTime() < from.getTime()) continue;
    const start = localDateOf(p.start, cal.timeZone);
    const end = localDateOf(p.end, cal.timeZone);
    if (start <= end) ranges.push([start, end]);
  }
  const paused = (date: IsoDate) => ranges.some(([a, b]) => date >= a && date <= b);
  return addWorkingDays(cal, from, n, paused);
}

/**
 * Recomputes a deadline from its anchor after the calendar changed (an admin added a cuti bersama):
 * the same pure function over the new calendar, so every open case can be recomputed from its events.
 */
export const recomputeDeadline = addWorkingDaysWithPauses;

/** Where a deadline stands at some moment, in whole working days. */
export interface RemainingTime {
  /** True once `now` is past the deadline instant. */
  overdue: boolean;
  /**
   * Not overdue: working days after today's local date up to the due date (0 = due today).
   * Overdue: working days after the due date up to today (0 = late, but no working day has passed yet).
   */
  workingDays: number;
  warnings: CalendarWarning[];
}

/**
 * How much working time is left before a deadline, or how late it is, in working days. Numbers only;
 * {@link formatRemaining} turns them into a label.
 */
export function remainingWorkingTime(cal: WorkingCalendar, now: Date, deadline: Date): RemainingTime {
  const overdue = now.getTime() > deadline.getTime();
  const between = overdue ? workingDaysBetween(cal, deadline, now) : workingDaysBetween(cal, now, deadline);
  return { overdue, workingDays: between.days, warnings: between.warnings };
}

/** Where a running deadline stands: before it with room to spare, close to it, or past it. */
export type DeadlineStanding = 'on_time' | 'at_risk' | 'overdue';

/**
 * The at-risk rule, for complaints and PPID requests alike: past the deadline is overdue; due within
 * `atRiskHK` working days (today counting as 0) is at risk; anything further off is on time.
 *
 * @example deadlineStanding({ overdue: false, workingDays: 2 }, 2) // 'at_risk'
 */
export function deadlineStanding(
  rem: Pick<RemainingTime, 'overdue' | 'workingDays'>,
  atRiskHK: number,
): DeadlineStanding {
  if (rem.overdue) return 'overdue';
  return rem.workingDays <= atRiskHK ? 'at_risk' : 'on_time';
}

/**
 * A short label: "sisa 2 HK" / "jatuh tempo hari ini" / "terlambat 3 HK" / "lewat tenggat", or
 * "2 working days left" / "due today" / "3 working days late" / "past due".
 */
export function formatRemaining(rem: Pick<RemainingTime, 'overdue' | 'workingDays'>, locale: 'id' | 'en'): string {
  const days = Math.max(rem.workingDays, 0);
  if (locale === 'id') {
    if (rem.overdue) return days === 0 ? 'lewat tenggat' : `terlambat ${days} HK`;
    return days === 0 ? 'jatuh tempo hari ini' : `sisa ${days} HK`;
  }
  const unit = `working day${days === 1 ? '' : 's'}`;
  if (rem.overdue) return days === 0 ? 'past due' : `${days} ${unit} late`;
  return days === 0 ? 'due today' : `${days} ${unit} left`;
}
