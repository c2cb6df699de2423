import { describe, expect, it } from 'vitest';
import { freshnessOf } from './freshness.ts';

const now = new Date('2026-11-23T05:00:00Z');
const source = (stream: 'complaints' | 'ppid' | 'social', minutesAgo: number | null, targetSeconds: number) => ({
  id: `${stream}-${minutesAgo}`,
  stream,
  label: stream,
  lastDeliveryAt: minutesAgo === null ? null : new Date(now.getTime() - minutesAgo * 60_000).toISOString(),
  freshnessTargetSeconds: targetSeconds,
  lastError: null,
});

describe('panel freshness', () => {
  it('is the age of the newest delivery of the stream', () => {
    const hb = { sources: [source('complaints', 10, 3600), source('complaints', 2, 3600), source('ppid', 1, 60)] };
    expect(freshnessOf(hb, 'complaints', now)).toEqual({ ageSeconds: 120, stale: false });
  });

  it('is stale once no source of the stream is within its target', () => {
    const hb = { sources: [source('social', 90, 3600), source('social', 200, 3600)] };
    expect(freshnessOf(hb, 'social', now)).toEqual({ ageSeconds: 5400, stale: true });
  });

  it('is unknown, not stale, before any delivery', () => {
    expect(freshnessOf({ sources: [source('ppid', null, 60)] }, 'ppid', now)).toEqual({
      ageSeconds: null,
      stale: false,
    });
    expect(freshnessOf(null, 'ppid', now)).toEqual({ ageSeconds: null, stale: false });
  });
});
