import type { EChartsCoreOption } from 'echarts/core';

/**
 * The chart option builders the wall, the dashboard and the server-rendered report share: pure functions
 * from figures to an ECharts option, so a report's chart is the wall's chart drawn in print colours.
 */
export type EChartsOption = EChartsCoreOption;

/** The colours a chart is drawn in. */
export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  accent: string;
  second: string;
  danger: string;
}

/** Colours of the dark wall theme; each text colour keeps 4.5:1 against the panel background. */
export const WALL: ChartTheme = {
  text: '#f1f5f8',
  muted: '#b4c3cf',
  grid: '#2b3d4a',
  accent: '#4fd1a5',
  second: '#f2b705',
  danger: '#ff8a80',
};

/** Print colours for white paper (the report's PDF); each text colour keeps 4.5:1 against white. */
export const PRINT: ChartTheme = {
  text: '#1b2a33',
  muted: '#4d5b66',
  grid: '#c9d3d9',
  accent: '#1f7a5c',
  second: '#a86400',
  danger: '#c0392b',
};

// Numbers drawn on the canvas in the screens' locale (Indonesian): ECharts writes a value axis as 1,500
// and a gauge's template as 85.8, which would mix formats with the tables' 1.500 and 85,8.
const idNumber = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
const numberLabel = (p: { value: unknown }) => (typeof p.value === 'number' ? idNumber.format(p.value) : '');

/** The axes' colours and text size, shared by every chart with axes (here and in the web's own builders). */
export const axisStyle = (fontSize: number, theme: ChartTheme) => ({
  axisLabel: { color: theme.muted, fontSize },
  axisLine: { lineStyle: { color: theme.grid } },
  splitLine: { lineStyle: { color: theme.grid } },
});

/** The legend every series chart has: top left, in the theme's text colour. */
export const legendStyle = (fontSize: number, theme: ChartTheme) => ({
  top: 0,
  left: 0,
  textStyle: { color: theme.text, fontSize },
  itemWidth: fontSize * 1.4,
  itemHeight: fontSize * 0.6,
});

/** Two daily series on a time axis: received and completed. Symbols off, no animation. */
export function trendOption(
  days: string[],
  series: Array<{ name: string; values: number[]; color?: string; dashed?: boolean }>,
  fontSize = 14,
  theme: ChartTheme = WALL,
): EChartsOption {
  return {
    grid: { left: fontSize * 3, right: fontSize, top: fontSize * 2.4, bottom: fontSize * 2 },
    legend: legendStyle(fontSize, theme),
    xAxis: {
      type: 'category',
      data: days.map((d) => d.slice(8)),
      ...axisStyle(fontSize, theme),
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      ...axisStyle(fontSize, theme),
      axisLabel: { color: theme.muted, fontSize, formatter: (v: number) => idNumber.format(v) },
    },
    series: series.map((s, i) => ({
      name: s.name,
      type: 'line',
      data: s.values,
      showSymbol: false,
      lineStyle: {
        width: 3,
        color: s.color ?? (i === 0 ? theme.accent : theme.second),
        type: s.dashed ? 'dashed' : 'solid',
      },
      itemStyle: { color: s.color ?? (i === 0 ? theme.accent : theme.second) },
    })),
  };
}

/** Horizontal bars, largest at the top, with the value at the end of each bar. */
export function barsOption(
  rows: Array<{ name: string; value: number }>,
  fontSize = 14,
  color?: string,
  theme: ChartTheme = WALL,
): EChartsOption {
  const sorted = [...rows].sort((a, b) => b.value - a.value);
  return {
    grid: { left: 8, right: fontSize * 4, top: 4, bottom: 4, containLabel: true },
    xAxis: { type: 'value', show: false },
    yAxis: {
      type: 'category',
      data: sorted.map((r) => r.name),
      inverse: true,
      axisLabel: { color: theme.text, fontSize },
      axisLine: { show: false },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        data: sorted.map((r) => r.value),
        itemStyle: { color: color ?? theme.accent },
        barMaxWidth: fontSize * 1.6,
        label: { show: true, position: 'right', color: theme.text, fontSize, formatter: numberLabel },
      },
    ],
  };
}

/** A share from 0 to 1 as a gauge in percent (null: not enough data, shown as a dash). */
export function gaugeOption(
  share: number | null,
  label: string,
  fontSize = 14,
  theme: ChartTheme = WALL,
): EChartsOption {
  const pct = share === null ? 0 : Math.round(share * 1000) / 10;
  return {
    series: [
      {
        type: 'gauge',
        min: 0,
        max: 100,
        startAngle: 200,
        endAngle: -20,
        radius: '92%',
        center: ['50%', '60%'],
        progress: { show: true, width: fontSize * 1.2, itemStyle: { color: pct >= 80 ? theme.accent : theme.second } },
        axisLine: { lineStyle: { width: fontSize * 1.2, color: [[1, theme.grid]] } },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        pointer: { show: false },
        title: { offsetCenter: [0, '40%'], color: theme.muted, fontSize },
        detail: {
          offsetCenter: [0, '0%'],
          fontSize: fontSize * 2.6,
          fontWeight: 700,
          color: theme.text,
          formatter: share === null ? '–' : (v: number) => `${idNumber.format(v)} %`,
        },
        data: [{ value: pct, name: label }],
      },
    ],
  };
}

/**
 * Kabupaten/kota as points at their coordinates (no boundary layer: none with a licence that allows
 * it ships with Pantau), sized by a figure and coloured by whether any of it is overdue.
 */
export function pointMapOption(
  points: Array<{ name: string; code: string; lat: number; lon: number; value: number; overdue: number }>,
  fontSize = 14,
  theme: ChartTheme = WALL,
): EChartsOption {
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const pad = 0.4;
  const max = Math.max(1, ...points.map((p) => p.value));
  return {
    grid: { left: 8, right: 8, top: 8, bottom: 8 },
    // Labels sit right of their points: room on the right so the easternmost names are not cut off.
    xAxis: { type: 'value', min: Math.min(...lons) - pad, max: Math.max(...lons) + pad * 4, show: false },
    yAxis: { type: 'value', min: Math.min(...lats) - pad, max: Math.max(...lats) + pad, show: false },
    series: [
      {
        type: 'scatter',
        data: points.map((p) => ({
          name: p.name,
          value: [p.lon, p.lat, p.value, p.overdue],
          code: p.code,
          itemStyle: { color: p.overdue > 0 ? theme.danger : theme.accent, opacity: 0.85 },
        })),
        symbolSize: (v: number[]) => fontSize + (fontSize * 3 * Math.sqrt(v[2] ?? 0)) / Math.sqrt(max),
        labelLayout: { moveOverlap: 'shiftY' },
        label: {
          show: true,
          position: 'right',
          color: theme.text,
          fontSize: fontSize * 0.9,
          formatter: (p: { name: string; value: number[] }) =>
            `${p.name.replace(/^(Kabupaten|Kota) /, '')}  ${idNumber.format(p.value[2] ?? 0)}`,
        },
      },
    ],
  };
}
