import type {
  DipCategory,
  Pasal17Ground,
  Pasal35Ground,
  PpidChannel,
  PpidDecision,
  PpidEvent,
  PpidFormat,
  PpidIngestItem,
  PpidRequesterType,
} from '@pantau/contracts';
import type { Opd, ProvincePack } from '@pantau/provinces';
import { createRandom, type Random, takeDue } from './random.ts';
import { DIP_TEMPLATES, EXTENSION_REASONS, PPID_SUBJECTS } from './ppid-templates.ts';
import { FAMILY_NAMES, GIVEN_NAMES } from './templates.ts';

/** One item as the PPID ingest takes it: a request event, a DIP entry or a monev score. */
export type SimulatedPpidItem = PpidIngestItem;

export interface PpidSimulatorOptions {
  pack: ProvincePack;
  /** Where simulated time starts (the backfill horizon). */
  start: Date;
  seed?: number;
  /** Mean requests per day across the province; PPID volumes are hundreds a year, not thousands. @default 5 */
  perDay?: number;
  /** A different rate before this moment (a lighter history backfill than the live demo). */
  history?: { until: Date; perDay: number };
  /** Relative weights of the decisions. @default 70/12/6/9/3 (dipenuhi…belum_didokumentasikan) */
  decisions?: Partial<Record<PpidDecision, number>>;
  /** Share of requests whose decision is extended once by 7 HK. @default 0.12 */
  extendedShare?: number;
  /** Share of requests decided after the 10-HK deadline without an extension. @default 0.08 */
  lateShare?: number;
  /** Base chance of a keberatan; higher after a rejection, a partial grant or a late decision. @default 0.05 */
  objectionShare?: number;
  /** Share of keberatan rejected by the atasan that go on to the Komisi Informasi. @default 0.3 */
  disputeShare?: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Requests come in office hours (in person, by letter, by e-mail read at work); web forms trickle in at night.
const HOURLY = [
  0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 0.8, 2.2, 2.8, 2.8, 2.4, 1.2, 2.0, 2.3, 1.6, 0.8, 0.5, 0.4, 0.5, 0.5, 0.4, 0.2,
  0.1,
];
const HOURLY_MEAN = HOURLY.reduce((a, b) => a + b, 0) / 24;
const CHANNELS: ReadonlyArray<readonly [PpidChannel, number]> = [
  ['website', 34],
  ['email', 22],
  ['langsung', 18],
  ['surat', 14],
  ['media_sosial', 7],
  ['telepon', 3],
  ['lainnya', 2],
];
const REQUESTER_TYPES: ReadonlyArray<readonly [PpidRequesterType, number]> = [
  ['perorangan', 34],
  ['mahasiswa', 26],
  ['lsm', 12],
  ['media', 9],
  ['badan_hukum', 8],
  ['pelajar', 4],
  ['instansi', 5],
  ['lainnya', 2],
];
const FORMATS: ReadonlyArray<readonly [PpidFormat, number]> = [
  ['softcopy', 78],
  ['hardcopy', 14],
  ['melihat_membaca', 6],
  ['mendengarkan', 2],
];
const DEFAULT_DECISIONS: Record<PpidDecision, number> = {
  dipenuhi: 70,
  dipenuhi_sebagian: 12,
  ditolak: 6,
  tidak_dikuasai: 9,
  belum_didokumentasikan: 3,
};
// Personal data (h) and internal memoranda (i) are the grounds PPIDs cite most.
const REJECTION_GROUNDS: ReadonlyArray<readonly [Pasal17Ground, number]> = [
  ['h', 35],
  ['i', 20],
  ['a', 15],
  ['b', 8],
  ['j', 8],
  ['c', 4],
  ['d', 4],
  ['e', 3],
  ['f', 2],
  ['g', 1],
];

interface DipState {
  externalId: string;
  opd: Opd;
  category: DipCategory;
  ringkasan: string;
  downloads: number;
  popularity: number;
  version: number;
}

/**
 * Realistic PPID streams for a province pack: requests per OPD in an office-hours rhythm with the
 * requester, channel and subject mix of a Laporan Layanan Informasi Publik; each request's lifecycle in
 * simulated time — decision after 1–12 working days (some extended by 7 HK, some late), delivery,
 * occasional keberatan and rare Komisi Informasi disputes; DIP entries whose downloads grow; one KI
 * monev score per OPD per year. Deterministic for a seed, however `advance` is called: time is
 * generated in whole hours, so a replay to a stored cursor reproduces exactly what was emitted before.
 */
export class PpidSimulator {
  private readonly rnd: Random;
  private readonly pending: Array<{ at: number; seq: number; item: SimulatedPpidItem }> = [];
  private seq = 0;
  private generatedTo: number;
  private nextLocalMidnight: number;
  private readonly localOffsetMs: number;
  private readonly opdWeights: ReadonlyArray<readonly [Opd, number]>;
  private readonly quality = new Map<string, number>();
  private readonly regCounters = new Map<string, number>();
  private readonly dip: DipState[] = [];
  private requestCount = 0;
  private kiCount = 0;

