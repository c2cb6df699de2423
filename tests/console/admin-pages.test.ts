import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { startPantau, type Pantau } from '../support/pantau.ts';
import { addUser, signIn } from './support.ts';

const DESK = { width: 1366, height: 768 };

/** Whether the page scrolls sideways (a desk screen must not). */
const overflowsSideways = (tab: Page) =>
  tab.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

// The yearly calendar task, done in the console in real Chromium: read a year, load the next from a pasted
// decree list, move a day after the sidang isbat; the role rules; the admins' reminder.
describe('the console admin pages: Kalender hari kerja, Aturan & tangga eskalasi, Playlist dinding, Sumber data', () => {
  let pantau: Pantau;
  let browser: Browser;

  beforeAll(async () => {
    pantau = await startPantau({ label: 'calendarui' });
    const opd = pantau.server.pack.opds[0]!.id;
    await addUser(pantau, 'adminkal', 'admin');
    await addUser(pantau, 'piketkal', 'duty_officer');
    await addUser(pantau, 'opdkal', 'opd_admin', opd);
    await addUser(pantau, 'pimpinankal', 'viewer');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await pantau?.close();
  });

  const auditActions = async () =>
    (
      await pantau.server.pool.query<{ action: string }>(
        `SELECT action FROM audit_log WHERE action LIKE 'calendar.%' ORDER BY seq`,
      )
    ).rows.map((r) => r.action);

  it('shows 2027 as loaded from the SKB, all 26 days with their decree, at 1366×768 without sideways scrolling', async () => {
    const tab = await browser.newPage({ viewport: DESK });
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await signIn(tab, `${pantau.url}/console/calendar?year=2027`, 'adminkal');
    await expect.poll(() => tab.getByTestId('cal-status').textContent()).toMatch(/Dimuat berdasarkan SKB Menag 1205/);
    await expect.poll(() => tab.getByTestId('cal-row').count()).toBe(26);
    expect(await tab.getByRole('heading', { level: 1 }).textContent()).toBe('Kalender hari kerja 2027');
    expect(await tab.locator('[data-testid="cal-row"][data-date="2027-03-10"]').textContent()).toMatch(
      /Rabu, 10 Maret 2027.*Libur nasional.*Idulfitri 1448 H/,
    );
    // Both Isra Mikraj days are there.
    expect(await tab.locator('[data-testid="cal-row"]', { hasText: 'Isra Mikraj' }).count()).toBe(2);
    expect(await overflowsSideways(tab)).toBe(false);
    // No reminder: this year and the next are loaded.
    expect(await tab.getByTestId('calendar-due').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('an admin loads 2028 from a pasted list: preview first, then the year is loaded and audited', async () => {
    const tab = await browser.newPage({ viewport: DESK });
    await signIn(tab, `${pantau.url}/console/calendar?year=2028`, 'adminkal');
    await expect.poll(() => tab.getByTestId('cal-status').textContent()).toMatch(/belum dimuat/);
    await tab.getByTestId('cal-open-load').click();
    await tab
      .getByTestId('cal-paste')
      .fill(
        'Tanggal\tNama\n1 Januari 2028\tTahun Baru 2028 Masehi\n2028-01-26; Tahun Baru Imlek\n2028-01-27; Cuti Bersama Imlek',
      );
    await expect.poll(() => tab.getByTestId('cal-paste-summary').textContent()).toMatch(/^3 hari terbaca$/);
    await tab.getByTestId('cal-legalBasis').fill('SKB contoh Tahun 2027 tentang hari libur 2028');
    await tab.getByTestId('cal-preview-button').click();
    await expect.poll(() => tab.getByTestId('cal-preview').textContent()).toMatch(/Pratinjau: \d+ tenggat terbuka/);
    expect(await auditActions()).toEqual([]); // a preview writes nothing
    await tab.getByTestId('cal-confirm').click();
    await expect.poll(() => tab.getByTestId('cal-notice').textContent()).toMatch(/Tersimpan/);
    await expect.poll(() => tab.getByTestId('cal-status').textContent()).toMatch(/Dimuat berdasarkan SKB contoh/);
    expect(await tab.getByTestId('cal-row').count()).toBe(3);
    expect(await tab.locator('[data-testid="cal-row"][data-date="2028-01-27"]').textContent()).toMatch(/Cuti bersama/);
    expect(await auditActions()).toEqual(['calendar.year_loaded']);
  });

  it('an admin moves a cuti bersama after the sidang isbat with the decree and a reason', async () => {
    const tab = await browser.newPage({ viewport: DESK });
    await signIn(tab, `${pantau.url}/console/calendar?year=2027`, 'adminkal');
    const row = tab.locator('[data-testid="cal-row"][data-date="2027-03-15"]');
    await row.getByRole('button', { name: 'Pindahkan' }).click();
    await tab.getByTestId('cal-to').fill('2027-03-16');
    await tab.getByTestId('cal-legalBasis').fill('KMA contoh/2027 hasil sidang isbat');
    await tab.getByTestId('cal-reason').fill('Idulfitri bergeser satu hari');
    await tab.getByTestId('cal-preview-button').click();
    await tab.getByTestId('cal-confirm').click();
    await expect.poll(() => row.getAttribute('data-active')).toBe('false');
    expect(await row.textContent()).toMatch(/Dihapus: dipindah ke 2027-03-16: Idulfitri bergeser satu hari/);
    expect(await tab.locator('[data-testid="cal-row"][data-date="2027-03-16"]').getAttribute('data-active')).toBe(
      'true',
    );
    expect(await auditActions()).toEqual(['calendar.year_loaded', 'calendar.day_moved']);
  });

  it('the audit trail names each action in Indonesian, never by its code', async () => {
    const tab = await browser.newPage({ viewport: DESK });
    await signIn(tab, `${pantau.url}/console/audit`, 'adminkal');
    await expect.poll(() => tab.getByTestId('audit-row').count()).toBeGreaterThanOrEqual(2);
    const moved = tab.locator('[data-testid="audit-row"] td[data-action="calendar.day_moved"]').first();
    expect(await moved.textContent()).toBe('Hari libur dipindah');
    expect(
      await tab.locator('[data-testid="audit-row"] td[data-action="calendar.year_loaded"]').first().textContent(),
    ).toBe('Kalender setahun dimuat');
    // The details read as labelled pairs: 'Dasar hukum: …', not 'legalBasis: …'.
    const details = await tab
      .locator('[data-testid="audit-row"]:has(td[data-action="calendar.day_moved"]) .cs-details')
      .first()
      .textContent();
    expect(details).toMatch(/Dasar hukum: KMA contoh\/2027/);
    expect(details).not.toMatch(/legalBasis|reason:|\{/);
    // No code of the form `area.action` or `snake_case` in the action column.
    for (const text of await tab.locator('[data-testid="audit-row"] td[data-action]').allTextContents())
      expect(text).not.toMatch(/\.|_/);
    await tab.close();
  });

  it('an OPD admin and a duty officer read the calendar without edit controls; a viewer has no calendar page', async () => {
    for (const user of ['opdkal', 'piketkal']) {
      const tab = await browser.newPage({ viewport: DESK });
      await signIn(tab, `${pantau.url}/console/calendar?year=2027`, user);
      await expect.poll(() => tab.getByTestId('cal-row').count()).toBeGreaterThan(20);
      expect(await tab.getByRole('button', { name: 'Pindahkan' }).count()).toBe(0);
      expect(await tab.getByTestId('cal-open-load').count()).toBe(0);
    }
    const tab = await browser.newPage({ viewport: DESK });
    await signIn(tab, `${pantau.url}/console/calendar?year=2027`, 'pimpinankal');
    await tab.getByTestId('signed-in-as').waitFor();
    expect(await tab.getByRole('link', { name: 'Kalender hari kerja' }).count()).toBe(0);
    expect(await tab.getByTestId('cal-table').count()).toBe(0);
  });

  it('an admin edits a step deadline and the ladder: preview, save, audited; a duty officer reads them only', async () => {
    const tab = await browser.newPage({ viewport: DESK });
    await signIn(tab, `${pantau.url}/console/rules`, 'adminkal');
    await expect.poll(() => tab.getByTestId('ladder-row').count()).toBe(3);
    expect(await tab.getByTestId('rule-verifyDispatchHK').inputValue()).toBe('3');
    await tab.getByTestId('rule-verifyDispatchHK').fill('5');
    await tab.getByTestId('ladder-add').click();
    await tab.getByLabel('Penanggung jawab (peran) 4').fill('sekda');
    await tab.getByTestId('ladder-after-4').fill('8');
    await tab.getByTestId('ladder-label-4').fill('Sekretaris Daerah');
    await tab.getByLabel('Label (Inggris) 4').fill('Regional Secretary');
    await tab.getByTestId('rules-preview-button').click();
    await expect.poll(() => tab.getByTestId('rules-preview').textContent()).toMatch(/Pratinjau: \d+ tenggat/);
    await tab.getByTestId('rules-confirm').click();
    await expect.poll(() => tab.getByTestId('rules-message').textContent()).toMatch(/Tersimpan/);
    const token = await pantau.bearer('admin');
    const settings = (await (
      await fetch(`${pantau.url}/api/complaints/settings`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { rules: { verifyDispatchHK: number }; ladder: Array<{ role: string; afterOverdueHK: number }> };
    expect(settings.rules.verifyDispatchHK).toBe(5);
    expect(settings.ladder.map((s) => s.afterOverdueHK)).toEqual([0, 2, 5, 8]);
    expect(settings.ladder[3]!.role).toBe('sekda');
    const audit = await pantau.server.pool.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'complaint_settings.replaced'`,
    );
    expect(audit.rows[0].n).toBe(1);
    expect(await overflowsSideways(tab)).toBe(false);

    const duty = await browser.newPage({ viewport: DESK });
    await signIn(duty, `${pantau.url}/console/rules`, 'piketkal');
    await expect.poll(() => duty.getByTestId('ladder-row').count()).toBe(4);
    expect(await duty.getByTestId('rule-verifyDispatchHK').isDisabled()).toBe(true);
    expect(await duty.getByTestId('rules-preview-button').count()).toBe(0);
  });

  it('an admin builds a playlist for one screen: scenes, durations, two OPDs; the open wall follows it live', async () => {
    const token = await pantau.wallToken('lobi');
    const other = await pantau.wallToken('rapat');
    const wallTab = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await wallTab.goto(`${pantau.url}/wall?device=${token}`);
    const wall = wallTab.getByTestId('wall');
    await expect.poll(() => wall.getAttribute('data-connection'), { timeout: 15_000 }).toBe('live');
    const [a, b] = [pantau.server.pack.opds[2]!, pantau.server.pack.opds[5]!];

    const tab = await browser.newPage({ viewport: DESK });
    await signIn(tab, `${pantau.url}/console/playlist`, 'adminkal');
    await tab.getByTestId('playlist-target').selectOption('lobi');
    await expect.poll(() => tab.getByTestId('playlist-own').textContent()).toMatch(/mengikuti playlist semua layar/);
    // Two scenes, five seconds each: Peta then OPD.
    while ((await tab.getByTestId('playlist-entry').count()) > 2)
      await tab.getByRole('button', { name: 'Hapus 3' }).click();
    await tab.getByLabel('Adegan 1').selectOption('peta');
    await tab.getByLabel('Adegan 2').selectOption('opd');
    await tab.getByLabel('Durasi 1').fill('5');
    await tab.getByLabel('Durasi 2').fill('5');
    await tab.getByTestId('playlist-opds-none').click();
    await tab.getByTestId('playlist-save').click();
    await expect.poll(() => tab.getByTestId('playlist-message').textContent()).toMatch(/minimal satu OPD/);
    await tab.locator(`input[data-opd="${a.id}"]`).check();
    await tab.locator(`input[data-opd="${b.id}"]`).check();
    await tab.getByTestId('playlist-late-alert').fill('3');
    await tab.getByTestId('playlist-save').click();
    await expect.poll(() => tab.getByTestId('playlist-message').textContent()).toMatch(/Tersimpan/);
    await expect.poll(() => tab.getByTestId('playlist-own').textContent()).toMatch(/punya playlist sendiri/);
    expect(await overflowsSideways(tab)).toBe(false);
    await expect
      .poll(() => tab.locator('[data-testid="screen-row"][data-id="lobi"]').textContent())
      .toMatch(/Bergiliran sesuai playlist.*punya playlist sendiri/);

    // The open wall takes it without a reload: only Peta and OPD, the OPD scene only on the two OPDs.
    const scenes = new Set<string>();
    const opds = new Set<string>();
    for (let i = 0; i < 120 && !(opds.size >= 2 && scenes.has('peta')); i++) {
      const scene = (await wall.getAttribute('data-scene')) ?? '';
      if (i > 20) scenes.add(scene); // after the change has reached the wall
      if (scene === 'opd' && i > 20) opds.add((await wall.getAttribute('data-opd')) ?? '');
      await wallTab.waitForTimeout(250);
    }
    expect([...scenes].sort()).toEqual(['opd', 'peta']);
    expect([...opds].sort()).toEqual([a.id, b.id].sort());
    // The other screen still follows the common playlist.
    const settings = await pantau.server.pool.query(
      `SELECT screen_id, opd_ids, late_alert_at FROM wall_playlist ORDER BY 1`,
    );
    expect(settings.rows).toEqual([{ screen_id: 'lobi', opd_ids: [a.id, b.id], late_alert_at: 3 }]);
    expect(other).toMatch(/^wall_/);
    expect(await tab.locator('[data-testid="screen-row"][data-id="rapat"]').textContent()).toMatch(/Semua layar/);
    const audit = await pantau.server.pool.query(`SELECT entity_id FROM audit_log WHERE action = 'wall.playlist'`);
    expect(audit.rows).toEqual([{ entity_id: 'lobi' }]);
    await wallTab.close();
  });

  it('an admin issues a source key (shown once), revokes it after confirming, and pauses a connector', async () => {
    // Where a LAPOR connector run has left its state (the demo's social accounts have no connector).
    await pantau.server.pool.query(
      `INSERT INTO lapor_connector_state (source, cursor, failures, next_attempt_at) VALUES ('lapor', 'c-42', 0, now())`,
    );
    const tab = await browser.newPage({ viewport: DESK });
    await signIn(tab, `${pantau.url}/console/sources`, 'adminkal');
    await tab.getByTestId('source-id').fill('sms1708');
    await tab.getByTestId('source-label').fill('Gateway SMS 1708');
    await tab.getByTestId('source-issue').click();
    const key = (await tab.getByTestId('source-key').textContent()) ?? '';
    expect(key).toMatch(/^src_/);
    const row = tab.locator('[data-testid="source-row"][data-id="sms1708"]');
    await expect.poll(() => row.textContent()).toMatch(/Gateway SMS 1708.*Belum pernah melapor.*Aktif/);
    // The key works until it is revoked.
    const send = () =>
      fetch(`${pantau.url}/api/ingest/heartbeat`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ source: 'sms1708' }),
      });
    expect((await send()).status).toBe(200);
    await tab.reload();
    await expect.poll(() => row.textContent()).toMatch(/Gateway SMS 1708.*Segar/);
    await row.getByTestId('source-revoke').click();
    await row.getByTestId('source-revoke-confirm').click();
    await expect.poll(() => row.textContent()).toMatch(/Tidak ada/);
    expect((await send()).status).toBe(401);
    // The LAPOR connector paused and resumed.
    const connector = tab.locator('[data-testid="connector-row"][data-id="lapor"]');
    expect(await connector.textContent()).toMatch(/SP4N-LAPOR!.*"c-42"/);
    await connector.getByTestId('connector-toggle').click();
    await expect.poll(() => connector.getAttribute('data-paused')).toBe('true');
    expect(await connector.textContent()).toMatch(/Dijeda/);
    await connector.getByTestId('connector-toggle').click();
    await expect.poll(() => connector.getAttribute('data-paused')).toBe('false');
    expect(await overflowsSideways(tab)).toBe(false);

    const duty = await browser.newPage({ viewport: DESK });
    await signIn(duty, `${pantau.url}/console/sources`, 'piketkal');
    await expect.poll(() => duty.getByTestId('source-row').count()).toBeGreaterThan(0);
    expect(await duty.getByTestId('source-issue').count()).toBe(0);
    expect(await duty.getByTestId('connector-toggle').count()).toBe(0);
  });

  it('finds users by name, role or OPD', async () => {
    const tab = await browser.newPage({ viewport: DESK });
    await signIn(tab, `${pantau.url}/console/users`, 'adminkal');
    await expect.poll(() => tab.getByTestId('user-row').count()).toBeGreaterThanOrEqual(4);
    await tab.getByTestId('users-search').fill('piket');
    await expect.poll(() => tab.getByTestId('user-row').allTextContents()).toEqual([expect.stringMatching(/piketkal/)]);
    await tab.getByTestId('users-search').fill('admin opd');
    await expect.poll(() => tab.getByTestId('user-row').allTextContents()).toEqual([expect.stringMatching(/opdkal/)]);
  });

  it('every admin page has its heading and fits 1366×768 and 1920×1080 without sideways scrolling or errors', async () => {
    for (const viewport of [DESK, { width: 1920, height: 1080 }]) {
      const tab = await browser.newPage({ viewport });
      const errors: string[] = [];
      tab.on('pageerror', (e) => errors.push(e.message));
      await signIn(tab, `${pantau.url}/console/calendar`, 'adminkal');
      for (const [path, heading] of [
        ['/console/calendar?year=2027', /Kalender hari kerja 2027/],
        ['/console/rules', /Aturan tenggat/],
        ['/console/playlist', /Playlist dinding/],
        ['/console/sources', /Sumber data/],
        ['/console/users', /Pengguna/],
        ['/console/audit', /Jejak audit/],
        ['/console/devices', /Layar dinding/],
        ['/console/annotations', /Catatan peristiwa/],
      ] as const) {
        await tab.goto(`${pantau.url}${path}`);
        await expect.poll(() => tab.getByRole('heading', { level: 1 }).textContent()).toMatch(heading);
        expect(await overflowsSideways(tab), `${path} at ${viewport.width}`).toBe(false);
      }
      expect(errors).toEqual([]);
      await tab.close();
    }
  });

  it("an OPD admin's dashboard opens on its own OPD, the only topic it may read", async () => {
    const own = pantau.server.pack.opds[0]!.id;
    const tab = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(tab, `${pantau.url}/console`, 'opdkal');
    await tab.goto(`${pantau.url}/dashboard`);
    await expect.poll(() => tab.getByTestId('dashboard').getAttribute('data-topic')).toBe(`opd:${own}`);
    expect(new URL(tab.url()).searchParams.get('opd')).toBe(own);
  });

  it('says while open deadlines are being recomputed, and stops saying it when done', async () => {
    // A job another node is running (claimed, heartbeating): the console shows it until it finishes.
    const { rows } = await pantau.server.pool.query<{ id: string }>(
      `INSERT INTO recompute_job (reason, claimed_by, heartbeat_at, started_at) VALUES ('uji', 'node-lain', now(), now()) RETURNING id`,
    );
    const tab = await browser.newPage({ viewport: DESK });
    await signIn(tab, `${pantau.url}/console`, 'piketkal');
    await expect
      .poll(() => tab.getByTestId('recompute-banner').textContent(), { timeout: 15_000 })
      .toMatch(/sedang dihitung ulang/);
    await pantau.server.pool.query(`UPDATE recompute_job SET finished_at = now() WHERE id = $1`, [rows[0]!.id]);
    await expect.poll(() => tab.getByTestId('recompute-banner').count(), { timeout: 15_000 }).toBe(0);
  });

  it('reminds admins, and only admins, when next year is not loaded', async () => {
    // As on a node whose pack has no 2028 and the date is past 1 October 2027 would; here: 2027 unloaded.
    await pantau.server.pool.query(`DELETE FROM calendar_year WHERE year = 2027`);
    await pantau.server.pool.query(`SELECT pg_notify('pantau_calendar:' || current_schema(), '')`);
    const token = await pantau.bearer('admin');
    const loaded = async () =>
      (
        (await (
          await fetch(`${pantau.url}/api/calendar/status`, { headers: { authorization: `Bearer ${token}` } })
        ).json()) as { loadedYears: number[] }
      ).loadedYears;
    await expect.poll(loaded, { timeout: 10_000 }).not.toContain(2027);
    const admin = await browser.newPage({ viewport: DESK });
    await signIn(admin, `${pantau.url}/console`, 'adminkal');
    await expect.poll(() => admin.getByTestId('calendar-due').textContent()).toMatch(/2027 belum dimuat/);
    const duty = await browser.newPage({ viewport: DESK });
    await signIn(duty, `${pantau.url}/console`, 'piketkal');
    await duty.getByTestId('signed-in-as').waitFor();
    expect(await duty.getByTestId('calendar-due').count()).toBe(0);
  });
});
