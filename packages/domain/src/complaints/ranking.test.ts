import { describe, expect, it } from 'vitest';
import {
  bestFirst,
  hasBestView,
  judgedOnTimeShare,
  MIN_FOLLOW_UPS_TO_JUDGE,
  MIN_ROWS_FOR_BEST,
  worstFirst,
  type RankFacts,
} from './ranking.ts';

const row = (key: string, f: Partial<RankFacts> = {}): RankFacts => ({
  key,
  overdue: 0,
  onTime: 0,
  followedUp: 0,
  received: 0,
  ...f,
});

describe('rankings worst first', () => {
  it('puts the most overdue first, whatever their share', () => {
    const order = worstFirst(
      [row('a', { overdue: 1 }), row('b', { overdue: 4, onTime: 10, followedUp: 10 })],
      (r) => r,
    );
    expect(order.map((r) => r.key)).toEqual(['b', 'a']);
  });

  it('then the lowest on-time share, judged only with enough follow-ups', () => {
    const few = row('few', { onTime: 0, followedUp: MIN_FOLLOW_UPS_TO_JUDGE - 1 }); // 0 % of too few
    const poor = row('poor', { onTime: 2, followedUp: 10 }); // 20 %
    const good = row('good', { onTime: 9, followedUp: 10 }); // 90 %
    expect(worstFirst([good, few, poor], (r) => r).map((r) => r.key)).toEqual(['poor', 'good', 'few']);
  });

  it('then the most received, then by key, so equal rows keep one order', () => {
    const order = worstFirst(
      [row('c', { received: 1 }), row('b', { received: 5 }), row('a', { received: 1 })],
      (r) => r,
    );
    expect(order.map((r) => r.key)).toEqual(['b', 'a', 'c']);
  });

  it('judges a share from five follow-ups on', () => {
    expect(judgedOnTimeShare(1, 4)).toBeNull();
    expect(judgedOnTimeShare(1, 5)).toBeCloseTo(0.2);
  });
});

describe('rankings best first (the second view)', () => {
  it('puts the highest judged on-time share first', () => {
    const order = bestFirst(
      [
        row('mid', { onTime: 7, followedUp: 10 }),
        row('top', { onTime: 10, followedUp: 10 }),
        row('low', { onTime: 5, followedUp: 10 }),
      ],
      (r) => r,
    );
    expect(order.map((r) => r.key)).toEqual(['top', 'mid', 'low']);
  });

  it('never counts a unit with late items among the best, however good its share', () => {
    const late = row('late', { overdue: 1, onTime: 50, followedUp: 50 });
    const fine = row('fine', { onTime: 6, followedUp: 10 });
    expect(bestFirst([late, fine], (r) => r).map((r) => r.key)).toEqual(['fine']);
  });

  it('leaves out units with too few follow-ups to judge', () => {
    const few = row('few', { onTime: MIN_FOLLOW_UPS_TO_JUDGE - 1, followedUp: MIN_FOLLOW_UPS_TO_JUDGE - 1 });
    const judged = row('judged', { onTime: 3, followedUp: MIN_FOLLOW_UPS_TO_JUDGE });
    expect(bestFirst([few, judged], (r) => r).map((r) => r.key)).toEqual(['judged']);
  });

  it('breaks a tie of shares by the most followed up, then by key', () => {
    const order = bestFirst(
      [
        row('b', { onTime: 5, followedUp: 5 }),
        row('c', { onTime: 20, followedUp: 20 }),
        row('a', { onTime: 5, followedUp: 5 }),
      ],
      (r) => r,
    );
    expect(order.map((r) => r.key)).toEqual(['c', 'a', 'b']);
  });

  it('is worth a view of its own only from MIN_ROWS_FOR_BEST rated units without late items', () => {
    const rated = (k: string) => row(k, { onTime: 8, followedUp: 10 });
    const rows = Array.from({ length: MIN_ROWS_FOR_BEST }, (_, i) => rated(`r${i}`));
    expect(hasBestView(rows, (r) => r)).toBe(true);
    expect(hasBestView([...rows.slice(1), row('late', { overdue: 2, onTime: 9, followedUp: 10 })], (r) => r)).toBe(
      false,
    );
  });
});
