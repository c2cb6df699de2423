export * from './local-date.ts';
export * from './working-calendar.ts';
export * from './deadline.ts';
