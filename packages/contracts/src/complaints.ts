import { z } from 'zod';
import { externalId, offsetDateTime, opdId, reasonText, regencyCode, sourceId } from './common.ts';

/**
 * Pantau's complaint statuses (SP4N-LAPOR!). LAPOR's own labels are mapped onto these through a
 * configurable table, because the LAPOR v4 labels are unconfirmed (DOMAIN.md §1.4).
 * Open: belum_diverifikasi, terverifikasi_didisposisi, ditindaklanjuti, ditunda, bukan_wewenang.
 * Terminal: selesai, diarsipkan, dihapus.
 */
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

/** Where a complaint came in. Social-media reports and walk-ins are keyed in by Diskominfo. */
export const complaintChannel = z.enum([
  'web',
  'sms1708',
  'app',
  'x',
  'instagram',
  'facebook',
  'tatap_muka',
  'telepon',
  'manual',
]);
export type ComplaintChannel = z.infer<typeof complaintChannel>;

/** LAPOR's "Klasifikasi Laporan"; `wbs` is whistle-blowing, `lainnya` keeps the list open. */
export const complaintClassification = z.enum(['pengaduan', 'aspirasi', 'permintaan_informasi', 'wbs', 'lainnya']);
export type ComplaintClassification = z.infer<typeof complaintClassification>;

/**
 * PermenPAN-RB 62/2018 completion tiers. The working days per tier (default ringan 5, sedang 14,
 * berat 60) and the tier of each classification are configuration: see `ComplaintDeadlineRules`.
 */
export const completionTier = z.enum(['ringan', 'sedang', 'berat']);
export type CompletionTier = z.infer<typeof completionTier>;

const base = { eventId: externalId, occurredAt: offsetDateTime };

/**
 * PERSONAL DATA: the reporter's identity and contact. Stored apart from the case and never sent outside
 * the authenticated, authorized API. Every field is optional: SMS and anonymous reports often carry
 * only a phone number, or nothing.
 */
export const complaintReporter = z.object({
  name: z.string().trim().max(200).optional(),
  /** A phone number or an e-mail address, as the source gave it. */
  contact: z.string().trim().max(200).optional(),
  email: z.email().max(200).optional(),
});
export type ComplaintReporter = z.infer<typeof complaintReporter>;

/**
 * One thing that happened to a complaint, as a source or an officer reports it; the complaint's row is
 * the fold of its events (`foldEvents` in `@pantau/domain`). Which event is allowed in which status is
 * the domain's transition table, not the contract's.
 */
export const complaintEvent = z.discriminatedUnion('type', [
  z.object({
    ...base,
    type: z.literal('submitted'),
    trackingId: z.string().regex(/^\d{1,20}$/, 'expected the LAPOR tracking id (digits)'),
    channel: complaintChannel,
    classification: complaintClassification,
    title: z.string().trim().min(1).max(200),
    /** The report's text. PERSONAL DATA when the report is rahasia (and it may name people). */
    body: z.string().max(10_000),
    topic: z.string().trim().max(100).optional(),
    regencyCode: regencyCode.optional(),
    /** Set when the reporter picked the target agency themselves. */
    opdId: opdId.optional(),
    /** Public, but without the reporter's identity. */
    isAnonim: z.boolean().default(false),
    /** Not public at all: counted in aggregates, never shown. */
    isRahasia: z.boolean().default(false),
    reporter: complaintReporter.optional(),
  }),
  /** Verified by the admin and disposed to an OPD (LAPOR A1 "Verifikasi"). */
  z.object({ ...base, type: z.literal('verified'), opdId }),
  /** The OPD's answer, posted by its admin penghubung. Text is optional: some sources send only the fact. */
  z.object({
    ...base,
    type: z.literal('follow_up_posted'),
    responder: z.string().max(200).optional(),
    text: z.string().max(10_000).optional(),
  }),
  z.object({ ...base, type: z.literal('reporter_replied'), text: z.string().max(10_000).optional() }),
  z.object({ ...base, type: z.literal('completed') }),
  /** LAPOR A2 "Tunda": the clock stops until `resumed`. */
  z.object({ ...base, type: z.literal('postponed'), reason: reasonText }),
  z.object({ ...base, type: z.literal('resumed') }),
  /** LAPOR A3 "Bukan Wewenang"; may be re-routed later by `verified`. */
  z.object({ ...base, type: z.literal('rejected_not_authority'), reason: reasonText }),
  /** LAPOR A4 "Arsipkan". */
  z.object({ ...base, type: z.literal('archived'), reason: reasonText }),
  z.object({ ...base, type: z.literal('deleted'), reason: reasonText }),
  /** Moves the case to another OPD; the status stays. */
  z.object({ ...base, type: z.literal('reassigned'), opdId, reason: reasonText }),
  /** A raw status label from LAPOR, mapped through the province's configurable label map. */
  z.object({ ...base, type: z.literal('status_label'), label: z.string().trim().min(1).max(100) }),
]);
export type ComplaintEvent = z.infer<typeof complaintEvent>;
export type ComplaintEventType = ComplaintEvent['type'];
/** Every event type, in contract order. */
export const COMPLAINT_EVENT_TYPES: readonly ComplaintEventType[] = complaintEvent.options.map(
  (o) => o.shape.type.value,
);

