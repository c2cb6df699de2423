import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');

/**
 * A real Pantau node (`node --import tsx apps/server/src/main.ts`: one process, so a SIGKILL kills the
 * server itself, not a `tsx` wrapper that would leave it running) in a child process.
 */
export interface NodeProcess {
  url: string;
  /** Everything it wrote to stdout and stderr. */
  logs(): string;
  /** True once it exited, however. */
  readonly exited: boolean;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Answers the HTTP status of `url`, or null when nothing answers. */
export async function httpStatus(url: string): Promise<number | null> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).status;
  } catch {
    return null;
  }
}

/** Starts a node on `port` against `databaseUrl`; resolves once `/readyz` answers 200. */
export async function startNodeProcess(
  databaseUrl: string,
  port: number,
  env: Record<string, string> = {},
  readyWithinMs = 45_000,
): Promise<NodeProcess> {
  let out = '';
  let exited = false;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      PANTAU_DEMO: 'off',
      PANTAU_WEB_DIST: path.join(repoRoot, 'nonexistent-web-dist'),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const gone = new Promise<void>((r) =>
    child.once('exit', () => {
      exited = true;
      r();
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const node: NodeProcess = {
    url,
    logs: () => out,
    get exited() {
      return exited;
    },
    async kill(signal) {
      if (exited) return;
      child.kill(signal);
      await Promise.race([gone, new Promise((r) => setTimeout(r, 15_000))]);
      if (!exited) {
        child.kill('SIGKILL');
        await gone;
      }
    },
  };
  const until = Date.now() + readyWithinMs;
  while ((await httpStatus(`${url}/readyz`)) !== 200) {
    if (exited) throw new Error(`node exited before ready:\n${out}`);
    if (Date.now() > until) {
      await node.kill('SIGKILL');
      throw new Error(`node not ready within ${readyWithinMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return node;
}
