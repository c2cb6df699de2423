import { z } from 'zod';
import { opdId } from './common.ts';
import { OPD_ID_PATTERN, REGENCY_CODE_PATTERN } from './constants.ts';

/** How often a scheduled leadership report goes out: each Monday for the week before, each 1st for the month before. */
export const REPORT_CADENCES = ['weekly', 'monthly'] as const;
export type ReportCadence = (typeof REPORT_CADENCES)[number];

/** `POST /api/reports/schedules` and `PUT /api/reports/schedules/:id` (admins). */
export const reportScheduleBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  cadence: z.enum(REPORT_CADENCES),
  /** Null: the province's report. */
  opdId: opdId.nullable(),
  /** E-mail addresses; a kepala dinas need not have a Pantau account. */
  recipients: z.array(z.email().max(254)).min(1).max(50),
  enabled: z.boolean(),
});
export type ReportScheduleBody = z.infer<typeof reportScheduleBody>;

/** A schedule as the console lists it. */
export interface ReportScheduleView extends ReportScheduleBody {
  id: number;
  createdAt: string;
  createdBy: string | null;
  /** The latest period queued for sending (e.g. `2026-W48`, `2026-11`) and when. */
  lastPeriod: string | null;
  lastQueuedAt: string | null;
}

/**
 * What an outbox row of a scheduled report names (no figures: the PDF is rendered when it is sent, from
 * the same queries as any other report).
 */
export const reportMailFacts = z.strictObject({
  scheduleId: z.number().int().positive(),
  name: z.string(),
  cadence: z.enum(REPORT_CADENCES),
  period: z.string(),
  opdId: z.string().nullable(),
});
export type ReportMailFacts = z.infer<typeof reportMailFacts>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/**
 * `GET /api/reports/leadership.pdf`: one period — `period` (2026-W48, 2026-11, 2026-Q4, 2026 or
 * 2026-11-01..2026-11-15), `month`, or `from` and `to` — and at most one of an OPD or a kabupaten/kota.
 */
export const leadershipReportQuery = z.strictObject({
  period: z.string().max(40).optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM')
    .refine((m) => Number(m.slice(0, 4)) >= 2000, 'year out of range (2000 or later)')
    .optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  opd: z.string().regex(OPD_ID_PATTERN, 'expected an OPD id').optional(),
  regency: z.string().regex(REGENCY_CODE_PATTERN, 'expected a kabupaten/kota code').optional(),
});
export type LeadershipReportQuery = z.infer<typeof leadershipReportQuery>;

/** `GET /api/reports/ppid-annual.pdf`: the year, and an OPD for its own report. */
export const ppidAnnualReportQuery = z.strictObject({
  year: z.string().regex(/^(20\d\d)$/, 'expected a year (2000 or later)'),
  opd: z.string().regex(OPD_ID_PATTERN, 'expected an OPD id').optional(),
});
