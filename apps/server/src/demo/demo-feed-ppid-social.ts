import type { IngestItemResult } from '@pantau/contracts';
import { demoFeedPosition, runAsLeader, saveDemoFeedCursor, type Pool } from '@pantau/db';
import type { ProvincePack } from '@pantau/provinces';
import { PpidSimulator, SocialSimulator } from '@pantau/simulator';
import type { BackgroundStarter } from '../service-context.ts';
import { ingestPpidBatch, type PpidContext } from '../ingest/ppid-ingest.ts';
import { ingestSocialBatch } from '../ingest/social-ingest.ts';
import { demoFeedRates, historyHorizon, historyUntil, SIDE_HISTORY_DAYS, type DemoFeedRates } from './demo-rates.ts';

const BATCH = 500;
/** Apart from the complaint feed's `simulator`: a source row belongs to one stream. */
export const PPID_DEMO_SOURCE = 'simulator-ppid';
export const SOCIAL_DEMO_SOURCE = 'simulator-social';

export interface FeedStepResult {
  ppid: { items: number; rejected: IngestItemResult[] };
  social: { items: number; rejected: IngestItemResult[] };
}

export interface PpidSocialFeed {
  /** Ingests everything the simulators have up to `until`, and stores both cursors. */
  step(until: Date): Promise<FeedStepResult>;
  stop(): void;
}

interface Stream<T> {
  id: string;
  advance(until: Date): T[];
  ingest(items: T[]): Promise<IngestItemResult[]>;
}

/**
 * Opens (or resumes) the PPID and social demo streams of a province: each has its own `demo_feed` row
 * (`ppid:<slug>`, `social:<slug>`) holding its seed, start and cursor; a resumed simulator replays up to
 * its cursor in memory, so a restart continues the same history instead of starting a new one. Both
 * backfill 90 days (PPID's weekly DIP download counts make a longer one slow), social at a third of its
 * activity.
 */
export async function openPpidSocialFeed(
  pool: Pool,
  pack: ProvincePack,
  ppidCtx: PpidContext,
  now: Date = new Date(),
  rates: DemoFeedRates = demoFeedRates(pack, {}),
): Promise<PpidSocialFeed> {
  const [ppidPos, socialPos] = await Promise.all([
    demoFeedPosition(pool, `ppid:${pack.slug}`, 1408, historyHorizon(now, SIDE_HISTORY_DAYS)),
    demoFeedPosition(pool, `social:${pack.slug}`, 8312, historyHorizon(now, SIDE_HISTORY_DAYS)),
  ]);
  const ppid = new PpidSimulator({
    pack,
    start: ppidPos.startedAt,
    seed: ppidPos.seed,
    perDay: rates.ppid.perDay,
    history: { until: historyUntil(ppidPos, SIDE_HISTORY_DAYS), perDay: rates.ppid.historyPerDay },
  });
  const social = new SocialSimulator({
    pack,
    start: socialPos.startedAt,
    seed: socialPos.seed,
    activity: rates.social.activity,
    history: {
      until: historyUntil(socialPos, SIDE_HISTORY_DAYS),
      activity: rates.social.historyActivity,
    },
  });
  // Replays what was already ingested, in memory only.
  ppid.advance(ppidPos.cursorAt);
  social.advance(socialPos.cursorAt);
  let stopped = false;
  const run = async <T>(s: Stream<T>, until: Date) => {
    const items = s.advance(until);
    const rejected: IngestItemResult[] = [];
    for (let i = 0; i < items.length && !stopped; i += BATCH) {
      const results = await s.ingest(items.slice(i, i + BATCH));
      rejected.push(...results.filter((r) => r.status === 'rejected'));
    }
    if (!stopped) await saveDemoFeedCursor(pool, s.id, until);
    return { items: items.length, rejected };
  };
  return {
    async step(until) {
      // One stream after the other: on 2 cores the ingest transactions would only queue behind each other.
      const p = await run(
        {
          id: `ppid:${pack.slug}`,
          advance: (u) => ppid.advance(u),
          ingest: (items) => ingestPpidBatch(pool, ppidCtx, PPID_DEMO_SOURCE, items),
        },
        until,
      );
      const s = await run(
        {
          id: `social:${pack.slug}`,
          advance: (u) => social.advance(u),
          ingest: (items) => ingestSocialBatch(pool, SOCIAL_DEMO_SOURCE, items),
        },
        until,
      );
      return { ppid: p, social: s };
    },
    stop() {
      stopped = true;
    },
  };
}

/**
 * The PPID and social demo feed: on a node started in demo mode, one leader runs both simulators through
 * the same ingest as a real source — a backfill on the first start, then live items at the province's
 * real rates as simulated time catches up with the clock.
 */
export const startPpidSocialDemoFeed: BackgroundStarter = async (ctx) => {
  if (!ctx.demo) return null;
  const log = ctx.logger.child({ component: 'demo-feed-ppid-social' });
  const leader = runAsLeader(ctx.pool, {
    name: 'demo-feed-ppid-social',
    onError: (err) => log.warn({ err }, 'demo feed leadership check failed'),
    onElected: async () => {
      const feed = await openPpidSocialFeed(
        ctx.pool,
        ctx.pack,
        ctx.complaints,
        new Date(),
        demoFeedRates(ctx.pack, ctx.env),
      );
      let stopped = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const step = async () => {
        const started = Date.now();
        const r = await feed.step(new Date());
        for (const [stream, { rejected }] of Object.entries(r)) {
          if (rejected.length > 0)
            log.warn({ stream, rejected: rejected.slice(0, 3), count: rejected.length }, 'simulated items rejected');
        }
        if (r.ppid.items + r.social.items > 1000)
          log.info(
            { ppid: r.ppid.items, social: r.social.items, ms: Date.now() - started },
            'PPID and social demo backfill ingested',
          );
      };
      const loop = () => {
        timer = setTimeout(() => {
          step()
            .catch((err: unknown) => log.error({ err }, 'PPID/social demo feed step failed'))
            .finally(() => {
              if (!stopped) loop();
            });
        }, 5000);
      };
      await step().catch((err: unknown) => log.error({ err }, 'PPID/social demo backfill failed'));
      loop();
      return async () => {
        stopped = true;
        feed.stop();
        clearTimeout(timer);
      };
    },
  });
  return { name: 'demo-feed-ppid-social', stop: () => leader.stop() };
};
