import { opdTopic, publicTopic } from '@pantau/contracts';
import {
  appendAudit,
  lockWatchedPpidRequest,
  ppidRequestsToWatch,
  raiseEscalation,
  setDeadlineState,
  touchTopics,
  withTransaction,
  type Pool,
} from '@pantau/db';
import {
  DEFAULT_ESCALATION_LADDER,
  DEFAULT_PPID_RULES,
  dueEscalationLevel,
  ppidDeadline,
  type EscalationLadder,
} from '@pantau/domain';
import type { BackgroundStarter } from '../service-context.ts';
import { startLeaderLoop } from '../leader-loop.ts';
import { notifyCaseEvent } from '../notifications/events.ts';
import type { PpidContext } from '../ingest/ppid-ingest.ts';
import { metricsFor } from '../metrics/node-metrics.ts';

export interface PpidWatchResult {
  stateChanges: number;
  escalations: number;
}

/**
 * One pass over open PPID requests: moves them between on_time, at_risk and overdue as working time
 * passes (decision 10/17 HK, atasan answer 30 HK) and raises the same escalation ladder as complaints,
 * each step once, with an audit entry and a live update of the OPD's topics and the worklist.
 */
export async function watchPpidDeadlines(
  pool: Pool,
  ctx: PpidContext,
  now: Date,
  ladder: EscalationLadder = DEFAULT_ESCALATION_LADDER,
): Promise<PpidWatchResult> {
  const rules = ctx.ppidRules ?? DEFAULT_PPID_RULES;
  const cal = ctx.calendar();
  const result: PpidWatchResult = { stateChanges: 0, escalations: 0 };
  for (const r of await ppidRequestsToWatch(pool, now, 14)) {
    const d = ppidDeadline(r.state, cal, now, rules);
    // The stored deadline is the one the watcher acts on; a changed calendar is handled by re-ingest.
    if (d.at === null || d.at.getTime() !== r.deadlineAt.getTime()) continue;
    const due = dueEscalationLevel(d.state === 'overdue', d.overdueWorkingDays, ladder);
    if (d.state === r.deadlineState && due <= r.escalationLevel) continue;
    await withTransaction(pool, async (client) => {
      // The candidate list was read before this transaction: act only on the locked row, and only
      // while it is open on the deadline and step that were judged (a decision may have come since).
      const c = await lockWatchedPpidRequest(client, r.id);
      if (
        !c ||
        !c.open ||
        c.deadlineAt?.getTime() !== r.deadlineAt.getTime() ||
        c.deadlineStep !== r.deadlineStep ||
        (d.state === c.deadlineState && due <= c.escalationLevel)
      )
        return;
      let changed = false;
      if (
        d.state !== c.deadlineState &&
        (await setDeadlineState(client, 'ppid_request', r.id, r.deadlineAt, d.state))
      ) {
        result.stateChanges += 1;
        changed = true;
      }
      if (due > c.escalationLevel) {
        const raised = await raiseEscalation(client, 'ppid_request', r.id, r.deadlineAt, c.escalationLevel, due);
        for (const level of raised) {
          await appendAudit(client, {
            actor: 'system:ppid-deadline-watcher',
            action: 'escalation.raised',
            entity: 'ppid_request',
            entityId: String(r.id),
            details: {
              level,
              role: ladder.find((s) => s.level === level)?.role ?? null,
              deadlineStep: r.deadlineStep,
              deadlineAt: r.deadlineAt.toISOString(),
              overdueWorkingDays: d.overdueWorkingDays,
            },
          });
          await notifyCaseEvent(
            client,
            { pack: ctx.pack, ladder },
            { kind: 'ppid_request', id: r.id, event: 'escalated', level, deadlineAt: r.deadlineAt, now },
          );
        }
        result.escalations += raised.length;
        changed = true;
      }
      if (changed) {
        const opd = c.opdId ? [opdTopic(c.opdId), publicTopic(opdTopic(c.opdId))] : [];
        await touchTopics(client, ['province', 'public:province', 'worklist', ...opd]);
      }
    });
  }
  const metrics = metricsFor(pool);
  metrics.watcherPasses.inc({ watcher: 'ppid' });
  metrics.escalations.inc({ watcher: 'ppid' }, result.escalations);
  return result;
}

/** Runs the PPID watcher on one node at a time, every `PANTAU_WATCH_SECONDS`. */
export const startPpidDeadlineWatcher: BackgroundStarter = async (ctx) =>
  startLeaderLoop(ctx, {
    name: 'ppid-deadline-watcher',
    intervalMs: ctx.env.PANTAU_WATCH_SECONDS * 1000,
    pass: async (log) => {
      const r = await watchPpidDeadlines(ctx.pool, ctx.complaints, new Date());
      if (r.escalations + r.stateChanges > 0) log.info(r, 'PPID deadlines moved');
    },
  });
