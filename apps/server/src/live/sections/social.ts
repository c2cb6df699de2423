import { socialOpenIssues, socialPeriodTotals, socialReplySummary } from '@pantau/db';
import type { SocialFigures } from '@pantau/contracts';
import { addDays, localDateOf, summarizeSocial } from '@pantau/domain';
import type { SectionBuilder } from '../topic-scope.ts';

export interface SocialSectionOptions {
  /** @default () => new Date() */
  now?: () => Date;
  /** Days the figures cover, today included. @default 30 */
  days?: number;
  /** Reply-time target in minutes. @default 1440 (1×24 jam) */
  replyTargetMinutes?: number;
}

const round = (n: number | null, digits = 1) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);
const pct = (part: number, whole: number) => (whole > 0 ? round((part / whole) * 100) : null);

/**
 * The social part of a province or OPD topic over the last 30 days (accounts have no regency, so
 * regency topics get none): followers and growth, reach-based engagement rate, reply rate and median
 * reply time against the target, the sentiment mix, and the issues and hoax suspects open now. The
 * formulas are those of docs/domain/social-kpis.md; the daily series and the interactions are summed in
 * SQL, so a build reads a couple of rows, not every comment.
 */
export function createSocialSection(options: SocialSectionOptions = {}): SectionBuilder<'social'> {
  const target = options.replyTargetMinutes ?? 1440;
  return async (pool, scope, pack) => {
    if (scope.kind === 'regency') return null;
    const opdId = scope.kind === 'opd' ? scope.opdId : undefined;
    const to = localDateOf(options.now?.() ?? new Date(), pack.timeZone);
    const from = addDays(to, -((options.days ?? 30) - 1));
    const q = { from, to, timeZone: pack.timeZone, opdId };
    const [totals, replies, issues] = await Promise.all([
      socialPeriodTotals(pool, q),
      socialReplySummary(pool, q, target),
      socialOpenIssues(pool, opdId),
    ]);
    // Follower, posting and engagement figures with the domain formulas (no interactions needed for those).
    const k = summarizeSocial(totals, [], { basis: 'reach' });
    const s = replies.sentiment;
    const classified = s.positive + s.neutral + s.negative;
    const section: SocialFigures = {
      period: { from, to },
      followers: k.followersEnd,
      followerGrowth: k.followerGrowth,
      followerGrowthPct: round(k.followerGrowthPct, 2),
      postsPublished: k.postsPublished,
      engagementRatePct: round(k.engagementRatePct, 2),
      engagementBasis: 'reach',
      replies: {
        needing: replies.needing,
        replied: replies.replied,
        replyRatePct: pct(replies.replied, replies.needing),
        medianReplyMinutes: round(replies.medianReplyMinutes, 0),
        withinTargetPct: pct(replies.withinTarget, replies.needing),
        targetMinutes: target,
      },
      sentiment: {
        ...s,
        pct: {
          positive: pct(s.positive, classified),
          neutral: pct(s.neutral, classified),
          negative: pct(s.negative, classified),
        },
      },
      openIssues: issues.openIssues,
      openHoaxSuspects: issues.openHoaxSuspects,
    };
    return section;
  };
}

export const socialSection: SectionBuilder<'social'> = createSocialSection();
