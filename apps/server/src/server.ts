import type { AddressInfo } from 'node:net';
import type { Server as HttpServer } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { createAdapter } from '@socket.io/postgres-adapter';
import { Server as SocketServer } from 'socket.io';
import {
  createPool,
  currentSchema,
  loadWorkingCalendar,
  migrate,
  seedProvincePack,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
  type Pool,
  type SeedResult,
} from '@pantau/db';
import type { WorkingCalendar } from '@pantau/domain';
import { loadProvincePack, type ProvincePack } from '@pantau/provinces';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createApp } from './app.ts';
import { ensureFirstUsers, type FirstUsers } from './auth/first-start.ts';
import { sessionSettingsOf } from './auth/sessions.ts';
import { loadComplaintSettings } from './deadlines/complaint-settings.ts';
import { recomputeOpenDeadlines } from './deadlines/recompute.ts';
import type { ComplaintContext } from './ingest/complaint-ingest.ts';
import { backgroundStarters } from './background.ts';
import type { BackgroundService } from './service-context.ts';
import type { Env } from './env.ts';
import { untilDatabaseReady } from './database-wait.ts';
import { startingRoutes } from './routes/health.ts';
import type { Logger } from './logger.ts';
import { metricsFor } from './metrics/node-metrics.ts';

/** The hash in the built app's entry file name: changes exactly when a new web build is deployed. */
function webBuildId(dist: string): string {
  try {
    return /assets\/index-([\w-]+)\.js/.exec(readFileSync(path.join(dist, 'index.html'), 'utf8'))?.[1] ?? 'dev';
  } catch {
    return 'dev';
  }
}

/** The demo feed runs when asked, or by default while no real source is configured. */
export function isDemo(env: Env): boolean {
  return env.PANTAU_DEMO === 'on' || (env.PANTAU_DEMO === 'auto' && !env.PANTAU_REAL_SOURCES && !env.PANTAU_LAPOR_URL);
}

