import { describe, expect, it } from 'vitest';
import type { Principal } from './auth/principal.ts';
import {
  canActOnComplaint,
  canEditCalendar,
  canReadComplaint,
  canSeePersonalData,
  type ComplaintAction,
} from './permissions.ts';

const people: Record<string, Principal> = {
  admin: { id: 'a', role: 'admin', opdId: null },
  duty: { id: 'd', role: 'duty_officer', opdId: null },
  pupr: { id: 'p', role: 'opd_admin', opdId: 'kalsel.pupr' },
  viewer: { id: 'v', role: 'viewer', opdId: null },
};
const own = { opdId: 'kalsel.pupr', isRahasia: true };
const other = { opdId: 'kalsel.dinsos', isRahasia: false };
const undisposed = { opdId: null, isRahasia: false };
const actions: ComplaintAction[] = ['acknowledge', 'escalate', 'note', 'reassign', 'change_status'];

describe('permissions', () => {
  it('an OPD admin reads only its own OPD, everyone else reads all', () => {
    expect([own, other, undisposed].map((c) => canReadComplaint(people.pupr!, c))).toEqual([true, false, false]);
    for (const who of ['admin', 'duty', 'viewer'])
      expect([own, other, undisposed].every((c) => canReadComplaint(people[who]!, c))).toBe(true);
  });

  it('personal data: admins and duty officers, an OPD admin for its own OPD, never a viewer', () => {
    expect(canSeePersonalData(people.admin!, other)).toBe(true);
    expect(canSeePersonalData(people.duty!, own)).toBe(true);
    expect(canSeePersonalData(people.pupr!, own)).toBe(true);
    expect(canSeePersonalData(people.pupr!, other)).toBe(false);
    expect(canSeePersonalData(people.viewer!, own)).toBe(false);
  });

  it.each(actions)('action %s: the whole role × OPD matrix', (action) => {
    expect(canActOnComplaint(people.admin!, other, action)).toBe(true);
    expect(canActOnComplaint(people.duty!, undisposed, action)).toBe(true);
    expect(canActOnComplaint(people.viewer!, own, action)).toBe(false);
    expect(canActOnComplaint(people.pupr!, other, action)).toBe(false);
    expect(canActOnComplaint(people.pupr!, own, action)).toBe(
      ['acknowledge', 'note', 'change_status'].includes(action),
    );
  });

  it('only an admin edits the calendar', () => {
    expect(Object.values(people).map(canEditCalendar)).toEqual([true, false, false, false]);
  });
});
