import { firstIssue, sourceKeyRequest, type SourcesView } from '@pantau/contracts';
import {
  appendAudit,
  issueSourceKey,
  listConnectorsForAdmin,
  listSourcesForAdmin,
  revokeSourceKey,
  setConnectorPaused,
  withTransaction,
  type Pool,
} from '@pantau/db';
import { Hono } from 'hono';
import { requirePrincipal, type AuthEnv } from '../auth/principal.ts';
import { canManageSources, canReadSources } from '@pantau/domain/permissions';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * Sumber data: every ingest source with its freshness, last success and last error; the pull connectors
 * (the LAPOR feed, each social account) with their cursor, back-off and pause. Admins issue and revoke
 * source keys (the key is shown once; only its hash is stored) and pause or resume a connector, audited;
 * duty officers read. The key itself is never listed or logged.
 */
export function sourceRoutes(pool: Pool, now: () => Date = () => new Date()): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/api/sources', requirePrincipal(pool));
  app.use('/api/sources/*', requirePrincipal(pool));
  const forbidden = { error: { field: 'authorization', message: 'only an admin manages sources' } };

  app.get('/api/sources', async (c) => {
    if (!canReadSources(c.get('principal')))
      return c.json(
        { error: { field: 'authorization', message: 'the sources page is for admins and duty officers' } },
        403,
      );
    const [sources, connectors] = await Promise.all([listSourcesForAdmin(pool), listConnectorsForAdmin(pool)]);
    const t = now().getTime();
    const body: SourcesView = {
      sources: sources.map((s) => ({
        ...s,
        createdAt: iso(s.createdAt),
        lastDeliveryAt: iso(s.lastDeliveryAt),
        lastErrorAt: iso(s.lastErrorAt),
        fresh:
          s.lastDeliveryAt && s.freshnessTargetSeconds
            ? t - s.lastDeliveryAt.getTime() <= s.freshnessTargetSeconds * 1000
            : null,
      })),
      connectors: connectors.map((k) => ({
        ...k,
        nextAttemptAt: iso(k.nextAttemptAt),
        lastSuccessAt: iso(k.lastSuccessAt),
        pausedAt: iso(k.pausedAt),
      })),
      canEdit: canManageSources(c.get('principal')),
    };
    return c.json(body);
  });

  app.post('/api/sources', async (c) => {
    const principal = c.get('principal');
    if (!canManageSources(principal)) return c.json(forbidden, 403);
    const parsed = sourceKeyRequest.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: firstIssue(parsed.error) }, 400);
    const key = await issueSourceKey(pool, parsed.data.id, parsed.data.label);
    await withTransaction(pool, (client) =>
      appendAudit(client, {
        actor: `user:${principal.id}`,
        action: 'source.key_issued',
        entity: 'ingest_source',
        entityId: parsed.data.id,
        details: { label: parsed.data.label },
      }),
    );
    return c.json({ id: parsed.data.id, key }, 201);
  });

  app.delete('/api/sources/:id/key', async (c) => {
    const principal = c.get('principal');
    if (!canManageSources(principal)) return c.json(forbidden, 403);
    const id = c.req.param('id');
    if (!(await revokeSourceKey(pool, id))) return c.json({ error: { field: 'id', message: 'no such source' } }, 404);
    await withTransaction(pool, (client) =>
      appendAudit(client, {
        actor: `user:${principal.id}`,
        action: 'source.key_revoked',
        entity: 'ingest_source',
        entityId: id,
        details: {},
      }),
    );
    return c.json({ id, revoked: true });
  });

  for (const action of ['pause', 'resume'] as const) {
    app.post(`/api/sources/connectors/:kind/:id/${action}`, async (c) => {
      const principal = c.get('principal');
      if (!canManageSources(principal)) return c.json(forbidden, 403);
      const kind = c.req.param('kind');
      if (kind !== 'lapor' && kind !== 'social')
        return c.json({ error: { field: 'kind', message: 'expected lapor or social' } }, 400);
      const id = c.req.param('id');
      const done = await withTransaction(pool, async (client) => {
        const ok = await setConnectorPaused(client, kind, id, action === 'pause' ? principal.id : null);
        if (ok)
          await appendAudit(client, {
            actor: `user:${principal.id}`,
            action: `connector.${action}d`,
            entity: `${kind}_connector`,
            entityId: id,
            details: {},
          });
        return ok;
      });
      if (!done) return c.json({ error: { field: 'id', message: 'no such connector' } }, 404);
      return c.json({ kind, id, paused: action === 'pause' });
    });
  }
  return app;
}
