import { createHash } from 'node:crypto';
import type { PublicCount } from '@pantau/contracts';
import { liveOutboxSequence, publicCubeRollups, publicCubeStock, type Pool } from '@pantau/db';
import { addDays, localDateOf } from '@pantau/domain';
import type { ProvincePack } from '@pantau/provinces';
import { ppidSection } from '../live/sections/ppid.ts';
import { protect, type CellState, type Relation } from './disclosure.ts';

/**
 * Every count the public can see, for every scope at once, protected together.
 *
 * Public answers are linked: a scope's month is the sum of its days and of its channels, the province is
 * the sum of its OPDs and of its regencies, a widget's week is the sum of seven days. Suppression decided
 * per answer can be undone by subtracting one answer from another, so the whole province's public table
 * is built in one place, protected once (see disclosure.ts), and every public answer — the HTTP API, the
 * widgets, the public socket topics — reads its counts from here.
 *
 * Cells are `<scope>|<measure>` with scope `province`, `opd:<id>` or `regency:<code>` and measures:
 * - `d:<day>:rec`, `d:<day>:comp` — received and completed on a local day (the month and the last 30 days);
 * - `m:rec`, `m:comp`, `m:fu` — this month; `m:ot`, `m:late` — follow-ups on time and late (they give
 *   the published on-time share); `t:fu` — followed up today;
 * - `w<i>:rec`, `w<i>:comp` — the widgets' four 7-day weeks ending today; `r28:*`, `r30:*` — their totals;
 * - `ch:<channel>`, `tp:<topic>` — this month by channel and by topic;
 * - `open`, `overdue` — complaints open now and overdue now;
 * - `p:req`, `p:dec`, `p:dk:<decision>`, `p:ot`, `p:late`, `p:obj`, `p:disp` — PPID this month.
 */
export interface PublicCube {
  /** A hash of everything the cube publishes. */
  signature: string;
  /**
   * When these figures were computed. A rebuild that finds the very same figures keeps the earlier cube,
   * so pages (and their ETags) change only when a figure does.
   */
  generatedAt: Date;
  today: string;
  monthStart: string;
  /** The 30 local days of the trend, oldest first. */
  trendDays: string[];
  /** The widgets' four weeks, oldest first. */
  weeks: Array<{ from: string; to: string }>;
  /** A cell's true value (0 when absent). Never publish it without `count`. */
  value(scope: string, measure: string): number;
  /** A cell as published: the number, "<N" or "withheld". */
  count(scope: string, measure: string): PublicCount;
  /** Whether a cell is published exactly. */
  exact(scope: string, measure: string): boolean;
  /** The measures of a scope with a prefix (`ch:`, `tp:`, `p:dk:`) that have a non-zero value. */
  measures(scope: string, prefix: string): string[];
  /** The sum of working days to the first follow-up of this month's follow-ups (not a count). */
  followUpHkSum(scope: string): number;
  /** The scope's PPID section (null for regencies), for its non-count figures. */
  ppid(scope: string): Record<string, unknown> | null;
  /** Cells left pinned when no complement was available (expected empty; for tests and diagnosis). */
  unprotected: string[];
}

export const WITHHELD = 'withheld';

