import { auditQuery, firstIssue } from '@pantau/contracts';
import { listAudit, verifyAuditChain, type Pool } from '@pantau/db';
import { Hono } from 'hono';
import { requirePrincipal, type AuthEnv } from '../auth/principal.ts';
import { canReadAudit } from '@pantau/domain/permissions';

/** The audit trail for admins: filtered pages, newest first, and a verification of the whole hash chain. */
export function auditRoutes(pool: Pool): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/api/audit', requirePrincipal(pool));
  app.use('/api/audit/*', requirePrincipal(pool));
  app.use('/api/audit*', async (c, next) => {
    if (!canReadAudit(c.get('principal')))
      return c.json({ error: { field: 'role', message: 'only an admin reads the audit trail' } }, 403);
    await next();
  });
  app.get('/api/audit', async (c) => {
    const q = auditQuery.safeParse(c.req.query());
    if (!q.success) return c.json({ error: firstIssue(q.error) }, 400);
    const { actor, item, opd, from, to, before, limit } = q.data;
    const rows = await listAudit(
      pool,
      {
        actor,
        item,
        opdId: opd,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
        beforeSeq: before,
      },
      limit + 1,
    );
    const page = rows.slice(0, limit);
    return c.json({ entries: page, nextBefore: rows.length > limit ? (page.at(-1)?.seq ?? null) : null });
  });
  app.post('/api/audit/verify', async (c) => {
    const verdict = await verifyAuditChain(pool);
    return c.json(
      verdict.ok
        ? { ok: true, checked: verdict.entries }
        : { ok: false, checked: verdict.entries, firstBroken: { seq: verdict.brokenAt, reason: verdict.reason } },
    );
  });
  return app;
}
