import { runAsLeader } from '@pantau/db';
import type { BackgroundContext, BackgroundService } from './service-context.ts';
import type { Logger } from './logger.ts';
import { metricsFor } from './metrics/node-metrics.ts';

export interface LeaderLoopOptions {
  /** Names the leader lock and the log component. */
  name: string;
  intervalMs: number;
  /** Also run once as soon as this node is elected. @default false */
  runOnElection?: boolean;
  /** One pass; errors are logged, never thrown out of the loop. */
  pass: (log: Logger) => Promise<void>;
}

/**
 * Periodic work that must run on one node at a time (watchers, connectors): elects itself with an
 * advisory lock, runs `pass` every `intervalMs` without overlapping runs, and stops cleanly — waiting
 * for a pass under way — when the node shuts down or loses leadership.
 */
export function startLeaderLoop(ctx: BackgroundContext, options: LeaderLoopOptions): BackgroundService {
  const log = ctx.logger.child({ component: options.name });
  const leader = runAsLeader(ctx.pool, {
    name: options.name,
    onError: (err) => log.warn({ err }, 'leader check failed'),
    onElected: async () => {
      let running = false;
      const tick = () => {
        if (running) return;
        running = true;
        options
          .pass(log)
          .catch((err: unknown) => log.error({ err }, 'pass failed'))
          .finally(() => {
            running = false;
          });
      };
      if (options.runOnElection) tick();
      const timer = setInterval(tick, options.intervalMs);
      return async () => {
        clearInterval(timer);
        while (running) await new Promise((r) => setTimeout(r, 20));
      };
    },
  });
  metricsFor(ctx.pool).trackLeader(options.name, leader);
  return { name: options.name, stop: () => leader.stop() };
}
