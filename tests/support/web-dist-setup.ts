import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

let dir: string | undefined;

/**
 * Builds the web app once per test run into a directory of its own (so runs side by side never share a
 * half-written bundle) and hands its path to the browser tests as `webDist`.
 */
export function setup(project: TestProject): void {
  const root = path.resolve(import.meta.dirname, '../..');
  dir = mkdtempSync(path.join(os.tmpdir(), 'pantau-web-'));
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      path.join(root, 'apps/web/vite.config.ts'),
      '--outDir',
      dir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (r.status !== 0) throw new Error(`web build failed (exit ${r.status})`);
  project.provide('webDist', dir);
}

export function teardown(): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    webDist: string;
  }
}
