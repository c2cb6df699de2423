import type { IngestItemResult } from '@pantau/contracts';
import { demoFeedPosition, runAsLeader, saveDemoFeedCursor, type Pool } from '@pantau/db';
import type { ProvincePack } from '@pantau/provinces';
import { ComplaintSimulator } from '@pantau/simulator';
import type { BackgroundStarter } from '../service-context.ts';
import { ingestComplaintBatch, type ComplaintContext } from '../ingest/complaint-ingest.ts';
import { demoFeedRates, historyHorizon, historyUntil, type DemoFeedRates } from './demo-rates.ts';

const SOURCE = 'simulator';
const BATCH = 500;

export interface ComplaintFeed {
  /** Ingests every simulated event up to `until` and stores the cursor. */
  step(until: Date): Promise<{ events: number; rejected: IngestItemResult[] }>;
  stop(): void;
}

/**
 * Opens (or resumes) the complaint demo stream of a province: its `demo_feed` row (`complaints:<slug>`)
 * holds the seed, the horizon (13 months before the first start) and the cursor; a resumed simulator
 * replays up to its cursor in memory, so a restart continues the same history instead of starting anew.
 */
export async function openComplaintFeed(
  pool: Pool,
  pack: ProvincePack,
  ctx: ComplaintContext,
  rates: DemoFeedRates['complaints'],
  now: Date = new Date(),
): Promise<ComplaintFeed> {
  const id = `complaints:${pack.slug}`;
  const position = await demoFeedPosition(pool, id, 1708, historyHorizon(now));
  const sim = new ComplaintSimulator({
    pack,
    start: position.startedAt,
    seed: position.seed,
    perDay: rates.perDay,
    history: { until: historyUntil(position), perDay: rates.historyPerDay },
  });
  sim.advance(position.cursorAt); // replays what was already ingested, in memory only
  let stopped = false;
  return {
    async step(until) {
      const events = sim.advance(until);
      const rejected: IngestItemResult[] = [];
      for (let i = 0; i < events.length && !stopped; i += BATCH) {
        const results = await ingestComplaintBatch(pool, ctx, SOURCE, events.slice(i, i + BATCH));
        rejected.push(...results.filter((r) => r.status === 'rejected'));
      }
      if (!stopped) await saveDemoFeedCursor(pool, id, until);
      return { events: events.length, rejected };
    },
    stop() {
      stopped = true;
    },
  };
}

/**
 * The demo feed: on a node started in demo mode, one leader runs the complaint simulator through the
 * same ingest path as a real source — first a backfill of 13 months, then live events as simulated time
 * catches up with the clock — at the province's real volume unless PANTAU_DEMO_PER_DAY asks for more.
 */
export const startDemoFeed: BackgroundStarter = async (ctx) => {
  if (!ctx.demo) return null;
  const log = ctx.logger.child({ component: 'demo-feed' });
  const rates = demoFeedRates(ctx.pack, ctx.env).complaints;
  const leader = runAsLeader(ctx.pool, {
    name: 'demo-feed',
    onError: (err) => log.warn({ err }, 'demo feed leadership check failed'),
    onElected: async () => {
      const feed = await openComplaintFeed(ctx.pool, ctx.pack, ctx.complaints, rates);
      let stopped = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const step = async () => {
        const { events, rejected } = await feed.step(new Date());
        if (rejected.length > 0)
          log.warn({ rejected: rejected.slice(0, 3), count: rejected.length }, 'simulated events rejected');
        if (events > 1000) log.info({ events }, 'demo backfill ingested');
      };
      const loop = () => {
        timer = setTimeout(() => {
          step()
            .catch((err: unknown) => log.error({ err }, 'demo feed step failed'))
            .finally(() => {
              if (!stopped) loop();
            });
        }, 2000);
      };
      await step().catch((err: unknown) => log.error({ err }, 'demo backfill failed'));
      loop();
      return async () => {
        stopped = true;
        feed.stop();
        clearTimeout(timer);
      };
    },
  });
  return { name: 'demo-feed', stop: () => leader.stop() };
};
