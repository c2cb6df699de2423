import type { EChartsOption } from '@pantau/domain/charts';
import { BarChart, GaugeChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// What the wall's builders draw (the same set the screens register), rendered as SVG with no DOM.
echarts.use([LineChart, BarChart, GaugeChart, ScatterChart, GridComponent, LegendComponent, SVGRenderer]);

/**
 * Renders an option from the shared builders (@pantau/domain/charts) to an SVG string on the server:
 * ECharts' server-side rendering, no browser and no canvas. Animation is off, so the SVG is the final
 * frame.
 */
export function chartSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
