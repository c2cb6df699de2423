import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfTextLines } from '../../apps/server/src/reports/pdf-text.ts';
import { launchBrowser } from '../support/browser.ts';
import { startPantau, type Pantau } from '../support/pantau.ts';
import { addUser, seedLateComplaints, signIn } from './support.ts';

const DESK = { width: 1366, height: 768 };

// The leadership report from the console, in real Chromium: pick a month and an OPD, download the PDF.
describe('the console: Laporan pimpinan', () => {
  let pantau: Pantau;
  let browser: Browser;
  let pupr = '';

  beforeAll(async () => {
    pantau = await startPantau({ label: 'reportui' });
    pupr = pantau.server.pack.opds[0]!.id;
    await addUser(pantau, 'pimpinanlap', 'viewer');
    await addUser(pantau, 'opdlap', 'opd_admin', pupr);
    await addUser(pantau, 'adminlap', 'admin');
    await seedLateComplaints(pantau, [{ id: '7400001', opdId: pupr, daysAgo: 2 }]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await pantau?.close();
  });

  it('a viewer downloads an OPD’s report for this month as a PDF', async () => {
    const context = await browser.newContext({ viewport: DESK, acceptDownloads: true });
    const tab = await context.newPage();
    await signIn(tab, `${pantau.url}/console/reports`, 'pimpinanlap');
    expect(await tab.getByRole('heading', { level: 1 }).textContent()).toBe('Laporan pimpinan');
    await tab.getByTestId('report-opd').selectOption(pupr);
    const [download] = await Promise.all([tab.waitForEvent('download'), tab.getByTestId('report-download').click()]);
    const month = await tab.getByTestId('report-month').inputValue();
    expect(download.suggestedFilename()).toBe(`laporan-pimpinan-${pupr}-${month}.pdf`);
    const lines = await pdfTextLines(new Uint8Array(await readFile(await download.path())));
    expect(lines[0]).toBe('Laporan Pimpinan');
    expect(lines[1]).toContain(pantau.server.pack.opds[0]!.name);
    // The month's complaints of that OPD, as the dashboard counts them (by local day of submission).
    const { rows } = await pantau.server.pool.query(
      `SELECT count(*)::int AS n FROM complaint WHERE opd_id = $1
         AND to_char(submitted_at AT TIME ZONE $2, 'YYYY-MM') = $3`,
      [pupr, pantau.server.pack.timeZone, month],
    );
    expect(lines.find((l) => l.startsWith('Aduan masuk | '))?.split(' | ')[1]).toBe(String(rows[0].n));
    await context.close();
  });

  it('an OPD admin’s report is its own OPD’s, with no OPD to choose', async () => {
    const tab = await browser.newPage({ viewport: DESK });
    await signIn(tab, `${pantau.url}/console/reports`, 'opdlap');
    expect(await tab.getByTestId('report-opd').count()).toBe(0);
    expect(await tab.getByTestId('report-opd-fixed').textContent()).toBe(pantau.server.pack.opds[0]!.shortName);
    expect(await tab.getByTestId('report-download').getAttribute('href')).toContain(`opd=${encodeURIComponent(pupr)}`);
  });

  it('downloads last year’s annual PPID report as a CSV from the same page', async () => {
    const tab = await browser.newPage();
    await signIn(tab, `${pantau.url}/console/reports`, 'pimpinanlap');
    const year = Number(await tab.getByTestId('annual-year').inputValue());
    expect(year).toBe(new Date().getFullYear() - 1);
    const [download] = await Promise.all([tab.waitForEvent('download'), tab.getByTestId('annual-download').click()]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^laporan-layanan-informasi-.+-${year}-01-01-${year}-12-31\\.csv$`),
    );
    const text = await readFile(await download.path(), 'utf8');
    expect(text.split(/\r?\n/)[0]).toMatch(/\S/);
    await tab.close();
  });

  it('downloads a week’s report, and the annual PPID report as a PDF too', async () => {
    const context = await browser.newContext({ viewport: DESK, acceptDownloads: true });
    const tab = await context.newPage();
    await signIn(tab, `${pantau.url}/console/reports`, 'pimpinanlap');
    await tab.getByTestId('report-kind').selectOption('week');
    await tab.getByTestId('report-week').fill('2026-W48');
    const [download] = await Promise.all([tab.waitForEvent('download'), tab.getByTestId('report-download').click()]);
    expect(download.suggestedFilename()).toBe(`laporan-pimpinan-${pantau.server.pack.slug}-2026-W48.pdf`);
    const lines = await pdfTextLines(new Uint8Array(await readFile(await download.path())));
    expect(lines[1]).toContain('Minggu ke-48 2026');
    const year = await tab.getByTestId('annual-year').inputValue();
    const [annual] = await Promise.all([tab.waitForEvent('download'), tab.getByTestId('annual-download-pdf').click()]);
    expect(annual.suggestedFilename()).toBe(`laporan-layanan-informasi-${pantau.server.pack.slug}-${year}.pdf`);
    expect((await pdfTextLines(new Uint8Array(await readFile(await annual.path()))))[0]).toBe(
      'Laporan Layanan Informasi Publik',
    );
    // Schedules are for admins: a viewer does not see them.
    expect(await tab.getByTestId('schedule-form').count()).toBe(0);
    await context.close();
  });

  it('an admin schedules a weekly report to two addresses, switches it off and deletes it', async () => {
    const tab = await browser.newPage({ viewport: DESK });
    await signIn(tab, `${pantau.url}/console/reports`, 'adminlap');
    await tab.getByTestId('schedule-name').fill('Mingguan Kadis');
    await tab.getByTestId('schedule-cadence').selectOption('weekly');
    await tab.getByTestId('schedule-opd').selectOption(pupr);
    await tab.getByTestId('schedule-recipients').fill('kadis@contoh.go.id, sekretariat@contoh.go.id');
    await tab.getByTestId('schedule-add').click();
    const row = tab.getByTestId('schedule-row');
    await row.first().waitFor();
    expect(await row.first().textContent()).toContain('kadis@contoh.go.id, sekretariat@contoh.go.id');
    expect(await row.first().textContent()).toContain('Mingguan');
    await row.first().getByRole('checkbox').uncheck();
    await expect
      .poll(async () => (await pantau.server.pool.query('SELECT enabled FROM report_schedule')).rows[0].enabled)
      .toBe(false);
    await row.first().getByRole('button', { name: 'Hapus' }).click();
    await tab.getByText('Belum ada laporan terjadwal.').waitFor();
    await tab.close();
  });

  it('the dashboard downloads the report of the scope and period it shows', async () => {
    const context = await browser.newContext({ viewport: DESK, acceptDownloads: true });
    const tab = await context.newPage();
    await signIn(tab, `${pantau.url}/console/reports`, 'pimpinanlap');
    await tab.goto(`${pantau.url}/dashboard?opd=${encodeURIComponent(pupr)}`);
    const link = tab.getByTestId('dashboard-report');
    await link.waitFor();
    const [download] = await Promise.all([tab.waitForEvent('download'), link.click()]);
    const month = new Intl.DateTimeFormat('en-CA', {
      timeZone: pantau.server.pack.timeZone,
      year: 'numeric',
      month: '2-digit',
    }).format(new Date());
    expect(download.suggestedFilename()).toBe(`laporan-pimpinan-${pupr}-${month}.pdf`);
    const lines = await pdfTextLines(new Uint8Array(await readFile(await download.path())));
    expect(lines[1]).toContain(pantau.server.pack.opds[0]!.name);
    await context.close();
  });
});
