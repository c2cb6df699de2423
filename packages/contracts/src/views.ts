/**
 * Rows the console and dashboard read from the HTTP API. The queries in `@pantau/db` produce exactly
 * these shapes; the web imports them from here, never from the database package.
 */

export type WorklistKind = 'complaint' | 'ppid_request' | 'social_comment';

/** One row of `GET /api/worklist`. */
export interface WorklistRow {
  kind: WorklistKind;
  id: string;
  trackingId: string;
  opdId: string | null;
  regencyCode: string | null;
  channel: string;
  topic: string | null;
  status: string;
  startedAt: string;
  deadlineAt: string | null;
  deadlineState: string;
  deadlineStep: string | null;
  escalationLevel: number;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  version: number;
  /** The person who owns the item, if anyone does. */
  assigneeId: string | null;
  assigneeName: string | null;
}

/** A worklist row as `GET /api/worklist` sends it: the row plus its age and time left in working days (hari kerja). */
export type WorklistItem = WorklistRow & { ageHK: number; leftHK: number | null; overdueHK: number | null };

/**
 * One item of the live `worklist` topic: an open complaint or PPID request that is overdue or at risk.
 * It carries no free text and no reporter; the console pages the full rows (`WorklistItem`) from the API.
 */
export interface WorklistTopicItem {
  kind: 'complaint' | 'ppid_request';
  id: string;
  trackingId: string | null;
  opdId: string | null;
  regencyCode: string | null;
  channel: string;
  topic: string | null;
  status: string;
  deadlineStep: string | null;
  deadlineAt: string | null;
  deadlineState: string;
  escalationLevel: number;
}

/** One entry of `GET /api/audit`. */
export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  /** The person's display name when the actor is a user. */
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string;
  /** The complaint's tracking id or the request's registration number, when the entry is about one. */
  itemRef: string | null;
  opdId: string | null;
  details: Record<string, unknown>;
}

/** One row of `GET /api/complaints` (never the reporter or the body). */
export interface ComplaintListRow {
  id: string;
  trackingId: string;
  title: string;
  status: string;
  opdId: string | null;
  regencyCode: string | null;
  channel: string;
  classification: string;
  topic: string | null;
  isAnonim: boolean;
  isRahasia: boolean;
  submittedAt: string;
  deadlineStep: string | null;
  deadlineAt: string | null;
  deadlineState: string;
  escalationLevel: number;
  /** The overall completion target (62/2018 tier), null once closed. */
  completionDueAt: string | null;
  version: number;
}
