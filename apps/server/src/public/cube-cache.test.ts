import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestComplaintBatch } from '../ingest/complaint-ingest.ts';
import { PublicCubeCache } from './cube.ts';
import { seedLeakFixture } from './testing/leak-fixture.ts';

const pack = loadProvincePack('kalteng');

describe('the public cube cache', () => {
  let db: TestDatabase;
  let fixture: Awaited<ReturnType<typeof seedLeakFixture>>;
  beforeAll(async () => {
    db = await createTestDatabase({ label: 'cubecache' });
    fixture = await seedLeakFixture(db.pool, pack);
  });
  afterAll(async () => db.drop());

  it(
    'keeps the same cube (and time) when a rebuild finds the same figures, and a new one when a figure moves',
    { timeout: 90_000 },
    async () => {
      // maxAge 0: every get rebuilds, as an aged cube would.
      const cache = new PublicCubeCache(db.pool, pack, 5, { maxAgeMs: 0 });
      const first = await cache.get(new Date());
      await new Promise((r) => setTimeout(r, 20));
      const again = await cache.get(new Date());
      expect(again).toBe(first);
      expect(again.generatedAt).toEqual(first.generatedAt);
      // A new complaint moves the province's count: a new cube, computed now.
      await ingestComplaintBatch(db.pool, fixture.ctx, 'cubecache', [
        {
          externalId: 'cc-1',
          event: {
            type: 'submitted',
            eventId: 's',
            occurredAt: new Date(Date.now() - 60_000).toISOString(),
            trackingId: '8812345',
            channel: 'web',
            classification: 'pengaduan',
            title: 'Lampu mati',
            body: 'Lampu jalan mati',
            regencyCode: pack.capitalRegencyCode,
          },
        },
      ]);
      // Rebuilds wait twice the last one's duration: the new figures come within that (on a loaded
      // machine a rebuild can take seconds, so the wait is bounded by time, not by a count of tries).
      let moved = await cache.get(new Date());
      for (const until = Date.now() + 60_000; moved === first && Date.now() < until;) {
        await new Promise((r) => setTimeout(r, 50));
        moved = await cache.get(new Date());
      }
      expect(moved).not.toBe(first);
      expect(moved.value('province', 'm:rec')).toBe(first.value('province', 'm:rec') + 1);
      expect(moved.generatedAt.getTime()).toBeGreaterThan(first.generatedAt.getTime());
    },
  );
});
