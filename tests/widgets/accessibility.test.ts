import { loadProvincePack } from '@pantau/provinces';
import type { Browser } from 'playwright-core';
import { WIDGET_KINDS } from '@pantau/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLeakFixture } from '../../apps/server/src/public/testing/leak-fixture.ts';
import { seriousViolations } from '../support/axe.ts';
import { launchBrowser } from '../support/browser.ts';
import { startPantau, type Pantau } from '../support/pantau.ts';

// Residents read these on OPD websites, with screen readers and zoom among them: axe-core finds no
// serious or critical WCAG 2.1 AA violation in any public widget, in light and dark, in both languages.
describe('widget accessibility', () => {
  let pantau: Pantau;
  let browser: Browser;
  let opd = '';

  beforeAll(async () => {
    pantau = await startPantau({ label: 'widgetaxe' });
    const f = await seedLeakFixture(pantau.server.pool, loadProvincePack('kalteng'));
    opd = f.busyOpd;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await pantau?.close();
  });

  it('every public kind, light and dark, Indonesian and English, and the gallery', async () => {
    const tab = await browser.newPage({ viewport: { width: 480, height: 900 } });
    const found: string[] = [];
    const urls = ['/embed', '/embed?lang=en'];
    for (const kind of WIDGET_KINDS.filter((k) => k !== 'late'))
      for (const theme of ['light', 'dark'])
        for (const lang of ['id', 'en'])
          urls.push(`/embed/${kind}?scope=${kind === 'ranking' ? 'province' : opd}&theme=${theme}&lang=${lang}`);
    for (const url of urls) {
      await tab.goto(`${pantau.url}${url}`);
      for (const v of await seriousViolations(tab))
        found.push(`${url}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.join(', ')}`);
    }
    expect(found).toEqual([]);
  }, 120_000);

  it('the check itself catches what it should: an unlabelled field and grey-on-grey text', async () => {
    const tab = await browser.newPage();
    await tab.setContent(
      '<!doctype html><html lang="id"><head><title>x</title></head><body><main><input type="text">' +
        '<p style="color:#999;background:#aaa">teks pudar</p></main></body></html>',
    );
    const ids = (await seriousViolations(tab)).map((v) => v.id).sort();
    expect(ids).toEqual(['color-contrast', 'label']);
  });
});
