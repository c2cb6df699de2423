import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seedProvincePack, setSocialPlatformAccountId } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadEnv } from '../../env.ts';
import { createLogger } from '../../logger.ts';
import { pollPlatformOnce, type ConnectorSettings } from './connector.ts';
import { facebookClient, instagramClient } from './graph-api.ts';
import type { ClientOptions, PlatformClient } from './platform.ts';
import { configuredClients, startSocialConnectors } from './service.ts';
import { xClient } from './x.ts';
import { youtubeClient } from './youtube.ts';

// A local fake of the four platform APIs, answering in each one's documented shapes — and, on demand,
// with their error bodies, rate limits, garbage, or not at all.
type Handler = (req: IncomingMessage, url: URL, res: ServerResponse) => void;
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
const insight = (name: string, values: Array<[number, string]>) => ({
  name,
  period: 'day',
  title: name,
  description: '',
  id: `x/insights/${name}/day`,
  values: values.map(([value, end_time]) => ({ value, end_time })),
});

const pack = loadProvincePack('kalteng');
const dinkes = pack.opds.find((o) => o.shortName === 'Dinkes')!;
const igAccount = pack.socialAccounts.find((a) => a.opdId === dinkes.id && a.platform === 'instagram')!;
const NOW = new Date('2025-03-04T10:00:00+07:00');
const logger = createLogger('silent');
const settings: ConnectorSettings = { intervalMs: 3600_000, backoffBaseMs: 60_000 };

