import type { Sentiment, SocialDailyFigures, SocialEvent, SocialIngestItem, SocialPlatform } from '@pantau/contracts';
import type { ProvincePack } from '@pantau/provinces';
import { createRandom, type Random, takeDue } from './random.ts';
import { COMMENTS, HOAXES, ISSUES } from './social-templates.ts';

/** One item as the social ingest takes it (`{ externalId, event }`). */
export type SimulatedSocialItem = SocialIngestItem;

export interface SocialSimulatorOptions {
  pack: ProvincePack;
  /** Where simulated time starts (the backfill horizon). */
  start: Date;
  seed?: number;
  /** Scales posts and comments (1 = a lively government account). @default 1 */
  activity?: number;
  /** A different activity before this moment (a lighter history backfill than the live demo). */
  history?: { until: Date; activity: number };
  /** Mean days between negative-comment spikes across the province. @default 6 */
  spikeEveryDays?: number;
  /** Mean days between hoax suspects across the province. @default 8 */
  hoaxEveryDays?: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface PlatformProfile {
  followers: [number, number];
  postsPerDay: number;
  commentsPerPost: number;
  /** Share of followers a post reaches; X reports no reach. */
  reach: [number, number] | null;
  video: boolean;
  saves: boolean;
}

const PROFILES: Record<SocialPlatform, PlatformProfile> = {
  instagram: {
    followers: [2_000, 40_000],
    postsPerDay: 1,
    commentsPerPost: 3,
    reach: [0.12, 0.4],
    video: false,
    saves: true,
  },
  facebook: {
    followers: [3_000, 60_000],
    postsPerDay: 1.2,
    commentsPerPost: 3.5,
    reach: [0.05, 0.2],
    video: false,
    saves: false,
  },
  x: { followers: [1_000, 20_000], postsPerDay: 1.4, commentsPerPost: 1.2, reach: null, video: false, saves: false },
  youtube: {
    followers: [300, 10_000],
    postsPerDay: 0.12,
    commentsPerPost: 2,
    reach: [0.1, 0.5],
    video: true,
    saves: false,
  },
  tiktok: {
    followers: [500, 30_000],
    postsPerDay: 0.4,
    commentsPerPost: 4,
    reach: [0.2, 0.9],
    video: true,
    saves: true,
  },
};

// OPD admins post in the morning briefing, at lunch and in the late afternoon.
const POST_HOURLY = [
  0, 0, 0, 0, 0, 0, 0.2, 0.8, 1.6, 1.8, 1.4, 1.0, 1.2, 1.0, 1.0, 1.2, 1.4, 0.8, 0.4, 0.6, 0.4, 0.2, 0, 0,
];
const POST_HOURLY_SUM = POST_HOURLY.reduce((a, b) => a + b, 0);

interface AccountState {
  ref: { platform: SocialPlatform; handle: string };
  profile: PlatformProfile;
  followers: number;
  /** Daily follower growth rate. */
  growth: number;
  totalPosts: number;
  /** Median minutes to a reply, and the share of questions never answered. */
  replyMedian: number;
  neverAnswered: number;
  posts: number;
  interactions: number;
  /** Figures of the local day in progress, by local date. */
  days: Map<string, Required<Omit<SocialDailyFigures, 'followers' | 'totalPosts'>>>;
}

const emptyDay = () => ({ posts: 0, reach: 0, impressions: 0, likes: 0, comments: 0, shares: 0, saves: 0, views: 0 });

/**
 * Realistic social streams for the province pack's OPD accounts: daily metrics per account (followers
 * growing with noise, posts at posting hours, reach, impressions, likes, comments, shares, views);
 * comments in bursts after each post; OPD replies whose times spread around a 1×24-jam target, some
 * never answered; sentiment mostly neutral or positive with occasional negative spikes on one account;
 * now and then a hoax suspect that the OPD clarifies after some hours. Deterministic for a seed, however
 * `advance` is called (time is generated in whole hours).
 */
export class SocialSimulator {
  private readonly rnd: Random;
  private readonly pending: Array<{ at: number; seq: number; item: SimulatedSocialItem }> = [];
  private seq = 0;
  private generatedTo: number;
  private nextLocalMidnight: number;
  private readonly localOffsetMs: number;
  private readonly accounts: AccountState[];

