import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createPool, quoteIdent, type Pool } from './connection.ts';
import { migrate } from './migrate.ts';

export interface TestDatabase {
  url: string;
  schema: string;
  pool: Pool;
  /** Another pool on the same schema (a second "node"). */
  newPool(max?: number): Pool;
  drop(): Promise<void>;
}

/** The database URL the global setup chose (DATABASE_URL or the embedded server). */
export function testDatabaseUrl(): string {
  return inject('databaseUrl');
}

/**
 * Creates a fresh schema for one test file on the real PostgreSQL, optionally migrated. Call `drop()` in
 * `afterAll`. Nothing is shared between files, so they can run in parallel.
 */
export async function createTestDatabase(options: { migrate?: boolean; label?: string } = {}): Promise<TestDatabase> {
  const url = testDatabaseUrl();
  const schema = `t_${(options.label ?? 'test')
    .replace(/[^a-z0-9]/gi, '')
    .slice(0, 20)
    .toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = createPool({ connectionString: url, max: 1 });
  await admin.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
  await admin.end();
  const pools: Pool[] = [];
  const newPool = (max = 5) => {
    const p = createPool({ connectionString: url, schema, max, application: `pantau-test-${schema}` });
    pools.push(p);
    return p;
  };
  const pool = newPool(10);
  if (options.migrate !== false) await migrate(pool);
  return {
    url,
    schema,
    pool,
    newPool,
    async drop() {
      await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
      const cleanup = createPool({ connectionString: url, max: 1 });
      await cleanup.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
      await cleanup.end();
    },
  };
}

/** A connection string whose connections start in `schema` (for child processes under test). */
export function urlWithSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema},public`);
  return u.toString();
}
