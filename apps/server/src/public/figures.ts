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
import { complaintOverview, type ComplaintOverview, type Pool } from '@pantau/db';
import { localDateOf } from '@pantau/domain';
import type { ProvincePack } from '@pantau/provinces';
import { ppidSection } from '../live/sections/ppid.ts';
import { socialSection } from '../live/sections/social.ts';
import type { TopicScope } from '../live/topic-builders.ts';

export interface PublicOptions {
  /** Counts below this are published as "<N". @default 5 */
  minCount: number;
  now?: () => Date;
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

/** Small-count suppression: a count in 1..min-1 becomes "<min" (zero stays zero: it identifies no one). */
export function suppress(n: number, min: number): PublicCount {
  return n > 0 && n < min ? `<${min}` : n;
}

/** A share is published only when its denominator is at least the threshold. */
function shareOf(part: number, whole: number, min: number): number | null {
  return whole >= min && whole > 0 ? round(part / whole, 3) : null;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

export function complaintFigures(
  o: ComplaintOverview,
  period: PublicPeriod,
  today: string,
  min: number,
): PublicComplaints {
  const month = period === 'month';
  const received = month ? o.month.received : o.today.received;
  const followedUp = month ? o.month.followedUp : o.today.followedUp;
  return {
    period: { from: month ? `${today.slice(0, 8)}01` : today, to: today },
    received: suppress(received, min),
    resolved: suppress(month ? o.month.completed : o.today.completed, min),
    followedUp: suppress(followedUp, min),
    // Timeliness and duration come from the month's rollups; a single day has too few to rate.
    onTimeShare:
      month && o.month.followedUp >= min && o.month.onTimeShare !== null ? round(o.month.onTimeShare, 3) : null,
    avgFollowUpHK:
      month && o.month.followedUp >= min && o.month.avgFollowUpHK !== null ? round(o.month.avgFollowUpHK, 1) : null,
    open: suppress(o.open.total, min),
    overdue: suppress(o.open.overdue, min),
    byChannel: month ? Object.fromEntries(Object.entries(o.byChannel).map(([k, v]) => [k, suppress(v, min)])) : {},
    byTopic: month ? o.byTopic.map((t) => ({ topic: t.topic, received: suppress(t.received, min) })) : [],
    trend: o.trend.map((t) => ({
      day: t.day,
      received: suppress(t.received, min),
      resolved: suppress(t.completed, min),
    })),
  };
}

export function ppidFigures(section: Record<string, unknown> | null, min: number): PublicPpid | null {
  if (!section) return null;
  const month = obj(section.month);
  const now = obj(section.now);
  const period = obj(section.period);
  const requests = num(month.requests);
  const decided = num(month.decided);
  const ki = obj(section.ki);
  return {
    period: { from: str(period.from), to: str(period.to) },
    requests: suppress(requests, min),
    decided: suppress(decided, min),
    decisions: Object.fromEntries(
      Object.entries(obj(month.decisions)).map(([k, v]) => [k, suppress(num(obj(v).count), min)]),
    ),
    onTimeShare: decided >= min ? numOrNull(month.onTimeShare) : null,
    avgWorkingDaysToDecide: decided >= min ? numOrNull(month.avgWorkingDaysToDecide) : null,
    objections: suppress(num(now.objectionsFiledThisMonth), min),
    disputes: suppress(num(now.disputesFiledThisMonth), min),
    ki:
      typeof ki.year === 'number' ? { year: ki.year, score: num(ki.meanScore ?? ki.score), band: str(ki.band) } : null,
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

/** Everything public about one scope in one period, computed from rollups (never from raw rows). */
export async function summaryFigures(
  pool: Pool,
  pack: ProvincePack,
  scope: ResolvedScope,
  period: PublicPeriod,
  options: PublicOptions,
): Promise<PublicSummary> {
  return (await summaryWithDaily(pool, pack, scope, period, options)).summary;
}

/**
 * The summary and, beside it, the unsuppressed daily totals of its 30-day trend, for a widget that
 * aggregates them (to weeks or one total) before suppressing. The daily totals never leave the server
 * as they are.
 */
export async function summaryWithDaily(
  pool: Pool,
  pack: ProvincePack,
  scope: ResolvedScope,
  period: PublicPeriod,
  options: PublicOptions,
): Promise<{ summary: PublicSummary; daily: ComplaintOverview['trend']; today: string }> {
  const now = options.now?.() ?? new Date();
  const today = localDateOf(now, pack.timeZone);
  const [overview, ppid, social] = await Promise.all([
    complaintOverview(pool, {
      timeZone: pack.timeZone,
      opdId: scope.kind === 'opd' ? scope.opdId : null,
      regencyCode: scope.kind === 'regency' ? scope.regencyCode : null,
      now,
    }),
    ppidSection(pool, scope, pack),
    socialSection(pool, scope, pack),
  ]);
  const summary: PublicSummary = {
    scope: { id: scope.id, kind: scope.kind, name: scope.name },
    period,
    generatedAt: now.toISOString(),
    complaints: complaintFigures(overview, period, today, options.minCount),
    ppid: ppidFigures(ppid, options.minCount),
    social: socialFigures(social),
  };
  return { summary, daily: overview.trend, today };
}

function rankRows(
  rows: Array<{ id: string; received: number; followedUp: number; onTime: number; overdue: number }>,
  nameOf: (id: string) => string | undefined,
  min: number,
): PublicRankingRow[] {
  return rows
    .filter((r) => nameOf(r.id) !== undefined)
    .map((r) => ({
      id: r.id,
      name: nameOf(r.id)!,
      received: suppress(r.received, min),
      onTimeShare: shareOf(r.onTime, r.followedUp, min),
      overdue: suppress(r.overdue, min),
      overdueRaw: r.overdue,
    }))
    .sort(
      (a, b) =>
        (b.onTimeShare ?? -1) - (a.onTimeShare ?? -1) || a.overdueRaw - b.overdueRaw || a.name.localeCompare(b.name),
    )
    .map(({ overdueRaw: _drop, ...row }) => row);
}

/** OPDs and kabupaten/kota ranked by this month's on-time share (the province's own rollups). */
export async function rankingFigures(pool: Pool, pack: ProvincePack, options: PublicOptions): Promise<PublicRankings> {
  const now = options.now?.() ?? new Date();
  const o = await complaintOverview(pool, { timeZone: pack.timeZone, now });
  const opdName = new Map(pack.opds.map((x) => [x.id, x.shortName]));
  const regName = new Map(pack.regencies.map((x) => [x.code, x.name]));
  return {
    period: 'month',
    generatedAt: now.toISOString(),
    opds: rankRows(
      o.opdRanking.map((r) => ({ ...r, id: r.opdId })),
      (id) => opdName.get(id),
      options.minCount,
    ),
    regencies: rankRows(
      o.regencyRanking.map((r) => ({ ...r, id: r.regencyCode })),
      (id) => regName.get(id),
      options.minCount,
    ),
  };
}
