import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadProvincePack } from '@pantau/provinces';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedSecret } from '@pantau/db';
import { LEAK_MARKER, seedLeakFixture } from '../../apps/server/src/public/testing/leak-fixture.ts';
import { signGrant } from '../../apps/server/src/widgets/tokens.ts';
import { launchBrowser } from '../support/browser.ts';
import { startPantau, type Pantau } from '../support/pantau.ts';

// A webmaster pastes the loader line into a plain page on their own site: the widget must appear at
// its own height, in the theme asked for, and carry nothing private.
describe('the one-line widget loader on another site', () => {
  let pantau: Pantau;
  let host: Server;
  let hostUrl = '';
  let browser: Browser;

  beforeAll(async () => {
    pantau = await startPantau({ label: 'embed' });
    await seedLeakFixture(pantau.server.pool, loadProvincePack('kalteng'));
    // `localhost` vs `127.0.0.1` and another port: a different origin from Pantau's.
    const pantauOrigin = pantau.url;
    host = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Dinas Kesehatan</title></head>
<body style="margin:0;font-family:sans-serif"><h1>Situs Dinas Kesehatan</h1>
<div style="width:420px"><script src="${pantauOrigin}/embed.js" data-kind="kpi" data-theme="light" async></script></div>
<div style="width:640px"><script src="${pantauOrigin}/embed.js" data-kind="trend" data-theme="dark" data-lang="en" async></script></div>
<p>Kaki halaman</p></body></html>`);
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostUrl = `http://localhost:${(host.address() as AddressInfo).port}/`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => host?.close(r));
    await pantau?.close();
  });

  it('shows each widget at the height of its content, in light and in dark, with no console error', async () => {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    tab.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await tab.goto(hostUrl);
    await expect.poll(() => tab.locator('iframe').count(), { timeout: 10_000 }).toBe(2);
    const frames = tab.locator('iframe');
    for (const [i, expected] of [
      [0, { bg: 'rgb(255, 255, 255)', text: /Aduan masuk/ }],
      [1, { bg: 'rgb(15, 27, 36)', text: /Complaints per day/ }],
    ] as const) {
      const frame = frames.nth(i).contentFrame();
      await frame.locator('main').waitFor({ timeout: 15_000 });
      expect(await frame.locator('main').innerText()).toMatch(expected.text);
      expect(await frame.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(expected.bg);
      // The frame grows to its content (from the loader's 180 px default) and stops there.
      await expect
        .poll(
          async () => {
            const content = await frame.locator('html').evaluate((h) => h.scrollHeight);
            const box = await frames.nth(i).boundingBox();
            return Math.abs((box?.height ?? 0) - content);
          },
          { timeout: 10_000 },
        )
        .toBeLessThanOrEqual(2);
      expect(await frames.nth(i).getAttribute('title')).toBeTruthy();
    }
    // The widgets take the host page's font (sans-serif here), ahead of the system fonts.
    for (const i of [0, 1]) {
      expect(new URL((await frames.nth(i).getAttribute('src'))!).searchParams.get('font')).toBe('sans-serif');
      expect(
        await frames
          .nth(i)
          .contentFrame()
          .locator('body')
          .evaluate((b) => getComputedStyle(b).fontFamily),
      ).toMatch(/^sans-serif, system-ui/);
    }
    // Different sizes: the trend (640 px wide) is taller than the 180 px default and than the KPI card.
    const heights = await Promise.all([0, 1].map(async (i) => (await frames.nth(i).boundingBox())!.height));
    expect(heights[1]).toBeGreaterThan(180);
    expect(heights[0]).not.toBe(heights[1]);
    const all = (await Promise.all([0, 1].map((i) => frames.nth(i).contentFrame().locator('html').innerHTML()))).join(
      '',
    );
    expect(all).not.toMatch(LEAK_MARKER);
    expect(errors).toEqual([]);
  });

  it('renews a restricted widget’s token before it expires, without reloading the page', async () => {
    const admin = await pantau.bearer('admin');
    const opd = pantau.server.pack.opds[0]!.id;
    const res = await fetch(`${pantau.url}/api/widgets/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'Situs Dinkes', kinds: ['late'], opds: [opd], ttlMinutes: 30 }),
    });
    const { id } = (await res.json()) as { id: string };
    // The same grant, but about to expire: the page must renew it in the last minute.
    const exp = Math.floor(Date.now() / 1000) + 63;
    const token = signGrant(await embedSecret(pantau.server.pool), {
      id,
      kinds: ['late'],
      opds: [opd],
      exp,
      ttl: 1800,
    });
    const tab = await browser.newPage();
    await tab.goto(`${pantau.url}/embed/late?scope=${opd}&token=${token}`);
    await tab.getByText('Aduan terlambat', { exact: false }).first().waitFor();
    await expect
      .poll(async () => Number(await tab.locator('body').getAttribute('data-token-exp')), { timeout: 20_000 })
      .toBeGreaterThan(exp + 600);
    const renewed = new URL(tab.url()).searchParams.get('token');
    expect(renewed).not.toBe(token);
    // The renewed token opens the widget on its own.
    expect((await fetch(`${pantau.url}/embed/late?scope=${opd}&token=${renewed}`)).status).toBe(200);
  });

  it('reads without scripts: the figures are in the page itself', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const tab = await ctx.newPage();
    await tab.goto(`${pantau.url}/embed/kpi`);
    expect(await tab.getByTestId('kpi-value').innerText()).toBe('14');
    await ctx.close();
  });
});
