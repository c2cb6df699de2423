import { axisStyle, legendStyle, WALL, type ChartTheme, type EChartsOption } from '@pantau/domain/charts';

/**
 * One Isu subject on one time axis: its complaints a day as bars (left axis) and its tagged negative
 * mentions as a line (right axis: mentions run ten times the complaints, one scale would flatten the
 * bars). The spike — the detector's last `windowDays` — is marked: its bars in the alarm colour and a
 * dashed line where it begins, labelled `spikeLabel`. Numbers in the screen's locale; pure.
 */
export function issueOption(
  labels: string[],
  series: { complaints: number[]; negative: number[] },
  names: { complaints: string; negative: string; spike: string },
  windowDays: number,
  format: (n: number) => string,
  fontSize = 14,
  theme: ChartTheme = WALL,
): EChartsOption {
  const spikeFrom = Math.max(0, labels.length - windowDays);
  const base = axisStyle(fontSize, theme);
  const axis = { ...base, axisLabel: { ...base.axisLabel, formatter: format } };
  return {
    // Room above the plot for the legend and, under it, the spike's label at the top of its line.
    grid: { left: 8, right: 8, top: fontSize * 4, bottom: 4, containLabel: true },
    legend: legendStyle(fontSize, theme),
    xAxis: {
      type: 'category',
      data: labels,
      ...base,
      axisLabel: { ...base.axisLabel, hideOverlap: true },
      splitLine: { show: false },
    },
    yAxis: [
      { type: 'value', minInterval: 1, ...axis },
      { type: 'value', minInterval: 1, ...axis, splitLine: { show: false } },
    ],
    series: [
      {
        name: names.complaints,
        type: 'bar',
        yAxisIndex: 0,
        barMaxWidth: fontSize * 1.6,
        data: series.complaints.map((value, i) => ({
          value,
          itemStyle: { color: i >= spikeFrom ? theme.danger : theme.accent },
        })),
        itemStyle: { color: theme.accent },
        markLine: {
          symbol: 'none',
          silent: true,
          animation: false,
          lineStyle: { color: theme.danger, type: 'dashed', width: 2 },
          data: labels[spikeFrom]
            ? [
                {
                  xAxis: labels[spikeFrom],
                  label: {
                    formatter: names.spike,
                    // Across, above the line's top: along a vertical line it would be turned and cut.
                    position: 'end',
                    color: theme.danger,
                    fontSize,
                    fontWeight: 700,
                  },
                },
              ]
            : [],
        },
      },
      {
        name: names.negative,
        type: 'line',
        yAxisIndex: 1,
        data: series.negative,
        showSymbol: false,
        lineStyle: { width: 3, color: theme.second },
        itemStyle: { color: theme.second },
      },
    ],
  };
}
