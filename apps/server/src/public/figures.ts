import type {
  PublicComplaints,
  PublicCount,
  PublicPeriod,
  PublicPpid,
  PublicRankings,
  PublicRankingRow,
  PublicSocial,
  PublicSummary,
} from '@pantau/contracts';
import type { Pool } from '@pantau/db';
import type { ProvincePack } from '@pantau/provinces';
import { socialSection } from '../live/sections/social.ts';
import type { TopicScope } from '../live/topic-scope.ts';
import type { TrendCells } from '../widgets/trend-series.ts';
import { publicCubeCache, WITHHELD, type PublicCube } from './cube.ts';

export interface PublicOptions {
  /** Counts below this are published as "<N". @default 5 */
  minCount: number;
  now?: () => Date;
  /** How old protected figures may get when nothing changed (see PublicCubeCache). */
  cube?: { maxAgeMs?: number };
}

/** A resolved public scope: what the caller named, checked against the province pack. */
export type ResolvedScope = TopicScope & { id: string; name: string };

/** Resolves `province`, an OPD id or a regency code; null when the province has no such OPD or regency. */
export function resolveScope(pack: ProvincePack, scope: string): ResolvedScope | null {
  if (scope === 'province') return { kind: 'province', id: 'province', name: pack.name };
  const opd = pack.opds.find((o) => o.id === scope);
  if (opd) return { kind: 'opd', opdId: opd.id, id: opd.id, name: opd.name };
  const regency = pack.regencies.find((r) => r.code === scope);
  if (regency) return { kind: 'regency', regencyCode: regency.code, id: regency.code, name: regency.name };
  return null;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The cube's name for a public scope. */
export function cubeScope(scope: TopicScope): string {
  return scope.kind === 'opd'
    ? `opd:${scope.opdId}`
    : scope.kind === 'regency'
      ? `regency:${scope.regencyCode}`
      : 'province';
}

/**
 * A share of a whole split into two parts, published only when the whole and both parts are published
 * exactly: otherwise share × whole would give a suppressed part back.
 */
function shareOf(cube: PublicCube, scope: string, whole: string, part: string, rest: string): number | null {
  const w = cube.value(scope, whole);
  if (w <= 0 || !cube.exact(scope, whole) || !cube.exact(scope, part) || !cube.exact(scope, rest)) return null;
  return round(cube.value(scope, part) / w, 3);
}

/** Published counts sort by their number; "<N" and withheld (at least N) between the numbers they bound. */
const sortable = (c: PublicCount, min: number) => (typeof c === 'number' ? c : c === WITHHELD ? min : min - 0.5);

export function complaintFigures(cube: PublicCube, scope: string, period: PublicPeriod, min: number): PublicComplaints {
  const month = period === 'month';
  const today = cube.today;
  const c = (m: string) => cube.count(scope, m);
  const followedUp = cube.value(scope, 'm:fu');
  return {
    period: { from: month ? cube.monthStart : today, to: today },
    received: c(month ? 'm:rec' : `d:${today}:rec`),
    resolved: c(month ? 'm:comp' : `d:${today}:comp`),
    followedUp: c(month ? 'm:fu' : 't:fu'),
    // Timeliness and duration come from the month's rollups; a single day has too few to rate.
    onTimeShare: month ? shareOf(cube, scope, 'm:fu', 'm:ot', 'm:late') : null,
    avgFollowUpHK:
      month && followedUp > 0 && cube.exact(scope, 'm:fu') ? round(cube.followUpHkSum(scope) / followedUp, 1) : null,
    open: c('open'),
    overdue: c('overdue'),
    byChannel:
      month && scope === 'province'
        ? Object.fromEntries(cube.measures(scope, 'ch:').map((m) => [m.slice(3), c(m)]))
        : {},
    byTopic:
      month && scope === 'province'
        ? cube
            .measures(scope, 'tp:')
            .map((m) => ({ topic: m.slice(3), received: c(m) }))
            .sort((a, b) => sortable(b.received, min) - sortable(a.received, min) || a.topic.localeCompare(b.topic))
            .slice(0, 10)
        : [],
    ...(scope === 'province'
      ? {
          trendUnit: 'day' as const,
          trend: cube.trendDays.map((day) => ({ day, received: c(`d:${day}:rec`), resolved: c(`d:${day}:comp`) })),
        }
      : {
          trendUnit: 'week' as const,
          trend: cube.weeks.map((w, i) => ({
            day: w.from,
            to: w.to,
            received: c(`w${i}:rec`),
            resolved: c(`w${i}:comp`),
          })),
        }),
  };
}

export function ppidFigures(cube: PublicCube, scope: string): PublicPpid | null {
  const section = cube.ppid(scope);
  if (!section) return null;
  const month = obj(section.month);
  const period = obj(section.period);
  const ki = obj(section.ki);
  const c = (m: string) => cube.count(scope, m);
  const decidedExact = cube.value(scope, 'p:dec') > 0 && cube.exact(scope, 'p:dec');
  return {
    period: { from: str(period.from), to: str(period.to) },
    requests: c('p:req'),
    decided: c('p:dec'),
    decisions: Object.fromEntries(cube.measures(scope, 'p:dk:').map((m) => [m.slice(5), c(m)])),
    onTimeShare: shareOf(cube, scope, 'p:dec', 'p:ot', 'p:late') === null ? null : numOrNull(month.onTimeShare),
    avgWorkingDaysToDecide: decidedExact ? numOrNull(month.avgWorkingDaysToDecide) : null,
    objections: c('p:obj'),
    disputes: c('p:disp'),
    ki:
      typeof ki.year === 'number'
        ? { year: ki.year, score: numOrNull(ki.meanScore ?? ki.score) ?? 0, band: str(ki.band) }
        : null,
  };
}

export function socialFigures(section: Record<string, unknown> | null): PublicSocial | null {
  if (!section) return null;
  const replies = obj(section.replies);
  const period = obj(section.period);
  // Account-level figures (followers, engagement) are published by the platforms themselves; reply
  // rates are shares of many comments and identify no one.
  return {
    period: { from: str(period.from), to: str(period.to) },
    followers: numOrNull(section.followers),
    followerGrowth: numOrNull(section.followerGrowth),
    engagementRatePct: numOrNull(section.engagementRatePct),
    replyRatePct: numOrNull(replies.replyRatePct),
    medianReplyMinutes: numOrNull(replies.medianReplyMinutes),
    replyTargetMinutes: num(replies.targetMinutes) || 1440,
  };
}

/** Everything public about one scope in one period, from the protected public cube (never raw rows). */
export async function summaryFigures(
  pool: Pool,
  pack: ProvincePack,
  scope: ResolvedScope,
  period: PublicPeriod,
  options: PublicOptions,
): Promise<PublicSummary> {
  return (await summaryWithTrend(pool, pack, scope, period, options)).summary;
}

/** The summary and, beside it, the protected cells a widget's trend is drawn from. */
export async function summaryWithTrend(
  pool: Pool,
  pack: ProvincePack,
  scope: ResolvedScope,
  period: PublicPeriod,
  options: PublicOptions,
): Promise<{ summary: PublicSummary; trend: TrendCells }> {
  const now = options.now?.() ?? new Date();
  const [cube, social] = await Promise.all([
    publicCubeCache(pool, pack, options.minCount, options.cube).get(now),
    socialSection(pool, scope, pack),
  ]);
  const key = cubeScope(scope);
  const summary: PublicSummary = {
    scope: { id: scope.id, kind: scope.kind, name: scope.name },
    period,
    generatedAt: cube.generatedAt.toISOString(),
    complaints: complaintFigures(cube, key, period, options.minCount),
    ppid: ppidFigures(cube, key),
    social: socialFigures(social),
  };
  return { summary, trend: trendCells(cube, key) };
}

/** A scope's trend cells as the cube publishes them: 30 days, 4 weeks and both windows' totals. */
export function trendCells(cube: PublicCube, scope: string): TrendCells {
  const cell = (from: string, to: string, m: string) => ({
    from,
    to,
    received: cube.count(scope, `${m}:rec`),
    resolved: cube.count(scope, `${m}:comp`),
  });
  return {
    days: scope === 'province' ? cube.trendDays.map((d) => cell(d, d, `d:${d}`)) : null,
    weeks: cube.weeks.map((w, i) => cell(w.from, w.to, `w${i}`)),
    total30: cell(cube.trendDays[0]!, cube.today, 'r30'),
    total28: cell(cube.weeks[0]!.from, cube.today, 'r28'),
  };
}

/** OPDs and kabupaten/kota ranked by this month's on-time share, from the protected public cube. */
export async function rankingFigures(pool: Pool, pack: ProvincePack, options: PublicOptions): Promise<PublicRankings> {
  const now = options.now?.() ?? new Date();
  const cube = await publicCubeCache(pool, pack, options.minCount, options.cube).get(now);
  const min = options.minCount;
  const rows = (list: Array<{ scope: string; id: string; name: string }>): PublicRankingRow[] =>
    list
      .filter((x) => ['m:rec', 'm:fu', 'overdue'].some((m) => cube.value(x.scope, m) > 0))
      .map((x) => ({
        id: x.id,
        name: x.name,
        received: cube.count(x.scope, 'm:rec'),
        onTimeShare: shareOf(cube, x.scope, 'm:fu', 'm:ot', 'm:late'),
        overdue: cube.count(x.scope, 'overdue'),
      }))
      .sort(
        (a, b) =>
          (b.onTimeShare ?? -1) - (a.onTimeShare ?? -1) ||
          sortable(a.overdue, min) - sortable(b.overdue, min) ||
          a.name.localeCompare(b.name),
      );
  return {
    period: 'month',
    generatedAt: cube.generatedAt.toISOString(),
    opds: rows(pack.opds.map((o) => ({ scope: `opd:${o.id}`, id: o.id, name: o.shortName }))),
    regencies: rows(pack.regencies.map((r) => ({ scope: `regency:${r.code}`, id: r.code, name: r.name }))),
  };
}
