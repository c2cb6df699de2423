import { Hono } from 'hono';
import type { Server as SocketServer } from 'socket.io';
import type { AuthEnv } from './auth/principal.ts';
import { DEFAULT_SESSION_SETTINGS, type SessionSettings } from './auth/sessions.ts';
import { auditRoutes } from './routes/audit.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { reportRoutes } from './routes/reports.ts';
import { authRoutes } from './routes/auth.ts';
import { deviceRoutes } from './routes/devices.ts';
import { ppidCaseRoutes } from './routes/ppid-cases.ts';
import { userRoutes } from './routes/users.ts';
import { sourceRoutes } from './routes/sources.ts';
import { wallPlaylistRoutes } from './routes/wall-playlist.ts';
import { annotationRoutes } from './routes/annotations.ts';
import { wallScreenRoutes } from './routes/wall-screens.ts';
import { socialActionRoutes } from './routes/social-actions.ts';
import { walkInRoutes } from './routes/walk-in.ts';
import { worklistRoutes } from './routes/worklist.ts';
import { secureHeaders } from 'hono/secure-headers';
import { bodyLimits } from './http/body-limits.ts';
import { refuseNul } from './http/input-guard.ts';
import { isTransientDbError, storeUnavailableResponse } from './ingest/transient.ts';
import { userRoom } from './live/gateway.ts';
import type { Pool } from '@pantau/db';
import type { ProvincePack } from '@pantau/provinces';
import type { ComplaintContext } from './ingest/complaint-ingest.ts';
import type { Logger } from './logger.ts';
import { calendarRoutes } from './routes/calendar.ts';
import { complaintRoutes } from './routes/complaints.ts';
import { complaintSettingsRoutes } from './routes/complaints-settings.ts';
import { ingestRoutes } from './routes/ingest.ts';
import { ppidRoutes } from './routes/ppid.ts';
import { ppidRecordRoutes } from './routes/ppid-record.ts';
import { socialRoutes } from './routes/social.ts';
import { healthRoutes } from './routes/health.ts';
import { DEFAULT_PUBLIC_OPTIONS, publicApiRoutes } from './public/routes.ts';
import { widgetRoutes, type WidgetRouteOptions } from './widgets/routes.ts';
import { webAppRoutes } from './routes/web-app.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { requestLog, requestIdOf } from './http/request-log.ts';
import { metricsFor } from './metrics/node-metrics.ts';

export interface AppDeps {
  pool: Pool;
  pack: ProvincePack;
  /** Complaint ingest context (calendar, rules); omitted by tests that need no ingest. */
  complaints?: ComplaintContext;
  /** Re-reads the working-day calendar after an admin edit. */
  reloadCalendar?: () => Promise<void>;
  logger: Logger;
  webDist: string;
  /** Sign-in: session expiry and lockout. Defaults when omitted. */
  sessions?: SessionSettings;
  /** The socket.io server, once it exists (routes that disconnect sockets: sign-out, revoked walls). */
  live?: { io?: SocketServer };
  /** Public statistics API and widget settings (threshold, cache, rate limit, signing secret). */
  publicApi?: WidgetRouteOptions;
  /** The bearer token that reads `/metrics` (PANTAU_METRICS_TOKEN); unset → nobody may. */
  metricsToken?: string;
}

/** Paths other sites may load: the public API (CORS) and the widgets (framed, scripted from anywhere). */
const isEmbeddable = (path: string) =>
  path === '/embed' || path.startsWith('/embed/') || path === '/embed.js' || path.startsWith('/api/public/');

