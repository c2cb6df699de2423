import { runAsLeader } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('leader election over time', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ label: 'leaderleak', migrate: false });
  });
  afterAll(async () => db.drop());

  it('a follower retrying for a long time grows no listeners on its connections', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    const leaderPool = db.newPool(1);
    const followerPool = db.newPool(1);
    const leader = runAsLeader(leaderPool, { name: 'leak', intervalMs: 5, onElected: () => async () => undefined });
    await new Promise((r) => setTimeout(r, 100));
    expect(leader.isLeader).toBe(true);
    // 300 follower attempts: as many as five minutes of the default one-second interval.
    const follower = runAsLeader(followerPool, {
      name: 'leak',
      intervalMs: 5,
      onElected: () => async () => undefined,
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(follower.isLeader).toBe(false);
    await follower.stop();
    await leader.stop();
    const client = await followerPool.connect();
    try {
      expect(client.listenerCount('error')).toBeLessThanOrEqual(2);
    } finally {
      client.release();
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });
});
