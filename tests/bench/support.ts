import path from 'node:path';
import { createPool, migrate, quoteIdent, startEmbeddedPostgres, type EmbeddedDatabase, type Pool } from '@pantau/db';

export interface BenchDatabase {
  url: string;
  schema: string;
  pool: Pool;
  close(): Promise<void>;
}

let embedded: EmbeddedDatabase | undefined;

/** A fresh migrated schema for one benchmark on DATABASE_URL or the embedded server. */
export async function benchDatabase(label: string): Promise<BenchDatabase> {
  let url = process.env.DATABASE_URL;
  if (!url) {
    embedded ??= await startEmbeddedPostgres({
      dataDir: path.resolve(import.meta.dirname, '../../.pantau/bench-pgdata'),
    });
    url = embedded.url;
  }
  const schema = `bench_${label}_${Date.now().toString(36)}`;
  const admin = createPool({ connectionString: url, max: 1 });
  await admin.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
  await admin.end();
  const pool = createPool({ connectionString: url, schema, max: 20, statementTimeoutMs: 600_000 });
  await migrate(pool);
  return {
    url,
    schema,
    pool,
    async close() {
      await pool.end();
      const cleanup = createPool({ connectionString: url, max: 1 });
      await cleanup.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
      await cleanup.end();
    },
  };
}

export async function stopBenchDatabase(): Promise<void> {
  await embedded?.stop();
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(samples: number[]): { n: number; p50: number; p95: number; p99: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s[s.length - 1] ?? NaN,
  };
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

export interface BenchResult {
  name: string;
  lines: string[];
}
