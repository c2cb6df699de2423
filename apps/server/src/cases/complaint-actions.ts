import { opdTopic, regencyTopic, type ComplaintActionRequest } from '@pantau/contracts';
import {
  acknowledgeEscalations,
  appendAudit,
  complaintDetail,
  lockComplaintById,
  raiseEscalation,
  RollupBatch,
  touchTopics,
  withTransaction,
  type Pool,
} from '@pantau/db';
import { canActOnComplaint, canReadComplaint, type Principal } from '@pantau/domain/permissions';
import { randomUUID } from 'node:crypto';
import { complaintRowFor } from '../auth/complaint-text.ts';
import { stockFacts } from '../deadlines/stock-facts.ts';
import { applyComplaintItems, type ComplaintContext } from '../ingest/complaint-ingest.ts';
import { notifyCaseEvent } from '../notifications/events.ts';

/** The event a status change from the console appends (the state machine decides whether it may). */
const STATUS_EVENT = {
  ditunda: 'postponed',
  dilanjutkan: 'resumed',
  ditindaklanjuti: 'follow_up_posted',
  selesai: 'completed',
  bukan_wewenang: 'rejected_not_authority',
  diarsipkan: 'archived',
  dihapus: 'deleted',
} as const;

/** What an action answers: its status and body (an error names its field). */
export type ComplaintActionOutcome = { status: 200 | 403 | 404 | 409 | 422; json: unknown };

/**
 * An officer's action on a complaint, in one transaction on the locked row: the permission predicates
 * on the row as it is now, the version check (a stale revision gets 409 with the newer state), then the
 * action itself — acknowledge, escalate, note, or an event through ingest's lifecycle rules — with its
 * audit entry, notifications and the topics it touches.
 */
export async function performComplaintAction(
  pool: Pool,
  ctx: ComplaintContext,
  principal: Principal & { id: string },
  id: number,
  body: ComplaintActionRequest,
): Promise<ComplaintActionOutcome> {
  const actor = `user:${principal.id}`;
  return withTransaction(pool, async (client): Promise<ComplaintActionOutcome> => {
    const row = await lockComplaintById(client, id);
    if (!row || !canReadComplaint(principal, row))
      return { status: 404, json: { error: { field: 'id', message: 'no such complaint' } } };
    if (!canActOnComplaint(principal, row, body.action)) {
      return {
        status: 403,
        json: { error: { field: 'action', message: `your role may not ${body.action} this complaint` } },
      };
    }
    const current = body.expectedRevision === undefined ? null : await complaintDetail(pool, id);
    if (row.version !== body.expectedVersion || (current && current.timeline.length !== body.expectedRevision)) {
      return {
        status: 409,
        json: {
          error: { field: 'expectedVersion', message: 'another officer acted first; here is the newer state' },
          current: ((r) => r && complaintRowFor(principal, r))((current ?? (await complaintDetail(pool, id)))?.row),
        },
      };
    }
    const topics = [
      'worklist',
      'province',
      ...(row.opdId ? [opdTopic(row.opdId)] : []),
      ...(row.regencyCode ? [regencyTopic(row.regencyCode)] : []),
    ];
    const audit = (details: Record<string, unknown>) =>
      appendAudit(client, {
        actor,
        action: `complaint.${body.action}`,
        entity: 'complaint',
        entityId: String(id),
        details,
      });
    switch (body.action) {
      case 'acknowledge': {
        const levels = await acknowledgeEscalations(client, id, actor, body.reason);
        if (levels.length === 0)
          return {
            status: 422,
            json: { error: { field: 'action', message: 'nothing to acknowledge: no open escalation' } },
          };
        await audit({ levels, reason: body.reason });
        // Those the ladder reached below and at the acknowledged level hear that someone has it.
        await notifyCaseEvent(client, ctx, {
          kind: 'complaint',
          id,
          event: 'acknowledged',
          level: Math.max(...levels),
          deadlineAt: row.deadlineAt,
          actorUserId: principal.id,
          now: new Date(),
        });
        await touchTopics(client, topics);
        return { status: 200, json: { acknowledged: levels } };
      }
      case 'escalate': {
        if (!row.deadlineAt)
          return {
            status: 422,
            json: { error: { field: 'action', message: 'this complaint has no running deadline to escalate' } },
          };
        const raised = await raiseEscalation(
          client,
          'complaint',
          id,
          row.deadlineAt,
          row.escalationLevel,
          row.escalationLevel + 1,
        );
        if (raised.length === 0)
          return { status: 409, json: { error: { field: 'expectedVersion', message: 'already escalated' } } };
        if (row.escalationLevel === 0) {
          const batch = new RollupBatch(ctx.pack.timeZone);
          const facts = { ...row, deadlineAt: row.deadlineAt };
          batch.add(stockFacts(facts, row.deadlineState, 0), stockFacts(facts, row.deadlineState, 1));
          await batch.flush(client);
        }
        await audit({ level: raised[0], reason: body.reason, manual: true });
        await notifyCaseEvent(client, ctx, {
          kind: 'complaint',
          id,
          event: 'escalated',
          level: raised[0]!,
          deadlineAt: row.deadlineAt,
          actorUserId: principal.id,
          now: new Date(),
        });
        await touchTopics(client, topics);
        return { status: 200, json: { escalationLevel: raised[0] } };
      }
      case 'note':
        await audit({ text: body.text });
        await touchTopics(client, row.opdId ? [opdTopic(row.opdId)] : []);
        return { status: 200, json: { noted: true } };
      case 'reassign':
      case 'change_status': {
        const now = new Date().toISOString();
        const event =
          body.action === 'reassign'
            ? { type: 'reassigned', opdId: body.opdId, reason: body.reason }
            : {
                type: STATUS_EVENT[body.to],
                ...(['postponed', 'rejected_not_authority', 'archived', 'deleted'].includes(STATUS_EVENT[body.to])
                  ? { reason: body.reason }
                  : {}),
              };
        const [result] = await applyComplaintItems(
          client,
          ctx,
          row.source,
          [{ externalId: row.externalId, event: { ...event, eventId: `console:${randomUUID()}`, occurredAt: now } }],
          actor,
        );
        if (result?.status !== 'accepted') {
          const err = result?.error ?? { field: 'action', message: 'not applied' };
          return {
            status: 422,
            json: { error: { field: err.field.replace(/^items\.0\./, ''), message: err.message } },
          };
        }
        await audit({ ...event });
        return { status: 200, json: { applied: event.type } };
      }
    }
  });
}
