import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WIDGET_KINDS } from '@pantau/contracts';
import { loadProvincePack } from '@pantau/provinces';
import type { Browser, Frame, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLeakFixture } from '../../apps/server/src/public/testing/leak-fixture.ts';
import { launchBrowser } from '../support/browser.ts';
import { startPantau, type Pantau } from '../support/pantau.ts';

const WIDTHS = [280, 360, 768, 1200] as const;
const THEMES = ['light', 'dark'] as const;
const SIZES = ['normal', 'compact'] as const;

/**
 * What overflows the widget page horizontally: the page's own scroll width, and every element whose
 * box reaches past the frame's edges (content clipped by an `overflow: hidden` ancestor included).
 */
async function overflowIn(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const doc = document.documentElement;
    const width = doc.clientWidth;
    const found: string[] = [];
    if (doc.scrollWidth > width) found.push(`page scrolls: ${doc.scrollWidth} > ${width}`);
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right > width + 0.5 || r.left < -0.5) {
        const text = (el.textContent ?? '').trim().slice(0, 30);
        found.push(
          `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} [${Math.round(r.left)}, ${Math.round(r.right)}] "${text}"`,
        );
      }
    }
    return found.slice(0, 5);
  });
}

/** How far the frame's height is from its content's (a clipped or padded widget). */
async function heightGap(iframe: Locator, frame: Frame): Promise<number> {
  const content = await frame.evaluate(() => document.documentElement.scrollHeight);
  const box = await iframe.boundingBox();
  return Math.abs((box?.height ?? 0) - content);
}

/** Scrolls a lazy frame into view and waits for its widget to be drawn. */
async function settle(iframe: Locator): Promise<Frame> {
  await iframe.scrollIntoViewIfNeeded();
  const frame = await (await iframe.elementHandle())?.contentFrame();
  if (!frame) throw new Error('the loader inserted no frame');
  await frame.locator('main').waitFor({ timeout: 15_000 });
  await frame.evaluate(() => document.fonts.ready.then(() => undefined));
  return frame;
}

