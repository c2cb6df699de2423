import type { IngestItemResult } from '@pantau/contracts';
import { runAsLeader, sourceFreshness, touchTopics, withTransaction, type Pool } from '@pantau/db';
import type { ProvincePack } from '@pantau/provinces';
import { correlatedIncident, type Incident, type IncidentKind } from '@pantau/simulator';
import type { BackgroundStarter } from '../service-context.ts';
import { ingestComplaintBatch, type ComplaintContext } from '../ingest/complaint-ingest.ts';
import { ingestSocialBatch } from '../ingest/social-ingest.ts';
import { SOCIAL_DEMO_SOURCE } from './demo-feed-ppid-social.ts';

/** The demo feeds' own sources: the incident arrives as more of what they deliver. */
const COMPLAINT_DEMO_SOURCE = 'simulator';

/**
 * Ingests a correlated incident (simulator `correlatedIncident`) through the same ingest as the demo
 * feeds: complaints about one topic in one kabupaten/kota and, at the same time, mentions of it.
 * Exactly-once: the same kind on the same day changes nothing the second time.
 */
export async function injectIncident(
  pool: Pool,
  pack: ProvincePack,
  ctx: ComplaintContext,
  kind: IncidentKind,
  at: Date = new Date(),
  options: { regencyCode?: string } = {},
): Promise<{ incident: Incident; rejected: IngestItemResult[] }> {
  const incident = correlatedIncident(pack, kind, at, options);
  const c = await ingestComplaintBatch(pool, ctx, COMPLAINT_DEMO_SOURCE, incident.complaints);
  const s = await ingestSocialBatch(pool, SOCIAL_DEMO_SOURCE, incident.social);
  // Ingest never touches `issues` (the publisher refreshes it every 30 s); the demo shows it at once.
  await withTransaction(pool, (c) => touchTopics(c, ['issues']));
  return { incident, rejected: [...c, ...s].filter((r) => r.status === 'rejected') };
}

/**
 * `PANTAU_DEMO_INCIDENT=banjir|hoaks`: once the demo's complaint and social feeds have delivered (so the
 * incident lands on a realistic background and not before the backfill), one leader injects it.
 */
export const startDemoIncident: BackgroundStarter = async (ctx) => {
  const kind = ctx.env.PANTAU_DEMO_INCIDENT;
  if (!ctx.demo || !kind) return null;
  const log = ctx.logger.child({ component: 'demo-incident' });
  const leader = runAsLeader(ctx.pool, {
    name: 'demo-incident',
    onError: (err) => log.warn({ err }, 'demo incident leadership check failed'),
    onElected: async () => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let stopped = false;
      const attempt = async () => {
        const sources = await sourceFreshness(ctx.pool);
        const delivered = (id: string) => sources.some((s) => s.id === id && s.lastDeliveryAt !== null);
        if (!delivered(COMPLAINT_DEMO_SOURCE) || !delivered(SOCIAL_DEMO_SOURCE)) return false;
        const { incident, rejected } = await injectIncident(ctx.pool, ctx.pack, ctx.complaints, kind);
        if (rejected.length > 0) log.warn({ rejected: rejected.slice(0, 3) }, 'incident items rejected');
        log.info({ kind, topic: incident.topic, regency: incident.regencyCode }, 'demo incident injected');
        return true;
      };
      const loop = () => {
        timer = setTimeout(() => {
          void attempt()
            .catch((err: unknown) => {
              log.error({ err }, 'demo incident failed');
              return false;
            })
            .then((done) => {
              if (!done && !stopped) loop();
            });
        }, 3000);
      };
      loop();
      return async () => {
        stopped = true;
        clearTimeout(timer);
      };
    },
  });
  return { name: 'demo-incident', stop: () => leader.stop() };
};
