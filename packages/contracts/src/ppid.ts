import { z } from 'zod';
import { opdId } from './common.ts';

// PPID — public-information requests under UU 14/2008 and Perki 1/2021 (DOMAIN.md §3). These schemas are
// the wire truth for `POST /api/ingest/ppid`, the CSV import and the KPI/report endpoints.

/** How a request reached the PPID (Perki: written or unwritten, in person or online). */
export const ppidChannel = z.enum(['langsung', 'surat', 'email', 'website', 'telepon', 'media_sosial', 'lainnya']);
export type PpidChannel = z.infer<typeof ppidChannel>;

/** Requester categories used in the annual Laporan Layanan Informasi Publik. */
export const ppidRequesterType = z.enum([
  'perorangan',
  'badan_hukum',
  'lsm',
  'mahasiswa',
  'pelajar',
  'media',
  'instansi',
  'lainnya',
]);
export type PpidRequesterType = z.infer<typeof ppidRequesterType>;

/** The form in which the requester wants the information. */
export const ppidFormat = z.enum(['softcopy', 'hardcopy', 'melihat_membaca', 'mendengarkan', 'lainnya']);
export type PpidFormat = z.infer<typeof ppidFormat>;

/** The PPID's written notice (UU 14/2008 Pasal 22(7)). */
export const ppidDecision = z.enum([
  'dipenuhi',
  'dipenuhi_sebagian',
  'ditolak',
  'tidak_dikuasai',
  'belum_didokumentasikan',
]);
export type PpidDecision = z.infer<typeof ppidDecision>;

