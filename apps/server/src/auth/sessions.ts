import { createHash, randomBytes } from 'node:crypto';
import { deleteSession, findSession, insertSession, touchSession, type Pool, type SessionRow } from '@pantau/db';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'pantau_session';

export interface SessionSettings {
  /** Minutes of inactivity after which a session ends. @default 30 */
  idleMinutes: number;
  /** Hours after sign-in after which a session ends whatever happens. @default 12 */
  maxHours: number;
  /** Failed sign-ins (per username and per address) before a lockout. @default 5 */
  maxFailures: number;
  /** How long failures count, and so how long a lockout lasts. @default 15 */
  lockMinutes: number;
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = {
  idleMinutes: 30,
  maxHours: 12,
  maxFailures: 5,
  lockMinutes: 15,
};

/** The session settings of an environment (apps/server/src/env.ts). */
export function sessionSettingsOf(env: {
  PANTAU_SESSION_IDLE_MINUTES: number;
  PANTAU_SESSION_MAX_HOURS: number;
  PANTAU_LOGIN_MAX_FAILURES: number;
  PANTAU_LOGIN_LOCK_MINUTES: number;
}): SessionSettings {
  return {
    idleMinutes: env.PANTAU_SESSION_IDLE_MINUTES,
    maxHours: env.PANTAU_SESSION_MAX_HOURS,
    maxFailures: env.PANTAU_LOGIN_MAX_FAILURES,
    lockMinutes: env.PANTAU_LOGIN_LOCK_MINUTES,
  };
}

export const hashSessionId = (id: string): string => createHash('sha256').update(id).digest('hex');

/** Starts a session: a random id in an httpOnly, SameSite cookie; only its hash is stored. */
export async function startSession(
  c: Context,
  pool: Pool,
  userId: string,
  settings: SessionSettings,
): Promise<{ csrfToken: string; expiresAt: Date }> {
  const id = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + settings.maxHours * 3_600_000);
  await insertSession(pool, { idHash: hashSessionId(id), userId, csrfToken, expiresAt });
  setCookie(c, SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https',
    maxAge: settings.maxHours * 3600,
  });
  return { csrfToken, expiresAt };
}

export type SessionLookup =
  | { state: 'none' }
  | { state: 'expired' }
  | { state: 'live'; idHash: string; session: SessionRow; idleExpiresAt: Date };

/**
 * Reads the session a cookie value names. Past its idle or absolute expiry it is deleted and reported
 * `expired` (so the UI can send the user to sign in and back); a live one is touched at most once a
 * minute, which slides the idle expiry without a write per request.
 */
export async function lookupSession(
  pool: Pool,
  cookie: string | undefined,
  settings: SessionSettings,
): Promise<SessionLookup> {
  if (!cookie || cookie.length > 100) return { state: 'none' };
  return lookupSessionByHash(pool, hashSessionId(cookie), settings);
}

/** As {@link lookupSession}, from the stored hash (a live connection re-checking its session). */
export async function lookupSessionByHash(
  pool: Pool,
  idHash: string,
  settings: SessionSettings,
): Promise<SessionLookup> {
  const session = await findSession(pool, idHash);
  if (!session) return { state: 'expired' };
  const now = Date.now();
  const idleMs = settings.idleMinutes * 60_000;
  if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + idleMs <= now) {
    await deleteSession(pool, idHash);
    return { state: 'expired' };
  }
  if (now - session.lastSeenAt.getTime() > Math.min(60_000, idleMs / 2)) await touchSession(pool, idHash);
  const idleExpiresAt = new Date(Math.min(session.expiresAt.getTime(), now + idleMs));
  return { state: 'live', idHash, session, idleExpiresAt };
}

export const sessionCookie = (c: Context): string | undefined => getCookie(c, SESSION_COOKIE);

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** The session cookie's value from a raw Cookie header (socket.io handshakes). */
export function sessionFromCookieHeader(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === SESSION_COOKIE) return decodeURIComponent(v.join('='));
  }
  return undefined;
}
