import { opdTopic } from '@pantau/contracts/live';

/**
 * Who is asking, as the predicates see it: a role and, for an OPD admin, its OPD. The server's signed-in
 * principal and the console's session user both are one.
 */
export interface Principal {
  role: 'admin' | 'duty_officer' | 'opd_admin' | 'viewer';
  opdId: string | null;
}

/**
 * Every permission check in Pantau, as named predicates over (who, what). Routes call these and nothing
 * else; the unit tests walk the whole role × action × OPD matrix.
 */
export interface ComplaintRef {
  opdId: string | null;
  isRahasia: boolean;
}

export type ComplaintAction = 'acknowledge' | 'escalate' | 'note' | 'reassign' | 'change_status';

/** Everyone signed in reads complaints, except an OPD admin, who reads its own OPD's only. */
export function canReadComplaint(p: Principal, c: ComplaintRef): boolean {
  return p.role !== 'opd_admin' || (c.opdId !== null && c.opdId === p.opdId);
}

/** A complaint as the personal-data predicates see it. */
export interface PersonalDataRef extends ComplaintRef {
  isAnonim: boolean;
}

/**
 * Personal data in general (a rahasia report's text): admins and duty officers, who run the complaint
 * desk, and an OPD admin for its own OPD's complaints. Never a viewer.
 */
export function canSeePersonalData(p: Principal, c: ComplaintRef): boolean {
  if (p.role === 'admin' || p.role === 'duty_officer') return true;
  return p.role === 'opd_admin' && c.opdId !== null && c.opdId === p.opdId;
}

/**
 * The one predicate for a complaint's free text — its title, its body and every text of its timeline
 * (reporter replies, follow-ups, notes, reasons): anyone who may read the complaint when it is not
 * rahasia (LAPOR publishes it), otherwise only those who may see personal data. Lists, details,
 * timelines, search and exports all ask this; live topics carry no free text at all.
 */
export function canSeeComplaintText(p: Principal, c: ComplaintRef): boolean {
  return canReadComplaint(p, c) && (!c.isRahasia || canSeePersonalData(p, c));
}

/** The body of a complaint: the same rule as every other text of it ({@link canSeeComplaintText}). */
export function canSeeComplaintBody(p: Principal, c: PersonalDataRef): boolean {
  return canSeeComplaintText(p, c);
}

/**
 * The reporter's name and contact. An anonim report hides the reporter from the OPD it is about
 * (Perpres 76/2013 protects the pengadu), so only the complaint desk (admin, duty officer) sees it.
 */
export function canSeeReporter(p: Principal, c: PersonalDataRef): boolean {
  if (c.isAnonim) return p.role === 'admin' || p.role === 'duty_officer';
  return canSeePersonalData(p, c);
}

/** Viewers never act; OPD admins act on their own OPD's complaints but do not move them elsewhere or up the ladder. */
export function canActOnComplaint(p: Principal, c: ComplaintRef, action: ComplaintAction): boolean {
  if (p.role === 'viewer') return false;
  if (p.role === 'admin' || p.role === 'duty_officer') return true;
  if (!(c.opdId !== null && c.opdId === p.opdId)) return false;
  return action === 'acknowledge' || action === 'note' || action === 'change_status';
}

/** Whether a role acts on worklist items at all: a viewer reads only. */
export function actsOnItems(p: Principal): boolean {
  return p.role !== 'viewer';
}

/** Reading a worklist item of an OPD (a complaint that is not rahasia, a PPID request, a comment). */
export function canReadItem(p: Principal, item: { opdId: string | null }): boolean {
  return canReadComplaint(p, { opdId: item.opdId, isRahasia: false });
}

/**
 * Working an item of an OPD — owning it, recording a walk-in or a PPID step for it, acting on a comment:
 * as noting a complaint (the desk on any; an OPD admin on its own OPD's; a viewer never).
 */
export function canWorkItem(p: Principal, item: { opdId: string | null }): boolean {
  return canActOnComplaint(p, { opdId: item.opdId, isRahasia: false }, 'note');
}

/** Handing an item to someone: the desk to anyone who may work it; an OPD admin only to its OPD's admins. */
export function canAssignTo(p: Principal, assignee: { role: string }): boolean {
  return p.role !== 'opd_admin' || assignee.role === 'opd_admin';
}

/** Only admins edit the working-day calendar (it moves every open deadline). */
export function canEditCalendar(p: Principal): boolean {
  return p.role === 'admin';
}

/** Only admins change the complaint rules (deadlines, ladder, label map): they move every open deadline. */
export function canEditComplaintSettings(p: Principal): boolean {
  return p.role === 'admin';
}