// A webmaster pastes the loader into a sidebar, a column or a full-width section of their own site.
describe('widgets fit where they are put', () => {
  let pantau: Pantau;
  let host: Server;
  let hostUrl = '';
  let browser: Browser;
  let token = '';
  let busyOpd = '';

  beforeAll(async () => {
    pantau = await startPantau({ label: 'embedfit' });
    const fixture = await seedLeakFixture(pantau.server.pool, loadProvincePack('kalteng'));
    busyOpd = fixture.busyOpd;
    const admin = await pantau.bearer('admin');
    const res = await fetch(`${pantau.url}/api/widgets/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'Situs Dinkes', kinds: ['late'], opds: [busyOpd], ttlMinutes: 60 }),
    });
    token = ((await res.json()) as { token: string }).token;
    host = createServer((req, res) => {
      const q = new URL(req.url ?? '/', 'http://host').searchParams;
      const width = Number(q.get('width'));
      const theme = q.get('theme') ?? 'light';
      const lines = WIDGET_KINDS.flatMap((kind) =>
        SIZES.map((size) => {
          const scope = kind === 'ranking' ? 'province' : busyOpd;
          const extra = kind === 'late' ? ` data-token="${token}"` : '';
          return `<div class="slot" style="width:${width}px;margin:0 0 24px" data-case="${kind} ${size}">
<script src="${pantau.url}/embed.js" data-kind="${kind}" data-scope="${scope}" data-size="${size}" data-theme="${theme}"${extra} async></script></div>`;
        }),
      );
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Dinas Kesehatan</title></head>
<body style="margin:0;padding:8px;font-family:serif;background:${theme === 'dark' ? '#111' : '#fff'}">${lines.join('\n')}</body></html>`);
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

  for (const theme of THEMES)
    it(`shows every kind at every size at 280, 360, 768 and 1200 px in ${theme} with no horizontal overflow and no clipping`, async () => {
      const problems: string[] = [];
      for (const width of WIDTHS) {
        const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await tab.goto(`${hostUrl}?width=${width}&theme=${theme}`);
        const slots = tab.locator('.slot');
        await expect.poll(() => tab.locator('.slot iframe').count(), { timeout: 10_000 }).toBe(WIDGET_KINDS.length * 2);
        for (let i = 0; i < WIDGET_KINDS.length * 2; i++) {
          const slot = slots.nth(i);
          const name = `${await slot.getAttribute('data-case')} @${width}px ${theme}`;
          const iframe = slot.locator('iframe');
          const frame = await settle(iframe);
          expect(await frame.locator('h1').innerText(), name).not.toMatch(/tidak sah|memerlukan token/);
          for (const o of await overflowIn(frame)) problems.push(`${name}: ${o}`);
          // The loader sizes the frame to its content: nothing cut off at the bottom either.
          await expect.poll(() => heightGap(iframe, frame), { timeout: 10_000 }).toBeLessThanOrEqual(2);
          const frameBox = (await iframe.boundingBox())!;
          if (Math.abs(frameBox.width - width) > 1) problems.push(`${name}: frame is ${frameBox.width} px wide`);
          // PANTAU_WIDGET_SCREENSHOTS=<dir> keeps what was measured, for the docs and for a human eye.
          const shots = process.env.PANTAU_WIDGET_SCREENSHOTS;
          if (shots) await iframe.screenshot({ path: `${shots}/${name.replace(/[^a-z0-9]+/gi, '-')}.png` });
        }
        await tab.close();
      }
      expect(problems).toEqual([]);
    });

  it('keeps every chart’s text readable, at least 10 px, and no chart blown up past 1.5×, from 280 to 1200 px', async () => {
    const small: string[] = [];
    for (const width of WIDTHS) {
      const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await tab.goto(`${hostUrl}?width=${width}&theme=light`);
      const slots = tab.locator('.slot');
      await expect.poll(() => tab.locator('.slot iframe').count(), { timeout: 10_000 }).toBe(WIDGET_KINDS.length * 2);
      for (let i = 0; i < WIDGET_KINDS.length * 2; i++) {
        const name = `${await slots.nth(i).getAttribute('data-case')} @${width}px`;
        const frame = await settle(slots.nth(i).locator('iframe'));
        // The drawn size of each label of each visible chart: its font size times the SVG's scale.
        const charts = await frame.evaluate(() =>
          Array.from(document.querySelectorAll('svg'))
            .filter((svg) => svg.getBoundingClientRect().width > 0)
            .map((svg) => {
              const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
              const sizes = Array.from(svg.querySelectorAll('text'))
                .filter((tx) => (tx.textContent ?? '').trim() !== '')
                .map((tx) => parseFloat(getComputedStyle(tx).fontSize) * scale);
              return { scale, sizes };
            }),
        );
        for (const c of charts) {
          const min = Math.min(...c.sizes);
          if (c.sizes.length > 0 && min < 10) small.push(`${name}: text ${min.toFixed(1)} px`);
          if (c.scale > 1.51) small.push(`${name}: blown up ${c.scale.toFixed(2)}×`);
        }
      }
      await tab.close();
    }
    expect(small).toEqual([]);
  });

  it('shows each widget in the gallery at its real height, as the line it offers would', async () => {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await tab.goto(`${pantau.url}/embed`);
    const frames = tab.locator('iframe');
    await expect.poll(() => frames.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(WIDGET_KINDS.length - 1);
    const count = await frames.count();
    for (let i = 0; i < count; i++) {
      const iframe = frames.nth(i);
      const frame = await settle(iframe);
      await expect.poll(() => heightGap(iframe, frame), { timeout: 10_000 }).toBeLessThanOrEqual(2);
    }
    // The snippets offered carry no fixed height that would clip a taller widget.
    expect(await tab.locator('pre').allInnerTexts()).not.toContainEqual(expect.stringMatching(/height:\s*\d+px/));
  });
});
