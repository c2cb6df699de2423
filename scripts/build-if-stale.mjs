// Builds what `pnpm start` and the operator CLIs run, when its sources are newer than the last build:
// the web app (apps/web/dist) and the server bundle (apps/server/dist). A fresh clone builds both at its
// first start; later starts rebuild only what changed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry, { withFileTypes: true })) {
    if (child.name === 'node_modules' || child.name === 'dist') continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child.name)));
  }
  return newest;
}

function buildIfStale(what, output, sources, command) {
  const built = path.join(root, output);
  const sourceMtime = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
  if (existsSync(built) && statSync(built).mtimeMs >= sourceMtime) return;
  process.stderr.write(`Building ${what}…\n`);
  const r = spawnSync(command[0], command.slice(1), { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** The web app the server serves. */
export function ensureWebBuild() {
  buildIfStale(
    'the web app',
    'apps/web/dist/index.html',
    ['apps/web/src', 'apps/web/public', 'apps/web/index.html', 'apps/web/vite.config.ts', 'packages/contracts/src'],
    ['pnpm', '--filter', '@pantau/web', 'build'],
  );
}

/** The server and its CLIs, bundled to plain JavaScript for `node` (apps/server/build.mjs). */
export function ensureServerBuild() {
  buildIfStale(
    'the server',
    'apps/server/dist/main.js',
    ['apps/server/src', 'apps/server/build.mjs', 'apps/server/package.json', 'packages'],
    [process.execPath, 'apps/server/build.mjs'],
  );
}
