/**
 * Pantau's own escalation ladder (DOMAIN.md §1.6: LAPOR has no in-system "dialihkan ke atasan"). A case
 * past its step deadline climbs one rung at a time; each rung is logged and acknowledged with a reason.
 */

/** One rung of the ladder. Levels start at 1; level 0 means "not escalated". */
export interface EscalationStep {
  level: number;
  /** Stable id of who is alerted, e.g. `petugas_piket`. */
  role: string;
  /** Raised when the case is this many working days past its deadline (0 = as soon as it is overdue). */
  afterOverdueHK: number;
  /** Display names, Bahasa Indonesia first. */
  label: { id: string; en: string };
}

/** The rungs, in ascending level and threshold order. */
export type EscalationLadder = readonly EscalationStep[];

/**
 * Defaults (configurable per province): the duty officer as soon as a deadline passes, the OPD's head
 * after 2 more HK, the Diskominfo coordinator / Sekda after 5.
 */
export const DEFAULT_ESCALATION_LADDER: EscalationLadder = [
  { level: 1, role: 'petugas_piket', afterOverdueHK: 0, label: { id: 'Petugas piket', en: 'Duty officer' } },
  {
    level: 2,
    role: 'kepala_opd',
    afterOverdueHK: 2,
    label: { id: 'Kepala bidang / kepala OPD', en: 'Head of unit / OPD' },
  },
  {
    level: 3,
    role: 'diskominfo_sekda',
    afterOverdueHK: 5,
    label: { id: 'Koordinator Diskominfo / Sekda', en: 'Diskominfo coordinator / Sekda' },
  },
];

/**
 * The ladder level a case should be at. `overdue` is separate from the count because a case due
 * today and one past due since this morning are both 0 whole working days late, yet only the second
 * is overdue (and already owes level 1).
 * @example dueEscalationLevel(true, 2) // 2 (kepala_opd)
 */
export function dueEscalationLevel(
  overdue: boolean,
  overdueWorkingDays: number,
  ladder: EscalationLadder = DEFAULT_ESCALATION_LADDER,
): number {
  if (!overdue) return 0;
  let level = 0;
  for (const step of ladder) if (overdueWorkingDays >= step.afterOverdueHK) level = Math.max(level, step.level);
  return level;
}

/**
 * The next rung to raise for a case at `currentLevel` that is `overdueHK` working days late (pass
 * null when it is not overdue), or null when none is due yet. One rung per call, so a case found far
 * past its deadline climbs every rung in turn and each is logged; call again after recording it.
 * @example nextEscalation(1, 5) // the kepala_opd rung (level 2); then nextEscalation(2, 5) → level 3
 */
export function nextEscalation(
  currentLevel: number,
  overdueHK: number | null,
  ladder: EscalationLadder = DEFAULT_ESCALATION_LADDER,
): EscalationStep | null {
  if (overdueHK === null) return null;
  const next = ladder
    .filter((s) => s.level > currentLevel)
    .reduce<EscalationStep | null>((a, s) => (a === null || s.level < a.level ? s : a), null);
  return next && overdueHK >= next.afterOverdueHK ? next : null;
}