/** Pasal 17 exclusion grounds, letters a–j; a rejection must name one. */
export const pasal17Ground = z.enum(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']);
export type Pasal17Ground = z.infer<typeof pasal17Ground>;

/** Pasal 35 keberatan grounds, letters a–g. */
export const pasal35Ground = z.enum(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
export type Pasal35Ground = z.infer<typeof pasal35Ground>;

/** Where a request stands; the lifecycle lives in `@pantau/domain` (ppid/lifecycle.ts). */
export const ppidStatus = z.enum([
  'diterima',
  'diperpanjang',
  'diputuskan',
  'selesai',
  'keberatan',
  'keberatan_dijawab',
  'sengketa',
  'sengketa_selesai',
]);
export type PpidStatus = z.infer<typeof ppidStatus>;

export const ppidDisputeStage = z.enum(['mediasi', 'ajudikasi']);
export const ppidDisputeOutcome = z.enum([
  'mediasi_berhasil',
  'dikabulkan',
  'dikabulkan_sebagian',
  'ditolak',
  'gugur',
  'dicabut',
]);

/** The Daftar Informasi Publik categories (UU 14/2008 Pasal 9, 10, 11, 17). */
export const dipCategory = z.enum(['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan']);
export type DipCategory = z.infer<typeof dipCategory>;

/** Komisi Informasi monev qualification bands. */
export const kiBand = z.enum([
  'informatif',
  'menuju_informatif',
  'cukup_informatif',
  'kurang_informatif',
  'tidak_informatif',
]);
export type KiBand = z.infer<typeof kiBand>;

const id = z.string().min(1).max(128);
const reason = z.string().trim().min(3).max(1000);
const base = { eventId: id, occurredAt: z.iso.datetime({ offset: true }) };

/** PERSONAL DATA: the requester's identity (Pasal 22: name, address). Stored apart, never public. */
export const ppidRequester = z.object({
  name: z.string().trim().max(200).optional(),
  address: z.string().trim().max(500).optional(),
  contact: z.string().trim().max(200).optional(),
  email: z.email().max(200).optional(),
});

const received = z
  .object({
    ...base,
    type: z.literal('received'),
    /** The nomor pendaftaran given to the requester. */
    regNo: z.string().trim().min(1).max(64),
    /** PPID Utama (at Diskominfo) or the OPD's PPID Pembantu; `opdId` is required for `pembantu`. */
    ppidLevel: z.enum(['utama', 'pembantu']),
    opdId: opdId.optional(),
    channel: ppidChannel,
    requesterType: ppidRequesterType,
    subject: z.string().trim().min(1).max(500),
    format: ppidFormat,
    requester: ppidRequester.optional(),
  })
  .refine((e) => e.ppidLevel === 'utama' || e.opdId !== undefined, {
    path: ['opdId'],
    message: 'a PPID pembantu request needs the OPD',
  });

const decided = z
  .object({
    ...base,
    type: z.literal('decided'),
    decision: ppidDecision,
    /** Required when the decision is `ditolak`; also allowed for a partly redacted `dipenuhi_sebagian`. */
    exclusionGround: pasal17Ground.optional(),
    note: z.string().trim().max(1000).optional(),
    /** Cost charged to the requester, in rupiah. */
    fee: z.number().int().min(0).max(1_000_000_000).optional(),
  })
  .refine((e) => e.decision !== 'ditolak' || e.exclusionGround !== undefined, {
    path: ['exclusionGround'],
    message: 'a rejection must name its Pasal 17 ground (a–j)',
  })
  .refine((e) => e.exclusionGround === undefined || e.decision === 'ditolak' || e.decision === 'dipenuhi_sebagian', {
    path: ['exclusionGround'],
    message: 'only a rejection or a partial grant names a Pasal 17 ground',
  });

/** One thing that happened to a PPID request (append-only; folded by the domain lifecycle). */
export const ppidEvent = z.discriminatedUnion('type', [
  received,
  /** The one extension of 7 HK, with its written reason. */
  z.object({ ...base, type: z.literal('extended'), reason }),
  decided,
  z.object({ ...base, type: z.literal('delivered') }),
  z.object({
    ...base,
    type: z.literal('objection_filed'),
    ground: pasal35Ground,
    note: z.string().trim().max(1000).optional(),
  }),
  /** The atasan PPID's answer: `accepted` grants the keberatan, `rejected` upholds the PPID. */
  z.object({
    ...base,
    type: z.literal('objection_answered'),
    outcome: z.enum(['accepted', 'rejected']),
    note: z.string().trim().max(1000).optional(),
  }),
  z.object({ ...base, type: z.literal('dispute_filed'), kiRegNo: z.string().trim().min(1).max(64) }),
  z.object({ ...base, type: z.literal('dispute_stage'), stage: ppidDisputeStage }),
  z.object({ ...base, type: z.literal('dispute_decided'), outcome: ppidDisputeOutcome }),
]);
export type PpidEvent = z.infer<typeof ppidEvent>;
export type PpidEventType = PpidEvent['type'];

/** A request event; `externalId` is the source's id of the request. */
export const ppidRequestItem = z.object({ kind: z.literal('request'), externalId: id, event: ppidEvent });

/** A Daftar Informasi Publik entry (Perki 1/2010 Pasal 13 columns) with its running download count. */
export const dipEntryItem = z.object({
  kind: z.literal('dip_entry'),
  externalId: id,
  eventId: id,
  occurredAt: z.iso.datetime({ offset: true }),
  opdId,
  category: dipCategory,
  ringkasan: z.string().trim().min(1).max(1000),
  unit: z.string().trim().max(200).optional(),
  penanggungJawab: z.string().trim().max(200).optional(),
  waktuTempat: z.string().trim().max(200).optional(),
  bentuk: z.string().trim().max(100).optional(),
  retensi: z.string().trim().max(100).optional(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(1000)
    .optional(),
  downloads: z.number().int().min(0).max(1e12).default(0),
});

/** A Komisi Informasi monev result for one OPD and year (score 0–100). */
export const monevItem = z.object({
  kind: z.literal('monev'),
  externalId: id,
  eventId: id,
  occurredAt: z.iso.datetime({ offset: true }),
  opdId,
  year: z.number().int().min(2010).max(2100),
  score: z.number().min(0).max(100),
});

/** One item of a PPID ingest batch. */
export const ppidIngestItem = z.discriminatedUnion('kind', [ppidRequestItem, dipEntryItem, monevItem]);
export type PpidIngestItem = z.infer<typeof ppidIngestItem>;

/** A batch from one named source; items are parsed one by one so one bad item rejects that item only. */
export const ppidIngestBatch = z
  .object({
    source: z.string().regex(/^[a-z0-9_-]{1,64}$/, 'expected a source id of a-z, 0-9, _ and -'),
    items: z.array(z.unknown()).min(1).max(1000),
  })
  .strict();

/** Query of the KPI and annual-report endpoints: a period of local dates and an optional OPD. */
export const ppidKpiQuery = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  opdId: opdId.optional(),
});
export type PpidKpiQuery = z.infer<typeof ppidKpiQuery>;

const share = z.number().min(0).max(1).nullable();

/** PPID KPIs over a period (formulas in docs/domain/ppid.md and domain/ppid/kpi.ts). */
export const ppidKpis = z.object({
  requests: z.number().int(),
  decided: z.number().int(),
  byDecision: z.record(ppidDecision, z.object({ count: z.number().int(), share })),
  avgWorkingDaysToDecide: z.number().nullable(),
  extensionsUsed: z.number().int(),
  onTimeShare: share,
  open: z.number().int(),
  overdue: z.number().int(),
  objections: z.number().int(),
  objectionsAccepted: z.number().int(),
  disputes: z.number().int(),
  rejectionGrounds: z.record(z.string(), z.number().int()),
  byRequesterType: z.record(z.string(), z.number().int()),
  byChannel: z.record(z.string(), z.number().int()),
});
export type PpidKpis = z.infer<typeof ppidKpis>;

/** Fields that are personal data and must never appear on a public route. */
export const PPID_PERSONAL_FIELDS = [
  'requester.name',
  'requester.address',
  'requester.contact',
  'requester.email',
] as const;

/** `GET /api/ppid/*?opdId=`: one OPD's figures, or the province's when absent. */
export const ppidOpdQuery = z.object({ opdId: opdId.optional() });

const expectedRevision = z.number().int().nonnegative();
const officerReason = z.string().trim().min(3, 'give a reason of at least 3 characters').max(1000);
/** `POST /api/ppid/requests/:id/actions`, checked against the timeline length the officer saw. */
export const ppidActionRequest = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('acknowledge'), expectedRevision, reason: officerReason }),
  z.strictObject({ action: z.literal('escalate'), expectedRevision, reason: officerReason }),
  z.strictObject({ action: z.literal('note'), expectedRevision, text: z.string().trim().min(1).max(4000) }),
]);
export type PpidActionRequest = z.infer<typeof ppidActionRequest>;

