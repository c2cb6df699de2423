export * from './lifecycle.ts';
export * from './deadline-rules.ts';
export * from './kpi.ts';
export * from './report-csv.ts';
