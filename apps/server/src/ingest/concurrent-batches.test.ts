import type { IngestItemResult } from '@pantau/contracts';
import { loadWorkingCalendar, seedProvincePack } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestComplaintBatch, type ComplaintContext } from './complaint-ingest.ts';
import { verifyComplaintRollups } from './verify-rollups.ts';

const pack = loadProvincePack('kalteng');

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('concurrent ingest batches', () => {
  let db: TestDatabase;
  let ctx: ComplaintContext;
  beforeAll(async () => {
    db = await createTestDatabase({ label: 'concurrent' });
    await seedProvincePack(db.pool, pack);
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    ctx = { pack, calendar: () => calendar, now: () => new Date('2026-11-20T02:00:00Z') };
  });
  afterAll(async () => db.drop());

  it('six sources and two lanes of one source, shuffled batches: every valid item is accepted, none rejected', async () => {
    const opds = pack.opds.filter((o) => !o.activeTo).map((o) => o.id);
    const regencies = pack.regencies.map((r) => r.code);
    const lanes = ['lapor', 'web', 'mobile', 'email', 'csv', 'walk-in', 'sms', 'sms'];
    const rounds = 8;
    const perRound = 40;
    const pools = lanes.map(() => db.newPool(2));
    const results: IngestItemResult[] = [];
    await Promise.all(
      lanes.map(async (source, lane) => {
        const random = rng(lane + 1);
        const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
        let previous: string[] = [];
        for (let round = 0; round < rounds; round++) {
          const fresh = Array.from({ length: perRound }, (_, i) => `L${lane}-R${round}-${i}`);
          const items: unknown[] = [
            ...fresh.map((externalId, i) => ({
              externalId,
              event: {
                type: 'submitted',
                eventId: 's',
                occurredAt: new Date(Date.UTC(2026, 10, 2 + round, 1, i)).toISOString(),
                trackingId: `${lane}${round}${i}`,
                channel: 'web',
                classification: 'pengaduan',
                title: 'Aduan',
                body: 'x',
                regencyCode: pick(regencies),
              },
            })),
            ...previous.map((externalId) => ({
              externalId,
              event: {
                type: 'verified',
                eventId: 'v',
                occurredAt: new Date(Date.UTC(2026, 10, 3 + round, 2)).toISOString(),
                opdId: pick(opds),
              },
            })),
          ];
          // Shuffle, so two batches touch the same rollup rows in different orders.
          for (let i = items.length - 1; i > 0; i--) {
            const j = Math.floor(random() * (i + 1));
            [items[i], items[j]] = [items[j], items[i]];
          }
          results.push(...(await ingestComplaintBatch(pools[lane]!, ctx, source, items)));
          previous = fresh;
        }
      }),
    );
    const rejected = results.filter((r) => r.status !== 'accepted');
    expect(rejected.map((r) => r.error?.message)).toEqual([]);
    expect(results.length).toBe(lanes.length * (rounds * perRound + (rounds - 1) * perRound));
    const verdict = await verifyComplaintRollups(db.pool, ctx);
    expect(verdict).toMatchObject({ ok: true, differences: [], negativeStock: [] });
  });
});
