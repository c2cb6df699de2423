#!/usr/bin/env node
// `pnpm cli <name> [args…]` (and `pnpm user …`): runs an operator CLI from the server's build
// (apps/server/dist/cli-<name>.js, built first when stale) with plain `node`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ensureServerBuild, root } from './build-if-stale.mjs';

const [name, ...args] = process.argv.slice(2);
const available = () =>
  readdirSync(path.join(root, 'apps/server/src/cli'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.replace(/\.ts$/, ''));
if (!name || !available().includes(name)) {
  process.stderr.write(`usage: pnpm cli <${available().join('|')}> [arguments]\n`);
  process.exit(2);
}
ensureServerBuild();
const entry = path.join(root, 'apps/server/dist', `cli-${name}.js`);
if (!existsSync(entry)) {
  process.stderr.write(`${entry} is missing after the build\n`);
  process.exit(1);
}
// pnpm runs root scripts in the root: file arguments stay relative to where the operator typed the command.
const r = spawnSync(process.execPath, [entry, ...args], {
  stdio: 'inherit',
  cwd: process.env.INIT_CWD ?? process.cwd(),
});
process.exit(r.status ?? 1);
