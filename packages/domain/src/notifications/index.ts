export * from './schedule.ts';
export * from './messages.ts';
