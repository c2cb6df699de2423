export { createPool, quoteIdent, withTransaction, type Pool, type PoolClient, type PoolOptions } from './connection.ts';
export { loadMigrations, migrate, migrationsApplied, type Migration, type MigrateResult } from './migrate.ts';
export { freePort, startEmbeddedPostgres, type EmbeddedDatabase, type EmbeddedOptions } from './embedded.ts';
export { seedProvincePack, type SeedResult } from './queries/seed-province-pack.ts';
export { recordComplaintChange, type ComplaintRollupFacts } from './queries/live/record-complaint-change.ts';
export { touchTopics } from './queries/live/touch-topics.ts';
export { runAsLeader, type LeaderHandle, type LeaderOptions } from './leader.ts';
