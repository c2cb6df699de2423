import {
  listen,
  publishedTopics,
  publishTopics,
  pruneLiveLog,
  runAsLeader,
  type Pool,
  type TopicBuilder,
} from '@pantau/db';
import type { Logger } from '../logger.ts';
import { metricsFor } from '../metrics/node-metrics.ts';

export interface PublisherOptions {
  pool: Pool;
  /** For LISTEN: a dedicated connection on the same database and schema. */
  connectionString: string;
  schema: string;
  build: TopicBuilder;
  logger: Logger;
  /** Coalescing rate: at most this many publishing steps a second. @default 4 */
  hz?: number;
  /** Every published topic is rebuilt this often, so time-based figures (today, overdue) move on. @default 30000 */
  refreshMs?: number;
  /**
   * Topics built at every refresh even before anyone asked for them. `issues` is one: ingest never
   * touches it (issues move by the day), so the refresh is what keeps it current.
   */
  coreTopics?: string[];
  /** Deltas older than this are pruned; a client further behind gets a snapshot. @default 900 */
  retainSeconds?: number;
}

export interface Publisher {
  readonly isLeader: boolean;
  stop(): Promise<void>;
}

/**
 * The live publisher: one leader per cluster (advisory lock; moves to another node when this one dies).
 * Wakes on NOTIFY from ingest commits, and at most `hz` times a second turns the outbox into deltas.
 * Work grows with changed topics, never with connected viewers.
 */
export function startPublisher(options: PublisherOptions): Publisher {
  const hz = options.hz ?? 4;
  const refreshMs = options.refreshMs ?? 30_000;
  const coreTopics = options.coreTopics ?? ['province', 'worklist', 'issues', 'public:province'];
  const log = options.logger.child({ component: 'publisher' });
  const leader = runAsLeader(options.pool, {
    name: 'live-publisher',
    onError: (err) => log.warn({ err }, 'leader check failed'),
    onElected: async () => {
      log.info('elected live publisher');
      let stopped = false;
      let running = false;
      let pending = true;
      // A new leader rebuilds everything once, so figures that moved with time while no one published
      // (a day rolled over, a deadline passed) are current again.
      let lastRefresh = 0;
      let lastPrune = Date.now();
      const listener = listen(
        options.connectionString,
        `pantau_outbox:${options.schema}`,
        () => {
          pending = true;
        },
        (err) => log.warn({ err }, 'listener error'),
      );
      const step = async () => {
        if (running || stopped) return;
        running = true;
        try {
          const now = Date.now();
          const due = now - lastRefresh >= refreshMs;
          const extra = due ? [...new Set([...coreTopics, ...(await publishedTopics(options.pool))])] : [];
          if (due) lastRefresh = now;
          if (pending || extra.length > 0) {
            pending = false;
            const result = await publishTopics(options.pool, options.build, extra);
            if (result.appended > 0) log.debug(result, 'published');
          }
          if (now - lastPrune > 60_000) {
            lastPrune = now;
            await pruneLiveLog(options.pool, options.retainSeconds ?? 900);
          }
        } catch (err) {
          pending = true;
          log.error({ err }, 'publish step failed');
        } finally {
          running = false;
        }
      };
      // The timer doubles as the poll fallback: a missed NOTIFY costs at most one refresh interval.
      let polls = 0;
      const timer = setInterval(
        () => {
          polls += 1;
          if (polls % (hz * 2) === 0) pending = true;
          void step();
        },
        Math.round(1000 / hz),
      );
      void step();
      return async () => {
        stopped = true;
        clearInterval(timer);
        while (running) await new Promise((r) => setTimeout(r, 10));
        await listener.close();
      };
    },
  });
  metricsFor(options.pool).trackLeader('live-publisher', leader);
  return leader;
}
