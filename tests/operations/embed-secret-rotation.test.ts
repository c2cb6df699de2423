import { issueServiceToken } from '@pantau/db';
import { createTestDatabase, urlWithSchema, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { createLogger, loadEnv, startServer, type RunningServer } from '@pantau/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const pack = loadProvincePack('kalteng');
const opd = pack.opds[0]!.id;

/**
 * docs/operations.md "Rotating secrets", the embed secret, run as written: a restricted widget token
 * signed under the old secret stops working after the restart with the new one, a token issued after it
 * works, and public widgets never notice. Both ways: PANTAU_EMBED_SECRET changed, and the generated
 * secret's row deleted.
 */
describe('rotating the embed secret', () => {
  let db: TestDatabase;
  let node: RunningServer | undefined;
  let adminToken: string;
  const start = async (embedSecret?: string) => {
    await node?.close();
    node = await startServer(
      loadEnv({
        DATABASE_URL: urlWithSchema(db.url, db.schema),
        PORT: '0',
        PANTAU_DEMO: 'off',
        PANTAU_SHUTDOWN_GRACE_SECONDS: '0',
        ...(embedSecret ? { PANTAU_EMBED_SECRET: embedSecret } : {}),
      }),
      createLogger('silent'),
    );
    return node;
  };
  const issue = async () => {
    const res = await fetch(`${node!.url}/api/widgets/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'Situs dinas', kinds: ['late'], opds: [opd] }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return ((await res.json()) as { token: string }).token;
  };
  const restricted = async (token: string) =>
    (await fetch(`${node!.url}/embed/late?scope=${opd}&token=${encodeURIComponent(token)}`)).status;
  const publicWidget = async () => (await fetch(`${node!.url}/embed/kpi?scope=${opd}`)).status;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false, label: 'embedrotate' });
  });
  afterAll(async () => {
    await node?.close();
    await db?.drop();
  });

  it('with PANTAU_EMBED_SECRET: the old tokens stop, new ones work, public widgets are untouched', async () => {
    await start('old-secret-0123456789abcdef-0123456789');
    adminToken = await issueServiceToken(node!.pool, 'ops-admin', 'Operator', 'admin');
    const before = await issue();
    expect(await restricted(before)).toBe(200);

    await start('new-secret-fedcba9876543210-9876543210');
    expect(await restricted(before)).toBe(401);
    expect(await publicWidget()).toBe(200);
    expect(await restricted(await issue())).toBe(200);
  });

  it('with the generated secret: deleting its row and restarting rotates it', async () => {
    await start();
    const before = await issue();
    expect(await restricted(before)).toBe(200);

    await node!.pool.query('DELETE FROM embed_secret');
    await start();
    expect(await restricted(before)).toBe(401);
    expect(await publicWidget()).toBe(200);
    expect(await restricted(await issue())).toBe(200);
  });
});
