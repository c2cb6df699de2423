import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { startPantau, type Pantau } from '../support/pantau.ts';
import { loadWorkingCalendar } from '@pantau/db';
import { ingestPpidBatch } from '../../apps/server/src/ingest/ppid-ingest.ts';
import { ingestSocialBatch } from '../../apps/server/src/ingest/social-ingest.ts';
import { addUser, seedLateComplaints, signIn } from './support.ts';

// A duty officer's shift in real Chromium against a real node: sign in, filter, escalate with a reason,
// meet another officer's change, and the limits of the OPD admin and viewer roles.
describe('the duty-officer console', () => {
  let pantau: Pantau;
  let browser: Browser;
  let pupr = '';
  let dinkes = '';

  beforeAll(async () => {
    pantau = await startPantau({ label: 'console', env: { PANTAU_WATCH_SECONDS: '1' } });
    [pupr, dinkes] = [pantau.server.pack.opds[0]!.id, pantau.server.pack.opds[1]!.id];
    await addUser(pantau, 'piket1', 'duty_officer');
    await addUser(pantau, 'piket2', 'duty_officer');
    await addUser(pantau, 'opdpupr', 'opd_admin', pupr);
    await addUser(pantau, 'pimpinan', 'viewer');
    await seedLateComplaints(pantau, [
      { id: '7100001', opdId: pupr, daysAgo: 20 },
      { id: '7100002', opdId: dinkes, daysAgo: 15 },
      { id: '7100003', opdId: pupr, daysAgo: 12 },
    ]);
    // The deadline watcher (every second here) marks them overdue.
    for (let i = 0; i < 100; i++) {
      const { rows } = await pantau.server.pool.query(
        `SELECT count(*)::int AS n FROM complaint WHERE deadline_state = 'overdue'`,
      );
      if (rows[0].n === 3) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await pantau?.close();
  });

  it('an officer signs in, filters to late complaints, escalates one with a reason, and sees the new step', async () => {
    const tab = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await signIn(tab, `${pantau.url}/console`, 'piket1');
    await tab.getByTestId('filter-kind').selectOption('complaint');
    await tab.getByTestId('filter-state').selectOption('overdue');
    expect(new URL(tab.url()).search).toBe('?kind=complaint&deadlineState=overdue');
    const rows = tab.getByTestId('worklist-row');
    await expect.poll(() => rows.count()).toBe(3);
    // Keyboard: j selects the first row, Enter opens it.
    await tab.keyboard.press('j');
    await tab.keyboard.press('Enter');
    const drawer = tab.getByTestId('drawer');
    await drawer.waitFor();
    // The deadline in front of the officer: when, and how late in working days.
    await expect
      .poll(() => drawer.getByTestId('drawer-deadline').textContent())
      .toMatch(/Tenggat: .+ · terlambat \d+ HK/);
    const id = await rows.first().getAttribute('data-id');
    const before = Number(await rows.first().getAttribute('data-step'));
    await drawer.getByTestId('action-escalate').click();
    await drawer.getByTestId('confirm').click();
    // The ladder requires a reason: the server's message is shown and nothing changes.
    await expect.poll(() => drawer.getByTestId('drawer-message').textContent()).toMatch(/Tuliskan alasan/);
    await drawer.getByTestId('reason').fill('Belum ada tindak lanjut dari OPD, naik ke kepala bidang');
    await drawer.getByTestId('confirm').click();
    await expect.poll(() => drawer.getByTestId('drawer-message').textContent()).toMatch(/Tersimpan/);
    await expect
      .poll(() => tab.locator(`[data-testid="worklist-row"][data-id="${id}"]`).getAttribute('data-step'))
      .toBe(String(before + 1));
    await expect.poll(() => drawer.getByTestId('timeline').textContent()).toMatch(/naik ke kepala bidang/);
    // The help overlay lists the shortcuts.
    await tab.keyboard.press('Escape');
    await tab.keyboard.press('?');
    await expect.poll(() => tab.getByTestId('help').textContent()).toMatch(/j \/ k/);
    expect(errors).toEqual([]);
  });

  it('the second of two officers acting on one item gets the newer state, not a silent overwrite', async () => {
    const a = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const b = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(a, `${pantau.url}/console?q=7100002`, 'piket1');
    await signIn(b, `${pantau.url}/console?q=7100002`, 'piket2');
    for (const tab of [a, b]) {
      await tab.getByTestId('worklist-row').first().dblclick();
      await tab.getByTestId('drawer').getByTestId('action-acknowledge').waitFor();
    }
    await a.getByTestId('action-note').click();
    await a.getByTestId('reason').fill('Sudah dihubungi sekretariat Dinkes');
    await a.getByTestId('confirm').click();
    await expect.poll(() => a.getByTestId('drawer-message').textContent()).toMatch(/Tersimpan/);
    await b.getByTestId('action-escalate').click();
    await b.getByTestId('reason').fill('Naikkan');
    await b.getByTestId('confirm').click();
    await expect.poll(() => b.getByTestId('drawer-message').textContent()).toMatch(/Petugas lain sudah bertindak/);
    // The newer state (A's acknowledgement) is now on B's screen.
    await expect.poll(() => b.getByTestId('timeline').textContent()).toMatch(/Sudah dihubungi sekretariat Dinkes/);
  });

  it('an OPD admin sees and acts on its own OPD only; the API refuses the rest', async () => {
    const tab = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(tab, `${pantau.url}/console`, 'opdpupr');
    const rows = tab.getByTestId('worklist-row');
    await expect.poll(() => rows.count()).toBe(2);
    const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    const { rows: own } = await pantau.server.pool.query(`SELECT id::text FROM complaint WHERE opd_id = $1`, [pupr]);
    expect(ids.sort()).toEqual(own.map((r: { id: string }) => r.id).sort());
    await expect(tab.getByTestId('filter-opd').count()).resolves.toBe(0);
    await rows.first().dblclick();
    await tab.getByTestId('action-acknowledge').waitFor();
    expect(await tab.getByTestId('action-escalate').count()).toBe(0);
    // Another OPD's complaint, asked for directly with this session: not found.
    const { rows: other } = await pantau.server.pool.query(`SELECT id FROM complaint WHERE opd_id = $1`, [dinkes]);
    const status = await tab.evaluate(async (id) => (await fetch(`/api/complaints/${id}`)).status, other[0].id);
    expect(status).toBe(404);
  });

  it('a viewer sees the worklist but no action, and the API refuses a mutation', async () => {
    const tab = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(tab, `${pantau.url}/console`, 'pimpinan');
    await tab.getByTestId('worklist-row').first().dblclick();
    await tab.getByTestId('no-actions').waitFor();
    const status = await tab.evaluate(async () => {
      const s = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const r = await fetch('/api/complaints/1/actions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken },
        body: JSON.stringify({ action: 'note', expectedVersion: 1, text: 'coba' }),
      });
      return r.status;
    });
    expect(status).toBe(403);
  });

  it('a complaint that becomes overdue appears without a reload, and the open drawer stays open', async () => {
    const tab = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(tab, `${pantau.url}/console`, 'piket2');
    const rows = tab.getByTestId('worklist-row');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(3);
    const count = await rows.count();
    await rows.first().dblclick();
    await tab.getByTestId('drawer').waitFor();
    await seedLateComplaints(pantau, [{ id: '7100009', opdId: dinkes, daysAgo: 25 }]);
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(count + 1);
    expect(await tab.getByTestId('drawer').isVisible()).toBe(true);
  });
  it('an officer takes an item with one key, finds it under “Milik saya”, gives it on, and the handover lists it', async () => {
    const tab = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await signIn(tab, `${pantau.url}/console?kind=complaint&owner=none`, 'piket2');
    const rows = tab.getByTestId('worklist-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const before = await rows.count();
    const tracking = (await rows.first().locator('td').nth(1).innerText()).trim();
    // j focuses the first row, m takes it: the row leaves "no owner yet" and a notice says where it went.
    await tab.keyboard.press('j');
    await tab.keyboard.press('m');
    await expect
      .poll(() => tab.getByTestId('worklist-notice').textContent())
      .toBe(`Aduan ${tracking} sekarang milik Anda dan pindah ke tampilan “Milik saya”.`);
    await expect.poll(() => rows.count()).toBe(before - 1);
    // "Milik saya" holds it, with the owner's name in its column.
    await tab.getByTestId('filter-owner').selectOption('me');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain(tracking);
    expect(await rows.first().innerText()).toContain('Uji piket2');
    // The drawer shows the owner; giving it to piket1 moves it out of "mine".
    await tab.keyboard.press('j');
    await tab.keyboard.press('Enter');
    const owner = tab.getByTestId('drawer-owner');
    await expect.poll(() => owner.textContent()).toContain('Pemilik: Uji piket2');
    // The history speaks Indonesian: events, levels and actors, never raw codes.
    await expect.poll(() => tab.getByTestId('drawer').innerText()).toMatch(/Aduan masuk — Sumber /);
    const drawerText = await tab.getByTestId('drawer').innerText();
    expect(drawerText).toMatch(/Eskalasi ke tingkat 1 — Sistem \(deadline watcher\)/);
    expect(drawerText).not.toMatch(/\bsubmitted\b|\bverified\b|level_|terverifikasi_didisposisi/);
    // A proper dialog: focus is inside it while open (on its heading first).
    await expect.poll(() => tab.evaluate(() => document.activeElement?.id)).toBe('drawer-title');
    expect(await tab.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
    await owner.getByTestId('owner-give').selectOption({ label: 'Uji piket1' });
    await expect
      .poll(() => tab.getByTestId('worklist-notice').textContent())
      .toBe(`Aduan ${tracking} diserahkan ke Uji piket1.`);
    // Closing hands the focus back — here to the list, as the row left "mine" when it was given on.
    await tab.locator('body').press('Escape');
    await expect
      .poll(() => tab.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('worklist-scroll');
    // The shift handover lists what each officer owns.
    await tab.getByTestId('handover-toggle').click();
    const handover = tab.getByTestId('handover');
    await expect
      .poll(() => handover.textContent())
      .toMatch(new RegExp(`Uji piket1 — 1 terbuka · ▲ 1 terlambat[\\s\\S]*Aduan ${tracking}`));
    const audit = await pantau.server.pool.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'worklist.assign' AND details->>'trackingId' = $1`,
      [tracking],
    );
    expect(audit.rows[0].n).toBe(2);
    expect(errors).toEqual([]);
    await tab.close();
  });

  it('an officer types in a phone complaint, gets its number to read back, and it is dispatched at once', async () => {
    const tab = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await signIn(tab, `${pantau.url}/console`, 'piket1');
    // At 1366×768 the columns an officer works by are in view without scrolling sideways.
    await tab.getByTestId('worklist-row').first().waitFor();
    for (const col of ['deadline', 'left', 'step', 'owner']) {
      const box = (await tab.locator(`.cs-table th[data-col="${col}"]`).boundingBox())!;
      expect(box.x + box.width, col).toBeLessThanOrEqual(1366);
    }
    const wrap = tab.getByTestId('worklist-scroll');
    expect(await wrap.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await tab.getByTestId('walkin-toggle').click();
    const form = tab.getByTestId('walkin-form');
    await form.getByTestId('walkin-channel').selectOption('telepon');
    // The server validates like ingest: an empty subject is refused by name.
    await form.getByTestId('walkin-body').fill('Sudah seminggu lampu jalan mati.');
    await form.getByTestId('walkin-title').fill('   ');
    await form.getByTestId('walkin-submit').click();
    await expect.poll(() => form.getByTestId('walkin-error').textContent()).toMatch(/.+/);
    await form.getByTestId('walkin-title').fill('Lampu jalan mati');
    await form.getByTestId('walkin-regency').selectOption(pantau.server.pack.capitalRegencyCode);
    await form.getByTestId('walkin-opd').selectOption(pupr);
    await form.getByTestId('walkin-submit').click();
    const notice = tab.getByTestId('worklist-notice');
    await expect
      .poll(() => notice.textContent())
      .toMatch(/^Aduan 9\d{11} tercatat\. Sampaikan nomor ini kepada pelapor\.$/);
    const trackingId = /9\d{11}/.exec((await notice.textContent())!)![0];
    const { rows } = await pantau.server.pool.query(
      `SELECT channel, status, opd_id, deadline_at IS NOT NULL AS has_deadline FROM complaint WHERE tracking_id = $1`,
      [trackingId],
    );
    expect(rows).toEqual([
      { channel: 'telepon', status: 'terverifikasi_didisposisi', opd_id: pupr, has_deadline: true },
    ]);
    expect(errors).toEqual([]);
    await tab.close();
  });

  it('an officer marks an unanswered comment answered from the worklist, and it leaves the list', async () => {
    const account = pantau.server.pack.socialAccounts.find((a) => a.opdId === pupr)!;
    await ingestSocialBatch(pantau.server.pool, 'connector-x', [
      {
        externalId: 'ig-c-1',
        event: {
          type: 'interaction_received',
          eventId: 'in',
          occurredAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
          account: { platform: account.platform, handle: account.handle },
          kind: 'comment',
          text: 'Kapan jalan diperbaiki?',
        },
      },
    ]);
    const tab = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await signIn(tab, `${pantau.url}/console?kind=social_comment`, 'piket1');
    const rows = tab.getByTestId('worklist-row');
    await expect.poll(() => rows.count()).toBe(1);
    await tab.keyboard.press('j');
    await tab.keyboard.press('Enter');
    const actions = tab.getByTestId('social-actions');
    await actions.getByTestId('social-reply-url').fill('https://instagram.com/p/balasan');
    await actions.getByTestId('social-answered').click();
    await expect
      .poll(() => tab.getByTestId('worklist-notice').textContent())
      .toBe('Komentar ig-c-1 ditandai sudah dibalas dan keluar dari daftar kerja.');
    await expect.poll(() => rows.count()).toBe(0);
    expect(errors).toEqual([]);
    await tab.close();
  });

  it('an officer records a PPID decision with its kind from the drawer; a refusal without its ground is named', async () => {
    const pack = pantau.server.pack;
    const calendar = await loadWorkingCalendar(pantau.server.pool, pack.code, pack.timeZone);
    await ingestPpidBatch(pantau.server.pool, { pack, calendar: () => calendar }, 'ppid-test', [
      {
        kind: 'request',
        externalId: 'P-CONSOLE-1',
        event: {
          type: 'received',
          eventId: 'r',
          occurredAt: new Date(Date.now() - 20 * 86_400_000).toISOString(),
          regNo: 'REG/2026/0042',
          ppidLevel: 'pembantu',
          opdId: pupr,
          channel: 'email',
          requesterType: 'perorangan',
          subject: 'Salinan kontrak jalan',
          format: 'softcopy',
        },
      },
    ]);
    const tab = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await signIn(tab, `${pantau.url}/console?kind=ppid_request`, 'piket1');
    const rows = tab.getByTestId('worklist-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(1);
    await tab.keyboard.press('j');
    await tab.keyboard.press('Enter');
    const form = tab.getByTestId('ppid-record');
    await form.getByTestId('ppid-decision').selectOption('ditolak');
    await form.getByTestId('ppid-submit').click();
    await expect.poll(() => form.getByTestId('ppid-error').textContent()).toMatch(/Pasal 17/);
    await form.getByTestId('ppid-decision').selectOption('dipenuhi');
    await form.getByTestId('ppid-submit').click();
    // Said in the list, where it stays even when the decided request leaves the worklist.
    await expect.poll(() => tab.getByTestId('worklist-notice').textContent()).toBe('REG/2026/0042: Keputusan dicatat.');
    const { rows: stored } = await pantau.server.pool.query(
      `SELECT decision, decided_at IS NOT NULL AS decided FROM ppid_request WHERE reg_no = 'REG/2026/0042'`,
    );
    expect(stored).toEqual([{ decision: 'dipenuhi', decided: true }]);
    expect(errors).toEqual([]);
    await tab.close();
  });

  it('exports the current view as a CSV people can read: Indonesian headers, names, local times', async () => {
    const tab = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(tab, `${pantau.url}/console?kind=complaint&deadlineState=overdue`, 'piket1');
    await tab.getByTestId('worklist-row').first().waitFor();
    const [download] = await Promise.all([tab.waitForEvent('download'), tab.getByTestId('export').click()]);
    const lines = (await readFile(await download.path(), 'utf8')).split('\r\n');
    expect(lines[0]).toMatch(/^Jenis,Nomor,OPD,Kabupaten\/Kota,Kanal,Topik,Status,Diterima \(WIB\),/);
    const row = lines.find((l) => l.startsWith('Aduan,7100002,'))!;
    expect(row).toContain(`,${pantau.server.pack.opds.find((o) => o.id === dinkes)!.name},`);
    expect(row).toMatch(/,\d{4}-\d{2}-\d{2} \d{2}:\d{2},/);
    expect(row).not.toMatch(/kalteng\.|T\d{2}:\d{2}:\d{2}/);
    await tab.close();
  });

  it('exports the dashboard list behind a figure: every complaint of the drilldown, labelled, in local time', async () => {
    const tab = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(tab, `${pantau.url}/console`, 'piket1');
    // Two complaints of today (the dashboard opens on this month), so the list is not empty early in a month.
    await seedLateComplaints(pantau, [
      { id: '7300001', opdId: dinkes, daysAgo: 0.01 },
      { id: '7300002', opdId: dinkes, daysAgo: 0.02 },
    ]);
    await tab.goto(`${pantau.url}/dashboard?opd=${dinkes}&items=1`);
    await tab.getByTestId('item-row').first().waitFor();
    const [download] = await Promise.all([tab.waitForEvent('download'), tab.getByTestId('items-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^aduan-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile(await download.path(), 'utf8')).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(
      'Nomor,Judul,Status,OPD,Kabupaten/Kota,Kanal,Klasifikasi,Topik,Diterima (WIB),Tenggat (WIB),Keadaan tenggat,Tingkat eskalasi',
    );
    // The same complaints the list shows for this OPD, each with the OPD's name and a local time.
    const onScreen = await tab.getByTestId('item-row').count();
    expect(lines.length - 1).toBeGreaterThanOrEqual(onScreen);
    const dinkesName = pantau.server.pack.opds.find((o) => o.id === dinkes)!.name;
    for (const line of lines.slice(1)) {
      expect(line).toContain(`,${dinkesName},`);
      expect(line).toMatch(/,\d{4}-\d{2}-\d{2} \d{2}:\d{2},/);
      expect(line).not.toMatch(
        /kalteng\.|terverifikasi_didisposisi|belum_diverifikasi|on_time|at_risk|,overdue,|,web,/,
      );
    }
    await tab.close();
  });
});

describe('a console session that expires', () => {
  let pantau: Pantau;
  let browser: Browser;
  beforeAll(async () => {
    pantau = await startPantau({ label: 'consoleexp', env: { PANTAU_SESSION_IDLE_MINUTES: '0.05' } });
    await addUser(pantau, 'piket', 'duty_officer');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await pantau?.close();
  });

  it('is sent to sign in and comes back to the same filtered view', async () => {
    const tab = await browser.newPage();
    const view = `${pantau.url}/console?kind=complaint&deadlineState=overdue`;
    await signIn(tab, view, 'piket');
    expect(tab.url()).toBe(view);
    // Idle for longer than the 3-second idle expiry (page activity touches the session at most every 1.5 s).
    await tab.waitForTimeout(6_000);
    await tab.reload();
    await tab.getByTestId('expired-notice').waitFor({ timeout: 10_000 });
    await tab.getByTestId('username').fill('piket');
    await tab.getByTestId('password').fill('kata-sandi-uji-123');
    await tab.getByTestId('sign-in').click();
    await tab.getByTestId('signed-in-as').waitFor();
    expect(tab.url()).toBe(view);
  });
});