const OPEN = ['belum_diverifikasi', 'terverifikasi_didisposisi', 'ditindaklanjuti', 'ditunda', 'bukan_wewenang'];
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** Builds and protects the cube from the rollups, the open-complaint stock and the PPID sections. */
export async function buildPublicCube(pool: Pool, pack: ProvincePack, now: Date, min: number): Promise<PublicCube> {
  const today = localDateOf(now, pack.timeZone);
  const monthStart = `${today.slice(0, 8)}01`;
  const trendStart = addDays(today, -29);
  const from = monthStart < trendStart ? monthStart : trendStart;
  const scopes = [
    'province',
    ...pack.opds.map((o) => `opd:${o.id}`),
    ...pack.regencies.map((r) => `regency:${r.code}`),
  ];
  const known = new Set(scopes);
  const values = new Map<string, number>();
  const add = (scope: string, measure: string, n: number) => {
    if (!known.has(scope) || !n) return;
    const k = `${scope}|${measure}`;
    values.set(k, (values.get(k) ?? 0) + n);
  };

  const [rows, stock, ppids] = await Promise.all([
    publicCubeRollups(pool, { from, today, monthStart }),
    publicCubeStock(pool, OPEN),
    Promise.all(
      scopes
        .filter((s) => !s.startsWith('regency:'))
        .map(async (s) => {
          const scope =
            s === 'province' ? ({ kind: 'province' } as const) : { kind: 'opd' as const, opdId: s.slice(4) };
          return [s, await ppidSection(pool, scope, pack)] as const;
        }),
    ),
  ]);

  const hkSums = new Map<string, number>();
  for (const r of rows) {
    if (r.dim === 'total') {
      if (r.day! >= monthStart) hkSums.set(r.scope, (hkSums.get(r.scope) ?? 0) + Number(r.hk));
      const day = r.day!;
      add(r.scope, `d:${day}:rec`, r.received);
      add(r.scope, `d:${day}:comp`, r.completed);
      if (day >= monthStart) {
        add(r.scope, 'm:fu', r.followed_up);
        add(r.scope, 'm:ot', r.on_time);
        add(r.scope, 'm:late', r.followed_up - r.on_time);
      }
      if (day === today) add(r.scope, 't:fu', r.followed_up);
    } else if (r.scope === 'province') {
      // Breakdowns by channel and topic are published for the province only: an OPD's or regency's
      // would be mostly "<5", and each one is one more table the small cells must be protected across.
      add(r.scope, `${r.dim === 'channel' ? 'ch' : 'tp'}:${r.key}`, r.received);
    }
  }
  for (const s of stock) {
    add(s.scope, 'open', s.open);
    add(s.scope, 'overdue', s.overdue);
  }
  const ppidOf = new Map<string, Record<string, unknown> | null>();
  for (const [scope, section] of ppids) {
    ppidOf.set(scope, section);
    if (!section) continue;
    const month = obj(section.month);
    const nowPart = obj(section.now);
    const decided = num(month.decided);
    const onTime = Math.round(num(month.onTimeShare) * decided);
    add(scope, 'p:req', num(month.requests));
    add(scope, 'p:dec', decided);
    for (const [kind, v] of Object.entries(obj(month.decisions))) add(scope, `p:dk:${kind}`, num(obj(v).count));
    add(scope, 'p:ot', onTime);
    add(scope, 'p:late', decided - onTime);
    add(scope, 'p:obj', num(nowPart.objectionsFiledThisMonth));
    add(scope, 'p:disp', num(nowPart.disputesFiledThisMonth));
  }

  const trendDays = Array.from({ length: 30 }, (_, i) => addDays(trendStart, i));
  const weeks = Array.from({ length: 4 }, (_, i) => {
    const start = addDays(today, -(4 - i) * 7 + 1);
    return { from: start, to: addDays(start, 6) };
  });
  // Only the province publishes every day; an OPD or regency publishes today and the sums over the
  // month, the weeks and the windows. Its other days are modelled as hidden segments — the runs of
  // days that every published sum either wholly contains or leaves out — so the relations stay exact.
  const points = [...new Set([from, trendStart, ...weeks.map((w) => w.from), monthStart, today, addDays(today, 1)])]
    .filter((p) => p >= from)
    .sort();
  const segments = points.slice(0, -1).map((p, i) => ({ from: p, to: addDays(points[i + 1]!, -1) }));
  const segmentKey = (seg: { from: string; to: string }, k: string) =>
    seg.from === today ? `d:${today}:${k}` : `s:${seg.from}:${k}`;
  const within = (seg: { from: string }, lo: string, hi: string) => seg.from >= lo && seg.from <= hi;
  const relations: Relation[] = [];
  const hidden = new Set<string>();
  /** Sets a cell to the sum of its parts and, unless the parts are not modelled, states the relation. */
  const derive = (scope: string, total: string, parts: string[], relate = true) => {
    const sum = parts.reduce((a, p) => a + (values.get(`${scope}|${p}`) ?? 0), 0);
    if (sum) values.set(`${scope}|${total}`, sum);
    else values.delete(`${scope}|${total}`);
    if (relate) relations.push({ total: `${scope}|${total}`, parts: parts.map((p) => `${scope}|${p}`) });
  };
  for (const scope of scopes) {
    for (const k of ['rec', 'comp']) {
      for (const seg of segments) {
        if (seg.from === today) continue;
        const days: string[] = [];
        for (let d = seg.from; d <= seg.to; d = addDays(d, 1)) days.push(`d:${d}:${k}`);
        // Below the province the days are not published: the segment stands for them.
        derive(scope, segmentKey(seg, k), days, scope === 'province');
        hidden.add(`${scope}|${segmentKey(seg, k)}`);
        if (scope !== 'province') for (const d of days) values.delete(`${scope}|${d}`);
      }
      const segs = (lo: string, hi: string) => segments.filter((g) => within(g, lo, hi)).map((g) => segmentKey(g, k));
      derive(scope, `m:${k}`, segs(monthStart, today));
      weeks.forEach((w, i) => derive(scope, `w${i}:${k}`, segs(w.from, w.to)));
      derive(
        scope,
        `r28:${k}`,
        [0, 1, 2, 3].map((i) => `w${i}:${k}`),
      );
      derive(scope, `r30:${k}`, segs(trendStart, today));
    }
    // Follow-ups are published for the month and for today; the rest of the month is hidden.
    values.set(`${scope}|h:fu`, (values.get(`${scope}|m:fu`) ?? 0) - (values.get(`${scope}|t:fu`) ?? 0));
    hidden.add(`${scope}|h:fu`);
    relations.push({ total: `${scope}|m:fu`, parts: [`${scope}|t:fu`, `${scope}|h:fu`] });
    relations.push({ total: `${scope}|m:fu`, parts: [`${scope}|m:ot`, `${scope}|m:late`] });
    relations.push({ total: `${scope}|p:dec`, parts: [`${scope}|p:ot`, `${scope}|p:late`] });
  }
  // Parts that complete a total: every channel, topic and decision any scope has.
  const allMeasures = new Set([...values.keys()].map((k) => k.slice(k.indexOf('|') + 1)));
  for (const h of hidden) allMeasures.add(h.slice(h.indexOf('|') + 1));
  const withPrefix = (prefix: string) => [...allMeasures].filter((m) => m.startsWith(prefix)).sort();
  relations.push({ total: 'province|m:rec', parts: withPrefix('ch:').map((m) => `province|${m}`) });
  relations.push({ total: 'province|m:rec', parts: withPrefix('tp:').map((m) => `province|${m}`) });
  for (const scope of scopes) {
    relations.push({ total: `${scope}|p:dec`, parts: withPrefix('p:dk:').map((m) => `${scope}|${m}`) });
  }
  // The province is the sum of its OPDs, and of its regencies (PPID requests have no regency).
  const opds = scopes.filter((s) => s.startsWith('opd:'));
  const regencies = scopes.filter((s) => s.startsWith('regency:'));
  for (const m of allMeasures) {
    // The province's own days and breakdowns have no counterpart below it (its segments do).
    if (m.startsWith('ch:') || m.startsWith('tp:') || (m.startsWith('d:') && !m.startsWith(`d:${today}:`))) continue;
    relations.push({ total: `province|${m}`, parts: opds.map((s) => `${s}|${m}`) });
    if (!m.startsWith('p:')) relations.push({ total: `province|${m}`, parts: regencies.map((s) => `${s}|${m}`) });
  }

  const { state, unprotected } = await protect(values, relations, { min, hidden });
  const stateOf = (k: string): CellState => state.get(k) ?? 'visible';
  const value = (scope: string, measure: string) => values.get(`${scope}|${measure}`) ?? 0;
  // What the cube publishes, as one string: equal means every public answer would be byte-identical.
  const signature = createHash('sha256')
    .update(
      JSON.stringify([
        today,
        [...values].sort(([a], [b]) => a.localeCompare(b)),
        [...state].sort(([a], [b]) => a.localeCompare(b)),
        [...ppidOf],
        [...hkSums],
      ]),
    )
    .digest('base64url');
  return {
    signature,
    generatedAt: now,
    today,
    monthStart,
    trendDays,
    weeks,
    value,
    count(scope, measure) {
      const s = stateOf(`${scope}|${measure}`);
      return s === 'visible' ? value(scope, measure) : s === 'small' ? `<${min}` : WITHHELD;
    },
    exact: (scope, measure) => stateOf(`${scope}|${measure}`) === 'visible',
    measures: (scope, prefix) => withPrefix(prefix).filter((m) => value(scope, m) > 0),
    followUpHkSum: (scope) => hkSums.get(scope) ?? 0,
    ppid: (scope) => ppidOf.get(scope) ?? null,
    unprotected,
  };
}

