import {
  dipSummary,
  latestMonev,
  loadWorkingCalendar,
  ppidPeriodStates,
  ppidStockFigures,
  type Pool,
} from '@pantau/db';
import {
  DEFAULT_PPID_RULES,
  kiBandOf,
  localDateOf,
  ppidRequestFacts,
  summarizePpid,
  type WorkingCalendar,
} from '@pantau/domain';
import type { ProvincePack } from '@pantau/provinces';
import type { KiFigures, PpidFigures } from '@pantau/contracts';
import type { SectionBuilder } from '../topic-scope.ts';

export interface PpidSectionOptions {
  /** @default () => new Date() */
  now?: () => Date;
  /** How long a loaded working-day calendar is reused across topic builds. @default 60000 */
  calendarTtlMs?: number;
}

const round = (n: number | null, digits = 3) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);

/**
 * The PPID part of a province or OPD topic (a request has no regency, so regency topics get none):
 * - `month`: the requests received this month (local dates) with the KPI formulas of `summarizePpid` —
 *   decisions and their shares, on-time share, mean working days to decide, extensions;
 * - `now`: open requests by deadline state, running keberatan and disputes, and those filed this month;
 * - `ki`: the latest Komisi Informasi monev result (for the province: the OPDs' mean and their bands).
 * Aggregates only. The calendar for the working-day figures is cached briefly, not read per build.
 */
export function createPpidSection(options: PpidSectionOptions = {}): SectionBuilder<'ppid'> {
  const ttl = options.calendarTtlMs ?? 60_000;
  const calendars = new WeakMap<Pool, { code: string; at: number; calendar: WorkingCalendar }>();
  const calendarOf = async (pool: Pool, pack: ProvincePack) => {
    const cached = calendars.get(pool);
    if (cached && cached.code === pack.code && Date.now() - cached.at < ttl) return cached.calendar;
    const calendar = await loadWorkingCalendar(pool, pack.code, pack.timeZone);
    calendars.set(pool, { code: pack.code, at: Date.now(), calendar });
    return calendar;
  };

  return async (pool, scope, pack) => {
    if (scope.kind === 'regency') return null;
    const opdId = scope.kind === 'opd' ? scope.opdId : undefined;
    const now = options.now?.() ?? new Date();
    const today = localDateOf(now, pack.timeZone);
    const monthStart = `${today.slice(0, 8)}01`;
    const [states, stock, monev, calendar, dip] = await Promise.all([
      ppidPeriodStates(pool, { from: monthStart, to: today, timeZone: pack.timeZone, opdId }),
      ppidStockFigures(pool, { since: monthStart, timeZone: pack.timeZone, opdId }),
      latestMonev(pool, opdId),
      calendarOf(pool, pack),
      dipSummary(pool, opdId),
    ]);
    const k = summarizePpid(states.map((s) => ppidRequestFacts(s, calendar, now, DEFAULT_PPID_RULES)));
    const section: PpidFigures = {
      period: { from: monthStart, to: today },
      month: {
        requests: k.requests,
        decided: k.decided,
        decisions: Object.fromEntries(
          Object.entries(k.byDecision).map(([d, v]) => [d, { count: v.count, share: round(v.share) }]),
        ),
        onTimeShare: round(k.onTimeShare),
        avgWorkingDaysToDecide: round(k.avgWorkingDaysToDecide, 1),
        extensionsUsed: k.extensionsUsed,
      },
      now: {
        open: stock.open,
        atRisk: stock.atRisk,
        overdue: stock.overdue,
        objectionsOpen: stock.objectionsOpen,
        disputesOpen: stock.disputesOpen,
        objectionsFiledThisMonth: stock.objectionsFiled,
        disputesFiledThisMonth: stock.disputesFiled,
      },
      ki: kiFigures(monev),
      dip: {
        entries: dip.reduce((n, d) => n + d.entries, 0),
        downloads: dip.reduce((n, d) => n + d.downloads, 0),
        downloadsByCategory: Object.fromEntries(
          [...new Set(dip.map((d) => d.category))].map((c) => [
            c,
            dip.filter((d) => d.category === c).reduce((n, d) => n + d.downloads, 0),
          ]),
        ),
      },
    };
    return section;
  };
}

function kiFigures(monev: Array<{ opdId: string; year: number; score: number; band: string }>): KiFigures | null {
  if (monev.length === 0) return null;
  if (monev.length === 1) {
    const m = monev[0]!;
    return { year: m.year, score: m.score, band: m.band };
  }
  const mean = monev.reduce((s, m) => s + m.score, 0) / monev.length;
  const byBand: Record<string, number> = {};
  for (const m of monev) byBand[m.band] = (byBand[m.band] ?? 0) + 1;
  return {
    year: Math.max(...monev.map((m) => m.year)),
    assessed: monev.length,
    meanScore: round(mean, 2),
    band: kiBandOf(mean),
    byBand,
    // Each OPD's own band (the KI publishes them).
    byOpd: monev.map((m) => ({ opdId: m.opdId, score: m.score, band: m.band })),
  };
}

export const ppidSection: SectionBuilder<'ppid'> = createPpidSection();
