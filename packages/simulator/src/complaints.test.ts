import { provincePackSchema, type ProvincePack } from '@pantau/provinces';
import { complaintEvent } from '@pantau/contracts';
import { foldEvents } from '@pantau/domain';
import { describe, expect, it } from 'vitest';
import { ComplaintSimulator, type SimulatedComplaintEvent } from './complaints.ts';

// A small pack of its own, so the simulator's behaviour is tested apart from the real packs' data.
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
    { code: '62.71', name: 'Kota Palangka Raya', kind: 'kota', capital: 'Palangka Raya', lat: -2.2, lon: 113.9 },
    { code: '62.06', name: 'Kabupaten Katingan', kind: 'kabupaten', capital: 'Kasongan', lat: -1.9, lon: 113.4 },
  ],
  opds: [
    { id: 'uji.pupr', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', shortName: 'PUPR', type: 'dinas' },
    { id: 'uji.disdik', name: 'Dinas Pendidikan', shortName: 'Disdik', type: 'dinas' },
    { id: 'uji.diskominfo', name: 'Dinas Komunikasi dan Informatika', shortName: 'Diskominfo', type: 'dinas' },
  ],
  calendar: { years: [], days: [] },
  socialAccounts: [],
});

const start = new Date('2026-08-03T00:00:00Z'); // a Monday
const run = (seed: number, days: number) =>
  new ComplaintSimulator({ pack, start, seed, perDay: 40 }).advance(new Date(start.getTime() + days * 86_400_000));

const submitted = (events: SimulatedComplaintEvent[]) => events.filter((e) => e.event.type === 'submitted');