/**
 * `POST /api/ppid/requests/:id/record`: what the PPID decided or did, recorded by an officer from the
 * console — a decision with its kind (a rejection names its Pasal 17 ground), the one extension with
 * its reason, the information delivered, a keberatan filed (Pasal 35 ground) or answered. It becomes an
 * event of the request's own source, checked by the same rules as ingest.
 */
export const ppidRecordRequest = z.discriminatedUnion('event', [
  z.strictObject({
    event: z.literal('decided'),
    expectedRevision,
    decision: ppidDecision,
    exclusionGround: pasal17Ground.optional(),
    note: z.string().trim().max(1000).optional(),
  }),
  z.strictObject({ event: z.literal('extended'), expectedRevision, reason: officerReason }),
  z.strictObject({ event: z.literal('delivered'), expectedRevision }),
  z.strictObject({
    event: z.literal('objection_filed'),
    expectedRevision,
    ground: pasal35Ground,
    note: z.string().trim().max(1000).optional(),
  }),
  z.strictObject({
    event: z.literal('objection_answered'),
    expectedRevision,
    outcome: z.enum(['accepted', 'rejected']),
    note: z.string().trim().max(1000).optional(),
  }),
]);
export type PpidRecordRequest = z.infer<typeof ppidRecordRequest>;
