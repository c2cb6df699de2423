import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ENV_VARIABLES, loadEnv } from './env.ts';

const run = promisify(execFile);
const guide = readFileSync(path.resolve(import.meta.dirname, '../../../docs/operations.md'), 'utf8');

/** The fenced block that follows `marker` in docs/operations.md. */
function blockAfter(marker: string): string {
  const at = guide.indexOf(marker);
  if (at < 0) throw new Error(`docs/operations.md no longer has ${marker}`);
  const m = /```[a-z]*\n([\s\S]*?)```/.exec(guide.slice(at));
  if (!m) throw new Error(`no code block after ${marker}`);
  return m[1]!;
}

// docs/operations.md's install section, the parts a container without systemd can still check as written:
// the environment file (every name a setting Pantau reads, every value valid once the placeholders are
// filled) and the systemd unit (systemd's own verifier, which also checks that ExecStart exists).
describe('the production install’s files, as docs/operations.md writes them', () => {
  it('the environment file names only settings Pantau reads, and they start a node once filled in', () => {
    const file = blockAfter('e.g. `/etc/pantau/pantau.env`');
    const entries = file
      .split('\n')
      .filter((l) => l.trim() && !l.trimStart().startsWith('#'))
      .map((l) => {
        const eq = l.indexOf('=');
        return [l.slice(0, eq), l.slice(eq + 1)] as const;
      });
    expect(entries.length).toBeGreaterThan(8);
    expect(entries.map(([k]) => k).filter((k) => k !== 'NODE_ENV' && !ENV_VARIABLES.includes(k))).toEqual([]);
    const filled = Object.fromEntries(
      entries.map(([k, v]) => [k, v.replace('<password>', 'secret').replace(/<[a-z]+>/g, 'x'.repeat(48))]),
    );
    const env = loadEnv(filled);
    expect(env.NODE_ENV).toBe('production');
    expect(env.DATABASE_URL).toMatch(/^postgres:\/\//);
    expect(env.PANTAU_REAL_SOURCES).toBe(true);
  });

  it.runIf(existsSync('/usr/bin/systemd-analyze'))('the systemd unit passes systemd-analyze verify', async () => {
    const unit = blockAfter('`/etc/systemd/system/pantau.service`');
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/node apps\/server\/dist\/main\.js$/m);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pantau-unit-'));
    try {
      await writeFile(path.join(dir, 'pantau.service'), unit);
      // Non-zero exit (and a message on stderr) for an unknown key, a bad value or a missing binary.
      const { stderr } = await run('systemd-analyze', ['verify', path.join(dir, 'pantau.service')]);
      expect(stderr.split('\n').filter((l) => l.includes('pantau.service'))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
