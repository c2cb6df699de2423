import { issueServiceToken } from '@pantau/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_SETTINGS } from '../auth/sessions.ts';
import { createConsoleFixture, type ConsoleFixture } from '../testing/console-fixture.ts';

/** Issue 13 item 3: at most `maxFailures` password checks per username and address per window, however timed. */
describe('sign-in lockout', () => {
  let f: ConsoleFixture;
  const max = DEFAULT_SESSION_SETTINGS.maxFailures;
  const json = { 'content-type': 'application/json' };
  const addUser = async (username: string) => {
    const admin = await issueServiceToken(f.db.pool, `adm-${username}`, 'Admin', 'admin');
    const res = await f.app.request('/api/users', {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${admin}` },
      body: JSON.stringify({ username, displayName: username, role: 'viewer' }),
    });
    return ((await res.json()) as { oneTimePassword: string }).oneTimePassword;
  };
  // app.request() has no socket: every request comes from one address, which the lockout counts too.
  const login = (username: string, password: string) =>
    f.app.request('/api/auth/login', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username, password }),
    }) as Promise<Response>;
  beforeAll(async () => {
    f = await createConsoleFixture('lockout');
  });
  afterAll(async () => f.db.drop());

  it('checks at most the allowed number of passwords when 29 wrong ones and the right one arrive at once', async () => {
    const password = await addUser('burst');
    const tries = [...Array.from({ length: 29 }, (_, i) => `salah-${i}`), password];
    const statuses = await Promise.all(tries.map((p) => login('burst', p).then((r) => r.status)));
    const checked = statuses.filter((s) => s !== 429);
    expect(checked.length, statuses.join(',')).toBeLessThanOrEqual(max);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30 - max);
  });

  it('counts wrong current passwords on a password change, and locks them out too', async () => {
    const oneTime = await addUser('changer');
    await f.db.pool.query('DELETE FROM login_attempt'); // the burst above locked this test's one address
    const signIn = await login('changer', oneTime);
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const statuses: number[] = [];
    for (let i = 0; i < max + 3; i++) {
      const res = await f.app.request('/api/auth/password', {
        method: 'POST',
        headers: { ...json, cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({ currentPassword: `salah-${i}`, newPassword: 'kata-sandi-baru-123' }),
      });
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s !== 429).length, statuses.join(',')).toBeLessThanOrEqual(max);
    expect(statuses.at(-1)).toBe(429);
  });
});
