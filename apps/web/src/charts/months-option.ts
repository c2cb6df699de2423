import { axisStyle, legendStyle, WALL, type ChartTheme, type EChartsOption } from '@pantau/domain/charts';

/**
 * The last 12 months at a real province's volume (a few dozen complaints a month): the month's arrivals
 * as bars, follow-ups and completions as lines, every number in the screen's locale (ECharts' own
 * axis labels would write 1,500 on an Indonesian wall). `labels` are the months as the screen names
 * them; pure, so the wall and the dashboard draw the same chart.
 */
export function monthsOption(
  labels: string[],
  series: { received: number[]; followedUp: number[]; completed: number[] },
  names: { received: string; followedUp: string; completed: string },
  format: (n: number) => string,
  fontSize = 14,
  theme: ChartTheme = WALL,
  /** Annotated months: a dashed line at the month with the notes' numbers (the text is listed under the chart). */
  marks: Array<{ label: string; n: number }> = [],
): EChartsOption {
  const byMonth = new Map<string, number[]>();
  for (const m of marks) byMonth.set(m.label, [...(byMonth.get(m.label) ?? []), m.n]);
  const axis = axisStyle(fontSize, theme);
  const line = (name: string, data: number[], color: string, dashed: boolean) => ({
    name,
    type: 'line',
    data,
    symbolSize: fontSize * 0.5,
    lineStyle: { width: 3, color, type: dashed ? 'dashed' : 'solid' },
    itemStyle: { color },
  });
  return {
    grid: { left: 8, right: fontSize, top: fontSize * 2.4, bottom: 4, containLabel: true },
    legend: legendStyle(fontSize, theme),
    xAxis: { type: 'category', data: labels, ...axis, splitLine: { show: false } },
    yAxis: { type: 'value', minInterval: 1, ...axis, axisLabel: { ...axis.axisLabel, formatter: format } },
    series: [
      {
        name: names.received,
        type: 'bar',
        data: series.received,
        barMaxWidth: fontSize * 2.4,
        itemStyle: { color: theme.accent, opacity: 0.75 },
        label: {
          show: true,
          position: 'top',
          color: theme.text,
          fontSize: fontSize * 0.85,
          formatter: labelOf(format),
        },
        markLine: {
          symbol: 'none',
          silent: true,
          animation: false,
          lineStyle: { color: theme.danger, type: 'dashed', width: 2 },
          data: [...byMonth].map(([label, ns]) => ({
            xAxis: label,
            label: {
              formatter: ns.join(', '),
              position: 'insideEndTop',
              color: theme.danger,
              fontSize,
              fontWeight: 700,
            },
          })),
        },
      },
      line(names.followedUp, series.followedUp, theme.second, false),
      line(names.completed, series.completed, theme.muted, true),
    ],
  };
}

const labelOf = (format: (n: number) => string) => (p: { value: unknown }) =>
  typeof p.value === 'number' ? format(p.value) : '';

/** "Jan 2026", then "Feb", "Mar"…: a month's short name, with its year at January and at the start. */
export function monthLabels(months: string[], intlLocale: string): string[] {
  const name = new Intl.DateTimeFormat(intlLocale, { month: 'short', timeZone: 'UTC' });
  return months.map((m, i) => {
    const [y, mo] = m.split('-').map(Number) as [number, number];
    const short = name.format(new Date(Date.UTC(y, mo - 1, 15)));
    return i === 0 || mo === 1 ? `${short} ${y}` : short;
  });
}
