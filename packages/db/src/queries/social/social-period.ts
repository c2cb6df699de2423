import type { Pool } from '../../connection.ts';

export interface SocialScope {
  from: string;
  to: string;
  timeZone: string;
  opdId?: string | undefined;
  platform?: string | undefined;
}

export interface SocialPeriodTotals {
  days: number;
  followersStart: number | null;
  followersEnd: number | null;
  postsPublished: number;
  likes: number;
  comments: number;
  shares: number;
  saves: number;
  reach: number;
  engagementsOnReachDays: number;
  meanFollowers: number | null;
}

/**
 * Sums of the daily series over a period for the accounts in scope. Followers at the start and end are
 * summed over accounts from each account's first and last known day in the period. Posts published are
 * the reported `posts` where present, else the rise of the platform's running total.
 */
export async function socialPeriodTotals(pool: Pool, s: SocialScope): Promise<SocialPeriodTotals> {
  const { rows } = await pool.query(
    `WITH scoped AS (
       SELECT m.* FROM social_daily_metric m JOIN social_account a ON a.id = m.account_id
       WHERE m.day BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR a.opd_id = $3)
         AND ($4::text IS NULL OR a.platform = $4)
     ), per_account AS (
       SELECT account_id,
         (array_agg(followers ORDER BY day) FILTER (WHERE followers IS NOT NULL))[1] AS f_first,
         (array_agg(followers ORDER BY day DESC) FILTER (WHERE followers IS NOT NULL))[1] AS f_last,
         avg(followers) AS f_mean,
         sum(posts) AS posts,
         max(total_posts) - min(total_posts) AS posts_from_total
       FROM scoped GROUP BY account_id
     )
     SELECT ($2::date - $1::date + 1) AS days,
       (SELECT sum(f_first) FROM per_account) AS followers_start,
       (SELECT sum(f_last) FROM per_account) AS followers_end,
       (SELECT sum(f_mean) FROM per_account) AS mean_followers,
       (SELECT coalesce(sum(coalesce(posts, posts_from_total, 0)), 0) FROM per_account) AS posts,
       coalesce(sum(likes), 0) AS likes, coalesce(sum(comments), 0) AS comments,
       coalesce(sum(shares), 0) AS shares, coalesce(sum(saves), 0) AS saves,
       coalesce(sum(reach) FILTER (WHERE reach > 0), 0) AS reach,
       coalesce(sum(coalesce(likes, 0) + coalesce(comments, 0) + coalesce(shares, 0) + coalesce(saves, 0))
         FILTER (WHERE reach > 0), 0) AS eng_reach
     FROM scoped`,
    [s.from, s.to, s.opdId ?? null, s.platform ?? null],
  );
  const r = rows[0];
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    days: Number(r.days),
    followersStart: num(r.followers_start),
    followersEnd: num(r.followers_end),
    postsPublished: Number(r.posts),
    likes: Number(r.likes),
    comments: Number(r.comments),
    shares: Number(r.shares),
    saves: Number(r.saves),
    reach: Number(r.reach),
    engagementsOnReachDays: Number(r.eng_reach),
    meanFollowers: num(r.mean_followers),
  };
}
