import { describe, expect, it } from 'vitest';
import { direct, INITIAL_DIRECTOR, onScreen, type DirectorState, type WallAlert } from './director.ts';
import type { PlaylistEntry } from './playlist.ts';

const playlist: PlaylistEntry[] = [
  { scene: 'ringkasan', seconds: 20 },
  { scene: 'opd', seconds: 10 },
  { scene: 'peta', seconds: 10 },
];
const opdIds = ['a', 'b', 'c'];
const tick = (s: DirectorState, pinned = false) => direct(s, { type: 'advance', playlist, opdCount: 3 }, pinned);
const show = (s: DirectorState, extra: Partial<Parameters<typeof onScreen>[1]> = {}) =>
  onScreen(s, { playlist, opdIds, pinned: null, pinnedOpd: null, override: null, ...extra });
const late: WallAlert = { kind: 'late', scene: 'opd', opdId: 'c', until: 1000 };

describe('the wall director', () => {
  it('rotates through the playlist and steps to the next OPD each time the OPD scene comes round', () => {
    const seen: string[] = [];
    let s = INITIAL_DIRECTOR;
    for (let i = 0; i < 7; i++) {
      const now = show(s);
      seen.push(now.scene === 'opd' ? `opd:${now.opdId}` : now.scene);
      s = tick(s);
    }
    expect(seen).toEqual(['ringkasan', 'opd:b', 'peta', 'ringkasan', 'opd:c', 'peta', 'ringkasan']);
  });

  it('holds the rotation during an alert and resumes where it was', () => {
    let s = tick(INITIAL_DIRECTOR); // on the OPD scene
    s = direct(s, { type: 'alert', alert: late }, false);
    expect(show(s)).toMatchObject({ scene: 'opd', opdId: 'c' });
    expect(tick(tick(s))).toBe(s); // the scene timer does not move it
    s = direct(s, { type: 'alert_over' }, false);
    expect(show(s)).toMatchObject({ scene: 'opd', opdId: 'b' });
    expect(show(tick(s)).scene).toBe('peta');
  });

  it('a pinned wall neither rotates nor takes alerts', () => {
    const s = direct(tick(INITIAL_DIRECTOR, true), { type: 'alert', alert: late }, true);
    expect(s).toBe(INITIAL_DIRECTOR);
    expect(show(s, { pinned: 'ppid' }).scene).toBe('ppid');
  });

  it("an operator's view wins over an alert and the rotation", () => {
    const s = direct(INITIAL_DIRECTOR, { type: 'alert', alert: late }, false);
    expect(show(s, { override: { scene: 'peta' } })).toMatchObject({ scene: 'peta' });
    expect(show(s, { override: { scene: 'opd', opdId: 'a' } })).toMatchObject({ scene: 'opd', opdId: 'a' });
  });

  it('a spike of negative mentions does not re-trigger its own alert, but another alert replaces it', () => {
    const negative: WallAlert = { kind: 'negative', scene: 'sosial', until: 1 };
    const s = direct(INITIAL_DIRECTOR, { type: 'alert', alert: negative }, false);
    expect(direct(s, { type: 'alert', alert: { ...negative, until: 99 } }, false)).toBe(s);
    expect(direct(s, { type: 'alert', alert: late }, false).alert).toBe(late);
  });

  it('keeps a valid scene when the playlist shrinks under it', () => {
    let s = INITIAL_DIRECTOR;
    for (let i = 0; i < 2; i++) s = tick(s); // index 2
    expect(
      onScreen(s, { playlist: [{ scene: 'ppid', seconds: 5 }], opdIds, pinned: null, pinnedOpd: null, override: null })
        .scene,
    ).toBe('ppid');
  });
});
