export * from './lifecycle.ts';
export * from './deadline-rules.ts';
export * from './escalation.ts';
