import type { PublicCount } from '@pantau/contracts';
import { loadWorkingCalendar, seedProvincePack } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { addDays } from '@pantau/domain';
import { loadProvincePack } from '@pantau/provinces';
import { ComplaintSimulator } from '@pantau/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { ingestComplaintBatch } from '../ingest/complaint-ingest.ts';
import { createLogger } from '../logger.ts';
import { attack, type CellBounds, type KnownEquation } from './attack.ts';
import { DEFAULT_PUBLIC_OPTIONS, PUBLIC_BASE } from './routes.ts';
import { seedLeakFixture } from './testing/leak-fixture.ts';

const pack = loadProvincePack('kalteng');
const MIN = 5;
const DAY = 86_400_000;

/**
 * The attacker of issue 13 item 6: reads every public answer of one moment — the summary of every scope
 * in both periods, the rankings and every trend widget — writes down every sum the public can know holds
 * (the province is the sum of its OPDs and of its regencies; a month, a week, a 30-day window and today
 * are sums of days; followed-up is on-time plus late; decided is the sum of its decisions) and solves,
 * with integer programming, for the smallest and largest value of every count published as "<5".
 * Built from the HTTP answers alone: it shares no code with the suppression it attacks.
 */
class PublicKnowledge {
  readonly bounds = new Map<string, CellBounds>();
  readonly equations: KnownEquation[] = [];
  readonly small = new Set<string>();

  /** A published count: exact, "<5", withheld (at least 5), or unpublished (not negative). */
  cell(key: string, v: PublicCount | null | undefined): string {
    if (this.bounds.has(key) && v === undefined) return key;
    const b: CellBounds =
      typeof v === 'number'
        ? { lo: v, hi: v }
        : v === 'withheld'
          ? { lo: MIN, hi: Infinity }
          : typeof v === 'string'
            ? { lo: 1, hi: MIN - 1 }
            : { lo: 0, hi: Infinity };
    const old = this.bounds.get(key);
    // Two answers publishing the same cell must agree; the tighter knowledge wins.
    this.bounds.set(key, old ? { lo: Math.max(old.lo, b.lo), hi: Math.min(old.hi, b.hi) } : b);
    if (typeof v === 'string' && v !== 'withheld') this.small.add(key);
    return key;
  }

