import { insertReportSchedule, queueReportMails, saveNotificationSubscription } from '@pantau/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTelegram, startSmtpReceiver } from '../../apps/server/src/notifications/testing/fake-receivers.ts';
import { launchBrowser } from '../support/browser.ts';
import { startPantau, type Pantau } from '../support/pantau.ts';
import { addUser, seedLateComplaints, signIn } from './support.ts';

const DESK = { width: 1366, height: 768 };
const TOKEN = '555:console-test';

const overflowsSideways = (tab: Page) =>
  tab.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/** Records every browser notification the page shows, as if the officer had allowed them. */
const NOTIFICATION_SPY = () => {
  const shown: Array<{ title: string; body: string | undefined }> = [];
  (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
  class Spy {
    static permission = 'granted';
    static requestPermission = async () => 'granted';
    constructor(title: string, options?: { body?: string }) {
      shown.push({ title, body: options?.body });
    }
  }
  (window as unknown as { Notification: unknown }).Notification = Spy;
};

// Notifications in the console, in real Chromium against a real node that really sends: the admins'
// delivery log, a person's own subscription, and the tab title and browser notification of late items.
describe('the console: notifications, the delivery log and the late-items alerts', () => {
  let pantau: Pantau;
  let browser: Browser;
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let telegram: Awaited<ReturnType<typeof startFakeTelegram>>;
  let pupr = '';

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    telegram = await startFakeTelegram(TOKEN);
    pantau = await startPantau({
      label: 'notifyui',
      env: {
        PANTAU_WATCH_SECONDS: '1',
        PANTAU_NOTIFY_SECONDS: '1',
        PANTAU_SMTP_URL: smtp.url,
        PANTAU_TELEGRAM_BOT_TOKEN: TOKEN,
        PANTAU_TELEGRAM_API_BASE: telegram.url,
      },
    });
    pupr = pantau.server.pack.opds[0]!.id;
    await addUser(pantau, 'adminnotif', 'admin');
    await addUser(pantau, 'piketnotif', 'duty_officer');
    const { rows } = await pantau.server.pool.query(`SELECT id FROM app_user WHERE username = 'piketnotif'`);
    await saveNotificationSubscription(
      pantau.server.pool,
      rows[0].id,
      {
        enabled: true,
        locale: 'id',
        channels: ['email', 'telegram'],
        email: 'piket@pemprov.example',
        webhookUrl: null,
        telegramChatId: '4242',
        events: ['overdue'],
        opdIds: [],
        levels: [],
        quietHours: null,
        mode: 'immediate',
      },
      { by: 'test', newSecret: 'rahasia-kunci', rotate: true },
    );
    await seedLateComplaints(pantau, [
      { id: '7300001', opdId: pupr, daysAgo: 20 },
      { id: '7300002', opdId: pupr, daysAgo: 15 },
    ]);
    // The watcher marks them overdue; the sender sends one e-mail and one Telegram message for each.
    for (let i = 0; i < 150 && smtp.mails.length + telegram.requests.length < 4; i++)
      await new Promise((r) => setTimeout(r, 200));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await pantau?.close();
    await smtp?.close();
    await telegram?.close();
  });

  it('shows an admin every message sent, per channel, with its status, at 1366×768 without sideways scrolling', async () => {
    const tab = await browser.newPage({ viewport: DESK });
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await signIn(tab, `${pantau.url}/console/notifications`, 'adminnotif');
    await expect.poll(() => tab.getByTestId('delivery-row').count(), { timeout: 15_000 }).toBe(4);
    expect(await tab.getByRole('heading', { name: 'Log pengiriman' }).count()).toBe(1);
    // Who receives what: the one subscriber, their channels and events.
    expect(await tab.getByTestId('subscriber-row').allTextContents()).toEqual([
      expect.stringMatching(/Uji piketnotif \(piketnotif\) · Petugas piket✓E-mail, TelegramTerlambatSemuaSemua–Segera/),
    ]);
    const rows = await tab.getByTestId('delivery-row').allTextContents();
    expect(rows.filter((r) => /E-mail/.test(r))).toHaveLength(2);
    expect(rows.filter((r) => /Telegram/.test(r))).toHaveLength(2);
    for (const r of rows) expect(r).toMatch(/Uji piketnotif|piketnotif.*Terlambat.*730000[12].*Terkirim/);
    expect(rows.every((r) => r.includes('Terkirim'))).toBe(true);
    // Filter by a tracking id.
    await tab.getByTestId('delivery-q').fill('7300001');
    await tab.getByTestId('delivery-filter').click();
    await expect.poll(() => tab.getByTestId('delivery-row').count()).toBe(2);
    expect(await overflowsSideways(tab)).toBe(false);
    // English is the second locale.
    await tab.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => tab.getByRole('heading', { name: 'Delivery log' }).count()).toBe(1);
    expect(await tab.getByTestId('delivery-row').first().textContent()).toMatch(/Sent/);
    expect(errors).toEqual([]);
  });

  it('lets a duty officer choose their own channels and quiet hours, and shows them no delivery log', async () => {
    const tab = await browser.newPage({ viewport: DESK });
    await signIn(tab, `${pantau.url}/console/notifications`, 'piketnotif');
    await tab.getByTestId('notify-form').waitFor();
    expect(await tab.getByTestId('notify-email').inputValue()).toBe('piket@pemprov.example');
    await tab.getByTestId('notify-channel-webhook').check();
    await tab.getByTestId('notify-webhookUrl').fill('https://hooks.opd.example/pantau');
    await tab.getByTestId('notify-quiet').check();
    await tab.getByTestId('notify-quiet-start').fill('21:30');
    await tab.getByTestId('notify-mode-digest').check();
    await tab.getByTestId('notify-save').click();
    await expect.poll(() => tab.getByTestId('notify-notice').textContent()).toBe('Tersimpan');
    expect(await tab.getByTestId('notify-secret').textContent()).toBe('rahasia-kunci');
    const { rows } = await pantau.server.pool.query(
      `SELECT channels, webhook_url, quiet_start::text, quiet_end::text, mode FROM notification_subscription s
       JOIN app_user u ON u.id = s.user_id WHERE u.username = 'piketnotif'`,
    );
    expect(rows[0]).toEqual({
      channels: ['email', 'telegram', 'webhook'],
      webhook_url: 'https://hooks.opd.example/pantau',
      quiet_start: '21:30:00',
      quiet_end: '06:00:00',
      mode: 'digest',
    });
    expect(await tab.getByTestId('delivery-row').count()).toBe(0);
    expect(await tab.getByRole('heading', { name: 'Log pengiriman' }).count()).toBe(0);
    expect(await overflowsSideways(tab)).toBe(false);
  });

  it('counts late items in the tab title and raises a browser notification when one more turns late', async () => {
    const context = await browser.newContext({ viewport: DESK });
    await context.addInitScript(NOTIFICATION_SPY);
    const tab = await context.newPage();
    await signIn(tab, `${pantau.url}/console`, 'piketnotif');
    await expect.poll(() => tab.title(), { timeout: 15_000 }).toMatch(/^\(2\) terlambat · /);
    await seedLateComplaints(pantau, [{ id: '7300003', opdId: pupr, daysAgo: 12 }]);
    await expect.poll(() => tab.title(), { timeout: 15_000 }).toMatch(/^\(3\) terlambat · /);
    const shown = await tab.evaluate(
      () => (window as unknown as { shownNotifications: Array<{ title: string; body?: string }> }).shownNotifications,
    );
    expect(shown).toEqual([{ title: '3 butir terlambat', body: 'Jumlah butir terlambat naik dari 2 menjadi 3.' }]);
    await context.close();
  });

  it('lists a scheduled report in the delivery log by its address', async () => {
    const pool = pantau.server.pool;
    const schedule = await insertReportSchedule(
      pool,
      { name: 'Bulanan', cadence: 'monthly', opdId: null, recipients: ['biro@pemprov.example'], enabled: true },
      'test',
    );
    const month = new Date().toISOString().slice(0, 7);
    await queueReportMails(pool, {
      facts: { scheduleId: schedule.id, name: 'Bulanan', cadence: 'monthly', period: month, opdId: null },
      recipients: ['biro@pemprov.example'],
    });
    await expect
      .poll(() => smtp.mails.some((m) => m.to.includes('biro@pemprov.example')), { timeout: 20_000 })
      .toBe(true);
    const tab = await browser.newPage({ viewport: DESK });
    await signIn(tab, `${pantau.url}/console/notifications`, 'adminnotif');
    await tab.getByTestId('delivery-q').fill('biro@pemprov.example');
    await tab.getByTestId('delivery-filter').click();
    await expect.poll(() => tab.getByTestId('delivery-row').count(), { timeout: 15_000 }).toBe(1);
    expect(await tab.getByTestId('delivery-row').first().textContent()).toMatch(
      /biro@pemprov\.example.*Laporan terjadwal.*Terkirim/,
    );
    await tab.close();
  });
});
