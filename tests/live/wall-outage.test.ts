import { issueWallDevice, loadWorkingCalendar } from '@pantau/db';
import { createLogger, loadEnv, startServer, type RunningServer } from '@pantau/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOwnCluster, type OwnCluster } from '../../apps/server/src/faults/own-cluster.ts';
import { verifyComplaintRollups } from '../../apps/server/src/ingest/verify-rollups.ts';
import type { LiveClient } from '../../apps/web/src/live/live-client.ts';
import { connect, eventually } from './support/harness.ts';

const OUTAGE_MS = 30_000;

/** Cuts a client's transport as a network blip would; socket.io reconnects by itself. */
const cut = (client: LiveClient) =>
  (client as unknown as { socket: { io: { engine: { close(): void } } } }).socket.io.engine.close();

// Walls are unattended: one left open through a database outage, one whose connection drops during it and
// one booted during it must all be live again within seconds of the database returning, with no reload.
describe('walls through a database outage', { timeout: 120_000 }, () => {
  let cluster: OwnCluster;
  let server: RunningServer;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    cluster = await startOwnCluster('wall');
    server = await startServer(
      loadEnv({
        DATABASE_URL: cluster.url,
        PORT: '0',
        PANTAU_DEMO: 'off',
        PANTAU_PROVINCE: 'kalteng',
        LOG_LEVEL: 'silent',
      }),
      createLogger(process.env.PANTAU_TEST_LOG ?? 'silent'),
    );
  }, 90_000);
  afterAll(async () => {
    for (const c of clients) c.close();
    await server?.close().catch(() => undefined);
    await cluster?.destroy();
  });

  it('a wall left open, a wall reconnecting and a wall booted during a 30 s outage are all live again after it', async () => {
    const token = await issueWallDevice(server.pool, 'wall-lobby', 'Lobi');
    const opdTopic = `opd:${server.pack.opds[0]!.id}`;
    const open = connect(server.url, token, ['province']);
    const blip = connect(server.url, token, ['province']);
    clients.push(open, blip);
    await eventually(() => {
      for (const c of [open, blip]) {
        expect(c.state).toBe('live');
        expect(c.topics.has('province')).toBe(true);
      }
    }, 20_000);

    await cluster.stop();
    const stoppedAt = Date.now();
    cut(blip); // its reconnect handshake meets the outage
    const booted = connect(server.url, token, ['province', opdTopic]); // a wall switched on during the outage
    clients.push(booted);
    await new Promise((r) => setTimeout(r, 3000));
    open.subscribe(opdTopic); // a scene first shown during the outage
    await new Promise((r) => setTimeout(r, OUTAGE_MS - (Date.now() - stoppedAt)));
    expect(booted.state).not.toBe('live');
    expect(booted.topics.has('province')).toBe(false);

    await cluster.start();
    const back = Date.now();
    await eventually(
      () => {
        for (const c of [open, blip, booted]) {
          expect(c.state).toBe('live');
          expect(c.topics.has('province')).toBe(true);
        }
        expect(open.topics.has(opdTopic)).toBe(true);
        expect(booted.topics.has(opdTopic)).toBe(true);
      },
      30_000,
      100,
    );
    const seconds = (Date.now() - back) / 1000;
    expect(seconds).toBeLessThan(30);
    // Every wall shows the same figures as a fresh one.
    const fresh = connect(server.url, token, ['province']);
    clients.push(fresh);
    await eventually(() => expect(fresh.topics.has('province')).toBe(true), 20_000);
    for (const c of [open, blip, booted])
      expect(c.topics.get('province')!.state).toEqual(fresh.topics.get('province')!.state);

    const calendar = await loadWorkingCalendar(server.pool, server.pack.code, server.pack.timeZone);
    const verdict = await verifyComplaintRollups(server.pool, { pack: server.pack, calendar: () => calendar });
    expect(verdict.ok, JSON.stringify(verdict)).toBe(true);
  });
});
