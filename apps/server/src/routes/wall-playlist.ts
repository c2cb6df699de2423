import { firstIssue, playlistScreen, wallPlaylistRequest, type WallPlaylistView } from '@pantau/contracts';
import {
  appendAudit,
  deleteWallPlaylist,
  listWallDevices,
  saveWallPlaylist,
  touchTopics,
  wallPlaylists,
  withTransaction,
  type Pool,
  type WallPlaylistRow,
} from '@pantau/db';
import type { ProvincePack } from '@pantau/provinces';
import { Hono } from 'hono';
import { requirePrincipal, type AuthEnv } from '../auth/principal.ts';
import { canEditPlaylist } from '@pantau/domain/permissions';

const view = (p: WallPlaylistRow): WallPlaylistView => ({
  screen: p.screen,
  entries: p.entries,
  opdIds: p.opdIds,
  lateAlertAt: p.lateAlertAt,
  updatedBy: p.updatedBy,
  updatedAt: p.updatedAt.toISOString(),
});

/**
 * The walls' rotations: one for every screen ('*') and, where an admin wants it, one per screen (with the
 * OPDs its OPD scene rotates over and its alert threshold). A change is audited and reaches every open
 * screen through the `wall` live topic.
 */
export function wallPlaylistRoutes(pool: Pool, pack: ProvincePack): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/api/wall/playlist', requirePrincipal(pool));
  app.use('/api/wall/playlists', requirePrincipal(pool));

  app.get('/api/wall/playlists', async (c) =>
    c.json({ playlists: Object.values(await wallPlaylists(pool)).map(view) }),
  );
  app.get('/api/wall/playlist', async (c) => {
    const screen = playlistScreen.safeParse(c.req.query('screen') ?? '*');
    if (!screen.success) return c.json({ error: { field: 'screen', message: 'expected a screen id' } }, 400);
    const p = (await wallPlaylists(pool))[screen.data];
    return c.json(p ? view(p) : { screen: screen.data, entries: null, opdIds: null, lateAlertAt: null });
  });

  app.put('/api/wall/playlist', async (c) => {
    const principal = c.get('principal');
    if (!canEditPlaylist(principal))
      return c.json({ error: { field: 'role', message: 'only an admin edits the playlist' } }, 403);
    const body = wallPlaylistRequest.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: firstIssue(body.error) }, 400);
    const { screen = '*', entries, opdIds = null, lateAlertAt = null } = body.data;
    const known = new Set(pack.opds.map((o) => o.id));
    const unknown = (opdIds ?? []).findIndex((id) => !known.has(id));
    if (unknown >= 0) return c.json({ error: { field: `opdIds.${unknown}`, message: 'no such OPD' } }, 400);
    if (screen !== '*' && !(await listWallDevices(pool)).some((d) => d.id === screen && !d.revokedAt))
      return c.json({ error: { field: 'screen', message: 'no such active wall screen' } }, 404);
    await withTransaction(pool, async (client) => {
      await saveWallPlaylist(client, entries, principal.id, { screen, opdIds, lateAlertAt });
      await appendAudit(client, {
        actor: `user:${principal.id}`,
        action: 'wall.playlist',
        entity: 'wall_playlist',
        entityId: screen,
        details: { entries, opdIds, lateAlertAt },
      });
      await touchTopics(client, ['wall']);
    });
    return c.json({ screen, entries, opdIds, lateAlertAt });
  });

  app.delete('/api/wall/playlist', async (c) => {
    const principal = c.get('principal');
    if (!canEditPlaylist(principal))
      return c.json({ error: { field: 'role', message: 'only an admin edits the playlist' } }, 403);
    const screen = playlistScreen.safeParse(c.req.query('screen'));
    if (!screen.success || screen.data === '*')
      return c.json({ error: { field: 'screen', message: "expected a screen's id" } }, 400);
    const dropped = await withTransaction(pool, async (client) => {
      const had = await deleteWallPlaylist(client, screen.data);
      if (!had) return false;
      await appendAudit(client, {
        actor: `user:${principal.id}`,
        action: 'wall.playlist_removed',
        entity: 'wall_playlist',
        entityId: screen.data,
        details: {},
      });
      await touchTopics(client, ['wall']);
      return true;
    });
    if (!dropped) return c.json({ error: { field: 'screen', message: 'this screen has no playlist of its own' } }, 404);
    return c.json({ screen: screen.data, removed: true });
  });
  return app;
}
