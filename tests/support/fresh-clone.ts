import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Copies what a clone of the working tree would contain (tracked files plus untracked, non-ignored ones)
 * into a new temporary folder, so a test can follow the README exactly as a newcomer would. The folder
 * keeps mkdtemp's mode 0700, as `mktemp -d` makes it: a root newcomer's embedded PostgreSQL runs as
 * another user and must still reach its binaries and data there.
 */
export async function freshClone(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pantau-clone-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    const target = path.join(dir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await cp(path.join(REPO_ROOT, file), target).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err; // a tracked file deleted in the working tree
    });
  }
  return dir;
}

export interface StartedProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the first match of `pattern` in the combined output. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  stop(): Promise<number | null>;
}

/** Runs a shell command line (as the README writes it) in `cwd`, collecting its output. */
export function startCommand(commandLine: string, cwd: string, env: NodeJS.ProcessEnv): StartedProcess {
  const child = spawn('bash', ['-c', commandLine], { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    out += chunk.toString();
    for (const l of listeners) l();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = out.match(pattern);
          if (m) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(m);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`timed out waiting for ${pattern}; output:\n${out.slice(-3000)}`));
        }, timeoutMs);
        listeners.add(check);
        void exited.then((code) => {
          if (listeners.has(check)) {
            listeners.delete(check);
            clearTimeout(timer);
            reject(new Error(`process exited (${code}) before ${pattern}; output:\n${out.slice(-3000)}`));
          }
        });
        check();
      });
    },
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      try {
        process.kill(-child.pid!, 'SIGTERM'); // the whole group: pnpm, node, tsx, postgres
      } catch {
        /* already gone */
      }
      const timeout = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* gone */
        }
      }, 20_000);
      const code = await exited;
      clearTimeout(timeout);
      return code;
    },
  };
}

/** The README's commands, read from the README itself so the test and the document cannot drift apart. */
export function readmeCommands(readme: string): { start: string; test: string } {
  const start = /<!-- start-command -->\s*```(?:sh|bash)?\n([^\n]+)\n```/.exec(readme)?.[1];
  const test = /<!-- test-command -->\s*```(?:sh|bash)?\n([^\n]+)\n```/.exec(readme)?.[1];
  if (!start || !test)
    throw new Error('README must mark its two commands with <!-- start-command --> and <!-- test-command -->');
  return { start, test };
}
