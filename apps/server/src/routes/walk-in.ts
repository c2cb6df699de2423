import { firstIssueNamingUnknown, walkInComplaint } from '@pantau/contracts';
import { appendAudit, complaintIdByTracking, nextWalkInTrackingId, withTransaction, type Pool } from '@pantau/db';
import { Hono } from 'hono';
import { requirePrincipal, type AuthEnv } from '../auth/principal.ts';
import { ingestComplaintBatch, type ComplaintContext } from '../ingest/complaint-ingest.ts';
import { itemError } from '../http/item-error.ts';
import { actsOnItems, canWorkItem } from '@pantau/domain/permissions';

/**
 * Walk-in and phone complaints: an officer types in what someone at the desk or on the phone reports.
 * It goes through the same ingest as every source (same validation, deadlines, rollups, live topics),
 * under a Pantau tracking id; an OPD chosen here dispatches it at once. Viewers cannot; an OPD admin
 * records only for its own OPD.
 */
export function walkInRoutes(pool: Pool, ctx: ComplaintContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/api/complaints/walk-in', requirePrincipal(pool));
  app.post('/api/complaints/walk-in', async (c) => {
    const who = c.get('principal');
    if (!actsOnItems(who))
      return c.json({ error: { field: 'role', message: 'viewers do not record complaints' } }, 403);
    const parsed = walkInComplaint.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: firstIssueNamingUnknown(parsed.error, 'unknown field') }, 400);
    const w = parsed.data;
    if (!canWorkItem(who, { opdId: w.opdId ?? null }))
      return c.json({ error: { field: 'opdId', message: 'an OPD admin records complaints for its own OPD' } }, 403);
    if (w.opdId && !ctx.pack.opds.some((o) => o.id === w.opdId))
      return c.json({ error: { field: 'opdId', message: 'no such OPD in this province' } }, 400);
    const trackingId = await nextWalkInTrackingId(pool);
    const now = (ctx.now?.() ?? new Date()).toISOString();
    const externalId = `walkin-${trackingId}`;
    const items: unknown[] = [
      {
        externalId,
        event: { type: 'submitted', eventId: 'submitted', occurredAt: now, trackingId, ...w },
      },
    ];
    if (w.opdId)
      items.push({ externalId, event: { type: 'verified', eventId: 'verified', occurredAt: now, opdId: w.opdId } });
    const results = await ingestComplaintBatch(pool, ctx, 'console', items, `user:${who.id}`);
    const rejected = results.find((r) => r.status === 'rejected');
    if (rejected) return c.json({ error: itemError(rejected, 'body') }, 400);
    const id = (await complaintIdByTracking(pool, trackingId))!;
    await withTransaction(pool, (client) =>
      appendAudit(client, {
        actor: `user:${who.id}`,
        action: 'complaint.walk_in',
        entity: 'complaint',
        entityId: id,
        details: { trackingId, channel: w.channel, opdId: w.opdId ?? null },
      }),
    );
    return c.json({ id, trackingId }, 201);
  });
  return app;
}
