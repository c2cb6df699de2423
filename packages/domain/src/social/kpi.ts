import type { Sentiment, SocialKpis } from '@pantau/contracts';

/** The figures an engagement rate is computed from (one day, one post, or a period's sums). */
export interface EngagementFigures {
  likes?: number | null;
  comments?: number | null;
  shares?: number | null;
  saves?: number | null;
  reach?: number | null;
  followers?: number | null;
}

/** Engagements = likes + comments + shares + saves (missing figures count as 0). */
export function engagements(f: EngagementFigures): number {
  return (f.likes ?? 0) + (f.comments ?? 0) + (f.shares ?? 0) + (f.saves ?? 0);
}

/**
 * Engagement rate in percent.
 * - `reach` (default, for the OPD's own accounts): (likes + comments + shares + saves) ÷ reach × 100.
 * - `followers` (to compare accounts whose reach is unknown, e.g. other bodies'): the same engagements
 *   ÷ followers × 100.
 * Null when the denominator is missing or 0 — never Infinity or NaN.
 * @example engagementRate({ likes: 90, comments: 6, shares: 3, saves: 1, reach: 2000 }) // → 5
 */
export function engagementRate(f: EngagementFigures, basis: 'reach' | 'followers' = 'reach'): number | null {
  const denominator = basis === 'reach' ? f.reach : f.followers;
  if (!denominator || denominator <= 0) return null;
  return (engagements(f) / denominator) * 100;
}

/**
 * Follower growth between the first and last known follower counts of a period: absolute, and in
 * percent of the first count (null when the first is 0 or unknown).
 */
export function followerGrowth(
  first: number | null,
  last: number | null,
): { absolute: number | null; percent: number | null } {
  if (first === null || last === null) return { absolute: null, percent: null };
  return { absolute: last - first, percent: first > 0 ? ((last - first) / first) * 100 : null };
}

/** Posting rate = posts published ÷ days in the period × 7, i.e. posts per week. Null for a 0-day period. */
export function postsPerWeek(posts: number, days: number): number | null {
  return days > 0 ? (posts / days) * 7 : null;
}

/** The median of some numbers (the mean of the middle two for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One incoming comment, mention or DM as the reply and issue KPIs see it. */
export interface InteractionFacts {
  receivedAt: Date;
  repliedAt: Date | null;
  needsReply: boolean;
  sentiment: Sentiment | null;
  issueTag: string | null;
  hoaxSuspect: boolean;
  clarificationStatus: 'belum' | 'proses' | 'diklarifikasi' | 'bukan_hoaks' | null;
  clarifiedAt: Date | null;
}

const minutes = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 60_000;

/**
 * Reply KPIs over the interactions that need a reply:
 * - reply rate = replied ÷ needing a reply × 100;
 * - median reply time = median of (repliedAt − receivedAt) in minutes, over replied ones;
 * - within target = replied no later than `targetMinutes` after receipt ÷ needing a reply × 100 (an
 *   unanswered one counts as missing the target). Default target 1×24 jam = 1440 minutes.
 */
export function replyKpis(items: readonly InteractionFacts[], targetMinutes = 1440) {
  const needing = items.filter((i) => i.needsReply);
  const replied = needing.filter((i) => i.repliedAt !== null);
  const times = replied.map((i) => Math.max(0, minutes(i.receivedAt, i.repliedAt!)));
  const within = times.filter((t) => t <= targetMinutes).length;
  return {
    needing: needing.length,
    replied: replied.length,
    replyRatePct: needing.length > 0 ? (replied.length / needing.length) * 100 : null,
    medianReplyMinutes: median(times),
    repliedWithinTargetPct: needing.length > 0 ? (within / needing.length) * 100 : null,
  };
}

/** Sentiment counts and each one's share in percent of the classified interactions. */
export function sentimentMix(items: readonly Pick<InteractionFacts, 'sentiment'>[]) {
  const counts = { positive: 0, neutral: 0, negative: 0 };
  for (const i of items) if (i.sentiment) counts[i.sentiment] += 1;
  const total = counts.positive + counts.neutral + counts.negative;
  const pct = (n: number) => (total > 0 ? (n / total) * 100 : null);
  return {
    counts,
    pct: { positive: pct(counts.positive), neutral: pct(counts.neutral), negative: pct(counts.negative) },
  };
}

/**
 * Issues and hoax suspects: open = flagged (issue tag or hoax suspect) and not yet `diklarifikasi` or
 * `bukan_hoaks`; time to clarification = median minutes from receipt to the clarification, over those
 * clarified.
 */
export function issueKpis(items: readonly InteractionFacts[]) {
  const flagged = items.filter((i) => i.issueTag !== null || i.hoaxSuspect);
  const closed = (i: InteractionFacts) =>
    i.clarificationStatus === 'diklarifikasi' || i.clarificationStatus === 'bukan_hoaks';
  const open = flagged.filter((i) => !closed(i));
  const clarified = flagged.filter((i) => closed(i) && i.clarifiedAt !== null);
  return {
    openIssues: open.length,
    openHoaxSuspects: open.filter((i) => i.hoaxSuspect).length,
    medianMinutesToClarify: median(clarified.map((i) => Math.max(0, minutes(i.receivedAt, i.clarifiedAt!)))),
  };
}

/** A period's account figures, summed per day across the accounts in scope. */
export interface SocialPeriodFigures {
  days: number;
  followersStart: number | null;
  followersEnd: number | null;
  postsPublished: number;
  likes: number;
  comments: number;
  shares: number;
  saves: number;
  /** Sum of daily reach over days where reach is known (and its engagements only). */
  reach: number;
  engagementsOnReachDays: number;
  /** Mean follower count over the period, for the follower-based rate. */
  meanFollowers: number | null;
}

/** All social KPIs of a period (see docs/domain/social-kpis.md for each formula). */
export function summarizeSocial(
  figures: SocialPeriodFigures,
  interactions: readonly InteractionFacts[],
  options: { basis?: 'reach' | 'followers'; replyTargetMinutes?: number } = {},
): SocialKpis {
  const basis = options.basis ?? 'reach';
  const target = options.replyTargetMinutes ?? 1440;
  const growth = followerGrowth(figures.followersStart, figures.followersEnd);
  // Reach-based: only days whose reach is known, so unknown reach never inflates the rate.
  const er =
    basis === 'reach'
      ? figures.reach > 0
        ? (figures.engagementsOnReachDays / figures.reach) * 100
        : null
      : engagementRate({ ...figures, followers: figures.meanFollowers }, 'followers');
  const replies = replyKpis(interactions, target);
  const mix = sentimentMix(interactions);
  const issues = issueKpis(interactions);
  return {
    followersStart: figures.followersStart,
    followersEnd: figures.followersEnd,
    followerGrowth: growth.absolute,
    followerGrowthPct: growth.percent,
    postsPublished: figures.postsPublished,
    postsPerWeek: postsPerWeek(figures.postsPublished, figures.days),
    engagementRatePct: er,
    engagementBasis: basis,
    interactionsNeedingReply: replies.needing,
    replied: replies.replied,
    replyRatePct: replies.replyRatePct,
    medianReplyMinutes: replies.medianReplyMinutes,
    repliedWithinTargetPct: replies.repliedWithinTargetPct,
    replyTargetMinutes: target,
    sentiment: mix.counts,
    sentimentPct: mix.pct,
    ...issues,
  };
}
