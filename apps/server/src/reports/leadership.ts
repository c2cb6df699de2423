import { complaintDailySeries, complaintPeriodReport, lateComplaints, latestMonev, type Pool } from '@pantau/db';
import {
  KI_BAND_LABEL,
  kiBandOf,
  leadershipReport,
  localDateOf,
  periodFileKey,
  previousPeriod,
  remainingWorkingTime,
  type NamedPeriod,
  type SocialReportInput,
} from '@pantau/domain';
import type { ComplaintContext } from '../ingest/complaint-ingest.ts';
import { ppidKpisFor } from '../routes/ppid.ts';
import { renderReportPdf } from './pdf.ts';
import { socialOpenNow, socialReportFigures } from './social-figures.ts';

/** The late list's length in a report (the console has the whole worklist). */
const LATE_ROWS = 50;

/** Whose report: the province, one OPD, or one kabupaten/kota (complaints only: PPID and accounts are per OPD). */
export type ReportScope = { opdId: string } | { regencyCode: string } | null;

/**
 * The leadership report of any period for the province, an OPD or a kabupaten/kota, as a PDF: the same
 * daily rollups as the dashboard (so its figures equal it), the same PPID KPIs as /api/ppid/kpis, the
 * same social queries as /api/social/kpis, each against the period before of equal length; the open
 * stock and the late list as they are when it is made.
 */
export async function leadershipReportPdf(
  pool: Pool,
  ctx: ComplaintContext,
  o: { period: NamedPeriod; scope: ReportScope; now?: Date },
): Promise<{ pdf: Buffer; filename: string }> {
  const period = o.period;
  const previous = previousPeriod(period);
  const opdId = o.scope && 'opdId' in o.scope ? o.scope.opdId : undefined;
  const regencyCode = o.scope && 'regencyCode' in o.scope ? o.scope.regencyCode : undefined;
  const scope = opdId ? `opd:${opdId}` : regencyCode ? `regency:${regencyCode}` : 'province';
  const now = o.now ?? new Date();
  const pack = ctx.pack;
  const perOpd = !o.scope;
  const [current, before, daily, late, ppidNow, ppidBefore, monev, social] = await Promise.all([
    complaintPeriodReport(pool, { scope, ...period }),
    complaintPeriodReport(pool, { scope, ...previous }),
    complaintDailySeries(pool, { scope, ...period }),
    lateComplaints(pool, { opdId: opdId ?? null, regencyCode: regencyCode ?? null, limit: LATE_ROWS }),
    // The same PPID figures as GET /api/ppid/kpis for the period (none per kabupaten/kota).
    regencyCode ? null : ppidKpisFor(pool, ctx, { from: period.from, to: period.to, opdId }),
    regencyCode ? null : ppidKpisFor(pool, ctx, { from: previous.from, to: previous.to, opdId }),
    regencyCode ? [] : latestMonev(pool, opdId),
    regencyCode ? null : socialSection(pool, ctx, period, previous, opdId, perOpd),
  ]);
  // An OPD's own latest monev; for the province, the mean of every OPD's latest (the KI scores each body).
  const ki =
    monev.length === 0
      ? null
      : (() => {
          const score = monev.reduce((a, m) => a + m.score, 0) / monev.length;
          const band = KI_BAND_LABEL[kiBandOf(score)];
          return {
            band: opdId ? band : `${band}, rata-rata ${monev.length} OPD`,
            score,
            year: Math.max(...monev.map((m) => m.year)),
          };
        })();
  const opdName = (id: string | null) => pack.opds.find((x) => x.id === id)?.shortName ?? id ?? '–';
  const regencyName = (code: string | null) => pack.regencies.find((r) => r.code === code)?.name ?? code ?? '–';
  const cal = ctx.calendar();
  const doc = leadershipReport({
    provinceName: pack.name,
    scopeLabel: opdId
      ? (pack.opds.find((x) => x.id === opdId)?.name ?? opdId)
      : regencyCode
        ? regencyName(regencyCode)
        : 'Provinsi',
    period,
    periodEnded: period.to < localDateOf(now, pack.timeZone),
    timeZone: pack.timeZone,
    tzLabel: pack.timeZoneLabel,
    generatedAt: now,
    complaints: {
      current: current.total,
      previous: before.total,
      openNow: current.openNow,
      byOpd: current.byOpd.map((r) => ({ ...r, name: opdName(r.key) })),
      byRegency: current.byRegency.map((r) => ({ ...r, name: regencyName(r.key) })),
      daily,
    },
    late: late.map((l) => ({
      trackingId: l.trackingId,
      opd: opdName(l.opdId),
      regency: regencyName(l.regencyCode),
      deadlineAt: l.deadlineAt,
      overdueHK: remainingWorkingTime(cal, now, l.deadlineAt).workingDays,
      level: l.escalationLevel,
    })),
    ...(ppidNow && ppidBefore ? { ppid: { current: ppidNow, previous: ppidBefore, ki } } : {}),
    ...(social ? { social } : {}),
  });
  const pdf = await renderReportPdf(doc, { author: `Pantau · ${pack.name}` });
  const who = opdId ?? (regencyCode ? `kabkota-${regencyCode}` : pack.slug);
  return { pdf, filename: `laporan-pimpinan-${who}-${periodFileKey(period)}.pdf` };
}

/** The social section: the scope's figures, the previous period's, and (for the province) each OPD's. */
async function socialSection(
  pool: Pool,
  ctx: ComplaintContext,
  period: NamedPeriod,
  previous: NamedPeriod,
  opdId: string | undefined,
  perOpd: boolean,
): Promise<SocialReportInput | null> {
  const tz = ctx.pack.timeZone;
  const withAccounts = [...new Set(ctx.pack.socialAccounts.map((a) => a.opdId))];
  if (opdId && !withAccounts.includes(opdId)) return null;
  const [current, before, openNow] = await Promise.all([
    socialReportFigures(pool, tz, period, opdId),
    socialReportFigures(pool, tz, previous, opdId),
    socialOpenNow(pool, opdId),
  ]);
  const byOpd = perOpd
    ? await Promise.all(
        withAccounts.map(async (id) => {
          const [now, then] = await Promise.all([
            socialReportFigures(pool, tz, period, id),
            socialReportFigures(pool, tz, previous, id),
          ]);
          const name = ctx.pack.opds.find((x) => x.id === id)?.shortName ?? id;
          return { ...now, name, previousReplyRatePct: then.replyRatePct };
        }),
      )
    : [];
  return { current, previous: before, openNow, byOpd };
}
