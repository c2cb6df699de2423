import type { ComplaintClassification, CompletionTier } from '@pantau/contracts';
import type { Pause } from '../calendar/deadline.ts';
import { isTerminalStatus, type ComplaintState } from './complaint-state.ts';

/** Deadline rules per province (and overridable per class). Defaults from DOMAIN.md §1.5. */
export interface ComplaintDeadlineRules {
  /** Admin verification and dispatch to the OPD, from submission. @default 3 */
  verifyDispatchHK: number;
  /** The OPD's follow-up, from dispatch (or the reporter's last reply). @default 5 */
  opdFollowUpHK: number;
  /** Deemed complete this long after a follow-up with no reply. @default 10 */
  autoCloseHK: number;
  /** PermenPAN-RB 62/2018 completion tiers. @default { ringan: 5, sedang: 14, berat: 60 } */
  completionTiersHK: Record<CompletionTier, number>;
  /** The tier each classification falls in, unless a case overrides it. */
  tierByClassification: Record<ComplaintClassification, CompletionTier>;
  /** "At risk" when this many working days or fewer remain. @default 1 */
  atRiskHK: number;
}

/** The defaults of DOMAIN.md §1.5 (LAPOR SOP 3 / 5 / 10 HK and the 62/2018 tiers). */
export const DEFAULT_COMPLAINT_RULES: ComplaintDeadlineRules = {
  verifyDispatchHK: 3,
  opdFollowUpHK: 5,
  autoCloseHK: 10,
  completionTiersHK: { ringan: 5, sedang: 14, berat: 60 },
  tierByClassification: {
    permintaan_informasi: 'ringan',
    aspirasi: 'ringan',
    pengaduan: 'sedang',
    wbs: 'berat',
    lainnya: 'sedang',
  },
  atRiskHK: 1,
};

/** The step whose clock runs: admin verification, the OPD's follow-up, or the reporter's reply window. */
export type DeadlineStep = 'verify_dispatch' | 'opd_follow_up' | 'auto_close';

/**
 * A running clock, in the calendar's terms: the deadline is `workingDays` HK after `anchor`, skipping
 * paused days — `addWorkingDaysWithPauses(cal, anchor, workingDays, pauses)` turns it into an instant
 * (undefined while a pause is open).
 */
export interface DeadlineClock {
  step: DeadlineStep;
  anchor: Date;
  workingDays: number;
  pauses: Pause[];
  /** Whether passing this deadline is a failure to escalate (auto_close is not: it closes the case). */
  escalates: boolean;
}

/**
 * Which deadline clock runs now for a complaint, if any. Pure: no calendar arithmetic here.
 * - belum_diverifikasi: verify_dispatch, from submission.
 * - terverifikasi_didisposisi: opd_follow_up, from the later of dispatch and the reporter's last reply.
 * - ditindaklanjuti: auto_close, from the last follow-up.
 * - ditunda: the clock of the status it will resume to, with its pause still open (so stopped).
 * - bukan_wewenang and terminal statuses: none.
 */
export function nextDeadlineStep(
  state: ComplaintState,
  rules: ComplaintDeadlineRules = DEFAULT_COMPLAINT_RULES,
): DeadlineClock | null {
  const status = state.status === 'ditunda' ? state.resumeTo : state.status;
  const pauses = state.pauses;
  switch (status) {
    case 'belum_diverifikasi':
      return {
        step: 'verify_dispatch',
        anchor: state.submittedAt,
        workingDays: rules.verifyDispatchHK,
        pauses,
        escalates: true,
      };
    case 'terverifikasi_didisposisi': {
      const anchor = [state.dispatchedAt, state.reporterRepliedAt]
        .filter((d): d is Date => d !== null)
        .sort((a, b) => b.getTime() - a.getTime())[0];
      return anchor
        ? { step: 'opd_follow_up', anchor, workingDays: rules.opdFollowUpHK, pauses, escalates: true }
        : null;
    }
    case 'ditindaklanjuti':
      return state.lastFollowUpAt
        ? { step: 'auto_close', anchor: state.lastFollowUpAt, workingDays: rules.autoCloseHK, pauses, escalates: false }
        : null;
    default:
      return null;
  }
}

/** The 62/2018 tier of a complaint's class under these rules. */
export function completionTierOf(
  classification: ComplaintClassification,
  rules: ComplaintDeadlineRules = DEFAULT_COMPLAINT_RULES,
): CompletionTier {
  return rules.tierByClassification[classification];
}

/**
 * The overall completion target (62/2018 tiers by class, or `tier` for a per-case override), counted
 * from submission, skipping every pause. While the OPD has answered and the reporter's turn runs
 * (ditindaklanjuti) the clock is stopped too: an open pause from the last follow-up is added, so the
 * target is undefined until the reporter replies or the case closes. Null once the case is closed.
 * It is shown and measured, not escalated: the ladder follows the step deadlines.
 */
export function completionClock(
  state: ComplaintState,
  rules: ComplaintDeadlineRules = DEFAULT_COMPLAINT_RULES,
  tier: CompletionTier = completionTierOf(state.classification, rules),
): { anchor: Date; workingDays: number; pauses: Pause[] } | null {
  if (isTerminalStatus(state.status)) return null;
  const waitingSince = state.status === 'ditindaklanjuti' ? state.lastFollowUpAt : null;
  const pauses = waitingSince ? [...state.pauses, { start: waitingSince, end: null }] : state.pauses;
  return { anchor: state.submittedAt, workingDays: rules.completionTiersHK[tier], pauses };
}
