import { requirePrincipal, type AuthEnv } from '../auth/principal.ts';
import { canReadOpdFigures, figuresScope } from '@pantau/domain/permissions';
import { socialIngestBatch, socialKpiQuery, type SocialKpiQuery, type SocialKpis } from '@pantau/contracts';
import { socialInteractionFacts, socialPeriodTotals, type Pool } from '@pantau/db';
import { summarizeSocial } from '@pantau/domain';
import type { ProvincePack } from '@pantau/provinces';
import { Hono } from 'hono';
import { ingestSocialBatch } from '../ingest/social-ingest.ts';
import { bad, handleBatchIngest, ingestBodyLimit, parsePeriodQuery } from './ppid-http.ts';

/** Social KPIs of a period for the accounts in scope (aggregates only). */
export async function socialKpisFor(pool: Pool, timeZone: string, q: SocialKpiQuery): Promise<SocialKpis> {
  const scope = { from: q.from, to: q.to, timeZone, opdId: q.opdId, platform: q.platform };
  const [totals, interactions] = await Promise.all([
    socialPeriodTotals(pool, scope),
    socialInteractionFacts(pool, scope),
  ]);
  return summarizeSocial(totals, interactions, { basis: q.basis, replyTargetMinutes: q.replyTargetMinutes });
}

/** Social routes: the batch ingest (per-source API key) and the KPIs of a period. */
export function socialRoutes(pool: Pool, pack: ProvincePack): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/api/ingest/social', ingestBodyLimit());
  app.use('/api/social/*', requirePrincipal(pool));
  app.post('/api/ingest/social', (c) =>
    handleBatchIngest(c, pool, socialIngestBatch, (source, items) => ingestSocialBatch(pool, source, items)),
  );
  app.get('/api/social/kpis', async (c) => {
    const p = parsePeriodQuery(c, socialKpiQuery);
    if (!p.ok) return p.response;
    const who = c.get('principal');
    const q = { ...p.value, opdId: figuresScope(who, p.value.opdId) };
    if (!canReadOpdFigures(who, q.opdId)) return bad(c, 403, 'opdId', 'your role reads its own OPD’s figures only');
    if (q.opdId && !pack.opds.some((o) => o.id === q.opdId)) return bad(c, 400, 'opdId', `unknown OPD ${q.opdId}`);
    return c.json({ ...q, kpis: await socialKpisFor(pool, pack.timeZone, q) });
  });
  return app;
}
