import type { ComplaintEvent, ComplaintStatus } from '@pantau/contracts';
import type { ComplaintState } from './complaint-state.ts';
import { DEFAULT_LAPOR_LABELS, mapLaporLabel, type LaporLabelMap } from './lapor-labels.ts';
import { transitionOf } from './transitions.ts';

/** The outcome of applying an event: the new state, or why it was refused (`field` is a dotted path). */
export type ApplyResult =
  { ok: true; state: ComplaintState } | { ok: false; error: { field: string; message: string } };

type SubmittedEvent = Extract<ComplaintEvent, { type: 'submitted' }>;

const refuse = (field: string, message: string): ApplyResult => ({ ok: false, error: { field, message } });

function created(event: SubmittedEvent, at: Date): ComplaintState {
  return {
    status: 'belum_diverifikasi',
    resumeTo: null,
    trackingId: event.trackingId,
    channel: event.channel,
    classification: event.classification,
    title: event.title,
    topic: event.topic ?? null,
    regencyCode: event.regencyCode ?? null,
    opdId: event.opdId ?? null,
    isAnonim: event.isAnonim,
    isRahasia: event.isRahasia,
    submittedAt: at,
    verifiedAt: null,
    dispatchedAt: null,
    firstFollowUpAt: null,
    lastFollowUpAt: null,
    reporterRepliedAt: null,
    closedAt: null,
    deletedAt: null,
    pauses: [],
    version: 1,
  };
}

/**
 * The stamps of moving from `prev.status` to `to`, whichever event moved it — so a LAPOR label has the
 * same effect as the officer's event it stands for ("Proses" stamps a follow-up like
 * `follow_up_posted`). Returning from a pause to where the case stood is not a new step.
 */
function enterStatus(next: ComplaintState, prev: ComplaintState, to: ComplaintStatus, at: Date): void {
  const from = prev.status;
  if (from === 'ditunda' && to !== 'ditunda') {
    for (const p of next.pauses) if (p.end === null) p.end = at;
    next.resumeTo = null;
  }
  if (to === 'ditunda' && from !== 'ditunda') {
    next.resumeTo = from;
    next.pauses.push({ start: at, end: null });
  }
  const before = from === 'ditunda' ? prev.resumeTo : from;
  if (to === before || to === 'ditunda') return;
  switch (to) {
    case 'terverifikasi_didisposisi':
      if (before === 'ditindaklanjuti') {
        // Back from the reporter's turn: the wait since the OPD's last answer is not the OPD's time.
        next.reporterRepliedAt = at;
        if (prev.lastFollowUpAt) next.pauses.push({ start: prev.lastFollowUpAt, end: at });
      } else {
        next.verifiedAt ??= at;
        next.dispatchedAt = at;
      }
      break;
    case 'ditindaklanjuti':
      next.firstFollowUpAt ??= at;
      next.lastFollowUpAt = at;
      break;
    case 'selesai':
    case 'diarsipkan':
      next.closedAt ??= at;
      break;
    case 'dihapus':
      next.deletedAt ??= at;
      break;
    default:
      break;
  }
}

/**
 * Applies one event to a complaint, or creates the complaint from a `submitted` event (state null).
 * Pure and total: never throws, never mutates `state`. A refusal names the field at fault —
 * `event.type` when the transition table forbids the event in the current status (message
 * `cannot <type> a complaint that is <status>`), `event.label` for an unknown LAPOR label,
 * `event.opdId` for a reassignment to the OPD that already has the case.
 * Each accepted event adds 1 to `version`.
 * @example
 * const r = applyEvent(null, submitted); // { ok: true, state: { status: 'belum_diverifikasi', version: 1, … } }
 */
export function applyEvent(
  state: ComplaintState | null,
  event: ComplaintEvent,
  labels: LaporLabelMap = DEFAULT_LAPOR_LABELS,
): ApplyResult {
  const at = new Date(event.occurredAt);
  if (event.type === 'submitted') {
    if (state) return refuse('event.type', 'this complaint was already submitted');
    return { ok: true, state: created(event, at) };
  }
  if (!state) return refuse('event.type', `cannot ${event.type} a complaint that was never submitted`);
  const target = transitionOf(state.status, event.type);
  if (!target) return refuse('event.type', `cannot ${event.type} a complaint that is ${state.status}`);

  let to: ComplaintStatus;
  if (target === 'same') to = state.status;
  else if (target === 'resume') to = state.resumeTo ?? 'belum_diverifikasi';
  else if (target === 'label') {
    if (event.type !== 'status_label') return refuse('event.type', `${event.type} cannot carry a LAPOR label`);
    const mapped = mapLaporLabel(event.label, labels);
    if (!mapped) return refuse('event.label', `unknown LAPOR status label "${event.label}"`);
    to = mapped;
  } else to = target;

  if (event.type === 'reassigned') {
    if (state.opdId === null)
      return refuse('event.type', 'cannot reassigned a complaint that has no OPD yet: verify it to one');
    if (state.opdId === event.opdId) return refuse('event.opdId', `the complaint is already with ${event.opdId}`);
  }

  const next: ComplaintState = { ...state, pauses: state.pauses.map((p) => ({ ...p })), version: state.version + 1 };
  enterStatus(next, state, to, at);
  switch (event.type) {
    case 'verified':
      next.opdId = event.opdId;
      break;
    case 'follow_up_posted':
      next.lastFollowUpAt = at;
      break;
    case 'reassigned':
      next.opdId = event.opdId;
      if (state.dispatchedAt) next.dispatchedAt = at; // the new OPD gets its own follow-up clock
      break;
    default:
      break;
  }
  next.status = to;
  return { ok: true, state: next };
}

/**
 * Folds a complaint's events, in the order given (the order they were accepted, not re-sorted by
 * `occurredAt`), into its state. Stops at the first refused event and returns its error; an empty
 * list is refused with field `events`. Folding a list equals applying its events one by one.
 */
export function foldEvents(events: readonly ComplaintEvent[], labels?: LaporLabelMap): ApplyResult {
  let state: ComplaintState | null = null;
  for (const event of events) {
    const r = applyEvent(state, event, labels);
    if (!r.ok) return r;
    state = r.state;
  }
  if (!state) return refuse('events', 'no events');
  return { ok: true, state };
}
