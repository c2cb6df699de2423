import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  claimRecomputeJob,
  finishRecomputeJob,
  lockOpenComplaints,
  recordRecomputeProgress,
  requestRecompute,
  RollupBatch,
  updateComplaintDeadline,
  withTransaction,
  type Pool,
  type RecomputeJob,
} from '@pantau/db';
import { complaintDeadline, completionDue } from '@pantau/domain';
import type { ComplaintContext } from '../ingest/complaint-ingest.ts';
import { stockFacts } from './stock-facts.ts';

export { recomputeStatus } from '@pantau/db';

const time = (d: Date | null) => d?.getTime() ?? null;

/** This process, as the claimant of recompute jobs. */
const NODE = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

export interface RecomputeOptions {
  now?: Date;
  /** Open complaints locked and recomputed per transaction. @default 1000 */
  pageSize?: number;
  /** A claim with no progress for this long is taken over (its node died). @default 60000 */
  staleMs?: number;
}

class JobTakenOver extends Error {}

/**
 * Runs a claimed job from where it stands to the end, one locked page of open complaints per
 * transaction; each page records its progress in the same transaction, so a crash loses at most the
 * page under way and whoever resumes starts after the last committed one. Returns how many step
 * deadlines moved (0 if another node took the job over).
 */
async function runJob(pool: Pool, ctx: ComplaintContext, job: RecomputeJob, o: Required<RecomputeOptions>) {
  let after = job.afterId;
  let moved = 0;
  const claim = { id: job.id, node: NODE };
  try {
    for (;;) {
      const done = await withTransaction(pool, async (client) => {
        const page = await lockOpenComplaints(client, after, o.pageSize);
        if (page.length === 0) return true;
        const batch = new RollupBatch(ctx.pack.timeZone);
        let pageMoved = 0;
        for (const c of page) {
          const d = complaintDeadline(c.state, ctx.calendar(), o.now, ctx.rules);
          const completionDueAt = completionDue(c.state, ctx.calendar(), ctx.rules);
          const deadlineMoved = time(c.deadlineAt) !== time(d.at);
          if (!deadlineMoved && c.deadlineState === d.state && time(c.completionDueAt) === time(completionDueAt))
            continue;
          const level = await updateComplaintDeadline(client, c.id, {
            step: d.step,
            at: d.at,
            state: d.state,
            completionDueAt,
          });
          const facts = { ...c, deadlineAt: c.state.submittedAt };
          batch.add(stockFacts(facts, c.deadlineState, c.escalationLevel), stockFacts(facts, d.state, level));
          if (deadlineMoved) pageMoved += 1;
        }
        await batch.flush(client);
        const last = page.at(-1)!.id;
        if (!(await recordRecomputeProgress(client, claim, last, pageMoved))) throw new JobTakenOver();
        after = last;
        moved += pageMoved;
        return page.length < o.pageSize;
      });
      if (done) break;
    }
  } catch (err) {
    if (err instanceof JobTakenOver) return 0;
    throw err;
  }
  await finishRecomputeJob(pool, { ...claim, claimedAt: job.claimedAt, fromStart: job.afterId === 0 });
  return moved;
}

function withDefaults(ctx: ComplaintContext, o: RecomputeOptions): Required<RecomputeOptions> {
  return {
    now: o.now ?? ctx.now?.() ?? new Date(),
    pageSize: o.pageSize ?? 1000,
    staleMs: o.staleMs ?? 60_000,
  };
}

/**
 * After the rules or the calendar changed (an admin added a cuti bersama), recomputes the step deadline
 * and the completion target of every open complaint from its folded events; moves the open-stock
 * counters and marks the topics of those that changed. Durable: it runs as a `recompute_job` (the
 * change itself already wrote one, by trigger, in its own transaction), so if this node dies mid-way the
 * next leader finishes it (`resumeRecomputeJobs`). Returns how many step deadlines moved.
 */
export async function recomputeOpenDeadlines(
  pool: Pool,
  ctx: ComplaintContext,
  now = ctx.now?.() ?? new Date(),
  pageSize = 1000,
): Promise<number> {
  const o = withDefaults(ctx, { now, pageSize });
  const id = await requestRecompute(pool, 'recompute requested');
  const job = await claimRecomputeJob(pool, NODE, Math.ceil(o.staleMs / 1000), id);
  return job ? runJob(pool, ctx, job, o) : 0;
}

/**
 * Finishes every recompute owed: changes whose node crashed before or while recomputing, or that were
 * made while another recompute ran. `prepare` runs once before the first job (re-read the rules and the
 * calendar: the job must run on what is committed, not on this node's memory). Returns deadlines moved.
 */
export async function resumeRecomputeJobs(
  pool: Pool,
  ctx: ComplaintContext,
  options: RecomputeOptions & { prepare?: () => Promise<void> } = {},
): Promise<number> {
  const o = withDefaults(ctx, options);
  let moved = 0;
  let prepared = false;
  for (;;) {
    const job = await claimRecomputeJob(pool, NODE, Math.ceil(o.staleMs / 1000));
    if (!job) return moved;
    if (!prepared) {
      await options.prepare?.();
      prepared = true;
    }
    moved += await runJob(pool, ctx, job, o);
  }
}
