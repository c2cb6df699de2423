import type { BackgroundStarter } from '../background.ts';
import { startLiveEngine } from './live-engine.ts';
import { createTopicBuilder } from './topic-builders.ts';

export { startLiveEngine, type LiveEngine } from './live-engine.ts';
export { createTopicBuilder, sectionBuilders, type SectionBuilder, type TopicScope } from './topic-builders.ts';

/** Starts the live engine on this node (publisher elects itself; tailer and gateway run everywhere). */
export const startLive: BackgroundStarter = async (ctx) => {
  const engine = await startLiveEngine({
    io: ctx.io,
    pool: ctx.pool,
    connectionString: ctx.databaseUrl,
    logger: ctx.logger,
    build: createTopicBuilder(ctx.pack, ctx.env.PANTAU_PUBLIC_MIN_COUNT),
    build_id: ctx.buildId,
  });
  return { name: 'live', stop: () => engine.stop() };
};