describe('social connectors against a fake platform server', () => {
  let db: TestDatabase;
  let server: Server;
  let base: string;
  let handler: Handler;
  const requests: URL[] = [];
  const opts = (): ClientOptions => ({
    baseUrl: base,
    token: 'SECRET-TOKEN-42',
    timeoutMs: 300,
    timeZone: pack.timeZone,
  });
  const metric = async (accountId: string) =>
    (
      await db.pool.query(
        `SELECT to_char(day, 'YYYY-MM-DD') AS day, followers, total_posts, reach, impressions, views
         FROM social_daily_metric WHERE account_id = $1 ORDER BY day`,
        [accountId],
      )
    ).rows;
  const cursor = async (accountId: string) =>
    (
      await db.pool.query(
        'SELECT cursor, next_poll_at, failures, last_error FROM social_connector_cursor WHERE account_id = $1',
        [accountId],
      )
    ).rows[0];
  const sourceRow = async (platform: string) =>
    (
      await db.pool.query('SELECT last_delivery_at, last_error, last_error_at FROM source WHERE id = $1', [
        `connector-${platform}`,
      ])
    ).rows[0];
  const accountFor = async (platform: string, handle: string, platformId: string) => {
    const id = `${dinkes.id}:${platform}:${handle}`;
    await db.pool.query(
      `INSERT INTO social_account (id, opd_id, platform, handle, demo) VALUES ($1, $2, $3, $4, false) ON CONFLICT DO NOTHING`,
      [id, dinkes.id, platform, handle],
    );
    await setSocialPlatformAccountId(db.pool, id, platformId);
    return id;
  };
  const resetCursors = () => db.pool.query('DELETE FROM social_connector_cursor');
  const poll = (client: PlatformClient, now = NOW) => pollPlatformOnce(db.pool, client, settings, logger, now);

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'connectors' });
    await seedProvincePack(db.pool, pack);
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://fake');
      requests.push(url);
      handler(req, url, res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await db.drop();
  });
  beforeEach(async () => {
    requests.length = 0;
    await resetCursors();
  });

  describe('Instagram Graph API', () => {
    let igId: string;
    beforeAll(async () => {
      igId = `${dinkes.id}:instagram:${igAccount.handle}`;
      await setSocialPlatformAccountId(db.pool, igId, '17841400000000001');
    });

    it('stores followers, media count and daily reach/impressions, and saves its cursor', async () => {
      handler = (_req, url, res) => {
        if (url.pathname === '/17841400000000001')
          return json(res, 200, { followers_count: 5120, media_count: 310, id: '17841400000000001' });
        json(res, 200, {
          data: [
            insight('reach', [
              [800, '2025-03-03T08:00:00+0000'],
              [950, '2025-03-04T08:00:00+0000'],
            ]),
            insight('impressions', [
              [1500, '2025-03-03T08:00:00+0000'],
              [1700, '2025-03-04T08:00:00+0000'],
            ]),
          ],
          paging: { previous: 'x', next: 'y' },
        });
      };
      expect(await poll(instagramClient(opts()))).toEqual({ polled: 1, succeeded: 1, failed: [] });
      expect(await metric(igId)).toEqual([
        { day: '2025-03-02', followers: null, total_posts: null, reach: 800, impressions: 1500, views: null },
        { day: '2025-03-03', followers: null, total_posts: null, reach: 950, impressions: 1700, views: null },
        { day: '2025-03-04', followers: 5120, total_posts: 310, reach: null, impressions: null, views: null },
      ]);
      const insights = requests.find((u) => u.pathname.endsWith('/insights'))!;
      expect(insights.searchParams.get('metric')).toBe('reach,impressions');
      expect(insights.searchParams.get('period')).toBe('day');
      const c = await cursor(igId);
      expect(c).toMatchObject({ failures: 0, last_error: null, cursor: { insightsUntil: NOW.getTime() / 1000 } });
      expect(c.next_poll_at.getTime()).toBe(NOW.getTime() + 3600_000);
      expect((await sourceRow('instagram')).last_delivery_at).not.toBeNull();
    });

    it('resumes from its saved cursor after a restart: not before next_poll_at, then from the last window', async () => {
      handler = (_req, url, res) =>
        url.pathname.endsWith('/insights')
          ? json(res, 200, { data: [] })
          : json(res, 200, { followers_count: 5121, media_count: 311 });
      await poll(instagramClient(opts()));
      requests.length = 0;
      // A fresh client (a restarted node) at a moment before next_poll_at polls nothing.
      expect((await poll(instagramClient(opts()), new Date(NOW.getTime() + 60_000))).polled).toBe(0);
      expect(requests).toHaveLength(0);
      const later = new Date(NOW.getTime() + 2 * 3600_000);
      expect((await poll(instagramClient(opts()), later)).succeeded).toBe(1);
      const since = Number(requests.find((u) => u.pathname.endsWith('/insights'))!.searchParams.get('since'));
      expect(since).toBe(NOW.getTime() / 1000 - 86_400);
    });

    it('an OAuth error body is logged, backs off and marks the source late, without stopping', async () => {
      handler = (_req, _url, res) =>
        json(res, 400, {
          error: { message: 'Error validating access token', type: 'OAuthException', code: 190, fbtrace_id: 'A1' },
        });
      const r = await poll(instagramClient(opts()));
      expect(r.failed).toEqual([
        { accountId: igId, kind: 'http', message: 'OAuthException 190: Error validating access token' },
      ]);
      const c = await cursor(igId);
      expect(c.failures).toBe(1);
      expect(c.next_poll_at.getTime()).toBe(NOW.getTime() + 60_000);
      const src = await sourceRow('instagram');
      expect(src.last_error).toMatch(/OAuthException 190/);
      expect(src.last_error).not.toMatch(/SECRET-TOKEN/);
      expect(src.last_error_at).not.toBeNull();
    });

    it('a Graph rate limit (code 4) backs off exponentially: 1, 2, 4 minutes', async () => {
      handler = (_req, _url, res) =>
        json(res, 400, { error: { message: 'Application request limit reached', type: 'OAuthException', code: 4 } });
      let now = NOW;
      const waits: number[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await poll(instagramClient(opts()), now);
        expect(r.failed[0]?.kind).toBe('rate_limited');
        const next = (await cursor(igId)).next_poll_at as Date;
        waits.push((next.getTime() - now.getTime()) / 60_000);
        now = next;
      }
      expect(waits).toEqual([1, 2, 4]);
    });

    it('garbage (not JSON) and a wrong shape are failures, not crashes', async () => {
      handler = (_req, _url, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html>Service Unavailable</html>');
      };
      expect((await poll(instagramClient(opts()))).failed[0]).toMatchObject({ kind: 'garbage' });
      await resetCursors();
      handler = (_req, url, res) =>
        url.pathname.endsWith('/insights')
          ? json(res, 200, { data: 'nope' })
          : json(res, 200, { followers_count: 'many' });
      expect((await poll(instagramClient(opts()))).failed[0]).toMatchObject({
        kind: 'garbage',
        message: 'unexpected response shape: instagram profile without followers_count',
      });
    });

    it('a server that never answers times out (AbortSignal.timeout) and is retried later', async () => {
      handler = () => undefined; // never answers
      const started = Date.now();
      const r = await poll(instagramClient(opts()));
      expect(Date.now() - started).toBeLessThan(3000);
      expect(r.failed[0]).toMatchObject({ kind: 'timeout', message: 'no answer within 300 ms' });
      expect((await sourceRow('instagram')).last_error).toMatch(/timeout/);
    });
  });

  it('Facebook Page insights: page_impressions and page_impressions_unique', async () => {
    const id = await accountFor('facebook', 'dinkeskalteng', '104000000000001');
    handler = (_req, url, res) => {
      if (url.pathname === '/104000000000001') return json(res, 200, { followers_count: 900, fan_count: 880, id: '1' });
      expect(url.pathname).toBe('/104000000000001/insights/page_impressions,page_impressions_unique');
      json(res, 200, {
        data: [
          insight('page_impressions', [[300, '2025-03-04T08:00:00+0000']]),
          insight('page_impressions_unique', [[120, '2025-03-04T08:00:00+0000']]),
        ],
      });
    };
    expect((await poll(facebookClient(opts()))).succeeded).toBe(1);
    expect(await metric(id)).toEqual([
      { day: '2025-03-03', followers: null, total_posts: null, reach: 120, impressions: 300, views: null },
      { day: '2025-03-04', followers: 900, total_posts: null, reach: null, impressions: null, views: null },
    ]);
  });

  describe('YouTube Data API v3', () => {
    let id: string;
    beforeAll(async () => {
      id = await accountFor('youtube', 'dinkeskaltengtv', 'UC_x5XG1OV2P6uZZ5FSM9Ttw');
    });
    const stats = (viewCount: string) => ({
      kind: 'youtube#channelListResponse',
      etag: 'e',
      pageInfo: { totalResults: 1, resultsPerPage: 5 },
      items: [
        {
          kind: 'youtube#channel',
          etag: 'e',
          id: 'UC_x5XG1OV2P6uZZ5FSM9Ttw',
          statistics: { viewCount, subscriberCount: '2300', hiddenSubscriberCount: false, videoCount: '145' },
        },
      ],
    });

    it('reads the counts given as strings, and the day’s views as the rise since the first poll', async () => {
      let views = '100000';
      handler = (_req, url, res) => {
        expect(url.pathname).toBe('/youtube/v3/channels');
        expect(url.searchParams.get('part')).toBe('statistics');
        json(res, 200, stats(views));
      };
      await poll(youtubeClient(opts()));
      views = '100250';
      await poll(youtubeClient(opts()), new Date(NOW.getTime() + 2 * 3600_000));
      expect(await metric(id)).toEqual([
        { day: '2025-03-04', followers: 2300, total_posts: 145, reach: null, impressions: null, views: 250 },
      ]);
    });

    it('quotaExceeded is a rate limit', async () => {
      handler = (_req, _url, res) =>
        json(res, 403, {
          error: {
            code: 403,
            message: 'The request cannot be completed because you have exceeded your quota.',
            errors: [{ message: 'quota', domain: 'youtube.quota', reason: 'quotaExceeded' }],
          },
        });
      expect((await poll(youtubeClient(opts()))).failed[0]).toMatchObject({
        kind: 'rate_limited',
        message: '403 The request cannot be completed because you have exceeded your quota.',
      });
    });
  });

  describe('X API v2', () => {
    let id: string;
    const reset = Math.floor(NOW.getTime() / 1000) + 900;
    beforeAll(async () => {
      id = await accountFor('x', 'dinkeskalteng', '2244994945');
    });

    it('reads public_metrics and waits for x-rate-limit-reset when none remain', async () => {
      handler = (req, url, res) => {
        expect(req.headers.authorization).toBe('Bearer SECRET-TOKEN-42');
        expect(url.searchParams.get('user.fields')).toBe('public_metrics');
        json(
          res,
          200,
          {
            data: {
              id: '2244994945',
              name: 'Dinkes',
              username: 'dinkeskalteng',
              public_metrics: {
                followers_count: 777,
                following_count: 10,
                tweet_count: 4321,
                listed_count: 2,
                like_count: 9,
              },
            },
          },
          { 'x-rate-limit-limit': '25', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset) },
        );
      };
      await poll(xClient({ ...opts() }), NOW);
      expect(await metric(id)).toEqual([
        { day: '2025-03-04', followers: 777, total_posts: 4321, reach: null, impressions: null, views: null },
      ]);
      // The interval (1 h) is later than the reset (15 min): the interval wins.
      expect((await cursor(id)).next_poll_at.getTime()).toBe(NOW.getTime() + 3600_000);
    });

    it('a 429 waits until x-rate-limit-reset', async () => {
      handler = (_req, _url, res) =>
        json(
          res,
          429,
          { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
          { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset) },
        );
      expect((await poll(xClient(opts()))).failed[0]).toMatchObject({ kind: 'rate_limited' });
      expect((await cursor(id)).next_poll_at.getTime()).toBe(reset * 1000 + 1000);
    });

    it('a problem document (401) and a 200 with errors[] are failures naming the reason', async () => {
      handler = (_req, _url, res) =>
        json(res, 401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
      expect((await poll(xClient(opts()))).failed[0]).toEqual({
        accountId: id,
        kind: 'http',
        message: 'Unauthorized: Unauthorized',
      });
      await resetCursors();
      handler = (_req, _url, res) =>
        json(res, 200, {
          errors: [
            { value: '2244994945', detail: 'Could not find user with id: [2244994945].', title: 'Not Found Error' },
          ],
        });
      expect((await poll(xClient(opts()))).failed[0]).toMatchObject({
        message: 'Not Found Error: Could not find user with id: [2244994945].',
      });
    });
  });

  it('a successful poll with nothing new still marks its source fresh (a quiet account is not a dead feed)', async () => {
    const id = await accountFor('youtube', 'dinkes-sepi', 'UCsepi');
    await db.pool.query(`DELETE FROM source WHERE id = 'connector-youtube'`);
    const quiet: PlatformClient = {
      platform: 'youtube',
      poll: async () => ({ ok: true, days: [], cursor: { quiet: true }, notBefore: null }),
    };
    const report = await poll(quiet);
    expect(report.succeeded).toBeGreaterThan(0);
    expect((await cursor(id)).failures).toBe(0);
    expect((await sourceRow('youtube'))?.last_delivery_at).toBeInstanceOf(Date);
  });

  it('with no tokens configured the connectors do not start', async () => {
    const env = loadEnv({ NODE_ENV: 'test' });
    expect(configuredClients(env, pack.timeZone)).toEqual([]);
    const service = await startSocialConnectors({
      env,
      pool: db.pool,
      pack,
      logger,
    } as unknown as Parameters<typeof startSocialConnectors>[0]);
    expect(service).toBeNull();
    const withTokens = loadEnv({ NODE_ENV: 'test', PANTAU_X_BEARER_TOKEN: 'b', PANTAU_YOUTUBE_API_KEY: 'k' });
    expect(configuredClients(withTokens, pack.timeZone).map((c) => c.platform)).toEqual(['youtube', 'x']);
  });
});
