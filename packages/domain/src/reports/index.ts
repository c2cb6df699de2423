export * from './period.ts';
export * from './leadership-report.ts';
