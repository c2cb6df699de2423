import {
  appendAudit,
  complaintsToWatch,
  lockWatchedComplaints,
  raiseEscalation,
  RollupBatch,
  setDeadlineState,
  withTransaction,
  type LockedWatchedComplaint,
  type Pool,
  type WatchedComplaint,
} from '@pantau/db';
import {
  DEFAULT_COMPLAINT_RULES,
  DEFAULT_ESCALATION_LADDER,
  deadlineStanding,
  dueEscalationLevel,
  remainingWorkingTime,
} from '@pantau/domain';
import type { BackgroundStarter } from '../service-context.ts';
import { applyComplaintItems, type ComplaintContext } from '../ingest/complaint-ingest.ts';
import { startLeaderLoop } from '../leader-loop.ts';
import { notifyCaseEvent } from '../notifications/events.ts';
import { loadComplaintSettings } from './complaint-settings.ts';
import { resumeRecomputeJobs } from './recompute.ts';
import { stockFacts } from './stock-facts.ts';
import { metricsFor } from '../metrics/node-metrics.ts';

export interface WatchOptions {
  /** Complaints read per query. @default 1000 */
  pageSize?: number;
}

export interface WatchResult {
  stateChanges: number;
  escalations: number;
  autoClosed: number;
}

/** Whether the locked row still runs on the deadline (and step) the watcher judged. */
function sameDeadline(
  c: LockedWatchedComplaint,
  seen: WatchedComplaint,
): c is LockedWatchedComplaint & WatchedComplaint {
  return c.deadlineAt?.getTime() === seen.deadlineAt.getTime() && c.deadlineStep === seen.deadlineStep;
}

/** Every complaint the watcher should look at, page by page (so a large backlog never truncates it). */
async function watchList(
  pool: Pool,
  now: Date,
  o: { horizonDays: number; maxLevel: number; pageSize: number },
): Promise<WatchedComplaint[]> {
  const all: WatchedComplaint[] = [];
  let after: { deadlineAt: Date; id: number } | null = null;
  for (;;) {
    const page = await complaintsToWatch(pool, now, {
      horizonDays: o.horizonDays,
      maxLevel: o.maxLevel,
      limit: o.pageSize,
      after,
    });
    all.push(...page);
    const last = page.at(-1);
    if (!last || page.length < o.pageSize) return all;
    after = { deadlineAt: last.deadlineAt, id: last.id };
  }
}

/**
 * One pass of the deadline watcher: moves open complaints between on_time, at_risk and overdue as
 * working time passes, raises each escalation step when it falls due (with an audit entry and a live
 * update), and closes complaints whose 10-HK no-reply window after a follow-up has passed, as LAPOR does.
 */
