import type { ComplaintEvent } from '@pantau/contracts';
import type { ComplaintState } from './complaint-state.ts';
import { foldEvents } from './lifecycle.ts';

// Test helpers: events at WITA (+08:00) wall-clock times, and a state folded from a submission.
let n = 0;

/** An event of `type` at a WITA wall-clock time (`2025-03-04T10:00:00`), with its payload. */
export const ev = (type: string, at: string, fields: Record<string, unknown> = {}): ComplaintEvent =>
  ({ type, eventId: `e${++n}`, occurredAt: `${at}+08:00`, ...fields }) as ComplaintEvent;

/** A rahasia pengaduan by SMS, Monday 3 Mar 2025 09:00 WITA, with no OPD chosen. */
export const submitted = ev('submitted', '2025-03-03T09:00:00', {
  trackingId: '2300001',
  channel: 'sms1708',
  classification: 'pengaduan',
  title: 'Jalan rusak',
  body: 'Jalan berlubang',
  regencyCode: '63.71',
  isAnonim: false,
  isRahasia: true,
});

/** The same submission with the target OPD already picked by the reporter. */
export const submittedToPupr = { ...submitted, eventId: 'e-pupr', opdId: 'kalsel.pupr' } as ComplaintEvent;

/** Folds `first` then `events`, throwing on a refusal (for arranging a state). */
export function stateAfter(first: ComplaintEvent, ...events: ComplaintEvent[]): ComplaintState {
  const r = foldEvents([first, ...events]);
  if (!r.ok) throw new Error(r.error.message);
  return r.state;
}

/** The state after `submitted` and `events`. */
export const state = (...events: ComplaintEvent[]): ComplaintState => stateAfter(submitted, ...events);

export const verifiedPupr = () => ev('verified', '2025-03-04T10:00:00', { opdId: 'kalsel.pupr' });
export const followUp = (at = '2025-03-06T10:00:00') => ev('follow_up_posted', at);
export const reason = { reason: 'Menunggu data pelapor' };
