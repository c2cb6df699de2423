import { codeLabel, itemStatusLabel } from '@pantau/contracts/labels';
import { firstIssue, worklistAssignRequest, worklistQuery, type WorklistItem } from '@pantau/contracts';
import { OPD_ID_PATTERN } from '@pantau/contracts/constants';
import {
  appendAudit,
  assignableUsers,
  assignItem,
  handoverGroups,
  lockAssignableItem,
  touchTopics,
  withTransaction,
  worklistGroups,
  worklistPage,
  type Pool,
  type WorklistFilter,
  type WorklistRow,
} from '@pantau/db';
import { remainingWorkingTime, workingDaysBetween } from '@pantau/domain';
import { Hono } from 'hono';
import { requirePrincipal, type AuthEnv, type Principal } from '../auth/principal.ts';
import type { ComplaintContext } from '../ingest/complaint-ingest.ts';
import { peopleFormat, streamCsv } from '../http/csv.ts';
import type { Logger } from '../logger.ts';
import { actsOnItems, canAssignTo, canReadItem, canWorkItem } from '@pantau/domain/permissions';

/**
 * The console's worklist: what is late or at risk across complaints, PPID requests and unanswered
 * comments, filtered, sorted and paged by the server; groups per OPD; the current view as CSV. An OPD
 * admin gets its own OPD's items whatever it asks for.
 */
export function worklistRoutes(pool: Pool, ctx: ComplaintContext, logger: Logger): Hono<AuthEnv> {
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
      assigneeId: d.owner === undefined ? undefined : d.owner === 'none' ? null : d.owner === 'me' ? who.id : d.owner,
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

  app.post('/api/worklist/assign', async (c) => {
    const parsed = worklistAssignRequest.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: firstIssue(parsed.error) }, 400);
    const body = parsed.data;
    const who = c.get('principal');
    if (!actsOnItems(who)) return c.json({ error: { field: 'role', message: 'viewers do not assign' } }, 403);
    const assigneeId = body.assignee === 'me' ? who.id : body.assignee;
    type Outcome = { status: 200 | 403 | 404 | 422; json: unknown };
    const outcome = await withTransaction(pool, async (client): Promise<Outcome> => {
      const item = await lockAssignableItem(client, body.kind, Number(body.id));
      if (!item || !canReadItem(who, item))
        return { status: 404, json: { error: { field: 'id', message: 'no such item' } } };
      if (!canWorkItem(who, item))
        return { status: 403, json: { error: { field: 'assignee', message: 'your role may not assign this item' } } };
      let assigneeName: string | null = null;
      if (assigneeId !== null) {
        const candidate = (await assignableUsers(client, item.opdId)).find((u) => u.id === assigneeId);
        if (!candidate)
          return {
            status: 422,
            json: { error: { field: 'assignee', message: 'this person cannot own an item of this OPD' } },
          };
        // An OPD admin hands items only to itself or its OPD's people, never to the desk's.
        if (!canAssignTo(who, candidate))
          return {
            status: 403,
            json: { error: { field: 'assignee', message: 'an OPD admin assigns within its OPD' } },
          };
        assigneeName = candidate.displayName;
      }
      const { previous } = await assignItem(client, {
        kind: body.kind,
        itemId: Number(body.id),
        assigneeId,
        by: `user:${who.id}`,
      });
      await appendAudit(client, {
        actor: `user:${who.id}`,
        action: 'worklist.assign',
        entity: body.kind,
        entityId: body.id,
        details: { assignee: assigneeId, previous, trackingId: item.trackingId },
      });
      await touchTopics(client, ['worklist']);
      return { status: 200, json: { kind: body.kind, id: body.id, assigneeId, assigneeName, previous } };
    });
    return c.json(outcome.json, outcome.status);
  });

  // The people an item of an OPD can be given to (names only), for the drawer's owner picker.
  app.get('/api/worklist/assignees', async (c) => {
    const who = c.get('principal');
    if (!actsOnItems(who)) return c.json({ error: { field: 'role', message: 'viewers do not assign' } }, 403);
    const opd = c.req.query('opd');
    if (opd !== undefined && !OPD_ID_PATTERN.test(opd))
      return c.json({ error: { field: 'opd', message: 'expected an OPD id' } }, 400);
    const opdId = who.role === 'opd_admin' ? who.opdId : (opd ?? null);
    const people = await assignableUsers(pool, opdId);
    return c.json({
      people: people
        .filter((p) => canAssignTo(who, p))
        .map((p) => ({ id: p.id, displayName: p.displayName, role: p.role })),
    });
  });

  // Shift handover: what each person owns that is still open, most urgent first.
  app.get('/api/worklist/handover', async (c) => {
    const who = c.get('principal');
    if (!actsOnItems(who)) return c.json({ error: { field: 'role', message: 'viewers have no handover' } }, 403);
    const opd = c.req.query('opd');
    if (opd !== undefined && !OPD_ID_PATTERN.test(opd))
      return c.json({ error: { field: 'opd', message: 'expected an OPD id' } }, 400);
    c.header('Cache-Control', 'no-store');
    return c.json({ groups: await handoverGroups(pool, who.role === 'opd_admin' ? who.opdId : (opd ?? null)) });
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
    const { filter, q } = parsed;
    // For people, not programs: Indonesian headers, names instead of ids, local times (peopleFormat).
    const { zone: tz, at, opd, regency } = peopleFormat(ctx.pack);
    const columns: Array<[string, (r: WorklistItem) => string | number | null]> = [
      ['Jenis', (r) => codeLabel('id', 'kind', r.kind)],
      ['Nomor', (r) => r.trackingId],
      ['OPD', (r) => opd(r.opdId)],
      ['Kabupaten/Kota', (r) => regency(r.regencyCode)],
      ['Kanal', (r) => codeLabel('id', 'channel', r.channel)],
      ['Topik', (r) => r.topic],
      ['Status', (r) => itemStatusLabel('id', r.kind, r.status)],
      [`Diterima (${tz})`, (r) => at(r.startedAt)],
      ['Umur (HK)', (r) => r.ageHK],
      [`Tenggat (${tz})`, (r) => at(r.deadlineAt)],
      ['Sisa (HK)', (r) => r.leftHK],
      ['Terlambat (HK)', (r) => r.overdueHK],
      ['Keadaan tenggat', (r) => codeLabel('id', 'deadlineState', r.deadlineState)],
      ['Tingkat eskalasi', (r) => r.escalationLevel],
      ['Diakui oleh', (r) => r.acknowledgedBy],
      [`Diakui pada (${tz})`, (r) => at(r.acknowledgedAt)],
      ['Pemilik', (r) => r.assigneeName],
    ];
    const PAGE = 500;
    async function* pages() {
      for (let offset = 0; ; offset += PAGE) {
        const page = await worklistPage(pool, filter, q.sort, q.dir, PAGE, offset);
        yield withDays(page.rows).map((r) => columns.map(([, get]) => get(r)));
        if (page.rows.length < PAGE) return;
      }
    }
    return streamCsv(
      c,
      `worklist-${new Date().toISOString().slice(0, 10)}.csv`,
      columns.map(([h]) => h),
      pages(),
      (err) => logger.error({ err, path: c.req.path }, 'worklist export failed part-way'),
    );
  });
  return app;
}
