import { describe, expect, it } from 'vitest';
import type { Principal } from './auth/principal.ts';
import {
  canActOnComplaint,
  canEditCalendar,
  canManageEmbedTokens,
  canReadComplaint,
  canSeeComplaintBody,
  canSeePersonalData,
  canSeeReporter,
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

  it('body text: everyone who reads the complaint unless it is rahasia; then only the complaint desk and its OPD', () => {
    const open = { opdId: 'kalsel.pupr', isRahasia: false, isAnonim: false };
    const rahasia = { ...open, isRahasia: true };
    expect(canSeeComplaintBody(people.viewer!, open)).toBe(true);
    expect(canSeeComplaintBody(people.viewer!, rahasia)).toBe(false);
    expect(canSeeComplaintBody(people.pupr!, rahasia)).toBe(true);
    expect(canSeeComplaintBody(people.pupr!, { ...open, opdId: 'kalsel.dinsos' })).toBe(false);
    expect(canSeeComplaintBody(people.duty!, rahasia)).toBe(true);
  });

  it('reporter: an anonim report hides the reporter from the OPD it is about, never from the complaint desk', () => {
    const named = { opdId: 'kalsel.pupr', isRahasia: false, isAnonim: false };
    const anonim = { ...named, isAnonim: true };
    expect(canSeeReporter(people.pupr!, named)).toBe(true);
    expect(canSeeReporter(people.pupr!, anonim)).toBe(false);
    expect(canSeeReporter(people.duty!, anonim)).toBe(true);
    expect(canSeeReporter(people.admin!, anonim)).toBe(true);
    expect(canSeeReporter(people.viewer!, named)).toBe(false);
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

  it('only an admin issues or revokes restricted-widget tokens', () => {
    expect(Object.values(people).map(canManageEmbedTokens)).toEqual([true, false, false, false]);
  });

  it('only an admin edits the calendar', () => {
    expect(Object.values(people).map(canEditCalendar)).toEqual([true, false, false, false]);
  });
});
