import { describe, expect, it } from 'vitest';
import { issueOption } from './issue-option.ts';

const id = (n: number) => new Intl.NumberFormat('id-ID').format(n);

describe('the Isu chart', () => {
  const o = issueOption(
    ['1 Des', '2 Des', '3 Des', '4 Des'],
    { complaints: [0, 1, 6, 7], negative: [2, 1, 1500, 30] },
    { complaints: 'Aduan', negative: 'Sebutan negatif', spike: 'Lonjakan' },
    2,
    id,
    20,
  ) as {
    yAxis: Array<{ axisLabel: { formatter: (n: number) => string } }>;
    series: Array<{
      type: string;
      name: string;
      yAxisIndex: number;
      data: Array<number | { value: number; itemStyle: { color: string } }>;
      markLine?: { data: Array<{ xAxis: string; label: { formatter: string } }> };
    }>;
  };

  it('puts complaints and negative mentions on one time axis, each on its own scale', () => {
    expect(o.series.map((s) => [s.type, s.name, s.yAxisIndex])).toEqual([
      ['bar', 'Aduan', 0],
      ['line', 'Sebutan negatif', 1],
    ]);
    expect(o.yAxis[1]!.axisLabel.formatter(1500)).toBe('1.500');
  });

  it('marks the spike: a labelled line where the window begins and its bars in the alarm colour', () => {
    expect(o.series[0]!.markLine!.data).toMatchObject([{ xAxis: '3 Des', label: { formatter: 'Lonjakan' } }]);
    const colors = o.series[0]!.data.map((d) => (typeof d === 'number' ? null : d.itemStyle.color));
    expect(new Set(colors.slice(0, 2)).size).toBe(1);
    expect(colors[2]).toBe(colors[3]);
    expect(colors[2]).not.toBe(colors[0]);
  });
});
