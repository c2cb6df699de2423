import { describe, expect, it } from 'vitest';
import { barsOption, gaugeOption, pointMapOption, trendOption } from './options.ts';

type AnySeries = Array<Record<string, unknown>>;

describe('wall chart options', () => {
  it('draws live trend lines without symbols or animation-driving data points', () => {
    const o = trendOption(
      ['2026-11-01', '2026-11-02'],
      [
        { name: 'Masuk', values: [3, 5] },
        { name: 'Selesai', values: [1, 2] },
      ],
    );
    const series = o.series as AnySeries;
    expect(series.map((s) => s.showSymbol)).toEqual([false, false]);
    expect((o.xAxis as { data: string[] }).data).toEqual(['01', '02']);
  });

  it('puts the largest bar on top', () => {
    const o = barsOption([
      { name: 'Web', value: 3 },
      { name: 'SMS 1708', value: 9 },
      { name: 'App', value: 5 },
    ]);
    expect((o.yAxis as { data: string[] }).data).toEqual(['SMS 1708', 'App', 'Web']);
    expect((o.series as AnySeries)[0]!.data).toEqual([9, 5, 3]);
  });

  it('shows a share as a percentage with one decimal, and a dash when there is no share', () => {
    const data = (o: ReturnType<typeof gaugeOption>) =>
      ((o.series as AnySeries)[0]!.data as Array<{ value: number }>)[0]!.value;
    expect(data(gaugeOption(0.8575, 'Tepat waktu'))).toBe(85.8);
    const none = gaugeOption(null, 'Tepat waktu');
    expect(((none.series as AnySeries)[0]!.detail as { formatter: string }).formatter).toBe('–');
  });

  it('places kabupaten/kota at their coordinates and marks the ones with overdue complaints', () => {
    const o = pointMapOption([
      { name: 'Kota Palangka Raya', code: '62.71', lat: -2.21, lon: 113.92, value: 40, overdue: 3 },
      { name: 'Kabupaten Kapuas', code: '62.03', lat: -3.0, lon: 114.38, value: 10, overdue: 0 },
    ]);
    const points = (o.series as AnySeries)[0]!.data as Array<{ value: number[]; itemStyle: { color: string } }>;
    expect(points[0]!.value.slice(0, 2)).toEqual([113.92, -2.21]);
    expect(points[0]!.itemStyle.color).not.toBe(points[1]!.itemStyle.color);
    expect((o.xAxis as { min: number }).min).toBeLessThan(113.92);
  });
});
