import { BarChart, GaugeChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only what the widgets draw: a small server bundle and a small SVG.
echarts.use([
  LineChart,
  BarChart,
  GaugeChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  SVGRenderer,
]);

export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  accent: string;
  second: string;
}

export const THEMES: Record<'light' | 'dark', Omit<ChartTheme, 'accent'>> = {
  // Text colours keep at least 4.5:1 against the page background of each theme.
  light: { text: '#14212b', muted: '#4d5b66', grid: '#d5dde3', second: '#8a5a00' },
  dark: { text: '#f1f5f8', muted: '#b4c3cf', grid: '#2b3d4a', second: '#f2b705' },
};

/** Renders an ECharts option to an SVG string on the server (no DOM), sized by its viewBox. */
export function renderSvg(
  option: echarts.EChartsCoreOption,
  width: number,
  height: number,
  stretch = false,
  idPrefix = 'c',
): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, ...option });
    // Scale with the frame: keep the viewBox, drop the fixed pixel size.
    // zrender numbers its clip-path ids per process; renumber them per page, so the same figures always
    // give the same bytes (and the same ETag, so a revalidation gets its 304 after a cache refresh).
    const classes = new Map<string, string>();
    return chart
      .renderToSVGString()
      .replace(/\bzr\d+-/g, `${idPrefix}-`)
      .replace(/-cls-(\d+)/g, (_m, n: string) => {
        if (!classes.has(n)) classes.set(n, String(classes.size));
        return `-cls-${classes.get(n)!}`;
      })
      .replace(
        /^<svg width="\d+" height="\d+"/,
        `<svg width="100%"${stretch ? ` height="${height}" preserveAspectRatio="none"` : ' preserveAspectRatio="xMidYMid meet"'} aria-hidden="true" focusable="false"`,
      );
  } finally {
    chart.dispose();
  }
}

const axis = (t: ChartTheme) => ({
  axisLabel: { color: t.muted, fontSize: 11 },
  axisLine: { lineStyle: { color: t.grid } },
  splitLine: { lineStyle: { color: t.grid } },
});

/**
 * Received (accent) and resolved (second colour) per bucket over the trend window: one category per
 * day or week, every one drawn (zeros included) and the first and last labelled, so the axis shows the
 * whole period. Each note shades the buckets it covers, numbered as in the list under the chart.
 */
export function trendOption(
  t: ChartTheme,
  periods: string[],
  received: number[],
  resolved: number[],
  labels: { received: string; resolved: string },
  narrow = false,
  notes: ReadonlyArray<{ n: number; buckets: [number, number] }> = [],
): echarts.EChartsCoreOption {
  // Drawn for a narrow box (shown below 560 px), the labels are larger so they stay >= 10 px once scaled.
  const font = narrow ? 13 : 11;
  return {
    grid: { left: narrow ? 30 : 36, right: 12, top: narrow ? 30 : 28, bottom: narrow ? 26 : 24 },
    legend: { top: 0, left: 0, textStyle: { color: t.text, fontSize: font + 1 }, itemWidth: 14, itemHeight: 8 },
    xAxis: {
      type: 'category',
      data: periods,
      ...axis(t),
      axisLabel: { color: t.muted, fontSize: font, showMinLabel: true, showMaxLabel: true, hideOverlap: true },
      splitLine: { show: false },
    },
    yAxis: { type: 'value', minInterval: 1, ...axis(t), axisLabel: { color: t.muted, fontSize: font } },
    series: [
      {
        name: labels.received,
        type: 'line',
        data: received,
        showSymbol: false,
        lineStyle: { width: 2.5, color: t.accent },
        itemStyle: { color: t.accent },
        // A note over several buckets shades them; a note on one bucket is a line through it.
        ...(notes.some((n) => n.buckets[0] < n.buckets[1])
          ? {
              markArea: {
                silent: true,
                itemStyle: { color: t.grid, opacity: 0.55 },
                label: { color: t.text, fontSize: font, fontWeight: 'bold', position: 'insideTop' },
                data: notes
                  .filter((n) => n.buckets[0] < n.buckets[1])
                  .map((n) => [{ name: String(n.n), xAxis: n.buckets[0] }, { xAxis: n.buckets[1] }]),
              },
            }
          : {}),
        ...(notes.some((n) => n.buckets[0] === n.buckets[1])
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { color: t.muted, type: 'dashed', width: 1.5 },
                label: { color: t.text, fontSize: font, fontWeight: 'bold', position: 'end', formatter: '{b}' },
                data: notes
                  .filter((n) => n.buckets[0] === n.buckets[1])
                  .map((n) => ({ name: String(n.n), xAxis: n.buckets[0] })),
              },
            }
          : {}),
      },
      {
        name: labels.resolved,
        type: 'line',
        data: resolved,
        showSymbol: false,
        lineStyle: { width: 2, type: 'dashed', color: t.second },
        itemStyle: { color: t.second },
      },
    ],
  };
}

