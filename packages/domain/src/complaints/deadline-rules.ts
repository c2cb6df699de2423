import type { ComplaintClassification } from '@pantau/contracts';
import type { Pause } from '../calendar/deadline.ts';
import type { ComplaintState } from './lifecycle.ts';

/** Deadline rules per province (and overridable per class). Defaults from DOMAIN.md §1.5. */
export interface ComplaintDeadlineRules {
  /** Admin verification and dispatch to the OPD, from submission. @default 3 */
  verifyDispatchHK: number;
  /** The OPD's follow-up, from dispatch (or the reporter's last reply). @default 5 */
  opdFollowUpHK: number;
  /** Deemed complete this long after a follow-up with no reply. @default 10 */
  autoCloseHK: number;
  /** PermenPAN-RB 62/2018 completion tiers. */
  completionTiersHK: { ringan: number; sedang: number; berat: number };
  tierByClassification: Record<ComplaintClassification, 'ringan' | 'sedang' | 'berat'>;
  /** "At risk" when this many working days or fewer remain. @default 1 */
  atRiskHK: number;
}

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

export type DeadlineStep = 'verify_dispatch' | 'opd_follow_up' | 'auto_close';

export interface DeadlineClock {
  step: DeadlineStep;
  anchor: Date;
  workingDays: number;
  pauses: Pause[];
  /** Whether passing this deadline is a failure to escalate (auto_close is not). */
  escalates: boolean;
}

/** Which deadline clock runs now for a complaint, if any. Pure: the calendar turns it into a date. */
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

/**
 * The overall completion target (62/2018 tiers by class), counted from submission with the same
 * pauses; null once the complaint is closed. It is shown and measured, not escalated: the ladder
 * follows the step deadlines.
 */
export function completionClock(
  state: ComplaintState,
  rules: ComplaintDeadlineRules = DEFAULT_COMPLAINT_RULES,
): { anchor: Date; workingDays: number; pauses: Pause[] } | null {
  if (state.status === 'selesai' || state.status === 'diarsipkan' || state.status === 'dihapus') return null;
  const tier = rules.tierByClassification[state.classification];
  return { anchor: state.submittedAt, workingDays: rules.completionTiersHK[tier], pauses: state.pauses };
}
