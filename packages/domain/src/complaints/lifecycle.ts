import type {
  ComplaintChannel,
  ComplaintClassification,
  ComplaintEvent,
  ComplaintEventType,
  ComplaintStatus,
} from '@pantau/contracts';
import type { Pause } from '../calendar/deadline.ts';

/** The current state of a complaint, derived from its events (and rebuildable from them). */
export interface ComplaintState {
  status: ComplaintStatus;
  /** The status a postponed complaint returns to when resumed. */
  resumeTo: ComplaintStatus | null;
  trackingId: string;
  channel: ComplaintChannel;
  classification: ComplaintClassification;
  title: string;
  topic: string | null;
  regencyCode: string | null;
  opdId: string | null;
  isAnonim: boolean;
  isRahasia: boolean;
  submittedAt: Date;
  verifiedAt: Date | null;
  dispatchedAt: Date | null;
  firstFollowUpAt: Date | null;
  lastFollowUpAt: Date | null;
  reporterRepliedAt: Date | null;
  closedAt: Date | null;
  deletedAt: Date | null;
  pauses: Pause[];
  /** Events applied so far: the optimistic-concurrency version. */
  version: number;
}

export type ApplyResult =
  { ok: true; state: ComplaintState } | { ok: false; error: { field: string; message: string } };

type Target = ComplaintStatus | 'same' | 'resume' | 'label';

/**
 * What each event does in each status. Typed by status, so a new status without its row fails to
 * compile; an event missing from a row is refused. `same` keeps the status, `resume` returns to the
 * status before the pause, `label` maps a LAPOR label through the configurable map.
 */
const TRANSITIONS: Record<ComplaintStatus, Partial<Record<ComplaintEventType, Target>>> = {
  belum_diverifikasi: {
    verified: 'terverifikasi_didisposisi',
    postponed: 'ditunda',
    rejected_not_authority: 'bukan_wewenang',
    archived: 'diarsipkan',
    deleted: 'dihapus',
    reassigned: 'same',
    status_label: 'label',
  },
  terverifikasi_didisposisi: {
    follow_up_posted: 'ditindaklanjuti',
    postponed: 'ditunda',
    reassigned: 'same',
    rejected_not_authority: 'bukan_wewenang',
    archived: 'diarsipkan',
    deleted: 'dihapus',
    status_label: 'label',
  },
  ditindaklanjuti: {
    follow_up_posted: 'same',
    // A reporter's reply reopens the OPD's follow-up clock.
    reporter_replied: 'terverifikasi_didisposisi',
    completed: 'selesai',
    reassigned: 'same',
    archived: 'diarsipkan',
    deleted: 'dihapus',
    status_label: 'label',
  },
  ditunda: { resumed: 'resume', reassigned: 'same', archived: 'diarsipkan', deleted: 'dihapus', status_label: 'label' },
  bukan_wewenang: {
    verified: 'terverifikasi_didisposisi',
    archived: 'diarsipkan',
    deleted: 'dihapus',
    status_label: 'label',
  },
  selesai: {},
  diarsipkan: {},
  dihapus: {},
};

export const TERMINAL_STATUSES: readonly ComplaintStatus[] = ['selesai', 'diarsipkan', 'dihapus'];
export const OPEN_STATUSES: readonly ComplaintStatus[] = [
  'belum_diverifikasi',
  'terverifikasi_didisposisi',
  'ditindaklanjuti',
  'ditunda',
  'bukan_wewenang',
];

