export * from './leadership-report.ts';
