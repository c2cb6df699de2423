/** One step of Pantau's own escalation ladder (not a LAPOR status). */
export interface EscalationStep {
  level: number;
  role: string;
  /** Raised when the case is this many working days past its deadline (0 = as soon as it is overdue). */
  afterOverdueHK: number;
  label: { id: string; en: string };
}

export type EscalationLadder = readonly EscalationStep[];

/** Defaults (configurable per province): duty officer, then the OPD's head, then Diskominfo/Sekda. */
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

/** The ladder level a case should be at, given how far past its deadline it is (0 when not overdue). */
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
