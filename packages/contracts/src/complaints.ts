import { z } from 'zod';

/** Internal complaint statuses, mapped from LAPOR's own labels (which are configurable). */
export const complaintStatus = z.enum([
  'belum_diverifikasi',
  'terverifikasi_didisposisi',
  'ditindaklanjuti',
  'selesai',
  'ditunda',
  'bukan_wewenang',
  'diarsipkan',
  'dihapus',
]);
export type ComplaintStatus = z.infer<typeof complaintStatus>;

export const complaintChannel = z.enum(['web', 'sms1708', 'app', 'x', 'instagram', 'facebook', 'tatap_muka', 'manual']);
export type ComplaintChannel = z.infer<typeof complaintChannel>;

export const complaintClassification = z.enum(['pengaduan', 'aspirasi', 'permintaan_informasi', 'wbs', 'lainnya']);
export type ComplaintClassification = z.infer<typeof complaintClassification>;

const id = z.string().min(1).max(128);
const opdId = z.string().regex(/^[a-z]+\.[a-z0-9-]+$/, 'expected an OPD id like kalsel.dishub');
const regencyCode = z.string().regex(/^\d{2}\.\d{2}$/, 'expected a regency code like 63.71');
const reason = z.string().trim().min(3).max(1000);
const base = { eventId: id, occurredAt: z.iso.datetime({ offset: true }) };

/**
 * PERSONAL DATA: the reporter's identity and contact. Stored apart from the case and never sent outside
 * the authenticated, authorized API.
 */
export const complaintReporter = z.object({
  name: z.string().trim().max(200).optional(),
  contact: z.string().trim().max(200).optional(),
  email: z.email().max(200).optional(),
});

/** One thing that happened to a complaint, as a source or an officer reports it. */
export const complaintEvent = z.discriminatedUnion('type', [
  z.object({
    ...base,
    type: z.literal('submitted'),
    trackingId: z.string().regex(/^\d{1,20}$/, 'expected the LAPOR tracking id (digits)'),
    channel: complaintChannel,
    classification: complaintClassification,
    title: z.string().trim().min(1).max(200),
    /** Free text; for a rahasia report it is personal data too. */
    body: z.string().max(10_000),
    topic: z.string().trim().max(100).optional(),
    regencyCode: regencyCode.optional(),
    opdId: opdId.optional(),
    isAnonim: z.boolean().default(false),
    isRahasia: z.boolean().default(false),
    reporter: complaintReporter.optional(),
  }),
  z.object({ ...base, type: z.literal('verified'), opdId }),
  z.object({
    ...base,
    type: z.literal('follow_up_posted'),
    responder: z.string().max(200).optional(),
    text: z.string().max(10_000).optional(),
  }),
  z.object({ ...base, type: z.literal('reporter_replied'), text: z.string().max(10_000).optional() }),
  z.object({ ...base, type: z.literal('completed') }),
  z.object({ ...base, type: z.literal('postponed'), reason }),
  z.object({ ...base, type: z.literal('resumed') }),
  z.object({ ...base, type: z.literal('rejected_not_authority'), reason }),
  z.object({ ...base, type: z.literal('archived'), reason }),
  z.object({ ...base, type: z.literal('deleted'), reason }),
  z.object({ ...base, type: z.literal('reassigned'), opdId, reason }),
  /** A raw status label from LAPOR, mapped through the province's configurable label map. */
  z.object({ ...base, type: z.literal('status_label'), label: z.string().trim().min(1).max(100) }),
]);
export type ComplaintEvent = z.infer<typeof complaintEvent>;
export type ComplaintEventType = ComplaintEvent['type'];

export const complaintIngestItem = z.object({ externalId: id, event: complaintEvent });
export type ComplaintIngestItem = z.infer<typeof complaintIngestItem>;

/** A batch from one named source; (externalId, eventId) pairs must not repeat within it. */
export const complaintIngestBatch = z
  .object({
    source: z.string().regex(/^[a-z0-9_-]{1,64}$/, 'expected a source id of a-z, 0-9, _ and -'),
    // Items are parsed one by one by the ingest path, so one bad item rejects that item only.
    items: z.array(z.unknown()).min(1).max(1000),
  })
  .strict();
export type ComplaintIngestBatch = z.infer<typeof complaintIngestBatch>;

export const ingestItemResult = z.object({
  index: z.number().int(),
  externalId: z.string().nullable(),
  eventId: z.string().nullable(),
  status: z.enum(['accepted', 'duplicate', 'rejected']),
  error: z.object({ field: z.string(), message: z.string() }).optional(),
});
export type IngestItemResult = z.infer<typeof ingestItemResult>;

/** Fields that are personal data and must never appear on a public route (leak tests use this). */
export const COMPLAINT_PERSONAL_FIELDS = [
  'reporter.name',
  'reporter.contact',
  'reporter.email',
  'body (when rahasia)',
] as const;
