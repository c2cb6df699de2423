import type { ProvincePack } from '@pantau/provinces';
import { createRandom, type Random, takeDue } from './random.ts';
import { FAMILY_NAMES, FOLLOW_UPS, GIVEN_NAMES, SUBJECTS, type Subject } from './templates.ts';

/** One event as the complaint ingest API takes it (`{ externalId, event }` of a batch item). */
export interface SimulatedComplaintEvent {
  externalId: string;
  event: { type: string; eventId: string; occurredAt: string } & Record<string, unknown>;
}

export interface ComplaintSimulatorOptions {
  pack: ProvincePack;
  /** Where simulated time starts (the backfill horizon). */
  start: Date;
  seed?: number;
  /** Mean complaints per day across the province. @default 40 */
  perDay?: number;
  /** A different rate before this moment (a lighter history backfill than the live demo). */
  history?: { until: Date; perDay: number };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Citizens write most in the working morning and again in the evening, least at night.
const HOURLY = [
  0.2, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1.3, 1.8, 2.0, 1.9, 1.6, 1.3, 1.5, 1.6, 1.4, 1.2, 1.1, 1.0, 1.3, 1.4, 1.1, 0.7,
  0.4,
];
const HOURLY_MEAN = HOURLY.reduce((a, b) => a + b, 0) / 24;
const CHANNELS = [
  ['web', 35],
  ['app', 25],
  ['sms1708', 15],
  ['instagram', 8],
  ['x', 7],
  ['facebook', 5],
  ['tatap_muka', 3],
  ['manual', 2],
] as const;
const CLASSIFICATIONS = [
  ['pengaduan', 75],
  ['aspirasi', 15],
  ['permintaan_informasi', 10],
] as const;

/**
 * Realistic complaint streams for a province pack: arrivals with a daily rhythm (fewer at weekends),
 * the channel and topic mix, Indonesian titles and bodies from templates, and each complaint's whole
 * lifecycle in simulated time — verification, dispatch, follow-up, completion — with a share that runs
 * late, some postponed, re-routed or deleted. Deterministic for a seed.
 */
export class ComplaintSimulator {
  private readonly rnd: Random;
  private readonly pending: Array<{ at: number; item: SimulatedComplaintEvent }> = [];
  private cursor: number;
  private tracking: number;
  private readonly localOffsetHours: number;
  private readonly perDay: number;

  constructor(private readonly options: ComplaintSimulatorOptions) {
    this.rnd = createRandom(options.seed ?? 1708);
    this.cursor = Math.floor(options.start.getTime() / HOUR) * HOUR;
    this.tracking = 2_300_000 + Math.floor(this.rnd.next() * 100_000);
    this.perDay = options.perDay ?? 40;
    this.localOffsetHours =
      options.pack.timeZone === 'Asia/Makassar' ? 8 : options.pack.timeZone === 'Asia/Jayapura' ? 9 : 7;
  }

  /**
   * Every event that happens up to `until`, in time order; complaints submitted later are not made
   * yet. Arrivals are drawn a whole hour at a time, so the stream is the same however the calls cut
   * time (a restarted demo replays exactly what it ingested before).
   */
  advance(until: Date): SimulatedComplaintEvent[] {
    const end = until.getTime();
    while (this.cursor <= end) {
      const hourEnd = this.cursor + HOUR;
      const local = new Date(this.cursor + this.localOffsetHours * HOUR);
      const weekend = local.getUTCDay() === 0 || local.getUTCDay() === 6;
      const shape = (HOURLY[local.getUTCHours()]! / HOURLY_MEAN) * (weekend ? 0.45 : 1.15);
      // The hour in which history ends is drawn in two parts, each at its own rate (still independent
      // of how advance() is called, since the switch point is fixed).
      const switchAt = this.options.history?.until.getTime() ?? -Infinity;
      const parts: Array<[number, number, number]> =
        switchAt > this.cursor && switchAt < hourEnd
          ? [
              [this.cursor, switchAt, this.options.history!.perDay],
              [switchAt, hourEnd, this.perDay],
            ]
          : [[this.cursor, hourEnd, this.cursor < switchAt ? this.options.history!.perDay : this.perDay]];
      for (const [from, to, perDay] of parts) {
        const n = this.rnd.poisson(((perDay / 24) * shape * (to - from)) / HOUR);
        for (let i = 0; i < n; i++) this.createComplaint(from + this.rnd.next() * (to - from));
      }
      this.cursor = hourEnd;
    }
    this.pending.sort((a, b) => a.at - b.at);
    return takeDue(this.pending, end);
  }

