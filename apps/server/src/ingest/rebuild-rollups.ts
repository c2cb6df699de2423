import { complaintEvent, type ComplaintEvent } from '@pantau/contracts';
import {
  clearComplaintRollups,
  complaintsWithEvents,
  lockRollupRebuild,
  RollupBatch,
  withTransaction,
  type Pool,
} from '@pantau/db';
import { complaintFacts, foldEvents } from '@pantau/domain';
import type { ComplaintContext } from './complaint-ingest.ts';

/**
 * Recomputes every complaint rollup from the event log: each complaint's events are folded again and
 * counted as one change from nothing to its current state. Runs in one transaction, so readers see the
 * old rollups until the new ones are complete. Equal to what ingest maintained incrementally.
 */
export async function rebuildComplaintRollups(pool: Pool, ctx: ComplaintContext): Promise<{ complaints: number }> {
  let complaints = 0;
  await withTransaction(pool, async (client) => {
    await lockRollupRebuild(client);
    await clearComplaintRollups(client);
    let after = 0;
    for (;;) {
      const page = await complaintsWithEvents(client, after, 2000);
      if (page.length === 0) break;
      const batch = new RollupBatch(ctx.pack.timeZone);
      for (const c of page) {
        // Stored submissions lack the body (kept apart); the fold does not need it.
        const events: ComplaintEvent[] = c.events.map((e) =>
          complaintEvent.parse(e.type === 'submitted' ? { body: '', ...e } : e),
        );
        const folded = foldEvents(events, ctx.labels);
        if (folded.ok) batch.add(null, complaintFacts(folded.state, ctx.calendar(), c, ctx.rules));
        after = c.id;
      }
      await batch.flush(client);
      complaints += page.length;
    }
  });
  return { complaints };
}