export async function watchDeadlines(
  pool: Pool,
  ctx: ComplaintContext,
  now: Date,
  options: WatchOptions = {},
): Promise<WatchResult> {
  const rules = ctx.rules ?? DEFAULT_COMPLAINT_RULES;
  const ladder = ctx.ladder ?? DEFAULT_ESCALATION_LADDER;
  const cal = ctx.calendar();
  const result: WatchResult = { stateChanges: 0, escalations: 0, autoClosed: 0 };
  const toClose: WatchedComplaint[] = [];
  // Far enough ahead to see every complaint that may turn at risk: atRiskHK working days can span a
  // weekend per week plus a long cuti bersama.
  const horizonDays = Math.ceil(rules.atRiskHK * 1.5) + 14;
  const maxLevel = Math.max(0, ...ladder.map((s) => s.level));
  const pageSize = options.pageSize ?? 1000;
  const decide = (c: WatchedComplaint) => {
    const rem = remainingWorkingTime(cal, now, c.deadlineAt);
    const state = deadlineStanding(rem, rules.atRiskHK);
    return { state, due: dueEscalationLevel(rem.overdue, rem.overdue ? rem.workingDays : 0, ladder), rem };
  };
  const mayMove = (c: WatchedComplaint, d: { state: string; due: number }) =>
    d.state !== c.deadlineState || d.due > c.escalationLevel;
  for (const seen of await watchList(pool, now, { horizonDays, maxLevel, pageSize })) {
    if (seen.deadlineStep === 'auto_close') {
      if (seen.status === 'ditindaklanjuti' && now > seen.deadlineAt) toClose.push(seen);
      continue;
    }
    if (!mayMove(seen, decide(seen))) continue;
    await withTransaction(pool, async (client) => {
      // The candidate list is a read from before this transaction: ingest, an officer or another
      // watcher may have changed the complaint since. Act only on the locked row, and only while its
      // deadline is still the one that was judged.
      const c = (await lockWatchedComplaints(client, [seen.id])).get(seen.id);
      if (!c || !c.open || !sameDeadline(c, seen)) return;
      const { state, due, rem } = decide(c);
      if (!mayMove(c, { state, due })) return;
      let changed = false;
      if (state !== c.deadlineState && (await setDeadlineState(client, 'complaint', c.id, c.deadlineAt, state))) {
        result.stateChanges += 1;
        changed = true;
      }
      let level = c.escalationLevel;
      if (due > c.escalationLevel) {
        const raised = await raiseEscalation(client, 'complaint', c.id, c.deadlineAt, c.escalationLevel, due);
        for (const raisedLevel of raised) {
          const step = ladder.find((s) => s.level === raisedLevel);
          await appendAudit(client, {
            actor: 'system:deadline-watcher',
            action: 'escalation.raised',
            entity: 'complaint',
            entityId: String(c.id),
            details: {
              level: raisedLevel,
              role: step?.role ?? null,
              deadlineStep: c.deadlineStep,
              deadlineAt: c.deadlineAt.toISOString(),
              overdueWorkingDays: rem.workingDays,
            },
          });
          await notifyCaseEvent(client, ctx, {
            kind: 'complaint',
            id: c.id,
            event: 'escalated',
            level: raisedLevel,
            deadlineAt: c.deadlineAt,
            now,
          });
        }
        result.escalations += raised.length;
        // The level follows the ladder even when its steps were already recorded for this deadline.
        level = due;
        changed = true;
      }
      if (changed) {
        // Move the complaint between the open-stock counters (no flow changes), from where the locked
        // row says it is, and mark its topics.
        const batch = new RollupBatch(ctx.pack.timeZone);
        batch.add(stockFacts(c, c.deadlineState, c.escalationLevel), stockFacts(c, state, level));
        await batch.flush(client);
      }
    });
  }
  // Deemed complete: followed up and no reply within the auto-close window. Checked again on the locked
  // rows: a reply or a new follow-up that arrived since the candidates were read moves the deadline.
  const bySource = new Map<string, WatchedComplaint[]>();
  for (const c of toClose) bySource.set(c.source, [...(bySource.get(c.source) ?? []), c]);
  for (const [source, list] of bySource) {
    result.autoClosed += await withTransaction(pool, async (client) => {
      const locked = await lockWatchedComplaints(
        client,
        list.map((c) => c.id),
      );
      const items = list
        .filter((seen) => {
          const c = locked.get(seen.id);
          return c && c.status === 'ditindaklanjuti' && sameDeadline(c, seen);
        })
        .map((c) => ({
          externalId: c.externalId,
          event: {
            type: 'completed',
            eventId: `auto-close:${c.deadlineAt.toISOString()}`,
            occurredAt: now.toISOString(),
          },
        }));
      if (items.length === 0) return 0;
      const r = await applyComplaintItems(client, ctx, source, items, `source:${source}`);
      return r.filter((x) => x.status === 'accepted').length;
    });
  }
  const metrics = metricsFor(pool);
  metrics.watcherPasses.inc({ watcher: 'complaints' });
  metrics.escalations.inc({ watcher: 'complaints' }, result.escalations);
  return result;
}

/** Runs the watcher on one node at a time, every `PANTAU_WATCH_SECONDS`. */
export const startDeadlineWatcher: BackgroundStarter = async (ctx) =>
  startLeaderLoop(ctx, {
    name: 'deadline-watcher',
    intervalMs: ctx.env.PANTAU_WATCH_SECONDS * 1000,
    pass: async (log) => {
      // First any recompute owed by a rule or calendar change whose node died before finishing it.
      const recomputed = await resumeRecomputeJobs(ctx.pool, ctx.complaints, {
        prepare: async () => {
          await ctx.reloadCalendar();
          await loadComplaintSettings(ctx.pool, ctx.complaints);
        },
      });
      if (recomputed > 0) log.info({ deadlinesMoved: recomputed }, 'resumed an interrupted deadline recompute');
      const r = await watchDeadlines(ctx.pool, ctx.complaints, new Date());
      if (r.escalations + r.stateChanges + r.autoClosed > 0) log.info(r, 'deadlines moved');
    },
  });