  constructor(private readonly options: SocialSimulatorOptions) {
    this.rnd = createRandom(options.seed ?? 8312);
    const offsetHours =
      options.pack.timeZone === 'Asia/Makassar' ? 8 : options.pack.timeZone === 'Asia/Jayapura' ? 9 : 7;
    this.localOffsetMs = offsetHours * HOUR;
    this.generatedTo = options.start.getTime();
    this.nextLocalMidnight = Math.floor((this.generatedTo + this.localOffsetMs) / DAY) * DAY + DAY - this.localOffsetMs;
    this.accounts = options.pack.socialAccounts
      .filter((a) => a.demo)
      .map((a) => {
        const profile = PROFILES[a.platform];
        const [lo, hi] = profile.followers;
        return {
          ref: { platform: a.platform, handle: a.handle },
          profile,
          // Log-uniform: a few big accounts, many small ones.
          followers: Math.round(lo * Math.pow(hi / lo, this.rnd.next())),
          growth: 0.0003 + this.rnd.next() * 0.0025,
          totalPosts: this.rnd.int(200, 3000),
          replyMedian: 45 + this.rnd.exp(240),
          neverAnswered: 0.03 + this.rnd.next() * 0.25,
          posts: 0,
          interactions: 0,
          days: new Map(),
        };
      });
  }

  /** Every item that happens up to `until`, in time order; later items wait for a later call. */
  advance(until: Date): SimulatedSocialItem[] {
    const end = until.getTime();
    while (this.generatedTo < end) {
      const from = this.generatedTo;
      const to = Math.floor(from / HOUR) * HOUR + HOUR;
      if (this.nextLocalMidnight < to) {
        this.daily(this.nextLocalMidnight);
        this.nextLocalMidnight += DAY;
      }
      const local = new Date(from + this.localOffsetMs);
      const weekend = local.getUTCDay() === 0 || local.getUTCDay() === 6;
      const share = (POST_HOURLY[local.getUTCHours()]! / POST_HOURLY_SUM) * (weekend ? 0.45 : 1.2);
      for (const account of this.accounts) {
        const n = this.rnd.poisson(account.profile.postsPerDay * this.activityAt(from) * share * ((to - from) / HOUR));
        for (let i = 0; i < n; i++) this.createPost(account, from + this.rnd.next() * (to - from));
      }
      this.generatedTo = to;
    }
    this.pending.sort((a, b) => a.at - b.at || a.seq - b.seq);
    return takeDue(this.pending, end);
  }

  private activityAt(t: number): number {
    const h = this.options.history;
    return h && t < h.until.getTime() ? h.activity : (this.options.activity ?? 1);
  }

  private localDate(t: number): string {
    return new Date(t + this.localOffsetMs).toISOString().slice(0, 10);
  }

  private push(at: number, externalId: string, event: SocialEvent): void {
    this.pending.push({ at, seq: this.seq++, item: { externalId, event } });
  }

  private day(account: AccountState, t: number) {
    const key = this.localDate(t);
    let d = account.days.get(key);
    if (!d) account.days.set(key, (d = emptyDay()));
    return d;
  }

