import { firstIssue, reportScheduleBody } from '@pantau/contracts';
import {
  deleteReportSchedule,
  insertReportSchedule,
  listReportSchedules,
  updateReportSchedule,
  type Pool,
} from '@pantau/db';
import type { ProvincePack } from '@pantau/provinces';
import { Hono, type Context } from 'hono';
import type { AuthEnv } from '../auth/principal.ts';
import { canManageReportSchedules } from '@pantau/domain/permissions';

const forbidden = (c: Context<AuthEnv>) =>
  c.json({ error: { field: 'role', message: 'only admins manage report schedules' } }, 403);

/** The schedule id in the path, or null when it is not one. */
const idOf = (c: Context<AuthEnv>) => {
  const id = Number(c.req.param('id'));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
};

/**
 * Scheduled leadership reports (admins): `GET /api/reports/schedules`, `POST` one, `PUT` and `DELETE`
 * `/api/reports/schedules/:id`. Mounted behind the reports routes' sign-in.
 */
export function reportScheduleRoutes(pool: Pool, pack: ProvincePack): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const parse = async (c: Context<AuthEnv>) => {
    const body = reportScheduleBody.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) return { ok: false as const, error: firstIssue(body.error) };
    if (body.data.opdId && !pack.opds.some((o) => o.id === body.data.opdId))
      return { ok: false as const, error: { field: 'opdId', message: 'no such OPD in this province' } };
    return { ok: true as const, data: body.data };
  };
  app.get('/api/reports/schedules', async (c) => {
    if (!canManageReportSchedules(c.get('principal'))) return forbidden(c);
    return c.json({ schedules: await listReportSchedules(pool) });
  });
  app.post('/api/reports/schedules', async (c) => {
    if (!canManageReportSchedules(c.get('principal'))) return forbidden(c);
    const body = await parse(c);
    if (!body.ok) return c.json({ error: body.error }, 400);
    return c.json({ schedule: await insertReportSchedule(pool, body.data, c.get('principal').id) }, 201);
  });
  app.put('/api/reports/schedules/:id', async (c) => {
    if (!canManageReportSchedules(c.get('principal'))) return forbidden(c);
    const id = idOf(c);
    const body = await parse(c);
    if (!body.ok) return c.json({ error: body.error }, 400);
    const saved = id ? await updateReportSchedule(pool, id, body.data, c.get('principal').id) : null;
    if (!saved) return c.json({ error: { field: 'id', message: 'no such schedule' } }, 404);
    return c.json({ schedule: saved });
  });
  app.delete('/api/reports/schedules/:id', async (c) => {
    if (!canManageReportSchedules(c.get('principal'))) return forbidden(c);
    const id = idOf(c);
    if (!id || !(await deleteReportSchedule(pool, id, c.get('principal').id)))
      return c.json({ error: { field: 'id', message: 'no such schedule' } }, 404);
    return c.body(null, 204);
  });
  return app;
}
