import { loadWorkingCalendar, seedProvincePack } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPpidBatch } from '../../ingest/ppid-ingest.ts';
import { ingestSocialBatch } from '../../ingest/social-ingest.ts';
import { createTopicBuilder, sectionBuilders } from '../topic-builders.ts';
import { createPpidSection } from './ppid.ts';
import { createSocialSection } from './social.ts';

const pack = loadProvincePack('kalteng');
const dinkes = pack.opds.find((o) => o.shortName === 'Dinkes')!;
const kominfo = pack.opds.find((o) => o.shortName === 'Diskominfosantik')!;
// Fri 13 Mar 2026, noon WIB: the month so far is 1–13 March; the social window is 12 Feb – 13 Mar.
const now = new Date('2026-03-13T12:00:00+07:00');
const province = { kind: 'province' } as const;
const opd = { kind: 'opd', opdId: dinkes.id } as const;

const wib = (local: string) => `${local}+07:00`;
const received = (id: string, local: string, opdId = dinkes.id) => ({
  kind: 'request',
  externalId: id,
  event: {
    type: 'received',
    eventId: `${id}-r`,
    occurredAt: wib(local),
    regNo: `REG/${id}`,
    ppidLevel: 'pembantu',
    opdId,
    channel: 'email',
    requesterType: 'mahasiswa',
    subject: 'Data uji',
    format: 'softcopy',
  },
});
const step = (id: string, type: string, local: string, extra: Record<string, unknown> = {}) => ({
  kind: 'request',
  externalId: id,
  event: { type, eventId: `${id}-${type}`, occurredAt: wib(local), ...extra },
});
const monev = (opdId: string, year: number, score: number) => ({
  kind: 'monev',
  externalId: `${opdId}-${year}`,
  eventId: `${opdId}-${year}`,
  occurredAt: wib(`${year}-12-01T10:00:00`),
  opdId,
  year,
  score,
});

const igOf = (opdId: string) => {
  const a = pack.socialAccounts.find((x) => x.opdId === opdId && x.platform === 'instagram')!;
  return { platform: a.platform, handle: a.handle };
};
const metrics = (opdId: string, date: string, figures: Record<string, number>) => ({
  externalId: `${opdId}:${date}`,
  event: {
    type: 'account_metrics',
    eventId: 'm',
    occurredAt: wib(`${date}T23:00:00`),
    account: igOf(opdId),
    date,
    figures,
  },
});
const comment = (id: string, local: string, extra: Record<string, unknown>, opdId = dinkes.id) => ({
  externalId: id,
  event: {
    type: 'interaction_received',
    eventId: 'in',
    occurredAt: wib(local),
    account: igOf(opdId),
    kind: 'comment',
    ...extra,
  },
});
const then = (id: string, type: string, local: string, extra: Record<string, unknown> = {}) => ({
  externalId: id,
  event: { type, eventId: type, occurredAt: wib(local), ...extra },
});

