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

/** One entry of a case's history: an ingested event, an escalation, an acknowledgement or a note. */
export interface CaseTimelineEntry {
  at: string;
  kind: 'event' | 'escalation' | 'acknowledgement' | 'note';
  type: string;
  actor: string;
  details: Record<string, unknown>;
}

/** A text in both of the UI's languages, chosen by the screen. */
export interface BilingualLabel {
  id: string;
  en: string;
}

/**
 * `GET /api/complaints/:id` and `GET /api/ppid/requests/:id`: one case as the console's drawer shows it.
 * `revision` counts the timeline's entries (every action adds one): with `version`, the optimistic
 * concurrency token an action sends back.
 */
export interface CaseDetail {
  id: string;
  /** Complaints have a tracking id and a title; PPID requests a registration number instead. */
  trackingId?: string;
  title?: string | null;
  regNo?: string;
  status: string;
  opdId: string | null;
  version: number;
  revision: number;
  escalationLevel: number;
  deadlineState: string;
  timeline: CaseTimelineEntry[];
  /** Complaints only, and only the parts the caller may see. */
  personal?: {
    body: string | null;
    reporter: { name: string | null; contact: string | null } | null;
  } | null;
  /** Complaints: the running deadline and what is left of it in working days. */
  deadline?: { at: string; overdue: boolean; workingDays: number; label: BilingualLabel } | null;
  /** Who the ladder reaches next, and after how many working days overdue. */
  nextLevel?: { level: number; role: string; afterOverdueHK: number; label: BilingualLabel } | null;
}

/** A console account as `GET /api/users` lists it (never a password hash). */
export interface ConsoleUser {
  id: string;
  username: string;
  displayName: string;
  role: 'admin' | 'duty_officer' | 'opd_admin' | 'viewer';
  opdId: string | null;
  mustChangePassword: boolean;
  disabledAt: string | null;
  createdAt: string;
}

/** One open item a person owns, in the shift handover (`GET /api/worklist/handover`). */
export interface HandoverItem {
  kind: WorklistKind;
  id: string;
  trackingId: string;
  opdId: string | null;
  deadlineAt: string | null;
  deadlineState: string;
  assignedAt: string;
}

/** What one person owns that is still open, most urgent first. */
export interface HandoverGroup {
  assigneeId: string;
  assigneeName: string;
  total: number;
  overdue: number;
  atRisk: number;
  items: HandoverItem[];
}

/** A wall screen's device as `GET /api/devices` lists it (no token: only its hash is stored). */
export interface WallDevice {
  id: string;
  name: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

/** A level of the escalation ladder as forms offer it (`GET /api/notifications/…` carries the ladder). */
export interface LadderLevelView {
  level: number;
  role: string;
  label: BilingualLabel;
}

/** A wall screen an officer can send a view to (`GET /api/wall/screens`). */
export interface WallScreenChoice {
  id: string;
  name: string;
  lastSeenAt: string | null;
}
