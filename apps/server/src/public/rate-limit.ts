import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';

export interface RateLimitOptions {
  /** Sustained requests per minute per client address. @default 600 */
  perMinute?: number;
  /** Requests a client may make at once above the sustained rate. @default 120 */
  burst?: number;
  /**
   * Trust the last address in X-Forwarded-For (the one your own reverse proxy appended). Only set this
   * behind a proxy you run: otherwise any client could name itself anyone. @default false
   */
  trustProxy?: boolean;
  now?: () => number;
}

/** The client address a limit applies to: the socket's peer, or the proxy's word when trusted. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'unknown';
  }
}

/**
 * A token bucket per client address: `burst` tokens, refilled at `perMinute`. Past it: 429 with
 * Retry-After, so a scraper slows down while a CDN in front keeps serving its cached copy.
 */
export function rateLimit(options: RateLimitOptions = {}): MiddlewareHandler {
  const rate = (options.perMinute ?? 600) / 60_000;
  const burst = options.burst ?? 120;
  const now = options.now ?? Date.now;
  const buckets = new Map<string, { tokens: number; at: number }>();
  let sweptAt = now();
  return async (c, next) => {
    const t = now();
    // Forget idle clients now and then, so the map does not grow with every address ever seen.
    if (t - sweptAt > 60_000) {
      for (const [k, b] of buckets) if (b.tokens + (t - b.at) * rate >= burst) buckets.delete(k);
      sweptAt = t;
    }
    const key = clientAddress(c, options.trustProxy ?? false);
    const b = buckets.get(key) ?? { tokens: burst, at: t };
    b.tokens = Math.min(burst, b.tokens + (t - b.at) * rate);
    b.at = t;
    buckets.set(key, b);
    if (b.tokens < 1) {
      const wait = Math.ceil((1 - b.tokens) / rate / 1000);
      c.header('Retry-After', String(wait));
      c.header('Access-Control-Allow-Origin', '*');
      return c.json({ error: { field: 'rate', message: `too many requests; retry in ${wait} s` } }, 429);
    }
    b.tokens -= 1;
    await next();
  };
}
