import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { freePort, headSeq, issueWallDevice, publishTopics, readDeltas, revokeWallDevice, type Pool } from '@pantau/db';
import { counterBuilder, startLiveNode } from './support/live-node.ts';
import {
  bump,
  connect,
  createCounterTable,
  deviceToken,
  eventually,
  spawnNode,
  type ChildNode,
} from './support/harness.ts';

/** A TCP forwarder standing in for a load balancer: it sends new connections to the current target. */
function balancer(): Promise<{ port: number; target: number; close(): void; cut(): void }> {
  const sockets = new Set<net.Socket>();
  const state = { target: 0 };
  const server = net.createServer((inbound) => {
    const outbound = net.connect(state.target, '127.0.0.1');
    sockets.add(inbound).add(outbound);
    inbound.pipe(outbound).pipe(inbound);
    const end = () => {
      inbound.destroy();
      outbound.destroy();
    };
    inbound.on('error', end).on('close', end);
    outbound.on('error', end).on('close', end);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        get target() {
          return state.target;
        },
        set target(p: number) {
          state.target = p;
        },
        cut() {
          for (const s of sockets) s.destroy();
          sockets.clear();
        },
        close() {
          for (const s of sockets) s.destroy();
          server.close();
        },
      }),
    ),
  );
}

async function assertSeqLogIntact(pool: Pool): Promise<void> {
  const all = await readDeltas(pool, { afterSeq: 0, limit: 1_000_000 });
  expect(all.map((d) => d.seq)).toEqual(all.map((_, i) => i + 1)); // no gap, no duplicate
  const lastByTopic = new Map<string, number>();
  for (const d of all) {
    expect(d.prevSeq).toBe(lastByTopic.get(d.topic) ?? 0); // each topic's chain follows on
    lastByTopic.set(d.topic, d.seq);
  }
}

