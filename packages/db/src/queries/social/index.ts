export * from './social-accounts.ts';
export * from './social-writes.ts';
export * from './social-period.ts';
export * from './social-interaction-facts.ts';
export * from './connector-cursor.ts';
