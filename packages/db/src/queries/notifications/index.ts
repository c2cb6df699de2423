export * from './subscriptions.ts';
export * from './enqueue.ts';
export * from './outbox.ts';
export * from './deliveries.ts';
export * from './case-ref.ts';
