import { runAsLeader } from '@pantau/db';
import type { BackgroundStarter } from '../../service-context.ts';
import type { Env } from '../../env.ts';
import { pollPlatformOnce } from './connector.ts';
import { facebookClient, instagramClient } from './graph-api.ts';
import type { PlatformClient } from './platform.ts';
import { xClient } from './x.ts';
import { youtubeClient } from './youtube.ts';
import { metricsFor } from '../../metrics/node-metrics.ts';

/** The platform clients whose token is configured; none → the connectors do not start. */
export function configuredClients(env: Env, timeZone: string): PlatformClient[] {
  const timeoutMs = env.PANTAU_SOCIAL_TIMEOUT_MS;
  const clients: PlatformClient[] = [];
  if (env.PANTAU_INSTAGRAM_TOKEN)
    clients.push(
      instagramClient({ baseUrl: env.PANTAU_GRAPH_API_BASE, token: env.PANTAU_INSTAGRAM_TOKEN, timeoutMs, timeZone }),
    );
  if (env.PANTAU_FACEBOOK_TOKEN)
    clients.push(
      facebookClient({ baseUrl: env.PANTAU_GRAPH_API_BASE, token: env.PANTAU_FACEBOOK_TOKEN, timeoutMs, timeZone }),
    );
  if (env.PANTAU_YOUTUBE_API_KEY)
    clients.push(
      youtubeClient({ baseUrl: env.PANTAU_YOUTUBE_API_BASE, token: env.PANTAU_YOUTUBE_API_KEY, timeoutMs, timeZone }),
    );
  if (env.PANTAU_X_BEARER_TOKEN)
    clients.push(xClient({ baseUrl: env.PANTAU_X_API_BASE, token: env.PANTAU_X_BEARER_TOKEN, timeoutMs, timeZone }));
  return clients;
}

/**
 * Polls the configured platforms on one node at a time (leader election on an advisory lock). Each tick
 * polls only the accounts whose cursor says they are due, so the tick can be short while each account
 * is polled every PANTAU_SOCIAL_POLL_SECONDS, or later when a platform asked to wait.
 */
export const startSocialConnectors: BackgroundStarter = async (ctx) => {
  const clients = configuredClients(ctx.env, ctx.pack.timeZone);
  const log = ctx.logger.child({ component: 'social-connectors' });
  if (clients.length === 0) {
    log.debug('no social tokens configured: connectors not started');
    return null;
  }
  const settings = { intervalMs: ctx.env.PANTAU_SOCIAL_POLL_SECONDS * 1000 };
  const leader = runAsLeader(ctx.pool, {
    name: 'social-connectors',
    onError: (err) => log.warn({ err }, 'leader check failed'),
    onElected: async () => {
      let running = false;
      const tick = () => {
        if (running) return;
        running = true;
        void (async () => {
          for (const client of clients) {
            const r = await pollPlatformOnce(ctx.pool, client, settings, log).catch((err: unknown) => {
              log.error({ err, platform: client.platform }, 'social poll pass failed');
              return null;
            });
            if (r && r.polled > 0) log.info({ platform: client.platform, ...r }, 'social poll pass');
          }
        })().finally(() => {
          running = false;
        });
      };
      tick();
      const timer = setInterval(tick, 30_000);
      return async () => {
        clearInterval(timer);
        while (running) await new Promise((r) => setTimeout(r, 20));
      };
    },
  });
  metricsFor(ctx.pool).trackLeader('social-connectors', leader);
  return { name: 'social-connectors', stop: () => leader.stop() };
};