describe('several nodes on one PostgreSQL', () => {
  let db: TestDatabase;
  let token: string;
  const children: ChildNode[] = [];

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'livemulti' });
    await createCounterTable(db.pool);
    token = await deviceToken(db.pool);
  });
  afterAll(async () => {
    await Promise.all(children.map((c) => c.kill('SIGKILL')));
    await db.drop();
  });

  it('an event written through node A reaches a client on node B', async () => {
    const a = await startLiveNode({ url: db.url, schema: db.schema });
    const b = await startLiveNode({ url: db.url, schema: db.schema });
    try {
      const onB = connect(b.url, token, ['opd:kalteng.bpbpk']);
      await eventually(() => expect(onB.state).toBe('live'));
      await bump(a.engine.publisher.isLeader ? db.newPool(1) : db.pool, 'kalteng.bpbpk', 7);
      await eventually(() => expect(onB.topics.get('opd:kalteng.bpbpk')?.state.n).toBe(7));
      // Exactly one of the two publishes.
      expect([a.engine.publisher.isLeader, b.engine.publisher.isLeader].filter(Boolean)).toHaveLength(1);
      onB.close();
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('revoking a wall device on node A disconnects its screen on node B, for good', async () => {
    const a = await startLiveNode({ url: db.url, schema: db.schema });
    const b = await startLiveNode({ url: db.url, schema: db.schema });
    try {
      const wallToken = await issueWallDevice(db.pool, 'wall-lobby', 'Lobby wall');
      const wall = connect(b.url, wallToken, ['province']);
      await eventually(() => expect(wall.state).toBe('live'));
      expect(await revokeWallDevice(db.pool, 'wall-lobby')).toBe(true);
      await a.engine.gateway.kickDevice('wall-lobby'); // sent from A through the PostgreSQL adapter
      await eventually(() => expect(wall.state).toBe('offline'));
      // It does not come back: the token is refused on every reconnect.
      await new Promise((r) => setTimeout(r, 1500));
      expect(wall.state).toBe('offline');
      wall.close();
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('killing the leader moves publishing to the other node within seconds, with no lost or duplicated seq', async () => {
    const first = await spawnNode(db.url, db.schema);
    children.push(first);
    await bump(db.pool, 'kalteng.dinsos');
    const before = await headSeq(db.pool);
    await eventually(async () => expect(await headSeq(db.pool)).toBeGreaterThan(before)); // first is publishing
    const second = await spawnNode(db.url, db.schema);
    children.push(second);
    const watcher = connect(second.url, token, ['opd:kalteng.dinsos']);
    await eventually(() => expect(watcher.topics.get('opd:kalteng.dinsos')?.state.n).toBe(1));

    await first.kill('SIGKILL'); // a crash: no goodbye, PostgreSQL notices the session is gone
    const killedAt = Date.now();
    await bump(db.pool, 'kalteng.dinsos', 4);
    await eventually(() => expect(watcher.topics.get('opd:kalteng.dinsos')?.state.n).toBe(5), 15_000);
    const takeover = Date.now() - killedAt;
    expect(takeover).toBeLessThan(10_000);
    await assertSeqLogIntact(db.pool);
    watcher.close();
  });

  it('a client follows a switch to another node (through a balancer) and ends in the fresh state', async () => {
    const lb = await balancer();
    const portA = await freePort();
    const nodeA = await spawnNode(db.url, db.schema, portA);
    children.push(nodeA);
    const nodeB = await spawnNode(db.url, db.schema);
    children.push(nodeB);
    lb.target = nodeA.port;
    const client = connect(`http://127.0.0.1:${lb.port}`, token, ['province']);
    await bump(db.pool, 'kalteng.dlh');
    await eventually(async () =>
      expect(client.topics.get('province')?.state).toEqual(await counterBuilder(db.pool, 'province')),
    );

    await nodeA.kill('SIGKILL');
    lb.target = nodeB.port;
    lb.cut();
    for (let i = 0; i < 50; i++) await bump(db.pool, 'kalteng.dlh');
    await eventually(
      async () => expect(client.topics.get('province')?.state).toEqual(await counterBuilder(db.pool, 'province')),
      20_000,
    );
    const fresh = connect(nodeB.url, token, ['province']);
    await eventually(() => expect(fresh.topics.get('province')).toEqual(client.topics.get('province')));
    client.close();
    fresh.close();
    lb.close();
  });

  it('the same holds across a restart of the only node on the same port', async () => {
    const port = await freePort();
    let node = await startLiveNode({ url: db.url, schema: db.schema, port });
    const client = connect(node.url, token, ['opd:kalteng.restart']);
    await bump(db.pool, 'kalteng.restart');
    await eventually(() => expect(client.topics.get('opd:kalteng.restart')?.state.n).toBe(1));
    await node.close();
    await eventually(() => expect(client.state).toBe('offline'));
    for (let i = 0; i < 20; i++) await bump(db.pool, 'kalteng.restart');
    node = await startLiveNode({ url: db.url, schema: db.schema, port });
    await eventually(() => expect(client.topics.get('opd:kalteng.restart')?.state.n).toBe(21), 20_000);
    await eventually(() => expect(client.state).toBe('live'));
    client.close();
    await node.close();
  });
});

describe('delta sequence under concurrent writers', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ label: 'liveseq' });
    await createCounterTable(db.pool);
  });
  afterAll(async () => db.drop());

  it('concurrent publishers never leave a seq gap that a tailer reading seq > cursor skips', async () => {
    const writers = [db.newPool(2), db.newPool(2), db.newPool(2), db.newPool(2)];
    const seen: number[] = [];
    let cursor = 0;
    let done = false;
    const reader = db.newPool(1);
    const tail = (async () => {
      while (!done || cursor < (await headSeq(reader))) {
        const rows = await readDeltas(reader, { afterSeq: cursor });
        for (const r of rows) {
          seen.push(r.seq);
          cursor = r.seq;
        }
      }
    })();
    await Promise.all(
      writers.map(async (pool, w) => {
        for (let i = 0; i < 40; i++) {
          await bump(pool, `kalteng.w${w}-${i % 3}`);
          // Every writer publishes too, racing the others on the live_seq row.
          await publishTopics(pool, counterBuilder);
        }
      }),
    );
    done = true;
    await tail;
    const head = await headSeq(db.pool);
    expect(head).toBeGreaterThan(100);
    expect(seen).toEqual(Array.from({ length: head }, (_, i) => i + 1));
    await assertSeqLogIntact(db.pool);
  });
});
