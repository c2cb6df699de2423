import { randomBytes } from 'node:crypto';
import { firstIssue, newDeviceRequest } from '@pantau/contracts';
import {
  appendAudit,
  issueWallDevice,
  listWallDevices,
  revokeWallDevice,
  withTransaction,
  type Pool,
} from '@pantau/db';
import { Hono } from 'hono';
import { requirePrincipal, type AuthEnv } from '../auth/principal.ts';
import { canManageDevices } from '@pantau/domain/permissions';

export interface DeviceRouteOptions {
  /** Disconnects a revoked wall on every node (the live gateway's kickDevice), once it runs. */
  kickDevice?: () => ((id: string) => Promise<void>) | undefined;
}

/**
 * Wall screens (admins): issue a device token (shown once, inside the wall URL) and revoke it; a revoked
 * wall is disconnected at once wherever it is connected.
 */
export function deviceRoutes(pool: Pool, options: DeviceRouteOptions = {}): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/api/devices', requirePrincipal(pool));
  app.use('/api/devices/*', requirePrincipal(pool));
  app.use('/api/devices*', async (c, next) => {
    if (!canManageDevices(c.get('principal')))
      return c.json({ error: { field: 'role', message: 'only an admin manages wall screens' } }, 403);
    await next();
  });

  app.get('/api/devices', async (c) => c.json({ devices: await listWallDevices(pool) }));

  app.post('/api/devices', async (c) => {
    const body = newDeviceRequest.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: firstIssue(body.error) }, 400);
    const id = body.data.id ?? `wall-${randomBytes(4).toString('hex')}`;
    const token = await issueWallDevice(pool, id, body.data.name);
    await withTransaction(pool, (client) =>
      appendAudit(client, {
        actor: c.get('principal').id,
        action: 'device.issue',
        entity: 'wall_device',
        entityId: id,
        details: { name: body.data.name },
      }),
    );
    const origin = new URL(c.req.url).origin;
    return c.json({ id, name: body.data.name, token, url: `${origin}/wall?device=${token}` }, 201);
  });

  app.delete('/api/devices/:id', async (c) => {
    const id = c.req.param('id');
    if (!(await revokeWallDevice(pool, id)))
      return c.json({ error: { field: 'id', message: 'no such active wall screen' } }, 404);
    await withTransaction(pool, (client) =>
      appendAudit(client, {
        actor: c.get('principal').id,
        action: 'device.revoke',
        entity: 'wall_device',
        entityId: id,
        details: {},
      }),
    );
    await options.kickDevice?.()?.(id);
    return c.json({ revoked: true });
  });
  return app;
}