  /** Adds working time: skips Saturdays and Sundays in local time (holidays are the server's job). */
  private later(from: number, workingDays: number): number {
    let t = from + workingDays * DAY;
    const local = new Date(t + this.localOffsetHours * HOUR);
    if (local.getUTCDay() === 6) t += 2 * DAY;
    else if (local.getUTCDay() === 0) t += DAY;
    // Officials act in office hours: move to 08:00–16:00 local when outside.
    const h = new Date(t + this.localOffsetHours * HOUR).getUTCHours();
    if (h < 8) t += (8 - h) * HOUR + this.rnd.int(0, 120) * 60_000;
    else if (h >= 16) t += (24 - h + 8) * HOUR + this.rnd.int(0, 120) * 60_000;
    return t;
  }

  private opdFor(subject: Subject): string {
    const { opds } = this.options.pack;
    const matches = opds.filter((o) => subject.opdHints.some((h) => o.name.includes(h) || o.shortName.includes(h)));
    const fallback = opds.find((o) => /Komunikasi|Kominfo/i.test(o.name)) ?? opds[0]!;
    return (matches.length > 0 ? this.rnd.pick(matches) : fallback).id;
  }

  private createComplaint(at: number): void {
    const { pack } = this.options;
    const rnd = this.rnd;
    const trackingId = String(this.tracking++);
    const externalId = `sim-${trackingId}`;
    const subject = rnd.weighted(SUBJECTS.map((s) => [s, s.weight] as const));
    const regency = rnd.weighted(
      pack.regencies.map((r) => [r, r.code === pack.capitalRegencyCode ? 4 : r.kind === 'kota' ? 2 : 1] as const),
    );
    const fill = (s: string) => s.replaceAll('{tempat}', regency.capital);
    const channel = rnd.weighted(CHANNELS);
    const anonim = rnd.chance(0.2);
    const rahasia = rnd.chance(0.05);
    const opdId = this.opdFor(subject);
    let n = 0;
    let last = 0;
    const push = (when: number, type: string, fields: Record<string, unknown> = {}) => {
      // Office-hour and weekend shifts can reorder two nearby steps; a case's events never go back in time.
      const t = Math.max(when, last + 60_000);
      last = t;
      this.pending.push({
        at: t,
        item: {
          externalId,
          event: { type, eventId: `${trackingId}-${++n}`, occurredAt: new Date(t).toISOString(), ...fields },
        },
      });
    };
    const given = rnd.pick(GIVEN_NAMES);
    push(at, 'submitted', {
      trackingId,
      channel,
      classification: rnd.weighted(CLASSIFICATIONS),
      title: fill(rnd.pick(subject.titles)),
      body: fill(rnd.pick(subject.bodies)),
      topic: subject.topic,
      regencyCode: regency.code,
      isAnonim: anonim,
      isRahasia: rahasia,
      reporter: {
        name: `${given} ${rnd.pick(FAMILY_NAMES)}`,
        contact: `08${rnd.int(11, 59)}0000${String(rnd.int(0, 9999)).padStart(4, '0')}`,
      },
    });
    if (rnd.chance(0.05)) {
      push(this.later(at, rnd.exp(0.5)), 'deleted', {
        reason: rnd.pick(['Laporan tidak lengkap', 'Masukan terlalu umum', 'Duplikat laporan']),
      });
      return;
    }
    // Verification and dispatch: usually within 3 HK, about one in eight late.
    let t = this.later(at, rnd.chance(0.12) ? 3 + rnd.exp(2) : rnd.exp(1));
    if (rnd.chance(0.03)) {
      push(t, 'rejected_not_authority', { reason: 'Bukan kewenangan pemerintah provinsi' });
      if (rnd.chance(0.5)) return;
      t = this.later(t, rnd.exp(1));
    }
    push(t, 'verified', { opdId });
    if (rnd.chance(0.02)) {
      push(this.later(t, 0.5), 'postponed', { reason: 'Menunggu kelengkapan data dari pelapor' });
      t = this.later(t, 2 + rnd.exp(2));
      push(t, 'resumed');
    }
    // OPD follow-up: target 5 HK after dispatch, about one in five late.
    t = this.later(t, rnd.chance(0.2) ? 5 + rnd.exp(3) : rnd.exp(2));
    push(t, 'follow_up_posted', { responder: 'Admin Penghubung', text: rnd.pick(FOLLOW_UPS) });
    if (rnd.chance(0.08)) {
      t = this.later(t, rnd.exp(2));
      push(t, 'reporter_replied', { text: 'Belum ada perubahan di lapangan.' });
      t = this.later(t, rnd.exp(3));
      push(t, 'follow_up_posted', { responder: 'Admin Penghubung', text: rnd.pick(FOLLOW_UPS) });
    }
    // Closed explicitly within days, or by LAPOR's rule after 10 HK without a reply.
    push(this.later(t, rnd.chance(0.6) ? 1 + rnd.exp(2) : 10.2), 'completed');
  }
}
