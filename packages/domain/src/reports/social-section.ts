import { barsOption, gaugeOption, PRINT } from '../charts/options.ts';
import type { InteractionFacts } from '../social/kpi.ts';
import type { ReportBlock } from './report-document.ts';
import { changeAgainst, n, pct, shareChange } from './format.ts';

/**
 * A period's social-media figures for a scope, as the dashboard computes them: reach from the daily
 * series, replies, sentiment and issues from the interactions received in the period.
 */
export interface SocialReportFigures {
  reach: number;
  needing: number;
  replied: number;
  /** 0–100, null when nothing needed a reply. */
  replyRatePct: number | null;
  medianReplyMinutes: number | null;
  sentiment: { positive: number; neutral: number; negative: number };
  /** Interactions received in the period flagged as an issue or a hoax suspect, and of those the hoaxes. */
  flagged: number;
  hoaxSuspects: number;
  /** Of the flagged ones: clarified (or found not a hoax), and still open. */
  clarified: number;
  stillOpen: number;
  medianMinutesToClarify: number | null;
}

export interface SocialReportInput {
  current: SocialReportFigures;
  previous: SocialReportFigures;
  /** Issues and hoax suspects open now, whenever they came in (the wall's "isu terbuka"). */
  openNow: { issues: number; hoaxSuspects: number };
  /** Per OPD with social accounts (province reports only). */
  byOpd: Array<SocialReportFigures & { name: string; previousReplyRatePct: number | null }>;
}

/** Flag counts of a period's interactions (the issue figures the KPI contract does not carry). */
export function flaggedCounts(items: readonly InteractionFacts[]): {
  flagged: number;
  hoaxSuspects: number;
  clarified: number;
} {
  const flagged = items.filter((i) => i.issueTag !== null || i.hoaxSuspect);
  return {
    flagged: flagged.length,
    hoaxSuspects: flagged.filter((i) => i.hoaxSuspect).length,
    clarified: flagged.filter(
      (i) => i.clarificationStatus === 'diklarifikasi' || i.clarificationStatus === 'bukan_hoaks',
    ).length,
  };
}

/** "45 menit", "2 jam 5 menit", "1 hari 3 jam"; a dash for none. */
export function minutesLabel(m: number | null): string {
  if (m === null) return '–';
  const total = Math.round(m);
  if (total < 60) return `${total} menit`;
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  if (days > 0) return hours > 0 ? `${days} hari ${hours} jam` : `${days} hari`;
  return mins > 0 ? `${hours} jam ${mins} menit` : `${hours} jam`;
}

const share = (pctValue: number | null) => (pctValue === null ? null : pctValue / 100);
const negativeShare = (s: SocialReportFigures['sentiment']) => {
  const all = s.positive + s.neutral + s.negative;
  return all > 0 ? s.negative / all : null;
};

/** Worst first: the lowest reply rate, then the most left unreplied, then the slowest median reply. */
export function worstSocialFirst<T extends SocialReportFigures & { name: string }>(rows: T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      (a.replyRatePct ?? 101) - (b.replyRatePct ?? 101) ||
      b.needing - b.replied - (a.needing - a.replied) ||
      (b.medianReplyMinutes ?? -1) - (a.medianReplyMinutes ?? -1) ||
      b.stillOpen - a.stillOpen ||
      a.name.localeCompare(b.name),
  );
}

/** The report's social-media blocks: figures against the previous period, two charts, and OPDs worst first. */
export function socialBlocks(s: SocialReportInput): ReportBlock[] {
  const c = s.current;
  const p = s.previous;
  const blocks: ReportBlock[] = [
    {
      kind: 'figures',
      rows: [
        { label: 'Jangkauan (reach)', value: n(c.reach), change: changeAgainst(c.reach, p.reach) },
        { label: 'Interaksi perlu balasan', value: n(c.needing), change: changeAgainst(c.needing, p.needing) },
        {
          label: 'Tingkat balasan',
          value: pct(share(c.replyRatePct)),
          change: shareChange(share(c.replyRatePct), share(p.replyRatePct)),
        },
        {
          label: 'Median waktu balasan',
          value: minutesLabel(c.medianReplyMinutes),
          change: p.medianReplyMinutes === null ? null : `periode sebelumnya ${minutesLabel(p.medianReplyMinutes)}`,
        },
        {
          label: 'Sentimen positif / netral / negatif',
          value: `${n(c.sentiment.positive)} / ${n(c.sentiment.neutral)} / ${n(c.sentiment.negative)}`,
          change: null,
        },
        {
          label: 'Sentimen negatif',
          value: pct(negativeShare(c.sentiment)),
          change: shareChange(negativeShare(c.sentiment), negativeShare(p.sentiment)),
        },
        { label: 'Isu dan dugaan hoaks ditandai', value: n(c.flagged), change: changeAgainst(c.flagged, p.flagged) },
        { label: 'Dugaan hoaks', value: n(c.hoaxSuspects), change: changeAgainst(c.hoaxSuspects, p.hoaxSuspects) },
        { label: 'Sudah diklarifikasi', value: n(c.clarified), change: changeAgainst(c.clarified, p.clarified) },
        { label: 'Median waktu klarifikasi', value: minutesLabel(c.medianMinutesToClarify), change: null },
        { label: 'Isu terbuka saat laporan dibuat', value: n(s.openNow.issues), change: null },
        { label: 'Dugaan hoaks terbuka saat laporan dibuat', value: n(s.openNow.hoaxSuspects), change: null },
      ],
    },
    {
      kind: 'charts',
      height: 150,
      charts: [
        { title: 'Tingkat balasan', option: gaugeOption(share(c.replyRatePct), 'Dibalas', 11, PRINT) },
        {
          title: 'Sentimen',
          option: barsOption(
            [
              { name: 'Positif', value: c.sentiment.positive },
              { name: 'Netral', value: c.sentiment.neutral },
              { name: 'Negatif', value: c.sentiment.negative },
            ],
            11,
            undefined,
            PRINT,
          ),
        },
      ],
    },
  ];
  // OPDs with anything to show in either period (an idle account says nothing), worst first.
  const active = s.byOpd.filter(
    (r) => r.reach > 0 || r.needing > 0 || r.flagged > 0 || r.previousReplyRatePct !== null,
  );
  if (s.byOpd.length > 1 && active.length > 0)
    blocks.push({
      kind: 'table',
      columns: [
        'OPD (terburuk dulu)',
        'Jangkauan',
        'Perlu',
        'Dibalas',
        'Median',
        'Negatif',
        'Isu/hoaks',
        'Dibalas (lalu)',
      ],
      align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
      widths: [0.22, 0.11, 0.08, 0.09, 0.15, 0.09, 0.1, 0.16],
      rows: worstSocialFirst(active).map((r) => [
        r.name,
        n(r.reach),
        n(r.needing),
        pct(share(r.replyRatePct)),
        minutesLabel(r.medianReplyMinutes),
        pct(negativeShare(r.sentiment)),
        `${n(r.flagged)}/${n(r.hoaxSuspects)}`,
        pct(share(r.previousReplyRatePct)),
      ]),
    });
  return blocks;
}
