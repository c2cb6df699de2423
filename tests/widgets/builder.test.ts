import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { startPantau, type Pantau } from '../support/pantau.ts';

describe('the widget builder in the console', () => {
  let pantau: Pantau;
  let browser: Browser;
  beforeAll(async () => {
    pantau = await startPantau({ label: 'builder' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await pantau?.close();
  });

  it('previews the chosen widget live and writes the line to paste with the same options', async () => {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.goto(`${pantau.url}/console/widgets`);
    await tab.getByText('Pembuat widget publik').first().waitFor();
    const preview = tab.getByTestId('wb-preview');
    await expect.poll(() => preview.contentFrame().locator('h1').innerText()).toMatch(/Pengaduan bulan ini/);

    await tab.getByTestId('wb-kind').selectOption('trend');
    await tab.getByTestId('wb-theme').selectOption('dark');
    const opd = pantau.server.pack.opds[0]!;
    await tab.getByTestId('wb-scope').selectOption(opd.id);
    await expect.poll(() => preview.contentFrame().locator('h1').innerText(), { timeout: 10_000 }).toContain(opd.name);
    expect(
      await preview
        .contentFrame()
        .locator('body')
        .evaluate((b) => getComputedStyle(b).backgroundColor),
    ).toBe('rgb(15, 27, 36)');
    const snippet = await tab.getByTestId('wb-snippet-script').innerText();
    expect(snippet).toBe(
      `<script src="${pantau.url}/embed.js" data-kind="trend" data-scope="${opd.id}" data-theme="dark" async></script>`,
    );
    // The preview frame takes the widget's own height.
    await expect
      .poll(async () => {
        const content = await preview
          .contentFrame()
          .locator('html')
          .evaluate((h) => h.scrollHeight);
        return Math.abs((await preview.boundingBox())!.height - content);
      })
      .toBeLessThanOrEqual(2);
    // Tokens are for signed-in admins.
    await tab.getByText('Masuk sebagai admin').waitFor();
    expect(errors).toEqual([]);
  });
});