describe('complaint simulator', () => {
  it('produces the same stream for the same seed and a different one for another seed', () => {
    expect(run(7, 5)).toEqual(run(7, 5));
    expect(run(8, 5)).not.toEqual(run(7, 5));
  });

  it('produces the same stream however advance() cuts time, so a restart replays what was ingested', () => {
    const until = start.getTime() + 6 * 86_400_000;
    const whole = new ComplaintSimulator({ pack, start, seed: 21 }).advance(new Date(until));
    const piecewise = new ComplaintSimulator({ pack, start, seed: 21 });
    const pieces: SimulatedComplaintEvent[] = [];
    for (let t = start.getTime() + 7 * 60_000; t < until; t += 37 * 60_000 + 13_000)
      pieces.push(...piecewise.advance(new Date(t)));
    pieces.push(...piecewise.advance(new Date(until)));
    expect(pieces).toEqual(whole);
  });

  it('switches from the history rate to the live rate at the moment history ends, even mid-hour', () => {
    const switchAt = new Date(start.getTime() + 2 * 86_400_000 + 90 * 60_000); // Wednesday 01:30 UTC = 08:30 WIB
    const sim = new ComplaintSimulator({
      pack,
      start,
      seed: 4,
      perDay: 50_000,
      history: { until: switchAt, perDay: 1 },
    });
    const subs = submitted(sim.advance(new Date(switchAt.getTime() + 30 * 60_000)));
    const before = subs.filter((e) => Date.parse(e.event.occurredAt) < switchAt.getTime()).length;
    const after = subs.length - before;
    expect(before).toBeLessThan(10); // about 2 days at 1 a day
    expect(after).toBeGreaterThan(300); // half an hour of a busy morning at 50,000 a day
  });

  it('emits events in time order, never after the requested moment', () => {
    const until = new Date(start.getTime() + 14 * 86_400_000);
    const events = new ComplaintSimulator({ pack, start, seed: 3 }).advance(until);
    const times = events.map((e) => Date.parse(e.event.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThanOrEqual(until.getTime());
  });

  it('gives each complaint a lifecycle that starts with its submission and uses unique event ids', () => {
    const events = run(11, 30);
    const byComplaint = new Map<string, string[]>();
    for (const e of events) byComplaint.set(e.externalId, [...(byComplaint.get(e.externalId) ?? []), e.event.type]);
    for (const types of byComplaint.values()) expect(types[0]).toBe('submitted');
    // Each complaint's own events are in time order (a postponement before its resumption).
    const times = new Map<string, number>();
    for (const e of events) {
      const t = Date.parse(e.event.occurredAt);
      expect(t).toBeGreaterThanOrEqual(times.get(e.externalId) ?? 0);
      times.set(e.externalId, t);
    }
    const ids = events.map((e) => `${e.externalId}/${e.event.eventId}`);
    expect(new Set(ids).size).toBe(ids.length);
    // Most complaints reach a follow-up within the month; some are deleted.
    const all = [...byComplaint.values()];
    expect(all.filter((t) => t.includes('follow_up_posted')).length / all.length).toBeGreaterThan(0.6);
    expect(all.some((t) => t.includes('deleted'))).toBe(true);
  });

  it('every simulated lifecycle is one the complaint state machine and the ingest contract accept', () => {
    const events = run(13, 60);
    const byComplaint = new Map<string, SimulatedComplaintEvent[]>();
    for (const e of events) byComplaint.set(e.externalId, [...(byComplaint.get(e.externalId) ?? []), e]);
    for (const list of byComplaint.values()) {
      const parsed = list.map((e) => complaintEvent.parse(e.event));
      const folded = foldEvents(parsed);
      expect(folded.ok ? 'ok' : folded.error.message).toBe('ok');
    }
  });

  it('sends about perDay complaints a day, more on weekdays than at weekends, more by day than at night', () => {
    const subs = submitted(run(5, 28));
    expect(subs.length).toBeGreaterThan(28 * 40 * 0.8);
    expect(subs.length).toBeLessThan(28 * 40 * 1.2);
    const localHour = (e: SimulatedComplaintEvent) =>
      new Date(Date.parse(e.event.occurredAt) + 7 * 3_600_000).getUTCHours();
    const localDay = (e: SimulatedComplaintEvent) =>
      new Date(Date.parse(e.event.occurredAt) + 7 * 3_600_000).getUTCDay();
    const morning = subs.filter((e) => localHour(e) >= 8 && localHour(e) < 12).length;
    const night = subs.filter((e) => localHour(e) >= 0 && localHour(e) < 4).length;
    expect(morning).toBeGreaterThan(night * 5);
    const weekdayMean = subs.filter((e) => localDay(e) >= 1 && localDay(e) <= 5).length / 20;
    const weekendMean = subs.filter((e) => localDay(e) === 0 || localDay(e) === 6).length / 8;
    expect(weekdayMean).toBeGreaterThan(weekendMean * 1.5);
  });

  it('routes a road complaint to the public-works OPD and names a regency of the pack', () => {
    const subs = submitted(run(2, 20));
    const roads = subs.filter((e) => e.event.topic === 'Infrastruktur Jalan');
    expect(roads.length).toBeGreaterThan(0);
    const events = run(2, 40);
    for (const road of roads) {
      const verified = events.find((e) => e.externalId === road.externalId && e.event.type === 'verified');
      if (verified) expect(verified.event.opdId).toBe('uji.pupr');
    }
    expect(new Set(subs.map((e) => e.event.regencyCode))).toEqual(new Set(['62.71', '62.06']));
  });

  it('marks some complaints anonim or rahasia and keeps the channel mix realistic', () => {
    const subs = submitted(run(9, 30));
    const share = (p: (e: SimulatedComplaintEvent) => boolean) => subs.filter(p).length / subs.length;
    expect(share((e) => e.event.isRahasia === true)).toBeGreaterThan(0.01);
    expect(share((e) => e.event.isRahasia === true)).toBeLessThan(0.12);
    expect(share((e) => e.event.channel === 'web')).toBeGreaterThan(share((e) => e.event.channel === 'tatap_muka'));
    expect(share((e) => e.event.channel === 'sms1708')).toBeGreaterThan(0.08);
  });
});
