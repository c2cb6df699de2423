import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { issueWallDevice } from '@pantau/db';
import { createLogger, loadEnv, startServer } from '@pantau/server';
import { CHROMIUM_PATH } from '../support/browser.ts';
import { buildWebApp } from '../support/web-build.ts';
import { benchDatabase, fmt, type BenchResult } from './support.ts';

const MINUTES = Number(process.env.BENCH_SOAK_MINUTES ?? 30);
const WARMUP_MINUTES = Math.min(5, MINUTES / 3);
const SAMPLE_SECONDS = Number(process.env.BENCH_SOAK_SAMPLE_SECONDS ?? 30);

/**
 * The wall in headless Chromium for MINUTES under an accelerated simulator feed (about 50,000 complaints
 * a day, every scene every 5 s, so each scene's charts are created and disposed hundreds of times). Every
 * SAMPLE_SECONDS: a forced GC, then the JS heap, the DOM node count and the live chart instances. The
 * figure is the growth after the warm-up, and its slope; flat means no leak.
 */
export async function wallSoakBench(): Promise<BenchResult> {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'pantau-soak-web-'));
  buildWebApp(dist);
  const db = await benchDatabase('soak');
  const url = new URL(db.url);
  url.searchParams.set('options', `-c search_path=${db.schema},public`);
  const env = loadEnv({
    DATABASE_URL: url.toString(),
    PORT: '0',
    PANTAU_DEMO: 'on',
    PANTAU_DEMO_PER_DAY: '50000',
    PANTAU_DEMO_HISTORY_PER_DAY: '20',
    PANTAU_WEB_DIST: dist,
    LOG_LEVEL: 'warn',
  });
  const server = await startServer(env, createLogger('warn'));
  const token = await issueWallDevice(server.pool, 'soak', 'Soak wall');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const samples: Array<{ minute: number; heapMb: number; nodes: number; charts: number }> = [];
  try {
    const page = await browser.newPage({ viewport: { width: 3840, height: 2160 } });
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`${server.url}/wall?device=${token}&durations=5`);
    const started = Date.now();
    while (Date.now() - started < MINUTES * 60_000) {
      await page.waitForTimeout(SAMPLE_SECONDS * 1000);
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      const dom = await page.evaluate(() => ({
        nodes: document.getElementsByTagName('*').length,
        charts: (window as unknown as { __pantauCharts?: { count: number } }).__pantauCharts?.count ?? -1,
      }));
      samples.push({ minute: (Date.now() - started) / 60_000, heapMb: heap.usedSize / 2 ** 20, ...dom });
      process.stderr.write(
        `  soak ${samples.at(-1)!.minute.toFixed(1)} min: heap ${samples.at(-1)!.heapMb.toFixed(1)} MB, ${dom.nodes} nodes, ${dom.charts} charts\n`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
    await db.close();
    rmSync(dist, { recursive: true, force: true });
  }
  const after = samples.filter((s) => s.minute >= WARMUP_MINUTES);
  const first = after[0]!;
  const last = after.at(-1)!;
  // Least-squares slope of the heap after warm-up, per hour.
  const n = after.length;
  const mx = after.reduce((a, s) => a + s.minute, 0) / n;
  const my = after.reduce((a, s) => a + s.heapMb, 0) / n;
  const slope =
    after.reduce((a, s) => a + (s.minute - mx) * (s.heapMb - my), 0) /
    Math.max(
      1e-9,
      after.reduce((a, s) => a + (s.minute - mx) ** 2, 0),
    );
  const maxCharts = Math.max(...samples.map((s) => s.charts));
  return {
    name: `wall soak, ${MINUTES} min at 3840×2160, scenes every 5 s, ~50,000 complaints/day`,
    lines: [
      `JS heap after forced GC: ${fmt(first.heapMb)} MB at ${fmt(first.minute)} min (after warm-up) → ${fmt(last.heapMb)} MB at ${fmt(last.minute)} min; min ${fmt(Math.min(...after.map((s) => s.heapMb)))}, max ${fmt(Math.max(...after.map((s) => s.heapMb)))}`,
      `heap slope after warm-up: ${fmt(slope * 60, 2)} MB/h (${n} samples)`,
      `DOM nodes: ${first.nodes} → ${last.nodes} (max ${Math.max(...samples.map((s) => s.nodes))})`,
      `live chart instances: ${first.charts} → ${last.charts} (max ${maxCharts})`,
    ],
  };
}
