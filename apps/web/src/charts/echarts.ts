// Tree-shaken ECharts for the screens: only the charts and components they draw.
import { BarChart, GaugeChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  LineChart,
  BarChart,
  GaugeChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export { echarts };
export type EChartsOption = echarts.EChartsCoreOption;

/** Live instances on the page (the soak benchmark reads it: it must not grow). */
export const liveCharts = { count: 0 };
declare global {
  interface Window {
    __pantauCharts?: typeof liveCharts;
  }
}
window.__pantauCharts = liveCharts;
