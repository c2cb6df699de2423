import type { PoolClient } from '../../connection.ts';
import { touchTopics } from './touch-topics.ts';

/**
 * What the live engine needs to know about a complaint before and after a change. The ingest and action
 * paths derive it from the complaint's folded state; rollups never read raw events.
 */
export interface ComplaintRollupFacts {
  opdId: string | null;
  regencyCode: string | null;
  channel: string;
  topic: string | null;
  classification: string;
  submittedAt: Date;
  verifiedAt: Date | null;
  /** The first follow-up posted by the OPD. */
  firstFollowUpAt: Date | null;
  completedAt: Date | null;
  deletedAt: Date | null;
  /** Working days from dispatch to the first follow-up, once known. */
  followUpWorkingDays: number | null;
  /** Whether that first follow-up met its deadline. */
  followUpOnTime: boolean | null;
}

const MILESTONES = [
  ['received', 'submittedAt'],
  ['verified', 'verifiedAt'],
  ['followed_up', 'firstFollowUpAt'],
  ['completed', 'completedAt'],
  ['deleted', 'deletedAt'],
] as const;

function hourOf(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 3_600_000) * 3_600_000);
}

/**
 * Inside the caller's transaction: counts each milestone the change newly reached into the hour rollup
 * (under the complaint's dimensions at that moment), the minute intake rollup, and marks the affected
 * live topics as changed. Milestones already counted are never counted again, so replays change nothing.
 */
export async function recordComplaintChange(
  client: PoolClient,
  before: ComplaintRollupFacts | null,
  after: ComplaintRollupFacts,
  /** Collects the changed topics for the caller to touch once per transaction (a batch); else touched now. */
  changedTopics?: Set<string>,
): Promise<void> {
  for (const [column, field] of MILESTONES) {
    const at = after[field];
    if (!at || (before && before[field])) continue;
    const extra =
      column === 'followed_up'
        ? {
            onTime: after.followUpOnTime ? 1 : 0,
            hk: after.followUpWorkingDays ?? 0,
          }
        : { onTime: 0, hk: 0 };
    const verifyHours =
      column === 'verified' ? Math.max(0, (at.getTime() - after.submittedAt.getTime()) / 3_600_000) : 0;
    await client.query(
      `INSERT INTO complaint_rollup_hour AS r (bucket, opd_id, regency_code, channel, topic, classification,
         ${column}, followed_up_on_time, follow_up_hk_sum, verify_hours_sum)
       VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8, $9)
       ON CONFLICT (bucket, opd_id, regency_code, channel, topic, classification) DO UPDATE SET
         ${column} = r.${column} + 1,
         followed_up_on_time = r.followed_up_on_time + EXCLUDED.followed_up_on_time,
         follow_up_hk_sum = r.follow_up_hk_sum + EXCLUDED.follow_up_hk_sum,
         verify_hours_sum = r.verify_hours_sum + EXCLUDED.verify_hours_sum`,
      [
        hourOf(at),
        after.opdId ?? '',
        after.regencyCode ?? '',
        after.channel,
        after.topic ?? '',
        after.classification,
        extra.onTime,
        extra.hk,
        verifyHours,
      ],
    );
  }
  if (!before) {
    await client.query(
      `INSERT INTO complaint_rollup_minute AS r (bucket, channel, received) VALUES (date_trunc('minute', $1::timestamptz), $2, 1)
       ON CONFLICT (bucket, channel) DO UPDATE SET received = r.received + 1`,
      [after.submittedAt, after.channel],
    );
  }
  const topics = changedTopics ?? new Set<string>();
  for (const t of ['province', 'worklist', 'public:province']) topics.add(t);
  for (const facts of [before, after]) {
    if (facts?.opdId) {
      topics.add(`opd:${facts.opdId}`);
      topics.add(`public:opd:${facts.opdId}`);
    }
    if (facts?.regencyCode) topics.add(`regency:${facts.regencyCode}`);
  }
  if (!changedTopics) await touchTopics(client, [...topics]);
}
