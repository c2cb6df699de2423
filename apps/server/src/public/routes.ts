import { gzipSync } from 'node:zlib';
import type { Pool } from '@pantau/db';
import type { ProvincePack } from '@pantau/provinces';
import { Hono, type Context } from 'hono';
import { PublicCache, matchesEtag, type CachedBody } from './cache.ts';
import { docsPage } from './docs-page.ts';
import { fullOpenApiDocument, publicOpenApiDocument } from '../http/openapi.ts';
import { parsePublicQuery, publicEndpoints } from './public-api.ts';
import { rateLimit } from './rate-limit.ts';

export interface PublicApiOptions {
  /** Counts below this are published as "<N". @default 5 */
  minCount: number;
  /** Seconds a computed answer is reused by this node. @default 15 */
  cacheSeconds: number;
  rateLimitPerMinute: number;
  rateLimitBurst: number;
  trustProxy: boolean;
  now?: () => Date;
}

export const DEFAULT_PUBLIC_OPTIONS: PublicApiOptions = {
  minCount: 5,
  cacheSeconds: 15,
  rateLimitPerMinute: 600,
  rateLimitBurst: 120,
  trustProxy: false,
};

export const PUBLIC_BASE = '/api/public/v1';

/**
 * Sends a cached body with its validators: 304 when the client (or a CDN) already holds these bytes.
 * `max-age` is the cache's own lifetime; a shared cache may keep it twice as long and serve it stale
 * while it revalidates, so a burst of visitors reaches this node at most once per key and interval.
 */
export function sendCached(c: Context, entry: CachedBody, contentType: string, cacheSeconds: number): Response {
  const age = Math.max(0, Math.floor((Date.now() - entry.at) / 1000));
  // Browsers always accept gzip: they get the compressed copy kept beside the body (compressed once per
  // cache entry, not per request), under its own ETag as RFC 9110 asks of another representation.
  const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '') && entry.body.length > 1024;
  const etag = gzip ? `${entry.etag.slice(0, -1)}-gz"` : entry.etag;
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': `public, max-age=${cacheSeconds}, s-maxage=${cacheSeconds * 2}, stale-while-revalidate=${cacheSeconds * 8}`,
    Age: String(Math.min(age, cacheSeconds)),
    'Content-Type': contentType,
    Vary: 'Accept-Encoding',
  };
  if (matchesEtag(c.req.header('if-none-match'), etag)) {
    for (const [k, v] of Object.entries(headers)) if (k !== 'Content-Type') c.header(k, v);
    return c.body(null, 304);
  }
  for (const [k, v] of Object.entries(headers)) c.header(k, v);
  if (c.req.method === 'HEAD') return c.body(null, 200);
  if (!gzip) return c.body(entry.body, 200);
  entry.gzipped ??= gzipSync(entry.body);
  c.header('Content-Encoding', 'gzip');
  return c.body(new Uint8Array(entry.gzipped), 200);
}

/**
 * The public statistics API: aggregates only, open to any origin for reading, cached per node, rate
 * limited per client address. Also returns the cache so widgets can share it.
 */
export function publicApiRoutes(
  pool: Pool,
  pack: ProvincePack,
  options: PublicApiOptions,
  cache = new PublicCache({ ttlMs: options.cacheSeconds * 1000 }),
): Hono {
  const app = new Hono();
  const endpoints = publicEndpoints(pool, pack, { minCount: options.minCount, now: options.now });
  // CORS for any origin, read-only. Written out rather than hono/cors: that middleware rebuilt every
  // response and cost two thirds of this route's throughput (pnpm bench public).
  app.use(`${PUBLIC_BASE}/*`, async (c, next) => {
    if (c.req.method === 'OPTIONS') {
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
        'Access-Control-Allow-Headers': 'If-None-Match, Content-Type',
        'Access-Control-Max-Age': '86400',
      });
    }
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Access-Control-Expose-Headers', 'ETag, Retry-After, Age');
    await next();
  });
  app.use(
    `${PUBLIC_BASE}/*`,
    rateLimit({
      perMinute: options.rateLimitPerMinute,
      burst: options.rateLimitBurst,
      trustProxy: options.trustProxy,
    }),
  );
  app.use(
    PUBLIC_BASE,
    rateLimit({ perMinute: options.rateLimitPerMinute, burst: options.rateLimitBurst, trustProxy: options.trustProxy }),
  );

  for (const endpoint of endpoints) {
    app.get(`${PUBLIC_BASE}${endpoint.path}`, async (c) => {
      const parsed = parsePublicQuery(endpoint, pack, c.req.query());
      if (!parsed.ok) {
        c.header('Cache-Control', 'public, max-age=60');
        return c.json({ error: parsed.error }, 400);
      }
      const entry = await cache.get(`api:${parsed.key}`, async () =>
        JSON.stringify(await endpoint.compute(parsed.query, parsed.scope)),
      );
      return sendCached(c, entry, 'application/json; charset=utf-8', options.cacheSeconds);
    });
  }
  app.get(`${PUBLIC_BASE}/openapi.json`, async (c) => {
    const entry = await cache.get('api:openapi', () =>
      Promise.resolve(JSON.stringify(publicOpenApiDocument(pack, endpoints))),
    );
    return sendCached(c, entry, 'application/json; charset=utf-8', options.cacheSeconds);
  });
  // The whole API (console, ingest, wall, operations as well): a description, not data, so public.
  app.get('/api/openapi.json', async (c) => {
    const entry = await cache.get('api:openapi:full', () =>
      Promise.resolve(JSON.stringify(fullOpenApiDocument(pack, endpoints))),
    );
    return sendCached(c, entry, 'application/json; charset=utf-8', options.cacheSeconds);
  });
  app.get(PUBLIC_BASE, async (c) => {
    const lang = c.req.query('lang') === 'en' ? 'en' : 'id';
    const entry = await cache.get(`api:docs:${lang}`, () => Promise.resolve(docsPage(pack, endpoints, lang)));
    return sendCached(c, entry, 'text/html; charset=utf-8', options.cacheSeconds);
  });
  return app;
}