describe('PPID and social sections of the live topics', () => {
  let db: TestDatabase;
  const ppid = createPpidSection({ now: () => now });
  const social = createSocialSection({ now: () => now });

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'ppidsocialsection' });
    await seedProvincePack(db.pool, pack);
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    const ctx = { pack, calendar: () => calendar, now: () => now };
    const ppidItems = [
      // P1: decided dipenuhi after 3 HK, delivered.
      received('P1', '2026-03-02T09:00:00'),
      step('P1', 'decided', '2026-03-05T10:00:00', { decision: 'dipenuhi' }),
      step('P1', 'delivered', '2026-03-05T14:00:00'),
      // P2: rejected after 1 HK on Pasal 17(h); keberatan filed, not yet answered.
      received('P2', '2026-03-03T09:00:00'),
      step('P2', 'decided', '2026-03-04T10:00:00', { decision: 'ditolak', exclusionGround: 'h' }),
      step('P2', 'objection_filed', '2026-03-06T10:00:00', { ground: 'a' }),
      // P3: February, undecided, its 10 HK ended Thu 5 Mar: overdue.
      received('P3', '2026-02-19T10:00:00'),
      // P4: undecided, due Mon 16 Mar: at risk on Fri 13 Mar.
      received('P4', '2026-03-02T11:00:00'),
      // P7: undecided, due in April: on time.
      received('P7', '2026-03-12T09:00:00'),
      // P5: another OPD, partly granted after 2 HK.
      received('P5', '2026-03-10T09:00:00', kominfo.id),
      step('P5', 'decided', '2026-03-12T10:00:00', { decision: 'dipenuhi_sebagian' }),
      // P6: February request, keberatan and a dispute at the KI this month.
      received('P6', '2026-02-06T09:00:00'),
      step('P6', 'decided', '2026-02-09T10:00:00', { decision: 'ditolak', exclusionGround: 'a' }),
      step('P6', 'objection_filed', '2026-03-02T10:00:00', { ground: 'a' }),
      step('P6', 'objection_answered', '2026-03-04T10:00:00', { outcome: 'rejected' }),
      step('P6', 'dispute_filed', '2026-03-09T10:00:00', { kiRegNo: 'KI/001' }),
      monev(dinkes.id, 2024, 70),
      monev(dinkes.id, 2025, 85),
      monev(kominfo.id, 2025, 92),
    ];
    const r1 = await ingestPpidBatch(db.pool, ctx, 'test-ppid', ppidItems);
    expect(r1.filter((r) => r.status !== 'accepted')).toEqual([]);
    const socialItems = [
      metrics(dinkes.id, '2026-02-10', { followers: 9000 }),
      metrics(dinkes.id, '2026-03-01', { followers: 10_000, reach: 2000, likes: 90, comments: 6, shares: 3, saves: 1 }),
      metrics(dinkes.id, '2026-03-12', { followers: 10_250, reach: 2000, likes: 50, comments: 10 }),
      metrics(kominfo.id, '2026-03-05', { followers: 5000, reach: 1000, likes: 20 }),
      metrics(kominfo.id, '2026-03-12', { followers: 5100, reach: 1000, likes: 30, comments: 10 }),
      comment('c1', '2026-03-10T08:00:00', { sentiment: 'negative' }),
      then('c1', 'interaction_replied', '2026-03-10T14:00:00'),
      comment('c2', '2026-03-10T09:00:00', { sentiment: 'neutral' }),
      then('c2', 'interaction_replied', '2026-03-11T11:00:00'),
      comment('c3', '2026-03-11T09:00:00', { sentiment: 'neutral' }),
      comment('c4', '2026-03-11T10:00:00', { sentiment: 'positive', needsReply: false }),
      comment('c5', '2026-03-12T09:00:00', { sentiment: 'neutral', needsReply: false, hoaxSuspect: true }),
      comment('c6', '2026-01-05T09:00:00', { sentiment: 'negative', needsReply: false, issueTag: 'Banjir' }),
      comment('c7', '2026-02-01T09:00:00', { sentiment: 'neutral' }),
      then('c7', 'interaction_replied', '2026-02-02T09:00:00'),
      comment('c8', '2026-03-12T08:00:00', { sentiment: 'negative', needsReply: false, issueTag: 'Banjir' }),
      then('c8', 'issue_clarification', '2026-03-12T12:00:00', { status: 'diklarifikasi' }),
      comment('d1', '2026-03-11T10:00:00', { sentiment: 'positive' }, kominfo.id),
      then('d1', 'interaction_replied', '2026-03-11T11:00:00'),
    ];
    const r2 = await ingestSocialBatch(db.pool, 'test-social', socialItems);
    expect(r2.filter((r) => r.status !== 'accepted')).toEqual([]);
  });
  afterAll(async () => db.drop());

  it('counts an OPD’s PPID month, its open requests by deadline state, keberatan, disputes and KI band', async () => {
    expect(await ppid(db.pool, opd, pack)).toEqual({
      period: { from: '2026-03-01', to: '2026-03-13' },
      month: {
        requests: 4, // P1, P2, P4, P7
        decided: 2,
        decisions: {
          dipenuhi: { count: 1, share: 0.5 },
          dipenuhi_sebagian: { count: 0, share: 0 },
          ditolak: { count: 1, share: 0.5 },
          tidak_dikuasai: { count: 0, share: 0 },
          belum_didokumentasikan: { count: 0, share: 0 },
        },
        onTimeShare: 1, // P1 and P2 decided in time; P4 and P7 are not late yet
        avgWorkingDaysToDecide: 2, // (3 + 1) / 2
        extensionsUsed: 0,
      },
      now: {
        open: 4, // P2 (keberatan), P3, P4, P7
        atRisk: 1, // P4
        overdue: 1, // P3
        objectionsOpen: 1, // P2
        disputesOpen: 1, // P6
        objectionsFiledThisMonth: 2, // P2, P6
        disputesFiledThisMonth: 1, // P6
      },
      ki: { year: 2025, score: 85, band: 'menuju_informatif' },
      dip: { entries: 0, downloads: 0, downloadsByCategory: {} },
    });
  });

  it('sums the province’s PPID figures over every OPD, with the mean KI score and its band', async () => {
    const s = (await ppid(db.pool, province, pack)) as Record<string, Record<string, unknown>>;
    expect(s.month).toMatchObject({
      requests: 5,
      decided: 3,
      onTimeShare: 1,
      avgWorkingDaysToDecide: 2, // (3 + 1 + 2) / 3
      decisions: expect.objectContaining({ dipenuhi_sebagian: { count: 1, share: 0.333 } }),
    });
    expect(s.now).toMatchObject({ open: 4, atRisk: 1, overdue: 1, disputesOpen: 1 });
    expect(s.ki).toEqual({
      year: 2025,
      assessed: 2,
      meanScore: 88.5,
      band: 'menuju_informatif',
      byBand: { menuju_informatif: 1, informatif: 1 },
      // Each OPD's own latest result.
      byOpd: expect.arrayContaining([
        { opdId: dinkes.id, score: 85, band: 'menuju_informatif' },
        { opdId: kominfo.id, score: 92, band: 'informatif' },
      ]),
    });
  });

  it('gives an OPD’s followers, engagement, replies against 24 h, sentiment and open issues of 30 days', async () => {
    expect(await social(db.pool, opd, pack)).toEqual({
      period: { from: '2026-02-12', to: '2026-03-13' },
      followers: 10_250,
      followerGrowth: 250,
      followerGrowthPct: 2.5,
      postsPublished: 0,
      engagementRatePct: 4, // (100 + 60) / 4000
      engagementBasis: 'reach',
      replies: {
        needing: 3, // c1, c2, c3 (c7 is before the window)
        replied: 2,
        replyRatePct: 66.7,
        medianReplyMinutes: 960, // (360 + 1560) / 2
        withinTargetPct: 33.3, // c1 only
        targetMinutes: 1440,
      },
      sentiment: { positive: 1, neutral: 3, negative: 2, pct: { positive: 16.7, neutral: 50, negative: 33.3 } },
      openIssues: 2, // c5 (hoax suspect) and c6 (older, never clarified); c8 was clarified
      openHoaxSuspects: 1,
    });
  });

  it('sums the province’s social figures over every account', async () => {
    expect(await social(db.pool, province, pack)).toMatchObject({
      followers: 15_350,
      followerGrowth: 350,
      followerGrowthPct: 2.33,
      engagementRatePct: 3.67, // 220 / 6000
      replies: { needing: 4, replied: 3, replyRatePct: 75, medianReplyMinutes: 360, withinTargetPct: 50 },
      sentiment: { positive: 2, neutral: 3, negative: 2 },
      openIssues: 2,
    });
  });

  it('registers both streams in the topic builder and leaves them out of regency topics', async () => {
    expect(Object.keys(sectionBuilders)).toEqual(expect.arrayContaining(['complaints', 'ppid', 'social']));
    expect(await ppid(db.pool, { kind: 'regency', regencyCode: '62.71' }, pack)).toBeNull();
    expect(await social(db.pool, { kind: 'regency', regencyCode: '62.71' }, pack)).toBeNull();
    const build = createTopicBuilder(pack);
    const regency = await build(db.pool, 'regency:62.71');
    expect(regency).not.toHaveProperty('ppid');
    expect(regency).not.toHaveProperty('social');
    const opdTopic = await build(db.pool, `opd:${dinkes.id}`);
    expect(opdTopic).toHaveProperty('ppid.ki.band', 'menuju_informatif');
    expect(opdTopic).toHaveProperty('social.openHoaxSuspects', 1);
  });
});
