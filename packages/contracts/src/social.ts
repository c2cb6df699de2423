import { z } from 'zod';
import { opdId } from './common.ts';

// Social media of every OPD (DOMAIN.md §4): daily metrics per account, posts, incoming comments and
// mentions with replies, sentiment and issue/hoax handling. Wire truth for `POST /api/ingest/social`
// and the connectors, which feed the same in-process ingest.

export const socialPlatform = z.enum(['instagram', 'facebook', 'x', 'youtube', 'tiktok']);
export type SocialPlatform = z.infer<typeof socialPlatform>;

export const sentiment = z.enum(['positive', 'neutral', 'negative']);
export type Sentiment = z.infer<typeof sentiment>;

/** Where a flagged issue or hoax suspect stands. */
export const clarificationStatus = z.enum(['belum', 'proses', 'diklarifikasi', 'bukan_hoaks']);
export type ClarificationStatus = z.infer<typeof clarificationStatus>;

const id = z.string().min(1).max(128);
const count = z.number().int().min(0).max(1e13);
const base = { eventId: id, occurredAt: z.iso.datetime({ offset: true }) };

/** An account as sources name it; it must be one of the province's registered OPD accounts. */
export const socialAccountRef = z.object({
  platform: socialPlatform,
  handle: z.string().trim().min(2).max(100),
});
export type SocialAccountRef = z.infer<typeof socialAccountRef>;

/**
 * One day's figures of an account (a local date in the province's zone). Every figure is optional: a
 * platform that does not report one leaves it out, and a later delivery for the same day fills or
 * overwrites only what it carries. `followers` and `totalPosts` are the platform's running totals at the
 * end of (or during) the day; the others are that day's flow.
 */
export const socialDailyFigures = z
  .object({
    followers: count,
    totalPosts: count,
    posts: count,
    reach: count,
    impressions: count,
    likes: count,
    comments: count,
    shares: count,
    saves: count,
    views: count,
  })
  .partial()
  .strict();
export type SocialDailyFigures = z.infer<typeof socialDailyFigures>;

/** One thing a source reports about social media. */
export const socialEvent = z.discriminatedUnion('type', [
  z.object({
    ...base,
    type: z.literal('account_metrics'),
    account: socialAccountRef,
    date: z.iso.date(),
    figures: socialDailyFigures,
  }),
  z.object({
    ...base,
    type: z.literal('post_published'),
    account: socialAccountRef,
    publishedAt: z.iso.datetime({ offset: true }),
    format: z.enum(['image', 'video', 'carousel', 'text', 'reel', 'story', 'live']).default('image'),
    url: z
      .url({ protocol: /^https?$/ })
      .max(1000)
      .optional(),
    /** Post figures so far (likes, comments, shares, saves, reach, impressions, views). */
    figures: socialDailyFigures.optional(),
  }),
  z.object({ ...base, type: z.literal('post_metrics'), figures: socialDailyFigures }),
  z.object({
    ...base,
    type: z.literal('interaction_received'),
    account: socialAccountRef,
    kind: z.enum(['comment', 'mention', 'dm']),
    /** The public text; kept apart and never shown on public routes. */
    text: z.string().max(5000).optional(),
    sentiment: sentiment.optional(),
    issueTag: z.string().trim().min(1).max(100).optional(),
    hoaxSuspect: z.boolean().default(false),
    /** Whether the OPD is expected to reply (questions, complaints). @default true */
    needsReply: z.boolean().default(true),
  }),
  z.object({ ...base, type: z.literal('interaction_replied') }),
  z.object({
    ...base,
    type: z.literal('interaction_classified'),
    sentiment: sentiment.optional(),
    issueTag: z.string().trim().min(1).max(100).nullable().optional(),
    hoaxSuspect: z.boolean().optional(),
  }),
  z.object({ ...base, type: z.literal('issue_clarification'), status: clarificationStatus }),
]);
export type SocialEvent = z.infer<typeof socialEvent>;
export type SocialEventType = SocialEvent['type'];

/**
 * One item: `externalId` names the entity the event is about — for `account_metrics` any stable id of
 * the (account, day), for posts the platform's post id, for interactions the comment or mention id.
 */
export const socialIngestItem = z.object({ externalId: id, event: socialEvent });
export type SocialIngestItem = z.infer<typeof socialIngestItem>;

export const socialIngestBatch = z
  .object({
    source: z.string().regex(/^[a-z0-9_-]{1,64}$/, 'expected a source id of a-z, 0-9, _ and -'),
    items: z.array(z.unknown()).min(1).max(1000),
  })
  .strict();

export const socialKpiQuery = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  opdId: opdId.optional(),
  platform: socialPlatform.optional(),
  /** Engagement-rate denominator. @default reach */
  basis: z.enum(['reach', 'followers']).default('reach'),
  /** Reply-time target in minutes. @default 1440 (1×24 jam) */
  replyTargetMinutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .default(1440),
});
export type SocialKpiQuery = z.infer<typeof socialKpiQuery>;

const nullableNumber = z.number().nullable();

/** Social KPIs over a period (formulas in docs/domain/social-kpis.md and domain/social/kpi.ts). */
export const socialKpis = z.object({
  followersStart: nullableNumber,
  followersEnd: nullableNumber,
  followerGrowth: nullableNumber,
  followerGrowthPct: nullableNumber,
  postsPublished: z.number().int(),
  postsPerWeek: nullableNumber,
  engagementRatePct: nullableNumber,
  engagementBasis: z.enum(['reach', 'followers']),
  interactionsNeedingReply: z.number().int(),
  replied: z.number().int(),
  replyRatePct: nullableNumber,
  medianReplyMinutes: nullableNumber,
  repliedWithinTargetPct: nullableNumber,
  replyTargetMinutes: z.number().int(),
  sentiment: z.object({ positive: z.number().int(), neutral: z.number().int(), negative: z.number().int() }),
  sentimentPct: z.object({ positive: nullableNumber, neutral: nullableNumber, negative: nullableNumber }),
  openIssues: z.number().int(),
  openHoaxSuspects: z.number().int(),
  medianMinutesToClarify: nullableNumber,
});
export type SocialKpis = z.infer<typeof socialKpis>;
