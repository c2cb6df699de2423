import { gaugeOption, PRINT, trendOption } from '../charts/options.ts';
import { changeAgainst, hk, n, pct, shareChange } from './format.ts';
import { dateLabel, periodLabel, type NamedPeriod, type ReportPeriod } from './period.ts';
import type { ReportBlock, ReportDocument } from './report-document.ts';
import { socialBlocks, type SocialReportInput } from './social-section.ts';

export type { ReportBlock, ReportDocument } from './report-document.ts';
export { changeAgainst } from './format.ts';

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
  period: ReportPeriod | NamedPeriod;
  /**
   * Whether the period ended before the report was made: the open stock and the late list are as they
   * are when it is made, and then say so.
   */
  periodEnded?: boolean;
  timeZone: string;
  tzLabel: string;
  generatedAt: Date;
  complaints: {
    current: PeriodComplaintFigures;
    previous: PeriodComplaintFigures;
    openNow: { total: number; overdue: number; atRisk: number; escalated: number };
    byOpd: RankedRow[];
    byRegency: RankedRow[];
    /** Received and completed per local day of the period, for the trend chart. */
    daily?: Array<{ day: string; received: number; completed: number }>;
  };
  /** Open and overdue when the report was made, longest overdue first (no title, no reporter). */
  late: Array<{ trackingId: string; opd: string; regency: string; deadlineAt: Date; overdueHK: number; level: number }>;
  /** Requests received in the period and the one before; the latest Komisi Informasi monev band. */
  ppid?: {
    current: PeriodPpidFigures;
    previous: PeriodPpidFigures;
    ki: { band: string; score: number; year: number } | null;
  };
  /** Social media of the accounts in scope (none for a kabupaten/kota: accounts belong to OPDs). */
  social?: SocialReportInput;
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
  const charts: Array<{ title: string; option: ReturnType<typeof gaugeOption> }> = [];
  if (c.daily && c.daily.length > 1)
    charts.push({
      title: 'Aduan masuk dan selesai per hari',
      option: trendOption(
        c.daily.map((d) => d.day),
        [
          { name: 'Masuk', values: c.daily.map((d) => d.received) },
          { name: 'Selesai', values: c.daily.map((d) => d.completed), dashed: true },
        ],
        10,
        PRINT,
      ),
    });
  charts.push({
    title: 'Ditindaklanjuti tepat waktu',
    option: gaugeOption(c.current.onTimeShare, 'Tepat waktu', 11, PRINT),
  });
  sections[0]!.blocks.push({ kind: 'charts', height: 150, charts });
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
  if (input.social) sections.push({ heading: 'Media sosial', blocks: socialBlocks(input.social) });
  const lateNote: ReportBlock[] = input.periodEnded
    ? [
        {
          kind: 'text',
          text: `Daftar ini memuat aduan yang terlambat saat laporan dibuat (${when.format(input.generatedAt)} ${input.tzLabel}), bukan pada akhir periode.`,
        },
      ]
    : [];
  sections.push({
    heading: 'Daftar terlambat',
    blocks:
      input.late.length === 0
        ? [...lateNote, { kind: 'text', text: 'Tidak ada aduan yang terlambat saat laporan dibuat.' }]
        : [
            ...lateNote,
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
