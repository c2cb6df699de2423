import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildWebApp } from './web-build.ts';

let dir: string | undefined;

/**
 * Builds the web app once per test run into a directory of its own (so runs side by side never share a
 * half-written bundle) and hands its path to the browser tests as `webDist`.
 */
export function setup(project: TestProject): void {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pantau-web-'));
  buildWebApp(dir);
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
