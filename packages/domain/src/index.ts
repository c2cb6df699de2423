// Domain: pure TypeScript, no I/O. Modules are added per capability (calendar, complaints, ppid, social).
export * from './live/index.ts';
export * from './calendar/index.ts';
export * from './complaints/index.ts';
export * from './ppid/index.ts';
export * from './social/index.ts';
export * from './notifications/index.ts';
export * from './reports/index.ts';
export * from './issues/detect.ts';
export * from './issues/subjects.ts';
export * from './issues/merge.ts';