  constructor(private readonly options: PpidSimulatorOptions) {
    this.rnd = createRandom(options.seed ?? 1408);
    const { pack, start } = options;
    const offsetHours = pack.timeZone === 'Asia/Makassar' ? 8 : pack.timeZone === 'Asia/Jayapura' ? 9 : 7;
    this.localOffsetMs = offsetHours * HOUR;
    this.generatedTo = start.getTime();
    this.nextLocalMidnight = Math.floor((this.generatedTo + this.localOffsetMs) / DAY) * DAY + DAY - this.localOffsetMs;
    const startDate = new Date(start.getTime() + this.localOffsetMs).toISOString().slice(0, 10);
    const opds = pack.opds.filter((o) => !o.activeTo || o.activeTo >= startDate);
    // The PPID Utama (Diskominfo) and the big service dinas get most requests.
    this.opdWeights = opds.map((o) => [o, weightOf(o)] as const);
    for (const o of opds) this.quality.set(o.id, 45 + this.rnd.next() * 50);
    // The register as it stands at the start: each OPD's DIP and last year's monev result.
    const year = Number(startDate.slice(0, 4));
    // Just after the start: a replay up to a cursor at the start itself must not swallow the register.
    const opening = start.getTime() + 60_000;
    for (const o of opds) {
      for (const t of DIP_TEMPLATES.slice(0, this.rnd.int(4, DIP_TEMPLATES.length))) {
        const entry: DipState = {
          externalId: `sim-dip-${o.id}-${this.dip.length + 1}`,
          opd: o,
          category: t.category,
          ringkasan: fill(t.ringkasan, o, year - 1),
          downloads: this.rnd.int(0, 400),
          popularity: 0.2 + this.rnd.exp(2),
          version: 0,
        };
        this.dip.push(entry);
        this.pushDip(entry, opening);
      }
      this.pushMonev(o, year - 1, opening);
    }
  }

  /** Every item that happens up to `until`, in time order; later items wait for a later call. */
  advance(until: Date): SimulatedPpidItem[] {
    const end = until.getTime();
    while (this.generatedTo < end) {
      const from = this.generatedTo;
      const to = Math.floor(from / HOUR) * HOUR + HOUR;
      if (this.nextLocalMidnight < to) {
        this.daily(this.nextLocalMidnight);
        this.nextLocalMidnight += DAY;
      }
      const local = new Date(from + this.localOffsetMs);
      const weekend = local.getUTCDay() === 0 || local.getUTCDay() === 6;
      const history = this.options.history;
      const perDay = history && from < history.until.getTime() ? history.perDay : (this.options.perDay ?? 5);
      const rate = (perDay / 24) * (HOURLY[local.getUTCHours()]! / HOURLY_MEAN) * (weekend ? 0.3 : 1.28);
      const n = this.rnd.poisson((rate * (to - from)) / HOUR);
      for (let i = 0; i < n; i++) this.createRequest(from + this.rnd.next() * (to - from));
      this.generatedTo = to;
    }
    this.pending.sort((a, b) => a.at - b.at || a.seq - b.seq);
    return takeDue(this.pending, end);
  }

  private push(at: number, item: SimulatedPpidItem): void {
    this.pending.push({ at, seq: this.seq++, item });
  }

  /**
   * The moment `workingDays` (whole days counted) after `from`, skipping Saturdays and Sundays in local time
   * (holidays are the server's business), at a time in office hours (08:00–16:00) on that day.
   */
  private later(from: number, workingDays: number): number {
    let day = Math.floor((from + this.localOffsetMs) / DAY);
    const weekend = (d: number) => [0, 6].includes(new Date(d * DAY).getUTCDay());
    for (let left = Math.floor(workingDays); left > 0; left--) {
      day++;
      while (weekend(day)) day++;
    }
    let t = day * DAY - this.localOffsetMs + 8 * HOUR + this.rnd.int(0, 479) * 60_000;
    if (t <= from) {
      // The same day: shortly after, or the next working morning once the office has closed.
      t = from + this.rnd.int(10, 120) * 60_000;
      if (t >= day * DAY - this.localOffsetMs + 16 * HOUR) {
        day++;
        while (weekend(day)) day++;
        t = day * DAY - this.localOffsetMs + 8 * HOUR + this.rnd.int(0, 120) * 60_000;
      }
    }
    return t;
  }

