import { socialIngestItem, type SocialEvent } from '@pantau/contracts';
import { median } from '@pantau/domain';
import { provincePackSchema, type ProvincePack } from '@pantau/provinces';
import { describe, expect, it } from 'vitest';
import { SocialSimulator, type SimulatedSocialItem, type SocialSimulatorOptions } from './social.ts';

const pack: ProvincePack = provincePackSchema.parse({
  slug: 'uji',
  code: '62',
  name: 'Provinsi Uji',
  shortName: 'Uji',
  timeZone: 'Asia/Pontianak',
  timeZoneLabel: 'WIB',
  capitalRegencyCode: '62.71',
  sms: { keyword: 'LAPOR', number: '1708' },
  laporBrand: 'SP4N-LAPOR!',
  regencies: [
    { code: '62.71', name: 'Kota Palangka Raya', kind: 'kota', capital: 'Palangka Raya', lat: -2.2, lon: 114 },
  ],
  opds: [
    { id: 'uji.dinkes', name: 'Dinas Kesehatan', shortName: 'Dinkes', type: 'dinas' },
    { id: 'uji.diskominfo', name: 'Dinas Komunikasi dan Informatika', shortName: 'Diskominfo', type: 'dinas' },
  ],
  calendar: { years: [], days: [] },
  socialAccounts: [
    { opdId: 'uji.dinkes', platform: 'instagram', handle: 'dinkes.uji.demo' },
    { opdId: 'uji.dinkes', platform: 'facebook', handle: 'dinkes_uji_demo' },
    { opdId: 'uji.diskominfo', platform: 'instagram', handle: 'diskominfo.uji.demo' },
    { opdId: 'uji.diskominfo', platform: 'x', handle: 'diskominfo_uji_demo' },
    { opdId: 'uji.diskominfo', platform: 'youtube', handle: 'diskominfo_uji_yt_demo' },
  ],
});

const DAY = 86_400_000;
const start = new Date('2026-03-02T00:00:00Z');
const at = (days: number) => new Date(start.getTime() + days * DAY);
const run = (days: number, options: Partial<SocialSimulatorOptions> = {}) =>
  new SocialSimulator({ pack, start, seed: 4, ...options }).advance(at(days));

type Of<T extends SocialEvent['type']> = { externalId: string; event: Extract<SocialEvent, { type: T }> };
const ofType = <T extends SocialEvent['type']>(items: SimulatedSocialItem[], type: T) =>
  items.filter((i): i is Of<T> => i.event.type === type);
const localDate = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);

