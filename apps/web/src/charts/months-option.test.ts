import { describe, expect, it } from 'vitest';
import { monthLabels, monthsOption } from './months-option.ts';

const id = (n: number) => new Intl.NumberFormat('id-ID').format(n);

describe('the 12-month chart', () => {
  it('names the months in Indonesian with the year at the start and at January', () => {
    expect(monthLabels(['2025-11', '2025-12', '2026-01', '2026-02'], 'id-ID')).toEqual([
      'Nov 2025',
      'Des',
      'Jan 2026',
      'Feb',
    ]);
  });

  it('writes every number the Indonesian way (1.500, not 1,500): axis and bar labels', () => {
    const o = monthsOption(
      ['Jan', 'Feb'],
      { received: [1500, 40], followedUp: [1200, 38], completed: [900, 30] },
      { received: 'Masuk', followedUp: 'Ditindaklanjuti', completed: 'Selesai' },
      id,
      20,
    ) as {
      yAxis: { axisLabel: { formatter: (n: number) => string } };
      series: Array<{ type: string; name: string; label?: { formatter: (p: { value: number }) => string } }>;
    };
    expect(o.yAxis.axisLabel.formatter(1500)).toBe('1.500');
    expect(o.series[0]!.label!.formatter({ value: 1500 })).toBe('1.500');
    expect(o.series.map((s) => [s.type, s.name])).toEqual([
      ['bar', 'Masuk'],
      ['line', 'Ditindaklanjuti'],
      ['line', 'Selesai'],
    ]);
  });

  it('marks annotated months with their numbers, so the notes under the chart can say what happened', () => {
    const o = monthsOption(
      ['Jan', 'Feb', 'Mar'],
      { received: [1, 2, 3], followedUp: [1, 2, 3], completed: [1, 2, 3] },
      { received: 'Masuk', followedUp: 'Ditindaklanjuti', completed: 'Selesai' },
      id,
      20,
      undefined,
      [
        { label: 'Feb', n: 1 },
        { label: 'Feb', n: 2 },
        { label: 'Mar', n: 3 },
      ],
    ) as { series: Array<{ markLine?: { data: Array<{ xAxis: string; label: { formatter: string } }> } }> };
    expect(o.series[0]!.markLine!.data.map((d) => [d.xAxis, d.label.formatter])).toEqual([
      ['Feb', '1, 2'],
      ['Mar', '3'],
    ]);
  });
});
