import { loadWorkingCalendar, seedProvincePack } from '@pantau/db';
import { createTestDatabase } from '@pantau/db/testing';
import { addDays, localDateOf } from '@pantau/domain';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { ingestComplaintBatch, type ComplaintContext } from '../ingest/complaint-ingest.ts';
import { createLogger } from '../logger.ts';
import { DEFAULT_PUBLIC_OPTIONS } from '../public/routes.ts';

const pack = loadProvincePack('kalteng');
const DAY = 86_400_000;

/** The text a reader sees: tags dropped, entities decoded, spaces collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<head>[\s\S]*?<\/head>/, ' ')
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** The trend's sentence: under its chart, or alone when nothing is drawn. */
const captionOf = (html: string) =>
  textOf(/<(?:figcaption|p class="summary")>([\s\S]*?)<\/(?:figcaption|p)>/.exec(html)?.[1] ?? '');

/** The rows of the table behind the chart: [period label, received, resolved]. */
const tableRows = (html: string) =>
  [...(/<table class="chart-data"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
    .map((m) => [...m[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => textOf(c[1]!).trim()))
    .slice(1);

/** An app over its own database holding only the complaints `seeds` place (OPD, days ago, count). */
async function scenario(label: string, seeds: Array<[opdId: string, daysAgo: number, count: number]>) {
  const db = await createTestDatabase({ label });
  await seedProvincePack(db.pool, pack);
  const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
  const ctx: ComplaintContext = { pack, calendar: () => calendar };
  const today = localDateOf(new Date(), pack.timeZone);
  let n = 0;
  const items: unknown[] = [];
  for (const [opdId, daysAgo, count] of seeds) {
    // Local noon, so the day is unambiguous (now, when noon is still ahead today).
    const at = new Date(Date.parse(`${addDays(today, -daysAgo)}T12:00:00+07:00`));
    const when = (at.getTime() > Date.now() ? new Date(Date.now() - 60_000) : at).toISOString();
    for (let i = 0; i < count; i++, n++) {
      items.push(
        {
          externalId: `honest-${n}`,
          event: {
            type: 'submitted',
            eventId: 's',
            occurredAt: when,
            trackingId: `${5_500_000 + n}`,
            channel: 'web',
            classification: 'pengaduan',
            topic: 'Infrastruktur Jalan',
            title: `Jalan rusak ${n}`,
            body: 'Jalan rusak',
            regencyCode: pack.capitalRegencyCode,
            isRahasia: false,
            isAnonim: true,
            reporter: { name: 'Warga', contact: '-' },
          },
        },
        {
          externalId: `honest-${n}`,
          event: { type: 'verified', eventId: 'v', occurredAt: new Date(Date.now() - 30_000).toISOString(), opdId },
        },
      );
    }
  }
  const r = await ingestComplaintBatch(db.pool, ctx, 'honest', items);
  if (!r.every((x) => x.status === 'accepted')) throw new Error(`seed rejected: ${JSON.stringify(r)}`);
  const appWith = (minCount = DEFAULT_PUBLIC_OPTIONS.minCount) =>
    createApp({
      pool: db.pool,
      pack,
      logger: createLogger('silent'),
      webDist: '/nonexistent',
      complaints: ctx,
      publicApi: { ...DEFAULT_PUBLIC_OPTIONS, minCount, rateLimitBurst: 100_000 },
    });
  return { db, app: appWith(), appWith };
}

// Each pattern of complaints lives in its own database: the province is the sum of its OPDs, so one
// OPD's small counts decide what is withheld elsewhere (complementary suppression, public/cube.ts).
describe('widgets with small counts and empty days', () => {
  const [small, weekly, gappy] = [pack.opds[2]!.id, pack.opds[3]!.id, pack.opds[4]!.id];
  const today = localDateOf(new Date(), pack.timeZone);
  const worlds: Record<string, Awaited<ReturnType<typeof scenario>>> = {};

  beforeAll(async () => {
    // Three complaints in 30 days, on two days: every day is "<5", the 30 days are "<5" too.
    worlds.small = await scenario('honestsmall', [
      [small, 0, 2],
      [small, 3, 1],
    ]);
    // Two a day on three days of this week and three a day on two days of last week: small days,
    // weeks of 6 each.
    worlds.weekly = await scenario('honestweekly', [
      [weekly, 0, 2],
      [weekly, 1, 2],
      [weekly, 2, 2],
      [weekly, 8, 3],
      [weekly, 9, 3],
    ]);
    // Two busy days 17 days apart, nothing in between.
    worlds.gappy = await scenario('honestgappy', [
      [gappy, 20, 5],
      [gappy, 3, 6],
    ]);
    // The gappy OPD beside a small one: the province minus the gappy OPD would be the small one.
    worlds.both = await scenario('honestboth', [
      [gappy, 20, 5],
      [gappy, 3, 6],
      [small, 3, 2],
    ]);
  });
  afterAll(async () => Promise.all(Object.values(worlds).map((w) => w.db.drop())));

  const page = async (url: string, world = 'small') => {
    const res = await worlds[world]!.app.request(url);
    expect(res.status, url).toBe(200);
    return res.text();
  };

  it('never captions a small total as 0: the 30 days are summed first and then said to be fewer than 5', async () => {
    for (const lang of ['id', 'en'] as const) {
      const html = await page(`/embed/trend?scope=${small}&lang=${lang}`);
      const caption = captionOf(html);
      expect(caption, lang).not.toMatch(/(^|\D)0 (aduan|complaints) (masuk|received)/);
      expect(caption, lang).toMatch(lang === 'id' ? /kurang dari 5 aduan masuk/ : /fewer than 5 complaints received/);
      // Resolved really is zero here, and may say so.
      expect(caption, lang).toMatch(lang === 'id' ? /\b0 selesai/ : /\b0 resolved/);
    }
  });

  it('explains in words what "<5" means on every widget that shows it', async () => {
    for (const kind of ['kpi', 'trend', 'ontime']) {
      const text = textOf(await page(`/embed/${kind}?scope=${small}`));
      if (text.includes('<5')) expect(text, kind).toMatch(/"<5" berarti 1 sampai 4/);
    }
    const kpi = textOf(await page(`/embed/kpi?scope=${small}`));
    expect(kpi).toContain('<5');
    expect(kpi).toMatch(/"<5" berarti 1 sampai 4/);
    expect(textOf(await page(`/embed/kpi?scope=${small}&lang=en`))).toMatch(/"<5" means 1 to 4/);
  });

  it('draws weeks instead of a line of "<5" days when daily counts are small, with exact weekly totals', async () => {
    const html = await page(`/embed/trend?scope=${weekly}`, 'weekly');
    expect(textOf(html)).toMatch(/Aduan per minggu/);
    const rows = tableRows(html);
    expect(rows.map((r) => r[1])).toEqual(['0', '0', '6', '6']);
    expect(rows.map((r) => r[2])).toEqual(['0', '0', '0', '0']);
    expect(captionOf(html)).toMatch(/12 aduan masuk/);
    expect(html).not.toContain('&lt;5');
  });

  it('follows the public API minimum when it is raised', async () => {
    const html = await (await worlds.gappy!.appWith(10).request(`/embed/trend?scope=${gappy}`)).text();
    // 5 and 6 on two days are below 10: no week or day is drawn, the 30 days (11) are shown once.
    expect(captionOf(html)).toMatch(/11 aduan masuk/);
    expect(tableRows(html)).toEqual([]);
    const kpi = textOf(await (await worlds.small!.appWith(10).request(`/embed/kpi?scope=${small}`)).text());
    expect(kpi).toContain('<10');
    expect(kpi).toMatch(/"<10" berarti 1 sampai 9/);
  });

  it('keeps a day with no complaints on the chart as zero, across the whole 30 days, and states the period', async () => {
    // The province draws days (an OPD draws weeks at most); here the province is the gappy OPD alone.
    const html = await page(`/embed/trend?scope=province`, 'gappy');
    const rows = tableRows(html);
    expect(rows).toHaveLength(30);
    const received = rows.map((r) => r[1]);
    expect(received.filter((v) => v !== '0')).toEqual(['5', '6']);
    expect(received[9]).toBe('5'); // 20 days ago is the 10th of 30 days
    expect(received[26]).toBe('6');
    // The line has a vertex for every day, empty days included.
    const line = /<path d="M([^"]+)"[^>]*stroke="#0b6e4f"/.exec(html)?.[1] ?? '';
    expect(line.split('L')).toHaveLength(30);
    const fmt = (lang: string) =>
      new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const from = new Date(Date.parse(`${today}T00:00:00Z`) - 29 * DAY);
    const to = new Date(Date.parse(`${today}T00:00:00Z`));
    const period = (lang: string) => fmt(lang).formatRange(from, to).replace(/\s+/g, ' ');
    expect(captionOf(html)).toContain(period('id-ID'));
    const en = await page(`/embed/trend?scope=province&lang=en&theme=light`, 'gappy');
    expect(captionOf(en)).toContain(period('en-GB'));
  });

  it('withholds a count that, with the province total, would give a small OPD away, and says why', async () => {
    // Province 13 = gappy 11 + small 2: publishing 13 and 11 would tell everyone the small one is 2.
    const province = await (await worlds.both!.app.request('/api/public/v1/complaints?scope=province')).json();
    const quiet = await (await worlds.both!.app.request(`/api/public/v1/complaints?scope=${small}`)).json();
    const busy = await (await worlds.both!.app.request(`/api/public/v1/complaints?scope=${gappy}`)).json();
    // The last week: province 8 = gappy 6 + small 2. At most one of the two larger counts is exact.
    expect(quiet.complaints.trend.at(-1).received).toBe('<5');
    const provinceWeek = province.complaints.trend
      .slice(-7)
      .reduce(
        (n: number | null, d: { received: unknown }) =>
          n === null || typeof d.received !== 'number' ? null : n + d.received,
        0,
      );
    const busyWeek = busy.complaints.trend.at(-1).received;
    expect([provinceWeek, busyWeek].filter((v) => typeof v === 'number').length).toBeLessThan(2);
    expect(busyWeek).toBe('withheld');
    // The widget then says only what is safe, in words: at least 5, not 11.
    const trend = captionOf(await page(`/embed/trend?scope=${gappy}`, 'both'));
    expect(trend).toMatch(/sedikitnya 5 aduan masuk/);
    expect(trend).not.toMatch(/\b11 aduan masuk/);
  });
});
