import { annotationRequest, firstIssue, scopeTopic, type AnnotationView } from '@pantau/contracts';
import {
  addAnnotation,
  allAnnotations,
  annotationsFor,
  removeAnnotation,
  appendAudit,
  touchTopics,
  withTransaction,
  type AnnotationRow,
  type Pool,
} from '@pantau/db';
import { canAnnotate } from '@pantau/domain/permissions';
import type { ProvincePack } from '@pantau/provinces';
import { Hono } from 'hono';
import { annotationTopics } from '../annotations/source-outages.ts';
import { requirePrincipal, type AuthEnv } from '../auth/principal.ts';

const DAY = 86_400_000;

export const annotationView = (a: AnnotationRow): AnnotationView => ({
  id: a.id,
  scope: a.scope,
  startsAt: a.startsAt.toISOString(),
  endsAt: a.endsAt?.toISOString() ?? null,
  text: a.text,
  public: a.public,
  source: a.sourceId,
});

/**
 * Annotations on the trends: the duty desk marks an event (POST, audited); it reaches the wall and the
 * dashboard through its scope's live topic (and, for the province, every topic that shows the
 * province's annotations is recomputed with it).
 */
export function annotationRoutes(pool: Pool, pack: ProvincePack): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/api/annotations', requirePrincipal(pool));
  app.use('/api/annotations/*', requirePrincipal(pool));

  app.get('/api/annotations', async (c) => {
    const scope = c.req.query('scope') ?? 'province';
    const since = new Date(Date.now() - 400 * DAY);
    const rows = scope === 'all' ? await allAnnotations(pool, since) : await annotationsFor(pool, scope, since);
    return c.json({ annotations: rows.map(annotationView) });
  });

  app.post('/api/annotations', async (c) => {
    const principal = c.get('principal');
    // The command center's operators, who also send views to the wall: not viewers, not one OPD's admin.
    if (!canAnnotate(principal))
      return c.json({ error: { field: 'role', message: 'only the duty desk marks events on the trends' } }, 403);
    const body = annotationRequest.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: firstIssue(body.error) }, 400);
    const { opdId, regencyCode, startsAt, endsAt, text } = body.data;
    const isPublic = body.data.public ?? false;
    if (opdId && !pack.opds.some((o) => o.id === opdId))
      return c.json({ error: { field: 'opdId', message: 'no such OPD' } }, 400);
    if (regencyCode && !pack.regencies.some((r) => r.code === regencyCode))
      return c.json({ error: { field: 'regencyCode', message: 'no such regency' } }, 400);
    const scope = scopeTopic({ opdId, regencyCode });
    const row = await withTransaction(pool, async (client) => {
      const a = await addAnnotation(client, {
        scope,
        startsAt: new Date(startsAt),
        endsAt: endsAt ? new Date(endsAt) : null,
        text,
        public: isPublic,
        createdBy: principal.id,
      });
      await appendAudit(client, {
        actor: `user:${principal.id}`,
        action: 'annotation.add',
        entity: 'annotation',
        entityId: String(a.id),
        details: { scope, startsAt, endsAt: endsAt ?? null, text, public: isPublic },
      });
      await touchTopics(client, annotationTopics(pack, scope));
      return a;
    });
    return c.json(annotationView(row), 201);
  });

  // A mistaken note is removed, not edited: the audit keeps what it said.
  app.delete('/api/annotations/:id', async (c) => {
    const principal = c.get('principal');
    if (!canAnnotate(principal))
      return c.json({ error: { field: 'role', message: 'only the duty desk marks events on the trends' } }, 403);
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id <= 0)
      return c.json({ error: { field: 'id', message: 'an annotation id is a number' } }, 400);
    const outcome = await withTransaction(pool, async (client) => {
      const removed = await removeAnnotation(client, id);
      if (removed === null || removed === 'automatic') return removed;
      await appendAudit(client, {
        actor: `user:${principal.id}`,
        action: 'annotation.remove',
        entity: 'annotation',
        entityId: String(id),
        details: {
          scope: removed.scope,
          startsAt: removed.startsAt.toISOString(),
          endsAt: removed.endsAt?.toISOString() ?? null,
          text: removed.text,
          public: removed.public,
        },
      });
      await touchTopics(client, annotationTopics(pack, removed.scope));
      return removed;
    });
    if (outcome === null) return c.json({ error: { field: 'id', message: 'no such annotation' } }, 404);
    if (outcome === 'automatic')
      return c.json(
        { error: { field: 'id', message: 'Pantau recorded this outage from the source and closes it by itself' } },
        409,
      );
    return c.json(annotationView(outcome));
  });
  return app;
}
