import { loadWorkingCalendar } from '@pantau/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { demoStreamsDelivered, startPantau, type Pantau } from '../support/pantau.ts';
import { clipping, rawText } from '../support/wall-checks.ts';
import { injectIncident } from '../../apps/server/src/demo/demo-incident.ts';

const TITLES = '.wall-main .panel-head h2';

/** Percent and overdue cells of a ranking's shown rows, as numbers ("85 %" → 85, "▲ 3" → 3, "–" → null). */
async function rankingRows(tab: Page, testId: string) {
  return tab.getByTestId(testId).evaluate((table) =>
    [...table.querySelectorAll('tbody tr[data-id]')].map((tr) => {
      const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '');
      const num = (s: string) => (/\d/.test(s) ? Number(s.replace(/[^\d]/g, '')) : null);
      return { id: tr.getAttribute('data-id'), share: num(cells[1] ?? ''), overdue: num(cells[2] ?? '') };
    }),
  );
}

// The rankings' second view: worst first ("Perlu perhatian") alternating with best first ("Terbaik").
// One node with the demo at a province's real volume (13 months of backfill) and its complaint feed.
describe('the wall’s rankings, worst first and then the best', () => {
  let pantau: Pantau;
  let browser: Browser;
  let token = '';
  beforeAll(async () => {
    pantau = await startPantau({ label: 'wallrank', env: { PANTAU_DEMO: 'on' } });
    token = await pantau.wallToken('rank');
    browser = await launchBrowser();
    // The rankings read complaints only: wait for that stream's backfill, not PPID's or social's.
    await demoStreamsDelivered(pantau, ['simulator']);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await pantau?.close();
  });

  it('opens on "Perlu perhatian" and turns to "Terbaik" on its own timer: the highest on-time share first, none with late items', async () => {
    const tab = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await tab.goto(`${pantau.url}/wall?device=${token}&scene=ringkasan`);
    await expect.poll(() => tab.getByTestId('wall').getAttribute('data-connection'), { timeout: 30_000 }).toBe('live');
    const table = tab.getByTestId('opd-ranking');
    await table.locator('tbody tr').first().waitFor();
    const panel = tab.locator('section.panel', { has: table });
    expect(await table.getAttribute('data-view')).toBe('worst');
    expect(await panel.locator('h2').textContent()).toMatch(/perlu perhatian/i);
    // The view changes every 10 s while the scene is on screen.
    await expect.poll(() => table.getAttribute('data-view'), { timeout: 15_000, interval: 250 }).toBe('best');
    expect(await panel.locator('h2').textContent()).toMatch(/terbaik/i);
    const best = await rankingRows(tab, 'opd-ranking');
    expect(best.length).toBeGreaterThanOrEqual(3);
    for (const r of best) expect(r.overdue, `${r.id} is late`).toBe(0);
    const shares = best.map((r) => r.share);
    expect(shares.every((s) => s !== null)).toBe(true);
    expect([...shares].sort((a, b) => b! - a!)).toEqual(shares);
    // And back to the worst first.
    await expect.poll(() => table.getAttribute('data-view'), { timeout: 15_000, interval: 250 }).toBe('worst');
    await tab.close();
  }, 60_000);

  it('pins a view with ?ranking=, and neither view clips a title, cell or row, nor shows raw text, at 1920×1080 and 7680×2160', async () => {
    const problems: string[] = [];
    for (const [width, height] of [
      [1920, 1080],
      [7680, 2160],
    ] as const) {
      const tab = await browser.newPage({ viewport: { width, height } });
      for (const view of ['best', 'worst'] as const) {
        for (const scene of ['ringkasan', 'peta']) {
          const at = `${scene} ?ranking=${view} ${width}×${height}`;
          await tab.goto(`${pantau.url}/wall?device=${token}&scene=${scene}&ranking=${view}`);
          await expect
            .poll(() => tab.getByTestId('wall').getAttribute('data-connection'), { timeout: 30_000 })
            .toBe('live');
          const table = tab.getByTestId('regency-ranking').first();
          await table.locator('tbody tr').first().waitFor();
          // Pinned, the table says which view it shows (and keeps it past the 10 s a rotating one turns at).
          expect(await table.getAttribute('data-view'), at).toBe(view);
          // Every panel has its figures (a panel that fills in later resizes its neighbours, which then
          // fit their rows again), and two frames have been painted since: a condition, not a fixed wait.
          await expect
            .poll(() => tab.locator('.panel-age', { hasText: 'belum ada data' }).count(), { timeout: 60_000 })
            .toBe(0);
          await tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
          // The titles too: they change with the view.
          for (const f of await tab.evaluate(clipping, TITLES)) problems.push(`${at}: ${f}`);
          for (const raw of rawText(await tab.evaluate(() => document.body.innerText)))
            problems.push(`${at}: "${raw}"`);
        }
      }
      await tab.close();
    }
    expect([...new Set(problems)]).toEqual([]);
  }, 120_000);

  // On the same node, to spare CI a second one (and last, as its complaints join the rankings): the Isu
  // scene names a flood once, its topic and its kabupaten together.
  it('names an injected flood once on the Isu scene: its topic and its kabupaten, not two issues', async () => {
    const { pack, pool } = pantau.server;
    const calendar = await loadWorkingCalendar(pool, pack.code, pack.timeZone);
    const { incident, rejected } = await injectIncident(pool, pack, { pack, calendar: () => calendar }, 'banjir');
    expect(rejected).toEqual([]);
    const place = pack.regencies.find((r) => r.code === incident.regencyCode)!.name;
    const tab = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await tab.goto(`${pantau.url}/wall?device=${token}&scene=isu`);
    const scene = tab.getByTestId('isu-scene');
    await scene.waitFor({ timeout: 30_000 });
    expect(await tab.getByTestId('wall').getAttribute('data-issues')).toBe('1');
    expect(await scene.getAttribute('data-subject')).toBe(`topic:${incident.topic}`);
    expect(await scene.getAttribute('data-regency')).toBe(incident.regencyCode);
    expect(await tab.getByTestId('isu-chart').locator('h2').textContent()).toContain(`${incident.topic} · ${place}`);
    expect(await tab.getByTestId('isu-others').count()).toBe(0);
    await tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await tab.evaluate(clipping, TITLES)).toEqual([]);
    await tab.close();
  }, 60_000);
});
