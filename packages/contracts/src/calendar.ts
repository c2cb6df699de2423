import { z } from 'zod';
import { reasonText } from './common.ts';

/**
 * The working-day calendar's administration: the wire shapes of the console's Kalender hari kerja page.
 * Every edit names the decree that makes it (SKB, Keppres, KMA after the sidang isbat, a governor's
 * Kepgub or circular) and may be previewed first: `preview: true` answers how many open deadlines would
 * move and writes nothing.
 */

/** A calendar date, `YYYY-MM-DD`, in a year Pantau can count (2000–2100). */
export const calendarDate = z.iso
  .date()
  .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'expected a date between 2000 and 2100');

export const calendarDayKind = z.enum(['libur_nasional', 'cuti_bersama', 'libur_daerah']);
export type CalendarDayKind = z.infer<typeof calendarDayKind>;

/** The decree that sets, moves or removes a day. */
export const decreeText = z.string().trim().min(3).max(200);
const dayName = z.string().trim().min(3).max(200);
const preview = z.boolean().optional();

export const calendarDayAddRequest = z.object({
  date: calendarDate,
  kind: calendarDayKind,
  name: dayName,
  legalBasis: decreeText,
  reason: reasonText.optional(),
  preview,
});

export const calendarDayRemoveRequest = z.object({
  date: calendarDate,
  kind: calendarDayKind,
  legalBasis: decreeText,
  reason: reasonText,
  preview,
});

export const calendarDayMoveRequest = z.object({
  date: calendarDate,
  kind: calendarDayKind,
  to: calendarDate,
  name: dayName.optional(),
  legalBasis: decreeText,
  reason: reasonText,
  preview,
});

/** A decree's list for one year: every date must fall in that year, each (date, kind) once. */
export const calendarYearLoadRequest = z
  .object({
    year: z.number().int().min(2000).max(2100),
    legalBasis: decreeText,
    days: z
      .array(z.object({ date: calendarDate, kind: calendarDayKind, name: dayName }))
      .min(1)
      .max(100),
    preview,
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.days.forEach((d, i) => {
      if (!d.date.startsWith(`${v.year}-`))
        ctx.addIssue({ code: 'custom', path: ['days', i, 'date'], message: `expected a date in ${v.year}` });
      const key = `${d.date}:${d.kind}`;
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: ['days', i, 'date'], message: 'this date and kind are listed twice' });
      seen.add(key);
    });
  });

/** One row of a year as the console lists it (removed days included, with the reason). */
export interface CalendarDayView {
  date: string;
  kind: CalendarDayKind;
  name: string;
  legalBasis: string;
  source: 'pack' | 'admin';
  active: boolean;
  reason: string | null;
  updatedAt: string;
}

export interface CalendarYearView {
  year: number;
  loaded: { legalBasis: string; source: 'pack' | 'admin'; loadedAt: string } | null;
  days: CalendarDayView[];
  /** Whether the caller may edit (admins only). */
  canEdit: boolean;
  loadedYears: number[];
}

/** The answer to an edit, or to its preview. */
export interface CalendarEditResult {
  preview: boolean;
  /** Open complaints whose step deadline or completion target moves (or would). */
  deadlinesMoving: number;
  changed: boolean;
}
