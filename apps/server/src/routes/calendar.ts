import { addCalendarDay, appendAudit, withTransaction, type Pool } from '@pantau/db';
import { calendarYearsDue, localDateOf } from '@pantau/domain';
import { firstIssue } from '@pantau/contracts';
import { Hono } from 'hono';
import { z } from 'zod';
import { requirePrincipal, type AuthEnv } from '../auth/principal.ts';
import { recomputeOpenDeadlines } from '../deadlines/recompute.ts';
import type { ComplaintContext } from '../ingest/complaint-ingest.ts';
import { canEditCalendar } from '../permissions.ts';

const dayBody = z.object({
  date: z.iso.date(),
  kind: z.enum(['libur_nasional', 'cuti_bersama', 'libur_daerah']),
  name: z.string().trim().min(3).max(200),
  legalBasis: z.string().trim().min(3).max(200),
});

/**
 * The working-day calendar: its status (years with no official list are a warning, shown on the API and
 * the wall) and admin edits, after which every open deadline is recomputed from its events.
 */
export function calendarRoutes(pool: Pool, ctx: ComplaintContext, reloadCalendar: () => Promise<void>): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/api/calendar/*', requirePrincipal(pool));
  app.get('/api/calendar/status', (c) => {
    const cal = ctx.calendar();
    // This year, and from 1 October the next, in the province's own zone (31 Dec 17:00 UTC is already
    // 1 Jan in WIT): a year further ahead is nobody's task yet.
    const missing = calendarYearsDue(cal, localDateOf(ctx.now?.() ?? new Date(), cal.timeZone));
    return c.json({
      timeZone: cal.timeZone,
      loadedYears: [...cal.loadedYears].sort(),
      holidays: cal.holidays.size,
      warnings: missing.map((y) => ({
        kind: 'calendar_year_missing',
        year: y,
        message: `Kalender hari kerja ${y} belum dimuat: tenggat dihitung Senin–Jumat saja.`,
      })),
    });
  });
  app.post('/api/calendar/days', async (c) => {
    if (!canEditCalendar(c.get('principal')))
      return c.json({ error: { field: 'authorization', message: 'only an admin edits the calendar' } }, 403);
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      return c.json({ error: { field: 'body', message: 'body is not valid JSON' } }, 400);
    }
    const parsed = dayBody.safeParse(raw);
    if (!parsed.success) return c.json({ error: firstIssue(parsed.error) }, 400);
    const actor = `user:${c.get('principal').id}`;
    // The edit and its audit entry commit together; every node re-reads its calendar on the commit's NOTIFY.
    const added = await withTransaction(pool, async (client) => {
      const isNew = await addCalendarDay(client, ctx.pack.code, parsed.data);
      await appendAudit(client, {
        actor,
        action: 'calendar.day_added',
        entity: 'calendar_day',
        entityId: `${ctx.pack.code}:${parsed.data.date}:${parsed.data.kind}`,
        details: { ...parsed.data, new: isNew },
      });
      return isNew;
    });
    await reloadCalendar();
    const moved = await recomputeOpenDeadlines(pool, ctx);
    return c.json({ added, deadlinesMoved: moved }, added ? 201 : 200);
  });
  return app;
}