export interface RunningServer {
  url: string;
  port: number;
  pool: Pool;
  pack: ProvincePack;
  io: SocketServer;
  http: HttpServer;
  embedded: EmbeddedDatabase | undefined;
  /** Whether the simulator feeds this node (PANTAU_DEMO, or 'auto' with no real source configured). */
  demo: boolean;
  /** Accounts created at this start (the admin's one-time password, the demo sign-ins), to print once. */
  firstUsers: FirstUsers;
  /** Drains HTTP and socket connections, closes the pool, stops the embedded database. Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts a Pantau node: database (given or embedded), the HTTP port (answering 503 until the database is
 * reachable, waiting with back-off meanwhile), migrations under an advisory lock, the province pack
 * seeded, then Hono and socket.io on one Node HTTP server.
 */
export async function startServer(env: Env, logger: Logger): Promise<RunningServer> {
  const pack = loadProvincePack(env.PANTAU_PROVINCE);
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    logger.info({ dataDir: path.join(env.dataDir, 'pgdata') }, 'starting embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(env.dataDir, 'pgdata'),
      onLog: (line) => logger.debug({ pg: line }, 'embedded postgres'),
    });
    databaseUrl = embedded.url;
  }
  const pool = createPool({ connectionString: databaseUrl, max: env.PANTAU_DB_POOL_MAX });

  // Listen first: while the database is unreachable the node answers /healthz and /readyz 503 (and every
  // other route 503 with Retry-After) instead of exiting, and swaps in the real app once it is up.
  const waiting = { reason: 'starting' };
  const starting = startingRoutes(waiting);
  let serve: (...args: Parameters<typeof starting.fetch>) => Response | Promise<Response> = starting.fetch;
  const http = createAdaptorServer({
    fetch: (...args: Parameters<typeof starting.fetch>) => serve(...args),
  }) as HttpServer;
  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(env.PORT, env.HOST, () => resolve());
    });
  } catch (err) {
    await pool.end().catch(() => undefined);
    await embedded?.stop();
    throw err;
  }
  const port = (http.address() as AddressInfo).port;
  const url = `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${port}`;

  // Set by the first successful read below, before anything can ask for it.
  let calendar!: WorkingCalendar;
  const complaints: ComplaintContext = { pack, calendar: () => calendar };
  let firstUsers: FirstUsers;
  let schema: string;
  let calendarChanged = false;
  try {
    ({ firstUsers, schema } = await untilDatabaseReady(
      logger,
      async () => {
        const result = await migrate(pool);
        logger.info({ applied: result.applied, alreadyApplied: result.alreadyApplied }, 'migrations');
        const seeded: SeedResult = await seedProvincePack(pool, pack);
        logger.info({ province: pack.slug, ...seeded }, 'province pack seeded');
        // Kept across attempts: a retry after the seed committed would see no change and skip the recompute.
        calendarChanged ||= seeded.calendarChanged;
        calendar = await loadWorkingCalendar(pool, pack.code, pack.timeZone);
        // The province's rule overrides, before the first request (calendar-sync keeps them current after).
        const settings = await loadComplaintSettings(pool, complaints);
        if (settings.problem) logger.warn({ problem: settings.problem }, 'complaint settings');
        if (calendarChanged) {
          // A new pack brought a year's SKB (or corrected a day): deadlines computed on the old calendar —
          // counted Monday–Friday where a year was missing — are recomputed before this node serves them.
          const moved = await recomputeOpenDeadlines(pool, complaints);
          logger.info(
            { deadlinesMoved: moved },
            'working-day calendar changed with the pack: open deadlines recomputed',
          );
          calendarChanged = false;
        }
        const users = await ensureFirstUsers(pool, pack, {
          adminPassword: env.PANTAU_ADMIN_PASSWORD,
          demo: isDemo(env),
        });
        return { firstUsers: users, schema: await currentSchema(pool) };
      },
      { onWaiting: (reason) => (waiting.reason = reason) },
    ));
  } catch (err) {
    await new Promise((r) => http.close(r));
    await pool.end().catch(() => undefined);
    await embedded?.stop();
    throw err;
  }
  const reloadCalendar = async () => {
    calendar = await loadWorkingCalendar(pool, pack.code, pack.timeZone);
  };
  const live: { io?: SocketServer } = {};
  const app = createApp({
    live,
    sessions: sessionSettingsOf(env),
    pool,
    pack,
    logger,
    webDist: env.webDist,
    complaints,
    reloadCalendar,
    publicApi: {
      minCount: env.PANTAU_PUBLIC_MIN_COUNT,
      cacheSeconds: env.PANTAU_PUBLIC_CACHE_SECONDS,
      rateLimitPerMinute: env.PANTAU_PUBLIC_RATE_PER_MINUTE,
      rateLimitBurst: env.PANTAU_PUBLIC_RATE_BURST,
      trustProxy: env.PANTAU_TRUST_PROXY,
      embedSecret: env.PANTAU_EMBED_SECRET,
    },
    metricsToken: env.PANTAU_METRICS_TOKEN,
  });
  // Set at shutdown: /readyz answers 503 so a load balancer stops routing here while the rest still serves.
  let draining = false;
  serve = (request, ...rest) =>
    draining && new URL(request.url).pathname === '/readyz'
      ? Response.json({ status: 'not_ready', reason: 'shutting_down' }, { status: 503 })
      : app.fetch(request, ...rest);
  const io = new SocketServer(http, { serveClient: false, cors: { origin: false } });
  live.io = io;
  metricsFor(pool).attachSockets(io);
  // Cross-node broadcasts that are not data (kicking a revoked wall, pushing configuration) go through
  // PostgreSQL; live deltas do not (every node tails the delta log itself).
  // The adapter holds a LISTEN connection for its lifetime: a pool of its own, so shutdown never waits on it.
  const adapterPool = createPool({ connectionString: databaseUrl, max: 2, application: 'pantau-socket-adapter' });
  io.adapter(
    createAdapter(adapterPool, {
      channelPrefix: `pantau_sio:${schema}`,
      errorHandler: (err) => logger.warn({ err }, 'socket.io adapter error'),
    }),
  );

  const services: BackgroundService[] = [];
  for (const starter of backgroundStarters) {
    const service = await starter({
      env,
      pool,
      pack,
      io,
      logger,
      databaseUrl,
      buildId: webBuildId(env.webDist),
      complaints,
      reloadCalendar,
      demo: isDemo(env),
    });
    if (service) services.push(service);
  }

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      // Readiness first: /readyz turns 503 and the node keeps serving for the grace period, long enough
      // for a load balancer's health check to notice and send new requests elsewhere.
      draining = true;
      const graceMs = env.PANTAU_SHUTDOWN_GRACE_SECONDS * 1000;
      if (graceMs > 0) {
        logger.info({ graceMs }, 'not ready: draining before shutdown');
        await new Promise((r) => setTimeout(r, graceMs));
      }
      for (const service of services.reverse()) {
        await service.stop().catch((err: unknown) => logger.error({ err, service: service.name }, 'stop failed'));
      }
      // Then drain: no new connections, live sockets closed (clients reconnect to another node), requests
      // under way finish — up to a bound, after which what is left is cut.
      await Promise.race([
        new Promise<void>((resolve) => {
          void io.close(() => resolve());
          http.closeIdleConnections?.();
        }),
        new Promise((r) => setTimeout(r, 5000)),
      ]);
      http.closeAllConnections?.();
      await pool.end().catch(() => undefined);
      await Promise.race([adapterPool.end().catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
      await embedded?.stop();
    })());

  return { url, port, pool, pack, io, http, embedded, demo: isDemo(env), firstUsers, close };
}
