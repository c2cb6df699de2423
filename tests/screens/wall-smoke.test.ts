import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { startPantau, type Pantau } from '../support/pantau.ts';

// The harness every screen test builds on: a real node, the built app, Debian's Chromium.
describe('a wall opened with a device token', () => {
  let pantau: Pantau;
  beforeAll(async () => {
    pantau = await startPantau({ label: 'wallsmoke' });
  });
  afterAll(async () => {
    await pantau?.close();
  });

  it('signs in with the token and goes live', async () => {
    const browser = await launchBrowser();
    try {
      const tab = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await tab.goto(`${pantau.url}/wall?device=${await pantau.wallToken()}`);
      await expect
        .poll(() => tab.getByTestId('wall').getAttribute('data-connection'), { timeout: 20_000 })
        .toBe('live');
    } finally {
      await browser.close();
    }
  });
});
