import { WIDGET_KINDS } from '@pantau/contracts';
import { embedSecret, issueServiceToken } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createLogger } from '../logger.ts';
import { DEFAULT_PUBLIC_OPTIONS } from '../public/routes.ts';
import { LEAK_MARKER, seedLeakFixture } from '../public/testing/leak-fixture.ts';
import { signGrant } from './tokens.ts';

const pack = loadProvincePack('kalteng');
const PUBLIC_KINDS = WIDGET_KINDS.filter((k) => k !== 'late');

describe('embeddable widgets', () => {
  let db: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let fixture: Awaited<ReturnType<typeof seedLeakFixture>>;
  let admin = '';
  let duty = '';
  const api = (who: string, path: string, init: RequestInit = {}) =>
    app.request(path, {
      ...init,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${who}` },
    });
  /** An app on the fixture's database, with its own public cache. */
  const newApp = () =>
    createApp({
      pool: db.pool,
      pack,
      logger: createLogger('silent'),
      webDist: '/nonexistent',
      complaints: fixture.ctx,
      publicApi: { ...DEFAULT_PUBLIC_OPTIONS, rateLimitBurst: 100_000 },
    });
  const issue = async (body: object) =>
    api(admin, '/api/widgets/tokens', { method: 'POST', body: JSON.stringify(body) });

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'widgets' });
    fixture = await seedLeakFixture(db.pool, pack);
    app = newApp();
    admin = await issueServiceToken(db.pool, 'admin', 'Admin', 'admin');
    duty = await issueServiceToken(db.pool, 'duty', 'Piket', 'duty_officer');
  });
  afterAll(async () => db.drop());

  it('renders every public kind in every theme as a page with its numbers in text and charts as SVG', async () => {
    for (const kind of PUBLIC_KINDS)
      for (const theme of ['light', 'dark', 'auto']) {
        const res = await app.request(`/embed/${kind}?theme=${theme}`);
        expect(res.status, `${kind} ${theme}`).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/text\/html/);
        const html = await res.text();
        expect(html).toMatch(/<html lang="id"/);
        expect(html).toMatch(/Sumber: Pantau<\/a> · Kalimantan Tengah · diperbarui <time [^>]+>.* WIB<\/time>/);
        if (['kpi', 'trend', 'ontime'].includes(kind)) {
          // A chart is drawn on the server and has a caption with its key numbers.
          expect(html, kind).toMatch(/<svg /);
          expect(html, kind).toMatch(/<figcaption>[^<]{12,}<\/figcaption>/);
          // auto ships both palettes and lets the host's colour scheme pick one; the trend also ships a
          // drawing for narrow columns.
          expect((html.match(/<svg /g) ?? []).length).toBe((theme === 'auto' ? 2 : 1) * (kind === 'trend' ? 2 : 1));
        }
        expect(html).not.toMatch(/<script>/); // no inline script: one external file, CSP-clean
      }
  });

  it('speaks English when asked and shows the province figures in Indonesian number format by default', async () => {
    const id = await (await app.request('/embed/kpi?scope=province')).text();
    expect(id).toMatch(/Aduan masuk/);
    expect(id).toMatch(/data-testid="kpi-value">14</);
    const en = await (await app.request('/embed/kpi?scope=province&lang=en')).text();
    expect(en).toMatch(/<html lang="en"/);
    expect(en).toMatch(/Received/);
  });

  it('never shows personal data or free text in any widget, gallery or script, and suppresses small counts', async () => {
    const scopes = ['province', fixture.busyOpd, fixture.quietOpd, fixture.regency];
    const urls = ['/embed', '/embed?lang=en', '/embed.js', '/embed/widget.js'];
    for (const kind of PUBLIC_KINDS)
      for (const scope of scopes)
        for (const period of ['month', 'today'])
          for (const size of ['normal', 'compact'])
            urls.push(`/embed/${kind}?scope=${scope}&period=${period}&size=${size}`);
    let rendered = 0;
    for (const url of urls) {
      const res = await app.request(url);
      expect([200, 400], url).toContain(res.status);
      if (res.status === 200) rendered++;
      expect(await res.text(), url).not.toMatch(LEAK_MARKER);
    }
    expect(rendered).toBeGreaterThan(60);
    const quiet = await (await app.request(`/embed/kpi?scope=${fixture.quietOpd}`)).text();
    expect(quiet).toMatch(/data-testid="kpi-value">&lt;5</);
  });

  it('credits Pantau with a link and says when its figures were read, on every widget kind', async () => {
    const res = await issue({ label: 'Situs Dinas', kinds: ['late'], opds: [fixture.busyOpd], ttlMinutes: 30 });
    const { token } = (await res.json()) as { token: string };
    const before = Date.now();
    for (const kind of WIDGET_KINDS)
      for (const lang of ['id', 'en']) {
        const scope = kind === 'ranking' ? 'province' : fixture.busyOpd;
        const url = `/embed/${kind}?scope=${scope}&lang=${lang}${kind === 'late' ? `&token=${token}` : ''}`;
        const html = await (await app.request(url)).text();
        const footer = /<footer>([\s\S]*?)<\/footer>/.exec(html)?.[1] ?? '';
        const link = /<a href="([^"]+)"[^>]*>([^<]+)<\/a>/.exec(footer);
        expect(link?.[2], url).toBe(lang === 'id' ? 'Sumber: Pantau' : 'Source: Pantau');
        expect(link?.[1], url).toBe(`/embed?lang=${lang}`);
        expect(footer, url).toMatch(/target="_blank" rel="noopener"/);
        // The data's age: a machine-readable time beside the words, no later than now.
        const at = /<time datetime="([^"]+)">[^<]+<\/time>/.exec(footer)?.[1];
        expect(at, url).toBeDefined();
        expect(Date.parse(at!), url).toBeLessThanOrEqual(Date.now());
        expect(Date.now() - Date.parse(at!), url).toBeLessThan(Date.now() - before + 60_000);
      }
  });

  it('answers a repeat visit with 304 and lets shared caches keep the page', async () => {
    const first = await app.request('/embed/trend?scope=province');
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('cache-control')).toMatch(/public, max-age=\d+, s-maxage=\d+, stale-while-revalidate=\d+/);
    expect(first.headers.get('content-security-policy')).toMatch(/frame-ancestors \*/);
    expect(first.headers.get('x-frame-options')).toBeNull();
    const again = await app.request('/embed/trend?scope=province', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('renders the same figures to the same bytes on another node, so ETags survive a cache refresh', async () => {
    const other = createApp({
      pool: db.pool,
      pack,
      logger: createLogger('silent'),
      webDist: '/nonexistent',
      complaints: fixture.ctx,
    });
    // Render a few charts first so the other node's chart counter is elsewhere.
    await other.request('/embed/ontime?theme=dark');
    const strip = (html: string) => html.replace(/<footer>.*<\/footer>/, '');
    const a = strip(await (await app.request('/embed/trend?theme=auto&scope=province')).text());
    const b = strip(await (await other.request('/embed/trend?theme=auto&scope=province')).text());
    expect(a).toMatch(/clip-path/);
    expect(b).toBe(a);
  });

  it('refuses a bad option with a page naming it', async () => {
    const cases: Array<[string, RegExp]> = [
      ['/embed/kpi?accent=red', /accent:/],
      ['/embed/kpi?colour=1', /colour: unknown option/],
      ['/embed/pie', /kind: expected one of/],
      ['/embed/kpi?scope=kalteng.nope', /scope: no OPD/],
      [`/embed/ranking?scope=${fixture.busyOpd}`, /scope: the ranking/],
      [`/embed/ppid?scope=${fixture.regency}`, /scope: PPID/],
      ['/embed/kpi?token=abcdefghijkl', /token: this widget is public/],
    ];
    for (const [url, message] of cases) {
      const res = await app.request(url);
      expect(res.status, url).toBe(400);
      expect(await res.text(), url).toMatch(message);
    }
  });

  it('shows a restricted widget only with a token for that kind and OPD, renews it, and stops once revoked', async () => {
    expect((await app.request(`/embed/late?scope=${fixture.busyOpd}`)).status).toBe(401);
    expect((await api(duty, '/api/widgets/tokens', { method: 'POST', body: '{}' })).status).toBe(403);
    const bad = await issue({ label: 'Situs Dinas', kinds: ['late'], opds: ['kalteng.nope'] });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('opds.0');

    const res = await issue({ label: 'Situs Dinas', kinds: ['late'], opds: [fixture.busyOpd], ttlMinutes: 30 });
    expect(res.status).toBe(201);
    const issued = (await res.json()) as { id: string; token: string; exp: number };
    const page = await app.request(`/embed/late?scope=${fixture.busyOpd}&token=${issued.token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toMatch(/private/);
    const html = await page.text();
    expect(html).toMatch(/Aduan terlambat/);
    expect(html).toMatch(new RegExp(`data-token-exp="${issued.exp}"`));
    expect(html).not.toMatch(LEAK_MARKER);

    // Another OPD, or a tampered scope, or an expired token: refused.
    expect((await app.request(`/embed/late?scope=${fixture.quietOpd}&token=${issued.token}`)).status).toBe(403);
    const [v, payload, mac] = issued.token.split('.');
    const widened = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), opds: [fixture.quietOpd] }),
    ).toString('base64url');
    expect((await app.request(`/embed/late?scope=${fixture.quietOpd}&token=${v}.${widened}.${mac}`)).status).toBe(401);
    const secret = await embedSecret(db.pool);
    const expired = signGrant(secret, {
      id: issued.id,
      kinds: ['late'],
      opds: [fixture.busyOpd],
      exp: Math.floor(Date.now() / 1000) - 1,
      ttl: 1800,
    });
    const expiredPage = await app.request(`/embed/late?scope=${fixture.busyOpd}&token=${expired}`);
    expect(expiredPage.status).toBe(401);
    expect(await expiredPage.text()).toMatch(/token: expired/);

    // Renewal: same scope, a later expiry, and the new token works.
    const renewed = await app.request('/embed/token/renew', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: issued.token }),
    });
    expect(renewed.status).toBe(200);
    const fresh = (await renewed.json()) as { token: string; exp: number };
    expect(fresh.exp).toBeGreaterThanOrEqual(issued.exp);
    expect((await app.request(`/embed/late?scope=${fixture.busyOpd}&token=${fresh.token}`)).status).toBe(200);

    // Revoked: neither the page nor a renewal works any more, whichever copy of the token.
    const list = (await (await api(admin, '/api/widgets/tokens')).json()) as { tokens: Array<{ id: string }> };
    expect(list.tokens.map((t) => t.id)).toContain(issued.id);
    expect(JSON.stringify(list)).not.toContain(issued.token);
    expect((await api(admin, `/api/widgets/tokens/${issued.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await app.request(`/embed/late?scope=${fixture.busyOpd}&token=${fresh.token}`)).status).toBe(401);
    const again = await app.request('/embed/token/renew', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: fresh.token }),
    });
    expect(again.status).toBe(401);
  });

  it('serves a loader of a few hundred bytes that other sites may load', async () => {
    const res = await app.request('/embed.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const body = await res.text();
    const { gzipSync } = await import('node:zlib');
    expect(gzipSync(body).length).toBeLessThan(2048);
  });

  it('gives a static site a site key: each page view from an allowed origin gets a fresh token, others none', async () => {
    // A token pasted into a page months ago has expired: every new visitor would see the error.
    const res = await issue({
      label: 'Situs Dinkes',
      kinds: ['late'],
      opds: [fixture.busyOpd],
      ttlMinutes: 5,
      origins: ['https://dinkes.example.go.id'],
      siteKeyDays: 730,
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; siteKey: string; origins: string[]; siteKeyExpiresAt: string };
    expect(created.siteKey).toMatch(/^ek_/);
    expect(created.origins).toEqual(['https://dinkes.example.go.id']);
    expect(Date.parse(created.siteKeyExpiresAt) - Date.now()).toBeGreaterThan(700 * 86_400_000);
    const trade = (origin: string | null, key = created.siteKey) =>
      app.request('/embed/token/issue', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', ...(origin ? { origin } : {}) },
        body: JSON.stringify({ key }),
      });
    const ok = await trade('https://dinkes.example.go.id');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://dinkes.example.go.id');
    const { token, exp } = (await ok.json()) as { token: string; exp: number };
    // The page view's token lives the token's lifetime, not the key's.
    expect(exp - Date.now() / 1000).toBeLessThanOrEqual(5 * 60 + 1);
    const page = await app.request(`/embed/late?scope=${fixture.busyOpd}&token=${token}`);
    expect(page.status).toBe(200);
    // Another site, no origin, a made-up key: nothing.
    const other = await trade('https://evil.example');
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect((await trade(null)).status).toBe(403);
    expect((await trade('https://dinkes.example.go.id', 'ek_aaaaaaaaaaaaaaaaaaaaaaaaaaaa')).status).toBe(401);
    expect((await trade('https://dinkes.example.go.id', 'nope')).status).toBe(400);
    // The key is shown once and kept only as a hash.
    const stored = await db.pool.query(`SELECT site_key_hash FROM embed_token WHERE id = $1`, [created.id]);
    expect(stored.rows[0].site_key_hash).not.toContain(created.siteKey);
    // Revoked, the key stops at once.
    expect((await api(admin, `/api/widgets/tokens/${created.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await trade('https://dinkes.example.go.id')).status).toBe(401);
  });

  it('takes the host page’s font, and refuses anything in it but names, quotes, commas and spaces', async () => {
    const html = await (
      await app.request(`/embed/kpi?font=${encodeURIComponent('"Noto Serif", Georgia, serif')}`)
    ).text();
    expect(html).toContain(`font:15px/1.4 "Noto Serif", Georgia, serif,system-ui`);
    const bad = await app.request(`/embed/kpi?font=${encodeURIComponent('x}</style><script>alert(1)</script>')}`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/font/);
  });

  it('marks the public notes on a trend’s days and lists them under it, and keeps internal notes inside', async () => {
    const day = 86_400_000;
    const note = async (body: object) => {
      const res = await api(duty, '/api/annotations', { method: 'POST', body: JSON.stringify(body) });
      expect(res.status).toBe(201);
      return (await res.json()) as { id: number; public: boolean };
    };
    const flood = await note({
      startsAt: new Date(Date.now() - 5 * day).toISOString(),
      endsAt: new Date(Date.now() - 3 * day).toISOString(),
      text: 'Banjir Sungai Kahayan: layanan tatap muka ditutup',
      public: true,
    });
    expect(flood.public).toBe(true);
    await note({
      startsAt: new Date(Date.now() - 60 * day).toISOString(),
      text: 'Catatan lama di luar periode',
      public: true,
    });
    await note({ startsAt: new Date().toISOString(), text: 'Pemeliharaan server LAPOR', public: true });
    const internal = await note({
      startsAt: new Date(Date.now() - 4 * day).toISOString(),
      text: 'Rapat internal piket',
    });
    expect(internal.public).toBe(false);
    // A fresh app: the public cache of the app above has drawn these trends before the notes existed.
    const fresh = newApp();
    for (const scope of ['province', fixture.busyOpd]) {
      const html = await (await fresh.request(`/embed/trend?scope=${scope}`)).text();
      const notes = /<ol class="notes"[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
      // The province's note explains an OPD's trend too; the old one is outside the 30 days drawn.
      expect(notes, scope).toContain('Banjir Sungai Kahayan: layanan tatap muka ditutup');
      expect(notes, scope).not.toContain('Catatan lama');
      expect(html, scope).not.toContain('Rapat internal piket');
      expect(html, scope).toMatch(/Catatan pada grafik/);
    }
    const province = await (await fresh.request('/embed/trend?scope=province&theme=light')).text();
    expect(province).toMatch(/<li value="1"[^>]*><time[^>]*>[^<]+<\/time> Banjir Sungai Kahayan/);
    // Numbered in the chart as in the list: the flood's days shaded under a "1", today's note a line under a "2".
    const svg = /<svg[\s\S]*?<\/svg>/.exec(province)?.[0] ?? '';
    expect(svg).toMatch(/<polygon [^>]*fill-opacity="0.55"/);
    expect(svg).toMatch(/<text [^>]*font-weight:bold;[^>]*>1<\/text>/);
    expect(svg).toMatch(/<text [^>]*font-weight:bold;[^>]*>2<\/text>/);
    expect(province).toMatch(/<li value="2"[^>]*><time[^>]*>[^<]+<\/time> Pemeliharaan server LAPOR/);
    const en = await (await fresh.request('/embed/trend?scope=province&lang=en')).text();
    expect(en).toMatch(/Notes on the chart/);
    // No public route serves the internal note (the leak fixture plants more in every scope).
    for (const url of ['/api/public/v1/summary?scope=province', '/embed/kpi?scope=province', '/embed']) {
      expect(await (await fresh.request(url)).text(), url).not.toContain('Rapat internal piket');
    }
  });
});