  /**
   * At each local midnight: the day just ended is reported per account (as a monitoring tool would poll
   * it), and the new day gets its mentions, and maybe an issue spike or a hoax suspect.
   */
  private daily(midnight: number): void {
    const rnd = this.rnd;
    const ended = this.localDate(midnight - 1);
    for (const account of this.accounts) {
      const figures = account.days.get(ended) ?? emptyDay();
      account.days.delete(ended);
      account.followers = Math.max(
        0,
        Math.round(account.followers * (1 + account.growth + (rnd.next() - 0.45) * 0.002)) +
          figures.posts * rnd.int(0, 6),
      );
      account.totalPosts += figures.posts;
      const { reach, saves, views, ...rest } = figures;
      const p = account.profile;
      const reportedAt = midnight + rnd.int(5, 40) * MINUTE;
      this.push(reportedAt, `sim-${account.ref.handle}-${ended}`, {
        type: 'account_metrics',
        eventId: `metrics-${ended}`,
        occurredAt: new Date(reportedAt).toISOString(),
        account: account.ref,
        date: ended,
        figures: {
          ...rest,
          followers: account.followers,
          totalPosts: account.totalPosts,
          ...(p.reach ? { reach: reach + Math.round(account.followers * 0.01 * rnd.next()) } : {}),
          ...(p.saves ? { saves } : {}),
          ...(p.video || p.saves ? { views } : {}),
        },
      });
      // Mentions and direct messages arrive on their own, a few a week per account.
      const mentions = this.rnd.poisson(0.4 * this.activityAt(midnight));
      for (let i = 0; i < mentions; i++) {
        const at = midnight + 6 * HOUR + rnd.next() * 16 * HOUR;
        this.createInteraction(account, at, rnd.chance(0.7) ? 'mention' : 'dm');
      }
    }
    const spikeEvery = this.options.spikeEveryDays ?? 6;
    if (this.accounts.length > 0 && rnd.chance(1 / spikeEvery)) this.createSpike(midnight);
    const hoaxEvery = this.options.hoaxEveryDays ?? 8;
    if (this.accounts.length > 0 && rnd.chance(1 / hoaxEvery)) this.createHoax(midnight);
  }

  private createPost(account: AccountState, at: number): void {
    const rnd = this.rnd;
    const p = account.profile;
    const externalId = `sim-${account.ref.handle}-p${++account.posts}`;
    const reach = p.reach ? Math.round(account.followers * (p.reach[0] + rnd.next() * (p.reach[1] - p.reach[0]))) : 0;
    const seen = reach || Math.round(account.followers * (0.1 + rnd.next() * 0.3));
    const impressions = Math.round(seen * (1.2 + rnd.next() * 0.6));
    const likes = Math.round(seen * (0.02 + rnd.next() * 0.06));
    const comments = this.rnd.poisson(p.commentsPerPost * this.activityAt(at));
    const figures = {
      likes,
      comments,
      shares: Math.round(likes * (0.03 + rnd.next() * 0.12)),
      ...(p.reach ? { reach } : {}),
      impressions,
      ...(p.saves ? { saves: Math.round(likes * 0.04) } : {}),
      ...(p.video ? { views: Math.round(seen * (0.5 + rnd.next() * 0.8)) } : {}),
    };
    const day = this.day(account, at);
    day.posts += 1;
    day.reach += reach;
    day.impressions += impressions;
    day.likes += likes;
    day.shares += figures.shares;
    day.saves += figures.saves ?? 0;
    day.views += figures.views ?? 0;
    const format = p.video
      ? rnd.pick(['video', 'video', 'live'] as const)
      : account.ref.platform === 'x'
        ? 'text'
        : rnd.pick(['image', 'image', 'carousel', 'reel'] as const);
    this.push(at, externalId, {
      type: 'post_published',
      eventId: 'published',
      occurredAt: new Date(at).toISOString(),
      account: account.ref,
      publishedAt: new Date(at).toISOString(),
      format,
    });
    // The figures a day later, as the insights settle.
    this.push(at + DAY, externalId, {
      type: 'post_metrics',
      eventId: 'metrics-24h',
      occurredAt: new Date(at + DAY).toISOString(),
      figures,
    });
    // The comment burst: most within the first hours after publishing.
    for (let i = 0; i < comments; i++) this.createInteraction(account, at + rnd.exp(100) * MINUTE + MINUTE, 'comment');
  }

