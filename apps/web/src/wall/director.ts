import type { SceneId } from '../scenes/types.ts';
import { advance, type PlaylistEntry, type RotationState } from './playlist.ts';

/** Something the wall interrupts its rotation for, until `until` (ms since epoch). */
export interface WallAlert {
  kind: 'late' | 'stale' | 'negative' | 'issue';
  /** The subject as the wall names it (kind `issue`). */
  subject?: string;
  scene: SceneId;
  opdId?: string;
  stream?: 'complaints' | 'ppid' | 'social';
  until: number;
}

/** Where the wall's own rotation stands, and the alert it is showing (if any). */
export interface DirectorState {
  rotation: RotationState;
  alert: WallAlert | null;
}

export type DirectorEvent =
  /** The current scene's time is up. */
  | { type: 'advance'; playlist: readonly PlaylistEntry[]; opdCount: number }
  /** A detector found something to show (an OPD crossing the late threshold, a stale stream, a spike). */
  | { type: 'alert'; alert: WallAlert }
  /** The alert's time is up. */
  | { type: 'alert_over' };

export const INITIAL_DIRECTOR: DirectorState = { rotation: { index: 0, opdIndex: 0 }, alert: null };

/**
 * The wall's director as a pure transition. A pinned wall (`?scene=`) neither rotates nor takes alerts;
 * an alert holds the rotation, which resumes where it was when the alert is over; a spike of negative
 * mentions does not re-trigger while its own alert is showing.
 */
export function direct(state: DirectorState, event: DirectorEvent, pinned: boolean): DirectorState {
  switch (event.type) {
    case 'advance':
      if (pinned || state.alert || event.playlist.length === 0) return state;
      return { ...state, rotation: advance(state.rotation, [...event.playlist], event.opdCount) };
    case 'alert':
      if (pinned) return state;
      if (event.alert.kind === 'negative' && state.alert?.kind === 'negative') return state;
      return { ...state, alert: event.alert };
    case 'alert_over':
      return state.alert ? { ...state, alert: null } : state;
  }
}

/** What the wall shows now: an operator's view wins, then an alert, then a pin, then the rotation. */
export function onScreen(
  state: DirectorState,
  ctx: {
    playlist: readonly PlaylistEntry[];
    opdIds: readonly string[];
    pinned: SceneId | null;
    pinnedOpd: string | null;
    override: { scene: SceneId; opdId?: string } | null;
  },
): { scene: SceneId; opdId: string | null; entry: PlaylistEntry } {
  const entry = ctx.playlist[state.rotation.index % Math.max(1, ctx.playlist.length)] ?? {
    scene: 'ringkasan',
    seconds: 20,
  };
  const scene = ctx.override?.scene ?? state.alert?.scene ?? ctx.pinned ?? entry.scene;
  const opdId =
    ctx.override?.opdId ??
    state.alert?.opdId ??
    ctx.pinnedOpd ??
    ctx.opdIds[state.rotation.opdIndex % Math.max(1, ctx.opdIds.length)] ??
    null;
  return { scene, opdId, entry };
}
