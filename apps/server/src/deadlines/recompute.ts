import { lockOpenComplaints, RollupBatch, updateComplaintDeadline, withTransaction, type Pool } from '@pantau/db';
import { completionDueOf, deadlineOf, type ComplaintContext } from '../ingest/complaint-ingest.ts';
import { stockFacts } from './watcher.ts';

const time = (d: Date | null) => d?.getTime() ?? null;

/**
 * After the calendar changed (an admin added a cuti bersama), recomputes the step deadline and the
 * completion target of every open complaint from its folded events, one locked page at a time; moves
 * the open-stock counters and marks the topics of those that changed. Returns how many step deadlines
 * moved.
 */
export async function recomputeOpenDeadlines(
  pool: Pool,
  ctx: ComplaintContext,
  now = ctx.now?.() ?? new Date(),
  pageSize = 1000,
): Promise<number> {
  let moved = 0;
  let after = 0;
  for (;;) {
    const done = await withTransaction(pool, async (client) => {
      const page = await lockOpenComplaints(client, after, pageSize);
      if (page.length === 0) return true;
      after = page.at(-1)!.id;
      const batch = new RollupBatch(ctx.pack.timeZone);
      for (const c of page) {
        const d = deadlineOf(c.state, ctx, now);
        const completionDueAt = completionDueOf(c.state, ctx);
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
        if (deadlineMoved) moved += 1;
      }
      await batch.flush(client);
      return page.length < pageSize;
    });
    if (done) return moved;
  }
}
