import { describe, expect, it } from 'vitest';
import {
  engagementRate,
  followerGrowth,
  issueKpis,
  median,
  postsPerWeek,
  replyKpis,
  sentimentMix,
  summarizeSocial,
  type InteractionFacts,
} from './kpi.ts';

const at = (local: string) => new Date(`${local}+07:00`);
const interaction = (over: Partial<InteractionFacts>): InteractionFacts => ({
  receivedAt: at('2025-03-03T08:00:00'),
  repliedAt: null,
  needsReply: true,
  sentiment: null,
  issueTag: null,
  hoaxSuspect: false,
  clarificationStatus: null,
  clarifiedAt: null,
  ...over,
});

describe('engagement rate', () => {
  it('is reach-based by default: (90 + 6 + 3 + 1) / 2000 × 100 = 5%', () => {
    expect(engagementRate({ likes: 90, comments: 6, shares: 3, saves: 1, reach: 2000 })).toBe(5);
  });

  it('is follower-based on request: 100 / 8000 × 100 = 1.25%', () => {
    expect(engagementRate({ likes: 90, comments: 6, shares: 3, saves: 1, followers: 8000 }, 'followers')).toBe(1.25);
  });

  it('is null, not Infinity, when reach is 0 or unknown', () => {
    expect(engagementRate({ likes: 5, reach: 0 })).toBeNull();
    expect(engagementRate({ likes: 5 })).toBeNull();
  });
});

describe('growth and posting rate', () => {
  it('grows 10,000 → 10,250 followers by 250, i.e. 2.5%', () => {
    expect(followerGrowth(10_000, 10_250)).toEqual({ absolute: 250, percent: 2.5 });
    expect(followerGrowth(0, 10)).toEqual({ absolute: 10, percent: null });
  });

  it('posts 12 times in 28 days = 3 posts per week', () => {
    expect(postsPerWeek(12, 28)).toBe(3);
  });
});

describe('replies against the 1×24 jam target', () => {
  it('counts rate, median and share within target by hand', () => {
    const items = [
      interaction({ repliedAt: at('2025-03-03T09:00:00') }), // 60 min
      interaction({ repliedAt: at('2025-03-03T14:00:00') }), // 360 min
      interaction({ repliedAt: at('2025-03-05T08:00:00') }), // 2880 min, past 24 h
      interaction({}), // unanswered
      interaction({ needsReply: false }), // a plain compliment: not counted
    ];
    expect(replyKpis(items)).toEqual({
      needing: 4,
      replied: 3,
      replyRatePct: 75,
      medianReplyMinutes: 360,
      repliedWithinTargetPct: 50,
    });
    expect(replyKpis(items, 3000).repliedWithinTargetPct).toBe(75);
  });

  it('takes the mean of the middle two for an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('sentiment and issues', () => {
  it('mixes 2 positive, 1 neutral, 1 negative as 50/25/25%, ignoring unclassified ones', () => {
    const mix = sentimentMix([
      { sentiment: 'positive' },
      { sentiment: 'positive' },
      { sentiment: 'neutral' },
      { sentiment: 'negative' },
      { sentiment: null },
    ]);
    expect(mix).toEqual({
      counts: { positive: 2, neutral: 1, negative: 1 },
      pct: { positive: 50, neutral: 25, negative: 25 },
    });
  });

  it('counts open issues and hoax suspects and the median time to clarification', () => {
    const k = issueKpis([
      interaction({ hoaxSuspect: true, clarificationStatus: 'belum' }),
      interaction({ issueTag: 'banjir', clarificationStatus: 'proses' }),
      interaction({
        hoaxSuspect: true,
        clarificationStatus: 'diklarifikasi',
        clarifiedAt: at('2025-03-03T12:00:00'),
      }),
      interaction({ hoaxSuspect: true, clarificationStatus: 'bukan_hoaks', clarifiedAt: at('2025-03-03T10:00:00') }),
      interaction({}),
    ]);
    expect(k).toEqual({ openIssues: 2, openHoaxSuspects: 1, medianMinutesToClarify: 180 });
  });
});

describe('period summary', () => {
  it('uses only days with known reach for the reach-based rate', () => {
    const k = summarizeSocial(
      {
        days: 7,
        followersStart: 1000,
        followersEnd: 1100,
        postsPublished: 7,
        likes: 300,
        comments: 20,
        shares: 10,
        saves: 10,
        reach: 4000,
        engagementsOnReachDays: 200,
        meanFollowers: 1050,
      },
      [],
    );
    expect(k.engagementRatePct).toBe(5);
    expect(k.followerGrowthPct).toBe(10);
    expect(k.postsPerWeek).toBe(7);
    expect(k.replyRatePct).toBeNull();
    expect(k.engagementBasis).toBe('reach');
  });
});
