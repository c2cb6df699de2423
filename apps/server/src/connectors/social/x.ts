import { apiUrl, getJson, scalar, type PlatformErrorReader } from './http.ts';
import { count, localDate, wrongShape, type ClientOptions, type PlatformClient, type PollOutcome } from './platform.ts';

// X API v2: `GET /2/users/:id?user.fields=public_metrics` with `Authorization: Bearer <token>` →
// `{ data: { id, username, public_metrics: { followers_count, following_count, tweet_count, listed_count,
// like_count } } }`. Errors are problem documents `{ title, detail, type, status }`; a 200 may carry
// `{ errors: [...] }` instead of data (e.g. user not found). Limits: 429, with x-rate-limit-remaining and
// x-rate-limit-reset (epoch seconds) on every response.

export const xErrors: PlatformErrorReader = {
  message(json) {
    const j = json as { title?: unknown; detail?: unknown; errors?: unknown[] } | null;
    if (typeof j?.detail === 'string' || typeof j?.title === 'string') return `${scalar(j.title)}: ${scalar(j.detail)}`;
    const e = Array.isArray(j?.errors)
      ? (j.errors[0] as { title?: unknown; detail?: unknown; message?: unknown })
      : undefined;
    if (!e) return null;
    const detail = scalar(e.detail) || scalar(e.message) || 'error';
    return typeof e.title === 'string' ? `${e.title}: ${detail}` : detail;
  },
  isRateLimit: (status) => status === 429,
  resetAt(headers) {
    const reset = Number(headers.get('x-rate-limit-reset'));
    return Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : null;
  },
};

/** Public metrics of a user: followers and the running tweet count. */
export function xClient(o: ClientOptions): PlatformClient {
  return {
    platform: 'x',
    async poll(account, cursor, now): Promise<PollOutcome> {
      const r = await getJson(
        apiUrl(o.baseUrl, `/2/users/${encodeURIComponent(account.platformAccountId)}`, {
          'user.fields': 'public_metrics',
        }),
        { timeoutMs: o.timeoutMs, headers: { authorization: `Bearer ${o.token}` } },
        xErrors,
      );
      if (!r.ok) return r;
      const data = (r.json as { data?: { public_metrics?: Record<string, unknown> } } | null)?.data;
      if (!data) {
        const message = xErrors.message(r.json);
        return message
          ? { ok: false, failure: { kind: 'http', status: 200, message } }
          : wrongShape('x user without data');
      }
      const followers = count(data.public_metrics?.followers_count);
      const tweets = count(data.public_metrics?.tweet_count);
      if (followers === undefined || tweets === undefined) return wrongShape('x user without public_metrics');
      const remaining = r.headers.get('x-rate-limit-remaining');
      return {
        ok: true,
        days: [{ date: localDate(now, o.timeZone), figures: { followers, totalPosts: tweets } }],
        cursor,
        notBefore: remaining === '0' ? xErrors.resetAt(r.headers) : null,
      };
    },
  };
}
