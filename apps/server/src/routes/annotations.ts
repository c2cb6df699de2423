import { annotationRequest, firstIssue, scopeTopic, type AnnotationView } from '@pantau/contracts';
import {
  addAnnotation,
  annotationsFor,
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
});

/**
 * Annotations on the trends: the duty desk marks an event (POST, audited); it reaches the wall and the
 * dashboard through its scope's live topic (and, for the province, every topic that shows the
 * province's annotations is recomputed with it).
 */
export function annotationRoutes(pool: Pool, pack: ProvincePack): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/api/annotations', requirePrincipal(pool));

  app.get('/api/annotations', async (c) => {
    const scope = c.req.query('scope') ?? 'province';
    const rows = await annotationsFor(pool, scope, new Date(Date.now() - 400 * DAY));
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
        createdBy: principal.id,
      });
      await appendAudit(client, {
        actor: `user:${principal.id}`,
        action: 'annotation.add',
        entity: 'annotation',
        entityId: String(a.id),
        details: { scope, startsAt, endsAt: endsAt ?? null, text },
      });
      await touchTopics(client, annotationTopics(pack, scope));
      return a;
    });
    return c.json(annotationView(row), 201);
  });
  return app;
}
