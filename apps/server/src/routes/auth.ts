import { firstIssue, loginRequest, passwordChange } from '@pantau/contracts';
import {
  deleteSession,
  deleteUserSessions,
  findUserForLogin,
  markLoginAttemptOk,
  reserveLoginAttempt,
  setUserPassword,
  type Pool,
} from '@pantau/db';
import { Hono, type Context } from 'hono';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from '../auth/passwords.ts';
import { isCrossOrigin, type AuthEnv } from '../auth/principal.ts';
import {
  clearSessionCookie,
  DEFAULT_SESSION_SETTINGS,
  lookupSession,
  sessionCookie,
  startSession,
  type SessionSettings,
} from '../auth/sessions.ts';
import { clientAddress } from '../public/rate-limit.ts';

/** 429 with `Retry-After` until the oldest counted failure leaves the window. */
function locked(c: Context, oldestAt: Date | null, settings: SessionSettings, field: string) {
  const until = new Date((oldestAt?.getTime() ?? Date.now()) + settings.lockMinutes * 60_000);
  c.header('Retry-After', String(Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000))));
  return c.json(
    {
      error: {
        field,
        message: `too many failed sign-ins: try again after ${until.toISOString()}`,
        lockedUntil: until.toISOString(),
      },
    },
    429,
  );
}

export interface AuthRouteOptions {
  /** Ends a signed-out session's live connections on every node. */
  onSignOut?: (sessionIdHash: string) => void;
  /** Ends every live connection of a user on every node (its password changed). */
  onCredentialChange?: (userId: string) => void;
}

/**
 * Sign-in for people: `POST /api/auth/login`, `POST /api/auth/logout`, `GET /api/auth/session`,
 * `POST /api/auth/password`. Unknown user and wrong password answer alike (and take as long); repeated
 * failures lock the username and the address for a while.
 */
export function authRoutes(pool: Pool, options: AuthRouteOptions = {}): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const settingsOf = (c: Context<AuthEnv>) => c.get('sessionSettings') ?? DEFAULT_SESSION_SETTINGS;

  app.post('/api/auth/login', async (c) => {
    if (isCrossOrigin(c)) return c.json({ error: { field: 'origin', message: 'cross-site sign-in refused' } }, 403);
    const body = loginRequest.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: firstIssue(body.error) }, 400);
    const settings = settingsOf(c);
    const address = clientAddress(c, false);
    const { username, password } = body.data;
    // The check is reserved (counted as a failure) before the password is verified, so a parallel burst
    // cannot run more checks than the lockout allows.
    const attempt = await reserveLoginAttempt(pool, username, address, settings.lockMinutes * 60, settings.maxFailures);
    if (!attempt.ok) return locked(c, attempt.oldestAt, settings, 'username');
    const user = await findUserForLogin(pool, username);
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    if (!user || !ok || user.disabledAt)
      return c.json({ error: { field: 'password', message: 'wrong username or password' } }, 401);
    await markLoginAttemptOk(pool, attempt.id);
    const { csrfToken, expiresAt } = await startSession(c, pool, user.id, settings);
    c.header('Cache-Control', 'no-store');
    return c.json({
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        opdId: user.opdId,
        mustChangePassword: user.mustChangePassword,
      },
      csrfToken,
      expiresAt: expiresAt.toISOString(),
    });
  });

  app.get('/api/auth/session', async (c) => {
    c.header('Cache-Control', 'no-store');
    const found = await lookupSession(pool, sessionCookie(c), settingsOf(c));
    if (found.state !== 'live') {
      if (found.state === 'expired') clearSessionCookie(c);
      const message = found.state === 'expired' ? 'your session has ended: sign in again' : 'sign in first';
      return c.json({ error: { field: found.state === 'expired' ? 'session' : 'authorization', message } }, 401);
    }
    const s = found.session;
    return c.json({
      user: {
        id: s.userId,
        username: s.username,
        displayName: s.displayName,
        role: s.role,
        opdId: s.opdId,
        mustChangePassword: s.mustChangePassword,
      },
      csrfToken: s.csrfToken,
      expiresAt: found.idleExpiresAt.toISOString(),
    });
  });

  app.post('/api/auth/logout', async (c) => {
    const found = await lookupSession(pool, sessionCookie(c), settingsOf(c));
    if (found.state === 'live') {
      if (isCrossOrigin(c) || c.req.header('x-csrf-token') !== found.session.csrfToken)
        return c.json({ error: { field: 'x-csrf-token', message: 'missing or wrong CSRF token' } }, 403);
      await deleteSession(pool, found.idHash);
      options.onSignOut?.(found.idHash);
    }
    clearSessionCookie(c);
    return c.json({ signedOut: true });
  });

  app.post('/api/auth/password', async (c) => {
    const found = await lookupSession(pool, sessionCookie(c), settingsOf(c));
    if (found.state !== 'live') return c.json({ error: { field: 'session', message: 'sign in first' } }, 401);
    if (isCrossOrigin(c) || c.req.header('x-csrf-token') !== found.session.csrfToken)
      return c.json({ error: { field: 'x-csrf-token', message: 'missing or wrong CSRF token' } }, 403);
    const body = passwordChange.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: firstIssue(body.error) }, 400);
    // A stolen session must not become an unlimited password oracle: current-password checks count
    // towards the same lockout as sign-ins.
    const settings = settingsOf(c);
    const attempt = await reserveLoginAttempt(
      pool,
      found.session.username,
      clientAddress(c, false),
      settings.lockMinutes * 60,
      settings.maxFailures,
    );
    if (!attempt.ok) return locked(c, attempt.oldestAt, settings, 'currentPassword');
    const user = await findUserForLogin(pool, found.session.username);
    if (!user || !(await verifyPassword(user.passwordHash, body.data.currentPassword)))
      return c.json({ error: { field: 'currentPassword', message: 'wrong password' } }, 400);
    await markLoginAttemptOk(pool, attempt.id);
    const problem = passwordProblem(body.data.newPassword, user.username);
    if (problem) return c.json({ error: { field: 'newPassword', message: problem } }, 400);
    if (body.data.newPassword === body.data.currentPassword)
      return c.json({ error: { field: 'newPassword', message: 'choose a new password' } }, 400);
    await setUserPassword(pool, user.id, await hashPassword(body.data.newPassword), false);
    // Other sessions of this user end: a changed password must lock out whoever else had it.
    await deleteUserSessions(pool, user.id, found.idHash);
    // Its live connections too (this session's reconnect at once with the same, still valid cookie).
    options.onCredentialChange?.(user.id);
    return c.json({ changed: true });
  });
  return app;
}
