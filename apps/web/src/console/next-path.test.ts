import { describe, expect, it } from 'vitest';
import { safeNextPath } from './next-path.ts';

/** Issue 13 item 11: sign-in's `next=` never leaves the site. */
describe('the path sign-in returns to', () => {
  const origin = 'https://pantau.kalteng.go.id';
  const landing = (next: string) => new URL(safeNextPath(next, origin), origin);

  it('keeps a path of this site with its query and hash', () => {
    expect(safeNextPath('/dashboard?scope=kalteng.dinkes#ppid', origin)).toBe('/dashboard?scope=kalteng.dinkes#ppid');
    expect(safeNextPath(null, origin)).toBe('/console');
  });

  it('never sends the browser to another site, however the path is disguised', () => {
    for (const next of [
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '\\\\evil.example',
      '//evil.example',
      '/\\/evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      '/%2F%2Fevil.example',
      ' //evil.example',
      '/\u0000/evil.example',
    ]) {
      const url = landing(next);
      expect(url.origin, JSON.stringify(next)).toBe(origin);
      // What the browser does with it: resolve it against the page, as window.location.assign does.
      expect(new URL(safeNextPath(next, origin), `${origin}/console/login`).origin, JSON.stringify(next)).toBe(origin);
      expect(safeNextPath(next, origin)).toMatch(/^\/(?![/\\])/);
    }
  });
});
