import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { appendAudit, loadWorkingCalendar, seedProvincePack, withTransaction } from '@pantau/db';
import { createTestDatabase, urlWithSchema, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createLogger } from '../logger.ts';

const pack = loadProvincePack('kalsel');

describe('operator CLIs', () => {
  let db: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const cli = (script: string, ...args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, script), ...args], {
      env: { ...process.env, DATABASE_URL: urlWithSchema(db.url, db.schema), PANTAU_PROVINCE: 'kalsel' },
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
  const ingest = (key: string) =>
    app.request('/api/ingest/complaints', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ source: 'sms-gw', items: [] }),
    });

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'cli' });
    await seedProvincePack(db.pool, pack);
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    app = createApp({
      pool: db.pool,
      pack,
      logger: createLogger('silent'),
      webDist: '/nonexistent',
      complaints: { pack, calendar: () => calendar },
    });
  });
  afterAll(async () => db.drop());

  it('user add prints a one-time password that signs in; reset-password replaces it; disable ends sign-in', async () => {
    const login = (username: string, password: string) =>
      app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
    const added = await cli('user.ts', 'add', 'ani', 'opd_admin', pack.opds[0]!.id, 'Ani', 'Admin');
    expect(added.code).toBe(0);
    const first = added.stdout.trim();
    expect(first).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const res = await login('ani', first);
    expect(res.status).toBe(200);
    expect((await res.json()).user).toMatchObject({
      role: 'opd_admin',
      displayName: 'Ani Admin',
      mustChangePassword: true,
    });
    expect((await cli('user.ts', 'add', 'ani', 'viewer')).code).toBe(1);
    expect((await cli('user.ts', 'add', 'budi', 'opd_admin')).code).toBe(2);
    const reset = await cli('user.ts', 'reset-password', 'ani');
    expect((await login('ani', first)).status).toBe(401);
    expect((await login('ani', reset.stdout.trim())).status).toBe(200);
    expect((await cli('user.ts', 'list')).stdout).toMatch(/^ani\topd_admin\t/m);
    await cli('user.ts', 'disable', 'ani');
    expect((await login('ani', reset.stdout.trim())).status).toBe(401);
  });

  it('source-key add prints a key that the ingest API accepts; revoke makes it answer 401', async () => {
    const added = await cli('source-key.ts', 'add', 'sms-gw', 'SMS gateway');
    expect(added.code).toBe(0);
    const key = added.stdout.trim();
    expect(key).toMatch(/^src_[\w-]{20,}$/);
    // An empty batch is a shape error, but only after the key was accepted (400, not 401).
    expect((await ingest(key)).status).toBe(400);
    const list = await cli('source-key.ts', 'list');
    expect(list.stdout).toMatch(/^sms-gw\tkey\tlast delivery never\tSMS gateway$/m);
    expect(list.stdout).not.toContain(key);
    expect((await cli('source-key.ts', 'revoke', 'sms-gw')).code).toBe(0);
    expect((await ingest(key)).status).toBe(401);
    expect((await cli('source-key.ts', 'revoke', 'no-such')).code).toBe(1);
    expect((await cli('source-key.ts', 'add', 'Bad Name!')).code).toBe(2);
    // The older form without a command still adds.
    const legacy = await cli('source-key.ts', 'lapor-kalsel', 'LAPOR sync');
    expect(legacy.stdout.trim()).toMatch(/^src_/);
    expect((await cli('source-key.ts', 'list')).stdout).toMatch(/^lapor-kalsel\tkey\t/m);
  });

  it('verify-audit passes an intact chain and names the first tampered entry', async () => {
    // Other CLIs above write audit entries too (user changes).
    const before = Number((await db.pool.query('SELECT count(*) AS n FROM audit_log')).rows[0].n);
    for (let i = 1; i <= 4; i++) {
      await withTransaction(db.pool, (client) =>
        appendAudit(client, {
          actor: 'user:duty',
          action: 'complaint.note',
          entity: 'complaint',
          entityId: String(i),
          details: { text: `catatan ${i}` },
        }),
      );
    }
    const intact = await cli('verify-audit.ts');
    expect(intact).toMatchObject({ code: 0, stdout: `audit log intact: ${before + 4} entries\n` });
    // Only a superuser can get past the append-only trigger; the chain still tells.
    await db.pool.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await db.pool.query(`UPDATE audit_log SET details = '{"text": "diubah"}' WHERE seq = $1`, [before + 3]);
    await db.pool.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    const broken = await cli('verify-audit.ts');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe(
      `audit log BROKEN at entry ${before + 3} of ${before + 4}: its content does not match its hash\n`,
    );
  });
});
