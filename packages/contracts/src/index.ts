export * from './common.ts';
export * from './complaints.ts';
export * from './live.ts';
export * from './ppid.ts';
export * from './social.ts';
export * from './public.ts';
export * from './widgets.ts';
export * from './console.ts';
