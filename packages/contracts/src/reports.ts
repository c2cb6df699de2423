import { z } from 'zod';
import { opdId } from './common.ts';

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