/** LAPOR's own status labels → Pantau's statuses. The v4 labels are UNCONFIRMED: configurable. */
export type LaporLabelMap = Record<string, ComplaintStatus>;
export const DEFAULT_LAPOR_LABELS: LaporLabelMap = {
  'belum terverifikasi': 'belum_diverifikasi',
  'belum diverifikasi': 'belum_diverifikasi',
  'belum ditindaklanjuti': 'terverifikasi_didisposisi',
  'telah diverifikasi dan didisposisi': 'terverifikasi_didisposisi',
  proses: 'ditindaklanjuti',
  'dalam proses': 'ditindaklanjuti',
  ditindaklanjuti: 'ditindaklanjuti',
  selesai: 'selesai',
  diselesaikan: 'selesai',
  ditunda: 'ditunda',
  dipending: 'ditunda',
  'bukan wewenang': 'bukan_wewenang',
  diarsipkan: 'diarsipkan',
  dihapus: 'dihapus',
};

const normalizeLabel = (label: string) => label.trim().toLowerCase().replace(/\s+/g, ' ');

function refuse(type: string, status: string): ApplyResult {
  return { ok: false, error: { field: 'event.type', message: `cannot ${type} a complaint that is ${status}` } };
}

/** Applies one event to a complaint (or creates it with `submitted`). Pure; never throws. */
export function applyEvent(
  state: ComplaintState | null,
  event: ComplaintEvent,
  labels: LaporLabelMap = DEFAULT_LAPOR_LABELS,
): ApplyResult {
  const at = new Date(event.occurredAt);
  if (event.type === 'submitted') {
    if (state) return { ok: false, error: { field: 'event.type', message: 'this complaint was already submitted' } };
    return {
      ok: true,
      state: {
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
      },
    };
  }
  if (!state)
    return {
      ok: false,
      error: { field: 'event.type', message: `cannot ${event.type} a complaint that was never submitted` },
    };
  const target = TRANSITIONS[state.status][event.type];
  if (!target) return refuse(event.type, state.status);
  const next: ComplaintState = { ...state, pauses: state.pauses.map((p) => ({ ...p })), version: state.version + 1 };
  let status: ComplaintStatus = state.status;
  if (target === 'resume') status = state.resumeTo ?? 'belum_diverifikasi';
  else if (target === 'label') {
    if (event.type !== 'status_label') return refuse(event.type, state.status);
    const mapped = labels[normalizeLabel(event.label)];
    if (!mapped)
      return { ok: false, error: { field: 'event.label', message: `unknown LAPOR status label "${event.label}"` } };
    status = mapped;
  } else if (target !== 'same') status = target;

  switch (event.type) {
    case 'verified':
      next.opdId = event.opdId;
      next.verifiedAt ??= at;
      next.dispatchedAt = at;
      break;
    case 'follow_up_posted':
      next.firstFollowUpAt ??= at;
      next.lastFollowUpAt = at;
      break;
    case 'reporter_replied':
      next.reporterRepliedAt = at;
      break;
    case 'reassigned':
      next.opdId = event.opdId;
      if (state.dispatchedAt) next.dispatchedAt = at; // the new OPD gets its own follow-up clock
      break;
    case 'postponed':
      next.resumeTo = state.status;
      next.pauses.push({ start: at, end: null });
      break;
    case 'resumed': {
      const open = next.pauses.find((p) => p.end === null);
      if (open) open.end = at;
      next.resumeTo = null;
      break;
    }
    default:
      break;
  }
  if (status === 'selesai' || status === 'diarsipkan') next.closedAt ??= at;
  if (status === 'dihapus') next.deletedAt ??= at;
  if (status !== 'ditunda' && state.status === 'ditunda' && event.type !== 'resumed') {
    const open = next.pauses.find((p) => p.end === null);
    if (open) open.end = at;
  }
  next.status = status;
  return { ok: true, state: next };
}

/** Folds a complaint's events (in order) into its state; stops at the first refused event. */
export function foldEvents(events: readonly ComplaintEvent[], labels?: LaporLabelMap): ApplyResult {
  let state: ComplaintState | null = null;
  for (const event of events) {
    const r = applyEvent(state, event, labels);
    if (!r.ok) return r;
    state = r.state;
  }
  if (!state) return { ok: false, error: { field: 'events', message: 'no events' } };
  return { ok: true, state };
}
