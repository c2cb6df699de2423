import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { startPantau, type Pantau } from '../support/pantau.ts';
import { addUser, signIn } from './support.ts';

// Catatan peristiwa in the console, in real Chromium: a duty officer marks a flood for the public trend and
// a meeting for colleagues, sees both listed in the province's time, removes one; a viewer has no such page.
describe('the console’s event notes (Catatan peristiwa)', () => {
  let pantau: Pantau;
  let browser: Browser;

  beforeAll(async () => {
    pantau = await startPantau({ label: 'notesui' });
    await addUser(pantau, 'piketnote', 'duty_officer');
    await addUser(pantau, 'pimpinannote', 'viewer');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await pantau?.close();
  });

  it('a duty officer marks a public flood and an internal note in WIB, finds them listed, and removes one', async () => {
    const tab = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(tab, `${pantau.url}/console/annotations`, 'piketnote');
    await expect.poll(() => tab.locator('h1').textContent()).toBe('Catatan peristiwa');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: pantau.server.pack.timeZone }).format(new Date());

    // Yesterday 07:00 to today 10:00, province time, on the public widgets too.
    const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await tab.getByTestId('note-text').fill('Banjir Sungai Kahayan: layanan tatap muka ditutup');
    await tab.getByTestId('note-start-date').fill(yesterday);
    await tab.getByTestId('note-start-time').fill('07:00');
    await tab.getByTestId('note-end-date').fill(today);
    await tab.getByTestId('note-end-time').fill('10:00');
    await tab.getByTestId('note-public').check();
    await tab.getByTestId('note-add').click();
    await expect.poll(() => tab.getByTestId('note-row').count()).toBe(1);

    // An internal note for one OPD, from now on, with no end.
    const opd = pantau.server.pack.opds[2]!;
    await tab.getByTestId('note-text').fill('Rapat koordinasi piket');
    await tab.getByTestId('note-scope').selectOption(`opd:${opd.id}`);
    await tab.getByTestId('note-add').click();
    await expect.poll(() => tab.getByTestId('note-row').count()).toBe(2);

    const flood = tab.getByTestId('note-row').filter({ hasText: 'Banjir Sungai Kahayan' });
    // Stored as instants: 07:00 in the province's zone, whatever the officer's browser zone.
    const { rows } = await pantau.server.pool.query<{ starts: string; ends: string; public: boolean }>(
      `SELECT to_char(starts_at AT TIME ZONE $1, 'YYYY-MM-DD HH24:MI') AS starts,
              to_char(ends_at AT TIME ZONE $1, 'YYYY-MM-DD HH24:MI') AS ends, public
       FROM annotation WHERE text LIKE 'Banjir%'`,
      [pantau.server.pack.timeZone],
    );
    expect(rows).toEqual([{ starts: `${yesterday} 07:00`, ends: `${today} 10:00`, public: true }]);
    const label = pantau.server.pack.timeZoneLabel;
    expect(await flood.textContent()).toMatch(new RegExp(`07\\.00.*10\\.00 ${label}`));
    expect(await flood.getByTestId('note-public-mark').textContent()).toBe('Publik');
    const internal = tab.getByTestId('note-row').filter({ hasText: 'Rapat koordinasi piket' });
    expect(await internal.textContent()).toContain(opd.shortName);
    expect(await internal.getByTestId('note-public-mark').textContent()).toBe('Internal');

    // The public trend widget shows the flood, never the internal note.
    const widget = await (await fetch(`${pantau.url}/embed/trend?scope=province`)).text();
    expect(widget).toContain('Banjir Sungai Kahayan');
    expect(widget).not.toContain('Rapat koordinasi');

    // Removed after a confirmation; the audit keeps it.
    await internal.getByTestId('note-remove').click();
    await tab.getByTestId('note-remove-confirm').click();
    await expect.poll(() => tab.getByTestId('note-row').count()).toBe(1);
    const audit = await pantau.server.pool.query(
      `SELECT actor FROM audit_log WHERE action = 'annotation.remove' AND details->>'text' = 'Rapat koordinasi piket'`,
    );
    expect(audit.rows).toHaveLength(1);

    // An empty text is refused in Indonesian, naming the field.
    await tab.getByTestId('note-text').fill('   ');
    await tab.getByTestId('note-add').click();
    await expect.poll(() => tab.getByTestId('note-message').textContent()).toMatch(/Teks/);
    expect(await tab.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)).toBe(
      false,
    );
    await tab.close();
  });

  it('is not offered to a viewer, and its address leads a viewer back to the worklist', async () => {
    const tab = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(tab, `${pantau.url}/console/annotations`, 'pimpinannote');
    await tab.getByTestId('signed-in-as').waitFor();
    expect(await tab.locator('nav a', { hasText: 'Catatan peristiwa' }).count()).toBe(0);
    expect(await tab.locator('h1', { hasText: 'Catatan peristiwa' }).count()).toBe(0);
    await tab.close();
  });
});
