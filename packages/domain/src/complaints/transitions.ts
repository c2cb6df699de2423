import type { ComplaintEventType, ComplaintStatus } from '@pantau/contracts';

/**
 * Where an event leads: a status; `same` keeps the status; `resume` returns to the status before the
 * pause; `label` maps a LAPOR label through the configurable map (any status, as LAPOR is the
 * authority for the complaints it mirrors).
 */
export type TransitionTarget = ComplaintStatus | 'same' | 'resume' | 'label';

/** Events that act on an existing complaint (`submitted` only creates one). */
export type ComplaintActionType = Exclude<ComplaintEventType, 'submitted'>;

type TransitionRow = Partial<Record<ComplaintActionType, TransitionTarget>>;

/**
 * The complaint state machine: for each status, the events it accepts and where they lead; an event
 * missing from a row is refused. Keyed by status, so a new status without its row fails to compile,
 * and checked below so a new event type that no row accepts fails to compile too.
 */
export const COMPLAINT_TRANSITIONS = {
  belum_diverifikasi: {
    verified: 'terverifikasi_didisposisi',
    postponed: 'ditunda',
    rejected_not_authority: 'bukan_wewenang',
    archived: 'diarsipkan',
    deleted: 'dihapus',
    // Only when the reporter already picked an OPD; otherwise `verified` assigns one.
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
    // A further answer restarts the reporter's auto-close window.
    follow_up_posted: 'same',
    // A reply reopens the conversation: the OPD owes a new follow-up, on a fresh 5 HK clock.
    reporter_replied: 'terverifikasi_didisposisi',
    completed: 'selesai',
    reassigned: 'same',
    rejected_not_authority: 'bukan_wewenang',
    archived: 'diarsipkan',
    deleted: 'dihapus',
    status_label: 'label',
  },
  ditunda: {
    resumed: 'resume',
    reassigned: 'same',
    rejected_not_authority: 'bukan_wewenang',
    archived: 'diarsipkan',
    deleted: 'dihapus',
    status_label: 'label',
  },
  bukan_wewenang: {
    // Re-routed to the competent OPD ("no wrong door").
    verified: 'terverifikasi_didisposisi',
    archived: 'diarsipkan',
    deleted: 'dihapus',
    status_label: 'label',
  },
  selesai: {},
  diarsipkan: {},
  dihapus: {},
} as const satisfies Record<ComplaintStatus, TransitionRow>;

type Accepted = { [S in ComplaintStatus]: keyof (typeof COMPLAINT_TRANSITIONS)[S] }[ComplaintStatus];
/** Compile-time check: every action type is accepted in at least one status. */
const everyEventHasARow: [Exclude<ComplaintActionType, Accepted>] extends [never] ? true : never = true;
void everyEventHasARow;

/** Where `type` leads from `status`, or undefined when the table refuses it. */
export function transitionOf(status: ComplaintStatus, type: ComplaintActionType): TransitionTarget | undefined {
  const row: TransitionRow = COMPLAINT_TRANSITIONS[status];
  return row[type];
}
