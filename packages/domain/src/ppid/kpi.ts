import type { KiBand, PpidDecision, PpidKpis } from '@pantau/contracts';
import type { PpidRequestFacts } from './deadline-rules.ts';

const DECISIONS: readonly PpidDecision[] = [
  'dipenuhi',
  'dipenuhi_sebagian',
  'ditolak',
  'tidak_dikuasai',
  'belum_didokumentasikan',
];

const inc = (rec: Record<string, number>, key: string) => {
  rec[key] = (rec[key] ?? 0) + 1;
};

/**
 * PPID KPIs over the requests received in a period (see docs/domain/ppid.md):
 * - `requests` = requests received; `decided` = those with a decision.
 * - `byDecision[d].share` = requests decided `d` ÷ `decided` (null when nothing was decided).
 * - `avgWorkingDaysToDecide` = mean over decided requests of the working days from receipt to the
 *   first decision, the day of receipt not counted (the hari-kerja convention).
 * - `extensionsUsed` = requests whose 7-HK extension was used.
 * - `onTimeShare` = requests decided by their deadline (10 HK, 17 HK if extended) ÷ (decided requests +
 *   undecided requests already past their deadline). Null when the denominator is 0.
 * - `objections`, `objectionsAccepted`, `disputes` = keberatan filed, granted by the atasan, and taken
 *   to the Komisi Informasi.
 */
export function summarizePpid(facts: readonly PpidRequestFacts[]): PpidKpis {
  const byDecision = Object.fromEntries(
    DECISIONS.map((d) => [d, { count: 0, share: null as number | null }]),
  ) as PpidKpis['byDecision'];
  const rejectionGrounds: Record<string, number> = {};
  const byRequesterType: Record<string, number> = {};
  const byChannel: Record<string, number> = {};
  let decided = 0;
  let daysSum = 0;
  let extensions = 0;
  let onTime = 0;
  let judged = 0;
  let open = 0;
  let overdue = 0;
  let objections = 0;
  let objectionsAccepted = 0;
  let disputes = 0;
  for (const f of facts) {
    inc(byRequesterType, f.requesterType);
    inc(byChannel, f.channel);
    if (f.extended) extensions += 1;
    if (f.open) open += 1;
    if (f.overdue) overdue += 1;
    if (f.objection) objections += 1;
    if (f.objectionAccepted) objectionsAccepted += 1;
    if (f.dispute) disputes += 1;
    if (f.decidedOnTime !== null) {
      judged += 1;
      if (f.decidedOnTime) onTime += 1;
    }
    if (f.decision) {
      decided += 1;
      byDecision[f.decision].count += 1;
      if (f.decision === 'ditolak' && f.exclusionGround) inc(rejectionGrounds, `pasal17_${f.exclusionGround}`);
      daysSum += f.workingDaysToDecide ?? 0;
    }
  }
  for (const d of DECISIONS) byDecision[d].share = decided > 0 ? byDecision[d].count / decided : null;
  return {
    requests: facts.length,
    decided,
    byDecision,
    avgWorkingDaysToDecide: decided > 0 ? daysSum / decided : null,
    extensionsUsed: extensions,
    onTimeShare: judged > 0 ? onTime / judged : null,
    open,
    overdue,
    objections,
    objectionsAccepted,
    disputes,
    rejectionGrounds,
    byRequesterType,
    byChannel,
  };
}

/**
 * The Komisi Informasi monev qualification of a score (DOMAIN.md §3.5): Informatif ≥ 90, Menuju
 * Informatif ≥ 80, Cukup Informatif ≥ 60, Kurang Informatif ≥ 40, Tidak Informatif below 40.
 * @throws RangeError for a score outside 0–100 or not a number.
 */
export function kiBandOf(score: number): KiBand {
  if (!(score >= 0 && score <= 100)) throw new RangeError(`a monev score is 0–100, got ${score}`);
  if (score >= 90) return 'informatif';
  if (score >= 80) return 'menuju_informatif';
  if (score >= 60) return 'cukup_informatif';
  if (score >= 40) return 'kurang_informatif';
  return 'tidak_informatif';
}

/** The band's label as the KI writes it. */
export const KI_BAND_LABEL: Record<KiBand, string> = {
  informatif: 'Informatif',
  menuju_informatif: 'Menuju Informatif',
  cukup_informatif: 'Cukup Informatif',
  kurang_informatif: 'Kurang Informatif',
  tidak_informatif: 'Tidak Informatif',
};
