/**
 * The Isu detector: a subject (a complaint topic or a kabupaten/kota) is an issue when its complaints
 * rise above their usual rate *together with* negative social-media mentions of it, or while a hoax
 * about it is open. Pure: it takes daily counts read from the rollups and says which subjects spike.
 *
 * Counts at a province's real volume are small (a few complaints a day over dozens of topics), so a
 * z-score of hourly counts would be mostly zeros. Each stream is instead tested as a Poisson count: the
 * last `windowDays` against the mean of the `baselineDays` before them, alarming only when the chance of
 * seeing that many at the usual rate is below `alpha` and the count itself is worth a look (`minCount`).
 * Requiring both streams at once is what keeps a quiet province quiet (see detect.test.ts for the
 * measured false-alarm rate).
 */

export interface IssueOptions {
  /** Days that make up "now". @default 2 */
  windowDays: number;
  /** Days before the window that make up "usual". @default 28 */
  baselineDays: number;
  /** The largest chance, at the usual rate, of seeing this many that still counts as a spike. @default 0.001 */
  alpha: number;
  /** The fewest complaints in the window that can make an issue. @default 4 */
  minComplaints: number;
  /** The fewest negative mentions in the window that can make an issue. @default 5 */
  minNegative: number;
  /** A usual rate never below this per day, so one complaint on a never-seen topic is no spike. @default 0.1 */
  floorPerDay: number;
}

export const DEFAULT_ISSUE_OPTIONS: IssueOptions = {
  windowDays: 2,
  baselineDays: 28,
  alpha: 0.001,
  minComplaints: 4,
  minNegative: 5,
  floorPerDay: 0.1,
};

/** One subject's daily counts, oldest first, the last element being today. */
export interface IssueSubject {
  kind: 'topic' | 'regency';
  key: string;
  complaints: readonly number[];
  negativeMentions: readonly number[];
  /** A suspected hoax about the subject is open (not yet clarified). */
  openHoax: boolean;
}

export interface StreamSpike {
  recent: number;
  usualPerDay: number;
  /** P(X ≥ recent) at the usual rate. */
  chance: number;
  spiking: boolean;
}

export interface DetectedIssue {
  kind: IssueSubject['kind'];
  key: string;
  complaints: StreamSpike;
  negative: StreamSpike;
  openHoax: boolean;
  /** The smaller, the stronger: the complaints' chance times the mentions' (1 for a hoax). */
  score: number;
}

/** P(X ≥ k) for X ~ Poisson(lambda). */
export function poissonTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  // 1 - P(X ≤ k - 1), summed in a stable way.
  let term = Math.exp(-lambda);
  let cdf = term;
  for (let i = 1; i < k; i++) {
    term *= lambda / i;
    cdf += term;
  }
  return Math.max(0, 1 - cdf);
}

/** The last `windowDays` of a daily series against the `baselineDays` before them. */
export function streamSpike(
  series: readonly number[],
  min: number,
  o: IssueOptions = DEFAULT_ISSUE_OPTIONS,
): StreamSpike {
  const recentDays = series.slice(-o.windowDays);
  const base = series.slice(-(o.windowDays + o.baselineDays), -o.windowDays);
  const recent = recentDays.reduce((a, b) => a + b, 0);
  const mean = base.length > 0 ? base.reduce((a, b) => a + b, 0) / base.length : 0;
  const usualPerDay = Math.max(o.floorPerDay, mean);
  const chance = poissonTail(recent, usualPerDay * o.windowDays);
  // A series shorter than its baseline has no "usual" yet: it cannot spike.
  const spiking = base.length >= o.baselineDays && recent >= min && chance < o.alpha;
  return { recent, usualPerDay, chance, spiking };
}

/** The subjects that are issues now, strongest first. */
export function detectIssues(subjects: readonly IssueSubject[], options: Partial<IssueOptions> = {}): DetectedIssue[] {
  const o = { ...DEFAULT_ISSUE_OPTIONS, ...options };
  const out: DetectedIssue[] = [];
  for (const s of subjects) {
    const complaints = streamSpike(s.complaints, o.minComplaints, o);
    if (!complaints.spiking) continue;
    const negative = streamSpike(s.negativeMentions, o.minNegative, o);
    if (!negative.spiking && !s.openHoax) continue;
    out.push({
      kind: s.kind,
      key: s.key,
      complaints,
      negative,
      openHoax: s.openHoax,
      score: complaints.chance * (negative.spiking ? negative.chance : 1),
    });
  }
  return out.sort((a, b) => a.score - b.score || a.key.localeCompare(b.key));
}
