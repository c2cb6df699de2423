import { firstIssue } from '@pantau/contracts';
import { socialInteractionAction } from '@pantau/contracts/social-actions';
import { appendAudit, socialInteractionRef, withTransaction, type Pool } from '@pantau/db';
import { Hono } from 'hono';
import { requirePrincipal, type AuthEnv } from '../auth/principal.ts';
import { ingestSocialBatch } from '../ingest/social-ingest.ts';
import { actsOnItems, canReadItem, canWorkItem } from '@pantau/domain/permissions';

/**
 * An officer's actions on a comment or mention from the worklist: mark it answered (the reply is made on
 * the platform; its link is kept in the audit), flag a suspected hoax for clarification, or tag its
 * issue. Each becomes an event of the interaction's own source, through the same ingest as the
 * connector's, so figures, the worklist and the live topics follow; the audit trail says who.
 */
export function socialActionRoutes(pool: Pool, now: () => Date = () => new Date()): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/api/social/interactions/*', requirePrincipal(pool));
  app.post('/api/social/interactions/:id/actions', async (c) => {
    const who = c.get('principal');
    if (!actsOnItems(who)) return c.json({ error: { field: 'role', message: 'viewers do not act' } }, 403);
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id <= 0) return c.json({ error: { field: 'id', message: 'expected an id' } }, 400);
    const parsed = socialInteractionAction.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: firstIssue(parsed.error) }, 400);
    const body = parsed.data;
    const ref = await socialInteractionRef(pool, id);
    if (!ref || !canReadItem(who, ref)) return c.json({ error: { field: 'id', message: 'no such comment' } }, 404);
    if (!canWorkItem(who, ref)) return c.json({ error: { field: 'role', message: 'your role may not act here' } }, 403);
    if (body.action === 'answered' && ref.repliedAt)
      return c.json({ error: { field: 'action', message: 'already answered' } }, 409);
    const at = now().toISOString();
    const event =
      body.action === 'answered'
        ? { type: 'interaction_replied' }
        : body.action === 'hoax'
          ? { type: 'interaction_classified', hoaxSuspect: true }
          : { type: 'interaction_classified', issueTag: body.issueTag };
    const [result] = await ingestSocialBatch(pool, ref.source, [
      { externalId: ref.externalId, event: { ...event, eventId: `console-${body.action}-${at}`, occurredAt: at } },
    ]);
    if (result?.status === 'rejected')
      return c.json({ error: { field: 'action', message: result.error?.message ?? 'refused' } }, 422);
    await withTransaction(pool, (client) =>
      appendAudit(client, {
        actor: `user:${who.id}`,
        action: `social.${body.action}`,
        entity: 'social_interaction',
        entityId: String(id),
        details:
          body.action === 'answered'
            ? { replyUrl: body.replyUrl ?? null }
            : body.action === 'issue'
              ? { issueTag: body.issueTag }
              : {},
      }),
    );
    return c.json({ id: String(id), action: body.action });
  });
  return app;
}