describe('social simulator', () => {
  it('produces the same stream for the same seed, however advance is called, and another for another seed', () => {
    expect(run(10)).toEqual(run(10));
    expect(run(10, { seed: 5 })).not.toEqual(run(10));
    const stepwise = new SocialSimulator({ pack, start, seed: 4 });
    const pieces: SimulatedSocialItem[] = [];
    for (let h = 5; h <= 10 * 24; h += 5) pieces.push(...stepwise.advance(new Date(start.getTime() + h * 3_600_000)));
    pieces.push(...stepwise.advance(at(10)));
    expect(pieces).toEqual(run(10));
  });

  it('emits contract-valid items in time order, with unique event ids, never after the requested moment', () => {
    const items = run(30);
    for (const item of items) expect(socialIngestItem.safeParse(item).success).toBe(true);
    const times = items.map((i) => Date.parse(i.event.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThanOrEqual(at(30).getTime());
    const ids = items.map((i) => `${i.externalId}/${i.event.eventId}`);
    expect(new Set(ids).size).toBe(ids.length);
    // A follow-up event always comes after what it follows.
    const received = new Map(ofType(items, 'interaction_received').map((i) => [i.externalId, i.event.occurredAt]));
    for (const i of items) {
      if (i.event.type === 'interaction_replied' || i.event.type === 'issue_clarification')
        expect(Date.parse(i.event.occurredAt)).toBeGreaterThanOrEqual(Date.parse(received.get(i.externalId)!));
    }
  });

  it('reports every account once a day, with followers growing over a month', () => {
    const metrics = ofType(run(31), 'account_metrics');
    const dates = new Set(metrics.map((m) => m.event.date));
    expect(dates.size).toBe(31);
    expect(metrics.length).toBe(31 * pack.socialAccounts.length);
    for (const a of pack.socialAccounts) {
      const series = metrics.filter((m) => m.event.account.handle === a.handle).map((m) => m.event.figures.followers!);
      expect(series.at(-1)!).toBeGreaterThan(series[0]!);
    }
    // X reports no reach; Instagram does.
    expect(metrics.some((m) => m.event.account.platform === 'x' && m.event.figures.reach !== undefined)).toBe(false);
    expect(
      metrics.filter((m) => m.event.account.platform === 'instagram').every((m) => m.event.figures.reach! > 0),
    ).toBe(true);
  });

  it('posts at posting hours and brings comment bursts in the hours after each post', () => {
    const items = run(30);
    const posts = ofType(items, 'post_published');
    expect(posts.length).toBeGreaterThan(30 * 2);
    for (const p of posts) {
      const h = new Date(Date.parse(p.event.publishedAt) + 7 * 3_600_000).getUTCHours();
      expect(h).toBeGreaterThanOrEqual(6);
      expect(h).toBeLessThan(22);
    }
    const postTimes = new Map<string, number[]>();
    for (const p of posts)
      postTimes.set(p.event.account.handle, [
        ...(postTimes.get(p.event.account.handle) ?? []),
        Date.parse(p.event.publishedAt),
      ]);
    const comments = ofType(items, 'interaction_received').filter(
      (i) => i.event.kind === 'comment' && !i.event.issueTag,
    );
    const soonAfterAPost = comments.filter((c) => {
      const t = Date.parse(c.event.occurredAt);
      return (postTimes.get(c.event.account.handle) ?? []).some((p) => t >= p && t - p <= 6 * 3_600_000);
    });
    expect(soonAfterAPost.length / comments.length).toBeGreaterThan(0.9);
  });

  it('replies mostly within the 24-hour target, some later, and leaves some questions unanswered', () => {
    const items = run(30);
    const needing = ofType(items, 'interaction_received').filter((i) => i.event.needsReply);
    const replied = new Map(
      ofType(items, 'interaction_replied').map((r) => [r.externalId, Date.parse(r.event.occurredAt)]),
    );
    // Only questions received well before the end have had their chance.
    const judged = needing.filter((n) => Date.parse(n.event.occurredAt) < at(25).getTime());
    const minutes = judged.flatMap((n) =>
      replied.has(n.externalId) ? [(replied.get(n.externalId)! - Date.parse(n.event.occurredAt)) / 60_000] : [],
    );
    const unanswered = judged.length - minutes.length;
    expect(unanswered / judged.length).toBeGreaterThan(0.02);
    expect(unanswered / judged.length).toBeLessThan(0.4);
    expect(median(minutes)!).toBeLessThan(1440);
    expect(minutes.some((m) => m > 1440)).toBe(true);
  });

  it('keeps sentiment mostly neutral or positive, with a negative spike on some day of a month', () => {
    const received = ofType(run(30), 'interaction_received');
    const negative = received.filter((i) => i.event.sentiment === 'negative');
    expect(negative.length / received.length).toBeLessThan(0.35);
    const perDay = new Map<string, number>();
    for (let d = 0; d < 30; d++) perDay.set(localDate(at(d).toISOString()), 0);
    for (const n of negative)
      perDay.set(localDate(n.event.occurredAt), (perDay.get(localDate(n.event.occurredAt)) ?? 0) + 1);
    const counts = [...perDay.values()];
    expect(Math.max(...counts)).toBeGreaterThan(3 * Math.max(1, median(counts)!));
  });

  it('flags a hoax suspect now and then and clarifies it hours later', () => {
    const items = run(60);
    const hoaxes = ofType(items, 'interaction_received').filter((i) => i.event.hoaxSuspect);
    expect(hoaxes.length).toBeGreaterThan(0);
    const settled = new Map(
      ofType(items, 'issue_clarification')
        .filter((c) => c.event.status === 'diklarifikasi' || c.event.status === 'bukan_hoaks')
        .map((c) => [c.externalId, Date.parse(c.event.occurredAt)]),
    );
    const done = hoaxes.filter((h) => settled.has(h.externalId));
    expect(done.length).toBeGreaterThan(hoaxes.length * 0.8);
    // Echoes that arrive after the clarification is out are settled quickly; the typical one waits hours.
    const waits = done.map((h) => settled.get(h.externalId)! - Date.parse(h.event.occurredAt));
    expect(median(waits)!).toBeGreaterThan(2 * 3_600_000);
    for (const w of waits) expect(w).toBeGreaterThan(0);
  });
});
