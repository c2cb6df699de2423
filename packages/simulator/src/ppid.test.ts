import { ppidIngestItem, type PpidEvent } from '@pantau/contracts';
import { foldPpidEvents } from '@pantau/domain';
import { provincePackSchema, type ProvincePack } from '@pantau/provinces';
import { describe, expect, it } from 'vitest';
import { PpidSimulator, type PpidSimulatorOptions, type SimulatedPpidItem } from './ppid.ts';

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
    { code: '62.71', name: 'Kota Palangka Raya', kind: 'kota', capital: 'Palangka Raya', lat: -2.2, lon: 114 },
  ],
  opds: [
    { id: 'uji.pupr', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', shortName: 'PUPR', type: 'dinas' },
    { id: 'uji.dinkes', name: 'Dinas Kesehatan', shortName: 'Dinkes', type: 'dinas' },
    { id: 'uji.diskominfo', name: 'Dinas Komunikasi dan Informatika', shortName: 'Diskominfo', type: 'dinas' },
  ],
  calendar: { years: [], days: [] },
  socialAccounts: [],
});

const DAY = 86_400_000;
const start = new Date('2026-03-02T00:00:00Z'); // a Monday
const at = (days: number) => new Date(start.getTime() + days * DAY);
const run = (days: number, options: Partial<PpidSimulatorOptions> = {}) =>
  new PpidSimulator({ pack, start, seed: 5, ...options }).advance(at(days));

type RequestItem = Extract<SimulatedPpidItem, { kind: 'request' }>;
const requests = (items: SimulatedPpidItem[]) => {
  const byId = new Map<string, PpidEvent[]>();
  for (const i of items) if (i.kind === 'request') byId.set(i.externalId, [...(byId.get(i.externalId) ?? []), i.event]);
  return byId;
};
const timeOf = (i: SimulatedPpidItem) => Date.parse(i.kind === 'request' ? i.event.occurredAt : i.occurredAt);
/** Monday–Friday days strictly after `from` up to `to`, in WIB (holidays are the server's business). */
const weekdaysBetween = (from: string, to: string) => {
  const local = (s: string) => Math.floor((Date.parse(s) + 7 * 3_600_000) / DAY);
  let n = 0;
  for (let d = local(from) + 1; d <= local(to); d++) if (![0, 6].includes(new Date(d * DAY).getUTCDay())) n++;
  return n;
};

