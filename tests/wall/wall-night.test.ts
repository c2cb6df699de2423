import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLateComplaints } from '../console/support.ts';
import { launchBrowser } from '../support/browser.ts';
import { startPantau, type Pantau } from '../support/pantau.ts';

const FIGURES = ['kpi-month-received', 'kpi-open', 'kpi-overdue', 'kpi-year-received'];
const figures = (tab: Page) => Promise.all(FIGURES.map((id) => tab.getByTestId(id).textContent()));

// Walls run unattended for weeks: a wall PC rebooted during an outage, and a screen whose token is no good.
describe('a wall that survives the night', () => {
  let pantau: Pantau;
  let browser: Browser;

  beforeAll(async () => {
    pantau = await startPantau({ label: 'wallnight', env: { PANTAU_WATCH_SECONDS: '1' } });
    await seedLateComplaints(pantau, [
      { id: '8400001', opdId: pantau.server.pack.opds[0]!.id, daysAgo: 20 },
      { id: '8400002', opdId: pantau.server.pack.opds[1]!.id, daysAgo: 12 },
    ]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await pantau?.close();
  });

  it('a wall reloaded while the server is stopped shows its last figures with their age, then resumes by itself', async () => {
    const token = await pantau.wallToken('malam');
    const tab = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await tab.goto(`${pantau.url}/wall?device=${token}&scene=ringkasan`);
    const wall = tab.getByTestId('wall');
    await expect.poll(() => wall.getAttribute('data-connection'), { timeout: 20_000 }).toBe('live');
    await expect.poll(async () => (await figures(tab)).includes('–'), { timeout: 20_000 }).toBe(false);
    // The two seeded complaints have reached the wall (under load the first snapshot may predate them).
    await expect.poll(() => tab.getByTestId('kpi-open').textContent(), { timeout: 20_000 }).toBe('2');
    const before = await figures(tab);
    // The shell is cached by the wall's service worker and the figures are saved by the live client.
    await expect
      .poll(
        () =>
          tab.evaluate(async () => {
            const cache = await caches.open('pantau-wall-v1');
            const keys = (await cache.keys()).map((r) => new URL(r.url).pathname);
            return (
              navigator.serviceWorker.controller !== null &&
              keys.includes('/wall') &&
              keys.some((k) => k.endsWith('.js')) &&
              localStorage.getItem('pantau.wall.topics') !== null
            );
          }),
        { timeout: 20_000 },
      )
      .toBe(true);

    await pantau.stop();
    await tab.reload();
    await tab.getByTestId('offline-banner').waitFor({ timeout: 15_000 });
    expect(await figures(tab)).toEqual(before);
    expect(await tab.getByTestId('data-age').textContent()).toMatch(/data terakhir \d{2}\.\d{2}\.\d{2} (WIB|WITA)/);

    await pantau.start();
    await expect.poll(() => wall.getAttribute('data-connection'), { timeout: 30_000 }).toBe('live');
    await expect.poll(() => tab.getByTestId('offline-banner').count(), { timeout: 10_000 }).toBe(0);
    await tab.close();
  });

  it('a revoked or missing token says so and who can fix it, not "server unreachable"', async () => {
    const token = await pantau.wallToken('dicabut');
    const tab = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await tab.goto(`${pantau.url}/wall?device=${token}&scene=ringkasan`);
    await expect.poll(() => tab.getByTestId('wall').getAttribute('data-connection'), { timeout: 20_000 }).toBe('live');
    const admin = await pantau.bearer('admin');
    const res = await fetch(`${pantau.url}/api/devices/dicabut`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(res.status).toBe(200);
    await expect
      .poll(() => tab.getByTestId('token-banner').textContent(), { timeout: 20_000 })
      .toMatch(/Token layar tidak berlaku — minta token baru ke admin/);
    expect(await tab.getByTestId('offline-banner').count()).toBe(0);

    const bare = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await bare.goto(`${pantau.url}/wall`);
    await expect
      .poll(() => bare.getByTestId('token-banner').textContent(), { timeout: 20_000 })
      .toMatch(/belum punya token/);
  });
});
