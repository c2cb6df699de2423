/**
 * The share of a period's complaints that were followed up (or completed), as SP4N-LAPOR! reports it
 * ("81% ditindaklanjuti"): follow-ups posted in the period over complaints received in it. Both are flows
 * of the same period, so early in a year the follow-ups of last year's complaints can outnumber this
 * year's arrivals; the share is capped at 100 % rather than shown as an impossible 104 %. Null when
 * nothing was received (no share to show, not 0 %).
 *
 * @example flowShare(81, 100) // 0.81
 */
export function flowShare(part: number, received: number): number | null {
  if (received <= 0) return null;
  return Math.min(1, Math.max(0, part / received));
}

/** The months `YYYY-MM` from `count - 1` months before `month` up to `month`, oldest first. */
export function lastMonths(month: string, count: number): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const k = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}
