import {
  addWorkingDays,
  workingDaysBetween,
  type CalendarWarning,
  type WorkingCalendar,
} from '../calendar/working-calendar.ts';
import { deadlineStanding, remainingWorkingTime as remaining } from '../calendar/deadline.ts';
import type { PpidState } from './lifecycle.ts';

/** PPID deadline rules (UU 14/2008, Perki 1/2021; DOMAIN.md §3.2). Configurable per province. */
export interface PpidDeadlineRules {
  /** Written notice of the decision, from receipt. @default 10 */
  decisionHK: number;
  /** The one extension, with a written reason. @default 7 */
  extensionHK: number;
  /** The requester's window to file a keberatan, from the decision (or the missed decision deadline). @default 30 */
  objectionWindowHK: number;
  /** The atasan PPID's answer to a keberatan, from its filing. @default 30 */
  atasanAnswerHK: number;
  /** The requester's window to take the dispute to the Komisi Informasi, from the atasan's answer. @default 14 */
  kiFilingWindowHK: number;
  /** "At risk" when this many working days or fewer remain. @default 2 */
  atRiskHK: number;
}

export const DEFAULT_PPID_RULES: PpidDeadlineRules = {
  decisionHK: 10,
  extensionHK: 7,
  objectionWindowHK: 30,
  atasanAnswerHK: 30,
  kiFilingWindowHK: 14,
  atRiskHK: 2,
};

export type PpidDeadlineStep = 'decision' | 'atasan_answer' | 'objection_window' | 'ki_filing_window';

export interface PpidClock {
  step: PpidDeadlineStep;
  anchor: Date;
  workingDays: number;
  /** Whether passing it is a failure of the badan publik (escalates); a requester's window is not. */
  escalates: boolean;
}

/** The clock that runs now for a request, if any. */
export function ppidClock(s: PpidState, rules: PpidDeadlineRules = DEFAULT_PPID_RULES): PpidClock | null {
  switch (s.status) {
    case 'diterima':
      return { step: 'decision', anchor: s.receivedAt, workingDays: rules.decisionHK, escalates: true };
    case 'diperpanjang':
      return {
        step: 'decision',
        anchor: s.receivedAt,
        workingDays: rules.decisionHK + rules.extensionHK,
        escalates: true,
      };
    case 'diputuskan':
    case 'selesai':
      return s.decidedAt
        ? { step: 'objection_window', anchor: s.decidedAt, workingDays: rules.objectionWindowHK, escalates: false }
        : null;
    case 'keberatan':
      return s.objectionFiledAt
        ? { step: 'atasan_answer', anchor: s.objectionFiledAt, workingDays: rules.atasanAnswerHK, escalates: true }
        : null;
    case 'keberatan_dijawab':
      return s.objectionAnsweredAt
        ? {
            step: 'ki_filing_window',
            anchor: s.objectionAnsweredAt,
            workingDays: rules.kiFilingWindowHK,
            escalates: false,
          }
        : null;
    default:
      // At the Komisi Informasi the KI keeps its own clock (its 14/100 HK limits are UNCONFIRMED).
      return null;
  }
}

export type PpidDeadlineState = 'none' | 'on_time' | 'at_risk' | 'overdue';

export interface PpidDeadline {
  step: PpidDeadlineStep | null;
  at: Date | null;
  dueDate: string | null;
  state: PpidDeadlineState;
  /** Working days past the deadline (0 when not overdue), for the escalation ladder. */
  overdueWorkingDays: number;
  warnings: CalendarWarning[];
}

/**
 * Where a request's running deadline stands at `now`. A requester's window (keberatan, KI filing) has a
 * date but no at-risk/overdue state: passing it is not the badan publik's failure.
 */
export function ppidDeadline(
  s: PpidState,
  cal: WorkingCalendar,
  now: Date,
  rules: PpidDeadlineRules = DEFAULT_PPID_RULES,
): PpidDeadline {
  const clock = ppidClock(s, rules);
  if (!clock) return { step: null, at: null, dueDate: null, state: 'none', overdueWorkingDays: 0, warnings: [] };
  const r = addWorkingDays(cal, clock.anchor, clock.workingDays);
  if (!clock.escalates)
    return {
      step: clock.step,
      at: r.deadline,
      dueDate: r.dueDate,
      state: 'none',
      overdueWorkingDays: 0,
      warnings: r.warnings,
    };
  const rem = remaining(cal, now, r.deadline);
  const state: PpidDeadlineState = deadlineStanding(rem, rules.atRiskHK);
  return {
    step: clock.step,
    at: r.deadline,
    dueDate: r.dueDate,
    state,
    overdueWorkingDays: rem.overdue ? rem.workingDays : 0,
    warnings: [...r.warnings, ...rem.warnings],
  };
}

/** The decision deadline the request had (10 HK, or 17 HK once extended), whatever its status now. */
export function decisionDeadline(s: PpidState, cal: WorkingCalendar, rules: PpidDeadlineRules = DEFAULT_PPID_RULES) {
  return addWorkingDays(cal, s.receivedAt, rules.decisionHK + (s.extendedAt ? rules.extensionHK : 0));
}

/** Facts of one request that the KPIs count; computed once per request with the calendar. */
export interface PpidRequestFacts {
  decision: PpidState['decision'];
  exclusionGround: string | null;
  requesterType: string;
  channel: string;
  extended: boolean;
  /** Working days from receipt to decision (the receipt day does not count), or null while undecided. */
  workingDaysToDecide: number | null;
  /** Decided by the decision deadline; null while undecided and not yet late. */
  decidedOnTime: boolean | null;
  open: boolean;
  overdue: boolean;
  objection: boolean;
  objectionAccepted: boolean;
  dispute: boolean;
}

export function ppidRequestFacts(
  s: PpidState,
  cal: WorkingCalendar,
  now: Date,
  rules: PpidDeadlineRules = DEFAULT_PPID_RULES,
): PpidRequestFacts {
  const due = decisionDeadline(s, cal, rules).deadline;
  let workingDaysToDecide: number | null = null;
  let decidedOnTime: boolean | null = null;
  if (s.decidedAt) {
    workingDaysToDecide = Math.max(0, workingDaysBetween(cal, s.receivedAt, s.decidedAt).days);
    decidedOnTime = s.decidedAt.getTime() <= due.getTime();
  } else if (now.getTime() > due.getTime()) {
    decidedOnTime = false;
  }
  const deadline = ppidDeadline(s, cal, now, rules);
  return {
    decision: s.decision,
    exclusionGround: s.exclusionGround,
    requesterType: s.requesterType,
    channel: s.channel,
    extended: s.extendedAt !== null,
    workingDaysToDecide,
    decidedOnTime,
    open: s.status === 'diterima' || s.status === 'diperpanjang' || s.status === 'keberatan',
    overdue: deadline.state === 'overdue',
    objection: s.objectionFiledAt !== null,
    objectionAccepted: s.objectionOutcome === 'accepted',
    dispute: s.disputeFiledAt !== null,
  };
}
