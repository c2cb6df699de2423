import {
  complaintActionRequest,
  complaintListCursor,
  complaintListQuery,
  firstIssue,
  type CaseDetail,
  type ComplaintListCursor,
  type ComplaintListParams,
  type ComplaintListRow,
} from '@pantau/contracts';
import { codeLabel } from '@pantau/contracts/labels';
import {
  complaintDetail,
  complaintPersonalData,
  listComplaints,
  type ComplaintListFilter,
  type Pool,
} from '@pantau/db';
import {
  addDays,
  DEFAULT_ESCALATION_LADDER,
  formatRemaining,
  remainingWorkingTime,
  startOfLocalDay,
} from '@pantau/domain';
import { Hono } from 'hono';
import { requirePrincipal, type AuthEnv, type Principal } from '../auth/principal.ts';
import { peopleFormat, streamCsv } from '../http/csv.ts';
import type { Logger } from '../logger.ts';
import { performComplaintAction } from '../cases/complaint-actions.ts';
import type { ComplaintContext } from '../ingest/complaint-ingest.ts';
import { complaintRowFor, complaintTimelineFor } from '../auth/complaint-text.ts';
import { canReadComplaint, canSeeComplaintText, canSeeReporter } from '@pantau/domain/permissions';

const csv = (v: string | undefined) =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

/**
 * The complaint read API and its actions. Every route needs a signed-in principal; every check is a
 * named predicate from `permissions.ts`. Lists never carry reporter data or body text; the detail
 * carries them only for those allowed to see them. Actions take the version the officer saw: a stale
 * version gets 409 with the newer state.
 */
