import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Logger } from '../logger.ts';
import type { NodeMetrics } from '../metrics/node-metrics.ts';

/** A caller's own id is kept when it is a plausible one (a proxy's, a client's), else one is made. */
const ACCEPTABLE_ID = /^[\w.:-]{1,128}$/;
/** Probes a load balancer or Prometheus call every few seconds: logged at debug, so info stays readable. */
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

const ids = new WeakMap<Request, string>();

/** The request id of the request in `c` (set by `requestLog`), for log lines written elsewhere. */
export function requestIdOf(c: Context): string | undefined {
  return ids.get(c.req.raw);
}

/** The route pattern that answered (`/api/complaints/:id`), or `unmatched`: bounded label values. */
function routeOf(c: Context): string {
  const handlers = matchedRoutes(c).filter((r) => r.method !== 'ALL');
  return handlers.at(-1)?.path ?? 'unmatched';
}

export interface RequestLogOptions {
  logger: Logger;
  metrics: NodeMetrics;
}

/**
 * One JSON log line per request (method, path, route, status, duration, request id), counted in
 * `pantau_http_requests_total`. The request id comes from `X-Request-Id` when the caller (a reverse
 * proxy) sent a usable one, else it is generated; it is returned in `X-Request-Id` and, on an error
 * answer, in the JSON body as `requestId`, so a person reporting a problem can quote it and an operator
 * finds the log line.
 */
export function requestLog(options: RequestLogOptions): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const given = c.req.header('x-request-id');
    const requestId = given && ACCEPTABLE_ID.test(given) ? given : randomUUID();
    ids.set(c.req.raw, requestId);
    // Set before the handler, so c.json/c.body write it with the response (every route answers through
    // them). Touching the response's headers afterwards makes Hono, and the Node adapter, rebuild the
    // finished response around its body as a stream: that cost the public routes half their throughput
    // (pnpm bench public: /healthz 5,872 req/s against 18,335 without the log; docs/performance.md).
    c.header('x-request-id', requestId);
    await next();
    const status = c.res.status;
    if (status >= 400 && c.res.headers.get('content-type')?.startsWith('application/json')) {
      const body: unknown = await c.res
        .clone()
        .json()
        .catch(() => null);
      if (body && typeof body === 'object' && 'error' in body && !Array.isArray(body)) {
        const headers = new Headers(c.res.headers);
        headers.delete('content-length');
        headers.set('x-request-id', requestId);
        // Cleared first: Hono's setter would otherwise copy the old headers, content-length included.
        c.res = undefined;
        c.res = new Response(JSON.stringify({ ...body, requestId }), { status, headers });
      }
    }
    const route = routeOf(c);
    options.metrics.httpRequests.inc({ method: c.req.method, route, status: String(status) });
    const line = {
      requestId,
      method: c.req.method,
      path: c.req.path,
      route,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    };
    if (status >= 500) options.logger.error(line, 'request');
    else if (PROBES.has(c.req.path)) options.logger.debug(line, 'request');
    else options.logger.info(line, 'request');
  };
}