/**
 * The cube for `now`, rebuilt when the data changed: keyed by the local day and the live outbox's
 * sequence (every write that changes a figure touches a topic in the same transaction), and at most
 * `maxAgeMs` old so figures that move with the clock alone (overdue) follow too.
 *
 * Protection can take seconds on a busy province. So one build runs at a time (readers meanwhile get
 * the previous cube, whose `generatedAt` says which moment it is for), and after a build the next waits
 * twice as long as the last one took: under continuous ingest, protection uses at most a third of one
 * core, and a quiet database is always answered fresh.
 */
export class PublicCubeCache {
  private entry: { key: string; at: number; cube: PublicCube } | null = null;
  private running: Promise<PublicCube> | null = null;
  private lastEnd = 0;
  private lastDuration = 0;

  constructor(
    private readonly pool: Pool,
    private readonly pack: ProvincePack,
    private readonly min: number,
    private readonly o: { maxAgeMs?: number } = {},
  ) {}

  async get(now: Date): Promise<PublicCube> {
    const key = `${localDateOf(now, this.pack.timeZone)}|${await liveOutboxSequence(this.pool)}`;
    const e = this.entry;
    if (e && e.key === key && Date.now() - e.at < (this.o.maxAgeMs ?? 15_000)) return e.cube;
    if (this.running) return e ? e.cube : this.running;
    if (e && Date.now() - this.lastEnd < 2 * this.lastDuration) return e.cube;
    return this.rebuild(key, now);
  }

  private rebuild(key: string, now: Date): Promise<PublicCube> {
    const at = Date.now();
    const running = buildPublicCube(this.pool, this.pack, now, this.min)
      .then((built) => {
        const cube = this.entry && this.entry.cube.signature === built.signature ? this.entry.cube : built;
        this.entry = { key, at, cube };
        return cube;
      })
      .finally(() => {
        this.running = null;
        this.lastEnd = Date.now();
        this.lastDuration = this.lastEnd - at;
      });
    this.running = running;
    return running;
  }
}

const caches = new WeakMap<Pool, Map<string, PublicCubeCache>>();

/** The shared cube cache of a pool, province and threshold. */
export function publicCubeCache(
  pool: Pool,
  pack: ProvincePack,
  min: number,
  options?: ConstructorParameters<typeof PublicCubeCache>[3],
): PublicCubeCache {
  let byKey = caches.get(pool);
  if (!byKey) caches.set(pool, (byKey = new Map()));
  const k = `${pack.code}|${min}`;
  let cache = byKey.get(k);
  if (!cache) byKey.set(k, (cache = new PublicCubeCache(pool, pack, min, options)));
  return cache;
}
