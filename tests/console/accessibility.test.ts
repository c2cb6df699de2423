import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.ts';
import { launchBrowser } from '../support/browser.ts';
import { startPantau, type Pantau } from '../support/pantau.ts';
import { addUser, seedLateComplaints, signIn } from './support.ts';

// Officers work the console all day, some with a screen reader or a magnifier: axe-core finds no
// serious or critical WCAG 2.1 AA violation on any console page, the drawer and the forms open.
describe('console accessibility', () => {
  let pantau: Pantau;
  let browser: Browser;

  beforeAll(async () => {
    pantau = await startPantau({ label: 'consoleaxe', env: { PANTAU_WATCH_SECONDS: '1' } });
    const opd = pantau.server.pack.opds[0]!.id;
    await addUser(pantau, 'adminaxe', 'admin');
    await seedLateComplaints(pantau, [{ id: '7300001', opdId: opd, daysAgo: 20 }]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await pantau?.close();
  });

  it('the sign-in page, every page an admin sees, the drawer, the walk-in form and the handover', async () => {
    const tab = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const found: string[] = [];
    const check = async (where: string) => {
      for (const v of await seriousViolations(tab))
        found.push(`${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.join(', ')}`);
    };
    await tab.goto(`${pantau.url}/console/login`);
    await tab.getByTestId('sign-in').waitFor();
    await check('/console/login');
    await signIn(tab, `${pantau.url}/console`, 'adminaxe');
    await tab.getByTestId('worklist-row').first().waitFor({ timeout: 20_000 });
    await check('/console');
    await tab.keyboard.press('j');
    await tab.keyboard.press('Enter');
    await tab.getByTestId('drawer-owner').waitFor();
    await check('/console (drawer)');
    await tab.keyboard.press('Escape');
    await tab.getByTestId('walkin-toggle').click();
    await tab.getByTestId('handover-toggle').click();
    await tab.getByTestId('handover').waitFor();
    await check('/console (walk-in, handover)');
    // Every page the console's navigation offers an admin, read from it: a new page cannot be left out.
    const pages = (
      await tab.locator('header nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
    ).filter((href) => href.startsWith('/console/'));
    expect(pages).toEqual(expect.arrayContaining(['/console/annotations', '/console/playlist', '/console/widgets']));
    for (const path of pages) {
      await tab.goto(`${pantau.url}${path}`);
      // Admin pages load as their own chunks: wait for the page's own heading, not the loading line.
      await tab
        .locator('main h1, main h2, body > div h1')
        .first()
        .waitFor()
        .catch((e: Error) => {
          throw new Error(`${path}: no heading (${e.message})`);
        });
      await tab.waitForTimeout(400);
      await check(path);
    }
    expect(found).toEqual([]);
  }, 180_000);
});
