import { complaintPeriodReport, lateComplaints, latestMonev, type Pool } from '@pantau/db';
import {
  KI_BAND_LABEL,
  kiBandOf,
  leadershipReport,
  monthPeriod,
  previousMonth,
  remainingWorkingTime,
  type ReportPeriod,
} from '@pantau/domain';
import type { ComplaintContext } from '../ingest/complaint-ingest.ts';
import { ppidKpisFor } from '../routes/ppid.ts';
import { renderReportPdf } from './pdf.ts';

/** The late list's length in a report (the console has the whole worklist). */
const LATE_ROWS = 50;

/**
 * The leadership report of a month for the province or one OPD, as a PDF: the same daily rollups as
 * the dashboard (so this month's figures equal it) and the same PPID KPIs as /api/ppid/kpis, the
 * previous month for the trend, the open stock and the late list as they are when it is made.
 */
export async function leadershipReportPdf(
  pool: Pool,
  ctx: ComplaintContext,
  o: { month: string; opdId: string | null; now?: Date },
): Promise<{ pdf: Buffer; filename: string }> {
  const period: ReportPeriod = monthPeriod(o.month);
  const previous = previousMonth(period);
  const scope = o.opdId ? `opd:${o.opdId}` : 'province';
  const now = o.now ?? new Date();
  const opdId = o.opdId ?? undefined;
  const [current, before, late, ppidNow, ppidBefore, monev] = await Promise.all([
    complaintPeriodReport(pool, { scope, ...period }),
    complaintPeriodReport(pool, { scope, ...previous }),
    lateComplaints(pool, { opdId: o.opdId, limit: LATE_ROWS }),
    // The same PPID figures as GET /api/ppid/kpis for the period.
    ppidKpisFor(pool, ctx, { ...period, opdId }),
    ppidKpisFor(pool, ctx, { ...previous, opdId }),
    latestMonev(pool, opdId),
  ]);
  // An OPD's own latest monev; for the province, the mean of every OPD's latest (the KI scores each body).
  const ki =
    monev.length === 0
      ? null
      : (() => {
          const score = monev.reduce((a, m) => a + m.score, 0) / monev.length;
          const band = KI_BAND_LABEL[kiBandOf(score)];
          return {
            band: o.opdId ? band : `${band}, rata-rata ${monev.length} OPD`,
            score,
            year: Math.max(...monev.map((m) => m.year)),
          };
        })();
  const pack = ctx.pack;
  const opdName = (id: string | null) => pack.opds.find((x) => x.id === id)?.shortName ?? id ?? '–';
  const regencyName = (code: string | null) => pack.regencies.find((r) => r.code === code)?.name ?? code ?? '–';
  const cal = ctx.calendar();
  const doc = leadershipReport({
    provinceName: pack.name,
    scopeLabel: o.opdId ? (pack.opds.find((x) => x.id === o.opdId)?.name ?? o.opdId) : 'Provinsi',
    period,
    timeZone: pack.timeZone,
    tzLabel: pack.timeZoneLabel,
    generatedAt: now,
    complaints: {
      current: current.total,
      previous: before.total,
      openNow: current.openNow,
      byOpd: current.byOpd.map((r) => ({ ...r, name: opdName(r.key) })),
      byRegency: current.byRegency.map((r) => ({ ...r, name: regencyName(r.key) })),
    },
    late: late.map((l) => ({
      trackingId: l.trackingId,
      opd: opdName(l.opdId),
      regency: regencyName(l.regencyCode),
      deadlineAt: l.deadlineAt,
      overdueHK: remainingWorkingTime(cal, now, l.deadlineAt).workingDays,
      level: l.escalationLevel,
    })),
    ppid: { current: ppidNow, previous: ppidBefore, ki },
  });
  const pdf = await renderReportPdf(doc, { author: `Pantau · ${pack.name}` });
  return { pdf, filename: `laporan-pimpinan-${o.opdId ?? pack.slug}-${o.month}.pdf` };
}
