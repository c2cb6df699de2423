import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createPool, issueSourceKey, verifyAuditChain, type Pool } from '@pantau/db';
import { testDatabaseUrl } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { createLogger, loadEnv, startServer, type RunningServer } from '@pantau/server';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, '../..');
const pack = loadProvincePack('kalteng');

/**
 * docs/operations.md's backup and restore, run as written: pg_dump of a live installation, the database
 * destroyed, pg_restore into a new empty one, `pnpm cli verify-audit`, a node started on it. Needs a
 * pg_dump at least as new as the server (PostgreSQL refuses an older one); skipped, saying so, without.
 */
async function pgDumpUsable(url: string): Promise<string | null> {
  try {
    const { stdout } = await run('pg_dump', ['--version']);
    const client = Number(/(\d+)\.\d+/.exec(stdout)?.[1]);
    const pool = createPool({ connectionString: url, max: 1 });
    const { rows } = await pool
      .query<{ v: string }>("SELECT current_setting('server_version_num') AS v")
      .finally(() => pool.end());
    const server = Math.floor(Number(rows[0]!.v) / 10_000);
    return client >= server ? null : `pg_dump ${client} cannot dump PostgreSQL ${server}`;
  } catch (err) {
    return `no usable pg_dump (${(err as Error).message.split('\n')[0]})`;
  }
}

const baseUrl = testDatabaseUrl();
const unusable = await pgDumpUsable(baseUrl);
if (unusable) console.warn(`backup/restore test skipped: ${unusable}`);

const databaseUrl = (name: string) => {
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  u.search = '';
  return u.toString();
};

/** Every row of the tables that hold the figures and the trail, hashed table by table. */
async function fingerprint(pool: Pool): Promise<Record<string, string>> {
  const tables = [
    'complaint',
    'complaint_event',
    'escalation',
    'audit_log',
    'complaint_rollup_day',
    'complaint_stock',
    'live_seq',
    'app_user',
  ];
  const out: Record<string, string> = {};
  for (const t of tables) {
    const { rows } = await pool.query<{ n: number; h: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM ${t} x`,
    );
    out[t] = `${rows[0]!.n}:${rows[0]!.h}`;
  }
  return out;
}

const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const lateComplaint = (id: string, opdId: string) => [
  {
    externalId: id,
    event: {
      type: 'submitted',
      eventId: 's',
      occurredAt: ago(30),
      trackingId: id,
      channel: 'web',
      classification: 'pengaduan',
      topic: 'Jalan',
      title: `Jalan rusak ${id}`,
      body: 'Lubang besar di jalan.',
      regencyCode: pack.capitalRegencyCode,
      isRahasia: false,
    },
  },
  { externalId: id, event: { type: 'verified', eventId: 'v', occurredAt: ago(29), opdId } },
];

describe.skipIf(unusable !== null)('backup and restore with pg_dump / pg_restore', () => {
  const name = `pantau_backup_${process.pid}_${Date.now().toString(36)}`;
  const url = databaseUrl(name);
  const admin = createPool({ connectionString: baseUrl, max: 1 });
  let server: RunningServer | undefined;
  let dir: string | undefined;
  const start = async () =>
    startServer(
      loadEnv({
        DATABASE_URL: url,
        PORT: '0',
        PANTAU_DEMO: 'off',
        PANTAU_WATCH_SECONDS: '1',
        PANTAU_SHUTDOWN_GRACE_SECONDS: '0',
      }),
      createLogger('silent'),
    );

  afterAll(async () => {
    await server?.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('backs up a live installation, restores it into a new database with the same figures and an intact audit chain', async () => {
    await admin.query(`CREATE DATABASE ${name}`);
    server = await start();
    // Late complaints: the watcher escalates them, which writes the audit trail.
    const key = await issueSourceKey(server.pool, 'backup-test', 'Backup test');
    const items = ['9900001', '9900002', '9900003'].flatMap((id, i) => lateComplaint(id, pack.opds[i]!.id));
    const res = await fetch(`${server.url}/api/ingest/complaints`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ source: 'backup-test', items }),
    });
    expect(await res.json()).toMatchObject({ accepted: 6 });
    await expect
      .poll(
        async () => (await server!.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n,
        {
          timeout: 20_000,
        },
      )
      .toBeGreaterThan(0);

    // pg_dump takes a consistent snapshot while nodes run; the node is stopped here only so the figures
    // compared below cannot move between the dump and their reading.
    dir = await mkdtemp(path.join(os.tmpdir(), 'pantau-backup-'));
    const file = path.join(dir, 'pantau.dump');
    await server.close();
    server = undefined;
    const figures = await (async () => {
      const pool = createPool({ connectionString: url, max: 1 });
      try {
        return { tables: await fingerprint(pool), audit: await verifyAuditChain(pool) };
      } finally {
        await pool.end();
      }
    })();
    expect(figures.audit).toMatchObject({ ok: true });
    expect(figures.audit.entries).toBeGreaterThan(0);
    await run('pg_dump', ['--format=custom', `--file=${file}`, url]);

    // Disaster: the database is gone.
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);

    // Restore into a new, empty database.
    await admin.query(`CREATE DATABASE ${name}`);
    await run('pg_restore', ['--no-owner', `--dbname=${url}`, file]);
    const check = await run(process.execPath, [path.join(REPO, 'scripts/cli.mjs'), 'verify-audit'], {
      cwd: REPO,
      env: { ...process.env, DATABASE_URL: url },
    });
    expect(check.stdout).toMatch(/audit log intact: \d+ entries/);
    const pool = createPool({ connectionString: url, max: 1 });
    try {
      expect(await fingerprint(pool)).toEqual(figures.tables);
      expect(await verifyAuditChain(pool)).toEqual(figures.audit);
    } finally {
      await pool.end();
    }

    // A node starts on the restored database and serves the same complaints.
    server = await start();
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const summary = await fetch(`${server.url}/api/public/v1/summary`);
    expect(summary.status).toBe(200);
  });
});
