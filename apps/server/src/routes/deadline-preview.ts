import { readOpenComplaints, type Pool, type PoolClient } from '@pantau/db';
import { complaintDeadline, completionDue } from '@pantau/domain';
import type { ComplaintContext } from '../ingest/complaint-ingest.ts';

const time = (d: Date | null) => d?.getTime() ?? null;

/**
 * How many open complaints' step deadline or completion target differ between two configurations (the
 * calendar or the rules as they are, and as an admin's edit would make them): what the edit would move.
 * Reads pages without locks and writes nothing.
 */
export async function deadlinesMoving(
  db: Pool | PoolClient,
  was: ComplaintContext,
  will: ComplaintContext,
): Promise<number> {
  const now = was.now?.() ?? new Date();
  let moving = 0;
  for (let afterId = 0; ;) {
    const page = await readOpenComplaints(db, afterId, 1000);
    if (page.length === 0) return moving;
    afterId = page.at(-1)!.id;
    for (const c of page) {
      if (
        time(complaintDeadline(c.state, was.calendar(), now, was.rules).at) !==
          time(complaintDeadline(c.state, will.calendar(), now, will.rules).at) ||
        time(completionDue(c.state, was.calendar(), was.rules)) !==
          time(completionDue(c.state, will.calendar(), will.rules))
      )
        moving += 1;
    }
  }
}
