import { findServiceToken, type Pool, type Role } from '@pantau/db';
import type { MiddlewareHandler } from 'hono';

/** Who is asking. The console's cookie sessions will produce the same shape. */
export interface Principal {
  id: string;
  role: Role;
  /** For opd_admin: the only OPD it may see and act on. */
  opdId: string | null;
}

export type AuthEnv = { Variables: { principal: Principal } };

/** Requires `Authorization: Bearer <token>` of a known, unrevoked holder; 401 otherwise. */
export function requirePrincipal(pool: Pool): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const m = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
    const holder = m ? await findServiceToken(pool, m[1]!) : null;
    if (!holder) return c.json({ error: { field: 'authorization', message: 'sign in first' } }, 401);
    c.set('principal', holder);
    await next();
  };
}
