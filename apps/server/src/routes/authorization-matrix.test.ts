import { WIDGET_KINDS } from '@pantau/contracts';
import { issueSourceKey, issueWallDevice } from '@pantau/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleFixture, opdA, opdB, type ConsoleFixture, type Who } from '../testing/console-fixture.ts';

/**
 * The authorization matrix: every HTTP route of the app (read from Hono's own route table, so a new
 * route without a row here fails the test) × every kind of caller × an item of OPD A and of OPD B.
 * `allow` means the caller got past authentication and authorization (any status below 500 but 401 and
 * 403); `deny` means 401, 403 or, for another OPD's item, 404.
 */
type Caller = Who | 'device' | 'widget' | 'source' | 'metrics' | 'none';
const CALLERS: Caller[] = ['admin', 'duty', 'opdA', 'viewer', 'device', 'widget', 'source', 'metrics', 'none'];
const ALL = new Set<Caller>(CALLERS);
const SIGNED = new Set<Caller>(['admin', 'duty', 'opdA', 'viewer']);
const DESK = new Set<Caller>(['admin', 'duty']);
const ADMIN = new Set<Caller>(['admin']);
const NOT_VIEWER = new Set<Caller>(['admin', 'duty', 'opdA']);
const SOURCE = new Set<Caller>(['source']);
const DEVICE = new Set<Caller>(['device']);
/** A Prometheus scraper's bearer token (PANTAU_METRICS_TOKEN): /metrics only, nothing else. */
const METRICS = new Set<Caller>(['metrics']);
const METRICS_TOKEN = 'matrix-metrics-token-0123456789';

interface Row {
  allow: Set<Caller>;
  body?: unknown;
  /** `:id` is an item of OPD A or of OPD B: an OPD admin is allowed on A's only. */
  item?: 'complaint' | 'ppid';
  /** A literal path to call instead of the route pattern. */
  path?: string;
  /** An OPD's figures: also called with `opdId=` OPD B, which an OPD admin of A may not read. */
  figures?: boolean;
  /** The built web app: 503 while no build is present (tests run without one) is not a decision. */
  web?: boolean;
}

/** Routes whose answer to a caller is not a permission decision (tested in their own files). */
const EXEMPT: Record<string, string> = {
  'POST /api/auth/login': 'everyone may try; wrong credentials are 401 by design (auth.test.ts)',
  'GET /api/auth/session': 'reads the cookie session only (auth.test.ts)',
  'POST /api/auth/logout': 'signs out a cookie session, anyone may call (auth.test.ts)',
  'POST /api/auth/password': 'a cookie session changes its own password (auth.test.ts, role-limits.test.ts)',
  'POST /embed/token/renew': 'the widget token travels in the body (widgets tests)',
  'POST /embed/token/issue': 'the site key travels in the body, checked against the Origin (widgets.test.ts)',
};