/** One event of one complaint, keyed by the source's id for the complaint. */
export const complaintIngestItem = z.object({ externalId, event: complaintEvent });
export type ComplaintIngestItem = z.infer<typeof complaintIngestItem>;

/**
 * The envelope of `POST /api/ingest/complaints`: a named source and 1..1000 items, left unparsed so the
 * ingest path can parse them one by one (`complaintIngestItem`) and refuse a bad item without losing
 * the rest — each item gets its own `IngestItemResult`.
 */
export const complaintIngestBatch = z
  .object({ source: sourceId, items: z.array(z.unknown()).min(1).max(1000) })
  .strict();
export type ComplaintIngestBatch = z.infer<typeof complaintIngestBatch>;

/**
 * The same batch parsed whole: every item must be valid, and an `(externalId, eventId)` pair may not
 * repeat. For all-or-nothing callers (CSV checks, connectors validating before they send). A repeat
 * is reported at `items.<i>.event.eventId` of the later item.
 */
export const complaintIngestBatchStrict = z
  .object({ source: sourceId, items: z.array(complaintIngestItem).min(1).max(1000) })
  .strict()
  .superRefine((batch, ctx) => {
    const first = new Map<string, number>();
    batch.items.forEach((item, index) => {
      const key = JSON.stringify([item.externalId, item.event.eventId]);
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, index);
      else
        ctx.addIssue({
          code: 'custom',
          path: ['items', index, 'event', 'eventId'],
          message: `repeats items.${earlier} (externalId "${item.externalId}", eventId "${item.event.eventId}")`,
        });
    });
  });
export type ComplaintIngestBatchStrict = z.infer<typeof complaintIngestBatchStrict>;

/**
 * What became of one item of an ingest batch (complaints, PPID and social share it). `externalId` and
 * `eventId` are null when the item was too malformed to read them; `error.field` is a dotted path
 * from the batch root, e.g. `items.3.event.body`.
 */
export const ingestItemResult = z.object({
  index: z.number().int(),
  externalId: z.string().nullable(),
  eventId: z.string().nullable(),
  status: z.enum(['accepted', 'duplicate', 'rejected']),
  error: z.object({ field: z.string(), message: z.string() }).optional(),
});
export type IngestItemResult = z.infer<typeof ingestItemResult>;

/**
 * Which complaint fields may leave the authenticated API, as paths in the `submitted` event. Public
 * routes serve aggregates only; leak tests plant markers in these fields and prove none comes out.
 */
export const complaintPublicFields = {
  /** Personal data of every report: never public, never in a list row or a socket payload. */
  personal: ['reporter.name', 'reporter.contact', 'reporter.email'],
  /** Also secret when the report is rahasia (it may not even appear as a snippet). */
  personalWhenRahasia: ['title', 'body'],
  /** Safe to group and count by on a public widget (counts still get small-count suppression). */
  aggregatable: ['channel', 'classification', 'topic', 'regencyCode', 'opdId', 'status'],
} as const;

/**
 * Fields that are personal data, as prose for reports.
 * @deprecated use `complaintPublicFields`, whose paths a test can check.
 */
export const COMPLAINT_PERSONAL_FIELDS = [
  'reporter.name',
  'reporter.contact',
  'reporter.email',
  'body (when rahasia)',
] as const;

/**
 * `POST /api/complaints/walk-in`: a complaint an officer types in for someone at the desk or on the
 * phone. The same fields and limits as a source's `submitted` event; Pantau gives the tracking id, and
 * an OPD given here dispatches it at once.
 */
export const walkInComplaint = z.strictObject({
  channel: z.enum(['tatap_muka', 'telepon']),
  classification: complaintClassification,
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(10_000),
  topic: z.string().trim().max(100).optional(),
  regencyCode: regencyCode.optional(),
  opdId: opdId.optional(),
  isAnonim: z.boolean().default(false),
  isRahasia: z.boolean().default(false),
  reporter: complaintReporter.optional(),
});
export type WalkInComplaint = z.infer<typeof walkInComplaint>;
