import { describe, expect, it } from 'vitest';
import type { Principal } from './permissions.ts';
import {
  actsOnItems,
  canActOnComplaint,
  canAssignTo,
  canEditCalendar,
  canManageEmbedTokens,
  canReadComplaint,
  canReadItem,
  canSeeComplaintBody,
  canSeePersonalData,
  canSeeReporter,
  canWorkItem,
  canAnnotate,
  type ComplaintAction,
} from './permissions.ts';

const people: Record<string, Principal> = {
  admin: { role: 'admin', opdId: null },
  duty: { role: 'duty_officer', opdId: null },
  pupr: { role: 'opd_admin', opdId: 'kalsel.pupr' },
  viewer: { role: 'viewer', opdId: null },
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

  it('works worklist items as it notes complaints: the desk any OPD’s, an OPD admin its own, a viewer none', () => {
    const grid = (f: (p: Principal, item: { opdId: string | null }) => boolean) =>
      Object.fromEntries(Object.entries(people).map(([who, p]) => [who, [own, other, undisposed].map((i) => f(p, i))]));
    expect(grid(canWorkItem)).toEqual({
      admin: [true, true, true],
      duty: [true, true, true],
      pupr: [true, false, false],
      viewer: [false, false, false],
    });
    expect(grid(canReadItem)).toEqual({
      admin: [true, true, true],
      duty: [true, true, true],
      pupr: [true, false, false],
      viewer: [true, true, true],
    });
    expect(Object.values(people).map(actsOnItems)).toEqual([true, true, true, false]);
  });

  it('lets the desk hand an item to anyone, and an OPD admin only to its OPD’s admins', () => {
    for (const who of ['admin', 'duty'])
      expect(['admin', 'duty_officer', 'opd_admin'].every((role) => canAssignTo(people[who]!, { role }))).toBe(true);
    expect(['admin', 'duty_officer', 'opd_admin'].map((role) => canAssignTo(people.pupr!, { role }))).toEqual([
      false,
      false,
      true,
    ]);
  });

  it('lets the duty desk mark events on the trends, not an OPD admin or a viewer', () => {
    expect(Object.values(people).map(canAnnotate)).toEqual([true, true, false, false]);
  });
});
