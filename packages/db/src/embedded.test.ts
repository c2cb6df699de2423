import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded.ts';

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('starts from nothing, keeps its data across a restart, and stops cleanly', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pantau-embedded-'));
    await chmod(dir, 0o755); // mkdtemp makes it private; the server runs as the postgres user when we are root
    const dataDir = path.join(dir, 'cluster', 'pgdata');

    const first = await startEmbeddedPostgres({ dataDir });
    expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
    await query(first.url, `CREATE TABLE kept (note text); INSERT INTO kept VALUES ('masih ada')`);
    const [version] = await query<{ server_version_num: string }>(first.url, 'SHOW server_version_num');
    expect(Number(version?.server_version_num)).toBeGreaterThanOrEqual(150000);
    await first.stop();
    // Stopped means stopped: a new connection is refused.
    await expect(query(first.url, 'SELECT 1')).rejects.toThrow();
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      const rows = await query<{ note: string }>(second.url, 'SELECT note FROM kept');
      expect(rows).toEqual([{ note: 'masih ada' }]);
    } finally {
      await second.stop();
    }
  }, 120_000);
});
