import { firstIssue, wallShowRequest, type WallScreenChoice, type WallShowRequest } from '@pantau/contracts';
import {
  appendAudit,
  findWallDevice,
  listWallDevices,
  setWallOverride,
  touchTopics,
  withTransaction,
  type Pool,
} from '@pantau/db';
import { Hono, type Context } from 'hono';
import { requirePrincipal, type AuthEnv } from '../auth/principal.ts';
import { canDriveWall } from '@pantau/domain/permissions';

/**
 * The operator sends the current drilldown to a wall screen (`POST /api/wall/screens/:id/show`) and
 * releases it (`DELETE`); the override travels in the `wall` live topic, so it reaches the screen on
 * whichever node it is connected and survives its reconnects. A wall learns its own id from its token.
 */
export function wallScreenRoutes(pool: Pool): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.get('/api/wall/whoami', async (c) => {
    const token = c.req.header('x-device-token');
    const device = token ? await findWallDevice(pool, token) : null;
    if (!device) return c.json({ error: { field: 'x-device-token', message: 'unknown or revoked screen' } }, 401);
    return c.json(device);
  });
  app.use('/api/wall/screens', requirePrincipal(pool));
  app.use('/api/wall/screens/*', requirePrincipal(pool));
  app.use('/api/wall/screens*', async (c, next) => {
    if (!canDriveWall(c.get('principal')))
      return c.json({ error: { field: 'role', message: 'your role does not drive the wall' } }, 403);
    await next();
  });
  app.get('/api/wall/screens', async (c) =>
    c.json({
      screens: (await listWallDevices(pool))
        .filter((d) => !d.revokedAt)
        .map(({ id, name, lastSeenAt }): WallScreenChoice => ({ id, name, lastSeenAt })),
    }),
  );
  const change = async (c: Context<AuthEnv>, show: WallShowRequest | null) => {
    const id = c.req.param('id')!;
    const until = show?.untilSeconds ? new Date(Date.now() + show.untilSeconds * 1000) : null;
    const who = c.get('principal');
    const override = show
      ? { scene: show.scene, opdId: show.opdId, regencyCode: show.regencyCode, sentBy: who.name ?? who.id }
      : null;
    if (!(await setWallOverride(pool, id, override, until)))
      return c.json({ error: { field: 'id', message: 'no such active wall screen' } }, 404);
    await withTransaction(pool, async (client) => {
      await appendAudit(client, {
        actor: `user:${c.get('principal').id}`,
        action: show ? 'wall.show' : 'wall.release',
        entity: 'wall_device',
        entityId: id,
        details: show ?? {},
      });
      await touchTopics(client, ['wall']);
    });
    return c.json({ id, override, until: until?.toISOString() ?? null });
  };
  app.post('/api/wall/screens/:id/show', async (c) => {
    const body = wallShowRequest.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: firstIssue(body.error) }, 400);
    return change(c, body.data);
  });
  app.delete('/api/wall/screens/:id/show', (c) => change(c, null));

  return app;
}
