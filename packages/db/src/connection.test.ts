import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, type Pool } from './connection.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

describe('pool', () => {
  let db: TestDatabase;
  let pool: Pool;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false, label: 'pool' });
    pool = createPool({
      connectionString: db.url,
      schema: db.schema,
      max: 2,
      application: `pantau-pooltest-${db.schema}`,
    });
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('a connection cut while a client is checked out between two queries fails that query instead of crashing the process', async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown) => uncaught.push(err);
    process.on('uncaughtException', onUncaught);
    try {
      const client = await pool.connect();
      await client.query('BEGIN');
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await db.pool.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      await new Promise((r) => setTimeout(r, 300)); // the socket closes while nobody is querying
      await expect(client.query('SELECT 1')).rejects.toThrow();
      client.release(true);
      // The pool carries on with a fresh connection.
      expect((await pool.query<{ ok: number }>('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(uncaught).toEqual([]);
  });
});
