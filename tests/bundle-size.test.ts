import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

/** The JavaScript a route downloads: the entry, the route's chunk and everything they import statically. */
function routeBytes(dist: string, route: string): number {
  const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  visit('index.html');
  visit(route);
  return [...seen].reduce((sum, key) => sum + statSync(path.join(dist, manifest[key]!.file)).size, 0);
}

// Each screen is its own chunk (apps/web/src/app.tsx): the console must not pay for the wall's charts, and
// no screen ships the whole of zod and every wire schema. Sizes are of the minified files; figures per
// route are recorded in docs/performance.md. (Before route splitting every screen loaded one 1,123 KB chunk.)
describe('what each screen downloads', () => {
  const dist = inject('webDist');
  const kb = (route: string) => Math.round(routeBytes(dist, route) / 1024);

  it('the console loads under 500 KB of JavaScript', () => {
    expect(kb('src/pages/console.tsx')).toBeLessThan(500);
  });

  it('the widget builder loads under 400 KB, the wall and the dashboard under 1,000 KB', () => {
    expect(kb('src/widget-builder/index.tsx')).toBeLessThan(400);
    expect(kb('src/pages/wall.tsx')).toBeLessThan(1000);
    expect(kb('src/pages/dashboard.tsx')).toBeLessThan(1000);
  });

  it('the console does not load the wall scenes (ECharts)', () => {
    const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
    const consoleImports = manifest['src/pages/console.tsx']?.imports ?? [];
    expect(consoleImports.some((k) => k.includes('scenes'))).toBe(false);
  });
});
