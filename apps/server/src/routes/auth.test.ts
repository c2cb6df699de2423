import { issueServiceToken, seedProvincePack, loadWorkingCalendar } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { DEFAULT_SESSION_SETTINGS, type SessionSettings } from '../auth/sessions.ts';
import { createLogger } from '../logger.ts';

const pack = loadProvincePack('kalteng');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sign-in, sessions and CSRF', () => {
  let db: TestDatabase;
  let adminToken = '';
  const appWith = async (sessions: Partial<SessionSettings> = {}) => {
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    return createApp({
      pool: db.pool,
      pack,
      logger: createLogger('silent'),
      webDist: '/nonexistent',
      complaints: { pack, calendar: () => calendar },
      sessions: { ...DEFAULT_SESSION_SETTINGS, ...sessions },
    });
  };
  type App = Awaited<ReturnType<typeof appWith>>;
  const json = { 'content-type': 'application/json' };
  /** Adds a user through the admin API and returns its one-time password. */
  const addUser = async (app: App, body: object) => {
    const res = await app.request('/api/users', {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${adminToken}` },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { oneTimePassword: string }).oneTimePassword;
  };
  const login = async (app: App, username: string, password: string, headers: Record<string, string> = {}) => {
    const res = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { ...json, ...headers },
      body: JSON.stringify({ username, password }),
    });
    const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
    const body = res.status === 200 ? ((await res.json()) as { csrfToken: string }) : null;
    return { res, cookie, csrf: body?.csrfToken ?? '' };
  };
  /** Signs in with a one-time password and replaces it, as the console makes a new user do. */
  const firstSignIn = async (app: App, username: string, oneTime: string, password = 'rahasia-baru-123') => {
    const s = await login(app, username, oneTime);
    const changed = await app.request('/api/auth/password', {
      method: 'POST',
      headers: { ...json, cookie: s.cookie, 'x-csrf-token': s.csrf },
      body: JSON.stringify({ currentPassword: oneTime, newPassword: password }),
    });
    expect(changed.status).toBe(200);
    return login(app, username, password);
  };

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'auth' });
    await seedProvincePack(db.pool, pack);
    adminToken = await issueServiceToken(db.pool, 'root', 'Root', 'admin');
  });
  afterAll(async () => db.drop());

  it('signs in with an httpOnly SameSite cookie, and the session reads the signed-in API', async () => {
    const app = await appWith();
    const oneTime = await addUser(app, { username: 'siti', displayName: 'Siti Piket', role: 'duty_officer' });
    const first = await login(app, 'siti', oneTime);
    expect(first.res.status).toBe(200);
    expect(first.res.headers.get('set-cookie')).toMatch(
      /pantau_session=[\w-]{40,}; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax/,
    );
    const session = await (await app.request('/api/auth/session', { headers: { cookie: first.cookie } })).json();
    expect(session.user).toMatchObject({ username: 'siti', role: 'duty_officer', mustChangePassword: true });
    // A one-time-password session reads nothing until the password is changed (role-limits.test.ts).
    expect((await app.request('/api/complaints', { headers: { cookie: first.cookie } })).status).toBe(403);
    expect((await app.request('/api/complaints')).status).toBe(401);
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const app = await appWith();
    const a = await login(app, 'siti', 'salah-sekali-123');
    const b = await login(app, 'tidak-ada', 'salah-sekali-123');
    expect(a.res.status).toBe(401);
    expect(b.res.status).toBe(401);
    // The same error (each answer carries its own request id, which says nothing about the account).
    expect((await a.res.json()).error).toEqual((await b.res.json()).error);
    expect(a.cookie).toBe('');
  });

  it('holds every change until a one-time password is replaced, then ends the other sessions', async () => {
    const app = await appWith();
    const oneTime = await addUser(app, { username: 'budi', displayName: 'Budi', role: 'duty_officer' });
    const s1 = await login(app, 'budi', oneTime);
    const s2 = await login(app, 'budi', oneTime);
    const blocked = await app.request('/api/complaints/1/actions', {
      method: 'POST',
      headers: { ...json, cookie: s1.cookie, 'x-csrf-token': s1.csrf },
      body: '{}',
    });
    expect(blocked.status).toBe(403);
    expect((await blocked.json()).error.field).toBe('password');
    const weak = await app.request('/api/auth/password', {
      method: 'POST',
      headers: { ...json, cookie: s1.cookie, 'x-csrf-token': s1.csrf },
      body: JSON.stringify({ currentPassword: oneTime, newPassword: 'pendek' }),
    });
    expect((await weak.json()).error.field).toBe('newPassword');
    const ok = await app.request('/api/auth/password', {
      method: 'POST',
      headers: { ...json, cookie: s1.cookie, 'x-csrf-token': s1.csrf },
      body: JSON.stringify({ currentPassword: oneTime, newPassword: 'kata-sandi-baru-9' }),
    });
    expect(ok.status).toBe(200);
    expect((await app.request('/api/auth/session', { headers: { cookie: s1.cookie } })).status).toBe(200);
    expect((await app.request('/api/auth/session', { headers: { cookie: s2.cookie } })).status).toBe(401);
    expect((await login(app, 'budi', oneTime)).res.status).toBe(401);
    expect((await login(app, 'budi', 'kata-sandi-baru-9')).res.status).toBe(200);
  });

  it('refuses a session’s mutation without its CSRF token or from another site; a bearer token needs neither', async () => {
    const app = await appWith();
    const oneTime = await addUser(app, { username: 'rina', displayName: 'Rina', role: 'admin' });
    const s = await firstSignIn(app, 'rina', oneTime);
    const post = (headers: Record<string, string>) =>
      app.request('/api/devices', {
        method: 'POST',
        headers: { ...json, ...headers },
        body: JSON.stringify({ name: 'Layar lobi' }),
      });
    const noToken = await post({ cookie: s.cookie });
    expect(noToken.status).toBe(403);
    expect((await noToken.json()).error.field).toBe('x-csrf-token');
    expect((await post({ cookie: s.cookie, 'x-csrf-token': 'tebakan' })).status).toBe(403);
    const crossSite = await post({
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      origin: 'https://evil.example',
      host: 'pantau.local',
    });
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).error.field).toBe('origin');
    expect((await post({ cookie: s.cookie, 'x-csrf-token': s.csrf })).status).toBe(201);
    expect((await post({ authorization: `Bearer ${adminToken}` })).status).toBe(201);
    // Signing in from another site is refused too (login CSRF).
    expect(
      (await login(app, 'rina', 'rahasia-baru-123', { origin: 'https://evil.example', host: 'pantau.local' })).res
        .status,
    ).toBe(403);
  });

  it('locks a username and an address after repeated failures, and unlocks after the window', async () => {
    const app = await appWith({ maxFailures: 3, lockMinutes: 0.05 });
    const oneTime = await addUser(app, { username: 'dewi', displayName: 'Dewi', role: 'viewer' });
    for (let i = 0; i < 3; i++) expect((await login(app, 'dewi', `salah-${i}-xxxxxx`)).res.status).toBe(401);
    const locked = await login(app, 'dewi', oneTime);
    expect(locked.res.status).toBe(429);
    expect(locked.res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await locked.res.json()).error.lockedUntil).toMatch(/^\d{4}-/);
    // The same address is locked for other usernames too (password spraying).
    expect((await login(app, 'siti', 'whatever-123456')).res.status).toBe(429);
    await sleep(3_200);
    expect((await login(app, 'dewi', oneTime)).res.status).toBe(200);
  });

  it('ends a session after its idle time, and after its absolute lifetime even when active', async () => {
    const idle = await appWith({ idleMinutes: 0.04 });
    const oneTime = await addUser(idle, { username: 'eko', displayName: 'Eko', role: 'viewer' });
    const s = await firstSignIn(idle, 'eko', oneTime);
    await sleep(2_700);
    const expired = await idle.request('/api/complaints', { headers: { cookie: s.cookie } });
    expect(expired.status).toBe(401);
    expect((await expired.json()).error.field).toBe('session');

    const short = await appWith({ maxHours: 0.0008 }); // ~2.9 s
    const again = await login(short, 'eko', 'rahasia-baru-123');
    for (let i = 0; i < 3; i++) {
      await sleep(800);
      expect((await short.request('/api/auth/session', { headers: { cookie: again.cookie } })).status).toBe(200);
    }
    await sleep(800);
    expect((await short.request('/api/auth/session', { headers: { cookie: again.cookie } })).status).toBe(401);
  });

  it('signs out: the cookie stops working', async () => {
    const app = await appWith();
    const s = await login(app, 'budi', 'kata-sandi-baru-9');
    expect((await app.request('/api/auth/logout', { method: 'POST', headers: { cookie: s.cookie } })).status).toBe(403);
    expect(
      (await app.request('/api/auth/logout', { method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } }))
        .status,
    ).toBe(200);
    expect((await app.request('/api/auth/session', { headers: { cookie: s.cookie } })).status).toBe(401);
  });
});
