import type { Pool } from '../../connection.ts';
import type { SocialScope } from './social-period.ts';

export interface SocialReplySummary {
  needing: number;
  replied: number;
  /** Replied no later than the target after receipt. */
  withinTarget: number;
  /** Median minutes from receipt to reply over the replied ones (the mean of the middle two for an even count). */
  medianReplyMinutes: number | null;
  sentiment: { positive: number; neutral: number; negative: number };
}

/**
 * Reply and sentiment figures of the interactions received in the period (local dates), aggregated in
 * SQL — the same formulas as `replyKpis` and `sentimentMix` in the domain — so a live topic gets one row
 * instead of every comment of the month.
 */
export async function socialReplySummary(
  pool: Pool,
  s: SocialScope,
  targetMinutes: number,
): Promise<SocialReplySummary> {
  const { rows } = await pool.query(
    `WITH scoped AS (
       SELECT i.needs_reply, i.replied_at, i.sentiment,
         greatest(0, extract(epoch FROM i.replied_at - i.received_at) / 60) AS minutes
       FROM social_interaction i JOIN social_account a ON a.id = i.account_id
       WHERE i.received_at >= ($1::date::timestamp AT TIME ZONE $5)
         AND i.received_at < (($2::date + 1)::timestamp AT TIME ZONE $5)
         AND ($3::text IS NULL OR a.opd_id = $3) AND ($4::text IS NULL OR a.platform = $4)
     )
     SELECT count(*) FILTER (WHERE needs_reply)::int AS needing,
       count(*) FILTER (WHERE needs_reply AND replied_at IS NOT NULL)::int AS replied,
       count(*) FILTER (WHERE needs_reply AND replied_at IS NOT NULL AND minutes <= $6)::int AS within_target,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes) FILTER (WHERE needs_reply AND replied_at IS NOT NULL)
         AS median_minutes,
       count(*) FILTER (WHERE sentiment = 'positive')::int AS positive,
       count(*) FILTER (WHERE sentiment = 'neutral')::int AS neutral,
       count(*) FILTER (WHERE sentiment = 'negative')::int AS negative
     FROM scoped`,
    [s.from, s.to, s.opdId ?? null, s.platform ?? null, s.timeZone, targetMinutes],
  );
  const r = rows[0];
  return {
    needing: r.needing,
    replied: r.replied,
    withinTarget: r.within_target,
    medianReplyMinutes: r.median_minutes === null ? null : Number(r.median_minutes),
    sentiment: { positive: r.positive, neutral: r.neutral, negative: r.negative },
  };
}