  /** Start of each local day: DIP downloads grow (weekly in the history backfill), and KI monev in December. */
  private daily(midnight: number): void {
    const local = new Date(midnight + this.localOffsetMs);
    const history = this.options.history;
    const inHistory = history !== undefined && midnight < history.until.getTime();
    if (!inHistory || local.getUTCDay() === 1) {
      const days = inHistory ? 7 : 1;
      for (const entry of this.dip) {
        const gained = this.rnd.poisson(entry.popularity * days);
        if (gained === 0) continue;
        entry.downloads += gained;
        this.pushDip(entry, midnight + this.rnd.int(5, 90) * 60_000);
      }
    }
    // The Komisi Informasi announces its monev results at the start of December.
    if (local.getUTCMonth() === 11 && local.getUTCDate() === 1) {
      for (const [o] of this.opdWeights) this.pushMonev(o, local.getUTCFullYear(), midnight + 10 * HOUR);
    }
  }

  private pushDip(entry: DipState, at: number): void {
    entry.version += 1;
    const year = new Date(at + this.localOffsetMs).getUTCFullYear();
    this.push(at, {
      kind: 'dip_entry',
      externalId: entry.externalId,
      eventId: `${entry.externalId}-${entry.version}`,
      occurredAt: new Date(at).toISOString(),
      opdId: entry.opd.id,
      category: entry.category,
      ringkasan: entry.ringkasan,
      unit: entry.opd.shortName,
      penanggungJawab: `PPID Pembantu ${entry.opd.shortName}`,
      waktuTempat: `${this.options.pack.regencies.find((r) => r.code === this.options.pack.capitalRegencyCode)?.capital ?? ''}, ${year}`,
      bentuk: 'Softcopy',
      retensi: entry.category === 'berkala' ? '5 tahun' : '2 tahun',
      downloads: entry.downloads,
    });
  }

  private pushMonev(o: Opd, year: number, at: number): void {
    const base = this.quality.get(o.id) ?? 60;
    const score = Math.round(Math.min(99.5, Math.max(15, base + (this.rnd.next() - 0.5) * 12)) * 100) / 100;
    this.push(at, {
      kind: 'monev',
      externalId: `sim-monev-${o.id}-${year}`,
      eventId: `sim-monev-${o.id}-${year}`,
      occurredAt: new Date(at).toISOString(),
      opdId: o.id,
      year,
      score,
    });
  }