/** Only admins issue and revoke restricted-widget tokens: a token shows an OPD's internal figures off-site. */
export function canManageEmbedTokens(p: Principal): boolean {
  return p.role === 'admin';
}

/** Only admins add users, change roles and reset passwords. */
export function canManageUsers(p: Principal): boolean {
  return p.role === 'admin';
}

/** Only admins issue and revoke wall device tokens. */
export function canManageDevices(p: Principal): boolean {
  return p.role === 'admin';
}

/** The audit trail is read by admins (it names every actor and item). */
export function canReadAudit(p: Principal): boolean {
  return p.role === 'admin';
}

/**
 * Which live topics a signed-in person may follow: an OPD admin its own OPD only — not the worklist,
 * whose rows name other OPDs' items, and not `province`, whose recent-complaints rows name every OPD's
 * complaints, rahasia ones included (the province's aggregates are on the public, suppressed topics);
 * everyone else every topic.
 */
export function canReadLiveTopic(p: { role: string; opdId: string | null }, topic: string): boolean {
  if (p.role !== 'opd_admin') return true;
  return p.opdId !== null && topic === opdTopic(p.opdId);
}

/**
 * Internal figures of an OPD (PPID KPIs, report, DIP, monev; social KPIs) or, with no OPD, of the whole
 * province: an OPD admin its own OPD's only; everyone else any. Routes scope an OPD admin's request
 * without an OPD to its own ({@link figuresScope}).
 */
export function canReadOpdFigures(p: Principal, opdId: string | undefined): boolean {
  return p.role !== 'opd_admin' || (opdId !== undefined && opdId === p.opdId);
}

/** The OPD a figures request is about: an OPD admin's own when it names none. */
export function figuresScope(p: Principal, opdId: string | undefined): string | undefined {
  return p.role === 'opd_admin' && opdId === undefined ? (p.opdId ?? undefined) : opdId;
}

/**
 * Sending a view to a wall screen (the governor's wall): the command center's operators — admins and
 * duty officers. Not a viewer (read-only means read-only), not an OPD admin (who runs one OPD).
 */
export function canDriveWall(p: Principal): boolean {
  return p.role === 'admin' || p.role === 'duty_officer';
}

/**
 * Marking an event on the trends (a flood, a policy, an outage): the duty desk, like driving the wall —
 * an annotation is shown on every wall and dashboard of its scope.
 */
export function canAnnotate(p: Principal): boolean {
  return p.role === 'admin' || p.role === 'duty_officer';
}

/** The wall's rotation is set by admins. */
export function canEditPlaylist(p: Principal): boolean {
  return p.role === 'admin';
}

/** PPID requests follow the complaint rules: an OPD admin reads its own OPD's only. */
export function canReadPpidRequest(p: Principal, r: { opdId: string | null }): boolean {
  return canReadComplaint(p, { opdId: r.opdId, isRahasia: false });
}

/** Acting on a PPID request: as on a complaint (an OPD admin acknowledges and notes, does not escalate). */
export function canActOnPpidRequest(
  p: Principal,
  r: { opdId: string | null },
  action: 'acknowledge' | 'escalate' | 'note',
): boolean {
  return canActOnComplaint(p, { opdId: r.opdId, isRahasia: false }, action);
}

/** The console's calendar page: admins edit; duty officers and OPD admins read it; a viewer has no console pages. */
export function canReadCalendar(p: Principal): boolean {
  return p.role !== 'viewer';
}

/**
 * The console's pages for the deadline rules and the calendar: everyone but a viewer (leadership reads
 * figures, not setup). The rules' API itself is readable by any signed-in caller, for the wall's sake.
 */
export function canReadDeadlineSetup(p: Principal): boolean {
  return p.role !== 'viewer';
}

/** Source keys and connectors: admins manage them; duty officers read their state (is a feed down?). */
export function canManageSources(p: Principal): boolean {
  return p.role === 'admin';
}

export function canReadSources(p: Principal): boolean {
  return p.role === 'admin' || p.role === 'duty_officer';
}

/**
 * Notifications: every person with a console account chooses their own; admins set anyone's (the ladder
 * names people) and read the delivery log, which names every recipient.
 */
export function canManageNotifications(p: Principal): boolean {
  return p.role === 'admin';
}

/** Scheduled reports mail figures to addresses outside Pantau: admins set them up. */
export function canManageReportSchedules(p: Principal): boolean {
  return p.role === 'admin';
}

/** An OPD admin's notifications may name its own OPD only; everyone else's any OPD. */
export function canSubscribeToOpds(p: { role: string; opdId: string | null }, opdIds: readonly string[]): boolean {
  return p.role !== 'opd_admin' || opdIds.every((o) => o === p.opdId);
}
