import type { ComplaintRollupFacts, WatchedComplaint } from '@pantau/db';

/**
 * The rollup facts of an open complaint as a stock (its state and level, nothing about its flow), so a
 * change of deadline state or escalation level moves one complaint from one cell to another. The
 * watcher, the recompute job and the complaint actions all move complaints this way.
 */
export function stockFacts(
  c: Pick<WatchedComplaint, 'opdId' | 'regencyCode' | 'status' | 'deadlineAt'>,
  deadlineState: string,
  escalationLevel: number,
): ComplaintRollupFacts {
  return {
    opdId: c.opdId,
    regencyCode: c.regencyCode,
    channel: '',
    topic: null,
    classification: '',
    submittedAt: c.deadlineAt,
    verifiedAt: null,
    firstFollowUpAt: null,
    completedAt: null,
    deletedAt: null,
    followUpWorkingDays: null,
    followUpOnTime: null,
    open: true,
    status: c.status,
    deadlineState,
    escalated: escalationLevel > 0,
  };
}
