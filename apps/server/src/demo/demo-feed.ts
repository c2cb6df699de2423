import { demoFeedPosition, runAsLeader, saveDemoFeedCursor } from '@pantau/db';
import { ComplaintSimulator } from '@pantau/simulator';
import type { BackgroundStarter } from '../service-context.ts';
import { ingestComplaintBatch } from '../ingest/complaint-ingest.ts';

const DAY = 86_400_000;
const SOURCE = 'simulator';

/**
 * The demo feed: on a node started in demo mode, one leader runs the complaint simulator through the
 * same ingest path as a real source — first a backfill of the last 90 days, then live events as
 * simulated time catches up with the clock. Its position is stored, so a restart continues the same
 * history instead of starting a new one.
 */
export const startDemoFeed: BackgroundStarter = async (ctx) => {
  if (!ctx.demo) return null;
  const log = ctx.logger.child({ component: 'demo-feed' });
  const perDay = ctx.env.PANTAU_DEMO_PER_DAY;
  const leader = runAsLeader(ctx.pool, {
    name: 'demo-feed',
    onError: (err) => log.warn({ err }, 'demo feed leadership check failed'),
    onElected: async () => {
      const position = await demoFeedPosition(
        ctx.pool,
        `complaints:${ctx.pack.slug}`,
        1708,
        new Date(Date.now() - 90 * DAY),
      );
      // History (the 90 days before the first start) is lighter than the live feed, so a first start
      // backfills in well under a minute; from the first start on, the live rate applies.
      const history = {
        until: new Date(position.startedAt.getTime() + 90 * DAY),
        perDay: ctx.env.PANTAU_DEMO_HISTORY_PER_DAY,
      };
      const sim = new ComplaintSimulator({
        pack: ctx.pack,
        start: position.startedAt,
        seed: position.seed,
        perDay,
        history,
      });
      sim.advance(position.cursorAt); // replays what was already ingested, in memory only
      let stopped = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const step = async () => {
        const until = new Date();
        const events = sim.advance(until);
        for (let i = 0; i < events.length && !stopped; i += 500) {
          const results = await ingestComplaintBatch(ctx.pool, ctx.complaints, SOURCE, events.slice(i, i + 500));
          const rejected = results.filter((r) => r.status === 'rejected');
          if (rejected.length > 0)
            log.warn({ rejected: rejected.slice(0, 3), count: rejected.length }, 'simulated events rejected');
        }
        await saveDemoFeedCursor(ctx.pool, `complaints:${ctx.pack.slug}`, until);
        if (events.length > 1000) log.info({ events: events.length }, 'demo backfill ingested');
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
        clearTimeout(timer);
      };
    },
  });
  return { name: 'demo-feed', stop: () => leader.stop() };
};