describe('PPID simulator', () => {
  it('produces the same stream for the same seed, however advance is called, and another for another seed', () => {
    expect(run(30)).toEqual(run(30));
    expect(run(30, { seed: 6 })).not.toEqual(run(30));
    const stepwise = new PpidSimulator({ pack, start, seed: 5 });
    const pieces: SimulatedPpidItem[] = [];
    for (let h = 7; h <= 30 * 24; h += 7) pieces.push(...stepwise.advance(new Date(start.getTime() + h * 3_600_000)));
    pieces.push(...stepwise.advance(at(30)));
    expect(pieces).toEqual(run(30));
  });

  it('emits items in time order, never after the requested moment', () => {
    const items = run(60);
    const times = items.map(timeOf);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThanOrEqual(at(60).getTime());
  });

  it('gives every request a lifecycle the ingest contract and the PPID state machine accept', () => {
    const items = run(180, { perDay: 8 });
    for (const item of items) expect(ppidIngestItem.safeParse(item).success).toBe(true);
    const byId = requests(items);
    expect(byId.size).toBeGreaterThan(500);
    for (const events of byId.values()) {
      expect(events[0]!.type).toBe('received');
      const folded = foldPpidEvents(events);
      expect(folded.ok ? 'ok' : folded.error.message).toBe('ok');
    }
    const ids = items.map((i) => `${i.kind}/${i.externalId}/${i.kind === 'request' ? i.event.eventId : i.eventId}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('decides after 1–12 working days, within 17 when extended once, with some late and some extended', () => {
    const byId = requests(run(120, { perDay: 10 }));
    let extended = 0;
    let late = 0;
    let decided = 0;
    for (const events of byId.values()) {
      const decision = events.find((e) => e.type === 'decided');
      if (!decision) continue;
      decided++;
      const days = weekdaysBetween(events[0]!.occurredAt, decision.occurredAt);
      const wasExtended = events.some((e) => e.type === 'extended');
      if (wasExtended) extended++;
      else if (days > 10) late++;
      expect(days).toBeLessThanOrEqual(wasExtended ? 17 : 12);
    }
    expect(extended / decided).toBeGreaterThan(0.07);
    expect(extended / decided).toBeLessThan(0.18);
    expect(late / decided).toBeGreaterThan(0.03);
    expect(late / decided).toBeLessThan(0.15);
  });

  it('makes the decision shares roughly those configured, and names a Pasal 17 ground on every rejection', () => {
    const shares = { dipenuhi: 50, dipenuhi_sebagian: 10, ditolak: 20, tidak_dikuasai: 15, belum_didokumentasikan: 5 };
    const decisions = [...requests(run(150, { perDay: 12, decisions: shares })).values()].flatMap((events) => {
      const first = events.find((e) => e.type === 'decided');
      return first?.type === 'decided' ? [first] : [];
    });
    expect(decisions.length).toBeGreaterThan(1000);
    for (const [decision, weight] of Object.entries(shares)) {
      const share = decisions.filter((d) => d.decision === decision).length / decisions.length;
      expect(Math.abs(share - weight / 100)).toBeLessThan(0.04);
    }
    for (const d of decisions.filter((x) => x.decision === 'ditolak')) expect(d.exclusionGround).toMatch(/^[a-j]$/);
  });

  it('has occasional keberatan and rarer Komisi Informasi disputes', () => {
    const all = [...requests(run(365, { perDay: 8 })).values()];
    const share = (type: string) => all.filter((events) => events.some((e) => e.type === type)).length / all.length;
    expect(share('objection_filed')).toBeGreaterThan(0.02);
    expect(share('objection_filed')).toBeLessThan(0.15);
    expect(share('dispute_filed')).toBeGreaterThan(0);
    expect(share('dispute_filed')).toBeLessThan(share('objection_filed') / 2);
  });

  it('sends about perDay requests a day, mostly on weekdays in office hours', () => {
    const received = [...requests(run(56, { perDay: 6 })).values()].map((events) => events[0]!.occurredAt);
    expect(received.length).toBeGreaterThan(56 * 6 * 0.8);
    expect(received.length).toBeLessThan(56 * 6 * 1.2);
    const local = (s: string) => new Date(Date.parse(s) + 7 * 3_600_000);
    const office = received.filter((s) => {
      const d = local(s);
      return d.getUTCDay() >= 1 && d.getUTCDay() <= 5 && d.getUTCHours() >= 8 && d.getUTCHours() < 16;
    });
    expect(office.length / received.length).toBeGreaterThan(0.6);
  });

  it('lists DIP entries per OPD with growing downloads and one monev score per OPD per year', () => {
    const items = new PpidSimulator({ pack, start: new Date('2026-10-01T00:00:00Z'), seed: 3 }).advance(
      new Date('2027-01-15T00:00:00Z'),
    );
    const dip = items.filter((i) => i.kind === 'dip_entry');
    expect(new Set(dip.map((d) => d.opdId))).toEqual(new Set(pack.opds.map((o) => o.id)));
    const last = new Map<string, number>();
    for (const d of dip) {
      expect(d.downloads).toBeGreaterThanOrEqual(last.get(d.externalId) ?? 0);
      last.set(d.externalId, d.downloads);
    }
    expect(dip.length).toBeGreaterThan(new Set(dip.map((d) => d.externalId)).size * 10);
    const monev = items.filter((i) => i.kind === 'monev').map((m) => `${m.opdId}/${m.year}`);
    expect(monev.sort()).toEqual(pack.opds.flatMap((o) => [`${o.id}/2025`, `${o.id}/2026`]).sort());
  });

  it('emits the opening register just after the start, so a replay to a cursor at the start keeps it', () => {
    const sim = new PpidSimulator({ pack, start, seed: 5 });
    expect(sim.advance(start)).toEqual([]);
    const kinds = sim.advance(at(1)).map((i) => i.kind);
    expect(kinds.filter((k) => k === 'monev')).toHaveLength(pack.opds.length);
    expect(kinds).toContain('dip_entry');
  });

  it('keeps requester data invented: a common name and an example.id-style address only', () => {
    const received = run(30).filter((i): i is RequestItem => i.kind === 'request' && i.event.type === 'received');
    for (const r of received) {
      if (r.event.type !== 'received') continue;
      expect(r.event.requester?.email).toMatch(/@contoh\.id$/);
      expect(r.event.requester?.address).toBeUndefined();
    }
  });
});
