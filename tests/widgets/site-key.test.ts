import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { embedSecret } from '@pantau/db';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signGrant } from '../../apps/server/src/widgets/tokens.ts';
import { launchBrowser } from '../support/browser.ts';
import { startPantau, type Pantau } from '../support/pantau.ts';

// A restricted widget on a static OPD website, with no server of its own to sign tokens: months after
// it was pasted, a new visitor must still see it.
describe('a restricted embed on a static site', () => {
  let pantau: Pantau;
  let browser: Browser;
  let host: Server;
  let hostUrl = '';
  let opd = '';
  const pages = new Map<string, string>();

  beforeAll(async () => {
    pantau = await startPantau({ label: 'sitekey' });
    opd = pantau.server.pack.opds[0]!.id;
    host = createServer((req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(pages.get(req.url ?? '/') ?? '<!doctype html><title>404</title>');
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    // `localhost` and another port: an origin other than Pantau's.
    hostUrl = `http://localhost:${(host.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => host?.close(r));
    await pantau?.close();
  });

  const page = (line: string) =>
    `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Dinas</title></head><body><h1>Dinas</h1>
<div style="width:480px">${line}</div></body></html>`;

  it('a new visitor gets a fresh token from the site key, where a pasted token has long expired', async () => {
    const admin = await pantau.bearer('admin');
    const res = await fetch(`${pantau.url}/api/widgets/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'Situs Dinkes', kinds: ['late'], opds: [opd], ttlMinutes: 5, origins: [hostUrl] }),
    });
    expect(res.status).toBe(201);
    const { id, siteKey } = (await res.json()) as { id: string; siteKey: string };
    // What a page pasted with a token a while ago carries: the same grant, expired an hour ago.
    const stale = signGrant(await embedSecret(pantau.server.pool), {
      id,
      kinds: ['late'],
      opds: [opd],
      exp: Math.floor(Date.now() / 1000) - 3600,
      ttl: 300,
    });
    const loader = `${pantau.url}/embed.js`;
    pages.set(
      '/token',
      page(`<script src="${loader}" data-kind="late" data-scope="${opd}" data-token="${stale}" async></script>`),
    );
    pages.set(
      '/key',
      page(`<script src="${loader}" data-kind="late" data-scope="${opd}" data-key="${siteKey}" async></script>`),
    );

    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.goto(`${hostUrl}/token`);
    const broken = tab.locator('iframe').contentFrame();
    await expect.poll(() => broken.locator('body').innerText(), { timeout: 15_000 }).toMatch(/token/i);
    expect(await broken.locator('body').innerText()).not.toMatch(/Aduan terlambat/);

    await tab.goto(`${hostUrl}/key`);
    const frame = tab.locator('iframe').contentFrame();
    await expect.poll(() => frame.locator('body').innerText(), { timeout: 15_000 }).toMatch(/Aduan terlambat/);
    const src = await tab.locator('iframe').getAttribute('src');
    expect(new URL(src!).searchParams.get('token')).toMatch(/^v1\./);
    expect(errors).toEqual([]);
  });

  it('the same line on another site shows no figures', async () => {
    const admin = await pantau.bearer('admin');
    const res = await fetch(`${pantau.url}/api/widgets/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        label: 'Situs lain',
        kinds: ['late'],
        opds: [opd],
        origins: ['https://dinkes.example.go.id'],
      }),
    });
    const { siteKey } = (await res.json()) as { siteKey: string };
    pages.set(
      '/copied',
      page(
        `<script src="${pantau.url}/embed.js" data-kind="late" data-scope="${opd}" data-key="${siteKey}" async></script>`,
      ),
    );
    const tab = await browser.newPage();
    await tab.goto(`${hostUrl}/copied`);
    const frame = tab.locator('iframe').contentFrame();
    await expect.poll(() => frame.locator('body').innerText(), { timeout: 15_000 }).toMatch(/token/i);
    expect(await frame.locator('body').innerText()).not.toMatch(/Aduan terlambat/);
  });
});
