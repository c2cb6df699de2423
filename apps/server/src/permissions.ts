import type { Principal } from './auth/principal.ts';

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

/** The reporter's identity and contact, and the text of a rahasia report. */
export function canSeePersonalData(p: Principal, c: ComplaintRef): boolean {
  if (p.role === 'admin' || p.role === 'duty_officer') return true;
  return p.role === 'opd_admin' && c.opdId !== null && c.opdId === p.opdId;
}

/** Viewers never act; OPD admins act on their own OPD's complaints but do not move them elsewhere or up the ladder. */
export function canActOnComplaint(p: Principal, c: ComplaintRef, action: ComplaintAction): boolean {
  if (p.role === 'viewer') return false;
  if (p.role === 'admin' || p.role === 'duty_officer') return true;
  if (!(c.opdId !== null && c.opdId === p.opdId)) return false;
  return action === 'acknowledge' || action === 'note' || action === 'change_status';
}

/** Only admins edit the working-day calendar (it moves every open deadline). */
export function canEditCalendar(p: Principal): boolean {
  return p.role === 'admin';
}

/** Only admins change the complaint rules (deadlines, ladder, label map): they move every open deadline. */
export function canEditComplaintSettings(p: Principal): boolean {
  return p.role === 'admin';
}