export function complaintRoutes(pool: Pool, ctx: ComplaintContext, logger: Logger): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/api/complaints', requirePrincipal(pool));
  app.use('/api/complaints.csv', requirePrincipal(pool));
  app.use('/api/complaints/*', requirePrincipal(pool));

  /** The list's filter from its query: an OPD admin's list is its own OPD's, whatever it asks for. */
  const listFilter = (q: ComplaintListParams, principal: Principal): ComplaintListFilter => {
    const opdId = principal.role === 'opd_admin' ? principal.opdId! : q.opd;
    return {
      status: csv(q.status),
      opdId,
      regencyCode: q.regency,
      channel: q.channel,
      topic: q.topic,
      submittedFrom: q.from ? startOfLocalDay(q.from, ctx.pack.timeZone) : undefined,
      submittedBefore: q.to ? startOfLocalDay(addDays(q.to, 1), ctx.pack.timeZone) : undefined,
      deadlineState: csv(q.deadline) as never,
      minEscalationLevel: q.escalation,
      q: q.q,
      // A title search reaches rahasia titles only for those who may read them (an OPD admin's list is
      // its own OPD's, whose rahasia texts it may read).
      searchRahasiaTitles: canSeeComplaintText(principal, { opdId: opdId ?? null, isRahasia: true }),
    };
  };
  const cursorOf = (
    sort: ComplaintListParams['sort'],
    last: { deadlineAt: string | null; submittedAt: string; id: string },
  ) => ({ key: sort === 'deadline' ? last.deadlineAt : last.submittedAt, id: Number(last.id) });

  app.get('/api/complaints', async (c) => {
    const parsed = complaintListQuery.safeParse(c.req.query());
    if (!parsed.success) return c.json({ error: firstIssue(parsed.error) }, 400);
    const q = parsed.data;
    const principal = c.get('principal');
    let after: ComplaintListCursor | null = null;
    if (q.cursor) {
      try {
        after = complaintListCursor.parse(JSON.parse(Buffer.from(q.cursor, 'base64url').toString('utf8')));
      } catch {
        return c.json({ error: { field: 'cursor', message: 'not a cursor from this API' } }, 400);
      }
    }
    const rows = await listComplaints(pool, listFilter(q, principal), q.sort, q.limit + 1, after);
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    const next =
      rows.length > q.limit && last ? Buffer.from(JSON.stringify(cursorOf(q.sort, last))).toString('base64url') : null;
    return c.json({ items: page.map((r) => complaintRowFor(principal, r)), nextCursor: next });
  });

  // The dashboard's list as a file for people: every complaint the filters select (not one page),
  // Indonesian headers, labels and local times, written as it is read. A rahasia title never leaves in a
  // file, whoever downloads it: files travel further than screens.
  app.get('/api/complaints.csv', async (c) => {
    const parsed = complaintListQuery.safeParse({ ...c.req.query(), cursor: undefined, limit: undefined });
    if (!parsed.success) return c.json({ error: firstIssue(parsed.error) }, 400);
    const q = parsed.data;
    const filter = listFilter(q, c.get('principal'));
    const { zone: tz, at, opd, regency } = peopleFormat(ctx.pack);
    const columns: Array<[string, (r: ComplaintListRow) => string | number | null]> = [
      ['Nomor', (r) => r.trackingId],
      ['Judul', (r) => (r.isRahasia ? '(rahasia)' : r.title)],
      ['Status', (r) => codeLabel('id', 'status', r.status)],
      ['OPD', (r) => opd(r.opdId)],
      ['Kabupaten/Kota', (r) => regency(r.regencyCode)],
      ['Kanal', (r) => codeLabel('id', 'channel', r.channel)],
      ['Klasifikasi', (r) => codeLabel('id', 'classification', r.classification)],
      ['Topik', (r) => r.topic],
      [`Diterima (${tz})`, (r) => at(r.submittedAt)],
      [`Tenggat (${tz})`, (r) => at(r.deadlineAt)],
      ['Keadaan tenggat', (r) => codeLabel('id', 'deadlineState', r.deadlineState)],
      ['Tingkat eskalasi', (r) => r.escalationLevel],
    ];
    const PAGE = 500;
    async function* pages() {
      let after: ComplaintListCursor | null = null;
      for (;;) {
        const rows = await listComplaints(pool, filter, q.sort, PAGE, after);
        yield rows.map((r) => columns.map(([, get]) => get(r)));
        const last = rows.at(-1);
        if (rows.length < PAGE || !last) return;
        after = cursorOf(q.sort, last);
      }
    }
    return streamCsv(
      c,
      `aduan-${new Date().toISOString().slice(0, 10)}.csv`,
      columns.map(([h]) => h),
      pages(),
      (err) => logger.error({ err, path: c.req.path }, 'complaint export failed part-way'),
    );
  });

  app.get('/api/complaints/:id', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id <= 0)
      return c.json({ error: { field: 'id', message: 'expected a complaint id' } }, 400);
    const detail = await complaintDetail(pool, id);
    const principal = c.get('principal');
    if (!detail || !canReadComplaint(principal, detail.row))
      return c.json({ error: { field: 'id', message: 'no such complaint' } }, 404);
    // Each part of the personal data is shown only to those its own predicate allows.
    const seeBody = canSeeComplaintText(principal, detail.row);
    const seeReporter = canSeeReporter(principal, detail.row);
    const stored = seeBody || seeReporter ? await complaintPersonalData(pool, id) : null;
    const personal = stored
      ? { body: seeBody ? stored.body : null, reporter: seeReporter ? stored.reporter : null }
      : null;
    // The deadline in front of the officer: time left (or late) in working days on the province's
    // calendar, and who the ladder reaches next.
    const at = detail.row.deadlineAt ? new Date(detail.row.deadlineAt) : null;
    const remaining = at ? remainingWorkingTime(ctx.calendar(), ctx.now?.() ?? new Date(), at) : null;
    const next = (ctx.ladder ?? DEFAULT_ESCALATION_LADDER).find((s) => s.level === detail.row.escalationLevel + 1);
    return c.json({
      ...complaintRowFor(principal, detail.row),
      revision: detail.timeline.length,
      timeline: complaintTimelineFor(principal, detail.row, detail.timeline),
      personal,
      deadline:
        at && remaining
          ? {
              at: at.toISOString(),
              overdue: remaining.overdue,
              workingDays: remaining.workingDays,
              label: { id: formatRemaining(remaining, 'id'), en: formatRemaining(remaining, 'en') },
            }
          : null,
      nextLevel: next
        ? { level: next.level, role: next.role, afterOverdueHK: next.afterOverdueHK, label: next.label }
        : null,
    } satisfies CaseDetail);
  });

  app.post('/api/complaints/:id/actions', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id <= 0)
      return c.json({ error: { field: 'id', message: 'expected a complaint id' } }, 400);
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      return c.json({ error: { field: 'body', message: 'body is not valid JSON' } }, 400);
    }
    const parsed = complaintActionRequest.safeParse(raw);
    if (!parsed.success) return c.json({ error: firstIssue(parsed.error) }, 400);
    const body = parsed.data;
    const principal = c.get('principal');
    const outcome = await performComplaintAction(pool, ctx, principal, id, body);
    if (outcome.status !== 200) return c.json(outcome.json as object, outcome.status);
    const detail = await complaintDetail(pool, id);
    return c.json({ ...(outcome.json as object), complaint: detail && complaintRowFor(principal, detail.row) });
  });
  return app;
}
