import { describe, expect, it } from 'vitest';
import { judgedOnTimeShare, MIN_FOLLOW_UPS_TO_JUDGE, worstFirst, type RankFacts } from './ranking.ts';

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
