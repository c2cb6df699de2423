import type { SocialDailyFigures } from '@pantau/contracts';
import { apiUrl, getJson, scalar, type PlatformErrorReader } from './http.ts';
import {
  count,
  localDate,
  wrongShape,
  type ClientOptions,
  type PlatformClient,
  type PollOutcome,
  type PolledAccount,
} from './platform.ts';

// Meta Graph API: Instagram professional accounts and Facebook Pages share its shapes.
// - insights: `GET /{id}/insights?metric=a,b&period=day&since&until` (Instagram) or
//   `GET /{page-id}/insights/a,b?period=day&since&until` (Pages) →
//   `{ data: [{ name, period, values: [{ value, end_time }] }] }`
// - errors: `{ error: { message, type, code, error_subcode?, fbtrace_id } }`; codes 4, 17, 32, 613 and
//   80001–80009 are rate limits (no reset header: back off).

const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80001, 80002, 80003, 80004, 80005, 80006, 80008, 80009]);

export const graphErrors: PlatformErrorReader = {
  message(json) {
    const e = (json as { error?: { message?: unknown; type?: unknown; code?: unknown } } | null)?.error;
    return e && typeof e.message === 'string'
      ? `${scalar(e.type) || 'GraphError'} ${scalar(e.code)}: ${e.message}`
      : null;
  },
  isRateLimit(_status, json) {
    const code = (json as { error?: { code?: unknown } } | null)?.error?.code;
    return typeof code === 'number' && RATE_LIMIT_CODES.has(code);
  },
  resetAt: () => null,
};

interface InsightSeries {
  name: string;
  values: Array<{ value: unknown; end_time: string }>;
}

function readInsights(json: unknown): InsightSeries[] | null {
  const data = (json as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) return null;
  const out: InsightSeries[] = [];
  for (const s of data) {
    const name = (s as { name?: unknown })?.name;
    const values = (s as { values?: unknown })?.values;
    if (typeof name !== 'string' || !Array.isArray(values)) return null;
    const vs = values.filter(
      (v): v is { value: unknown; end_time: string } => typeof (v as { end_time?: unknown })?.end_time === 'string',
    );
    out.push({ name, values: vs });
  }
  return out;
}

/**
 * A `period=day` value's `end_time` is the end of the day it measures (midnight in the platform's own
 * zone, e.g. 08:00 UTC): that day is the calendar date 24 hours earlier. Platform days do not align with
 * WIB/WITA days; Pantau stores each under the platform's date.
 */
function dayOf(endTime: string): string | null {
  const t = Date.parse(endTime);
  return Number.isNaN(t) ? null : new Date(t - 86_400_000).toISOString().slice(0, 10);
}

/** Folds insight series into per-day figures through a metric → figure map. */
function foldSeries(
  series: InsightSeries[],
  map: Record<string, keyof SocialDailyFigures>,
): Map<string, SocialDailyFigures> {
  const days = new Map<string, SocialDailyFigures>();
  for (const s of series) {
    const field = map[s.name];
    if (!field) continue;
    for (const v of s.values) {
      const day = dayOf(v.end_time);
      const n = count(v.value);
      if (!day || n === undefined) continue;
      days.set(day, { ...days.get(day), [field]: n });
    }
  }
  return days;
}

/** Where the next insights window starts: one day before the last day fetched, so it is refreshed. */
function windowFor(cursor: Record<string, unknown>, now: Date) {
  const nowSec = Math.floor(now.getTime() / 1000);
  const last = typeof cursor.insightsUntil === 'number' ? cursor.insightsUntil : nowSec - 2 * 86_400;
  const since = Math.max(Math.min(last - 86_400, nowSec - 86_400), nowSec - 30 * 86_400);
  return { since, until: nowSec };
}

function merge(days: Map<string, SocialDailyFigures>, today: string, todayFigures: SocialDailyFigures) {
  days.set(today, { ...days.get(today), ...todayFigures });
  return [...days].sort(([a], [b]) => a.localeCompare(b)).map(([date, figures]) => ({ date, figures }));
}

/** Instagram Graph API: followers and media count, and daily reach/impressions insights. */
export function instagramClient(o: ClientOptions & { metrics?: string }): PlatformClient {
  const metrics = o.metrics ?? 'reach,impressions';
  return {
    platform: 'instagram',
    async poll(account: PolledAccount, cursor, now): Promise<PollOutcome> {
      const id = encodeURIComponent(account.platformAccountId);
      const profile = await getJson(
        apiUrl(o.baseUrl, `/${id}`, { fields: 'followers_count,media_count', access_token: o.token }),
        { timeoutMs: o.timeoutMs },
        graphErrors,
      );
      if (!profile.ok) return profile;
      const p = profile.json as { followers_count?: unknown; media_count?: unknown };
      const followers = count(p?.followers_count);
      if (followers === undefined) return wrongShape('instagram profile without followers_count');
      const { since, until } = windowFor(cursor, now);
      const insights = await getJson(
        apiUrl(o.baseUrl, `/${id}/insights`, {
          metric: metrics,
          period: 'day',
          since: String(since),
          until: String(until),
          access_token: o.token,
        }),
        { timeoutMs: o.timeoutMs },
        graphErrors,
      );
      if (!insights.ok) return insights;
      const series = readInsights(insights.json);
      if (!series) return wrongShape('instagram insights without data[]');
      const days = foldSeries(series, { reach: 'reach', impressions: 'impressions', views: 'views' });
      const totalPosts = count(p.media_count);
      return {
        ok: true,
        days: merge(days, localDate(now, o.timeZone), {
          followers,
          ...(totalPosts !== undefined ? { totalPosts } : {}),
        }),
        cursor: { ...cursor, insightsUntil: until },
        notBefore: null,
      };
    },
  };
}

/** Facebook Page insights: daily impressions and reach, and the page's followers. */
export function facebookClient(o: ClientOptions): PlatformClient {
  return {
    platform: 'facebook',
    async poll(account, cursor, now): Promise<PollOutcome> {
      const id = encodeURIComponent(account.platformAccountId);
      const page = await getJson(
        apiUrl(o.baseUrl, `/${id}`, { fields: 'followers_count,fan_count', access_token: o.token }),
        { timeoutMs: o.timeoutMs },
        graphErrors,
      );
      if (!page.ok) return page;
      const pj = page.json as { followers_count?: unknown; fan_count?: unknown };
      const followers = count(pj?.followers_count) ?? count(pj?.fan_count);
      if (followers === undefined) return wrongShape('facebook page without followers_count');
      const { since, until } = windowFor(cursor, now);
      const insights = await getJson(
        apiUrl(o.baseUrl, `/${id}/insights/page_impressions,page_impressions_unique`, {
          period: 'day',
          since: String(since),
          until: String(until),
          access_token: o.token,
        }),
        { timeoutMs: o.timeoutMs },
        graphErrors,
      );
      if (!insights.ok) return insights;
      const series = readInsights(insights.json);
      if (!series) return wrongShape('facebook insights without data[]');
      const days = foldSeries(series, { page_impressions: 'impressions', page_impressions_unique: 'reach' });
      return {
        ok: true,
        days: merge(days, localDate(now, o.timeZone), { followers }),
        cursor: { ...cursor, insightsUntil: until },
        notBefore: null,
      };
    },
  };
}
