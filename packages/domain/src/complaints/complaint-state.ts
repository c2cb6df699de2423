import type { ComplaintChannel, ComplaintClassification, ComplaintStatus } from '@pantau/contracts';
import type { Pause } from '../calendar/deadline.ts';

/**
 * The current state of a complaint: the fold of its events (`foldEvents`), so it can always be rebuilt
 * from the event log — after a calendar edit, a rule change or a bug fix.
 *
 * Timestamps (DOMAIN.md names in brackets): `submittedAt`; `verifiedAt` (first verification);
 * `dispatchedAt` (latest hand-over to the current OPD: verification, re-route or reassignment);
 * `firstFollowUpAt` [firstResponseAt]; `lastFollowUpAt` [followUpAt]; `reporterRepliedAt` (latest
 * reply); `closedAt` (selesai or diarsipkan); `deletedAt`.
 *
 * The database stores this object as jsonb and revives its Dates field by field, so adding a Date
 * field here needs the reviver in `packages/db` to learn it too.
 */
export interface ComplaintState {
  status: ComplaintStatus;
  /** While `ditunda`: the status it returns to on `resumed`; null otherwise. */
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
  /**
   * Stretches when the case waited on someone else, for the deadline clocks to skip: each `ditunda`
   * (open, `end: null`, while it lasts) and each wait for the reporter, recorded when the reporter
   * replies, from the OPD's last follow-up to the reply.
   */
  pauses: Pause[];
  /** Events applied so far: the optimistic-concurrency version. */
  version: number;
}

/** Statuses no event leaves. */
export const TERMINAL_STATUSES: readonly ComplaintStatus[] = ['selesai', 'diarsipkan', 'dihapus'];

/** Statuses that still count as open work (bukan_wewenang waits to be re-routed or archived). */
export const OPEN_STATUSES: readonly ComplaintStatus[] = [
  'belum_diverifikasi',
  'terverifikasi_didisposisi',
  'ditindaklanjuti',
  'ditunda',
  'bukan_wewenang',
];

/** True for selesai, diarsipkan and dihapus. */
export const isTerminalStatus = (status: ComplaintStatus): boolean => TERMINAL_STATUSES.includes(status);

/**
 * Bahasa Indonesia display labels of the statuses, for docs, CSV exports and fallbacks; screens take
 * their text from the message catalog.
 */
export const COMPLAINT_STATUS_LABELS_ID: Record<ComplaintStatus, string> = {
  belum_diverifikasi: 'Belum diverifikasi',
  terverifikasi_didisposisi: 'Terverifikasi, didisposisi',
  ditindaklanjuti: 'Ditindaklanjuti',
  selesai: 'Selesai',
  ditunda: 'Ditunda',
  bukan_wewenang: 'Bukan wewenang',
  diarsipkan: 'Diarsipkan',
  dihapus: 'Dihapus',
};
