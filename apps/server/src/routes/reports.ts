import { type Pool } from '@pantau/db';
import {
  firstIssue,
  leadershipReportQuery,
  ppidAnnualReportQuery,
  type LeadershipReportQuery,
} from '@pantau/contracts';
import { customPeriod, parseReportPeriod, type NamedPeriod } from '@pantau/domain';
import { Hono, type Context } from 'hono';
import { requirePrincipal, type AuthEnv } from '../auth/principal.ts';
import type { ComplaintContext } from '../ingest/complaint-ingest.ts';
import { canReadOpdFigures, figuresScope } from '@pantau/domain/permissions';
import { leadershipReportPdf, type ReportScope } from '../reports/leadership.ts';
import { ppidAnnualReportPdf } from '../reports/ppid-annual.ts';
import { reportScheduleRoutes } from './report-schedules.ts';

type Bad = { field: string; message: string };

/** The one period a query names: `period`, `month`, or `from` and `to`. */
function periodOf(q: LeadershipReportQuery): NamedPeriod | Bad {
  const given = [q.period !== undefined, q.month !== undefined, q.from !== undefined || q.to !== undefined];
  if (given.filter(Boolean).length !== 1)
    return { field: 'period', message: 'name one period: period=…, month=YYYY-MM, or from=…&to=…' };
  if (q.month) return parseReportPeriod(q.month)!;
  if (q.period !== undefined)
    return (
      parseReportPeriod(q.period) ?? {
        field: 'period',
        message: 'expected 2026-W48, 2026-11, 2026-Q4, 2026 or 2026-11-01..2026-11-15',
      }
    );
  if (!q.from || !q.to) return { field: q.from ? 'to' : 'from', message: 'a range needs from and to' };
  return (
    customPeriod(q.from, q.to) ?? {
      field: 'to',
      message: 'expected real dates, from no later than to, at most two years apart',
    }
  );
}

const pdfResponse = (c: Context, pdf: Buffer, filename: string) =>
  c.body(new Uint8Array(pdf), 200, {
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'private, no-store',
  });

/**
 * `GET /api/reports/leadership.pdf?period=…|month=…|from=…&to=…[&opd=<id>|&regency=<code>]`: the
 * leadership report as a PDF for the province, an OPD (an OPD admin's own only, and its own when it
 * names none) or a kabupaten/kota. `GET /api/reports/ppid-annual.pdf?year=YYYY[&opd=<id>]`: the annual
 * Laporan Layanan Informasi Publik. Schedules: {@link reportScheduleRoutes}.
 */
export function reportRoutes(pool: Pool, ctx: ComplaintContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/api/reports/*', requirePrincipal(pool));
  app.get('/api/reports/leadership.pdf', async (c) => {
    const q = leadershipReportQuery.safeParse(c.req.query());
    if (!q.success) return c.json({ error: firstIssue(q.error) }, 400);
    const period = periodOf(q.data);
    if ('field' in period) return c.json({ error: period }, 400);
    const principal = c.get('principal');
    if (q.data.regency && (q.data.opd || principal.role === 'opd_admin'))
      return c.json(
        { error: { field: 'regency', message: 'a report is for an OPD or a kabupaten/kota, not both' } },
        403,
      );
    const opd = q.data.regency ? undefined : figuresScope(principal, q.data.opd);
    if (!canReadOpdFigures(principal, opd))
      return c.json({ error: { field: 'opd', message: 'an OPD admin reads its own OPD’s report only' } }, 403);
    if (opd && !ctx.pack.opds.some((o) => o.id === opd))
      return c.json({ error: { field: 'opd', message: 'no such OPD in this province' } }, 400);
    if (q.data.regency && !ctx.pack.regencies.some((r) => r.code === q.data.regency))
      return c.json({ error: { field: 'regency', message: 'no such kabupaten/kota in this province' } }, 400);
    const scope: ReportScope = opd ? { opdId: opd } : q.data.regency ? { regencyCode: q.data.regency } : null;
    const { pdf, filename } = await leadershipReportPdf(pool, ctx, { period, scope });
    return pdfResponse(c, pdf, filename);
  });
  app.get('/api/reports/ppid-annual.pdf', async (c) => {
    const q = ppidAnnualReportQuery.safeParse(c.req.query());
    if (!q.success) return c.json({ error: firstIssue(q.error) }, 400);
    const principal = c.get('principal');
    const opd = figuresScope(principal, q.data.opd);
    if (!canReadOpdFigures(principal, opd))
      return c.json({ error: { field: 'opd', message: 'an OPD admin reads its own OPD’s report only' } }, 403);
    if (opd && !ctx.pack.opds.some((o) => o.id === opd))
      return c.json({ error: { field: 'opd', message: 'no such OPD in this province' } }, 400);
    const { pdf, filename } = await ppidAnnualReportPdf(pool, ctx, { year: Number(q.data.year), opdId: opd });
    return pdfResponse(c, pdf, filename);
  });
  app.route('/', reportScheduleRoutes(pool, ctx.pack));
  return app;
}
