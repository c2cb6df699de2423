import { describe, expect, it } from 'vitest';
import { changeAgainst, leadershipReport, monthPeriod, periodLabel, previousMonth } from './leadership-report.ts';

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
});
