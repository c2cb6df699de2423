import type { ComplaintFacts } from '@pantau/domain';
import { describe, expect, it } from 'vitest';
import type { PoolClient } from '../../connection.ts';
import { RollupBatch } from '../live/complaint-rollups.ts';
import { IngestRollupBatch } from './ingest-rollups.ts';

/** A small deterministic generator, so a failure names a seed that reproduces it. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function facts(rnd: () => number): ComplaintFacts {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const at = (base: number) => new Date(Date.UTC(2026, 0, 5) + base + Math.floor(rnd() * 5 * 86_400_000));
  const submittedAt = at(0);
  const maybe = () => (rnd() < 0.5 ? at(2 * 86_400_000) : null);
  const firstFollowUpAt = maybe();
  return {
    opdId: pick(['dinkes', 'dishub', null]),
    regencyCode: pick(['62.01', '62.71', null]),
    channel: pick(['web', 'sms']),
    topic: pick(['jalan', '', null]),
    classification: pick(['pengaduan', 'aspirasi']),
    submittedAt,
    verifiedAt: maybe(),
    firstFollowUpAt,
    completedAt: maybe(),
    deletedAt: rnd() < 0.1 ? at(3 * 86_400_000) : null,
    followUpWorkingDays: firstFollowUpAt ? Math.floor(rnd() * 8) : null,
    followUpOnTime: firstFollowUpAt ? rnd() < 0.5 : null,
    open: rnd() < 0.6,
    status: pick(['belum_diverifikasi', 'ditindaklanjuti', 'selesai']),
    deadlineState: pick(['on_time', 'at_risk', 'overdue', 'none']),
    escalated: rnd() < 0.2,
  };
}

/** A change that keeps what a real next event keeps: mostly the dimensions, sometimes not. */
function changed(before: ComplaintFacts, rnd: () => number): ComplaintFacts {
  const next = facts(rnd);
  if (rnd() < 0.7)
    return {
      ...next,
      opdId: before.opdId,
      regencyCode: before.regencyCode,
      channel: before.channel,
      topic: before.topic,
      classification: before.classification,
      submittedAt: before.submittedAt,
      verifiedAt: rnd() < 0.5 ? before.verifiedAt : next.verifiedAt,
      firstFollowUpAt: rnd() < 0.5 ? before.firstFollowUpAt : next.firstFollowUpAt,
      followUpWorkingDays: before.followUpWorkingDays,
      followUpOnTime: before.followUpOnTime,
    };
  return next;
}

/** What `flush` sends, each row's keys sorted (the counters may be gathered in another order). */
async function written(batch: RollupBatch): Promise<unknown[]> {
  const sent: unknown[] = [];
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sortKeys)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
        : v;
  const client = {
    query: (sql: string, params: unknown[] = []) => {
      sent.push({
        table: /INSERT INTO (\w+)/.exec(sql)?.[1] ?? sql,
        params: params.map((p) => (typeof p === 'string' ? sortKeys(JSON.parse(p)) : p)),
      });
      return Promise.resolve({ rows: [] });
    },
  } as unknown as PoolClient;
  await batch.flush(client);
  return sent;
}

describe('IngestRollupBatch', () => {
  it('writes exactly the rows RollupBatch writes for the same changes, new cases and moved ones alike', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rnd = random(seed);
      const slow = new RollupBatch('Asia/Jakarta');
      const fast = new IngestRollupBatch('Asia/Jakarta');
      for (let i = 0; i < 200; i++) {
        const before = rnd() < 0.4 ? null : facts(rnd);
        const after = before ? changed(before, rnd) : facts(rnd);
        slow.add(before, after);
        fast.add(before, after);
      }
      expect(await written(fast), `seed ${seed}`).toEqual(await written(slow));
    }
  });
});
