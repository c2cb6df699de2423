import { firstIssue, type WorklistItem } from '@pantau/contracts';
import {
  WORKLIST_SORTS,
  worklistGroups,
  worklistPage,
  type Pool,
  type WorklistFilter,
  type WorklistRow,
} from '@pantau/db';
import { remainingWorkingTime, workingDaysBetween } from '@pantau/domain';
import { Hono } from 'hono';
import { z } from 'zod';
import { requirePrincipal, type AuthEnv, type Principal } from '../auth/principal.ts';
import type { ComplaintContext } from '../ingest/complaint-ingest.ts';
import { toCsv } from '../http/csv.ts';

const list = <T extends string>(values: readonly T[]) =>
  z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values as [T, ...T[]])).max(values.length));

const worklistQuery = z.strictObject({
  kind: list(['complaint', 'ppid_request', 'social_comment'] as const).optional(),
  opd: z
    .string()
    .regex(/^[a-z]+\.[a-z0-9-]+$/, 'expected an OPD id')
    .optional(),
  regency: z
    .string()
    .regex(/^\d{2}\.\d{2}$/, 'expected NN.NN')
    .optional(),
  channel: z.string().max(30).optional(),
  topic: z.string().max(100).optional(),
  status: z
    .string()
    .max(300)
    .transform((v) => v.split(',').filter(Boolean))
    .optional(),
  deadlineState: list(['overdue', 'at_risk'] as const).optional(),
  step: z.coerce.number().int().min(0).max(10).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  sort: z.enum(WORKLIST_SORTS).default('deadline'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/**
 * The console's worklist: what is late or at risk across complaints, PPID requests and unanswered
 * comments, filtered, sorted and paged by the server; groups per OPD; the current view as CSV. An OPD
 * admin gets its own OPD's items whatever it asks for.
 */
export function worklistRoutes(pool: Pool, ctx: ComplaintContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/api/worklist', requirePrincipal(pool));
  app.use('/api/worklist/*', requirePrincipal(pool));
  app.use('/api/worklist.csv', requirePrincipal(pool));

  const parse = (raw: Record<string, string>, who: Principal) => {
    const q = worklistQuery.safeParse(raw);
    if (!q.success) return { error: firstIssue(q.error) } as const;
    const d = q.data;
    const filter: WorklistFilter = {
      kinds: d.kind,
      opdId: who.role === 'opd_admin' ? who.opdId! : d.opd,
      regencyCode: d.regency,
      channel: d.channel,
      topic: d.topic,
      status: d.status,
      deadlineState: d.deadlineState,
      minStep: d.step,
      q: d.q,
    };
    return { filter, q: d } as const;
  };
  const withDays = (rows: WorklistRow[]): WorklistItem[] => {
    const cal = ctx.calendar();
    const now = ctx.now?.() ?? new Date();
    return rows.map((r) => {
      const rem = r.deadlineAt ? remainingWorkingTime(cal, now, new Date(r.deadlineAt)) : null;
      return {
        ...r,
        ageHK: workingDaysBetween(cal, new Date(r.startedAt), now).days,
        leftHK: rem && !rem.overdue ? rem.workingDays : null,
        overdueHK: rem?.overdue ? rem.workingDays : null,
      };
    });
  };

  app.get('/api/worklist', async (c) => {
    const parsed = parse(c.req.query(), c.get('principal'));
    if ('error' in parsed) return c.json({ error: parsed.error }, 400);
    const { q, filter } = parsed;
    const page = await worklistPage(pool, filter, q.sort, q.dir, q.limit, q.offset);
    c.header('Cache-Control', 'no-store');
    return c.json({ items: withDays(page.rows), total: page.total, offset: q.offset, limit: q.limit });
  });

  app.get('/api/worklist/groups', async (c) => {
    const parsed = parse(c.req.query(), c.get('principal'));
    if ('error' in parsed) return c.json({ error: parsed.error }, 400);
    return c.json({ groups: await worklistGroups(pool, parsed.filter) });
  });

  app.get('/api/worklist.csv', async (c) => {
    const raw = { ...c.req.query() };
    delete raw.offset;
    delete raw.limit;
    const parsed = parse({ ...raw, limit: '500' }, c.get('principal'));
    if ('error' in parsed) return c.json({ error: parsed.error }, 400);
    const rows: WorklistItem[] = [];
    for (let offset = 0; offset < 100_000; offset += 500) {
      const page = await worklistPage(pool, parsed.filter, parsed.q.sort, parsed.q.dir, 500, offset);
      rows.push(...withDays(page.rows));
      if (page.rows.length < 500) break;
    }
    const cols = [
      'kind',
      'trackingId',
      'opdId',
      'regencyCode',
      'channel',
      'topic',
      'status',
      'startedAt',
      'ageHK',
      'deadlineAt',
      'leftHK',
      'overdueHK',
      'deadlineState',
      'deadlineStep',
      'escalationLevel',
      'acknowledgedBy',
      'acknowledgedAt',
    ] as const;
    const cell = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? v : null);
    const csv = toCsv(
      cols,
      rows.map((r) => cols.map((k) => cell(r[k]))),
    );
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="worklist-${new Date().toISOString().slice(0, 10)}.csv"`);
    c.header('Cache-Control', 'no-store');
    return c.body(csv);
  });
  return app;
}