/** Builds the Hono app: thin routes over `packages/*`. No port is bound here, so tests call `app.request()`. */
export function createApp(deps: AppDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  // First, so every answer — including the security headers' and an error's — is logged and counted.
  app.use('*', requestLog({ logger: deps.logger, metrics: metricsFor(deps.pool) }));
  const appHeaders = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'", 'ws:', 'wss:'],
      frameAncestors: ["'self'"],
    },
  });
  // Widgets are framed by OPD websites and embed.js is loaded by them: any ancestor, resources readable
  // cross-origin; scripts still only from this server.
  const embeddableHeaders = secureHeaders({
    crossOriginResourcePolicy: 'cross-origin',
    crossOriginOpenerPolicy: false,
    xFrameOptions: false,
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      frameAncestors: ['*'],
    },
  });
  app.use('*', (c, next) => (isEmbeddable(c.req.path) ? embeddableHeaders(c, next) : appHeaders(c, next)));
  app.onError((err, c) => {
    // Safety net: a PostgreSQL data exception (class 22: out of range, invalid text) comes from input a
    // route failed to validate; it is the caller's mistake, never a 500. Logged so the gap gets closed.
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('22')) {
      deps.logger.warn({ err, path: c.req.path, requestId: requestIdOf(c) }, 'input reached the database unvalidated');
      return c.json({ error: { field: 'input', message: 'a value is out of range or malformed' } }, 400);
    }
    // The database is down or a transaction met a transient conflict: the caller may retry, nothing was
    // done — 503 with Retry-After, never a 500 (and never an auth failure for a lookup that could not run).
    if (isTransientDbError(err)) {
      deps.logger.warn({ err, path: c.req.path, requestId: requestIdOf(c) }, 'store unavailable');
      return storeUnavailableResponse(err);
    }
    deps.logger.error({ err, path: c.req.path, requestId: requestIdOf(c) }, 'unhandled error');
    return c.json({ error: { message: 'internal error' } }, 500);
  });
  app.use('*', bodyLimits());
  // A NUL byte cannot be stored by PostgreSQL: refused at the edge, naming the field (ingest batches
  // validate per item themselves).
  app.use('*', refuseNul({ skipBodyFor: (path) => path.startsWith('/api/ingest/') }));
  const sessions = deps.sessions ?? DEFAULT_SESSION_SETTINGS;
  app.use('/api/*', async (c, next) => {
    c.set('sessionSettings', sessions);
    await next();
  });
  app.route('/', healthRoutes(deps.pool));
  app.route('/', metricsRoutes(deps.pool, deps.metricsToken));
  // Through the socket.io adapter, so every node drops the sockets, wherever they are connected.
  const kickUser = (id: string) => deps.live?.io?.of('/live').in(userRoom(id)).disconnectSockets(true);
  app.route(
    '/',
    authRoutes(deps.pool, {
      onSignOut: (hash) => deps.live?.io?.of('/live').in(`session:${hash}`).disconnectSockets(true),
      onCredentialChange: kickUser,
    }),
  );
  app.route('/', userRoutes(deps.pool, deps.pack, { onCredentialChange: kickUser }));
  app.route(
    '/',
    deviceRoutes(deps.pool, {
      kickDevice: () => {
        const io = deps.live?.io;
        return io ? async (id) => void io.of('/live').in(`device:${id}`).disconnectSockets(true) : undefined;
      },
    }),
  );
  app.route('/', auditRoutes(deps.pool));
  app.route(
    '/',
    notificationRoutes(deps.pool, () => deps.complaints?.ladder),
  );
  app.route('/', wallScreenRoutes(deps.pool));
  app.route('/', wallPlaylistRoutes(deps.pool, deps.pack));
  app.route('/', annotationRoutes(deps.pool, deps.pack));
  app.route('/', sourceRoutes(deps.pool));
  app.route(
    '/',
    ppidCaseRoutes(deps.pool, {
      pack: deps.pack,
      // Read at each use: an admin's ladder change replaces it.
      get ladder() {
        return deps.complaints?.ladder;
      },
    }),
  );
  app.get('/api/province', (c) => {
    const { pack } = deps;
    return c.json({
      code: pack.code,
      slug: pack.slug,
      name: pack.name,
      shortName: pack.shortName,
      timeZone: pack.timeZone,
      timeZoneLabel: pack.timeZoneLabel,
      laporBrand: pack.laporBrand,
      sms: pack.sms,
      // Public pack data the wall needs for names and the map (points; no boundary data is shipped).
      opds: pack.opds.map((o) => ({ id: o.id, name: o.name, shortName: o.shortName })),
      regencies: pack.regencies.map((r) => ({ code: r.code, name: r.name, kind: r.kind, lat: r.lat, lon: r.lon })),
    });
  });
  if (deps.complaints) app.route('/', ingestRoutes(deps.pool, deps.complaints));
  if (deps.complaints) app.route('/', ppidRoutes(deps.pool, deps.complaints));
  if (deps.complaints) app.route('/', ppidRecordRoutes(deps.pool, deps.complaints));
  if (deps.complaints) app.route('/', complaintSettingsRoutes(deps.pool, deps.complaints));
  if (deps.complaints) app.route('/', walkInRoutes(deps.pool, deps.complaints));
  app.route('/', socialActionRoutes(deps.pool));
  if (deps.complaints) app.route('/', complaintRoutes(deps.pool, deps.complaints, deps.logger));
  if (deps.complaints) app.route('/', reportRoutes(deps.pool, deps.complaints));
  if (deps.complaints) app.route('/', worklistRoutes(deps.pool, deps.complaints, deps.logger));
  if (deps.complaints)
    app.route('/', calendarRoutes(deps.pool, deps.complaints, deps.reloadCalendar ?? (async () => undefined)));
  app.route('/', socialRoutes(deps.pool, deps.pack));
  app.route('/', publicApiRoutes(deps.pool, deps.pack, deps.publicApi ?? DEFAULT_PUBLIC_OPTIONS));
  app.route('/', widgetRoutes(deps.pool, deps.pack, deps.publicApi ?? DEFAULT_PUBLIC_OPTIONS));
  app.route('/', webAppRoutes(deps.webDist));
  app.notFound((c) => c.json({ error: { message: `no route for ${c.req.method} ${c.req.path}` } }, 404));
  return app;
}
