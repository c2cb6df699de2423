import { requirePrincipal, type AuthEnv, type Principal } from '../auth/principal.ts';
import { canReadOpdFigures, figuresScope } from '@pantau/domain/permissions';
import { ppidIngestBatch, ppidKpiQuery, ppidOpdQuery, type KiBand, type PpidKpis } from '@pantau/contracts';
import { dipSummary, latestMonev, ppidPeriodStates, type Pool } from '@pantau/db';
import {
  DEFAULT_PPID_RULES,
  KI_BAND_LABEL,
  PPID_REPORT_HEADER,
  ppidReportRows,
  ppidRequestFacts,
  summarizePpid,
} from '@pantau/domain';
import { toCsv } from '../http/csv.ts';
import { Hono, type Context } from 'hono';
import { ingestPpidBatch, type PpidContext } from '../ingest/ppid-ingest.ts';
import { bad, handleBatchIngest, ingestBodyLimit, parsePeriodQuery } from './ppid-http.ts';

/** PPID KPIs of the requests received in a period, folded from their current states. */
export async function ppidKpisFor(
  pool: Pool,
  ctx: PpidContext,
  q: { from: string; to: string; opdId?: string | undefined },
): Promise<PpidKpis> {
  const states = await ppidPeriodStates(pool, { ...q, timeZone: ctx.pack.timeZone });
  const cal = ctx.calendar();
  const now = ctx.now?.() ?? new Date();
  return summarizePpid(states.map((s) => ppidRequestFacts(s, cal, now, ctx.ppidRules ?? DEFAULT_PPID_RULES)));
}

/**
 * PPID routes: the batch ingest (per-source API key), KPIs, the annual-report CSV, the DIP summary and
 * monev bands. The read routes serve aggregates only — never a requester's identity.
 */
export function ppidRoutes(pool: Pool, ctx: PpidContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/api/ingest/ppid', ingestBodyLimit());
  // KPIs, the annual report, DIP and monev are for signed-in users; the public widgets serve their own
  // suppressed aggregates.
  app.use('/api/ppid/*', requirePrincipal(pool));
  app.post('/api/ingest/ppid', (c) =>
    handleBatchIngest(c, pool, ppidIngestBatch, (source, items) => ingestPpidBatch(pool, ctx, source, items)),
  );

  /** The request's OPD as the principal may read it, or a 403 naming opdId. */
  const scoped = <T extends { opdId?: string | undefined }>(c: Context<AuthEnv>, q: T) => {
    const who: Principal = c.get('principal');
    const opdId = figuresScope(who, q.opdId);
    if (!canReadOpdFigures(who, opdId))
      return { ok: false as const, response: bad(c, 403, 'opdId', 'your role reads its own OPD’s figures only') };
    return { ok: true as const, value: { ...q, opdId } };
  };

  app.get('/api/ppid/kpis', async (c) => {
    const p = parsePeriodQuery(c, ppidKpiQuery);
    if (!p.ok) return p.response;
    const q = scoped(c, p.value);
    if (!q.ok) return q.response;
    if (q.value.opdId && !ctx.pack.opds.some((o) => o.id === q.value.opdId))
      return bad(c, 400, 'opdId', `unknown OPD ${q.value.opdId}`);
    return c.json({ ...q.value, kpis: await ppidKpisFor(pool, ctx, q.value) });
  });

  app.get('/api/ppid/report.csv', async (c) => {
    const p = parsePeriodQuery(c, ppidKpiQuery);
    if (!p.ok) return p.response;
    const q = scoped(c, p.value);
    if (!q.ok) return q.response;
    const opd = q.value.opdId ? ctx.pack.opds.find((o) => o.id === q.value.opdId) : undefined;
    if (q.value.opdId && !opd) return bad(c, 400, 'opdId', `unknown OPD ${q.value.opdId}`);
    const kpis = await ppidKpisFor(pool, ctx, q.value);
    const meta = { badanPublik: opd?.name ?? ctx.pack.name, from: q.value.from, to: q.value.to };
    const csv = toCsv(PPID_REPORT_HEADER, ppidReportRows(kpis, meta));
    const name = `laporan-layanan-informasi-${opd ? opd.id.split('.')[1] : ctx.pack.slug}-${q.value.from}-${q.value.to}.csv`;
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
    });
  });

  app.get('/api/ppid/dip', async (c) => {
    const p = ppidOpdQuery.safeParse(c.req.query());
    if (!p.success) return bad(c, 400, 'opdId', p.error.issues[0]?.message ?? 'invalid');
    const q = scoped(c, p.data);
    if (!q.ok) return q.response;
    return c.json({ categories: await dipSummary(pool, q.value.opdId) });
  });

  app.get('/api/ppid/monev', async (c) => {
    const p = ppidOpdQuery.safeParse(c.req.query());
    if (!p.success) return bad(c, 400, 'opdId', p.error.issues[0]?.message ?? 'invalid');
    const q = scoped(c, p.data);
    if (!q.ok) return q.response;
    const rows = await latestMonev(pool, q.value.opdId);
    return c.json({ scores: rows.map((r) => ({ ...r, bandLabel: KI_BAND_LABEL[r.band as KiBand] })) });
  });
  return app;
}
