import { findServiceToken, type Pool, type Role } from '@pantau/db';
import type { Context, MiddlewareHandler } from 'hono';
import { DEFAULT_SESSION_SETTINGS, lookupSession, sessionCookie, type SessionSettings } from './sessions.ts';

/** Who is asking: a person signed in with a session, or a holder of an API token. */
export interface Principal {
  id: string;
  role: Role;
  /** For opd_admin: the only OPD it may see and act on. */
  opdId: string | null;
  /** How it proved who it is; only a session is ambient (a cookie), so only it needs a CSRF token. */
  via?: 'session' | 'token';
  /** The person's display name (sessions). */
  name?: string;
}

export type AuthEnv = { Variables: { principal: Principal; sessionSettings: SessionSettings } };

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A cross-site request carries a foreign Origin; same-origin requests and non-browser clients do not. */
export function isCrossOrigin(c: Context): boolean {
  const origin = c.req.header('origin');
  if (!origin) return false;
  const host = c.req.header('x-forwarded-host') ?? c.req.header('host');
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * Requires a signed-in principal: a session cookie (console, dashboard) or `Authorization: Bearer
 * <token>` (scripts, connectors). A session's mutations must carry its CSRF token in `X-CSRF-Token` and
 * come from this origin. 401 when nobody is signed in or the session expired (`field: session`).
 */
export function requirePrincipal(pool: Pool): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const m = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
    if (m) {
      const holder = await findServiceToken(pool, m[1]!);
      if (!holder) return c.json({ error: { field: 'authorization', message: 'sign in first' } }, 401);
      c.set('principal', { ...holder, via: 'token' });
      return next();
    }
    const settings = c.get('sessionSettings') ?? DEFAULT_SESSION_SETTINGS;
    const found = await lookupSession(pool, sessionCookie(c), settings);
    if (found.state !== 'live') {
      const message = found.state === 'expired' ? 'your session has ended: sign in again' : 'sign in first';
      return c.json({ error: { field: found.state === 'expired' ? 'session' : 'authorization', message } }, 401);
    }
    if (UNSAFE.has(c.req.method)) {
      if (isCrossOrigin(c)) return c.json({ error: { field: 'origin', message: 'cross-site request refused' } }, 403);
      if (c.req.header('x-csrf-token') !== found.session.csrfToken)
        return c.json({ error: { field: 'x-csrf-token', message: 'missing or wrong CSRF token' } }, 403);
    }
    // A one-time password is for choosing one's own: until then the session reads and changes nothing
    // (only /api/auth/session and /api/auth/password, which do not pass here). Whoever intercepted the
    // one-time password gets no data with it.
    if (found.session.mustChangePassword)
      return c.json({ error: { field: 'password', message: 'change your one-time password first' } }, 403);
    const s = found.session;
    c.set('principal', { id: s.userId, role: s.role, opdId: s.opdId, via: 'session', name: s.displayName });
    await next();
  };
}