const note = { action: 'note', expectedVersion: 1, expectedRevision: 0, text: 'catatan' };
const TABLE: Record<string, Row> = {
  'GET /healthz': { allow: ALL },
  'GET /readyz': { allow: ALL },
  'GET /metrics': { allow: METRICS },
  'GET /api/status/recompute': { allow: ALL },
  'GET /api/province': { allow: ALL },
  'GET /api/users': { allow: ADMIN },
  'POST /api/users': { allow: ADMIN, body: { username: 'matrix-x', displayName: 'X', role: 'viewer' } },
  'PATCH /api/users/:id': { allow: ADMIN, body: { displayName: 'Y' }, path: '/api/users/nobody' },
  'POST /api/users/:id/reset-password': { allow: ADMIN, path: '/api/users/nobody/reset-password' },
  'GET /api/devices': { allow: ADMIN },
  'POST /api/devices': { allow: ADMIN, body: { name: 'Layar matriks' } },
  'DELETE /api/devices/:id': { allow: ADMIN, path: '/api/devices/nope' },
  'GET /api/audit': { allow: ADMIN },
  'GET /api/notifications/subscription': { allow: SIGNED },
  // Every person saves their own; a token with no console account is answered 422, which is not a refusal.
  'PUT /api/notifications/subscription': { allow: SIGNED, body: {} },
  'GET /api/notifications/subscriptions': { allow: ADMIN },
  'PUT /api/notifications/subscriptions/:userId': {
    allow: ADMIN,
    body: {},
    path: '/api/notifications/subscriptions/nobody',
  },
  'GET /api/notifications/deliveries': { allow: ADMIN },
  'GET /api/reports/leadership.pdf': { allow: SIGNED, path: '/api/reports/leadership.pdf?month=2026-11' },
  'GET /api/reports/ppid-annual.pdf': { allow: SIGNED, path: '/api/reports/ppid-annual.pdf?year=2025' },
  'GET /api/reports/schedules': { allow: ADMIN },
  'POST /api/reports/schedules': { allow: ADMIN, body: {} },
  'PUT /api/reports/schedules/:id': { allow: ADMIN, body: {}, path: '/api/reports/schedules/999999' },
  'DELETE /api/reports/schedules/:id': { allow: ADMIN, path: '/api/reports/schedules/999999' },
  'POST /api/audit/verify': { allow: ADMIN },
  'GET /api/wall/whoami': { allow: DEVICE },
  'GET /api/wall/screens': { allow: DESK },
  'POST /api/wall/screens/:id/show': { allow: DESK, body: { scene: 'ringkasan' }, path: '/api/wall/screens/nope/show' },
  'DELETE /api/wall/screens/:id/show': { allow: DESK, path: '/api/wall/screens/nope/show' },
  'GET /api/wall/playlists': { allow: SIGNED },
  'GET /api/wall/playlist': { allow: SIGNED },
  'PUT /api/wall/playlist': { allow: ADMIN, body: { entries: [] } },
  'DELETE /api/wall/playlist': { allow: ADMIN, path: '/api/wall/playlist?screen=nope' },
  'GET /api/annotations': { allow: SIGNED },
  'POST /api/annotations': {
    allow: DESK,
    body: { startsAt: '2026-11-20T01:00:00Z', text: 'Banjir di Palangka Raya' },
  },
  'DELETE /api/annotations/:id': { allow: DESK, path: '/api/annotations/999999' },
  'GET /api/sources': { allow: DESK },
  'POST /api/sources': { allow: ADMIN, body: {} },
  'DELETE /api/sources/:id/key': { allow: ADMIN, path: '/api/sources/nope/key' },
  'POST /api/sources/connectors/:kind/:id/pause': { allow: ADMIN, path: '/api/sources/connectors/lapor/nope/pause' },
  'POST /api/sources/connectors/:kind/:id/resume': {
    allow: ADMIN,
    path: '/api/sources/connectors/lapor/nope/resume',
  },
  'GET /api/ppid/requests/:id': { allow: SIGNED, item: 'ppid' },
  'POST /api/ppid/requests/:id/actions': {
    allow: NOT_VIEWER,
    item: 'ppid',
    body: { action: 'note', expectedRevision: 0, text: 'catatan' },
  },
  'POST /api/ingest/complaints': { allow: SOURCE, body: { source: 'matrix', items: [] } },
  'POST /api/ingest/heartbeat': { allow: SOURCE, body: { source: 'matrix' } },
  'POST /api/ingest/sms': { allow: SOURCE, body: { source: 'matrix', items: [] } },
  'POST /api/ingest/ppid': { allow: SOURCE, body: { source: 'matrix', items: [] } },
  'POST /api/ingest/social': { allow: SOURCE, body: { source: 'matrix', items: [] } },
  'GET /api/ppid/kpis': { allow: SIGNED, figures: true, path: '/api/ppid/kpis?from=2025-01-01&to=2025-01-31' },
  'GET /api/ppid/report.csv': {
    allow: SIGNED,
    figures: true,
    path: '/api/ppid/report.csv?from=2025-01-01&to=2025-01-31',
  },
  'GET /api/ppid/dip': { allow: SIGNED, figures: true },
  'GET /api/ppid/monev': { allow: SIGNED, figures: true },
  'GET /api/complaints/settings': { allow: SIGNED },
  'PUT /api/complaints/settings': { allow: ADMIN, body: {} },
  'GET /api/complaints': { allow: SIGNED },
  'GET /api/complaints.csv': { allow: SIGNED },
  'GET /api/complaints/:id': { allow: SIGNED, item: 'complaint' },
  'POST /api/complaints/:id/actions': { allow: NOT_VIEWER, item: 'complaint', body: note },
  'GET /api/worklist': { allow: SIGNED },
  'GET /api/worklist/groups': { allow: SIGNED },
  'GET /api/worklist.csv': { allow: SIGNED },
  // The item is in the body: an unknown one is 404 to those allowed; OPD scoping is in assignment.test.ts.
  'POST /api/worklist/assign': { allow: NOT_VIEWER, body: { kind: 'complaint', id: '999999999', assignee: 'me' } },
  'GET /api/worklist/assignees': { allow: NOT_VIEWER },
  'GET /api/worklist/handover': { allow: NOT_VIEWER },
  // An empty body is a 400 to those allowed; OPD scoping is in walk-in.test.ts.
  'POST /api/complaints/walk-in': { allow: NOT_VIEWER, body: {} },
  'POST /api/ppid/requests/:id/record': {
    allow: NOT_VIEWER,
    item: 'ppid',
    body: { event: 'delivered', expectedRevision: 999 },
  },
  // An unknown comment is 404 to those allowed; OPD scoping is in social-actions.test.ts.
  'POST /api/social/interactions/:id/actions': {
    allow: NOT_VIEWER,
    body: { action: 'hoax' },
    path: '/api/social/interactions/999999999/actions',
  },
  'GET /api/calendar/status': { allow: SIGNED },
  'GET /api/calendar/years/:year': { allow: NOT_VIEWER, path: '/api/calendar/years/2026' },
  'POST /api/calendar/days': { allow: ADMIN, body: {} },
  'POST /api/calendar/days/remove': { allow: ADMIN, body: {} },
  'POST /api/calendar/days/move': { allow: ADMIN, body: {} },
  'POST /api/calendar/years': { allow: ADMIN, body: {} },
  'GET /api/social/kpis': { allow: SIGNED, figures: true, path: '/api/social/kpis?from=2025-01-01&to=2025-01-31' },
  'GET /api/public/v1/summary': { allow: ALL },
  'GET /api/public/v1/complaints': { allow: ALL },
  'GET /api/public/v1/ppid': { allow: ALL },
  'GET /api/public/v1/social': { allow: ALL },
  'GET /api/public/v1/rankings': { allow: ALL },
  'GET /api/public/v1/scopes': { allow: ALL },
  'GET /api/public/v1/openapi.json': { allow: ALL },
  'GET /api/openapi.json': { allow: ALL },
  'GET /api/public/v1': { allow: ALL },
  'GET /embed.js': { allow: ALL },
  'GET /embed/widget.js': { allow: ALL },
  'GET /embed': { allow: ALL },
  'GET /embed/:kind': { allow: ALL, path: '/embed/ringkasan' },
  'GET /api/widgets/tokens': { allow: ADMIN },
  'POST /api/widgets/tokens': { allow: ADMIN, body: {} },
  'DELETE /api/widgets/tokens/:id': { allow: ADMIN, path: '/api/widgets/tokens/nope' },
  'GET /assets/*': { allow: ALL, web: true, path: '/assets/none.js' },
  'GET /': { allow: ALL, web: true },
  'GET /wall': { allow: ALL, web: true },
  'GET /wall/*': { allow: ALL, web: true, path: '/wall/x' },
  'GET /dashboard': { allow: ALL, web: true },
  'GET /dashboard/*': { allow: ALL, web: true, path: '/dashboard/x' },
  'GET /console': { allow: ALL, web: true },
  'GET /console/*': { allow: ALL, web: true, path: '/console/x' },
  'GET /favicon.svg': { allow: ALL, web: true },
  'GET /wall-sw.js': { allow: ALL, web: true },
};

