import type { AuditAction } from '@pantau/contracts/labels';
import {
  addCalendarDay,
  appendAudit,
  listCalendarYear,
  loadCalendarYear,
  loadWorkingCalendar,
  removeCalendarDay,
  type Pool,
  type PoolClient,
} from '@pantau/db';
import { calendarYearsDue, localDateOf } from '@pantau/domain';
import {
  calendarDayAddRequest,
  calendarDayMoveRequest,
  calendarDayRemoveRequest,
  calendarYearLoadRequest,
  firstIssue,
  type CalendarEditResult,
  type CalendarYearView,
} from '@pantau/contracts';
import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import { requirePrincipal, type AuthEnv } from '../auth/principal.ts';
import { recomputeOpenDeadlines } from '../deadlines/recompute.ts';
import type { ComplaintContext } from '../ingest/complaint-ingest.ts';
import { deadlinesMoving } from './deadline-preview.ts';
import { canEditCalendar, canReadCalendar } from '@pantau/domain/permissions';

interface Edit {
  changed: boolean;
  audit: { action: AuditAction; entityId: string; details: Record<string, unknown> };
}

/**
 * The working-day calendar: its status (the years an admin must load now), a year as the console lists
 * it, and admin edits — add, remove, move a day, load a year from a decree's list — each previewable,
 * audited with its decree and reason, and followed by a recompute of every open deadline.
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

  app.get('/api/calendar/years/:year', async (c) => {
    if (!canReadCalendar(c.get('principal')))
      return c.json({ error: { field: 'authorization', message: 'the calendar page is for the console' } }, 403);
    const year = Number(c.req.param('year'));
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      return c.json({ error: { field: 'year', message: 'expected a year between 2000 and 2100' } }, 400);
    const { loaded, days } = await listCalendarYear(pool, ctx.pack.code, year);
    const body: CalendarYearView = {
      year,
      loaded: loaded
        ? {
            legalBasis: loaded.legalBasis,
            source: loaded.source as 'pack' | 'admin',
            loadedAt: loaded.loadedAt.toISOString(),
          }
        : null,
      days: days.map((d) => ({ ...d, updatedAt: d.updatedAt.toISOString() })),
      canEdit: canEditCalendar(c.get('principal')),
      loadedYears: [...ctx.calendar().loadedYears].sort(),
    };
    return c.json(body);
  });

  /** Parses an admin's edit, runs it (or its preview) in one transaction, then recomputes. */
  const editRoute = <S extends z.ZodType<{ preview?: boolean | undefined }>>(
    path: string,
    schema: S,
    run: (client: PoolClient, body: z.infer<S>) => Promise<Edit>,
    status?: (r: Edit) => 200 | 201,
  ) =>
    app.post(path, async (c: Context<AuthEnv>) => {
      const principal = c.get('principal');
      if (!canEditCalendar(principal))
        return c.json({ error: { field: 'authorization', message: 'only an admin edits the calendar' } }, 403);
      let raw: unknown;
      try {
        raw = await c.req.json();
      } catch {
        return c.json({ error: { field: 'body', message: 'body is not valid JSON' } }, 400);
      }
      const parsed = schema.safeParse(raw);
      if (!parsed.success) return c.json({ error: firstIssue(parsed.error) }, 400);
      const body = parsed.data;
      const client = await pool.connect();
      let edit: Edit;
      let moving: number;
      try {
        await client.query('BEGIN');
        edit = await run(client, body);
        const after = await loadWorkingCalendar(client, ctx.pack.code, ctx.pack.timeZone);
        moving = await deadlinesMoving(client, ctx, { ...ctx, calendar: () => after });
        if (body.preview) {
          // A preview writes nothing: the edit (and its NOTIFY) is rolled back.
          await client.query('ROLLBACK');
          const result: CalendarEditResult = { preview: true, deadlinesMoving: moving, changed: edit.changed };
          return c.json(result);
        }
        // The edit and its audit entry commit together; every node re-reads its calendar on the NOTIFY.
        await appendAudit(client, {
          actor: `user:${principal.id}`,
          action: edit.audit.action,
          entity: 'calendar_day',
          entityId: edit.audit.entityId,
          details: edit.audit.details,
        });
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
      await reloadCalendar();
      const moved = await recomputeOpenDeadlines(pool, ctx);
      const result: CalendarEditResult & { deadlinesMoved: number; added?: boolean } = {
        preview: false,
        deadlinesMoving: moving,
        deadlinesMoved: moved,
        changed: edit.changed,
      };
      if (path === '/api/calendar/days') result.added = edit.changed;
      return c.json(result, status?.(edit) ?? 200);
    });

  const code = ctx.pack.code;
  editRoute(
    '/api/calendar/days',
    calendarDayAddRequest,
    async (client, d) => {
      const added = await addCalendarDay(client, code, d);
      const { preview: _preview, ...details } = d;
      return {
        changed: added,
        audit: {
          action: 'calendar.day_added',
          entityId: `${code}:${d.date}:${d.kind}`,
          details: { ...details, new: added },
        },
      };
    },
    (r) => (r.changed ? 201 : 200),
  );

  editRoute('/api/calendar/days/remove', calendarDayRemoveRequest, async (client, d) => {
    const removed = await removeCalendarDay(client, code, d);
    if (!removed) throw new NotFound('date', `no active ${d.kind} on ${d.date}`);
    const { preview: _preview, ...details } = d;
    return {
      changed: true,
      audit: {
        action: 'calendar.day_removed',
        entityId: `${code}:${d.date}:${d.kind}`,
        details: { ...details, name: removed.name },
      },
    };
  });

  editRoute('/api/calendar/days/move', calendarDayMoveRequest, async (client, d) => {
    if (d.to === d.date) throw new NotFound('to', 'the new date is the same as the old one');
    const removed = await removeCalendarDay(client, code, {
      date: d.date,
      kind: d.kind,
      legalBasis: d.legalBasis,
      reason: `dipindah ke ${d.to}: ${d.reason}`,
    });
    if (!removed) throw new NotFound('date', `no active ${d.kind} on ${d.date}`);
    const name = d.name ?? removed.name;
    await addCalendarDay(client, code, {
      date: d.to,
      kind: d.kind,
      name,
      legalBasis: d.legalBasis,
      reason: `dipindah dari ${d.date}: ${d.reason}`,
    });
    return {
      changed: true,
      audit: {
        action: 'calendar.day_moved',
        entityId: `${code}:${d.date}:${d.kind}`,
        details: { from: d.date, to: d.to, kind: d.kind, name, legalBasis: d.legalBasis, reason: d.reason },
      },
    };
  });

  editRoute('/api/calendar/years', calendarYearLoadRequest, async (client, y) => {
    const counts = await loadCalendarYear(client, code, y);
    return {
      changed: counts.added + counts.removed > 0 || !ctx.calendar().loadedYears.has(y.year),
      audit: {
        action: 'calendar.year_loaded',
        entityId: `${code}:${y.year}`,
        details: { year: y.year, legalBasis: y.legalBasis, days: y.days.length, ...counts },
      },
    };
  });

  app.onError((err, c) => {
    if (err instanceof NotFound) return c.json({ error: { field: err.field, message: err.message } }, 404);
    throw err;
  });
  return app;
}

/** An edit of a day that is not there: answered 404 naming the field, and nothing is written. */
class NotFound extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
