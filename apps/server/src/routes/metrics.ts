import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { Pool } from '@pantau/db';
import { renderMetrics } from '../metrics/node-metrics.ts';

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * `GET /metrics`: this node's figures in Prometheus' text format, for a scraper holding the bearer token
 * `PANTAU_METRICS_TOKEN`. Without that token configured nobody may read them (401 like any wrong token):
 * figures such as queue depths and sign-in failures are for the operator, not the public.
 */
export function metricsRoutes(pool: Pool, token: string | undefined): Hono {
  const app = new Hono();
  app.get('/metrics', async (c) => {
    const given = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token || !given || !sameSecret(given, token)) {
      c.header('www-authenticate', 'Bearer realm="metrics"');
      return c.json({ error: { field: 'authorization', message: 'the metrics token is required' } }, 401);
    }
    const { contentType, body } = await renderMetrics(pool);
    return c.body(body, 200, { 'content-type': contentType, 'cache-control': 'no-store' });
  });
  return app;
}
