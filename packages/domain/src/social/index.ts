export * from './kpi.ts';
