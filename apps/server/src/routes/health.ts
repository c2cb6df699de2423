import { Hono } from 'hono';
import { migrationsApplied, type Pool } from '@pantau/db';

/**
 * `/healthz`: the process is alive (no I/O). `/readyz`: it can serve — the database answers and every
 * shipped migration is applied. A load balancer routes traffic by `/readyz`.
 */
export function healthRoutes(pool: Pool): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await pool.query('SELECT 1');
      if (!(await migrationsApplied(pool))) return c.json({ status: 'not_ready', reason: 'migrations_pending' }, 503);
      return c.json({ status: 'ready' });
    } catch (err) {
      return c.json({ status: 'not_ready', reason: 'database_unreachable', detail: (err as Error).message }, 503);
    }
  });
  return app;
}