  /** total = sum(parts) (+ an unknown residual when the parts do not cover everything). */
  sum(total: string, parts: string[], residual: 'none' | 'unknown' = 'none'): void {
    for (const k of [total, ...parts]) this.cell(k, undefined);
    const terms = [{ cell: total, coef: -1 }, ...parts.map((p) => ({ cell: p, coef: 1 }))];
    if (residual === 'unknown') terms.push({ cell: this.cell(`residual:${this.equations.length}`, null), coef: 1 });
    this.equations.push({ terms, rhs: 0 });
  }
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function readEverythingPublic(app: ReturnType<typeof createApp>, residual: 'none' | 'unknown') {
  const k = new PublicKnowledge();
  const get = async (url: string) => {
    const res = await app.request(url);
    expect(res.status, url).toBe(200);
    return url.startsWith('/embed') ? res.text() : ((await res.json()) as Json);
  };
  const scopes = ['province', ...pack.opds.map((o) => o.id), ...pack.regencies.map((r) => r.code)];
  const month = new Map<string, Json>();
  for (const scope of scopes) {
    const m = (await get(`${PUBLIC_BASE}/summary?scope=${scope}&period=month`)) as Json;
    const t = (await get(`${PUBLIC_BASE}/summary?scope=${scope}&period=today`)) as Json;
    month.set(scope, m);
    const c = m.complaints;
    k.cell(`${scope}|mRec`, c.received);
    k.cell(`${scope}|mComp`, c.resolved);
    k.cell(`${scope}|mFu`, c.followedUp);
    k.cell(`${scope}|open`, c.open);
    k.cell(`${scope}|overdue`, c.overdue);
    k.cell(`${scope}|open`, t.complaints.open);
    k.cell(`${scope}|overdue`, t.complaints.overdue);
    k.cell(`${scope}|tRec`, t.complaints.received);
    k.cell(`${scope}|tComp`, t.complaints.resolved);
    k.cell(`${scope}|tFu`, t.complaints.followedUp);
    for (const [ch, v] of Object.entries(c.byChannel as Record<string, PublicCount>)) k.cell(`${scope}|ch:${ch}`, v);
    for (const x of c.byTopic as Array<{ topic: string; received: PublicCount }>)
      k.cell(`${scope}|tp:${x.topic}`, x.received);
    if (c.trendUnit === 'day')
      for (const d of c.trend) {
        k.cell(`${scope}|d:${d.day}:rec`, d.received);
        k.cell(`${scope}|d:${d.day}:comp`, d.resolved);
      }
    else
      c.trend.forEach((w: Json, i: number) => {
        k.cell(`${scope}|w${i}:rec`, w.received);
        k.cell(`${scope}|w${i}:comp`, w.resolved);
      });
    // A published share with an exact denominator gives the numerator: on time = share × followed up.
    const split = (whole: PublicCount, share: number | null, a: string, b: string) => {
      if (share !== null && typeof whole === 'number') {
        const on = Math.round(share * whole);
        k.cell(a, on);
        k.cell(b, whole - on);
      } else {
        k.cell(a, null);
        k.cell(b, null);
      }
    };
    split(c.followedUp, c.onTimeShare, `${scope}|ot`, `${scope}|late`);
    const p = m.ppid;
    if (p) {
      k.cell(`${scope}|pReq`, p.requests);
      k.cell(`${scope}|pDec`, p.decided);
      k.cell(`${scope}|pObj`, p.objections);
      k.cell(`${scope}|pDisp`, p.disputes);
      for (const [kind, v] of Object.entries(p.decisions as Record<string, PublicCount>))
        k.cell(`${scope}|pdk:${kind}`, v);
      split(p.decided, p.onTimeShare, `${scope}|pot`, `${scope}|plate`);
    }
    // The trend widget's caption: the total over the window it draws (28 days when it draws weeks).
    const html = (await get(`/embed/trend?scope=${scope}`)) as string;
    const caption = /<(?:figcaption|p class="summary")>([\s\S]*?)<\/(?:figcaption|p)>/.exec(html)?.[1] ?? '';
    const totals = /: (.+?) aduan masuk, (.+?) selesai/.exec(caption.replace(/<[^>]+>/g, ''));
    expect(totals, `${scope} trend caption`).not.toBeNull();
    const parse = (s: string): PublicCount =>
      /^kurang dari/.test(s) ? `<${MIN}` : /^sedikitnya/.test(s) ? 'withheld' : Number(s.replace(/\./g, ''));
    const weeks = (html.match(/<table class="chart-data"[\s\S]*?<\/table>/)?.[0].match(/<tr>/g)?.length ?? 1) - 1 === 4;
    k.cell(`${scope}|${weeks ? 'r28' : 'r30'}:rec`, parse(totals![1]!));
    k.cell(`${scope}|${weeks ? 'r28' : 'r30'}:comp`, parse(totals![2]!));
  }
  for (const row of ((await get(`${PUBLIC_BASE}/rankings`)) as Json).opds) {
    k.cell(`${row.id}|mRec`, row.received);
    k.cell(`${row.id}|overdue`, row.overdue);
  }

  // The sums the public knows hold. Dates as the API states them.
  const province = month.get('province')!.complaints;
  const today: string = province.period.to;
  const monthStart: string = province.period.from;
  const trendStart = addDays(today, -29);
  const weekStarts = [0, 1, 2, 3].map((i) => addDays(today, -(4 - i) * 7 + 1));
  const from = monthStart < trendStart ? monthStart : trendStart;
  const cuts = [...new Set([from, trendStart, ...weekStarts, monthStart, today, addDays(today, 1)])].sort();
  const segments = cuts.slice(0, -1).map((c, i) => ({ from: c, to: addDays(cuts[i + 1]!, -1) }));
  const decisionKinds = new Set<string>();
  for (const m of month.values()) for (const kind of Object.keys(m.ppid?.decisions ?? {})) decisionKinds.add(kind);
  const complaintMeasures = ['mRec', 'mComp', 'mFu', 'tRec', 'tComp', 'tFu', 'open', 'overdue', 'ot', 'late', 'hFu'];
  const windowMeasures: string[] = [];
  for (const x of ['rec', 'comp']) {
    const seg = (s: { from: string }) => (s.from === today ? (x === 'rec' ? 'tRec' : 'tComp') : `s:${s.from}:${x}`);
    const segsIn = (lo: string, hi: string) => segments.filter((s) => s.from >= lo && s.from <= hi).map(seg);
    windowMeasures.push(...segments.filter((s) => s.from !== today).map(seg));
    windowMeasures.push(...[0, 1, 2, 3].map((i) => `w${i}:${x}`), `r28:${x}`, `r30:${x}`);
    for (const scope of scopes) {
      const at = (m: string) => `${scope}|${m}`;
      k.sum(at(x === 'rec' ? 'mRec' : 'mComp'), segsIn(monthStart, today).map(at));
      weekStarts.forEach((w, i) => k.sum(at(`w${i}:${x}`), segsIn(w, addDays(w, 6)).map(at)));
      k.sum(at(`r30:${x}`), segsIn(trendStart, today).map(at));
      k.sum(
        at(`r28:${x}`),
        [0, 1, 2, 3].map((i) => at(`w${i}:${x}`)),
      );
    }
    // The province's days are published: each segment is the sum of its days.
    for (const s of segments.filter((g) => g.from !== today)) {
      const days: string[] = [];
      for (let d = s.from; d <= s.to; d = addDays(d, 1)) days.push(`province|d:${d}:${x}`);
      k.sum(`province|${seg(s)}`, days);
    }
    k.sum(`province|${x === 'rec' ? 'tRec' : 'tComp'}`, [`province|d:${today}:${x}`]);
  }
  const channels = Object.keys(province.byChannel);
  k.sum(
    'province|mRec',
    channels.map((c) => `province|ch:${c}`),
    residual,
  );
  k.sum(
    'province|mRec',
    (province.byTopic as Json[]).map((t) => `province|tp:${t.topic}`),
    'unknown',
  );
  for (const scope of scopes) {
    k.sum(`${scope}|mFu`, [`${scope}|tFu`, `${scope}|hFu`]);
    k.sum(`${scope}|mFu`, [`${scope}|ot`, `${scope}|late`]);
    if (month.get(scope)!.ppid) {
      k.sum(
        `${scope}|pDec`,
        [...decisionKinds].map((d) => `${scope}|pdk:${d}`),
      );
      k.sum(`${scope}|pDec`, [`${scope}|pot`, `${scope}|plate`]);
    }
  }
  const opds = pack.opds.map((o) => o.id);
  const regencies = pack.regencies.map((r) => r.code);
  for (const m of [...complaintMeasures, ...windowMeasures]) {
    k.sum(
      `province|${m}`,
      opds.map((o) => `${o}|${m}`),
      residual,
    );
    k.sum(
      `province|${m}`,
      regencies.map((r) => `${r}|${m}`),
      residual,
    );
  }
  for (const m of ['pReq', 'pDec', 'pObj', 'pDisp', 'pot', 'plate', ...[...decisionKinds].map((d) => `pdk:${d}`)])
    k.sum(
      `province|${m}`,
      opds.map((o) => `${o}|${m}`),
      residual,
    );
  return k;
}

async function solvedSmallCells(k: PublicKnowledge) {
  const { ranges } = await attack(k.equations, k.bounds, k.small);
  const solved = [...k.small].filter((c) => ranges.get(c)![0] === ranges.get(c)![1]);
  return { solved, ranges };
}

const appOn = (db: TestDatabase) =>
  createApp({
    pool: db.pool,
    pack,
    logger: createLogger('silent'),
    webDist: '/nonexistent',
    publicApi: { ...DEFAULT_PUBLIC_OPTIONS, rateLimitBurst: 1_000_000 },
  });

describe('no small count can be solved for from everything public', () => {
  let fixture: TestDatabase;
  let simulated: TestDatabase;

  beforeAll(async () => {
    fixture = await createTestDatabase({ label: 'sdcfixture' });
    await seedLeakFixture(fixture.pool, pack);
    simulated = await createTestDatabase({ label: 'sdcsim' });
    await seedProvincePack(simulated.pool, pack);
    const calendar = await loadWorkingCalendar(simulated.pool, pack.code, pack.timeZone);
    const sim = new ComplaintSimulator({
      pack,
      start: new Date(Date.now() - 35 * DAY),
      seed: 13,
      perDay: 120,
      history: { until: new Date(Date.now() - 7 * DAY), perDay: 40 },
    });
    const events = sim.advance(new Date());
    const ctx = { pack, calendar: () => calendar };
    for (let i = 0; i < events.length; i += 1000)
      await ingestComplaintBatch(simulated.pool, ctx, 'sim', events.slice(i, i + 1000));
  }, 180_000);
  afterAll(async () => Promise.all([fixture.drop(), simulated.drop()]));

  it('the issue’s case: province 14, one OPD 12 and one 2 — the 2 cannot be worked out', async () => {
    // Every complaint has an OPD and a regency here, so the attacker is told the sums are exact.
    const k = await readEverythingPublic(appOn(fixture), 'none');
    expect(k.small.size).toBeGreaterThan(0);
    const { solved, ranges } = await solvedSmallCells(k);
    expect(solved, JSON.stringify(solved.map((c) => [c, ranges.get(c)]))).toEqual([]);
  }, 120_000);

  it('five weeks of simulated complaints across 43 OPDs and 14 regencies: no "<5" is solvable', async () => {
    const k = await readEverythingPublic(appOn(simulated), 'unknown');
    // The data is realistic: many small counts, and many published exactly.
    expect(k.small.size).toBeGreaterThan(30);
    const exact = [...k.bounds.values()].filter((b) => b.lo === b.hi && b.lo > 0).length;
    expect(exact).toBeGreaterThan(100);
    const { solved, ranges } = await solvedSmallCells(k);
    expect(solved, JSON.stringify(solved.map((c) => [c, ranges.get(c)]))).toEqual([]);
  }, 300_000);
});
