#!/usr/bin/env node
// `pnpm start`: builds the web app and the server when their sources are newer than the last build, then
// runs one Pantau node with plain `node` (embedded PostgreSQL unless DATABASE_URL is set, the default
// province, the demo feed).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureServerBuild, ensureWebBuild, root } from './build-if-stale.mjs';

ensureWebBuild();
ensureServerBuild();

const child = spawn(process.execPath, [path.join(root, 'apps/server/dist/main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: { NODE_ENV: 'production', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
