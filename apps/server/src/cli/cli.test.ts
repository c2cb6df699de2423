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
    expect(intact).toMatchObject({ code: 0, stdout: 'audit log intact: 4 entries\n' });
    // Only a superuser can get past the append-only trigger; the chain still tells.
    await db.pool.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await db.pool.query(`UPDATE audit_log SET details = '{"text": "diubah"}' WHERE seq = 3`);
    await db.pool.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    const broken = await cli('verify-audit.ts');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('audit log BROKEN at entry 3 of 4: its content does not match its hash\n');
  });
});
