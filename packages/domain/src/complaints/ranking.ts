/**
 * Rankings of OPDs and kabupaten/kota, worst first, as the wall, the dashboard, the widgets' ranks and
 * the leadership report show them; and best first, the wall's second view. One rule each, so a screen
 * and a report never disagree on who is worst or best.
 */

/**
 * Follow-ups needed before an on-time share judges a unit: with fewer, one late follow-up would put an
 * OPD at 0 % above one with a hundred cases. Below it the share is still shown, but not ranked by.
 */
export const MIN_FOLLOW_UPS_TO_JUDGE = 5;

/** The on-time share a ranking may judge by, or null when too few follow-ups were posted. */
export function judgedOnTimeShare(onTime: number, followedUp: number): number | null {
  return followedUp >= MIN_FOLLOW_UPS_TO_JUDGE ? onTime / followedUp : null;
}

/** What a ranking compares. */
export interface RankFacts {
  key: string;
  overdue: number;
  onTime: number;
  followedUp: number;
  received: number;
}

/**
 * Worst first: most overdue now; then the lowest on-time share among those with enough follow-ups to
 * judge (the rest after them); then the most received; then by key, so the order is stable.
 */
export function compareWorstFirst(a: RankFacts, b: RankFacts): number {
  const sa = judgedOnTimeShare(a.onTime, a.followedUp) ?? 2;
  const sb = judgedOnTimeShare(b.onTime, b.followedUp) ?? 2;
  return b.overdue - a.overdue || sa - sb || b.received - a.received || a.key.localeCompare(b.key);
}

/** The rows worst first (a new array), each read through `facts`. */
export function worstFirst<T>(rows: readonly T[], facts: (row: T) => RankFacts): T[] {
  return rows
    .map((row) => ({ row, f: facts(row) }))
    .sort((a, b) => compareWorstFirst(a.f, b.f))
    .map((x) => x.row);
}

/**
 * Best first, the rankings' second view ("Terbaik"): only units with enough follow-ups to judge and no
 * late item now — a unit with overdue complaints is never shown among the best, however good its share —
 * highest on-time share first; then the most followed up (the same share over more cases says more);
 * then by key, so the order is stable. The rows left out are exactly those the worst-first view leads
 * with, so the two views together still show every late unit.
 */
export function bestFirst<T>(rows: readonly T[], facts: (row: T) => RankFacts): T[] {
  return rows
    .map((row) => {
      const f = facts(row);
      return { row, f, share: f.overdue === 0 ? judgedOnTimeShare(f.onTime, f.followedUp) : null };
    })
    .filter((x): x is typeof x & { share: number } => x.share !== null)
    .sort((a, b) => b.share - a.share || b.f.followedUp - a.f.followedUp || a.f.key.localeCompare(b.f.key))
    .map((x) => x.row);
}

/**
 * Rated units (enough follow-ups, nothing late) a "best" view needs: with one or two it would read as a
 * podium of whoever happened to qualify, so the ranking stays on worst first.
 */
export const MIN_ROWS_FOR_BEST = 3;

/** Whether a ranking has enough rated units without late items to show its best-first view. */
export function hasBestView<T>(rows: readonly T[], facts: (row: T) => RankFacts): boolean {
  return bestFirst(rows, facts).length >= MIN_ROWS_FOR_BEST;
}
