import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** Builds the web app into `outDir` with the workspace's vite (tests and benches serve it from there). */
export function buildWebApp(outDir: string): void {
  const root = path.resolve(import.meta.dirname, '../..');
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      path.join(root, 'apps/web/vite.config.ts'),
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    // Vitest sets NODE_ENV=test; the bundle under test must be the production one users get (React's
    // production build, minified), not a development build.
    { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (r.status !== 0) throw new Error(`web build failed (exit ${r.status})`);
}
