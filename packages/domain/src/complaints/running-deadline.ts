import {
  addWorkingDaysWithPauses,
  deadlineStanding,
  remainingWorkingTime,
  type Pause,
  type PausedDeadline,
} from '../calendar/deadline.ts';
import { localDateOf } from '../calendar/local-date.ts';
import { workingDaysBetween, type CalendarWarning, type WorkingCalendar } from '../calendar/working-calendar.ts';
import { OPEN_STATUSES, type ComplaintState } from './complaint-state.ts';
import {
  completionClock,
  DEFAULT_COMPLAINT_RULES,
  nextDeadlineStep,
  type ComplaintDeadlineRules,
} from './deadline-rules.ts';

export type ComplaintDeadlineState = 'none' | 'on_time' | 'at_risk' | 'overdue' | 'paused';

/** A complaint's running step deadline and where it stands at `now`. */
export interface RunningDeadline {
  step: string | null;
  at: Date | null;
  state: ComplaintDeadlineState;
  warnings: CalendarWarning[];
}

const dueMemo = new WeakMap<WorkingCalendar, Map<string, PausedDeadline>>();

/**
 * `addWorkingDaysWithPauses`, remembered per calendar. Without pauses the result depends only on the
 * local day of `from` and `n` (the convention of `addWorkingDays`), and ingest asks it for every case
 * of a batch — mostly cases anchored on the same few days, with walks of up to 60 working days each.
 * A changed calendar is a new object, so it never reads an old answer. Callers must not mutate the result.
 */
function dueAfter(calendar: WorkingCalendar, from: Date, n: number, pauses: readonly Pause[]): PausedDeadline {
  if (pauses.length > 0) return addWorkingDaysWithPauses(calendar, from, n, pauses);
  let memo = dueMemo.get(calendar);
  if (!memo) {
    memo = new Map();
    dueMemo.set(calendar, memo);
  }
  const key = `${localDateOf(from, calendar.timeZone)}|${n}`;
  let due = memo.get(key);
  if (!due) {
    if (memo.size > 20_000) memo.clear();
    due = addWorkingDaysWithPauses(calendar, from, n, pauses);
    memo.set(key, due);
  }
  return due;
}

/**
 * The running deadline of a complaint on the province's calendar: the next step's clock, its due
 * instant in working days (pauses excluded), and its standing. A step that does not escalate (the
 * auto-close wait) has a due instant but no standing.
 */
export function complaintDeadline(
  state: ComplaintState,
  calendar: WorkingCalendar,
  now: Date,
  rules: ComplaintDeadlineRules = DEFAULT_COMPLAINT_RULES,
): RunningDeadline {
  const clock = nextDeadlineStep(state, rules);
  if (!clock) return { step: null, at: null, state: 'none', warnings: [] };
  const r = dueAfter(calendar, clock.anchor, clock.workingDays, clock.pauses);
  if (r.deadline === null) return { step: clock.step, at: null, state: 'paused', warnings: r.warnings };
  const standing = clock.escalates
    ? deadlineStanding(remainingWorkingTime(calendar, now, r.deadline), rules.atRiskHK)
    : 'none';
  return { step: clock.step, at: new Date(r.deadline), state: standing, warnings: [...r.warnings] };
}

/** The complaint's overall completion target (PermenPANRB 62/2018 tiers), or null when closed or paused. */
export function completionDue(
  state: ComplaintState,
  calendar: WorkingCalendar,
  rules: ComplaintDeadlineRules = DEFAULT_COMPLAINT_RULES,
): Date | null {
  const clock = completionClock(state, rules);
  const due = clock ? dueAfter(calendar, clock.anchor, clock.workingDays, clock.pauses).deadline : null;
  return due && new Date(due);
}

/**
 * What the rollups count about a complaint: flows on the local day each milestone happened, and for
 * the stock whether it is open and where its deadline and ladder stand.
 */
export interface ComplaintFacts {
  opdId: string | null;
  regencyCode: string | null;
  channel: string;
  topic: string | null;
  classification: string;
  submittedAt: Date;
  verifiedAt: Date | null;
  firstFollowUpAt: Date | null;
  completedAt: Date | null;
  deletedAt: Date | null;
  followUpWorkingDays: number | null;
  followUpOnTime: boolean | null;
  open: boolean;
  status: string;
  deadlineState: string;
  escalated: boolean;
}

/**
 * A complaint's facts for the rollups: its state, plus the deadline standing and ladder level stored
 * with it. The first follow-up counts as on time when it came within the OPD's follow-up working days
 * of dispatch, pauses excluded.
 */
export function complaintFacts(
  s: ComplaintState,
  calendar: WorkingCalendar,
  row: { deadlineState: string; escalationLevel: number },
  rules: ComplaintDeadlineRules = DEFAULT_COMPLAINT_RULES,
): ComplaintFacts {
  let followUpWorkingDays: number | null = null;
  let followUpOnTime: boolean | null = null;
  if (s.firstFollowUpAt && s.dispatchedAt) {
    followUpWorkingDays = Math.max(0, workingDaysBetween(calendar, s.dispatchedAt, s.firstFollowUpAt).days);
    const due = dueAfter(calendar, s.dispatchedAt, rules.opdFollowUpHK, s.pauses);
    followUpOnTime = due.deadline !== null && s.firstFollowUpAt.getTime() <= due.deadline.getTime();
  }
  return {
    opdId: s.opdId,
    regencyCode: s.regencyCode,
    channel: s.channel,
    topic: s.topic,
    classification: s.classification,
    submittedAt: s.submittedAt,
    verifiedAt: s.verifiedAt,
    firstFollowUpAt: s.firstFollowUpAt,
    completedAt: s.status === 'selesai' ? s.closedAt : null,
    deletedAt: s.deletedAt,
    followUpWorkingDays,
    followUpOnTime,
    open: OPEN_STATUSES.includes(s.status),
    status: s.status,
    deadlineState: row.deadlineState,
    escalated: row.escalationLevel > 0,
  };
}