  private createInteraction(
    account: AccountState,
    at: number,
    kind: 'comment' | 'mention' | 'dm',
    flag?: { sentiment: Sentiment; issueTag: string; hoax: boolean; text: string },
  ): string {
    const rnd = this.rnd;
    const externalId = `sim-${account.ref.handle}-i${++account.interactions}`;
    const sentiment: Sentiment =
      flag?.sentiment ??
      rnd.weighted([
        ['neutral', 55],
        ['positive', 33],
        ['negative', 12],
      ] as const);
    const needsReply =
      kind === 'dm' || flag !== undefined
        ? true
        : rnd.chance(sentiment === 'negative' ? 0.9 : sentiment === 'neutral' ? 0.6 : 0.1);
    if (kind === 'comment') this.day(account, at).comments += 1;
    this.push(at, externalId, {
      type: 'interaction_received',
      eventId: 'received',
      occurredAt: new Date(at).toISOString(),
      account: account.ref,
      kind,
      text: flag?.text ?? rnd.pick(COMMENTS[sentiment]),
      sentiment,
      ...(flag ? { issueTag: flag.issueTag } : {}),
      hoaxSuspect: flag?.hoax ?? false,
      needsReply,
    });
    if (needsReply && !rnd.chance(account.neverAnswered)) {
      // Log-normal around the account's median; admins work 07:00–21:00, so night questions wait.
      const t = this.inAdminHours(at + account.replyMedian * Math.exp(rnd.next() * 2.4 - 1.2) * MINUTE);
      this.push(t, externalId, {
        type: 'interaction_replied',
        eventId: 'replied',
        occurredAt: new Date(t).toISOString(),
      });
    }
    return externalId;
  }

  private inAdminHours(t: number): number {
    const h = new Date(t + this.localOffsetMs).getUTCHours();
    if (h >= 7 && h < 21) return t;
    const wait = h >= 21 ? 24 - h + 7 : 7 - h;
    return t + wait * HOUR + this.rnd.int(0, 90) * MINUTE;
  }

  /** An issue flares up on one account: a burst of negative comments, then the OPD's clarification. */
  private createSpike(midnight: number): void {
    const rnd = this.rnd;
    const account = rnd.pick(this.accounts);
    const issue = rnd.pick(ISSUES);
    const start = midnight + (8 + rnd.next() * 8) * HOUR;
    const clarifiedAt = start + (3 + rnd.exp(6)) * HOUR;
    const n = rnd.int(15, 40);
    for (let i = 0; i < n; i++) {
      const at = start + rnd.exp(120) * MINUTE;
      const negative = rnd.chance(0.8);
      const id = this.createInteraction(account, at, rnd.chance(0.8) ? 'comment' : 'mention', {
        sentiment: negative ? 'negative' : 'neutral',
        issueTag: issue.tag,
        hoax: false,
        text: negative ? issue.text : rnd.pick(COMMENTS.neutral),
      });
      const when = Math.max(clarifiedAt, at + 10 * MINUTE);
      this.push(when, id, {
        type: 'issue_clarification',
        eventId: 'clarified',
        occurredAt: new Date(when).toISOString(),
        status: 'diklarifikasi',
      });
    }
  }

  /** A hoax suspect circulates in mentions; the OPD checks it and publishes a clarification hours later. */
  private createHoax(midnight: number): void {
    const rnd = this.rnd;
    const account = rnd.pick(this.accounts);
    const hoax = rnd.pick(HOAXES);
    const start = midnight + (7 + rnd.next() * 12) * HOUR;
    const checkingAt = start + (0.5 + rnd.exp(1.5)) * HOUR;
    const settledAt = checkingAt + (2 + rnd.exp(8)) * HOUR;
    const verdict = rnd.chance(0.85) ? 'diklarifikasi' : 'bukan_hoaks';
    const n = rnd.int(1, 6);
    for (let i = 0; i < n; i++) {
      const at = start + (i === 0 ? 0 : rnd.exp(180) * MINUTE);
      const id = this.createInteraction(account, at, 'mention', {
        sentiment: 'neutral',
        issueTag: hoax.tag,
        hoax: true,
        text: hoax.text,
      });
      const checking = Math.max(checkingAt, at + 5 * MINUTE);
      this.push(checking, id, {
        type: 'issue_clarification',
        eventId: 'checking',
        occurredAt: new Date(checking).toISOString(),
        status: 'proses',
      });
      const settled = Math.max(settledAt, checking + 10 * MINUTE);
      this.push(settled, id, {
        type: 'issue_clarification',
        eventId: 'settled',
        occurredAt: new Date(settled).toISOString(),
        status: verdict,
      });
    }
  }
}
