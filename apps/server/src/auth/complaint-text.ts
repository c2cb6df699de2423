import type { ComplaintTimelineEntry as CaseTimelineEntry } from '@pantau/db';
import { canSeeComplaintText, type ComplaintRef } from '@pantau/domain/permissions';
import type { Principal } from './principal.ts';

/** What a withheld title reads as (Bahasa Indonesia: the console shows it as is). */
export const WITHHELD_TITLE = 'Laporan rahasia';

/**
 * Timeline detail keys that carry no free text (ids, levels, categories): kept when a complaint's text is
 * withheld. Everything else — titles, bodies, replies, follow-ups, notes, reasons, responders — goes.
 * An allow-list, so a new free-text field is withheld until someone decides otherwise.
 */
const STRUCTURED_KEYS = new Set([
  'level',
  'opdId',
  'regencyCode',
  'channel',
  'classification',
  'topic',
  'tier',
  'trackingId',
  'isRahasia',
  'isAnonim',
  'status',
]);

/** A complaint row as this principal may see it: the title withheld unless {@link canSeeComplaintText}. */
export function complaintRowFor<T extends ComplaintRef & { title: string }>(
  p: Principal,
  row: T,
): T & { textWithheld: boolean } {
  return canSeeComplaintText(p, row)
    ? { ...row, textWithheld: false }
    : { ...row, title: WITHHELD_TITLE, textWithheld: true };
}

/** A complaint's timeline as this principal may see it: free-text details dropped unless allowed. */
export function complaintTimelineFor(
  p: Principal,
  ref: ComplaintRef,
  timeline: CaseTimelineEntry[],
): CaseTimelineEntry[] {
  if (canSeeComplaintText(p, ref)) return timeline;
  return timeline.map((e) => ({
    ...e,
    details: Object.fromEntries(Object.entries(e.details).filter(([k]) => STRUCTURED_KEYS.has(k))),
  }));
}
