import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { issueWallDevice, touchTopics, withTransaction, type Pool } from '@pantau/db';
import { LiveClient } from '../../../apps/web/src/live/live-client.ts';

export const LIVE_NODE_SCRIPT = path.resolve(import.meta.dirname, 'live-node.ts');
const REPO = path.resolve(import.meta.dirname, '../../..');

export async function createCounterTable(pool: Pool): Promise<void> {
  await pool.query('CREATE TABLE IF NOT EXISTS live_test_counter (name text PRIMARY KEY, n int NOT NULL)');
}

/** One "ingest": bumps a counter and marks its topics changed, in one transaction. */
export async function bump(pool: Pool, name: string, by = 1): Promise<void> {
  await withTransaction(pool, async (c) => {
    await c.query(
      `INSERT INTO live_test_counter (name, n) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET n = live_test_counter.n + $2`,
      [name, by],
    );
    await touchTopics(c, ['province', `opd:${name}`, 'public:province']);
  });
}

export async function deviceToken(pool: Pool): Promise<string> {
  return issueWallDevice(pool, `wall-${Math.random().toString(36).slice(2, 8)}`, 'Test wall');
}

export function connect(url: string, token: string, topics: string[]): LiveClient {
  const client = new LiveClient({
    url,
    namespace: '/live',
    auth: { deviceToken: token },
    socketOptions: { transports: ['websocket'], forceNew: true },
  });
  for (const t of topics) client.subscribe(t);
  return client;
}

/** Polls until `check` passes (or throws its last error after `timeoutMs`). */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 10_000, stepMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, stepMs));
    }
  }
}

export interface ChildNode {
  port: number;
  url: string;
  child: ChildProcess;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts a live node in its own process, so a test can kill it like a crashed server. */
export async function spawnNode(databaseUrl: string, schema: string, port = 0): Promise<ChildNode> {
  // One process (node with tsx's loader), not the tsx CLI, which would leave its node child running
  // when the test kills it.
  const child = spawn(process.execPath, ['--import', 'tsx', LIVE_NODE_SCRIPT, databaseUrl, schema, String(port)], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const got = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`node did not start: ${out}`)), 30_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`node exited ${code}: ${out}`)));
  });
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  return {
    port: got,
    url: `http://127.0.0.1:${got}`,
    child,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null) child.kill(signal);
      await exited;
    },
  };
}
