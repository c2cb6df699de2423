import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { headSeq, readDeltas, topicSnapshot } from '@pantau/db';
import { applyDiff, type JsonObject } from '@pantau/domain';
import { counterBuilder, startLiveNode, type LiveNode } from './support/live-node.ts';
import { bump, connect, createCounterTable, deviceToken, eventually } from './support/harness.ts';

describe('live resume', () => {
  let db: TestDatabase;
  let node: LiveNode;
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'liveresume' });
    await createCounterTable(db.pool);
    token = await deviceToken(db.pool);
    node = await startLiveNode({ url: db.url, schema: db.schema });
  });
  afterAll(async () => {
    await node.close();
    await db.drop();
  });

  it('a client that disconnects, misses 1,000 events and reconnects ends in the state of a fresh client', async () => {
    const client = connect(node.url, token, ['province']);
    await bump(db.pool, 'kalteng.dinkes');
    await eventually(() => expect(client.topics.get('province')?.state.total).toBe(1));
    const seqBefore = client.topics.get('province')!.seq;

    // Drop the connection and stay away while 1,000 events are written.
    client['socket'].disconnect();
    await eventually(() => expect(client.state).toBe('offline'));
    const names = ['kalteng.dinkes', 'kalteng.disdik', 'kalteng.pupr', 'kalteng.dishub'];
    for (let i = 0; i < 1000; i++) await bump(db.pool, names[i % names.length]!);
    // Let the publisher turn them into deltas while the client is away.
    await eventually(async () => expect((await topicSnapshot(db.pool, 'province'))?.state.total).toBe(1001));

    client['socket'].connect();
    await eventually(() => expect(client.topics.get('province')?.state.total).toBe(1001), 15_000);
    expect(client.topics.get('province')!.seq).toBeGreaterThan(seqBefore);
    expect(client.lastSync.get('province')).toBe('replay'); // caught up from the log, not a snapshot
    await eventually(() => expect(client.state).toBe('live'));

    const fresh = connect(node.url, token, ['province']);
    await eventually(() => expect(fresh.topics.get('province')?.state.total).toBe(1001));
    expect(client.topics.get('province')).toEqual(fresh.topics.get('province'));
    // And both equal what the builder computes from the tables right now.
    expect(client.topics.get('province')!.state).toEqual(await counterBuilder(db.pool, 'province'));
    client.close();
    fresh.close();
  });

  it('a topic snapshot equals the fold of all its diffs from the empty state', async () => {
    for (let i = 0; i < 25; i++) await bump(db.pool, `kalteng.opd-${i % 5}`, i);
    await eventually(async () => {
      const snap = await topicSnapshot(db.pool, 'province');
      expect(snap?.state).toEqual(await counterBuilder(db.pool, 'province'));
    });
    const snap = (await topicSnapshot(db.pool, 'province'))!;
    const deltas = await readDeltas(db.pool, { afterSeq: 0, topic: 'province', limit: 100_000 });
    let folded: JsonObject = {};
    let prev = 0;
    for (const d of deltas) {
      expect(d.prevSeq).toBe(prev); // each delta follows on from the one before it
      folded = applyDiff(folded, d.diff);
      prev = d.seq;
    }
    expect(prev).toBe(snap.seq);
    expect(folded).toEqual(snap.state);
  });

  it('a client whose gap is older than the retained log gets a fresh snapshot', async () => {
    const client = connect(node.url, token, ['opd:kalteng.pruned']);
    await bump(db.pool, 'kalteng.pruned');
    await eventually(() => expect(client.topics.get('opd:kalteng.pruned')?.state.n).toBe(1));
    client.close();
    for (let i = 0; i < 5; i++) await bump(db.pool, 'kalteng.pruned');
    await eventually(async () => expect((await topicSnapshot(db.pool, 'opd:kalteng.pruned'))?.state.n).toBe(6));
    // The retention window passes: every delta of the topic is pruned.
    await db.pool.query(`DELETE FROM live_delta WHERE topic = 'opd:kalteng.pruned'`);
    const lastSeq = 1; // well behind
    const again = connect(node.url, token, []);
    again.topics.set('opd:kalteng.pruned', { seq: lastSeq, state: { n: 1 } });
    again.subscribe('opd:kalteng.pruned');
    await eventually(() => expect(again.topics.get('opd:kalteng.pruned')?.state.n).toBe(6));
    expect(again.lastSync.get('opd:kalteng.pruned')).toBe('snapshot');
    again.close();
  });

  it('refuses a /live connection without a valid device token', async () => {
    const client = connect(node.url, 'wall_not-a-real-token', ['province']);
    await eventually(() => expect(client.state).toBe('offline'));
    expect(client.topics.size).toBe(0);
    client.close();
    expect(await headSeq(db.pool)).toBeGreaterThan(0);
  });
});
