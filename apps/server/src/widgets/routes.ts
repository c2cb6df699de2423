import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  embedSiteKeyRequest,
  embedTokenRenewal,
  embedTokenRequest,
  firstIssue,
  firstIssueNamingUnknown,
  RESTRICTED_KINDS,
  WIDGET_KINDS,
  widgetKind,
  widgetOptions,
  type WidgetKind,
  type WidgetOptions,
} from '@pantau/contracts';
import {
  activeEmbedToken,
  complaintOverview,
  embedSecret,
  embedTokenBySiteKey,
  insertEmbedToken,
  listEmbedTokens,
  publicAnnotationsFor,
  revokeEmbedToken,
  type Pool,
} from '@pantau/db';
import { endOfLocalDay, startOfLocalDay } from '@pantau/domain';
import type { ProvincePack } from '@pantau/provinces';
import { Hono, type Context } from 'hono';
import { requirePrincipal, type AuthEnv } from '../auth/principal.ts';
import { ppidSection } from '../live/sections/ppid.ts';
import { topicOfScope } from '../live/topic-scope.ts';
import { canManageEmbedTokens } from '@pantau/domain/permissions';
import { PublicCache, etagOf } from '../public/cache.ts';
import { rankingFigures, resolveScope, summaryWithTrend } from '../public/figures.ts';
import { rateLimit } from '../public/rate-limit.ts';
import { sendCached, type PublicApiOptions } from '../public/routes.ts';
import { galleryPage } from './gallery.ts';
import { renderProblemPage, renderWidgetPage, type WidgetData } from './render.ts';
import { LOADER_JS, WIDGET_JS } from './scripts.ts';
import { grantCovers, signGrant, verifyGrant, type EmbedGrant } from './tokens.ts';
import { WIDGET_TEXT } from './messages.ts';
import { trendNotes, trendSeries } from './trend-series.ts';