describe('authorization matrix: every route × every caller × OPD A and B', () => {
  let f: ConsoleFixture;
  const credentials: Partial<Record<Caller, string>> = {};
  beforeAll(async () => {
    f = await createConsoleFixture('authzmatrix', { metricsToken: METRICS_TOKEN });
    credentials.metrics = METRICS_TOKEN;
    for (const who of ['admin', 'duty', 'opdA', 'viewer'] as const) credentials[who] = f.tokens[who];
    credentials.device = await issueWallDevice(f.db.pool, 'matrix-wall', 'Layar');
    credentials.source = await issueSourceKey(f.db.pool, 'matrix', 'Matrix source');
    const issued = await f.call('admin', 'POST', '/api/widgets/tokens', {
      label: 'matrix',
      kinds: [WIDGET_KINDS[0]],
      opds: [opdA],
    });
    expect(issued.status, await issued.clone().text()).toBe(201);
    credentials.widget = ((await issued.json()) as { token: string }).token;
  });
  afterAll(async () => f.db.drop());

  const routeKeys = () => {
    const keys = new Set<string>();
    for (const r of f.app.routes) if (r.method !== 'ALL') keys.add(`${r.method} ${r.path}`);
    return [...keys];
  };

  it('has a row for every route the app serves', () => {
    const missing = routeKeys().filter((k) => !(k in TABLE) && !(k in EXEMPT));
    expect(missing, 'add these routes to the authorization matrix').toEqual([]);
  });

  it('lets exactly the allowed callers through every route, and an OPD admin only to its own OPD’s items', async () => {
    const itemOf = {
      complaint: { A: f.complaint['7100001']!, B: f.complaint['7100002']! },
      ppid: { B: f.ppidRequestId },
    };
    const failures: string[] = [];
    for (const key of routeKeys()) {
      const row = TABLE[key];
      if (!row) continue;
      const [method, pattern] = key.split(' ') as [string, string];
      const targets: Array<{ path: string; opd: 'A' | 'B' | null }> = row.item
        ? Object.entries(itemOf[row.item]).map(([opd, id]) => ({
            path: pattern.replace(':id', String(id)),
            opd: opd as 'A' | 'B',
          }))
        : [{ path: row.path ?? pattern, opd: null }];
      if (row.figures) {
        const base = row.path ?? pattern;
        targets.push({ path: `${base}${base.includes('?') ? '&' : '?'}opdId=${opdB}`, opd: 'B' });
      }
      for (const target of targets) {
        for (const caller of CALLERS) {
          const credential = credentials[caller];
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (credential) headers.authorization = `Bearer ${credential}`;
          if (caller === 'device' && credential) headers['x-device-token'] = credential;
          const res = await f.app.request(target.path, {
            method,
            headers,
            body: row.body === undefined || method === 'GET' ? undefined : JSON.stringify(row.body),
          });
          const allowed = row.allow.has(caller) && !(caller === 'opdA' && target.opd === 'B');
          const denied = res.status === 401 || res.status === 403 || (target.opd !== null && res.status === 404);
          const ok = (res.status < 500 || (row.web && res.status === 503)) && (allowed ? !denied : denied);
          if (!ok)
            failures.push(`${caller} ${method} ${target.path}: ${res.status} (expected ${allowed ? 'allow' : 'deny'})`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('never shows a reporter, a PPID requester or rahasia text to a caller not allowed it, on any route', async () => {
    // 7100001 is rahasia (OPD A), 7100002 is not (OPD B); the fixture puts MARKER strings in every
    // personal and free-text field.
    const itemOf = { complaint: [f.complaint['7100001']!, f.complaint['7100002']!], ppid: [f.ppidRequestId] };
    // A PPID request's subject is what was asked for, shown to officers; its requester never is.
    const never = /MARKER-(REQUESTER|ADDRESS)/;
    const forbidden: Record<Caller, RegExp> = {
      admin: never,
      duty: never,
      // Its own OPD's rahasia text is its to read; another OPD's items are not found at all.
      opdA: /MARKER-(REQUESTER|ADDRESS|NAME-7100002|BODY-7100002)/,
      opdB: /MARKER-(REQUESTER|ADDRESS|NAME-7100001|BODY-7100001|TITLE-7100001)/,
      // A non-rahasia complaint's text is public in LAPOR; a rahasia one's is not, nor any reporter.
      viewer: /MARKER-(REQUESTER|ADDRESS|NAME|BODY-7100001|TITLE-7100001)/,
      device: /MARKER/,
      widget: /MARKER/,
      source: /MARKER/,
      metrics: /MARKER/,
      none: /MARKER/,
    };
    const leaks: string[] = [];
    for (const key of routeKeys()) {
      const row = TABLE[key];
      if (!row || !key.startsWith('GET ')) continue;
      const pattern = key.slice(4);
      const paths = row.item
        ? itemOf[row.item].map((id) => pattern.replace(':id', String(id)))
        : [row.path ?? pattern, ...(key.startsWith('GET /api/complaints') ? [`${pattern}?q=MARKER`] : [])];
      for (const path of paths)
        for (const caller of CALLERS) {
          const credential = credentials[caller];
          const res = await f.app.request(path, {
            headers: credential ? { authorization: `Bearer ${credential}`, 'x-device-token': credential } : {},
          });
          const m = forbidden[caller].exec(await res.text());
          if (m) leaks.push(`${caller} GET ${path}: ${m[0]}`);
        }
    }
    expect(leaks).toEqual([]);
  });
});
