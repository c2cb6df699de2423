import { describe, expect, it } from 'vitest';
import { detectIssues, poissonTail, streamSpike, type IssueSubject } from './detect.ts';

// A seeded generator, so the quiet-province figures below are the same on every run.
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const poisson = (next: () => number, lambda: number) => {
  let k = 0;
  let p = Math.exp(-lambda);
  let s = p;
  const u = next();
  while (u > s) {
    k += 1;
    p *= lambda / k;
    s += p;
  }
  return k;
};

describe('the Isu detector', () => {
  it('computes a Poisson tail: P(X ≥ 0) = 1, P(X ≥ 1 | λ = 1) = 1 − e⁻¹', () => {
    expect(poissonTail(0, 3)).toBe(1);
    expect(poissonTail(1, 1)).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(poissonTail(10, 1)).toBeLessThan(1e-6);
  });

  it('needs a full baseline: a subject seen for a week cannot spike', () => {
    expect(streamSpike([0, 0, 0, 0, 0, 9, 9], 4).spiking).toBe(false);
  });

  it('stays quiet on a year of a real province: 30 topics sharing 3 complaints and 80 negative mentions a day', () => {
    const next = rng(16);
    const topics = 30;
    const days = 365 + 30;
    // Topics are uneven, as in the simulator: a few take most complaints and most mentions.
    const weights = Array.from({ length: topics }, (_, i) => 1 / (i + 1));
    const total = weights.reduce((a, b) => a + b, 0);
    const series = weights.map((w) => ({
      complaints: Array.from({ length: days }, () => poisson(next, (3 * w) / total)),
      negative: Array.from({ length: days }, () => poisson(next, (80 * w) / total)),
    }));
    let alarms = 0;
    for (let day = 30; day < days; day++) {
      const subjects: IssueSubject[] = series.map((s, i) => ({
        kind: 'topic',
        key: `t${i}`,
        complaints: s.complaints.slice(0, day + 1),
        negativeMentions: s.negative.slice(0, day + 1),
        openHoax: false,
      }));
      alarms += detectIssues(subjects).length;
    }
    // The false-alarm rate stated in docs/wall.md: none in a simulated year (365 days × 30 topics).
    expect(alarms).toBe(0);
  });

  it('fires on a flood: complaints about it and negative mentions rise together, the flood first', () => {
    const quiet = (n: number, v: number) => Array.from({ length: n }, () => v);
    const flood: IssueSubject = {
      kind: 'topic',
      key: 'Bencana Banjir',
      complaints: [...quiet(30, 0), 3, 6],
      negativeMentions: [...quiet(30, 2), 15, 30],
      openHoax: false,
    };
    const busy: IssueSubject = {
      kind: 'regency',
      key: '62.71',
      complaints: [...quiet(30, 1), 5, 5],
      negativeMentions: [...quiet(30, 3), 12, 10],
      openHoax: false,
    };
    const found = detectIssues([busy, flood]);
    expect(found.map((f) => f.key)).toEqual(['Bencana Banjir', '62.71']);
    expect(found[0]!.complaints.recent).toBe(9);
  });

  it('does not call complaints alone an issue, but does while a hoax about the subject is open', () => {
    const alone: IssueSubject = {
      kind: 'topic',
      key: 'Bantuan Sosial',
      complaints: [...Array.from({ length: 30 }, () => 0), 5, 5],
      negativeMentions: Array.from({ length: 32 }, () => 2),
      openHoax: false,
    };
    expect(detectIssues([alone])).toEqual([]);
    expect(detectIssues([{ ...alone, openHoax: true }]).map((f) => f.key)).toEqual(['Bantuan Sosial']);
  });
});
