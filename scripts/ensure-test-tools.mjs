#!/usr/bin/env node
// Part of `pnpm test`: the tools the tests drive from Debian's packages (never downloaded by npm).
// - chromium: the browser tests need it; missing, it is installed with apt when we are root (as on CI
//   and the team's machines), otherwise the run stops saying exactly what to install. PANTAU_CHROMIUM
//   points at another Chromium.
// - nginx-light: the reverse-proxy test (tests/operations/reverse-proxy.test.ts) puts two nodes behind
//   it; missing, it is installed the same way when we can, otherwise that one test is skipped.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.PANTAU_CHROMIUM ?? '/usr/bin/chromium';
const hasNginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].some(existsSync);
const missing = [...(existsSync(chromium) ? [] : ['chromium']), ...(hasNginx ? [] : ['nginx-light'])];
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!isRoot || !hasApt) {
  if (missing.includes('chromium')) {
    process.stderr.write(
      `Chromium is needed for the browser tests and is not at ${chromium}.\n` +
        `Install Debian's package (sudo apt-get install chromium) or set PANTAU_CHROMIUM to a Chromium binary.\n`,
    );
    process.exit(1);
  }
  process.stderr.write(
    'nginx is not installed: the reverse-proxy test is skipped (sudo apt-get install nginx-light).\n',
  );
  process.exit(0);
}
process.stderr.write(`Installing Debian’s ${missing.join(' and ')} for the tests (once)…\n`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [
  ['update', '-qq'],
  ['install', '-y', '-qq', ...missing],
]) {
  const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (r.status !== 0) {
    process.stderr.write(`apt-get ${args.join(' ')} failed (exit ${r.status}).\n`);
    // Without nginx only the reverse-proxy test is skipped; without chromium the browser tests cannot run.
    process.exit(missing.includes('chromium') ? 1 : 0);
  }
}
if (!existsSync(chromium)) {
  process.stderr.write(`chromium was installed but is not at ${chromium}; set PANTAU_CHROMIUM.\n`);
  process.exit(1);
}
