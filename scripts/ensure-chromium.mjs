#!/usr/bin/env node
// Part of `pnpm test`: the browser tests drive Debian's Chromium (they never download a browser). On a
// fresh machine without it, install it with apt when we are root (as on CI and the team's machines);
// otherwise say exactly what to run. PANTAU_CHROMIUM points at another Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.PANTAU_CHROMIUM ?? '/usr/bin/chromium';
if (existsSync(chromium)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!isRoot || !hasApt) {
  process.stderr.write(
    `Chromium is needed for the browser tests and is not at ${chromium}.\n` +
      `Install Debian's package (sudo apt-get install chromium) or set PANTAU_CHROMIUM to a Chromium binary.\n`,
  );
  process.exit(1);
}
process.stderr.write('Installing Debian’s chromium for the browser tests (once)…\n');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [
  ['update', '-qq'],
  ['install', '-y', '-qq', 'chromium'],
]) {
  const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (r.status !== 0) {
    process.stderr.write(`apt-get ${args.join(' ')} failed (exit ${r.status}).\n`);
    process.exit(1);
  }
}
if (!existsSync(chromium)) {
  process.stderr.write(`chromium was installed but is not at ${chromium}; set PANTAU_CHROMIUM.\n`);
  process.exit(1);
}
