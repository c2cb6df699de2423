import { describe, expect, it } from 'vitest';
import { barsOption, gaugeOption, pointMapOption, PRINT, trendOption, WALL } from './options.ts';

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

  it('writes numbers the Indonesian way on the canvas too: 85,8 % on a gauge, 1.500 on a bar and a map point', () => {
    const gauge = (gaugeOption(0.8575, 'Tepat waktu').series as AnySeries)[0]!.detail as {
      formatter: (v: number) => string;
    };
    expect(gauge.formatter(85.8)).toBe('85,8 %');
    const bar = (barsOption([{ name: 'Web', value: 1500 }]).series as AnySeries)[0]!.label as {
      formatter: (p: { value: number }) => string;
    };
    expect(bar.formatter({ value: 1500 })).toBe('1.500');
    const map = pointMapOption([
      { name: 'Kota Palangka Raya', code: '62.71', lat: -2.21, lon: 113.92, value: 1500, overdue: 0 },
    ]);
    const label = (map.series as AnySeries)[0]!.label as {
      formatter: (p: { name: string; value: number[] }) => string;
    };
    expect(label.formatter({ name: 'Kota Palangka Raya', value: [113.92, -2.21, 1500, 0] })).toBe(
      'Palangka Raya  1.500',
    );
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

describe('print colours for the report', () => {
  it('draws the same chart in the print theme: dark text for white paper, the wall stays light on dark', () => {
    const rows = [{ name: 'Positif', value: 3 }];
    const wall = barsOption(rows, 12);
    const print = barsOption(rows, 12, undefined, PRINT);
    const label = (o: typeof wall) => (o.yAxis as { axisLabel: { color: string } }).axisLabel.color;
    expect(label(wall)).toBe(WALL.text);
    expect(label(print)).toBe(PRINT.text);
    expect((print.series as AnySeries)[0]!.itemStyle).toEqual({ color: PRINT.accent });
    const gauge = gaugeOption(0.5, 'Dibalas', 12, PRINT).series as Array<{ detail: { color: string } }>;
    expect(gauge[0]!.detail.color).toBe(PRINT.text);
  });
});