  private createRequest(at: number): void {
    const rnd = this.rnd;
    const opd = rnd.weighted(this.opdWeights);
    const year = new Date(at + this.localOffsetMs).getUTCFullYear();
    const counterKey = `${opd.id}/${year}`;
    const number = (this.regCounters.get(counterKey) ?? 0) + 1;
    this.regCounters.set(counterKey, number);
    const externalId = `sim-ppid-${++this.requestCount}`;
    const utama = isPpidUtama(opd);
    const groups = PPID_SUBJECTS.filter(
      (g) => g.opdHints.length === 0 || g.opdHints.some((h) => opd.name.includes(h) || opd.shortName.includes(h)),
    );
    const format = rnd.weighted(FORMATS);
    let n = 0;
    let last = 0;
    const push = (when: number, event: Record<string, unknown> & { type: PpidEvent['type'] }) => {
      // Office-hour shifts can bring two steps together; a request's events never go back in time.
      const t = Math.max(when, last + 60_000);
      last = t;
      this.push(t, {
        kind: 'request',
        externalId,
        event: { ...event, eventId: `${externalId}-${++n}`, occurredAt: new Date(t).toISOString() } as PpidEvent,
      });
      return t;
    };
    push(at, {
      type: 'received',
      regNo: `${String(number).padStart(4, '0')}/PPID-${opd.shortName.toUpperCase().replaceAll(' ', '')}/${year}`,
      ppidLevel: utama ? 'utama' : 'pembantu',
      opdId: opd.id,
      channel: rnd.weighted(CHANNELS),
      requesterType: rnd.weighted(REQUESTER_TYPES),
      subject: fill(rnd.pick(rnd.pick(groups).subjects), opd, year - (rnd.chance(0.6) ? 1 : 0)),
      format,
      requester: {
        name: `${rnd.pick(GIVEN_NAMES)} ${rnd.pick(FAMILY_NAMES)}`,
        email: `pemohon${rnd.int(100, 999)}@contoh.id`,
      },
    });

    // Decision: 1–10 HK usually; some extended once (decided within 17 HK), some simply late (11–12 HK).
    const o = this.options;
    const extended = rnd.chance(o.extendedShare ?? 0.12);
    const late = !extended && rnd.chance(o.lateShare ?? 0.08);
    if (extended) push(this.later(at, rnd.int(6, 9)), { type: 'extended', reason: rnd.pick(EXTENSION_REASONS) });
    let t = this.later(at, extended ? rnd.int(10, 16) : late ? rnd.int(11, 12) : Math.min(9.9, 1 + rnd.exp(3)));
    const decisions = { ...DEFAULT_DECISIONS, ...o.decisions };
    const decision = rnd.weighted(Object.entries(decisions) as Array<[PpidDecision, number]>);
    const ground =
      decision === 'ditolak' || (decision === 'dipenuhi_sebagian' && rnd.chance(0.5))
        ? rnd.weighted(REJECTION_GROUNDS)
        : undefined;
    t = push(t, {
      type: 'decided',
      decision,
      ...(ground ? { exclusionGround: ground } : {}),
      ...(decision === 'tidak_dikuasai' ? { note: 'Informasi dikuasai oleh instansi lain; pemohon diarahkan.' } : {}),
      ...(format === 'hardcopy' && (decision === 'dipenuhi' || decision === 'dipenuhi_sebagian')
        ? { fee: rnd.int(1, 20) * 5000 }
        : {}),
    });
    const granted = decision === 'dipenuhi' || decision === 'dipenuhi_sebagian';
    if (granted) t = push(this.later(t, rnd.exp(0.7)), { type: 'delivered' });

    // Keberatan: likelier after a rejection, a partial grant or a late answer.
    const factor = decision === 'ditolak' ? 5 : decision === 'dipenuhi_sebagian' ? 2.5 : late ? 2 : granted ? 0.4 : 1.5;
    if (!rnd.chance(Math.min(0.9, (o.objectionShare ?? 0.05) * factor))) return;
    const objectionGround: Pasal35Ground =
      decision === 'ditolak'
        ? 'a'
        : late
          ? 'g'
          : decision === 'dipenuhi_sebagian'
            ? 'e'
            : rnd.pick(['d', 'e'] as const);
    t = push(this.later(t, 1 + rnd.exp(5)), { type: 'objection_filed', ground: objectionGround });
    const accepted = rnd.chance(0.4);
    t = push(this.later(t, Math.min(34, 3 + rnd.exp(8))), {
      type: 'objection_answered',
      outcome: accepted ? 'accepted' : 'rejected',
    });
    if (accepted) {
      // An accepted keberatan leads to a new, fuller decision.
      t = push(this.later(t, 1 + rnd.exp(2)), { type: 'decided', decision: 'dipenuhi' });
      push(this.later(t, rnd.exp(0.7)), { type: 'delivered' });
      return;
    }
    if (!rnd.chance(o.disputeShare ?? 0.3)) return;
    t = push(this.later(t, rnd.int(2, 13)), {
      type: 'dispute_filed',
      kiRegNo: `${String(++this.kiCount).padStart(3, '0')}/REG-PSI/KI-${o.pack.shortName.toUpperCase()}/${year}`,
    });
    if (rnd.chance(0.5)) t = push(this.later(t, rnd.int(10, 25)), { type: 'dispute_stage', stage: 'ajudikasi' });
    push(this.later(t, rnd.int(15, 45)), {
      type: 'dispute_decided',
      outcome: rnd.weighted([
        ['mediasi_berhasil', 35],
        ['dikabulkan', 20],
        ['dikabulkan_sebagian', 15],
        ['ditolak', 20],
        ['gugur', 6],
        ['dicabut', 4],
      ] as const),
    });
  }
}

function isPpidUtama(o: Opd): boolean {
  return /Komunikasi|Kominfo/i.test(o.name) || /kominfo/i.test(o.shortName);
}

function weightOf(o: Opd): number {
  if (isPpidUtama(o)) return 5;
  if (/Pekerjaan Umum|PUPR|Pendidikan|Kesehatan|Lingkungan|Kehutanan|BPKAD|Keuangan/i.test(`${o.name} ${o.shortName}`))
    return 3;
  return o.type === 'dinas' || o.type === 'rsud' ? 1.5 : 1;
}

function fill(template: string, o: Opd, year: number): string {
  return template.replaceAll('{opd}', o.shortName).replaceAll('{tahun}', String(year));
}
