import { describe, expect, it } from 'vitest';
import {
  advance,
  companions,
  DEFAULT_PLAYLIST,
  negativeSpike,
  newLateCrossings,
  newlyStale,
  newIssues,
  rotationFor,
  panesFor,
} from './playlist.ts';

describe('the wall rotation', () => {
  it('goes round the playlist and shows the next OPD each time the OPD scene comes up', () => {
    let s = { index: 0, opdIndex: 0 };
    const opdAt = DEFAULT_PLAYLIST.findIndex((e) => e.scene === 'opd');
    const seen: number[] = [];
    for (let i = 0; i < DEFAULT_PLAYLIST.length * 3; i++) {
      s = advance(s, DEFAULT_PLAYLIST, 5);
      if (s.index === opdAt) seen.push(s.opdIndex);
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(s.index).toBe(0);
  });

  it('chooses one, two or three panes by the screen’s aspect', () => {
    expect(panesFor(1920, 1080)).toBe(1);
    expect(panesFor(3840, 2160)).toBe(1);
    expect(panesFor(5760, 2160)).toBe(2);
    expect(panesFor(7680, 2160)).toBe(3);
    expect(companions('keterlambatan', 2)).toEqual(['peta']);
    expect(companions('ringkasan', 3)).toEqual(['keterlambatan', 'peta']);
  });

  it('alerts on an OPD that crosses the late threshold, not on one already past it at start', () => {
    expect(newLateCrossings(null, [{ opdId: 'a', overdue: 9 }], 5)).toEqual([]);
    const before = new Map([
      ['a', 9],
      ['b', 4],
    ]);
    expect(
      newLateCrossings(
        before,
        [
          { opdId: 'a', overdue: 10 },
          { opdId: 'b', overdue: 5 },
          { opdId: 'c', overdue: 1 },
        ],
        5,
      ),
    ).toEqual(['b']);
  });
});

describe('the wall’s other alerts', () => {
  it('alerts once for a stream that goes stale, not for one stale from the start', () => {
    expect(newlyStale(null, new Set(['social']))).toEqual([]);
    expect(newlyStale(new Set(['social']), new Set(['social', 'ppid']))).toEqual(['ppid']);
    expect(newlyStale(new Set(['ppid']), new Set<string>())).toEqual([]);
  });

  it('sees a spike when negative mentions grow far faster than usual in the last ten minutes', () => {
    const minute = 60_000;
    // One negative mention every ten minutes for an hour, then twelve in ten minutes.
    const steady = Array.from({ length: 7 }, (_, i) => ({ at: i * 10 * minute, negative: i }));
    expect(negativeSpike(steady)).toBe(false);
    const spike = [...steady, { at: 70 * minute, negative: 18 }];
    expect(negativeSpike(spike)).toBe(true);
    // Too little history to tell.
    expect(
      negativeSpike([
        { at: 0, negative: 0 },
        { at: 5 * minute, negative: 20 },
      ]),
    ).toBe(false);
  });

  it('rotates through the Isu scene only while there is an issue', () => {
    expect(rotationFor(DEFAULT_PLAYLIST, false).map((e) => e.scene)).not.toContain('isu');
    expect(rotationFor(DEFAULT_PLAYLIST, true).map((e) => e.scene)).toContain('isu');
    // A playlist of the Isu scene alone is not emptied: it shows its calm message.
    expect(rotationFor([{ scene: 'isu', seconds: 20 }], false)).toHaveLength(1);
  });

  it('alerts once for an issue that appears, not for one present at start', () => {
    expect(newIssues(null, ['topic|Banjir dan Drainase'])).toEqual([]);
    expect(newIssues(new Set(), ['topic|Banjir dan Drainase'])).toEqual(['topic|Banjir dan Drainase']);
    expect(newIssues(new Set(['topic|Banjir dan Drainase']), ['topic|Banjir dan Drainase'])).toEqual([]);
  });
});
