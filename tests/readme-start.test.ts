import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { freshClone, readmeCommands, startCommand, type StartedProcess } from './support/fresh-clone.ts';

// A newcomer's first five minutes: clone, run the README's start command, open the printed wall URL.
// Runs the real command in a child process on the embedded PostgreSQL (no DATABASE_URL), so this also
// proves the embedded path starts, migrates and answers queries.
describe("the README's start command on a fresh clone", () => {
  let dir: string | undefined;
  let proc: StartedProcess | undefined;

  afterAll(async () => {
    const code = await proc?.stop();
    // Graceful shutdown: SIGTERM ends the node (and its embedded database) without an error exit.
    expect(code === 0 || code === null || code === 143).toBe(true);
    if (dir) {
      // The embedded PostgreSQL finishes its shutdown checkpoint after the node exits: wait for it to let
      // go of its data directory before removing the clone.
      const pid = path.join(dir, '.pantau/pgdata/postmaster.pid');
      for (let i = 0; i < 100 && existsSync(pid); i++) await new Promise((r) => setTimeout(r, 200));
      await rm(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
    }
  });

  it('installs, builds, runs `node apps/server/dist/main.js` on the embedded database, prints the URLs, answers /readyz and serves the wall', async () => {
    dir = await freshClone();
    const readme = await readFile(path.join(dir, 'README.md'), 'utf8');
    const { start } = readmeCommands(readme);
    // A brisk demo feed (about one complaint every two seconds) so the test can watch the wall move.
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', CI: 'true', PANTAU_DEMO_PER_DAY: '40000' };
    delete env.DATABASE_URL;
    proc = startCommand(start, dir, env);
    const [, wallUrl] = await proc.waitFor(/Wall:\s+(http:\/\/\S+\/wall\S*)/, 200_000);
    expect(proc.output()).toMatch(/Database:\s+embedded PostgreSQL/);
    const base = new URL(wallUrl!).origin;

    // The node runs from the build with plain `node` (no tsx, no TypeScript at run time).
    const processes = execFileSync('ps', ['-ww', '-eo', 'args'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes(dir!));
    expect(processes).toContainEqual(expect.stringMatching(/^\S*node \S+\/apps\/server\/dist\/main\.js$/));
    expect(processes.filter((line) => /\btsx\b|\.ts\b/.test(line))).toEqual([]);

    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });

    const page = await fetch(wallUrl!);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toMatch(/<div id="root"><\/div>/);

    const browser = await launchBrowser();
    try {
      const tab = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      const errors: string[] = [];
      tab.on('pageerror', (e) => errors.push(e.message));
      tab.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      // Pinned to the overview (the wall otherwise rotates on through its scenes while the test watches).
      await tab.goto(`${wallUrl!}&scene=ringkasan`);
      // The default province is Kalimantan Tengah, shown with its WIB clock.
      await tab.getByText('Kalimantan Tengah', { exact: false }).first().waitFor({ timeout: 20_000 });
      await expect.poll(() => tab.getByTestId('wall-clock').textContent()).toMatch(/\d{2}\.\d{2}\.\d{2} WIB/);
      expect(await tab.locator('html').getAttribute('lang')).toBe('id');
      // The wall signs in with the printed device token and goes live.
      await expect
        .poll(() => tab.getByTestId('wall').getAttribute('data-connection'), { timeout: 20_000 })
        .toBe('live');
      // The wall updates by itself from the simulator: the year's count grows without a reload.
      const year = async () =>
        Number(((await tab.getByTestId('kpi-year-received').textContent()) ?? '').replace(/\D/g, '') || 'NaN');
      await expect.poll(year, { timeout: 30_000 }).toBeGreaterThan(0);
      const first = await year();
      await expect.poll(year, { timeout: 45_000 }).toBeGreaterThan(first);
      // 2027's SKB is loaded: the wall carries no calendar banner (a marker appears only on a deadline that
      // falls in a year with no official calendar).
      expect(await tab.getByTestId('calendar-warning').count()).toBe(0);
      expect(await tab.getByText(/belum dimuat/).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
