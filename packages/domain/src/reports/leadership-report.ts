import { addDays, type IsoDate } from '../calendar/local-date.ts';

/** A report as data: what any renderer (PDF now, perhaps HTML later) draws, in reading order. */
export interface ReportDocument {
  title: string;
  subtitle: string;
  meta: string;
  sections: Array<{ heading: string; blocks: ReportBlock[] }>;
}

export type ReportBlock =
  | { kind: 'figures'; rows: Array<{ label: string; value: string; change: string | null }> }
  | { kind: 'table'; columns: string[]; align: Array<'left' | 'right'>; widths: number[]; rows: string[][] }
  | { kind: 'text'; text: string };

/** A month as a period of local days. */
export interface ReportPeriod {
  from: IsoDate;
  to: IsoDate;
}

/** `2026-11` → 1–30 November 2026. */
export function monthPeriod(month: string): ReportPeriod {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The month before a month period. */
export function previousMonth(p: ReportPeriod): ReportPeriod {
  return monthPeriod(addDays(p.from, -1).slice(0, 7));
}

export interface PeriodComplaintFigures {
  received: number;
  followedUp: number;
  followedUpOnTime: number;
  completed: number;
  onTimeShare: number | null;
  avgFollowUpHK: number | null;
}

export interface RankedRow extends PeriodComplaintFigures {
  name: string;
  overdueNow: number;
}

/** The PPID figures a report shows (a subset of the contracts' PpidKpis). */
export interface PeriodPpidFigures {
  requests: number;
  decided: number;
  onTimeShare: number | null;
  avgWorkingDaysToDecide: number | null;
  objections: number;
  disputes: number;
}

export interface LeadershipReportInput {
  provinceName: string;
  /** "Provinsi" or the OPD's name. */
  scopeLabel: string;
  period: ReportPeriod;
  timeZone: string;
  tzLabel: string;
  generatedAt: Date;
  complaints: {
    current: PeriodComplaintFigures;
    previous: PeriodComplaintFigures;
    openNow: { total: number; overdue: number; atRisk: number; escalated: number };
    byOpd: RankedRow[];
    byRegency: RankedRow[];
  };
  /** Open and overdue when the report was made, longest overdue first (no title, no reporter). */
  late: Array<{ trackingId: string; opd: string; regency: string; deadlineAt: Date; overdueHK: number; level: number }>;
  /** Requests received in the period and the one before; the latest Komisi Informasi monev band. */
  ppid?: {
    current: PeriodPpidFigures;
    previous: PeriodPpidFigures;
    ki: { band: string; score: number; year: number } | null;
  };
}

const nf = new Intl.NumberFormat('id-ID');
const pf = new Intl.NumberFormat('id-ID', { style: 'percent', maximumFractionDigits: 1 });
const n = (v: number) => nf.format(v);
const pct = (v: number | null) => (v === null ? '–' : pf.format(v));
const hk = (v: number | null) =>
  v === null ? '–' : `${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(v)} HK`;

/** "+2 (+20%)" against the previous period; "sama" when equal; null when there is nothing to compare. */
export function changeAgainst(now: number, before: number): string | null {
  if (now === before) return 'sama dengan periode sebelumnya';
  const diff = now - before;
  const sign = diff > 0 ? '+' : '−';
  const rel = before === 0 ? '' : ` (${sign}${pf.format(Math.abs(diff) / before)})`;
  return `${sign}${n(Math.abs(diff))}${rel} dari periode sebelumnya`;
}

function shareChange(now: number | null, before: number | null): string | null {
  if (now === null || before === null) return null;
  const pts = (now - before) * 100;
  if (Math.abs(pts) < 0.05) return 'sama dengan periode sebelumnya';
  return `${pts > 0 ? '+' : '−'}${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(Math.abs(pts))} poin dari periode sebelumnya`;
}

function dateLabel(d: IsoDate): string {
  return new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${d}T00:00:00Z`),
  );
}

/** "November 2026" for a whole month, "1–15 November 2026" otherwise. */
export function periodLabel(p: ReportPeriod): string {
  const whole = monthPeriod(p.from.slice(0, 7));
  if (whole.from === p.from && whole.to === p.to)
    return new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
      new Date(`${p.from}T00:00:00Z`),
    );
  return `${dateLabel(p.from)} – ${dateLabel(p.to)}`;
}

const ranking = (rows: RankedRow[], first: string): ReportBlock => ({
  kind: 'table',
  columns: [first, 'Masuk', 'Ditindaklanjuti', 'Tepat waktu', 'Selesai', 'Terlambat kini'],
  align: ['left', 'right', 'right', 'right', 'right', 'right'],
  widths: [0.36, 0.11, 0.15, 0.13, 0.11, 0.14],
  rows: rows.map((r) => [r.name, n(r.received), n(r.followedUp), pct(r.onTimeShare), n(r.completed), n(r.overdueNow)]),
});

/**
 * The leadership report (laporan pimpinan) for the governor's office or a kepala OPD: the period's
 * complaints against the previous period, OPDs and kabupaten/kota worst first, and the late list. In
 * Bahasa Indonesia. Pure: the figures come in, a document comes out.
 */
export function leadershipReport(input: LeadershipReportInput): ReportDocument {
  const c = input.complaints;
  const when = new Intl.DateTimeFormat('id-ID', {
    timeZone: input.timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const sections: ReportDocument['sections'] = [
    {
      heading: 'Ringkasan pengaduan (SP4N-LAPOR!)',
      blocks: [
        {
          kind: 'figures',
          rows: [
            {
              label: 'Aduan masuk',
              value: n(c.current.received),
              change: changeAgainst(c.current.received, c.previous.received),
            },
            {
              label: 'Ditindaklanjuti',
              value: n(c.current.followedUp),
              change: changeAgainst(c.current.followedUp, c.previous.followedUp),
            },
            {
              label: 'Ditindaklanjuti tepat waktu',
              value: pct(c.current.onTimeShare),
              change: shareChange(c.current.onTimeShare, c.previous.onTimeShare),
            },
            { label: 'Rata-rata waktu tindak lanjut', value: hk(c.current.avgFollowUpHK), change: null },
            {
              label: 'Selesai',
              value: n(c.current.completed),
              change: changeAgainst(c.current.completed, c.previous.completed),
            },
            { label: 'Terbuka saat laporan dibuat', value: n(c.openNow.total), change: null },
            { label: 'Terlambat saat laporan dibuat', value: n(c.openNow.overdue), change: null },
            { label: 'Dieskalasi saat laporan dibuat', value: n(c.openNow.escalated), change: null },
          ],
        },
      ],
    },
  ];
  if (c.byOpd.length > 1)
    sections.push({ heading: 'Per OPD (terburuk lebih dulu)', blocks: [ranking(c.byOpd, 'OPD')] });
  if (c.byRegency.length > 0)
    sections.push({
      heading: 'Per kabupaten/kota (terburuk lebih dulu)',
      blocks: [ranking(c.byRegency, 'Kabupaten/kota')],
    });
  if (input.ppid) {
    const p = input.ppid;
    const score = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
    sections.push({
      heading: 'Layanan informasi publik (PPID)',
      blocks: [
        {
          kind: 'figures',
          rows: [
            {
              label: 'Permohonan masuk',
              value: n(p.current.requests),
              change: changeAgainst(p.current.requests, p.previous.requests),
            },
            {
              label: 'Diputuskan',
              value: n(p.current.decided),
              change: changeAgainst(p.current.decided, p.previous.decided),
            },
            {
              label: 'Diputuskan tepat waktu',
              value: pct(p.current.onTimeShare),
              change: shareChange(p.current.onTimeShare, p.previous.onTimeShare),
            },
            { label: 'Rata-rata waktu keputusan', value: hk(p.current.avgWorkingDaysToDecide), change: null },
            {
              label: 'Keberatan',
              value: n(p.current.objections),
              change: changeAgainst(p.current.objections, p.previous.objections),
            },
            {
              label: 'Sengketa ke Komisi Informasi',
              value: n(p.current.disputes),
              change: changeAgainst(p.current.disputes, p.previous.disputes),
            },
            {
              label: 'Monev Komisi Informasi',
              value: p.ki ? `${p.ki.band} (${score.format(p.ki.score)}; ${p.ki.year})` : 'belum dinilai',
              change: null,
            },
          ],
        },
      ],
    });
  }
  sections.push({
    heading: 'Daftar terlambat',
    blocks:
      input.late.length === 0
        ? [{ kind: 'text', text: 'Tidak ada aduan yang terlambat saat laporan dibuat.' }]
        : [
            {
              kind: 'table',
              columns: ['No. tiket', 'OPD', 'Kabupaten/kota', 'Tenggat', 'Terlambat', 'Tingkat'],
              align: ['left', 'left', 'left', 'left', 'right', 'right'],
              widths: [0.16, 0.2, 0.22, 0.2, 0.12, 0.1],
              rows: input.late.map((l) => [
                l.trackingId,
                l.opd,
                l.regency,
                new Intl.DateTimeFormat('id-ID', {
                  timeZone: input.timeZone,
                  day: 'numeric',
                  month: 'short',
                  year: 'numeric',
                }).format(l.deadlineAt),
                `${n(l.overdueHK)} HK`,
                l.level > 0 ? String(l.level) : '–',
              ]),
            },
          ],
  });
  return {
    title: 'Laporan Pimpinan',
    subtitle: `${input.provinceName} · ${input.scopeLabel} · ${periodLabel(input.period)}`,
    meta: `Periode ${dateLabel(input.period.from)} – ${dateLabel(input.period.to)}; dibuat ${when.format(input.generatedAt)} ${input.tzLabel} oleh Pantau. Tanpa identitas pelapor dan tanpa isi aduan rahasia.`,
    sections,
  };
}
