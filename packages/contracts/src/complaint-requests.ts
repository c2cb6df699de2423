import { z } from 'zod';
import { filterInstant, opdId, regencyCode } from './common.ts';
import { complaintStatus } from './complaints.ts';

/**
 * What the console sends about complaints: the list's query (`GET /api/complaints`), its cursor, and an
 * officer's action (`POST /api/complaints/:id/actions`).
 */

/** A local date `YYYY-MM-DD` that exists in the calendar, from the year 1900 on (PostgreSQL's range). */
const periodDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'not a calendar date',
  )
  // Year 0 and the far past parse in JavaScript but not in PostgreSQL (a 500 once).
  .refine((d) => Number(d.slice(0, 4)) >= 1900, 'year out of range (1900 or later)');

/** A comma list of codes, each one of `known` (the route splits it); an unknown code names itself. */
const codeList = (known: readonly string[], what: string) =>
  z
    .string()
    .max(300)
    .superRefine((v, ctx) => {
      const unknown = v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s && !known.includes(s));
      if (unknown.length) ctx.addIssue({ code: 'custom', message: `unknown ${what}: ${unknown.join(', ')}` });
    });

/** `GET /api/complaints`: filters (comma lists stay strings here; the route splits them), order and page. */
export const complaintListQuery = z.object({
  status: codeList(complaintStatus.options, 'status').optional(),
  opd: z.string().max(100).optional(),
  regency: regencyCode.optional(),
  channel: z.string().max(30).optional(),
  topic: z.string().trim().min(1).max(100).optional(),
  /** Local dates in the province's zone, inclusive: the period behind a dashboard figure. */
  from: periodDate.optional(),
  to: periodDate.optional(),
  deadline: codeList(['none', 'on_time', 'at_risk', 'overdue', 'paused'], 'deadline state').optional(),
  escalation: z.coerce.number().int().min(0).max(10).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  sort: z.enum(['deadline', 'newest']).default('deadline'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type ComplaintListQuery = z.input<typeof complaintListQuery>;
/** The list's query as the route reads it, defaults applied. */
export type ComplaintListParams = z.output<typeof complaintListQuery>;

/**
 * What an opaque list cursor decodes to. A cursor is only what the API hands out: the last row's sort
 * key (an instant) and id; anything else is refused.
 */
export const complaintListCursor = z.strictObject({
  key: filterInstant.nullable(),
  id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});
export type ComplaintListCursor = z.infer<typeof complaintListCursor>;

const reason = z.string().trim().min(3, 'give a reason of at least 3 characters').max(1000);
/**
 * The number of entries in the item's timeline when the officer looked (the detail's `revision`). Every
 * action adds one, so it also catches an acknowledgement, escalation or note by someone else — which do
 * not change the lifecycle `version`.
 */
const expectedRevision = z.number().int().nonnegative().optional();
const expectedVersion = z.number().int();

/** `POST /api/complaints/:id/actions`: one officer action, checked against the version the officer saw. */
export const complaintActionRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('acknowledge'), expectedVersion, expectedRevision, reason }),
  z.object({ action: z.literal('escalate'), expectedVersion, expectedRevision, reason }),
  z.object({
    action: z.literal('note'),
    expectedVersion,
    expectedRevision,
    text: z.string().trim().min(1).max(4000),
  }),
  z.object({ action: z.literal('reassign'), expectedVersion, expectedRevision, opdId, reason }),
  z.object({
    action: z.literal('change_status'),
    expectedVersion,
    expectedRevision,
    to: z.enum(['ditunda', 'dilanjutkan', 'ditindaklanjuti', 'selesai', 'bukan_wewenang', 'diarsipkan', 'dihapus']),
    reason,
  }),
]);
export type ComplaintActionRequest = z.infer<typeof complaintActionRequest>;
