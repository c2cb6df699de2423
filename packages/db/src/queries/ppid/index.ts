export * from './request-writes.ts';
export * from './dip-monev-writes.ts';
export * from './ppid-period-states.ts';
export * from './dip-summary.ts';
export * from './latest-monev.ts';
export * from './ppid-watch.ts';
