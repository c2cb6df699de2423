import { loadWorkingCalendar } from '@pantau/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, seedLateComplaints, signIn } from '../console/support.ts';
import { launchBrowser } from '../support/browser.ts';
import { demoStreamsDelivered, startPantau, type Pantau } from '../support/pantau.ts';
import { clipping, rawText } from '../support/wall-checks.ts';
import { injectIncident } from '../../apps/server/src/demo/demo-incident.ts';

const DEFAULT = [
  { scene: 'ringkasan', seconds: 25 },
  { scene: 'pengaduan', seconds: 20 },
  { scene: 'keterlambatan', seconds: 20 },
  { scene: 'opd', seconds: 15 },
  { scene: 'ppid', seconds: 15 },
  { scene: 'sosial', seconds: 15 },
  { scene: 'peta', seconds: 15 },
];
const SCENES = ['ringkasan', 'pengaduan', 'ppid', 'sosial', 'isu', 'opd', 'peta', 'keterlambatan'];
// A test that loads every scene at every size (32 pages, up to 8 at 7680×2160) on a shared 2-core machine.
const EVERY_SCENE_MS = 420_000;
const SIZES: Array<[number, number]> = [
  [1920, 1080],
  [3840, 2160],
  [5760, 2160],
  [7680, 2160],
];

