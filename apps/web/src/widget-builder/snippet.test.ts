import { describe, expect, it } from 'vitest';
import { scriptSnippet } from './index.tsx';

const base = {
  kind: 'late' as const,
  scope: 'kalteng.dinkes',
  period: 'month' as const,
  lang: 'id' as const,
  theme: 'auto' as const,
  size: 'normal' as const,
  accent: '',
  live: false,
  token: 'v1.abc.def',
  siteKey: '',
};

describe('the loader line the builder writes', () => {
  it('carries the token for a restricted widget when no site key was issued', () => {
    expect(scriptSnippet('https://pantau.example', base)).toBe(
      '<script src="https://pantau.example/embed.js" data-kind="late" data-scope="kalteng.dinkes" data-token="v1.abc.def" async></script>',
    );
  });

  it('carries the site key instead of the expiring token when the token was issued for a static site', () => {
    const line = scriptSnippet('https://pantau.example', { ...base, siteKey: 'ek_0123456789abcdefghijkl' });
    expect(line).toContain('data-key="ek_0123456789abcdefghijkl"');
    expect(line).not.toContain('data-token');
  });

  it('never puts a key on a public widget', () => {
    expect(
      scriptSnippet('https://pantau.example', { ...base, kind: 'kpi', siteKey: 'ek_0123456789abcdefghijkl' }),
    ).not.toMatch(/data-key|data-token/);
  });
});
