import { describe, expect, it } from 'vitest';
import {
  customPeriod,
  isoWeekKey,
  parseReportPeriod,
  periodContaining,
  periodFileKey,
  periodLabel,
  previousPeriod,
} from './period.ts';

describe('report periods', () => {
  it('reads a week, a month, a quarter, a year and a range of days', () => {
    expect(parseReportPeriod('2026-W48')).toEqual({
      kind: 'week',
      key: '2026-W48',
      from: '2026-11-23',
      to: '2026-11-29',
    });
    expect(parseReportPeriod('2026-02')).toEqual({
      kind: 'month',
      key: '2026-02',
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(parseReportPeriod('2026-Q4')).toEqual({
      kind: 'quarter',
      key: '2026-Q4',
      from: '2026-10-01',
      to: '2026-12-31',
    });
    expect(parseReportPeriod('2024')).toEqual({ kind: 'year', key: '2024', from: '2024-01-01', to: '2024-12-31' });
    expect(parseReportPeriod('2026-11-03..2026-11-16')).toMatchObject({
      kind: 'custom',
      from: '2026-11-03',
      to: '2026-11-16',
    });
  });

  it('refuses what is no period: week 54, month 13, a range backwards, too long or with a 31 February', () => {
    for (const bad of [
      '2026-W54',
      '2026-W00',
      '2026-13',
      '2026-Q5',
      '1999',
      '2026-11-16..2026-11-03',
      '2026-02-31..2026-03-02',
      '2020-01-01..2026-01-01',
      'bulan',
    ])
      expect(parseReportPeriod(bad), bad).toBeNull();
    // 2026 has 53 ISO weeks (it starts on a Thursday); 2025 has 52.
    expect(parseReportPeriod('2026-W53')).toMatchObject({ from: '2026-12-28', to: '2027-01-03' });
    expect(parseReportPeriod('2025-W53')).toBeNull();
  });

  it('names ISO weeks by the year of their Thursday', () => {
    expect(isoWeekKey('2027-01-01')).toBe('2026-W53');
    expect(isoWeekKey('2024-12-30')).toBe('2025-W01');
    expect(periodContaining('week', '2026-12-03')).toMatchObject({ key: '2026-W49', from: '2026-11-30' });
    expect(periodContaining('quarter', '2026-12-03').key).toBe('2026-Q4');
  });

  it('compares with the period before, of equal length', () => {
    expect(previousPeriod(parseReportPeriod('2026-W01')!)).toMatchObject({
      key: '2025-W52',
      from: '2025-12-22',
      to: '2025-12-28',
    });
    expect(previousPeriod(parseReportPeriod('2026-03')!)).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod(parseReportPeriod('2026-Q1')!)).toMatchObject({ from: '2025-10-01', to: '2025-12-31' });
    expect(previousPeriod(parseReportPeriod('2026')!)).toMatchObject({ from: '2025-01-01', to: '2025-12-31' });
    // Fourteen days before fourteen days.
    expect(previousPeriod(customPeriod('2026-11-03', '2026-11-16')!)).toMatchObject({
      from: '2026-10-20',
      to: '2026-11-02',
    });
  });

  it('names each period in Bahasa Indonesia, and as a file name', () => {
    expect(periodLabel(parseReportPeriod('2026-11')!)).toBe('November 2026');
    expect(periodLabel(parseReportPeriod('2026-W48')!)).toBe('Minggu ke-48 2026 (23 November 2026 – 29 November 2026)');
    expect(periodLabel(parseReportPeriod('2026-Q4')!)).toBe('Triwulan IV 2026');
    expect(periodLabel(parseReportPeriod('2026')!)).toBe('Tahun 2026');
    expect(periodLabel(customPeriod('2026-11-03', '2026-11-16')!)).toBe('3 November 2026 – 16 November 2026');
    expect(periodFileKey(customPeriod('2026-11-03', '2026-11-16')!)).toBe('2026-11-03_2026-11-16');
  });
});
