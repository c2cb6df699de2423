import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { startLiveNode, type LiveNode } from './support/live-node.ts';
import { bump, connect, createCounterTable, deviceToken, eventually } from './support/harness.ts';

describe('database faults', () => {
  let db: TestDatabase;
  let node: LiveNode;
  let token: string;
  beforeAll(async () => {
    db = await createTestDatabase({ label: 'livefault' });
    await createCounterTable(db.pool);
    token = await deviceToken(db.pool);
    node = await startLiveNode({ url: db.url, schema: db.schema });
  });
  afterAll(async () => {
    await node.close();
    await db.drop();
  });

  it('survives every one of its database connections being cut, and recovers by itself', async () => {
    const client = connect(node.url, token, ['opd:kalteng.cut']);
    await bump(db.pool, 'kalteng.cut');
    await eventually(() => expect(client.topics.get('opd:kalteng.cut')?.state.n).toBe(1));
    for (let round = 0; round < 3; round++) {
      // Cut the node's pool, its LISTEN connections and its leader session, mid-flight.
      await db.pool.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 OR (application_name = '' AND query ILIKE 'LISTEN%')`,
        [`pantau-node-${db.schema}`],
      );
      await bump(db.pool, 'kalteng.cut');
      await new Promise((r) => setTimeout(r, 300));
    }
    await eventually(() => expect(client.topics.get('opd:kalteng.cut')?.state.n).toBe(4), 20_000);
    client.close();
  });
});
