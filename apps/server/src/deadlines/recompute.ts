import { openComplaintStates, RollupBatch, updateComplaintDeadline, withTransaction, type Pool } from '@pantau/db';
import { deadlineOf, type ComplaintContext } from '../ingest/complaint-ingest.ts';
import { stockFacts } from './watcher.ts';

/**
 * After the calendar changed (an admin added a cuti bersama), recomputes the deadline of every open
 * complaint from its folded events, page by page; moves the open-stock counters and marks the topics
 * of those that changed. Returns how many deadlines moved.
 */
export async function recomputeOpenDeadlines(pool: Pool, ctx: ComplaintContext, now = new Date()): Promise<number> {
  let moved = 0;
  let after = 0;
  for (;;) {
    const page = await openComplaintStates(pool, after, 1000);
    if (page.length === 0) break;
    after = page.at(-1)!.id;
    const changed = page
      .map((c) => ({ c, d: deadlineOf(c.state, ctx, now) }))
      .filter(
        ({ c, d }) => (c.deadlineAt?.getTime() ?? null) !== (d.at?.getTime() ?? null) || c.deadlineState !== d.state,
      );
    if (changed.length === 0) continue;
    await withTransaction(pool, async (client) => {
      const batch = new RollupBatch(ctx.pack.timeZone);
      for (const { c, d } of changed) {
        await updateComplaintDeadline(client, c.id, d.step, d.at, d.state);
        const deadlineMoved = (c.deadlineAt?.getTime() ?? null) !== (d.at?.getTime() ?? null);
        const facts = { ...c, deadlineAt: c.state.submittedAt };
        batch.add(
          stockFacts(facts, c.deadlineState, c.escalationLevel),
          stockFacts(facts, d.state, deadlineMoved ? 0 : c.escalationLevel),
        );
        if (deadlineMoved) moved += 1;
      }
      await batch.flush(client);
    });
  }
  return moved;
}