export interface WidgetRouteOptions extends PublicApiOptions {
  /** PANTAU_EMBED_SECRET; unset → the cluster's generated secret in the database. */
  embedSecret?: string;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A short JSON text, or null when it is long or not JSON (the schema then names what is missing). */
function parseSmallJson(raw: string): unknown {
  if (raw.length > 2000) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

/**
 * The embeddable widgets: `/embed/<kind>` pages rendered on the server and cached per node, the
 * `/embed.js` loader, the widget script, the token renewal, the gallery at `/embed`, and the admin API
 * for restricted-widget tokens.
 */
export function widgetRoutes(pool: Pool, pack: ProvincePack, options: WidgetRouteOptions): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const cache = new PublicCache({ ttlMs: options.cacheSeconds * 1000 });
  let secret: Promise<string> | undefined;
  const secretOf = () => (secret ??= options.embedSecret ? Promise.resolve(options.embedSecret) : embedSecret(pool));
  const figures = { minCount: options.minCount, now: options.now };

  const limit = rateLimit({
    perMinute: options.rateLimitPerMinute,
    burst: options.rateLimitBurst,
    trustProxy: options.trustProxy,
  });
  app.use('/embed', limit);
  app.use('/embed/*', limit);
  app.use('/embed.js', limit);

  const script = (body: string) => {
    const entry = { body, etag: etagOf(body), at: Date.now() };
    return (c: Context) => sendCached(c, entry, 'text/javascript; charset=utf-8', 3600);
  };
  app.get('/embed.js', script(LOADER_JS));
  app.get('/embed/widget.js', script(WIDGET_JS));

  app.get('/embed', async (c) => {
    const lang = c.req.query('lang') === 'en' ? 'en' : 'id';
    const origin = new URL(c.req.url).origin;
    const entry = await cache.get(`gallery:${lang}:${origin}`, () => Promise.resolve(galleryPage(pack, lang, origin)));
    return sendCached(c, entry, 'text/html; charset=utf-8', options.cacheSeconds);
  });

  const problem = (c: Context, status: 400 | 401 | 403, lang: 'id' | 'en', heading: string, detail: string) => {
    c.header('Cache-Control', 'no-store');
    return c.html(renderProblemPage(lang, heading, detail), status);
  };

  // The same public widget URL again (the common case: every visitor of a page asks the same one) is
  // answered from the cache before its options are parsed again; only a URL that rendered a page once
  // is remembered, so an invalid one always goes through validation.
  const rendered = new Map<string, string>();
  app.get('/embed/:kind', async (c) => {
    const url = new URL(c.req.url);
    const seen = rendered.get(url.pathname + url.search);
    const fast = seen === undefined ? undefined : cache.peek(seen);
    if (fast) return sendCached(c, fast, 'text/html; charset=utf-8', options.cacheSeconds);
    const raw = c.req.query();
    const lang = raw.lang === 'en' ? 'en' : 'id';
    const t = WIDGET_TEXT[lang];
    const kind = widgetKind.safeParse(c.req.param('kind'));
    if (!kind.success) return problem(c, 400, lang, t.badOption, `kind: expected one of ${WIDGET_KINDS.join(', ')}`);
    const parsed = widgetOptions.safeParse(raw);
    if (!parsed.success) {
      const e = firstIssueNamingUnknown(parsed.error, 'unknown option');
      return problem(c, 400, lang, t.badOption, `${e.field}: ${e.message}`);
    }
    const o = parsed.data;
    const scope = resolveScope(pack, o.scope);
    if (!scope) return problem(c, 400, lang, t.badOption, `scope: no OPD or kabupaten/kota ${o.scope} here`);
    if (kind.data === 'ranking' && scope.kind !== 'province')
      return problem(c, 400, lang, t.badOption, 'scope: the ranking covers the whole province');
    if ((kind.data === 'ppid' || kind.data === 'social' || kind.data === 'late') && scope.kind === 'regency')
      return problem(
        c,
        400,
        lang,
        t.badOption,
        'scope: PPID, social media and late lists belong to OPDs, not to a kabupaten/kota',
      );

    let grant: EmbedGrant | undefined;
    if (RESTRICTED_KINDS.includes(kind.data)) {
      if (!o.token) return problem(c, 401, lang, t.unauthorized, 'token: missing');
      const check = verifyGrant(await secretOf(), o.token, nowSeconds());
      if (!check.ok) return problem(c, 401, lang, t.unauthorized, `token: ${check.reason}`);
      if (!grantCovers(check.grant, kind.data, o.scope))
        return problem(c, 403, lang, t.unauthorized, 'token: does not cover this widget or OPD');
      if (!(await activeEmbedToken(pool, check.grant.id)))
        return problem(c, 401, lang, t.unauthorized, 'token: revoked');
      grant = check.grant;
    } else if (o.token) {
      return problem(c, 400, lang, t.badOption, 'token: this widget is public and takes no token');
    }

    const key = `widget:${kind.data}:${JSON.stringify({ ...o, token: undefined })}:${grant?.exp ?? ''}`;
    const entry = await cache.get(key, async () => {
      const data = await widgetData(kind.data, o);
      return renderWidgetPage(data, o, {
        provinceName: pack.name,
        timeZone: pack.timeZone,
        timeZoneLabel: pack.timeZoneLabel,
        // When the figures were computed (the public cube's time), so the page changes only when they do.
        generatedAt:
          'summary' in data
            ? new Date(data.summary.generatedAt)
            : 'rankings' in data
              ? new Date(data.rankings.generatedAt)
              : (options.now?.() ?? new Date()),
        minCount: options.minCount,
        tokenExp: grant?.exp,
      });
    });
    if (!grant) {
      if (rendered.size >= 5000) rendered.delete(rendered.keys().next().value!);
      rendered.set(url.pathname + url.search, key);
    }
    if (grant) {
      // An OPD's internal figures: kept out of shared caches.
      c.header('ETag', entry.etag);
      c.header('Cache-Control', 'private, no-cache');
      return c.html(entry.body, 200);
    }
    return sendCached(c, entry, 'text/html; charset=utf-8', options.cacheSeconds);
  });

  async function widgetData(kind: WidgetKind, o: WidgetOptions): Promise<WidgetData> {
    const scope = resolveScope(pack, o.scope)!;
    if (kind === 'ranking') return { kind, rankings: await rankingFigures(pool, pack, figures) };
    if (kind === 'late') {
      const opdId = scope.kind === 'opd' ? scope.opdId : null;
      const [overview, ppid] = await Promise.all([
        complaintOverview(pool, { timeZone: pack.timeZone, opdId, now: options.now?.() }),
        ppidSection(pool, scope, pack),
      ]);
      const now = (ppid?.now ?? {}) as { overdue?: number };
      return {
        kind,
        late: {
          scopeName: scope.name,
          overdue: overview.open.overdue,
          atRisk: overview.open.atRisk,
          ppidOverdue: now.overdue ?? 0,
        },
      };
    }
    const { summary, trend } = await summaryWithTrend(pool, pack, scope, o.period, figures);
    const series = trendSeries(trend);
    if (kind !== 'trend') return { kind, summary, trend: series };
    // The public notes over the window: the trend's first local day to the end of its last.
    const annotations = await publicAnnotationsFor(
      pool,
      topicOfScope(scope),
      startOfLocalDay(series.period.from, pack.timeZone),
      endOfLocalDay(series.period.to, pack.timeZone),
    );
    return { kind, summary, trend: series, notes: trendNotes(series, annotations, pack.timeZone) };
  }

  // A widget page renews its own token: same id and scope, a fresh expiry, unless revoked meanwhile.
  app.post('/embed/token/renew', async (c) => {
    const body = embedTokenRenewal.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: firstIssue(body.error) }, 400);
    const check = verifyGrant(await secretOf(), body.data.token, nowSeconds());
    if (!check.ok) return c.json({ error: { field: 'token', message: check.reason } }, 401);
    if (!(await activeEmbedToken(pool, check.grant.id, true)))
      return c.json({ error: { field: 'token', message: 'revoked' } }, 401);
    const grant = { ...check.grant, exp: nowSeconds() + check.grant.ttl };
    c.header('Cache-Control', 'no-store');
    return c.json({ token: signGrant(await secretOf(), grant), exp: grant.exp });
  });

  // A page view on an allowed site trades the loader line's site key for a short-lived token. The body
  // is text/plain JSON, so the browser sends it without a preflight; the answer is readable only by the
  // allowed origin (CORS). The key is public in the page's source: the origin check is what binds it
  // to the site, in browsers (see docs/widgets.md for what that does and does not stop).
  app.post('/embed/token/issue', async (c) => {
    c.header('Cache-Control', 'no-store');
    c.header('Vary', 'Origin');
    const raw = await c.req.text().catch(() => '');
    const body = embedSiteKeyRequest.safeParse(parseSmallJson(raw));
    if (!body.success) return c.json({ error: firstIssue(body.error) }, 400);
    const row = await embedTokenBySiteKey(pool, createHash('sha256').update(body.data.key).digest('hex'));
    if (!row) return c.json({ error: { field: 'key', message: 'unknown, revoked or expired site key' } }, 401);
    const origin = c.req.header('origin') ?? '';
    if (!row.origins.includes(origin))
      return c.json({ error: { field: 'origin', message: 'this site key is not for this site' } }, 403);
    c.header('Access-Control-Allow-Origin', origin);
    const ttl = row.ttlMinutes * 60;
    const grant = { id: row.id, kinds: row.kinds, opds: row.opds, exp: nowSeconds() + ttl, ttl };
    return c.json({ token: signGrant(await secretOf(), grant), exp: grant.exp });
  });

  app.use('/api/widgets/*', requirePrincipal(pool));
  app.use('/api/widgets/*', async (c, next) => {
    if (!canManageEmbedTokens(c.get('principal')))
      return c.json({ error: { field: 'role', message: 'only an admin manages widget tokens' } }, 403);
    await next();
  });
  app.get('/api/widgets/tokens', async (c) => c.json({ tokens: await listEmbedTokens(pool) }));
  app.post('/api/widgets/tokens', async (c) => {
    const body = embedTokenRequest.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: firstIssue(body.error) }, 400);
    const unknownOpd = body.data.opds.findIndex((id) => !pack.opds.some((x) => x.id === id));
    if (unknownOpd >= 0)
      return c.json({ error: { field: `opds.${unknownOpd}`, message: 'no such OPD in this province' } }, 400);
    const id = randomUUID();
    // With origins, a site key for static pages: shown once, kept only as a hash.
    const siteKey = body.data.origins.length > 0 ? `ek_${randomBytes(24).toString('base64url')}` : null;
    const row = await insertEmbedToken(pool, {
      id,
      label: body.data.label,
      kinds: body.data.kinds,
      opds: body.data.opds,
      ttlMinutes: body.data.ttlMinutes,
      issuedBy: c.get('principal').id,
      origins: body.data.origins,
      siteKeyHash: siteKey ? createHash('sha256').update(siteKey).digest('hex') : null,
      siteKeyExpiresAt: siteKey ? new Date(Date.now() + body.data.siteKeyDays * 86_400_000) : null,
    });
    const ttl = body.data.ttlMinutes * 60;
    const grant = { id, kinds: body.data.kinds, opds: body.data.opds, exp: nowSeconds() + ttl, ttl };
    return c.json({ ...row, token: signGrant(await secretOf(), grant), exp: grant.exp, siteKey }, 201);
  });
  app.delete('/api/widgets/tokens/:id', async (c) => {
    const ok = await revokeEmbedToken(pool, c.req.param('id'));
    return ok ? c.json({ revoked: true }) : c.json({ error: { field: 'id', message: 'no such active token' } }, 404);
  });
  return app;
}
