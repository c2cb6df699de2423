import { describe, expect, it } from 'vitest';
import { flowShare, lastMonths } from './rates.ts';

describe('complaint flow shares', () => {
  it('is follow-ups over arrivals of the same period, null with no arrivals, never above 100 %', () => {
    expect(flowShare(81, 100)).toBe(0.81);
    expect(flowShare(0, 0)).toBeNull();
    expect(flowShare(13, 12)).toBe(1);
  });

  it('lists the last 12 months across a year boundary, oldest first', () => {
    expect(lastMonths('2026-03', 12)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(lastMonths('2026-12', 2)).toEqual(['2026-11', '2026-12']);
  });
});
