import { complaintSettingsBody, firstIssue } from '@pantau/contracts';
import { appendAudit, saveComplaintSettings, withTransaction, type Pool } from '@pantau/db';
import { Hono } from 'hono';
import { requirePrincipal, type AuthEnv } from '../auth/principal.ts';
import { effectiveSettings, loadComplaintSettings, readComplaintSettings } from '../deadlines/complaint-settings.ts';
import { recomputeOpenDeadlines } from '../deadlines/recompute.ts';
import type { ComplaintContext } from '../ingest/complaint-ingest.ts';
import { canEditComplaintSettings } from '@pantau/domain/permissions';
import { deadlinesMoving } from './deadline-preview.ts';

/**
 * The province's complaint rules: deadlines, the escalation ladder, the LAPOR label map and the at-risk
 * threshold, as domain defaults with the province's overrides on top. Any signed-in principal reads
 * them; an admin replaces the overrides (audited), after which every open deadline is recomputed and
 * every node re-reads them. `?preview=true` answers the settings the change would give and how many open
 * deadlines would move, and writes nothing.
 */
export function complaintSettingsRoutes(pool: Pool, ctx: ComplaintContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/api/complaints/settings', requirePrincipal(pool));

  app.get('/api/complaints/settings', async (c) => {
    const { settings, problem } = await readComplaintSettings(pool, ctx.pack.code);
    return c.json({ ...settings, warnings: problem ? [problem] : [] });
  });

  app.put('/api/complaints/settings', async (c) => {
    const principal = c.get('principal');
    if (!canEditComplaintSettings(principal))
      return c.json({ error: { field: 'authorization', message: 'only an admin changes the complaint rules' } }, 403);
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      return c.json({ error: { field: 'body', message: 'body is not valid JSON' } }, 400);
    }
    const parsed = complaintSettingsBody.safeParse(raw);
    if (!parsed.success) return c.json({ error: firstIssue(parsed.error) }, 400);
    const next = effectiveSettings(parsed.data);
    const will = { ...ctx, rules: next.rules, ladder: next.ladder, labels: next.labels };
    if (c.req.query('preview') === 'true') {
      const moving = await deadlinesMoving(pool, ctx, will);
      return c.json({ ...next, preview: true, deadlinesMoving: moving, warnings: [] });
    }
    const moving = await deadlinesMoving(pool, ctx, will);
    const actor = `user:${principal.id}`;
    await withTransaction(pool, async (client) => {
      await saveComplaintSettings(client, ctx.pack.code, parsed.data, actor);
      await appendAudit(client, {
        actor,
        action: 'complaint_settings.replaced',
        entity: 'complaint_settings',
        entityId: ctx.pack.code,
        details: parsed.data,
      });
    });
    const { settings } = await loadComplaintSettings(pool, ctx);
    const moved = await recomputeOpenDeadlines(pool, ctx);
    return c.json({ ...settings, preview: false, deadlinesMoving: moving, deadlinesMoved: moved, warnings: [] });
  });
  return app;
}
