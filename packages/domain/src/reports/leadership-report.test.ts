import { describe, expect, it } from 'vitest';
import { changeAgainst, leadershipReport } from './leadership-report.ts';
import { monthPeriod, periodLabel, previousMonth } from './period.ts';

const figures = (received: number, followedUp: number, onTime: number, completed: number) => ({
  received,
  followedUp,
  followedUpOnTime: onTime,
  completed,
  onTimeShare: followedUp > 0 ? onTime / followedUp : null,
  avgFollowUpHK: followedUp > 0 ? 3 : null,
});

describe('the leadership report', () => {
  it('knows a month, the month before it, and names it in Bahasa Indonesia', () => {
    expect(monthPeriod('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousMonth(monthPeriod('2026-01'))).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(periodLabel(monthPeriod('2026-11'))).toBe('November 2026');
    expect(periodLabel({ from: '2026-11-01', to: '2026-11-15' })).toBe('1 November 2026 – 15 November 2026');
  });

  it('states the trend against the previous period', () => {
    expect(changeAgainst(12, 10)).toBe('+2 (+20%) dari periode sebelumnya');
    expect(changeAgainst(5, 10)).toBe('−5 (−50%) dari periode sebelumnya');
    expect(changeAgainst(3, 0)).toBe('+3 dari periode sebelumnya');
    expect(changeAgainst(4, 4)).toBe('sama dengan periode sebelumnya');
  });

  it('adds the PPID section: requests, decisions, on-time share, keberatan, sengketa and the KI band', () => {
    const kpis = (requests: number, decided: number, onTimeShare: number | null) => ({
      requests,
      decided,
      onTimeShare,
      avgWorkingDaysToDecide: decided ? 6.5 : null,
      objections: 1,
      disputes: 0,
    });
    const doc = leadershipReport({
      provinceName: 'Kalimantan Selatan',
      scopeLabel: 'Provinsi',
      period: monthPeriod('2026-11'),
      timeZone: 'Asia/Makassar',
      tzLabel: 'WITA',
      generatedAt: new Date('2026-12-01T01:00:00Z'),
      complaints: {
        current: figures(0, 0, 0, 0),
        previous: figures(0, 0, 0, 0),
        openNow: { total: 0, overdue: 0, atRisk: 0, escalated: 0 },
        byOpd: [],
        byRegency: [],
      },
      late: [],
      ppid: {
        current: kpis(12, 10, 0.9),
        previous: kpis(8, 8, 1),
        ki: { band: 'Menuju Informatif', score: 83.71, year: 2025 },
      },
    });
    const ppid = doc.sections.find((s) => s.heading === 'Layanan informasi publik (PPID)')!.blocks[0]!;
    expect(ppid.kind === 'figures' && ppid.rows.map((r) => [r.label, r.value, r.change])).toEqual([
      ['Permohonan masuk', '12', '+4 (+50%) dari periode sebelumnya'],
      ['Diputuskan', '10', '+2 (+25%) dari periode sebelumnya'],
      ['Diputuskan tepat waktu', '90%', '−10 poin dari periode sebelumnya'],
      ['Rata-rata waktu keputusan', '6,5 HK', null],
      ['Keberatan', '1', 'sama dengan periode sebelumnya'],
      ['Sengketa ke Komisi Informasi', '0', 'sama dengan periode sebelumnya'],
      ['Monev Komisi Informasi', 'Menuju Informatif (83,71; 2025)', null],
    ]);
  });

  it('puts the figures first, the worst OPD first, and the late list last', () => {
    const doc = leadershipReport({
      provinceName: 'Kalimantan Selatan',
      scopeLabel: 'Provinsi',
      period: monthPeriod('2026-11'),
      timeZone: 'Asia/Makassar',
      tzLabel: 'WITA',
      generatedAt: new Date('2026-12-01T01:00:00Z'),
      complaints: {
        current: figures(1234, 8, 6, 5),
        previous: figures(1000, 4, 4, 5),
        openNow: { total: 20, overdue: 7, atRisk: 3, escalated: 2 },
        byOpd: [
          { name: 'PUPR', overdueNow: 5, ...figures(6, 4, 2, 1) },
          { name: 'Dinkes', overdueNow: 2, ...figures(4, 4, 4, 4) },
        ],
        byRegency: [],
      },
      late: [
        {
          trackingId: '2600001',
          opd: 'PUPR',
          regency: 'Banjarbaru',
          deadlineAt: new Date('2026-11-05T15:59:59Z'),
          overdueHK: 12,
          level: 3,
        },
      ],
    });
    expect(doc.title).toBe('Laporan Pimpinan');
    expect(doc.subtitle).toBe('Kalimantan Selatan · Provinsi · November 2026');
    expect(doc.meta).toMatch(/dibuat 1 Desember 2026 pukul 09\.00 WITA/);
    expect(doc.sections.map((s) => s.heading)).toEqual([
      'Ringkasan pengaduan (SP4N-LAPOR!)',
      'Per OPD (terburuk lebih dulu)',
      'Daftar terlambat',
    ]);
    const summary = doc.sections[0]!.blocks[0]!;
    expect(summary.kind === 'figures' && summary.rows.slice(0, 3)).toEqual([
      { label: 'Aduan masuk', value: '1.234', change: '+234 (+23,4%) dari periode sebelumnya' },
      { label: 'Ditindaklanjuti', value: '8', change: '+4 (+100%) dari periode sebelumnya' },
      { label: 'Ditindaklanjuti tepat waktu', value: '75%', change: '−25 poin dari periode sebelumnya' },
    ]);
    const late = doc.sections[2]!.blocks[0]!;
    expect(late.kind === 'table' && late.rows).toEqual([['2600001', 'PUPR', 'Banjarbaru', '5 Nov 2026', '12 HK', '3']]);
  });

  const social = (reach: number, needing: number, replied: number, median: number | null, negative: number) => ({
    reach,
    needing,
    replied,
    replyRatePct: needing > 0 ? (replied / needing) * 100 : null,
    medianReplyMinutes: median,
    sentiment: { positive: 2, neutral: 5, negative },
    flagged: 3,
    hoaxSuspects: 1,
    clarified: 2,
    stillOpen: 1,
    medianMinutesToClarify: 90,
  });
  const base = {
    provinceName: 'Kalimantan Selatan',
    scopeLabel: 'Provinsi',
    timeZone: 'Asia/Makassar',
    tzLabel: 'WITA',
    generatedAt: new Date('2026-12-01T01:00:00Z'),
    complaints: {
      current: figures(10, 8, 6, 5),
      previous: figures(10, 4, 4, 5),
      openNow: { total: 20, overdue: 7, atRisk: 3, escalated: 2 },
      byOpd: [],
      byRegency: [],
      daily: [
        { day: '2026-11-01', received: 3, completed: 1 },
        { day: '2026-11-02', received: 7, completed: 4 },
      ],
    },
    late: [],
  };

  it('adds social media: reach, replies, sentiment, issues and hoaxes against the previous period, OPDs worst first', () => {
    const doc = leadershipReport({
      ...base,
      period: monthPeriod('2026-11'),
      social: {
        current: social(12_000, 40, 30, 150, 3),
        previous: social(10_000, 20, 18, 60, 1),
        openNow: { issues: 4, hoaxSuspects: 2 },
        byOpd: [
          { name: 'Dinkes', previousReplyRatePct: 100, ...social(2000, 10, 9, 30, 0) },
          { name: 'PUPR', previousReplyRatePct: 50, ...social(9000, 30, 21, 200, 3) },
          { name: 'Dishub', previousReplyRatePct: null, ...social(1000, 0, 0, null, 0) },
          { name: 'Idle', previousReplyRatePct: null, ...social(0, 0, 0, null, 0), flagged: 0 },
        ],
      },
    });
    const section = doc.sections.find((s) => s.heading === 'Media sosial')!;
    const figuresBlock = section.blocks[0]!;
    expect(figuresBlock.kind === 'figures' && figuresBlock.rows.map((r) => [r.label, r.value, r.change])).toEqual([
      ['Jangkauan (reach)', '12.000', '+2.000 (+20%) dari periode sebelumnya'],
      ['Interaksi perlu balasan', '40', '+20 (+100%) dari periode sebelumnya'],
      ['Tingkat balasan', '75%', '−15 poin dari periode sebelumnya'],
      ['Median waktu balasan', '2 jam 30 menit', 'periode sebelumnya 1 jam'],
      ['Sentimen positif / netral / negatif', '2 / 5 / 3', null],
      ['Sentimen negatif', '30%', '+17,5 poin dari periode sebelumnya'],
      ['Isu dan dugaan hoaks ditandai', '3', 'sama dengan periode sebelumnya'],
      ['Dugaan hoaks', '1', 'sama dengan periode sebelumnya'],
      ['Sudah diklarifikasi', '2', 'sama dengan periode sebelumnya'],
      ['Median waktu klarifikasi', '1 jam 30 menit', null],
      ['Isu terbuka saat laporan dibuat', '4', null],
      ['Dugaan hoaks terbuka saat laporan dibuat', '2', null],
    ]);
    // The wall's charts, in print colours: the reply-rate gauge and the sentiment bars.
    const charts = section.blocks[1]!;
    expect(charts.kind === 'charts' && charts.charts.map((c) => c.title)).toEqual(['Tingkat balasan', 'Sentimen']);
    const table = section.blocks[2]!;
    expect(table.kind === 'table' && table.rows.map((r) => [r[0], r[3], r[7]])).toEqual([
      ['PUPR', '70%', '50%'],
      ['Dinkes', '90%', '100%'],
      ['Dishub', '–', '–'],
    ]);
    // The complaint summary carries its own charts: the daily trend and the on-time gauge.
    const complaintCharts = doc.sections[0]!.blocks[1]!;
    expect(complaintCharts.kind === 'charts' && complaintCharts.charts.map((c) => c.title)).toEqual([
      'Aduan masuk dan selesai per hari',
      'Ditindaklanjuti tepat waktu',
    ]);
  });

  it('says when the late list is as of the report, not the end of a past period', () => {
    const doc = leadershipReport({ ...base, period: monthPeriod('2026-10'), periodEnded: true });
    const late = doc.sections.find((s) => s.heading === 'Daftar terlambat')!;
    expect(late.blocks[0]).toEqual({
      kind: 'text',
      text: 'Daftar ini memuat aduan yang terlambat saat laporan dibuat (1 Desember 2026 pukul 09.00 WITA), bukan pada akhir periode.',
    });
  });
});
