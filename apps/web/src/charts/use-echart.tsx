import { useEffect, useRef } from 'react';
import { echarts, liveCharts, type EChartsOption } from './echarts.ts';

/** On 4K walls a device pixel ratio of 2 quadruples canvas memory for no visible gain at 3 m. */
const MAX_DPR = 1.5;

/**
 * One ECharts instance per panel: created once on mount, resized with its box, fed new options with
 * `notMerge: false` (so a live series updates in place), disposed on unmount. Animation stays off:
 * a wall redraws every few seconds for weeks.
 */
export function EChart(props: {
  option: EChartsOption;
  className?: string;
  /** Clicks on a series item (drilldowns on the dashboard); the wall passes none. */
  onClick?: (params: { name: string; data: unknown; seriesName?: string }) => void;
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const onClick = useRef(props.onClick);
  onClick.current = props.onClick;

  useEffect(() => {
    const el = box.current!;
    const instance = echarts.init(el, null, {
      renderer: 'canvas',
      devicePixelRatio: Math.min(window.devicePixelRatio || 1, MAX_DPR),
    });
    chart.current = instance;
    liveCharts.count++;
    instance.on('click', (p) => onClick.current?.(p as never));
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
      liveCharts.count--;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ animation: false, ...props.option }, { notMerge: false, lazyUpdate: true });
  }, [props.option]);
  return <div ref={box} className={props.className ?? 'chart'} role="img" aria-label={props.label} />;
}
