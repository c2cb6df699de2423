import fc from 'fast-check';
import { issueServiceToken, issueSourceKey, seedProvincePack } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createLogger } from '../logger.ts';
import { ingestSocialBatch } from './social-ingest.ts';

const pack = loadProvincePack('kalteng');
const ig = pack.socialAccounts.find((a) => a.platform === 'instagram' && a.opdId.endsWith('.dinkes'))!;
const account = { platform: ig.platform, handle: ig.handle };
const day = (date: string, figures: Record<string, number>, eventId = `poll-${date}`) => ({
  externalId: `${ig.handle}:${date}`,
  event: { type: 'account_metrics', eventId, occurredAt: `${date}T23:00:00+07:00`, account, date, figures },
});
const comment = (id: string, local: string, extra: Record<string, unknown> = {}) => ({
  externalId: id,
  event: {
    type: 'interaction_received',
    eventId: `in-${id}`,
    occurredAt: `${local}+07:00`,
    account,
    kind: 'comment',
    text: `TEXT-${id}`,
    ...extra,
  },
});
const later = (id: string, type: string, local: string, extra: Record<string, unknown> = {}) => ({
  externalId: id,
  event: { type, eventId: `${type}-${id}`, occurredAt: `${local}+07:00`, ...extra },
});

describe('social ingest and KPIs', () => {
  let db: TestDatabase;
  let key: string;
  let app: ReturnType<typeof createApp>;
  let viewerToken = '';
  /** Reads need a signed-in principal; a viewer is the least privileged one. */
  const read = (path: string) => app.request(path, { headers: { authorization: `Bearer ${viewerToken}` } });
  const post = (body: unknown, auth = key) =>
    app.request('/api/ingest/social', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}` },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const count = async (table: string) =>
    (await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'social' });
    await seedProvincePack(db.pool, pack);
    key = await issueSourceKey(db.pool, 'medmon', 'Media monitoring');
    app = createApp({ pool: db.pool, pack, logger: createLogger('silent'), webDist: '/nonexistent' });
    viewerToken = await issueServiceToken(db.pool, 'viewer', 'Pimpinan', 'viewer');
  });
  afterAll(async () => db.drop());

  it('merges daily figures: a later delivery fills and overwrites only what it carries', async () => {
    const res = await post({
      source: 'medmon',
      items: [
        day('2025-03-03', { followers: 10_000, reach: 2000, likes: 90, comments: 6 }),
        day('2025-03-03', { shares: 3, saves: 1, likes: 95 }, 'poll-2'),
      ],
    });
    expect(await res.json()).toMatchObject({ accepted: 2 });
    const { rows } = await db.pool.query(
      'SELECT followers, reach, likes, comments, shares, saves FROM social_daily_metric',
    );
    expect(rows).toEqual([{ followers: 10_000, reach: 2000, likes: 95, comments: 6, shares: 3, saves: 1 }]);
  });

  it('keeps comment text apart, and tracks replies, sentiment and hoax clarification', async () => {
    const res = await post({
      source: 'medmon',
      items: [
        comment('c1', '2025-03-03T08:00:00', { sentiment: 'negative' }),
        later('c1', 'interaction_replied', '2025-03-03T14:00:00'),
        comment('c2', '2025-03-03T09:00:00', { hoaxSuspect: true }),
        later('c2', 'issue_clarification', '2025-03-03T12:00:00', { status: 'diklarifikasi' }),
        comment('c3', '2025-03-04T09:00:00', { sentiment: 'positive' }),
      ],
    });
    expect(await res.json()).toMatchObject({ accepted: 5 });
    expect(JSON.stringify((await db.pool.query('SELECT * FROM social_interaction')).rows)).not.toMatch(/TEXT-/);
    expect(JSON.stringify((await db.pool.query('SELECT payload FROM social_event')).rows)).not.toMatch(/TEXT-/);
    expect(await count('social_interaction_text')).toBe(3);
  });

  it('replaying a batch changes nothing', async () => {
    const batch = {
      source: 'medmon',
      items: [day('2025-03-04', { followers: 10_100, reach: 1000, likes: 40, comments: 8, shares: 2 })],
    };
    await post(batch);
    const events = await count('social_event');
    expect(await (await post(batch)).json()).toMatchObject({ accepted: 0, duplicate: 1 });
    expect(await count('social_event')).toBe(events);
  });

  it('rejects unknown accounts, replies to unknown comments and bad figures, naming the field', async () => {
    const events = await count('social_event');
    const bad = day('2025-03-05', { reach: 1 });
    const res = await post({
      source: 'medmon',
      items: [
        { ...bad, event: { ...bad.event, account: { platform: 'instagram', handle: 'not.registered' } } },
        later('nope', 'interaction_replied', '2025-03-05T10:00:00'),
        day('2025-03-05', { reach: -5 }),
        later('c1', 'interaction_replied', '2025-03-01T10:00:00', { eventId: 'early' }),
        later('p1', 'post_metrics', '2025-03-05T10:00:00', { figures: { likes: 1 } }),
      ],
    });
    const body = await res.json();
    expect(body.accepted).toBe(0);
    expect(body.results.map((r: { error?: { field: string } }) => r.error?.field)).toEqual([
      'items.0.event.account',
      'items.1.externalId',
      'items.2.event.figures.reach',
      'items.3.event.occurredAt',
      'items.4.externalId',
    ]);
    expect(await count('social_event')).toBe(events);
  });

  it('computes the period KPIs from the stored series and interactions', async () => {
    const opdId = ig.opdId;
    const res = await read(`/api/social/kpis?from=2025-03-03&to=2025-03-04&opdId=${opdId}&platform=instagram`);
    expect(res.status).toBe(200);
    const { kpis } = await res.json();
    // Engagements: (95+6+3+1) + (40+8+2+0) = 155 over reach 2000 + 1000 → 5.1667%.
    expect(kpis.engagementRatePct).toBeCloseTo((155 / 3000) * 100, 10);
    expect(kpis).toMatchObject({
      followersStart: 10_000,
      followersEnd: 10_100,
      followerGrowth: 100,
      followerGrowthPct: 1,
      interactionsNeedingReply: 3,
      replied: 1,
      medianReplyMinutes: 360,
      openHoaxSuspects: 0,
      medianMinutesToClarify: 180,
      sentiment: { positive: 1, neutral: 0, negative: 1 },
    });
    const followerBased = await (
      await read(`/api/social/kpis?from=2025-03-03&to=2025-03-04&opdId=${opdId}&basis=followers`)
    ).json();
    expect(followerBased.kpis.engagementRatePct).toBeCloseTo((155 / 10_050) * 100, 10);
    expect((await app.request('/api/social/kpis?from=2025-03-03&to=2025-03-04')).status).toBe(401);
    expect((await read('/api/social/kpis?from=2025-03-03&to=2025-03-04&basis=views')).status).toBe(400);
  });

  it('is callable in process, as the simulator and connectors do', async () => {
    const r = await ingestSocialBatch(db.pool, 'simulator', [day('2025-03-06', { followers: 10_200 })]);
    expect(r[0]).toMatchObject({ status: 'accepted' });
  });

  it('never answers 5xx to random malformed bodies and writes nothing for them', async () => {
    const events = await count('social_event');
    const item = fc.oneof(
      fc.anything(),
      fc.record({
        externalId: fc.oneof(fc.string({ maxLength: 4 }), fc.integer()),
        event: fc.record({
          type: fc.constantFrom('account_metrics', 'interaction_replied', 'post_metrics', 'interaction_received'),
          eventId: fc.string({ maxLength: 3 }),
          occurredAt: fc.oneof(fc.string(), fc.constant('2025-03-03T00:00:00+07:00')),
          account: fc.record({ platform: fc.string(), handle: fc.string() }),
          date: fc.string(),
          figures: fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer({ max: -1 }), fc.string())),
        }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.anything(), fc.record({ source: fc.constant('medmon'), items: fc.array(item, { maxLength: 5 }) })),
        async (body) => {
          const res = await post(body);
          expect(res.status).toBeLessThan(500);
          if (res.status === 200) expect((await res.json()).accepted).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
    expect(await count('social_event')).toBe(events);
  });
});
