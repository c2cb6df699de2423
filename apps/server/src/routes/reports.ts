import { type Pool } from '@pantau/db';
import { firstIssue } from '@pantau/contracts';
import { Hono } from 'hono';
import { z } from 'zod';
import { requirePrincipal, type AuthEnv } from '../auth/principal.ts';
import type { ComplaintContext } from '../ingest/complaint-ingest.ts';
import { canReadOpdFigures, figuresScope } from '../permissions.ts';
import { leadershipReportPdf } from '../reports/leadership.ts';

const reportQuery = z.strictObject({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM')
    .refine((m) => Number(m.slice(0, 4)) >= 2000, 'year out of range (2000 or later)'),
  opd: z
    .string()
    .regex(/^[a-z]+\.[a-z0-9-]+$/, 'expected an OPD id')
    .optional(),
});

/**
 * `GET /api/reports/leadership.pdf?month=YYYY-MM[&opd=<id>]`: the leadership report as a PDF, for the
 * province or one OPD (an OPD admin's own only, and its own when it names none).
 */
export function reportRoutes(pool: Pool, ctx: ComplaintContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/api/reports/*', requirePrincipal(pool));
  app.get('/api/reports/leadership.pdf', async (c) => {
    const q = reportQuery.safeParse(c.req.query());
    if (!q.success) return c.json({ error: firstIssue(q.error) }, 400);
    const principal = c.get('principal');
    const opd = figuresScope(principal, q.data.opd);
    if (!canReadOpdFigures(principal, opd))
      return c.json({ error: { field: 'opd', message: 'an OPD admin reads its own OPD’s report only' } }, 403);
    if (opd && !ctx.pack.opds.some((o) => o.id === opd))
      return c.json({ error: { field: 'opd', message: 'no such OPD in this province' } }, 400);
    const { pdf, filename } = await leadershipReportPdf(pool, ctx, { month: q.data.month, opdId: opd ?? null });
    return c.body(new Uint8Array(pdf), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'private, no-store',
    });
  });
  return app;
}
