import { randomUUID } from 'node:crypto';
import { firstIssue, newUserRequest, userPatch } from '@pantau/contracts';
import {
  appendAudit,
  deleteUserSessions,
  findUserById,
  insertUser,
  listUsers,
  setUserPassword,
  updateUser,
  withTransaction,
  type Pool,
} from '@pantau/db';
import type { ProvincePack } from '@pantau/provinces';
import { Hono } from 'hono';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
import { requirePrincipal, type AuthEnv } from '../auth/principal.ts';
import { canManageUsers } from '@pantau/domain/permissions';

/** Users (admins only): list, add (a one-time password is returned once), change, reset a password. */
export interface UserRouteOptions {
  /** Disconnects every live connection of a user on every node (its credential just changed). */
  onCredentialChange?: (userId: string) => void;
}

export function userRoutes(pool: Pool, pack: ProvincePack, options: UserRouteOptions = {}): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/api/users', requirePrincipal(pool));
  app.use('/api/users/*', requirePrincipal(pool));
  app.use('/api/users*', async (c, next) => {
    if (!canManageUsers(c.get('principal')))
      return c.json({ error: { field: 'role', message: 'only an admin manages users' } }, 403);
    await next();
  });
  const unknownOpd = (id: string | null | undefined) => id && !pack.opds.some((o) => o.id === id);

  app.get('/api/users', async (c) => c.json({ users: await listUsers(pool) }));

  app.post('/api/users', async (c) => {
    const body = newUserRequest.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: firstIssue(body.error) }, 400);
    if (unknownOpd(body.data.opdId)) return c.json({ error: { field: 'opdId', message: 'no such OPD' } }, 400);
    const password = generatePassword();
    const passwordHash = await hashPassword(password);
    try {
      const user = await withTransaction(pool, async (client) => {
        const u = await insertUser(client, {
          id: randomUUID(),
          ...body.data,
          passwordHash,
          mustChangePassword: true,
        });
        await appendAudit(client, {
          actor: c.get('principal').id,
          action: 'user.create',
          entity: 'user',
          entityId: u.id,
          details: { username: u.username, role: u.role, opdId: u.opdId },
        });
        return u;
      });
      return c.json({ user, oneTimePassword: password }, 201);
    } catch (err) {
      if ((err as { code?: string }).code === '23505')
        return c.json({ error: { field: 'username', message: 'already taken' } }, 409);
      throw err;
    }
  });

  app.patch('/api/users/:id', async (c) => {
    const body = userPatch.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: firstIssue(body.error) }, 400);
    if (unknownOpd(body.data.opdId)) return c.json({ error: { field: 'opdId', message: 'no such OPD' } }, 400);
    const current = await findUserById(pool, c.req.param('id'));
    if (!current) return c.json({ error: { field: 'id', message: 'no such user' } }, 404);
    const role = body.data.role ?? current.role;
    const opdId = body.data.opdId !== undefined ? body.data.opdId : role === 'opd_admin' ? current.opdId : null;
    if ((role === 'opd_admin') !== (opdId !== null))
      return c.json(
        { error: { field: 'opdId', message: 'an OPD admin needs an OPD, and only an OPD admin has one' } },
        400,
      );
    if (current.id === c.get('principal').id && (body.data.disabled || (body.data.role && body.data.role !== 'admin')))
      return c.json({ error: { field: 'role', message: 'an admin cannot demote or disable themself' } }, 400);
    const user = await withTransaction(pool, async (client) => {
      const u = await updateUser(client, current.id, { ...body.data, opdId });
      await appendAudit(client, {
        actor: c.get('principal').id,
        action: 'user.update',
        entity: 'user',
        entityId: current.id,
        details: { ...body.data, opdId },
      });
      return u;
    });
    // A role change or a disabled account takes effect now, not at the next sign-in.
    if (body.data.role || body.data.opdId !== undefined || body.data.disabled) {
      await deleteUserSessions(pool, current.id);
      options.onCredentialChange?.(current.id);
    }
    return c.json({ user });
  });

  app.post('/api/users/:id/reset-password', async (c) => {
    const user = await findUserById(pool, c.req.param('id'));
    if (!user) return c.json({ error: { field: 'id', message: 'no such user' } }, 404);
    const password = generatePassword();
    const hash = await hashPassword(password);
    await withTransaction(pool, async (client) => {
      await setUserPassword(client, user.id, hash, true);
      await appendAudit(client, {
        actor: c.get('principal').id,
        action: 'user.reset_password',
        entity: 'user',
        entityId: user.id,
        details: { username: user.username },
      });
    });
    await deleteUserSessions(pool, user.id);
    options.onCredentialChange?.(user.id);
    return c.json({ oneTimePassword: password });
  });
  return app;
}
