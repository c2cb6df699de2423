import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createPool, freePort, loadWorkingCalendar } from '@pantau/db';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyComplaintRollups } from '../ingest/verify-rollups.ts';
import { startOwnCluster, type OwnCluster } from './own-cluster.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');

async function status(url: string): Promise<number | null> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).status;
  } catch {
    return null;
  }
}

async function until<T>(what: string, fn: () => Promise<T | null | false>, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('a node started while PostgreSQL is down', { timeout: 90_000 }, () => {
  let cluster: OwnCluster;
  let node: ChildProcess | undefined;
  let exitCode: number | null = null;
  let logs = '';

  beforeAll(async () => {
    cluster = await startOwnCluster('startup');
    await cluster.stop();
  }, 60_000);
  afterAll(async () => {
    if (node && node.exitCode === null) {
      const exited = new Promise((r) => node!.once('exit', r));
      node.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (node.exitCode === null) node.kill('SIGKILL');
    }
    await cluster?.destroy();
  });

  it('waits with back-off, answering /healthz and /readyz 503, and serves once the database is up', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    node = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        DATABASE_URL: cluster.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        PANTAU_DEMO: 'off',
        PANTAU_PROVINCE: 'kalteng',
        PANTAU_WEB_DIST: path.join(repoRoot, 'nonexistent-web-dist'),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    node.stdout!.on('data', (b: Buffer) => (logs += b.toString()));
    node.stderr!.on('data', (b: Buffer) => (logs += b.toString()));
    node.once('exit', (code) => (exitCode = code ?? -1));

    // The HTTP port answers while the database is still down: not healthy, not ready.
    await until(
      'the node to answer',
      async () => (await status(`${base}/healthz`)) !== null || exitCode !== null,
      30_000,
    );
    expect(exitCode, logs).toBeNull();
    expect(await status(`${base}/healthz`)).toBe(503);
    expect(await status(`${base}/readyz`)).toBe(503);
    // Well past the 1.4 s after which it used to give up, it is still waiting, and says why.
    await new Promise((r) => setTimeout(r, 4000));
    expect(exitCode, logs).toBeNull();
    expect(logs).toMatch(/waiting for the database/);

    await cluster.start();
    await until('/readyz 200', async () => (await status(`${base}/readyz`)) === 200, 45_000);
    expect(await status(`${base}/healthz`)).toBe(200);
    expect(exitCode).toBeNull();

    const pool = createPool({ connectionString: cluster.url, max: 2 });
    try {
      const pack = loadProvincePack('kalteng');
      const calendar = await loadWorkingCalendar(pool, pack.code, pack.timeZone);
      expect(await verifyComplaintRollups(pool, { pack, calendar: () => calendar })).toMatchObject({ ok: true });
    } finally {
      await pool.end();
    }
  });
});
