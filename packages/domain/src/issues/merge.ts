/**
 * One event, one issue. A flood in one kabupaten/kota raises two subjects at once — its topic ("Banjir
 * dan Drainase") and its place — and the detector, which looks at each subject alone, finds both. This
 * step after detection joins such a pair, so the wall names the event once ("Banjir dan Drainase ·
 * Kabupaten Kapuas") and keeps its other issue slots for other events.
 *
 * The rule: a topic issue and a kabupaten/kota issue found in the same window are one event when the
 * complaints they share in that window (about the topic *and* in the kabupaten/kota) are at least
 * `minShare` of each one's extra complaints — its count in the window above its usual rate over the
 * window. Both conditions, so the topic's rise is concentrated in that place *and* the place's rise is
 * mostly that topic; a province-wide rise of a topic, or a place with a rise of its own beside a smaller
 * one of the topic, stays two issues. Each topic takes at most one kabupaten/kota and each kabupaten/kota
 * joins at most one topic: the pairs that share the most complaints are joined first. Pure; the caller
 * supplies the shared counts (from the rollup of the kabupaten/kota's scope by topic).
 */
import { DEFAULT_ISSUE_OPTIONS, type DetectedIssue } from './detect.ts';

/** An issue as the wall shows it: a subject, or a topic joined with the kabupaten/kota of the same event. */
export interface IssueEvent extends DetectedIssue {
  /** The kabupaten/kota issue of the same event, joined into this topic issue. */
  place?: DetectedIssue;
  /** Complaints in the window about the topic and in the place (set when `place` is). */
  shared?: number;
}

export interface MergeOptions {
  /** Days that make up "now", as the detector counted them. @default 2 */
  windowDays: number;
  /** The part of each issue's extra complaints the two must share to be one event. @default 0.5 */
  minShare: number;
}

/** Complaints in the detector's window about `topic` in kabupaten/kota `regencyCode`. */
export type SharedComplaints = (topic: string, regencyCode: string) => number;

/** The issues with each topic joined to the kabupaten/kota of the same event, strongest first. */
export function mergeSameEvent(
  found: readonly DetectedIssue[],
  shared: SharedComplaints,
  options: Partial<MergeOptions> = {},
): IssueEvent[] {
  const o = { windowDays: DEFAULT_ISSUE_OPTIONS.windowDays, minShare: 0.5, ...options };
  const topics = found.filter((f) => f.kind === 'topic');
  const places = found.filter((f) => f.kind === 'regency');
  if (topics.length === 0 || places.length === 0) return [...found];
  // The rise above the usual rate; at least one, as a detected spike always is.
  const extra = (f: DetectedIssue) => Math.max(1, f.complaints.recent - f.complaints.usualPerDay * o.windowDays);
  const pairs = topics
    .flatMap((t) => places.map((p) => ({ t, p, n: shared(t.key, p.key) })))
    .filter(({ t, p, n }) => n >= o.minShare * extra(t) && n >= o.minShare * extra(p))
    .sort((a, b) => b.n - a.n || a.t.key.localeCompare(b.t.key) || a.p.key.localeCompare(b.p.key));
  const joined = new Map<DetectedIssue, { place: DetectedIssue; shared: number }>();
  const taken = new Set<DetectedIssue>();
  for (const { t, p, n } of pairs) {
    if (joined.has(t) || taken.has(p)) continue;
    joined.set(t, { place: p, shared: n });
    taken.add(p);
  }
  return found
    .filter((f) => !taken.has(f))
    .map((f): IssueEvent => {
      const j = joined.get(f);
      return j ? { ...f, place: j.place, shared: j.shared, score: Math.min(f.score, j.place.score) } : f;
    })
    .sort((a, b) => a.score - b.score || a.key.localeCompare(b.key));
}
