import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing.ts';
import { loadMigrations, migrate, migrationsApplied } from './migrate.ts';

describe('migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false, label: 'migrate' });
  });
  afterAll(async () => db.drop());

  it('apply every shipped migration to an empty schema and record them', async () => {
    const shipped = await loadMigrations();
    expect(shipped.length).toBeGreaterThan(0);
    expect(await db.pool.query(`SELECT to_regclass('province') AS t`).then((r) => r.rows[0].t)).toBeNull();
    const result = await migrate(db.pool);
    expect(result.applied).toEqual(shipped.map((m) => m.name));
    const { rows } = await db.pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(shipped.map((m) => m.version));
    expect(await db.pool.query(`SELECT to_regclass('province') AS t`).then((r) => r.rows[0].t)).toBe('province');
    expect(await migrationsApplied(db.pool)).toBe(true);
  });

  it('re-applying is a no-op', async () => {
    const before = await db.pool.query('SELECT version, applied_at FROM schema_migrations ORDER BY version');
    const result = await migrate(db.pool);
    expect(result.applied).toEqual([]);
    const after = await db.pool.query('SELECT version, applied_at FROM schema_migrations ORDER BY version');
    expect(after.rows).toEqual(before.rows);
  });

  it('refuses to run when an applied migration file was edited', async () => {
    const shipped = await loadMigrations();
    const edited = shipped.map((m, i) => (i === 0 ? { ...m, checksum: 'edited', sql: m.sql + '\n-- edit' } : m));
    await expect(migrate(db.pool, edited)).rejects.toThrow(/edited after it was applied/);
  });

  it('rolls back a failing migration and records nothing of it', async () => {
    const shipped = await loadMigrations();
    const broken = [
      ...shipped,
      {
        version: 9999,
        name: '9999_broken.sql',
        sql: 'CREATE TABLE ok_part (id int); SELECT * FROM no_such_table;',
        checksum: 'x',
      },
    ];
    await expect(migrate(db.pool, broken)).rejects.toThrow(/no_such_table/);
    expect(await db.pool.query(`SELECT to_regclass('ok_part') AS t`).then((r) => r.rows[0].t)).toBeNull();
    const { rowCount } = await db.pool.query('SELECT 1 FROM schema_migrations WHERE version = 9999');
    expect(rowCount).toBe(0);
  });
});

describe('concurrent migration', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false, label: 'concurrent' });
  });
  afterAll(async () => db.drop());

  it('two nodes migrating one empty schema at once apply each migration exactly once', async () => {
    const nodeA = db.newPool(2);
    const nodeB = db.newPool(2);
    const [a, b] = await Promise.all([migrate(nodeA), migrate(nodeB)]);
    const shipped = await loadMigrations();
    // One node applied everything, the other found it done.
    expect([a.applied.length, b.applied.length].sort()).toEqual([0, shipped.length]);
    const { rows } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(rows[0]?.n).toBe(shipped.length);
  });
});