function watchErrors(tab: Page): string[] {
  const errors: string[] = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  tab.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

// The wall with the demo feed: every scene at every supported size, and the rotation.
describe('the video wall on the demo feed', () => {
  let pantau: Pantau;
  let browser: Browser;
  let token = '';
  beforeAll(async () => {
    pantau = await startPantau({
      label: 'walldemo',
      // A flood injected once the feeds have delivered: the Isu scene is measured with an issue on it.
      env: {
        PANTAU_DEMO: 'on',
        PANTAU_DEMO_PER_DAY: '3000',
        PANTAU_DEMO_HISTORY_PER_DAY: '4',
        PANTAU_DEMO_INCIDENT: 'banjir',
      },
    });
    token = await pantau.wallToken('lobby');
    browser = await launchBrowser();
    await demoStreamsDelivered(pantau);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await pantau?.close();
  });

  // One visit per scene and size checks all of it: a second pass over 32 pages cost CI two minutes.
  it(
    'renders every scene at 1920×1080, 3840×2160, 5760×2160 and 7680×2160 with no console error, no scrollbar and no clipped cell, figure or row',
    async () => {
      const problems: string[] = [];
      for (const [width, height] of SIZES) {
        const tab = await browser.newPage({ viewport: { width, height } });
        const errors = watchErrors(tab);
        for (const scene of SCENES) {
          const at = `${scene} ${width}×${height}`;
          await tab.goto(`${pantau.url}/wall?device=${token}&scene=${scene}`);
          const wall = tab.getByTestId('wall');
          // 30 s as the file’s other waits for `live`: a page load subscribes to several topics, served one
          // at a time by the node's tailer, while the 4K pages and a second test file share 2 cores.
          await expect.poll(() => wall.getAttribute('data-connection'), { timeout: 30_000 }).toBe('live');
          expect(await wall.getAttribute('data-scene')).toBe(scene);
          await tab.locator('.panel').first().waitFor();
          // Every panel has its figures, and two frames have been painted since (rows that do not fit give
          // way to "+N lainnya" before paint): a condition, not a fixed wait.
          await expect
            .poll(() => tab.locator('.panel-age', { hasText: 'belum ada data' }).count(), { timeout: 60_000 })
            .toBe(0);
          if (scene === 'isu') {
            // Measured with the injected flood on it (not the calm message), and read for raw ids.
            await tab.getByTestId('isu-scene').waitFor({ timeout: 60_000 });
            await tab.getByTestId('isu-opd').first().waitFor();
            const text = await tab.evaluate(() => document.body.innerText);
            for (const raw of rawText(text)) problems.push(`${at}: "${raw}"`);
          }
          await tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
          const box = await tab.evaluate(() => ({
            sw: document.documentElement.scrollWidth,
            sh: document.documentElement.scrollHeight,
            w: window.innerWidth,
            h: window.innerHeight,
          }));
          if (box.sw > box.w) problems.push(`${at}: horizontal scrollbar (${box.sw} > ${box.w})`);
          if (box.sh > box.h) problems.push(`${at}: vertical scrollbar (${box.sh} > ${box.h})`);
          for (const f of await tab.evaluate(clipping)) problems.push(`${at}: ${f}`);
        }
        for (const e of errors) problems.push(`${width}×${height} console: ${e}`);
        await tab.close();
      }
      expect([...new Set(problems)]).toEqual([]);
    },
    EVERY_SCENE_MS,
  );

  it('shows companion scenes beside the rotating one on ultra-wide walls', async () => {
    const tab = await browser.newPage({ viewport: { width: 7680, height: 2160 } });
    await tab.goto(`${pantau.url}/wall?device=${token}`);
    await expect.poll(() => tab.getByTestId('wall').getAttribute('data-panes')).toBe('3');
    expect(await tab.locator('.wall-pane').count()).toBe(3);
    await tab.close();
  });

  it('follows the playlist an admin sets, pushed live to a screen that is already open', async () => {
    const tab = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await tab.goto(`${pantau.url}/wall?device=${token}`);
    const wall = tab.getByTestId('wall');
    await expect.poll(() => wall.getAttribute('data-connection'), { timeout: 15_000 }).toBe('live');
    const admin = await pantau.bearer('admin');
    const put = (body: unknown) =>
      fetch(`${pantau.url}/api/wall/playlist`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const bad = await put({ entries: [{ scene: 'peta', seconds: 2 }] });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('entries.0.seconds');
    expect(
      (
        await put({
          entries: [
            { scene: 'peta', seconds: 5 },
            { scene: 'sosial', seconds: 5 },
          ],
        })
      ).status,
    ).toBe(200);
    const seen = new Set<string>();
    for (let i = 0; i < 100 && !(seen.has('peta') && seen.has('sosial')); i++) {
      seen.add((await wall.getAttribute('data-scene')) ?? '');
      await tab.waitForTimeout(250);
    }
    expect(seen.has('peta') && seen.has('sosial')).toBe(true);
    expect((await put({ entries: DEFAULT })).status).toBe(200);
    // Back on the built-in rotation once the change has been pushed: the rotation the screen runs, not the
    // scene it happens to show (sosial then peta hold it for 30 s in the built-in order).
    await expect
      .poll(() => wall.getAttribute('data-rotation'), { timeout: 15_000 })
      .toBe(DEFAULT.map((e) => e.scene).join(','));
    await tab.close();
  });

  it('advances the rotation by itself', async () => {
    const tab = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await tab.goto(`${pantau.url}/wall?device=${token}&durations=2`);
    const wall = tab.getByTestId('wall');
    await expect.poll(() => wall.getAttribute('data-connection'), { timeout: 15_000 }).toBe('live');
    const seen: string[] = [];
    for (let i = 0; i < 60 && seen.length < 4; i++) {
      const scene = (await wall.getAttribute('data-scene')) ?? '';
      if (seen.at(-1) !== scene) seen.push(scene);
      await tab.waitForTimeout(250);
    }
    // Each step goes to the next scene of the playlist (the first may predate the live playlist).
    const order = DEFAULT.map((e) => e.scene);
    expect(seen.length).toBe(4);
    for (let i = 1; i < 3; i++) expect(order.indexOf(seen[i + 1]!)).toBe((order.indexOf(seen[i]!) + 1) % order.length);
    await tab.close();
  });
});

// The wall at a province's real volume (the demo's defaults: Kalteng, 1.5 complaints a day).
describe('the video wall at a real province’s volume', () => {
  let pantau: Pantau;
  let browser: Browser;
  let token = '';
  beforeAll(async () => {
    pantau = await startPantau({ label: 'wallreal', env: { PANTAU_DEMO: 'on' } });
    token = await pantau.wallToken('real');
    browser = await launchBrowser();
    await demoStreamsDelivered(pantau);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await pantau?.close();
  });

  it('leads with the month, the year to date and its follow-up and completion shares, and the last 12 months', async () => {
    const tab = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await tab.goto(`${pantau.url}/wall?device=${token}&scene=ringkasan`);
    await expect.poll(() => tab.getByTestId('wall').getAttribute('data-connection'), { timeout: 30_000 }).toBe('live');
    const tz = pantau.server.pack.timeZone;
    const year = async () => {
      const { rows } = await pantau.server.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM complaint
         WHERE date_trunc('year', submitted_at AT TIME ZONE $1) = date_trunc('year', now() AT TIME ZONE $1)`,
        [tz],
      );
      return new Intl.NumberFormat('id-ID').format(rows[0]!.n);
    };
    // The backfill is 13 months at the real rate: the year to date is filled at once, and equals the rows.
    await expect
      .poll(async () => (await tab.getByTestId('kpi-year-received').textContent()) === (await year()), {
        timeout: 30_000,
      })
      .toBe(true);
    expect(Number((await tab.getByTestId('kpi-year-received').textContent())!.replace(/\D/g, ''))).toBeGreaterThan(30);
    await expect.poll(() => tab.getByTestId('kpi-follow-up-rate').textContent()).toMatch(/^\d{1,3}(,\d)?\s%$/);
    await expect.poll(() => tab.getByTestId('kpi-completion-rate').textContent()).toMatch(/^\d{1,3}(,\d)?\s%$/);
    await tab.getByRole('img', { name: 'Aduan per bulan, 12 bulan terakhir' }).waitFor();
    // No per-hour counter that sits at zero at a few complaints a day.
    expect(await tab.getByText(/60 menit/).count()).toBe(0);
    await tab.close();
  });

  it(
    'shows no raw id, English word or English-style number, and clips nothing, on any scene at 1920×1080 and on a 32:9 wall',
    async () => {
      const problems: string[] = [];
      for (const [width, height] of [SIZES[0]!, SIZES[3]!]) {
        const tab = await browser.newPage({ viewport: { width, height } });
        for (const scene of SCENES) {
          await tab.goto(`${pantau.url}/wall?device=${token}&scene=${scene}`);
          await expect
            .poll(() => tab.getByTestId('wall').getAttribute('data-connection'), { timeout: 30_000 })
            .toBe('live');
          // Wait for the scene's figures, not a fixed time: its panels no longer say "belum ada data".
          await expect
            .poll(() => tab.locator('.panel-age', { hasText: 'belum ada data' }).count(), { timeout: 60_000 })
            .toBe(0);
          const text = await tab.evaluate(() => document.body.innerText);
          for (const raw of rawText(text)) problems.push(`${scene} ${width}×${height}: "${raw}"`);
          // The real volume's figures and names clip nothing either (the busy demo's test covers four sizes).
          await tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
          for (const f of await tab.evaluate(clipping)) problems.push(`${scene} ${width}×${height}: ${f}`);
        }
        await tab.close();
      }
      expect(problems).toEqual([]);
    },
    EVERY_SCENE_MS,
  );

  it('the Isu scene says calmly that there is no issue on a day of the realistic feed', async () => {
    const tab = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await tab.goto(`${pantau.url}/wall?device=${token}&scene=isu`);
    const wall = tab.getByTestId('wall');
    await expect.poll(() => wall.getAttribute('data-connection'), { timeout: 30_000 }).toBe('live');
    await expect.poll(() => wall.getAttribute('data-issues'), { timeout: 30_000 }).toBe('0');
    await expect.poll(() => tab.getByTestId('isu-none').textContent()).toMatch(/Tidak ada isu menonjol saat ini/);
    expect(await tab.getByTestId('alert-banner').count()).toBe(0);
    await tab.close();
  });

  it('names what it leaves off a ranking: "+N lainnya" counts the late ones among them', async () => {
    const tab = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    // Pinned to worst first: the best-first view it turns to after 10 s shows no late unit by design.
    await tab.goto(`${pantau.url}/wall?device=${token}&scene=ringkasan&ranking=worst`);
    await expect.poll(() => tab.getByTestId('wall').getAttribute('data-connection'), { timeout: 30_000 }).toBe('live');
    const ranking = tab.getByTestId('opd-ranking');
    await ranking.locator('tbody tr').first().waitFor();
    const { rows } = await pantau.server.pool.query<{ n: number }>(
      `SELECT count(DISTINCT opd_id)::int AS n FROM complaint WHERE deadline_state = 'overdue'
         AND status IN ('belum_diverifikasi','terverifikasi_didisposisi','ditindaklanjuti','ditunda','bukan_wewenang')`,
    );
    // Every OPD with late items is on screen, or counted in the line that says how many are not.
    await expect
      .poll(
        async () => {
          const shown = await ranking.locator('tbody tr:not(.rank-more) td.alert').count();
          const more = ranking.getByTestId('rank-more');
          const late = (await more.count()) > 0 ? Number(await more.getAttribute('data-late')) : 0;
          return shown + late;
        },
        { timeout: 20_000 },
      )
      .toBe(rows[0]!.n);
    await tab.close();
  });
});

// The wall on a quiet node (no demo): alerts, an outage and recovery, and an officer's escalation.
describe('the video wall under change', () => {
  let pantau: Pantau;
  let browser: Browser;
  let token = '';
  let quietOpd = '';
  beforeAll(async () => {
    pantau = await startPantau({ label: 'wallquiet', env: { PANTAU_WATCH_SECONDS: '1' } });
    token = await pantau.wallToken('lobby');
    quietOpd = pantau.server.pack.opds[4]!.id;
    await seedLateComplaints(pantau, [
      { id: '8100001', opdId: pantau.server.pack.opds[0]!.id, daysAgo: 20 },
      { id: '8100002', opdId: pantau.server.pack.opds[1]!.id, daysAgo: 14 },
    ]);
    await addUser(pantau, 'piket', 'duty_officer');
    await addUser(pantau, 'pimpinan', 'viewer');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await pantau?.close();
  });

  const openWall = async (query = '') => {
    const tab = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors = watchErrors(tab);
    await tab.goto(`${pantau.url}/wall?device=${token}${query}`);
    await expect.poll(() => tab.getByTestId('wall').getAttribute('data-connection'), { timeout: 15_000 }).toBe('live');
    return { tab, errors };
  };

  it('jumps to an OPD that crosses the late threshold, then resumes the rotation', async () => {
    const { tab } = await openWall('&alertAt=3&alertSeconds=4&durations=600');
    await tab.getByTestId('kpi-overdue').waitFor();
    await seedLateComplaints(
      pantau,
      [1, 2, 3].map((n) => ({ id: `820000${n}`, opdId: quietOpd, daysAgo: 20 + n })),
    );
    const wall = tab.getByTestId('wall');
    await expect.poll(() => wall.getAttribute('data-opd'), { timeout: 20_000 }).toBe(quietOpd);
    expect(await wall.getAttribute('data-scene')).toBe('opd');
    await expect.poll(() => tab.getByTestId('alert-banner').textContent()).toMatch(/3 aduan melewati tenggat/);
    await expect.poll(() => wall.getAttribute('data-scene'), { timeout: 10_000 }).toBe('ringkasan');
    await tab.close();
  });

  it('says it is offline within seconds of an outage, recovers without a reload, and then equals a fresh wall', async () => {
    const { tab, errors } = await openWall('&scene=ringkasan');
    await tab.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    await pantau.stop();
    await tab.getByTestId('offline-banner').waitFor({ timeout: 8_000 });
    // Ingest while the wall is away: it must catch up on reconnect.
    await pantau.start();
    await seedLateComplaints(pantau, [{ id: '8300001', opdId: quietOpd, daysAgo: 30 }]);
    await expect.poll(() => tab.getByTestId('wall').getAttribute('data-connection'), { timeout: 30_000 }).toBe('live');
    await expect.poll(() => tab.getByTestId('offline-banner').count(), { timeout: 10_000 }).toBe(0);
    expect(await tab.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    const fresh = await openWall('&scene=ringkasan');
    const figures = async (p: Page) =>
      Promise.all(
        ['kpi-month-received', 'kpi-open', 'kpi-overdue', 'kpi-year-received'].map((id) =>
          p.getByTestId(id).textContent(),
        ),
      );
    await expect
      .poll(async () => JSON.stringify(await figures(tab)), { timeout: 15_000 })
      .toBe(JSON.stringify(await figures(fresh.tab)));
    expect(await figures(tab)).not.toContain('–');
    // The only errors allowed are the browser's own reports of the refused connections during the outage.
    expect(errors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to load resource|WebSocket/.test(e))).toEqual([]);
    await tab.close();
    await fresh.tab.close();
  });

  it('shows an officer’s escalation from the console on the Keterlambatan scene within 2 seconds', async () => {
    const { tab: wall } = await openWall('&scene=keterlambatan');
    const console = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(console, `${pantau.url}/console?q=8100002`, 'piket');
    const row = console.getByTestId('worklist-row').first();
    const id = await row.getAttribute('data-id');
    const before = Number(await row.getAttribute('data-step'));
    const onWall = wall.locator(`[data-testid="late-row"][data-id="${id}"]`).first();
    await expect.poll(() => onWall.getAttribute('data-step'), { timeout: 10_000 }).toBe(String(before));
    await row.dblclick();
    await console.getByTestId('action-escalate').click();
    await console.getByTestId('reason').fill('Tidak ada tanggapan OPD selama tiga hari kerja');
    const started = Date.now();
    await console.getByTestId('confirm').click();
    await expect
      .poll(() => onWall.getAttribute('data-step'), { timeout: 2_000, interval: 50 })
      .toBe(String(before + 1));
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('shows an annotation a duty officer marks on the trend within seconds', async () => {
    const { tab } = await openWall('&scene=ringkasan');
    await tab.getByRole('img', { name: 'Aduan per bulan, 12 bulan terakhir' }).waitFor();
    const duty = await pantau.bearer('duty_officer');
    const started = Date.now();
    const res = await fetch(`${pantau.url}/api/annotations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${duty}`, 'content-type': 'application/json' },
      body: JSON.stringify({ startsAt: new Date(Date.now() - 86_400_000).toISOString(), text: 'Banjir di Kapuas' }),
    });
    expect(res.status).toBe(201);
    await expect
      .poll(() => tab.getByTestId('annotations').textContent(), { timeout: 5_000, interval: 100 })
      .toMatch(/1 .*: Banjir di Kapuas/);
    expect(Date.now() - started).toBeLessThan(5_000);
    await tab.close();
  });

  it('jumps to the Isu scene when a flood is injected: complaints and angry mentions on one axis, the spike marked, the OPDs involved', async () => {
    const { tab, errors } = await openWall('&alertSeconds=6&durations=600');
    const wall = tab.getByTestId('wall');
    // The wall has its starting state (no issue) before the flood, so the flood is news.
    await expect.poll(() => wall.getAttribute('data-issues'), { timeout: 30_000 }).toBe('0');
    const { pack, pool } = pantau.server;
    const calendar = await loadWorkingCalendar(pool, pack.code, pack.timeZone);
    const { incident, rejected } = await injectIncident(
      pool,
      pack,
      { pack, calendar: () => calendar },
      'banjir',
      new Date(),
      {
        regencyCode: '62.03',
      },
    );
    expect(rejected).toEqual([]);
    await expect.poll(() => wall.getAttribute('data-scene'), { timeout: 20_000 }).toBe('isu');
    await expect
      .poll(() => tab.getByTestId('alert-banner').textContent())
      .toMatch(/isu Banjir dan Drainase · Kabupaten Kapuas — aduan dan sebutan negatif naik bersamaan/);
    // One flood, one issue: its topic and its kabupaten named together, on the banner as on the scene.
    const scene = tab.getByTestId('isu-scene');
    expect(await scene.getAttribute('data-subject')).toBe('topic:Banjir dan Drainase');
    expect(await scene.getAttribute('data-regency')).toBe('62.03');
    await expect.poll(() => tab.getByTestId('isu-tags').textContent()).toContain(incident.tag);
    await tab.getByRole('img', { name: 'Aduan dan sebutan negatif 30 hari terakhir' }).waitFor();
    expect(await tab.getByTestId('isu-opd').count()).toBeGreaterThan(0);
    await expect.poll(() => wall.getAttribute('data-scene'), { timeout: 15_000 }).toBe('ringkasan');
    expect(errors).toEqual([]);
    await tab.close();
  });

  it('a kabupaten/kota view is titled with its name, not as the province', async () => {
    const tab = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(tab, `${pantau.url}/console`, 'pimpinan');
    const regency = pantau.server.pack.regencies.find((r) => r.kind === 'kota')!;
    await tab.goto(`${pantau.url}/dashboard?regency=${regency.code}`);
    await expect.poll(() => tab.getByTestId('dashboard').getAttribute('data-topic')).toBe(`regency:${regency.code}`);
    await expect
      .poll(() => tab.getByTestId('scene-title').getAttribute('aria-label'))
      .toBe(`Ringkasan ${regency.name}`);
    await tab.close();
  });

  it('the dashboard narrows every panel to a clicked OPD, keeps it in the URL, and Back returns; a duty officer’s drilldown sent to a screen shows there', async () => {
    const tab = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(tab, `${pantau.url}/console`, 'pimpinan');
    await tab.goto(`${pantau.url}/dashboard`);
    const dash = tab.getByTestId('dashboard');
    await expect.poll(() => dash.getAttribute('data-topic')).toBe('province');
    const row = tab.locator(`[data-testid="opd-ranking"] tr[data-id="${quietOpd}"]`);
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    await expect.poll(() => dash.getAttribute('data-topic')).toBe(`opd:${quietOpd}`);
    expect(new URL(tab.url()).searchParams.get('opd')).toBe(quietOpd);
    await expect.poll(() => tab.getByTestId('crumbs').textContent()).toContain(pantau.server.pack.opds[4]!.shortName);
    // The numbers are that OPD's own, counted from its complaints directly.
    const { rows } = await pantau.server.pool.query(
      `SELECT count(*) FILTER (WHERE status IN ('belum_diverifikasi', 'terverifikasi_didisposisi', 'ditindaklanjuti', 'ditunda', 'bukan_wewenang'))::int AS open,
              count(*) FILTER (WHERE (submitted_at AT TIME ZONE $2) >= date_trunc('month', now() AT TIME ZONE $2))::int AS month
       FROM complaint WHERE opd_id = $1`,
      [quietOpd, pantau.server.pack.timeZone],
    );
    expect(rows[0].open).toBeGreaterThan(0);
    await expect.poll(() => tab.getByTestId('kpi-open').textContent()).toBe(String(rows[0].open));
    await expect.poll(() => tab.getByTestId('kpi-month-received').textContent()).toBe(String(rows[0].month));
    await tab.goBack();
    await expect.poll(() => dash.getAttribute('data-topic')).toBe('province');
    // A viewer does not drive the governor's wall: no screen picker for them.
    expect(await tab.getByTestId('wall-screen').count()).toBe(0);
    // A duty officer sends the same drilldown to the lobby screen; the wall shows it until released.
    const { tab: wall } = await openWall('');
    const officer = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(officer, `${pantau.url}/console`, 'piket');
    await officer.goto(`${pantau.url}/dashboard?opd=${quietOpd}`);
    await officer.getByTestId('wall-screen').selectOption('lobby');
    await officer.getByTestId('send-to-wall').click();
    await expect.poll(() => wall.getByTestId('wall').getAttribute('data-opd'), { timeout: 10_000 }).toBe(quietOpd);
    // The wall says who sent the view (viewers and leadership see who is driving the screen).
    expect(await wall.getByTestId('sent-banner').textContent()).toMatch(/dikirim oleh Uji piket/);
    await officer.getByTestId('release-wall').click();
    await expect.poll(() => wall.getByTestId('wall').getAttribute('data-override'), { timeout: 10_000 }).toBe('no');
  });
});
