export * from './common.ts';
export * from './complaints.ts';
export * from './live.ts';
