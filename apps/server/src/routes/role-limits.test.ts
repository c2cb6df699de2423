import { issueWallDevice, wallOverrides } from '@pantau/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleFixture, type ConsoleFixture } from '../testing/console-fixture.ts';

/** Issue 13 items 8 and 9: read-only roles stay read-only; a one-time password only lets you change it. */
describe('what a role or a session may not do', () => {
  let f: ConsoleFixture;
  beforeAll(async () => {
    f = await createConsoleFixture('rolelimits');
    await issueWallDevice(f.db.pool, 'layar-gubernur', 'Layar Gubernur');
  });
  afterAll(async () => f.db.drop());

  it('refuses a viewer and an OPD admin sending or releasing a view on a wall screen', async () => {
    for (const who of ['viewer', 'opdA'] as const) {
      const show = await f.call(who, 'POST', '/api/wall/screens/layar-gubernur/show', { scene: 'ringkasan' });
      expect(show.status, who).toBe(403);
      expect((await f.call(who, 'DELETE', '/api/wall/screens/layar-gubernur/show')).status, who).toBe(403);
      expect((await f.call(who, 'GET', '/api/wall/screens')).status, who).toBe(403);
    }
    expect(await wallOverrides(f.db.pool)).toEqual({});
  });

  it('lets a duty officer send a view, and the wall learns who sent it', async () => {
    const show = await f.call('duty', 'POST', '/api/wall/screens/layar-gubernur/show', { scene: 'ringkasan' });
    expect(show.status).toBe(200);
    expect((await wallOverrides(f.db.pool))['layar-gubernur']).toMatchObject({ scene: 'ringkasan', sentBy: 'Piket' });
    expect((await f.call('duty', 'DELETE', '/api/wall/screens/layar-gubernur/show')).status).toBe(200);
  });

  it('lets a session signed in with a one-time password read nothing but its own session until it changes it', async () => {
    const created = await f.call('admin', 'POST', '/api/users', {
      username: 'adminotp',
      displayName: 'Admin Baru',
      role: 'admin',
    });
    const { oneTimePassword } = (await created.json()) as { oneTimePassword: string };
    const login = await f.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'adminotp', password: oneTimePassword }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const get = (path: string) => f.app.request(path, { headers: { cookie } }) as Promise<Response>;
    for (const path of ['/api/complaints', '/api/worklist', '/api/audit', '/api/users', '/api/devices']) {
      const res = await get(path);
      expect(res.status, path).toBe(403);
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe('password');
    }
    expect((await get('/api/auth/session')).status).toBe(200);
    const changed = await f.app.request('/api/auth/password', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ currentPassword: oneTimePassword, newPassword: 'kata-sandi-baru-789' }),
    });
    expect(changed.status, await changed.clone().text()).toBe(200);
    expect((await get('/api/audit')).status).toBe(200);
  });
});
