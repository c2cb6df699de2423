import { Hono } from 'hono';
import { migrationsApplied, pingDatabase, recomputeStatus, type Pool } from '@pantau/db';

/**
 * `/healthz`: the process is alive (no I/O). `/readyz`: it can serve — the database answers and every
 * shipped migration is applied. A load balancer routes traffic by `/readyz`. `/api/status/recompute`:
 * whether open deadlines are being recomputed after a rule or calendar change.
 */
export function healthRoutes(pool: Pool): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await pingDatabase(pool);
      if (!(await migrationsApplied(pool))) return c.json({ status: 'not_ready', reason: 'migrations_pending' }, 503);
      return c.json({ status: 'ready' });
    } catch (err) {
      return c.json({ status: 'not_ready', reason: 'database_unreachable', detail: (err as Error).message }, 503);
    }
  });
  // Whether a deadline recompute (after a rule or calendar change) is owed or running, for the console to
  // show "recomputing" until it is done. Counts and times only, nothing about any case.
  app.get('/api/status/recompute', async (c) => c.json(await recomputeStatus(pool)));
  return app;
}

/**
 * What a node answers while it waits for its database at start: `/healthz` and `/readyz` 503 with the
 * reason, every other route 503 with `Retry-After`. Replaced by the real app once the database is up.
 */
export function startingRoutes(state: { reason: string }): Hono {
  const app = new Hono();
  const waiting = { status: 'starting', reason: 'database_unreachable' } as const;
  app.get('/healthz', (c) => c.json({ ...waiting, detail: state.reason }, 503));
  app.get('/readyz', (c) => c.json({ ...waiting, detail: state.reason }, 503));
  app.all('*', (c) =>
    c.json({ error: { message: 'the server is starting: its database is not reachable yet' } }, 503, {
      'retry-after': '5',
    }),
  );
  return app;
}
