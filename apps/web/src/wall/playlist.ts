import type { PlaylistEntry } from '@pantau/contracts';
import type { SceneId } from '../scenes/types.ts';

export type { PlaylistEntry };

/** The built-in rotation; the OPD entry shows the next OPD each time it comes round. */
export const DEFAULT_PLAYLIST: PlaylistEntry[] = [
  { scene: 'ringkasan', seconds: 25 },
  { scene: 'pengaduan', seconds: 20 },
  { scene: 'keterlambatan', seconds: 20 },
  { scene: 'opd', seconds: 15 },
  { scene: 'ppid', seconds: 15 },
  { scene: 'sosial', seconds: 15 },
  // Shown only while there is an issue (see rotationFor): a calm wall does not spend 20 s saying so.
  { scene: 'isu', seconds: 20 },
  { scene: 'peta', seconds: 15 },
];

export interface RotationState {
  index: number;
  /** Which OPD (index into the pack's list) the next OPD scene shows. */
  opdIndex: number;
}

/** The next step of the rotation: the next entry, and the next OPD when the OPD scene comes up again. */
export function advance(state: RotationState, playlist: PlaylistEntry[], opdCount: number): RotationState {
  const index = (state.index + 1) % playlist.length;
  const opdIndex = playlist[index]?.scene === 'opd' ? (state.opdIndex + 1) % Math.max(1, opdCount) : state.opdIndex;
  return { index, opdIndex };
}

/** How many scenes fit side by side: one on 16:9, two on a 2:1-ish wall, three on 32:9. */
export function panesFor(width: number, height: number): 1 | 2 | 3 {
  const aspect = width / Math.max(1, height);
  return aspect >= 3.2 ? 3 : aspect >= 2.2 ? 2 : 1;
}

/** The companion scenes an ultra-wide wall shows beside the rotating one. */
export function companions(current: SceneId, panes: 1 | 2 | 3): SceneId[] {
  if (panes === 1) return [];
  const pool: SceneId[] = ['keterlambatan', 'peta', 'ringkasan'].filter((s) => s !== current) as SceneId[];
  return pool.slice(0, panes - 1);
}

/**
 * OPDs that newly crossed the late threshold since the previous figures: each is an alert that
 * interrupts the rotation. Crossings present at the first figures are the wall's starting state, not news.
 */
export function newLateCrossings(
  previous: Map<string, number> | null,
  ranking: Array<{ opdId: string; overdue: number }>,
  threshold: number,
): string[] {
  if (!previous) return [];
  return ranking.filter((r) => r.overdue >= threshold && (previous.get(r.opdId) ?? 0) < threshold).map((r) => r.opdId);
}

/**
 * The rotation the wall runs: the playlist without the Isu scene while there is no issue (a quiet
 * province's wall would otherwise spend its time on "nothing to report"); pinned, it still says so.
 */
export function rotationFor(playlist: readonly PlaylistEntry[], hasIssue: boolean): PlaylistEntry[] {
  const shown = hasIssue ? [...playlist] : playlist.filter((e) => e.scene !== 'isu');
  return shown.length > 0 ? shown : [...playlist];
}

/**
 * Issues (`kind|key`) detected since the previous figures: each is an alert once. Issues present at the
 * first figures are the wall's starting state, not news.
 */
export function newIssues(previous: ReadonlySet<string> | null, now: readonly string[]): string[] {
  if (!previous) return [];
  return now.filter((k) => !previous.has(k));
}

/** Which scene shows a stream: where to jump when its source goes stale. */
export const STREAM_SCENE: Record<'complaints' | 'ppid' | 'social', SceneId> = {
  complaints: 'pengaduan',
  ppid: 'ppid',
  social: 'sosial',
};

/** Streams that went stale since the previous check (a source past its freshness target is an alert once). */
export function newlyStale<S extends string>(previous: Set<S> | null, nowStale: Set<S>): S[] {
  if (!previous) return [];
  return [...nowStale].filter((s) => !previous.has(s));
}

/**
 * A spike in negative mentions: the negative count grew, over the last `windowMinutes`, by at least
 * `minIncrease` and by at least `factor` times its average growth per window over the history kept.
 * `samples` are (time, cumulative negative count) pairs, oldest first.
 */
export function negativeSpike(
  samples: Array<{ at: number; negative: number }>,
  windowMinutes = 10,
  minIncrease = 5,
  factor = 3,
): boolean {
  const last = samples.at(-1);
  const first = samples[0];
  if (!last || !first || last.at - first.at < windowMinutes * 2 * 60_000) return false;
  const windowStart = [...samples].reverse().find((s) => last.at - s.at >= windowMinutes * 60_000) ?? first;
  const recent = last.negative - windowStart.negative;
  const windows = (windowStart.at - first.at) / (windowMinutes * 60_000);
  const baseline = windows > 0 ? (windowStart.negative - first.negative) / windows : 0;
  return recent >= minIncrease && recent >= factor * Math.max(baseline, 1);
}
