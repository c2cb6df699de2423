import { apiUrl, getJson, scalar, type PlatformErrorReader } from './http.ts';
import { count, localDate, wrongShape, type ClientOptions, type PlatformClient, type PollOutcome } from './platform.ts';

// YouTube Data API v3: `GET /youtube/v3/channels?part=statistics&id=...&key=...` →
// `{ items: [{ id, statistics: { viewCount, subscriberCount, hiddenSubscriberCount, videoCount } }] }`
// with the counts as strings. Errors: `{ error: { code, message, errors: [{ domain, reason, message }] } }`;
// reasons quotaExceeded / rateLimitExceeded are limits (the quota resets daily: back off).

export const youtubeErrors: PlatformErrorReader = {
  message(json) {
    const e = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    return e && typeof e.message === 'string' ? `${scalar(e.code)} ${e.message}`.trim() : null;
  },
  isRateLimit(_status, json) {
    const errors = (json as { error?: { errors?: Array<{ reason?: unknown }> } } | null)?.error?.errors;
    return (
      Array.isArray(errors) && errors.some((e) => e?.reason === 'quotaExceeded' || e?.reason === 'rateLimitExceeded')
    );
  },
  resetAt: () => null,
};

/**
 * Channel statistics. `viewCount` is a lifetime total, so the day's views are the rise since the day's
 * first poll (kept in the cursor); subscribers are omitted when the channel hides them.
 */
export function youtubeClient(o: ClientOptions): PlatformClient {
  return {
    platform: 'youtube',
    async poll(account, cursor, now): Promise<PollOutcome> {
      const r = await getJson(
        apiUrl(o.baseUrl, '/youtube/v3/channels', { part: 'statistics', id: account.platformAccountId, key: o.token }),
        { timeoutMs: o.timeoutMs },
        youtubeErrors,
      );
      if (!r.ok) return r;
      const items = (r.json as { items?: unknown } | null)?.items;
      if (!Array.isArray(items)) return wrongShape('youtube channels without items[]');
      const stats = (items[0] as { statistics?: Record<string, unknown> } | undefined)?.statistics;
      if (!stats) return { ok: false, failure: { kind: 'http', status: 404, message: 'channel not found (no items)' } };
      const viewCount = count(stats.viewCount);
      const videoCount = count(stats.videoCount);
      if (viewCount === undefined || videoCount === undefined) return wrongShape('youtube statistics without counts');
      const subscribers = stats.hiddenSubscriberCount === true ? undefined : count(stats.subscriberCount);
      const today = localDate(now, o.timeZone);
      const sameDay = cursor.dayStartDate === today && typeof cursor.dayStartViewCount === 'number';
      const dayStart = sameDay
        ? (cursor.dayStartViewCount as number)
        : typeof cursor.lastViewCount === 'number'
          ? cursor.lastViewCount
          : viewCount;
      return {
        ok: true,
        days: [
          {
            date: today,
            figures: {
              totalPosts: videoCount,
              views: Math.max(0, viewCount - dayStart),
              ...(subscribers !== undefined ? { followers: subscribers } : {}),
            },
          },
        ],
        cursor: { dayStartDate: today, dayStartViewCount: dayStart, lastViewCount: viewCount },
        notBefore: null,
      };
    },
  };
}
