import type { EChartsOption } from '../charts/options.ts';

/** A report as data: what any renderer (PDF now, perhaps HTML later) draws, in reading order. */
export interface ReportDocument {
  title: string;
  subtitle: string;
  meta: string;
  sections: Array<{ heading: string; blocks: ReportBlock[] }>;
}

export type ReportBlock =
  | { kind: 'figures'; rows: Array<{ label: string; value: string; change: string | null }> }
  | { kind: 'table'; columns: string[]; align: Array<'left' | 'right'>; widths: number[]; rows: string[][] }
  | { kind: 'text'; text: string }
  /** Charts side by side, each an ECharts option from the shared builders; the renderer draws them as SVG. */
  | { kind: 'charts'; height: number; charts: Array<{ title: string; option: EChartsOption }> };