/** A small line with no axes, for a KPI card. */
export function sparklineOption(t: ChartTheme, values: Array<number | null>): echarts.EChartsCoreOption {
  return {
    grid: { left: 2, right: 2, top: 4, bottom: 4 },
    xAxis: { type: 'category', show: false, data: values.map((_, i) => i) },
    yAxis: { type: 'value', show: false, min: 0 },
    series: [
      {
        type: 'line',
        data: values,
        showSymbol: false,
        lineStyle: { width: 2, color: t.accent },
        areaStyle: { color: t.accent, opacity: 0.15 },
      },
    ],
  };
}

/** On-time share as a gauge from 0 to 100 %. */
export function gaugeOption(t: ChartTheme, pct: number | null, label: string): echarts.EChartsCoreOption {
  return {
    series: [
      {
        type: 'gauge',
        min: 0,
        max: 100,
        // Five labels (0, 25, 50, 75, 100): eleven ran into each other at a readable size.
        splitNumber: 4,
        startAngle: 200,
        endAngle: -20,
        radius: '95%',
        center: ['50%', '62%'],
        progress: { show: true, width: 14, itemStyle: { color: t.accent } },
        axisLine: { lineStyle: { width: 14, color: [[1, t.grid]] } },
        axisTick: { show: false },
        splitLine: { show: false },
        // 13 px drawn in a 300-wide box: still >= 10 px in a 280 px column.
        axisLabel: { color: t.muted, distance: 18, fontSize: 13 },
        pointer: { show: false },
        title: { show: true, offsetCenter: [0, '38%'], color: t.muted, fontSize: 13 },
        detail: {
          valueAnimation: false,
          offsetCenter: [0, '0%'],
          fontSize: 28,
          fontWeight: 700,
          color: t.text,
          formatter: pct === null ? '–' : '{value} %',
        },
        data: [{ value: pct === null ? 0 : Math.round(pct * 1000) / 10, name: label }],
      },
    ],
  };
}

/** Horizontal bars, largest first (PPID decisions). */
export function barsOption(
  t: ChartTheme,
  labels: string[],
  values: number[],
  narrow = false,
): echarts.EChartsCoreOption {
  const font = narrow ? 14 : 12;
  return {
    grid: { left: narrow ? 124 : 150, right: 28, top: 4, bottom: 4, containLabel: false },
    xAxis: { type: 'value', show: false, minInterval: 1 },
    yAxis: {
      type: 'category',
      data: labels,
      inverse: true,
      // A long decision name wraps rather than runs into the bar.
      axisLabel: { color: t.text, fontSize: font, width: narrow ? 116 : 142, overflow: 'break' },
      axisLine: { show: false },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        data: values,
        itemStyle: { color: t.accent },
        barMaxWidth: 16,
        label: { show: true, position: 'right', color: t.text, fontSize: font },
      },
    ],
  };
}
