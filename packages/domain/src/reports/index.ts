export * from './period.ts';
export * from './leadership-report.ts';
export * from './social-section.ts';
export * from './schedule.ts';
