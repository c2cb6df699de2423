import { firstIssue, ppidRecordRequest } from '@pantau/contracts';
import { appendAudit, ppidCaseDetail, ppidSourceRef, withTransaction, type Pool } from '@pantau/db';
import { Hono } from 'hono';
import { requirePrincipal, type AuthEnv } from '../auth/principal.ts';
import { itemError } from '../http/item-error.ts';
import { ingestPpidBatch, type PpidContext } from '../ingest/ppid-ingest.ts';
import { actsOnItems, canActOnPpidRequest, canReadPpidRequest } from '@pantau/domain/permissions';

/**
 * The PPID's own steps recorded from the console: a decision with its kind, the extension with its
 * reason, delivery, a keberatan filed or answered. Each is an event of the request's own source through
 * the PPID ingest, so the lifecycle's rules (one extension, a rejection names its Pasal 17 ground, ...),
 * the deadlines, the figures and the live topics apply exactly as for a connector's event. Checked
 * against the timeline the officer saw; audited with who recorded it.
 */
export function ppidRecordRoutes(pool: Pool, ctx: PpidContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/api/ppid/requests/:id/record', requirePrincipal(pool));
  app.post('/api/ppid/requests/:id/record', async (c) => {
    const who = c.get('principal');
    if (!actsOnItems(who)) return c.json({ error: { field: 'role', message: 'viewers do not act' } }, 403);
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id <= 0)
      return c.json({ error: { field: 'id', message: 'expected a request id' } }, 400);
    const parsed = ppidRecordRequest.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: firstIssue(parsed.error) }, 400);
    const { event, expectedRevision, ...fields } = parsed.data;
    const detail = await ppidCaseDetail(pool, id);
    if (!detail || !canReadPpidRequest(who, detail.row))
      return c.json({ error: { field: 'id', message: 'no such request' } }, 404);
    // Recording the PPID's steps is acting on the request, as a note is (an OPD admin for its own OPD).
    if (!canActOnPpidRequest(who, detail.row, 'note'))
      return c.json({ error: { field: 'event', message: 'your role may not record this request' } }, 403);
    if (detail.timeline.length !== expectedRevision)
      return c.json(
        {
          error: { field: 'expectedRevision', message: 'another officer acted first; here is the newer state' },
          current: detail.row,
        },
        409,
      );
    const ref = (await ppidSourceRef(pool, id))!;
    const at = (ctx.now?.() ?? new Date()).toISOString();
    const [result] = await ingestPpidBatch(
      pool,
      ctx,
      ref.source,
      [
        {
          kind: 'request',
          externalId: ref.externalId,
          event: { type: event, eventId: `console-${event}-${at}`, occurredAt: at, ...fields },
        },
      ],
      `user:${who.id}`,
    );
    if (result?.status === 'rejected') return c.json({ error: itemError(result, 'event') }, 422);
    await withTransaction(pool, (client) =>
      appendAudit(client, {
        actor: `user:${who.id}`,
        action: `ppid.record.${event}`,
        entity: 'ppid_request',
        entityId: String(id),
        details: { regNo: detail.row.regNo, ...fields },
      }),
    );
    const after = await ppidCaseDetail(pool, id);
    return c.json({ ...after!.row, revision: after!.timeline.length });
  });
  return app;
}
