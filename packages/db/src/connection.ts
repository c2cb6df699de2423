import pg from 'pg';

/** Limits for a server pool; tests and CLIs pass smaller ones. */
export interface PoolOptions {
  connectionString: string;
  /** Schema to put first on the search_path; every query is unqualified, so a schema isolates a test. */
  schema?: string;
  /** @default 10 */
  max?: number;
  /** Milliseconds a statement may run before PostgreSQL cancels it. @default 30000 */
  statementTimeoutMs?: number;
  application?: string;
}

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

// PostgreSQL returns int8 (count(*), bigint ids) as text by default; every count Pantau reads fits in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// `date` columns are calendar days, not instants: keep them as 'YYYY-MM-DD' rather than a local-midnight Date.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/** Creates a pool with sane limits; connection errors on idle clients are reported, never thrown. */
export function createPool(options: PoolOptions): Pool {
  const searchPath = options.schema ? `-c search_path=${quoteIdent(options.schema)},public` : '';
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    application_name: options.application ?? 'pantau',
    options: searchPath || undefined,
  });
  pool.on('error', (err) => {
    // An idle client lost its connection (server restart); the pool drops it and reconnects on demand.
    console.error('[pantau:db] idle client error:', err.message);
  });
  // pg-pool removes its error listener while a client is checked out; a connection that drops between
  // two queries of a transaction would then crash the process. The next query on it fails instead.
  const guarded = new WeakSet<pg.PoolClient>();
  pool.on('acquire', (client) => {
    if (guarded.has(client)) return;
    guarded.add(client);
    client.on('error', () => undefined);
  });
  return pool;
}

/** Quotes an SQL identifier (schema names come from tests and configuration, never from requests). */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Runs `fn` inside one transaction; rolls back on any error and rethrows it. */
export async function withTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
