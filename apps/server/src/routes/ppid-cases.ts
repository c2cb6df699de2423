import { firstIssue, opdTopic, ppidActionRequest, type CaseDetail } from '@pantau/contracts';
import {
  acknowledgePpidEscalations,
  appendAudit,
  lockPpidCase,
  ppidCaseDetail,
  raiseEscalation,
  touchTopics,
  withTransaction,
  type Pool,
} from '@pantau/db';
import { Hono } from 'hono';
import type { ProvincePack } from '@pantau/provinces';
import type { EscalationLadder } from '@pantau/domain';
import { requirePrincipal, type AuthEnv } from '../auth/principal.ts';
import { notifyCaseEvent } from '../notifications/events.ts';
import { canActOnPpidRequest, canReadPpidRequest } from '@pantau/domain/permissions';

/**
 * A PPID request in the console: `GET /api/ppid/requests/:id` (state and history, never the requester)
 * and `POST /api/ppid/requests/:id/actions` (acknowledge, escalate, note), with the same rules as
 * complaints: reasons where the ladder asks, named permission predicates, and a 409 with the newer state
 * when the history grew since the officer looked (`expectedRevision` = its length then).
 */
export function ppidCaseRoutes(
  pool: Pool,
  /** The province, for the OPD names of notifications about these actions. */
  notify?: { pack: ProvincePack; ladder?: EscalationLadder },
): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/api/ppid/requests/*', requirePrincipal(pool));
  const idOf = (raw: string) => {
    const id = Number(raw);
    return Number.isSafeInteger(id) && id > 0 ? id : null;
  };

  app.get('/api/ppid/requests/:id', async (c) => {
    const id = idOf(c.req.param('id'));
    if (!id) return c.json({ error: { field: 'id', message: 'expected a request id' } }, 400);
    const detail = await ppidCaseDetail(pool, id);
    if (!detail || !canReadPpidRequest(c.get('principal'), detail.row))
      return c.json({ error: { field: 'id', message: 'no such request' } }, 404);
    return c.json({ ...detail.row, revision: detail.timeline.length, timeline: detail.timeline } satisfies CaseDetail);
  });

  app.post('/api/ppid/requests/:id/actions', async (c) => {
    const id = idOf(c.req.param('id'));
    if (!id) return c.json({ error: { field: 'id', message: 'expected a request id' } }, 400);
    const parsed = ppidActionRequest.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: firstIssue(parsed.error) }, 400);
    const body = parsed.data;
    const principal = c.get('principal');
    const actor = `user:${principal.id}`;
    type Outcome = { status: 200 | 403 | 404 | 409 | 422; json: unknown };
    const outcome = await withTransaction(pool, async (client): Promise<Outcome> => {
      const row = await lockPpidCase(client, id);
      if (!row || !canReadPpidRequest(principal, row))
        return { status: 404, json: { error: { field: 'id', message: 'no such request' } } };
      if (!canActOnPpidRequest(principal, row, body.action))
        return {
          status: 403,
          json: { error: { field: 'action', message: `your role may not ${body.action} this request` } },
        };
      const current = await ppidCaseDetail(pool, id);
      if (current && current.timeline.length !== body.expectedRevision)
        return {
          status: 409,
          json: {
            error: { field: 'expectedRevision', message: 'another officer acted first; here is the newer state' },
            current: current.row,
          },
        };
      const topics = ['worklist', 'province', ...(row.opdId ? [opdTopic(row.opdId)] : [])];
      const audit = (details: Record<string, unknown>) =>
        appendAudit(client, {
          actor,
          action: `ppid.${body.action}`,
          entity: 'ppid_request',
          entityId: String(id),
          details,
        });
      if (body.action === 'acknowledge') {
        const levels = await acknowledgePpidEscalations(client, id, actor, body.reason);
        if (levels.length === 0)
          return {
            status: 422,
            json: { error: { field: 'action', message: 'nothing to acknowledge: no open escalation' } },
          };
        await audit({ levels, reason: body.reason });
        if (notify)
          await notifyCaseEvent(client, notify, {
            kind: 'ppid_request',
            id,
            event: 'acknowledged',
            level: Math.max(...levels),
            deadlineAt: row.deadlineAt ? new Date(row.deadlineAt) : null,
            actorUserId: principal.id,
            now: new Date(),
          });
        await touchTopics(client, topics);
        return { status: 200, json: { acknowledged: levels } };
      }
      if (body.action === 'escalate') {
        if (!row.deadlineAt)
          return {
            status: 422,
            json: { error: { field: 'action', message: 'this request has no running deadline to escalate' } },
          };
        const raised = await raiseEscalation(
          client,
          'ppid_request',
          id,
          new Date(row.deadlineAt),
          row.escalationLevel,
          row.escalationLevel + 1,
        );
        if (raised.length === 0)
          return { status: 409, json: { error: { field: 'expectedRevision', message: 'already escalated' } } };
        await audit({ level: raised[0], reason: body.reason, manual: true });
        if (notify)
          await notifyCaseEvent(client, notify, {
            kind: 'ppid_request',
            id,
            event: 'escalated',
            level: raised[0]!,
            deadlineAt: new Date(row.deadlineAt),
            actorUserId: principal.id,
            now: new Date(),
          });
        await touchTopics(client, topics);
        return { status: 200, json: { escalationLevel: raised[0] } };
      }
      await audit({ text: body.text });
      await touchTopics(client, topics);
      return { status: 200, json: { noted: true } };
    });
    return c.json(outcome.json, outcome.status);
  });
  return app;
}
