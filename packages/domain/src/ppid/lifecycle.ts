import type {
  Pasal17Ground,
  Pasal35Ground,
  PpidChannel,
  PpidDecision,
  PpidEvent,
  PpidEventType,
  PpidFormat,
  PpidRequesterType,
  PpidStatus,
} from '@pantau/contracts';

/** The current state of a PPID request, folded from its events (and rebuildable from them). */
export interface PpidState {
  status: PpidStatus;
  regNo: string;
  ppidLevel: 'utama' | 'pembantu';
  opdId: string | null;
  channel: PpidChannel;
  requesterType: PpidRequesterType;
  subject: string;
  format: PpidFormat;
  receivedAt: Date;
  extendedAt: Date | null;
  extensionReason: string | null;
  decidedAt: Date | null;
  decision: PpidDecision | null;
  exclusionGround: Pasal17Ground | null;
  deliveredAt: Date | null;
  objectionGround: Pasal35Ground | null;
  objectionFiledAt: Date | null;
  objectionAnsweredAt: Date | null;
  objectionOutcome: 'accepted' | 'rejected' | null;
  disputeFiledAt: Date | null;
  kiRegNo: string | null;
  disputeStage: 'mediasi' | 'ajudikasi' | null;
  disputeOutcome: string | null;
  disputeDecidedAt: Date | null;
  /** Events applied so far. */
  version: number;
}

export type PpidApplyResult = { ok: true; state: PpidState } | { ok: false; error: { field: string; message: string } };

type Target = PpidStatus | 'same';

/**
 * What each event does in each status. Typed by status, so a new status without its row fails to
 * compile; an event missing from a row is refused.
 *
 * - A keberatan may be filed at any point after the request was received: Pasal 35 grounds include a
 *   request not answered (c) or answered late (g), so it does not wait for a decision.
 * - There is one extension only (UU 14/2008 Pasal 22(8)): `extended` appears in `diterima` alone.
 * - A dispute goes to the Komisi Informasi after the atasan answered — or failed to answer in 30 HK,
 *   so `dispute_filed` is allowed from `keberatan` too.
 */
export const PPID_TRANSITIONS: Record<PpidStatus, Partial<Record<PpidEventType, Target>>> = {
  diterima: { extended: 'diperpanjang', decided: 'diputuskan', objection_filed: 'keberatan' },
  diperpanjang: { decided: 'diputuskan', objection_filed: 'keberatan' },
  diputuskan: { delivered: 'selesai', objection_filed: 'keberatan' },
  selesai: { objection_filed: 'keberatan' },
  keberatan: {
    objection_answered: 'keberatan_dijawab',
    dispute_filed: 'sengketa',
    // The PPID may still decide or deliver while the objection runs (e.g. after a ground-c objection).
    decided: 'same',
    delivered: 'same',
  },
  keberatan_dijawab: { dispute_filed: 'sengketa', decided: 'same', delivered: 'same' },
  sengketa: { dispute_stage: 'same', dispute_decided: 'sengketa_selesai', decided: 'same', delivered: 'same' },
  sengketa_selesai: { delivered: 'same' },
};

/** Statuses in which the PPID, the atasan or the requester still has a clock running. */
export const PPID_OPEN_STATUSES: readonly PpidStatus[] = ['diterima', 'diperpanjang', 'keberatan', 'sengketa'];

function refuse(type: string, status: string, field = 'event.type'): PpidApplyResult {
  return { ok: false, error: { field, message: `cannot ${type} a PPID request that is ${status}` } };
}

/** Applies one event to a request (or creates it with `received`). Pure; never throws. */
export function applyPpidEvent(state: PpidState | null, event: PpidEvent): PpidApplyResult {
  const at = new Date(event.occurredAt);
  if (event.type === 'received') {
    if (state) return { ok: false, error: { field: 'event.type', message: 'this request was already received' } };
    return {
      ok: true,
      state: {
        status: 'diterima',
        regNo: event.regNo,
        ppidLevel: event.ppidLevel,
        opdId: event.opdId ?? null,
        channel: event.channel,
        requesterType: event.requesterType,
        subject: event.subject,
        format: event.format,
        receivedAt: at,
        extendedAt: null,
        extensionReason: null,
        decidedAt: null,
        decision: null,
        exclusionGround: null,
        deliveredAt: null,
        objectionGround: null,
        objectionFiledAt: null,
        objectionAnsweredAt: null,
        objectionOutcome: null,
        disputeFiledAt: null,
        kiRegNo: null,
        disputeStage: null,
        disputeOutcome: null,
        disputeDecidedAt: null,
        version: 1,
      },
    };
  }
  if (!state) return refuse(event.type, 'not received yet');
  if (at.getTime() < state.receivedAt.getTime())
    return { ok: false, error: { field: 'event.occurredAt', message: 'is before the request was received' } };
  const target = PPID_TRANSITIONS[state.status][event.type];
  if (!target) return refuse(event.type, state.status);
  const next: PpidState = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'extended':
      next.extendedAt = at;
      next.extensionReason = event.reason;
      break;
    case 'decided':
      // A second decision (after a keberatan was accepted) replaces the first; the first decision's
      // date stays the one that counts for "time to decide".
      next.decidedAt ??= at;
      next.decision = event.decision;
      next.exclusionGround = event.exclusionGround ?? null;
      break;
    case 'delivered':
      if (state.decision !== 'dipenuhi' && state.decision !== 'dipenuhi_sebagian')
        return refuse('deliver', `decided ${state.decision ?? 'not yet'}`);
      next.deliveredAt ??= at;
      break;
    case 'objection_filed':
      if (state.objectionFiledAt) return refuse('file a second objection on', state.status);
      next.objectionGround = event.ground;
      next.objectionFiledAt = at;
      break;
    case 'objection_answered':
      next.objectionAnsweredAt = at;
      next.objectionOutcome = event.outcome;
      break;
    case 'dispute_filed':
      next.disputeFiledAt = at;
      next.kiRegNo = event.kiRegNo;
      next.disputeStage = 'mediasi';
      break;
    case 'dispute_stage':
      next.disputeStage = event.stage;
      break;
    case 'dispute_decided':
      next.disputeOutcome = event.outcome;
      next.disputeDecidedAt = at;
      break;
  }
  if (target !== 'same') next.status = target;
  return { ok: true, state: next };
}

/** Folds a request's events (in order) into its state; stops at the first refused event. */
export function foldPpidEvents(events: readonly PpidEvent[]): PpidApplyResult {
  let state: PpidState | null = null;
  for (const event of events) {
    const r = applyPpidEvent(state, event);
    if (!r.ok) return r;
    state = r.state;
  }
  if (!state) return { ok: false, error: { field: 'events', message: 'no events' } };
  return { ok: true, state };
}

/** Turns a state read back from JSON into one with real Dates. */
export function revivePpidState(s: PpidState): PpidState {
  const d = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  return {
    ...s,
    receivedAt: new Date(s.receivedAt),
    extendedAt: d(s.extendedAt),
    decidedAt: d(s.decidedAt),
    deliveredAt: d(s.deliveredAt),
    objectionFiledAt: d(s.objectionFiledAt),
    objectionAnsweredAt: d(s.objectionAnsweredAt),
    disputeFiledAt: d(s.disputeFiledAt),
    disputeDecidedAt: d(s.disputeDecidedAt),
  };
}
